package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// findUngated is Find with the first-set checks of the rules off.
func findUngated(seg *textnorm.Segment, lang string, anchor time.Time) []Expr {
	gates = false
	defer func() { gates = true }()
	return Find(seg, lang, anchor)
}

// requireGatesSkipOnly checks that the first-set checks of the rules
// (parser.may) change nothing Find returns for seg.
func requireGatesSkipOnly(t testing.TB, seg *textnorm.Segment, lang string, anchor time.Time) {
	t.Helper()
	require.Equal(t, findUngated(seg, lang, anchor), Find(seg, lang, anchor), "with and without gates: %q", seg.Text)
}

// TestGatesFixtures checks the first-set checks on the sentences of the
// fixture articles, with and without an anchor. The test cases of Find
// check them too (runFindCases), and so does FuzzFind.
func TestGatesFixtures(t *testing.T) {
	for _, lang := range []string{"ar", "en"} {
		segs := fixtureSegments(t, lang)
		for i := range segs {
			requireGatesSkipOnly(t, &segs[i], lang, seedAnchor)
			requireGatesSkipOnly(t, &segs[i], lang, time.Time{})
		}
	}
}
