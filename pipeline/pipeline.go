// Package pipeline runs extraction over a stream of articles: one reader,
// N extracting workers, and one writer that receives the results in input
// order, so the output of -j 8 is byte-identical to that of -j 1.
//
// Memory is bounded by the articles in flight (a small multiple of the
// number of workers), never by the corpus: the reader waits while the
// writer catches up. With Sort, events pass through a timeline.Sorter,
// which spills to disk beyond a fixed number of events or bytes.
//
// The workers also render their events, into the sink's own records when
// the sink is a RecordSink (CSV, JSON, JSON Lines), else for the sorter, so
// that the one writing goroutine, which every event passes, only copies
// bytes.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/timeline"
)

// Source yields articles; io.EOF ends the stream (input.Reader is one).
type Source interface {
	Next() (*events.Article, error)
}

// Extractor turns an article into events (parse.Parser is one). It must be
// safe for concurrent use.
type Extractor interface {
	Extract(a *events.Article) []events.Event
}

// Sink receives the events (export.Writer is one).
type Sink interface {
	Write(e *events.Event) error
}

// RecordSink is implemented by sinks that can render an event on its own,
// ahead of writing it (export.RecordEncoder): Run renders events on the
// extracting goroutines, so that the one writing goroutine only copies
// bytes. EncodeRecord must be safe for concurrent use.
type RecordSink interface {
	EncodeRecord(dst []byte, e *events.Event) []byte
	WriteRecord(rec []byte) error
}

// RecordEncoderMaker is implemented by RecordSinks whose records render
// faster with state kept from one event to the next
// (export.RecordEncoderMaker: JSON, JSON Lines): NewRecordEncoder returns a
// function that renders as EncodeRecord does, for one goroutine, and Run
// gives each extracting goroutine one.
type RecordEncoderMaker interface {
	NewRecordEncoder() func(dst []byte, e *events.Event) []byte
}

// ArticleSink is implemented by sinks that also list articles.
type ArticleSink interface {
	WriteArticle(a events.ArticleSummary) error
}

// Options tune a run.
type Options struct {
	// Workers is the number of extracting goroutines; 0 means all cores.
	Workers int
	// Sort writes the events in timeline order (events.Compare) instead of
	// input order; it spills to TempDir beyond timeline.DefaultChunkSize events.
	Sort    bool
	TempDir string
	// Progress, if set, is called in input order after each article is done.
	Progress func(a *events.Article, n int)
	// OnError receives an article whose extraction failed (a bug: the
	// parser panicked); the run goes on with the next article.
	OnError func(a *events.Article, err error)

	sortChunk int // timeline.Sorter.ChunkSize, for tests
}

// Stats counts what a run did.
type Stats struct {
	Articles int
	Events   int
	Bytes    int64 // article text bytes extracted
	Failed   int   // articles whose extraction failed
}

type job struct {
	seq int
	a   *events.Article
}

type result struct {
	seq  int
	a    *events.Article
	evs  []events.Event
	recs [][]byte // the events rendered, when Run encodes them ahead
	err  error
}

// encodeAll renders every event with encode into one buffer and returns
// each event's record, a slice of it.
func encodeAll(evs []events.Event, encode func([]byte, *events.Event) []byte) [][]byte {
	if len(evs) == 0 {
		return nil
	}
	size := 0 // about what a record takes: its long texts and some 800 bytes of the rest
	for i := range evs {
		size += len(evs[i].Sentence) + len(evs[i].Quote) + 800
	}
	buf := make([]byte, 0, size)
	ends := make([]int, len(evs))
	for i := range evs {
		buf = encode(buf, &evs[i])
		ends[i] = len(buf)
	}
	recs := make([][]byte, len(evs))
	start := 0
	for i, end := range ends {
		recs[i] = buf[start:end:end]
		start = end
	}
	return recs
}

// Run extracts every article of src with x and writes the events to sink.
// It stops at the first error of the source or the sink, or when ctx is done.
func Run(ctx context.Context, src Source, x Extractor, sink Sink, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Events are rendered on the extracting goroutines: into the sink's own
	// records when it can (RecordSink), else, for the sorter, into
	// timeline's event records.
	var encode func([]byte, *events.Event) []byte
	recordSink, isRecordSink := sink.(RecordSink)
	maker, _ := sink.(RecordEncoderMaker)
	switch {
	case isRecordSink:
		encode = recordSink.EncodeRecord
	case opts.Sort:
		encode = timeline.AppendEvent
	}
	if !isRecordSink {
		maker = nil
	}

	inFlight := make(chan struct{}, workers*4)
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	readErr := make(chan error, 1)

	go func() { // reader
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				readErr <- nil
				return
			}
			a, err := src.Next()
			if err != nil {
				if err == io.EOF {
					err = nil
				}
				readErr <- err
				return
			}
			select {
			case jobs <- job{seq, a}:
			case <-ctx.Done():
				readErr <- nil
				return
			}
		}
	}()
	done := make(chan struct{})
	for i := 0; i < workers; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			encode := encode
			if maker != nil {
				encode = maker.NewRecordEncoder() // this goroutine's own
			}
			for j := range jobs {
				r := result{seq: j.seq, a: j.a}
				r.evs, r.err = extract(x, j.a)
				if encode != nil {
					r.recs = encodeAll(r.evs, encode)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for i := 0; i < workers; i++ {
			<-done
		}
		close(results)
	}()

	var stats Stats
	var sorter *timeline.Sorter
	if opts.Sort {
		sorter = &timeline.Sorter{Dir: opts.TempDir, ChunkSize: opts.sortChunk}
		defer sorter.Close()
	}
	pending := map[int]result{}
	next := 0
	var sinkErr error
	emit := func(r result) error {
		stats.Articles++
		stats.Bytes += int64(len(r.a.Text))
		if r.err != nil {
			stats.Failed++
			if opts.OnError != nil {
				opts.OnError(r.a, r.err)
			}
		}
		stats.Events += len(r.evs)
		if as, ok := sink.(ArticleSink); ok {
			if err := as.WriteArticle(r.a.Summary(len(r.evs))); err != nil {
				return err
			}
		}
		for i := range r.evs {
			var err error
			switch {
			case sorter != nil:
				err = sorter.AddRecord(r.evs[i].OrderKey(), r.recs[i])
			case r.recs != nil:
				err = recordSink.WriteRecord(r.recs[i])
			default:
				err = sink.Write(&r.evs[i])
			}
			if err != nil {
				return err
			}
		}
		if opts.Progress != nil {
			opts.Progress(r.a, len(r.evs))
		}
		return nil
	}
	for r := range results {
		if sinkErr != nil {
			continue // drain
		}
		pending[r.seq] = r
		for {
			rr, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-inFlight
			if err := emit(rr); err != nil {
				sinkErr = err
				cancel()
				break
			}
		}
	}
	if sinkErr != nil {
		return stats, sinkErr
	}
	if err := <-readErr; err != nil {
		return stats, err
	}
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	if sorter != nil {
		var err error
		if isRecordSink {
			err = sorter.EachRecord(recordSink.WriteRecord)
		} else {
			err = sorter.Each(sink.Write)
		}
		if err != nil {
			return stats, err
		}
	}
	return stats, nil
}

// extract runs the extractor, turning a panic into an error so one bad
// article cannot take the corpus down.
func extract(x Extractor, a *events.Article) (evs []events.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			evs = nil
			err = fmt.Errorf("internal error (please report it with the article): %v", r)
		}
	}()
	return x.Extract(a), nil
}
