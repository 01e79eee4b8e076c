package input

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventline/eventline/bench/corpus"
	"github.com/eventline/eventline/events"
)

// BenchmarkReadJSONL reads a generated corpus of about 4 MB of JSON Lines
// (fixture-like Arabic and English articles) through the Reader.
func BenchmarkReadJSONL(b *testing.B) {
	sources := readSources(b)
	var buf bytes.Buffer
	if _, err := corpus.Write(&buf, corpus.Options{Seed: 1, Bytes: 4e6, Sources: sources}); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r := NewReader([]string{path}, nil, Options{Report: func(p Problem) { b.Fatal(p) }})
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		r.Close()
	}
}

// readSources reads the project's sample articles.
func readSources(tb testing.TB) []*events.Article {
	tb.Helper()
	arts, _ := readAll(tb, []string{"../fixtures"}, nil, Options{})
	if len(arts) == 0 {
		tb.Fatal("no sample articles in ../fixtures")
	}
	return arts
}
