package scale

import (
	"context"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventline/eventline/bench/corpus"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/input"
	"github.com/eventline/eventline/parse"
	"github.com/eventline/eventline/pipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sources reads the fixture articles the corpus generator recombines.
func sources(t testing.TB) []*events.Article {
	r := input.NewReader([]string{"../fixtures"}, nil, input.Options{})
	var out []*events.Article
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		out = append(out, a)
	}
	require.NotEmpty(t, out)
	return out
}

// peakHeap streams a generated corpus of size bytes (with words of a
// made-up vocabulary of vocab words mixed in, if vocab > 0) through the
// real reader, parser, timeline sorter and JSONL writer, and returns the
// highest heap in use seen while it ran, with the number of events.
func peakHeap(t *testing.T, size int64, vocab int) (uint64, int) {
	t.Helper()
	srcs := sources(t)
	p, err := parse.New()
	require.NoError(t, err)
	pr, pw := io.Pipe()
	go func() {
		_, err := corpus.Write(pw, corpus.Options{Seed: 42, Bytes: size, Sources: srcs, Vocabulary: vocab})
		pw.CloseWithError(err)
	}()
	runtime.GC()
	var peak atomic.Uint64
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		for {
			old := peak.Load()
			if m.HeapInuse <= old || peak.CompareAndSwap(old, m.HeapInuse) {
				return
			}
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	reader := input.NewReader([]string{"-"}, pr, input.Options{})
	w := export.NewJSONL(io.Discard)
	stats, err := pipeline.Run(context.Background(), reader, p, w, pipeline.Options{Workers: 2, Sort: true, TempDir: t.TempDir()})
	require.NoError(t, err)
	require.NoError(t, w.Close())
	sample()
	close(stop)
	wg.Wait()
	t.Logf("corpus %d MB (made-up vocabulary %d): %d articles, %d events, peak heap in use %.1f MB", size>>20, vocab, stats.Articles, stats.Events, float64(peak.Load())/(1<<20))
	return peak.Load(), stats.Events
}

// TestMemoryBoundedByArticlesInFlight streams a small and a six times
// larger corpus: the peak heap must not grow with the corpus. The corpus
// either repeats the sample articles' words, or mixes in words of a large
// made-up vocabulary, as real news brings new words to the end: the
// parser's word caches then grow, but only up to their bounds, and must keep
// nothing of the articles themselves.
func TestMemoryBoundedByArticlesInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 70 MB through the parser; run without -short")
	}
	for _, tt := range []struct {
		name   string
		vocab  int
		growth uint64 // what the larger corpus may add to the peak, besides doubling
	}{
		{name: "sample vocabulary", growth: 32 << 20},
		{name: "large vocabulary", vocab: 1_000_000, growth: 64 << 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			small, _ := peakHeap(t, 5<<20, tt.vocab)
			large, n := peakHeap(t, 30<<20, tt.vocab)
			assert.Less(t, large, small*2+tt.growth, "peak heap grew with the corpus: %d MB for 5 MB, %d MB for 30 MB", small>>20, large>>20)
			assert.Less(t, large, uint64(300<<20), "peak heap over 300 MB")
			t.Logf("%d events streamed", n)
		})
	}
}
