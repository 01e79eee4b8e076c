package parse

import (
	"bytes"
	"io"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/bench/corpus"
	"github.com/eventline/eventline/input"
)

// TestExtractKeepsNoArticle checks that nothing the parser remembers across
// articles (its word caches) keeps an article's text alive once the article
// is done: a cache entry that held a slice of the text would keep all of it,
// and on a corpus with a real vocabulary, whose new words go on filling the
// caches, memory would grow with the corpus. The articles mix in words of a
// made-up vocabulary, so that each brings words no cache holds yet.
func TestExtractKeepsNoArticle(t *testing.T) {
	srcs := append(arabicCorpus(t), englishCorpus(t)...)
	var jsonl bytes.Buffer
	_, err := corpus.Write(&jsonl, corpus.Options{Seed: 3, Bytes: 400_000, Sources: srcs, Vocabulary: 1_000_000})
	require.NoError(t, err)

	p := newParser(t)
	var freed atomic.Int64
	n := 0
	func() {
		r := input.NewReader([]string{"-"}, &jsonl, input.Options{})
		defer r.Close()
		for {
			a, err := r.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.Greater(t, len(a.Text), 100)
			runtime.AddCleanup(unsafe.StringData(a.Text), func(*atomic.Int64) { freed.Add(1) }, &freed)
			p.Extract(a)
			n++
		}
	}()
	require.Greater(t, n, 50)
	// two collections empty the pools of sentence buffers too
	deadline := time.Now().Add(5 * time.Second)
	for freed.Load() < int64(n) && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	assert.Equal(t, int64(n), freed.Load(), "article texts still in memory after their extraction")
}
