package parse

import (
	"time"

	"github.com/eventline/eventline/parse/textnorm"
)

// Until packages timex and quantity land, no time expressions and no counts
// are found.
func init() {
	findTimes = func(*textnorm.Segment, string, time.Time) []timeSpan { return nil }
	findCounts = func(*textnorm.Segment, string, func(int) bool) []countSpan { return nil }
}
