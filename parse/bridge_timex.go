package parse

import (
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
	"github.com/eventline/eventline/parse/timex"
)

func init() {
	findTimes = func(dst []timeSpan, seg *textnorm.Segment, lang string, anchor time.Time) []timeSpan {
		timex.FindEach(seg, lang, anchor, func(x timex.Expr) {
			t := timeSpan{Text: x.Text, First: x.First, Last: x.Last, Start: x.Start, End: x.End,
				Date: x.Date, DateEnd: x.DateEnd, Precision: x.Precision, Relative: x.Relative}
			if x.EventRelative || t.Date == "" || t.DateEnd == "" {
				// relative to another event, or no anchor: an unknown date with its text kept
				t.Date, t.DateEnd, t.Precision = "", "", events.PrecisionUnknown
			}
			dst = append(dst, t)
		})
		return dst
	}
}
