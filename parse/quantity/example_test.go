package quantity_test

import (
	"fmt"

	"github.com/eventline/eventline/parse/quantity"
	"github.com/eventline/eventline/parse/textnorm"
)

func ExampleFind() {
	seg := textnorm.NewSegment("ونفذت الجماعات أكثر من 150 هجوماً صاروخياً", 0)
	for _, c := range quantity.Find(&seg, "ar", nil) {
		fmt.Println(c.Value, c.Qualifier, c.Unit, c.Text)
	}
	seg = textnorm.NewSegment("Three U.S. soldiers were killed and 34 wounded.", 0)
	for _, c := range quantity.Find(&seg, "en", nil) {
		fmt.Println(c.Value, c.Qualifier, c.Unit, c.Role, c.Text)
	}
	// Output:
	// 150 more_than attack أكثر من 150 هجوماً
	// 3 exact soldier killed Three U.S. soldiers
	// 34 exact soldier wounded 34
}
