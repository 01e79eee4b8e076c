package quantity

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// FuzzFind checks that Find never panics and that its output keeps the
// package invariants on any input, in both languages, with and without a
// skip callback, the same in tokens with word records and without, and
// that FindEach yields what Find returns.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"",
		"!!! ... ،، ؟",
		"قتل 3 soldiers و٢٥٠٠ جندي killed",
		"٢٬٥٠٠ ٣٫٥ ۱۵۰ ٠٠٠",
		"99999999999999999999 attacks",
		"أكثر من 99999999999999 هجوم",
		"1.2.3.4 million",
		"ألف ألف ألف ألف مليار مليار",
		"a thousand thousand million billion",
		"بين بين 20 و و30 أو",
		"half a half a dozen dozen",
		"ما يقرب من",
		"no one was killed or injured or",
		"\xff\xfe broken utf8 ٣",
		"عشرات عشرات الآلاف الآلاف",
		"twenty-five-twenty-five",
	}
	// Sentences, not a whole article: the fuzzer minimizes every new
	// interesting input, and minimizing kilobytes takes minutes.
	seeds = append(seeds,
		"ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي",
		"شنّت الجماعات أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، من دون وقوع إصابات",
		"Three U.S. service members were killed and more than 30 injured on Jan. 28, 2024.",
	)
	for _, s := range seeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, arabic bool) {
		lang := "en"
		if arabic {
			lang = "ar"
		}
		seg := textnorm.NewSegment(text, 7)
		skipEvery := func(i int) bool { return i%5 == 4 }
		for _, skip := range []func(int) bool{nil, skipEvery} {
			counts := Find(&seg, lang, skip)
			requireEachIsFind(t, &seg, lang, skip, counts)
			prevLast := 0
			for _, c := range counts {
				if c.First < prevLast || c.First >= c.Last || c.Last > len(seg.Tokens) {
					t.Fatalf("bad range %+v (previous ended at %d)", c, prevLast)
				}
				prevLast = c.Last
				if c.Text != seg.Slice(c.First, c.Last) {
					t.Fatalf("Text %q is not the slice %q", c.Text, seg.Slice(c.First, c.Last))
				}
				if c.Start != seg.Tokens[c.First].Start || c.End != seg.Tokens[c.Last-1].End {
					t.Fatalf("offsets %+v", c)
				}
				if c.Value < 0 || int64(c.Value) > MaxValue {
					t.Fatalf("value out of range %+v", c)
				}
				if (c.UnitFirst < 0) != (c.UnitLast < 0) {
					t.Fatalf("half a unit range %+v", c)
				}
				if c.UnitFirst >= 0 && (c.UnitFirst < c.First || c.UnitLast > c.Last || c.UnitFirst >= c.UnitLast) {
					t.Fatalf("unit range outside the count %+v", c)
				}
				if c.Qualifier == "" {
					t.Fatalf("no qualifier %+v", c)
				}
				if utf8.ValidString(text) && !strings.Contains(text, c.Text) {
					t.Fatalf("Text %q not in the input", c.Text)
				}
				for k := c.First; k < c.Last && skip != nil; k++ {
					if skip(k) && seg.Tokens[k].Kind == textnorm.Number {
						t.Fatalf("skipped number token %d read in %+v", k, c)
					}
				}
			}
			// tokens without word records count the same
			plain := textnorm.Segment{Text: text, Start: 7, Tokens: textnorm.AppendTokens(nil, text, 7)}
			if !reflect.DeepEqual(counts, Find(&plain, lang, skip)) {
				t.Fatalf("tokens with word records count %+v, without %+v", counts, Find(&plain, lang, skip))
			}
		}
	})
}
