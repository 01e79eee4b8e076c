package textnorm

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWordCacheGet looks up the words of a news text in a warm cache,
// as the lexicon, timex and quantity packages do for every token.
func BenchmarkWordCacheGet(b *testing.B) {
	files, _ := filepath.Glob("../../fixtures/ar-*.txt")
	var words []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range Tokenize(string(data)) {
			words = append(words, t.Norm)
		}
	}
	if len(words) == 0 {
		b.Fatal("no fixtures")
	}
	var c WordCache[*int]
	one := new(int)
	f := func(string) *int { return one }
	for range 3 {
		for _, w := range words {
			c.Get(w, f)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			c.Get(w, f)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
