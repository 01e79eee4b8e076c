package parse

import (
	"github.com/eventline/eventline/parse/textnorm"
)

// Until package quantity lands, no counts are found.
func init() {
	findCounts = func(*textnorm.Segment, string, func(int) bool) []countSpan { return nil }
}
