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
	"bufio"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/eventline/eventline/events"
)

// DefaultChunkSize is how many records a Sorter holds before spilling.
const DefaultChunkSize = 20000

// DefaultChunkBytes is how many bytes of records a Sorter holds before spilling.
const DefaultChunkBytes = 32 << 20

// mergeBuffers bounds the read buffers of all spill files merged at once.
const mergeBuffers = 64 << 20

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

func (s *Sorter) sortBuffer() {
	slices.SortFunc(s.buf, func(a, b item) int { return less(&a, &b) })
}

// spill writes the sorted buffer to a temporary file.
func (s *Sorter) spill() error {
	s.sortBuffer()
	err := s.writeRun(func(put func(*item) error) error {
		for i := range s.buf {
			if err := put(&s.buf[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("timeline: spill: %w", err)
	}
	clear(s.buf) // drop the records for the collector
	s.buf = s.buf[:0]
	s.bufBytes = 0
	return nil
}

// writeRun writes a new spill file with the items that each gives to put,
// in order, and adds it to s.files (Close removes it, whatever happened).
func (s *Sorter) writeRun(each func(put func(*item) error) error) error {
	f, err := os.CreateTemp(s.Dir, "eventline-sort-*.bin")
	if err != nil {
		return err
	}
	s.files = append(s.files, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	var scratch []byte
	err = each(func(it *item) error {
		scratch = appendItem(scratch[:0], it)
		_, err := w.Write(scratch)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Spill files hold one item after another: the input sequence number, the
// key's date, date_end, doc_id and id (each a uvarint length, then the
// text), its sentence_index (a varint), then the record's length and bytes.

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendItem(dst []byte, it *item) []byte {
	dst = binary.AppendUvarint(dst, uint64(it.seq))
	dst = appendString(dst, it.key.Date)
	dst = appendString(dst, it.key.DateEnd)
	dst = appendString(dst, it.key.DocID)
	dst = appendString(dst, it.key.ID)
	dst = binary.AppendVarint(dst, int64(it.key.SentenceIndex))
	dst = binary.AppendUvarint(dst, uint64(len(it.rec)))
	return append(dst, it.rec...)
}

// run is one sorted spill file being merged.
type run struct {
	r    *bufio.Reader
	f    *os.File
	head item // head.rec is reused by the next record
}

func (r *run) readBytes(dst []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		return dst, err
	}
	if uint64(cap(dst)) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	_, err = io.ReadFull(r.r, dst)
	return dst, err
}

func (r *run) readString() (string, error) {
	b, err := r.readBytes(nil)
	return string(b), err
}

// next reads the run's next item into head; false at the end of the file.
func (r *run) next() (bool, error) {
	seq, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, r.corrupt(err)
	}
	it := item{seq: int64(seq)}
	for _, p := range []*string{&it.key.Date, &it.key.DateEnd, &it.key.DocID, &it.key.ID} {
		if *p, err = r.readString(); err != nil {
			return false, r.corrupt(err)
		}
	}
	sentence, err := binary.ReadVarint(r.r)
	if err != nil {
		return false, r.corrupt(err)
	}
	it.key.SentenceIndex = int(sentence)
	if it.rec, err = r.readBytes(r.head.rec[:0]); err != nil {
		return false, r.corrupt(err)
	}
	r.head = it
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
	if len(s.files) == 0 {
		s.sortBuffer()
		for i := range s.buf {
			if err := fn(s.buf[i].rec); err != nil {
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
	for len(s.files) > maxMergeFiles {
		if err := s.mergeSome(); err != nil {
			return err
		}
	}
	return mergeFiles(s.files, func(it *item) error { return fn(it.rec) })
}

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
	err := s.writeRun(func(put func(*item) error) error { return mergeFiles(batch, put) })
	for _, name := range batch {
		os.Remove(name)
	}
	if err != nil {
		return fmt.Errorf("timeline: merge: %w", err)
	}
	return nil
}

// mergeFiles calls fn with the items of the sorted spill files, in order.
func mergeFiles(names []string, fn func(*item) error) error {
	h := make(runHeap, 0, len(names))
	defer func() {
		for _, r := range h {
			r.f.Close()
		}
	}()
	bufSize := min(max(mergeBuffers/len(names), 16<<10), 256<<10)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
		r := &run{r: bufio.NewReaderSize(f, bufSize), f: f}
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
	s.bufBytes = 0
	return first
}
