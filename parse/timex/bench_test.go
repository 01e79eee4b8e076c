package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/parse/textnorm"
)

var benchSentences = []struct{ lang, text string }{
	{"ar", "ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، ضدّ جنود أميركيين وقوات التحالف في العراق وسوريا."},
	{"ar", "وفي هذا السياق أيضا، أعلنت واشنطن أنّها استهدفت الثلاثاء كتائب حزب الله، بينما أفاد مسؤول أمني بأنّ غارات جوية استهدفت ليل الثلاثاء مواقع لفصائل مسلّحة موالية لإيران."},
	{"ar", "ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي، وذلك في إطار عمل التحالف الدولي الذي أطلقته واشنطن في العام 2014."},
	{"en", "U.S. and coalition forces have been attacked more than 150 times in Iraq and Syria since Oct. 17, the Pentagon said on Thursday."},
	{"en", "Iraq declared victory over the Islamic State group at the end of 2017, but about 2,500 U.S. troops remain in the country."},
	{"en", "At least 20 people were killed in the past 48 hours, and fighting raged overnight Saturday into Sunday, officials said."},
}

func BenchmarkFind(b *testing.B) {
	segs := make([]textnorm.Segment, len(benchSentences))
	for i, s := range benchSentences {
		segs[i] = textnorm.NewSegment(s.text, 0)
	}
	if err := Check(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range segs {
			Find(&segs[i], benchSentences[i].lang, seedAnchor)
		}
	}
}

// fixtureSegments returns the sentences of the fixture articles of language
// lang (../../fixtures/lang-*.txt), split roughly at line ends and full
// stops: a stand-in for the parser's sentences, most of which hold no time
// expression.
func fixtureSegments(tb testing.TB, lang string) []textnorm.Segment {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", lang+"-*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no %s fixtures: %v", lang, err)
	}
	var segs []textnorm.Segment
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text := string(b)
		if rest, ok := strings.CutPrefix(text, "---\n"); ok { // front matter
			if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
				text = body
			}
		}
		for line := range strings.SplitSeq(text, "\n") {
			for s := range strings.SplitSeq(line, ". ") {
				if strings.TrimSpace(s) != "" {
					segs = append(segs, textnorm.NewSegment(s, 0))
				}
			}
		}
	}
	return segs
}

func benchFindFixtures(b *testing.B, lang string) {
	segs := fixtureSegments(b, lang)
	if err := Check(); err != nil {
		b.Fatal(err)
	}
	for i := range segs { // fill the shared caches
		Find(&segs[i], lang, seedAnchor)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range segs {
			Find(&segs[i], lang, seedAnchor)
		}
	}
}

// BenchmarkFindArabicFixtures runs Find over the sentences of the Arabic
// fixture articles.
func BenchmarkFindArabicFixtures(b *testing.B) { benchFindFixtures(b, "ar") }

// BenchmarkFindEnglishFixtures runs Find over the sentences of the English
// fixture articles.
func BenchmarkFindEnglishFixtures(b *testing.B) { benchFindFixtures(b, "en") }
