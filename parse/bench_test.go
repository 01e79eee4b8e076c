package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/golden"
)

// arabicCorpus returns the seed article and the Arabic fixtures.
func arabicCorpus(tb testing.TB) []*events.Article {
	tb.Helper()
	out := []*events.Article{seedArticle(tb)}
	fixtures, errs := golden.Load(filepath.Join(moduleRoot(tb), "fixtures"))
	require.Empty(tb, errs)
	for _, fx := range fixtures {
		if fx.Article.Lang == "ar" {
			out = append(out, fx.Article)
		}
	}
	return out
}

// BenchmarkExtractArabic measures Extract over the seed article and the
// Arabic fixtures, in bytes of article text per second.
func BenchmarkExtractArabic(b *testing.B) { benchExtract(b, arabicCorpus(b)) }

// benchExtract measures Extract over arts, in bytes of article text per second.
func benchExtract(b *testing.B, arts []*events.Article) {
	p := newParser(b)
	b.SetBytes(int64(textSize(arts)))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			p.Extract(a)
		}
	}
}

func textSize(arts []*events.Article) int {
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	return size
}

// BenchmarkExtractArabicParallel is BenchmarkExtractArabic on all cores, as
// the pipeline runs it.
func BenchmarkExtractArabicParallel(b *testing.B) {
	p := newParser(b)
	arts := arabicCorpus(b)
	b.SetBytes(int64(textSize(arts)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, a := range arts {
				p.Extract(a)
			}
		}
	})
}

// BenchmarkExtractRunOn is the worst case: a long text with no sentence end.
func BenchmarkExtractRunOn(b *testing.B) {
	p := newParser(b)
	a := &events.Article{ID: "runon", Published: "2024-01-25", Lang: "ar",
		Text: strings.Repeat("هاجم مسلحون مجهولون موقعاً للجيش وقتلوا ثلاثة جنود و", 400)}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Extract(a)
	}
}
