package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/golden"
)

// englishCorpus returns the English fixtures.
func englishCorpus(tb testing.TB) []*events.Article {
	tb.Helper()
	fixtures, errs := golden.Load(filepath.Join(moduleRoot(tb), "fixtures"))
	require.Empty(tb, errs)
	var out []*events.Article
	for _, fx := range fixtures {
		if fx.Article.Lang == "en" {
			out = append(out, fx.Article)
		}
	}
	require.NotEmpty(tb, out)
	return out
}

// BenchmarkExtractEnglish measures Extract over the English fixtures, in
// bytes of article text per second.
func BenchmarkExtractEnglish(b *testing.B) { benchExtract(b, englishCorpus(b)) }

// BenchmarkExtractEnglishRunOn is the worst case for English: a long text
// with no sentence end, cut into sentences of sentence.MaxRunes.
func BenchmarkExtractEnglishRunOn(b *testing.B) {
	p := newParser(b)
	a := &events.Article{ID: "runon", Published: "2024-01-25", Lang: "en",
		Text: strings.Repeat("The militia attacked the base on Tuesday ", 2000)}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Extract(a)
	}
}
