package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eventline/eventline/events"
)

func TestFinishContextFuture(t *testing.T) {
	anchor, err := events.ParseDate("2024-01-25")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		date string
		day  string // the sentence's published date; "" as a sentence made without one
		want events.Context
	}{
		{"2024-01-26", "2024-01-25", events.Future},
		{"2025-01-01", "2024-01-25", events.Future},
		{"2024-01-25", "2024-01-25", events.Reported},
		{"2024-01-24", "2024-01-25", events.Reported},
		{"2023-12-31", "2024-01-25", events.Reported},
		{"2024-02-30", "2024-01-25", events.Reported}, // no such day
		{"2024-1-30", "2024-01-25", events.Reported},  // not YYYY-MM-DD
		{"", "2024-01-25", events.Reported},
		{"2024-01-26", "", events.Future},
		{"2024-01-24", "", events.Reported},
	} {
		s := &sent{day: tc.day, times: []timeSpan{{Date: tc.date}}}
		ds := []draft{{time: 0, ctx: events.Reported}}
		s.finishContext(ds, anchor)
		assert.Equal(t, tc.want, ds[0].ctx, "%q", tc.date)
	}
}
