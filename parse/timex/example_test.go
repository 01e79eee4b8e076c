package timex_test

import (
	"fmt"
	"time"

	"github.com/eventline/eventline/parse/textnorm"
	"github.com/eventline/eventline/parse/timex"
)

func ExampleFind() {
	anchor := time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC) // published on a Thursday
	seg := textnorm.NewSegment("ومنذ منتصف تشرين الأول/أكتوبر، استهدفت غارات ليل الثلاثاء مواقع في العراق", 120)
	for _, x := range timex.Find(&seg, "ar", anchor) {
		fmt.Println(x.Text, x.Start, x.End, x.Date, x.DateEnd, x.Precision)
	}
	seg = textnorm.NewSegment("Iraq declared victory over IS at the end of 2017.", 0)
	for _, x := range timex.Find(&seg, "en", time.Time{}) { // unknown anchor: absolute dates still resolve
		fmt.Println(x.Text, x.Date, x.DateEnd, x.Precision)
	}
	// Output:
	// ومنذ منتصف تشرين الأول/أكتوبر 120 149 2023-10-11 2024-01-25 range
	// ليل الثلاثاء 165 177 2024-01-23 2024-01-23 day
	// at the end of 2017 2017-09-01 2017-12-31 year
}
