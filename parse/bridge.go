package parse

import (
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// timeSpan is a time expression found in a sentence (from package timex).
// First and Last are token indices in the segment, Last exclusive.
type timeSpan struct {
	Text          string
	First, Last   int
	Start, End    int
	Date, DateEnd string
	Precision     events.Precision
	Relative      bool
}

// countRole says whether a count is of people killed or wounded (from
// package quantity).
type countRole uint8

const (
	roleNone countRole = iota
	roleKilled
	roleWounded
	roleCasualties
)

// countSpan is a count found in a sentence (from package quantity). First
// and Last are token indices, Last exclusive; UnitFirst/UnitLast likewise, -1
// when no unit noun was found.
type countSpan struct {
	Text                string
	First, Last         int
	Start, End          int
	Value               int
	Qualifier           events.Qualifier
	Unit                string
	UnitFirst, UnitLast int
	Role                countRole
	Vague               bool
}

// findTimes and findCounts are the seams to packages timex and quantity:
// they append what they find to dst (nil, or a sentence's reused storage).
var (
	findTimes  func(dst []timeSpan, seg *textnorm.Segment, lang string, anchor time.Time) []timeSpan
	findCounts func(dst []countSpan, seg *textnorm.Segment, lang string, skip func(tok int) bool) []countSpan
)
