package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sliceSource struct {
	arts []*events.Article
	i    int
}

func (s *sliceSource) Next() (*events.Article, error) {
	if s.i >= len(s.arts) {
		return nil, io.EOF
	}
	s.i++
	return s.arts[s.i-1], nil
}

// fakeExtractor makes one event per word of the text, dated by the article.
type fakeExtractor struct{}

func (fakeExtractor) Extract(a *events.Article) []events.Event {
	if strings.Contains(a.Text, "PANIC") {
		panic("boom")
	}
	var out []events.Event
	for i, w := range strings.Fields(a.Text) {
		out = append(out, events.Event{ID: events.MakeID(a.ID, i, 0), DocID: a.ID, SentenceIndex: i, Date: a.Published, DateEnd: a.Published, Sentence: w})
	}
	return out
}

type recorder struct {
	ids      []string
	articles []string
	failAt   int
}

func (r *recorder) Write(e *events.Event) error {
	if r.failAt > 0 && len(r.ids) == r.failAt {
		return errors.New("disk full")
	}
	r.ids = append(r.ids, e.ID)
	return nil
}

func (r *recorder) WriteArticle(a events.ArticleSummary) error {
	r.articles = append(r.articles, fmt.Sprintf("%s:%d", a.ID, a.Events))
	return nil
}

func corpus(n int) []*events.Article {
	out := make([]*events.Article, n)
	for i := range out {
		out[i] = &events.Article{ID: fmt.Sprintf("a%03d", i), Published: fmt.Sprintf("2024-01-%02d", 28-i%28), Text: strings.Repeat("w ", 1+i%5)}
	}
	return out
}

func TestRunOrderIndependentOfWorkers(t *testing.T) {
	for _, sort := range []bool{false, true} {
		var want []string
		for _, workers := range []int{1, 2, 7} {
			rec := &recorder{}
			stats, err := Run(context.Background(), &sliceSource{arts: corpus(200)}, fakeExtractor{}, rec, Options{Workers: workers, Sort: sort})
			require.NoError(t, err)
			assert.Equal(t, 200, stats.Articles)
			assert.Equal(t, len(rec.ids), stats.Events)
			if want == nil {
				want = rec.ids
				continue
			}
			assert.Equal(t, want, rec.ids, "workers=%d sort=%v", workers, sort)
		}
		if !sort {
			assert.Equal(t, "a000-s0-e0", want[0], "input order")
		} else {
			assert.Equal(t, "a027-s0-e0", want[0], "timeline order: the earliest date first")
		}
	}
}

func TestRunPanicIsReportedAndRunGoesOn(t *testing.T) {
	arts := corpus(5)
	arts[2].Text = "PANIC here"
	var failed []string
	rec := &recorder{}
	stats, err := Run(context.Background(), &sliceSource{arts: arts}, fakeExtractor{}, rec, Options{Workers: 2,
		OnError: func(a *events.Article, err error) { failed = append(failed, a.ID+": "+err.Error()) }})
	require.NoError(t, err)
	assert.Equal(t, 1, stats.Failed)
	assert.Equal(t, []string{"a002: internal error (please report it with the article): boom"}, failed)
	assert.Equal(t, []string{"a000:1", "a001:2", "a002:0", "a003:4", "a004:5"}, rec.articles)
}

func TestRunSinkErrorStops(t *testing.T) {
	rec := &recorder{failAt: 10}
	_, err := Run(context.Background(), &sliceSource{arts: corpus(500)}, fakeExtractor{}, rec, Options{Workers: 3})
	require.EqualError(t, err, "disk full")
}

// recordRecorder is a RecordSink: its records are the event ids.
type recordRecorder struct {
	recorder
	encoded atomic.Int64
}

func (r *recordRecorder) EncodeRecord(dst []byte, e *events.Event) []byte {
	r.encoded.Add(1)
	return append(dst, e.ID...)
}

func (r *recordRecorder) WriteRecord(rec []byte) error {
	r.ids = append(r.ids, string(rec))
	return nil
}

func TestRunRecordSinkWritesWhatWriteWould(t *testing.T) {
	for _, sort := range []bool{false, true} {
		for _, chunk := range []int{0, 7} {
			plain := &recorder{}
			opts := Options{Workers: 3, Sort: sort}
			_, err := Run(context.Background(), &sliceSource{arts: corpus(120)}, fakeExtractor{}, plain, opts)
			require.NoError(t, err)
			recs := &recordRecorder{}
			opts.TempDir = t.TempDir()
			opts.sortChunk = chunk
			stats, err := Run(context.Background(), &sliceSource{arts: corpus(120)}, fakeExtractor{}, recs, opts)
			require.NoError(t, err)
			assert.Equal(t, plain.ids, recs.ids, "sort=%v chunk=%d", sort, chunk)
			assert.Equal(t, int64(stats.Events), recs.encoded.Load(), "every event rendered ahead")
			assert.Equal(t, plain.articles, recs.articles)
		}
	}
}
