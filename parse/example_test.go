package parse_test

import (
	"fmt"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse"
)

func ExampleParser_Extract() {
	p, err := parse.New()
	if err != nil {
		panic(err)
	}
	a := &events.Article{ID: "afp-1", Published: "2024-01-25", Lang: "ar", Source: "AFP",
		Text: "وأعلنت واشنطن أنها استهدفت الثلاثاء كتائب حزب الله في العراق. وتبنّت الحركة الهجوم على القاعدة."}
	for _, e := range p.Extract(a) {
		fmt.Println(e.ID, e.EventType, e.Actor1, "→", e.Actor2, e.Date, e.DatePrecision, e.Location, e.Context)
	}
	// Output:
	// afp-1-s0-e0 airstrike United States → Kataib Hezbollah 2024-01-23 day Iraq reported
	// afp-1-s1-e0 claim Kataib Hezbollah →  2024-01-25 unknown  reported
	// afp-1-s1-e1 attack Kataib Hezbollah →  2024-01-25 unknown  claimed
}
