// Package timeline puts events in timeline order (events.Compare: date,
// date_end, doc_id, sentence_index, id) without holding a whole corpus in
// memory: a Sorter keeps records up to a chunk, spills each full chunk
// sorted to a temporary file, and merges the chunks when read back.
//
// A Sorter orders records by an event's events.OrderKey and carries them as
// opaque bytes: either events it encodes itself (Add, Each) or records the
// caller has already rendered in its output format (AddRecord,
// EachRecord), so that the costly encoding can run on many goroutines and
// the merge only copies bytes.
//
// Ties (the same doc_id and id twice, from duplicated articles) keep their
// input order, so the output is the same on every run and machine.
package timeline

import (
	"container/heap"
	"errors"
	"fmt"
	"os"

	"github.com/eventline/eventline/events"
)

// DefaultChunkSize is how many records a Sorter holds before spilling.
const DefaultChunkSize = 20000

// DefaultChunkBytes is how many bytes of records a Sorter holds before spilling.
const DefaultChunkBytes = 32 << 20

// mergeBuffers bounds the read buffers of all spill files merged at once
// (besides them, each file being merged holds one block, compressed and
// decoded).
const mergeBuffers = 16 << 20

// Sorter collects records and yields them in timeline order: events with
// Add and Each, or the caller's own records with AddRecord and EachRecord.
type Sorter struct {
	// ChunkSize is the number of records held in memory; 0 means DefaultChunkSize.
	ChunkSize int
	// ChunkBytes bounds the bytes of records held in memory; 0 means DefaultChunkBytes.
	ChunkBytes int
	// Dir is where spill files go; "" means os.TempDir().
	Dir string

	buf      []item
	bufBytes int
	seq      int64
	files    []string
	spilling chan spillDone // the spill in flight, if any
	spare    []item         // the buffer of the last spill, for the next chunk
}

// spillDone is what a spill in the background reports.
type spillDone struct {
	name string // the spill file, "" if none was created
	buf  []item // the buffer it wrote, emptied
	err  error
}

type item struct {
	seq int64
	key events.OrderKey
	rec []byte
}

func (s *Sorter) full() bool {
	size, bytes := s.ChunkSize, s.ChunkBytes
	if size <= 0 {
		size = DefaultChunkSize
	}
	if bytes <= 0 {
		bytes = DefaultChunkBytes
	}
	return len(s.buf) >= size || s.bufBytes >= bytes
}

func less(a, b *item) int {
	if c := events.CompareKeys(&a.key, &b.key); c != 0 {
		return c
	}
	switch {
	case a.seq < b.seq:
		return -1
	case a.seq > b.seq:
		return 1
	}
	return 0
}

// Add takes one event (encoded with AppendEvent).
func (s *Sorter) Add(e *events.Event) error {
	return s.AddRecord(e.OrderKey(), AppendEvent(nil, e))
}

// AddRecord takes one record, placed in timeline order by key. The Sorter
// keeps rec: the caller must not change it afterwards.
func (s *Sorter) AddRecord(key events.OrderKey, rec []byte) error {
	s.buf = append(s.buf, item{seq: s.seq, key: key, rec: rec})
	s.bufBytes += len(rec) + len(key.Date) + len(key.DateEnd) + len(key.DocID) + len(key.ID)
	s.seq++
	if s.full() {
		return s.spill()
	}
	return nil
}

// spill sorts the buffer and writes it to a temporary file in the
// background, while the next chunk fills; a chunk that fills before the
// spill ahead of it is done waits for it. So at most two chunks are held.
func (s *Sorter) spill() error {
	if err := s.wait(); err != nil {
		return err
	}
	buf := s.buf
	s.buf, s.spare = s.spare[:0], nil
	s.bufBytes = 0
	done := make(chan spillDone, 1)
	s.spilling = done
	go func() {
		order := sortedOrder(buf)
		name, err := s.writeRun(func(put func(*item) error) error {
			for _, i := range order {
				if err := put(&buf[i]); err != nil {
					return err
				}
			}
			return nil
		})
		clear(buf) // drop the records for the collector
		done <- spillDone{name: name, buf: buf[:0], err: err}
	}()
	return nil
}

// wait waits for the spill in flight, if any, and takes its file.
func (s *Sorter) wait() error {
	if s.spilling == nil {
		return nil
	}
	d := <-s.spilling
	s.spilling = nil
	if d.name != "" {
		s.files = append(s.files, d.name)
	}
	s.spare = d.buf
	if d.err != nil {
		return fmt.Errorf("timeline: spill: %w", d.err)
	}
	return nil
}

// writeRun writes a new spill file with the items that each gives to put,
// in order, and returns its name, also on error ("" if it could not be
// created): the caller adds it to s.files, which Close removes. It touches
// no other field of s, so that a spill can run beside AddRecord.
func (s *Sorter) writeRun(each func(put func(*item) error) error) (string, error) {
	f, err := os.CreateTemp(s.Dir, "eventline-sort-*.bin")
	if err != nil {
		return "", err
	}
	w := spillWriter{f: f}
	err = each(w.put)
	if err == nil {
		err = w.finish()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return f.Name(), err
}

type runHeap []*run

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return less(&h[i].head, &h[j].head) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*run)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Each calls fn with every event added, in timeline order, then releases
// the Sorter's memory and files. fn's error stops the iteration. The event
// is reused by the next call. It reads the records with DecodeEvent: those
// of Add, or records made by AppendEvent and given to AddRecord.
func (s *Sorter) Each(fn func(*events.Event) error) error {
	var e events.Event
	return s.EachRecord(func(rec []byte) error {
		if err := DecodeEvent(rec, &e); err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
		return fn(&e)
	})
}

// EachRecord calls fn with every record added, in timeline order, then
// releases the Sorter's memory and files. fn's error stops the iteration.
// fn must not keep rec: its bytes may be reused by the next call.
func (s *Sorter) EachRecord(fn func(rec []byte) error) error {
	defer s.Close()
	if err := s.wait(); err != nil {
		return err
	}
	if len(s.files) == 0 {
		for _, i := range sortedOrder(s.buf) {
			if err := fn(s.buf[i].rec); err != nil {
				return err
			}
		}
		return nil
	}
	// the last chunk joins the merge from memory: writing it to a file
	// to read it back at once would only lengthen the end of the run
	last := &run{items: s.buf, order: sortedOrder(s.buf)}
	for len(s.files) > maxMergeFiles {
		if err := s.mergeSome(); err != nil {
			return err
		}
	}
	return mergeAhead(s.files, last, fn)
}

// mergeBatchBytes is about how many bytes of records mergeAhead hands over
// at a time.
const mergeBatchBytes = 1 << 20

// recordBatch is records merged ahead, one after another in buf.
type recordBatch struct {
	buf  []byte
	ends []int
}

// mergeAhead calls fn with the records of the sorted spill files, in order,
// while a second goroutine reads and merges the next ones: the merge's reads
// and fn's writes, the last stretch of a sorted run, overlap. At most three
// batches of about mergeBatchBytes are held.
func mergeAhead(names []string, last *run, fn func(rec []byte) error) error {
	full := make(chan *recordBatch, 1)
	free := make(chan *recordBatch, 3) // room for every batch: giving one back never blocks
	free <- &recordBatch{}
	free <- &recordBatch{}
	stop := make(chan struct{})
	merged := make(chan error, 1)
	go func() {
		defer close(full)
		b := &recordBatch{}
		send := func() bool {
			select {
			case full <- b:
			case <-stop:
				return false
			}
			select {
			case b = <-free:
			case <-stop:
				return false
			}
			b.buf, b.ends = b.buf[:0], b.ends[:0]
			return true
		}
		err := mergeFiles(names, last, func(it *item) error {
			b.buf = append(b.buf, it.rec...)
			b.ends = append(b.ends, len(b.buf))
			if len(b.buf) >= mergeBatchBytes && !send() {
				return errStopped
			}
			return nil
		})
		if err == nil && len(b.ends) > 0 {
			send()
		}
		merged <- err
	}()
	var fnErr error
	for b := range full {
		if fnErr == nil {
			start := 0
			for _, end := range b.ends {
				if fnErr = fn(b.buf[start:end:end]); fnErr != nil {
					close(stop)
					break
				}
				start = end
			}
		}
		free <- b
	}
	err := <-merged
	if fnErr != nil {
		return fnErr
	}
	return err
}

// errStopped ends a merge whose reader has stopped.
var errStopped = errors.New("timeline: merge stopped")

// maxMergeFiles is how many spill files are merged at once: past it (a
// corpus of many gigabytes) the oldest are first merged into one larger
// file, so that open files and read buffers stay bounded.
var maxMergeFiles = 128

// mergeSome merges the first maxMergeFiles spill files into a new one at
// the end of the list. Their items keep their sequence numbers, so ties
// still come out in input order.
func (s *Sorter) mergeSome() error {
	batch := s.files[:maxMergeFiles:maxMergeFiles]
	s.files = s.files[maxMergeFiles:]
	name, err := s.writeRun(func(put func(*item) error) error { return mergeFiles(batch, nil, put) })
	if name != "" {
		s.files = append(s.files, name)
	}
	for _, name := range batch {
		os.Remove(name)
	}
	if err != nil {
		return fmt.Errorf("timeline: merge: %w", err)
	}
	return nil
}

// mergeFiles calls fn with the items of the sorted spill files and of the
// run in memory, if any, in order.
func mergeFiles(names []string, mem *run, fn func(*item) error) error {
	h := make(runHeap, 0, len(names)+1)
	defer func() {
		for _, r := range h {
			r.close()
		}
	}()
	if mem != nil {
		if ok, _ := mem.next(); ok {
			h = append(h, mem)
		}
	}
	bufSize := min(max(mergeBuffers/len(names), 16<<10), 64<<10)
	for _, name := range names {
		r, err := openRun(name, bufSize)
		if err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			r.close()
			return err
		}
		if !ok {
			r.close()
			continue
		}
		h = append(h, r)
	}
	heap.Init(&h)
	for h.Len() > 0 {
		r := h[0]
		if err := fn(&r.head); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			r.close()
			heap.Pop(&h)
		}
	}
	return nil
}

// Close removes the spill files and drops the buffer; Each calls it.
func (s *Sorter) Close() error {
	first := s.wait()
	for _, name := range s.files {
		if err := os.Remove(name); err != nil && !os.IsNotExist(err) && first == nil {
			first = err
		}
	}
	s.files = nil
	s.buf, s.spare = nil, nil
	s.bufBytes = 0
	return first
}
