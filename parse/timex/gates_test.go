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

// TestCanStartDeadNext checks which first tokens Find tries before a token
// that no rule reads (parser.dead), and that the gate changes nothing.
func TestCanStartDeadNext(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	for _, c := range []struct {
		text  string
		start bool // whether Find tries token 0
	}{
		{"في البيت", false},         // a preposition before a word no rule reads
		{"من المدينة", false},       // من opens an interval only before its first end
		{"على الحدود", false},       // على is only read after other tokens
		{"في", false},               // nothing after it
		{"في 2014", true},           // a number after it
		{"في العام 2014", true},     // a word of the lexicon after it
		{"في ال 2014", true},        // the article written apart is read
		{"في / أكتوبر", true},       // punctuation is read by its text
		{"الخميس الماضي", true},     // a weekday
		{"الخميس البيت", true},      // a weekday alone is an expression
		{"أمس البيت", true},         // so is a day relative to the anchor
		{"وأكتوبر البيت", true},     // and a month, with a clitic
		{"غداة الهجوم", true},       // and a day relative to another event
		{"overnight strikes", true}, // and overnight
		{"25.01.2024 البيت", true},  // and a date with points
		{"25 جندياً", false},        // a number before a word no rule reads
		{"25 كانون الثاني", true},   // a number before a month
		{"25/01/2024", true},        // and before punctuation
		{"2014", false},             // nothing after it
		{"منذ البيت", false},        // since needs what follows
		{"يوم البيت", false},        // a part of the day needs its day
		{"العام البيت", false},      // a calendar unit needs its modifier
	} {
		seg := textnorm.NewSegment(c.text, 0)
		p := getParser(lx, seg.Tokens)
		got := p.canStart(0)
		putParser(p)
		require.Equal(t, c.start, got, "canStart(0) of %q", c.text)
		requireGatesSkipOnly(t, &seg, "ar", seedAnchor)
	}
}

// TestFindEachFixtures checks that FindEach yields what Find returns on
// the sentences of the fixture articles, with and without an anchor.
func TestFindEachFixtures(t *testing.T) {
	found := 0
	for _, lang := range []string{"ar", "en"} {
		segs := fixtureSegments(t, lang)
		for i := range segs {
			for _, anchor := range []time.Time{seedAnchor, {}} {
				xs := Find(&segs[i], lang, anchor)
				requireEachIsFind(t, &segs[i], lang, anchor, xs)
				found += len(xs)
			}
		}
	}
	require.Positive(t, found)
}
