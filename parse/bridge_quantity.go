package parse

import (
	"github.com/eventline/eventline/parse/quantity"
	"github.com/eventline/eventline/parse/textnorm"
)

func init() {
	findCounts = func(dst []countSpan, seg *textnorm.Segment, lang string, skip func(int) bool) []countSpan {
		quantity.FindEach(seg, lang, skip, func(c quantity.Count) {
			r := roleNone
			switch c.Role {
			case quantity.Killed:
				r = roleKilled
			case quantity.Wounded:
				r = roleWounded
			case quantity.Casualties:
				r = roleCasualties
			}
			dst = append(dst, countSpan{Text: c.Text, First: c.First, Last: c.Last, Start: c.Start, End: c.End,
				Value: c.Value, Qualifier: c.Qualifier, Unit: c.Unit, UnitFirst: c.UnitFirst, UnitLast: c.UnitLast,
				Role: r, Vague: c.Vague})
		})
		return dst
	}
}
