// Package timeline puts events in timeline order (events.Compare: date,
// date_end, doc_id, sentence_index, id) without holding a whole corpus in
// memory: a Sorter keeps up to ChunkSize events, spills each full chunk
// sorted to a temporary file, and merges the chunks when read back.
//
// Ties (the same doc_id and id twice, from duplicated articles) keep their
// input order, so the output is the same on every run and machine.
package timeline

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/eventline/eventline/events"
)

// DefaultChunkSize is how many events a Sorter holds before spilling.
const DefaultChunkSize = 20000

// Sorter collects events and yields them in timeline order.
type Sorter struct {
	// ChunkSize is the number of events held in memory; 0 means DefaultChunkSize.
	ChunkSize int
	// Dir is where spill files go; "" means os.TempDir().
	Dir string

	buf   []item
	seq   int64
	files []string
}

type item struct {
	seq int64
	ev  events.Event
}

func (s *Sorter) chunk() int {
	if s.ChunkSize > 0 {
		return s.ChunkSize
	}
	return DefaultChunkSize
}

func less(a, b *item) int {
	if c := events.Compare(&a.ev, &b.ev); c != 0 {
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

// Add takes one event.
func (s *Sorter) Add(e *events.Event) error {
	s.buf = append(s.buf, item{seq: s.seq, ev: *e})
	s.seq++
	if len(s.buf) >= s.chunk() {
		return s.spill()
	}
	return nil
}

// spill writes the sorted buffer to a temporary file.
func (s *Sorter) spill() error {
	slices.SortFunc(s.buf, func(a, b item) int { return less(&a, &b) })
	f, err := os.CreateTemp(s.Dir, "eventline-sort-*.bin")
	if err != nil {
		return fmt.Errorf("timeline: spill: %w", err)
	}
	s.files = append(s.files, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range s.buf {
		if err := writeItem(w, &s.buf[i]); err != nil {
			f.Close()
			return fmt.Errorf("timeline: spill: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("timeline: spill: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("timeline: spill: %w", err)
	}
	s.buf = s.buf[:0]
	return nil
}

// Spill files hold one record after another: the input sequence number,
// then each field of events.Fields as its text (Field.Get), every value
// preceded by its length as a uvarint. Field.Set reads them back exactly.

func writeItem(w *bufio.Writer, it *item) error {
	var buf [binary.MaxVarintLen64]byte
	w.Write(buf[:binary.PutUvarint(buf[:], uint64(it.seq))])
	for _, f := range events.Fields {
		v := f.Get(&it.ev)
		w.Write(buf[:binary.PutUvarint(buf[:], uint64(len(v)))])
		if _, err := w.WriteString(v); err != nil {
			return err
		}
	}
	return nil
}

// run is one sorted spill file being merged.
type run struct {
	r    *bufio.Reader
	f    *os.File
	head item
	buf  []byte
}

func (r *run) next() (bool, error) {
	seq, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, r.corrupt(err)
	}
	r.head = item{seq: int64(seq)}
	for _, f := range events.Fields {
		n, err := binary.ReadUvarint(r.r)
		if err != nil {
			return false, r.corrupt(err)
		}
		if uint64(cap(r.buf)) < n {
			r.buf = make([]byte, n)
		}
		b := r.buf[:n]
		if _, err := io.ReadFull(r.r, b); err != nil {
			return false, r.corrupt(err)
		}
		if err := f.Set(&r.head.ev, string(b)); err != nil {
			return false, r.corrupt(err)
		}
	}
	return true, nil
}

func (r *run) corrupt(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("timeline: corrupt spill file %s: %w", r.f.Name(), err)
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
// the Sorter's memory and files. fn's error stops the iteration.
func (s *Sorter) Each(fn func(*events.Event) error) error {
	defer s.Close()
	if len(s.files) == 0 {
		slices.SortFunc(s.buf, func(a, b item) int { return less(&a, &b) })
		for i := range s.buf {
			if err := fn(&s.buf[i].ev); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	h := make(runHeap, 0, len(s.files))
	defer func() {
		for _, r := range h {
			r.f.Close()
		}
	}()
	for _, name := range s.files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
		r := &run{r: bufio.NewReaderSize(f, 256*1024), f: f}
		ok, err := r.next()
		if err != nil {
			f.Close()
			return err
		}
		if !ok {
			f.Close()
			continue
		}
		h = append(h, r)
	}
	heap.Init(&h)
	for h.Len() > 0 {
		r := h[0]
		if err := fn(&r.head.ev); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			r.f.Close()
			heap.Pop(&h)
		}
	}
	return nil
}

// Close removes the spill files and drops the buffer; Each calls it.
func (s *Sorter) Close() error {
	var first error
	for _, name := range s.files {
		if err := os.Remove(name); err != nil && !os.IsNotExist(err) && first == nil {
			first = err
		}
	}
	s.files = nil
	s.buf = nil
	return first
}
