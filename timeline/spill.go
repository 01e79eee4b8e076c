package timeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/s2"
)

// A spill file is a sequence of blocks, each a uvarint length and that many
// bytes of an S2-compressed block (github.com/klauspost/compress/s2) that
// decodes to whole items, one after another: the input sequence number, the
// key's date, date_end, doc_id and id (each a uvarint length, then the
// text), its sentence_index (a varint), then the record's length and bytes.
//
// Compressed, a sorted run writes about a sixth of its bytes: the events of
// a sentence repeat its text and the fields its article shares, which the
// compressor finds within a block. The system's copying of spill files into
// its page cache was about a fifth of a run's CPU time; compressing and
// decoding cost far less.

// spillBlockBytes is about how many bytes of items a block holds: larger
// blocks compress better (128 KiB: 5.9×, 1 MiB: 7.3× on JSON lines of a
// corpus with a real vocabulary) but each file being merged holds one
// decoded block.
const spillBlockBytes = 128 << 10

// spillWriteBytes is about how many bytes of compressed blocks are written
// at a time.
const spillWriteBytes = 256 << 10

// spillWriter writes the items of one spill file.
type spillWriter struct {
	f     io.Writer
	block []byte // the items of the block being filled
	comp  []byte // a compressed block
	out   []byte // compressed blocks not yet written
}

// put adds one item.
func (w *spillWriter) put(it *item) error {
	w.block = appendItemHead(w.block, it)
	w.block = append(w.block, it.rec...)
	if len(w.block) >= spillBlockBytes {
		return w.endBlock()
	}
	return nil
}

// maxBlockBytes bounds a block, and so a record: a spill file's reader
// takes a block that claims more as a sign of corruption rather than
// allocate it.
const maxBlockBytes = 1 << 30

// errBlockTooLarge is the error of a record of more than maxBlockBytes.
var errBlockTooLarge = fmt.Errorf("record too large to spill (more than %d bytes)", maxBlockBytes)

// endBlock compresses the block filled so far.
func (w *spillWriter) endBlock() error {
	if len(w.block) == 0 {
		return nil
	}
	n := s2.MaxEncodedLen(len(w.block))
	if n < 0 || len(w.block) > maxBlockBytes {
		return errBlockTooLarge
	}
	if cap(w.comp) < n {
		w.comp = make([]byte, n)
	}
	w.comp = s2.Encode(w.comp[:cap(w.comp)], w.block)
	w.out = binary.AppendUvarint(w.out, uint64(len(w.comp)))
	w.out = append(w.out, w.comp...)
	w.block = w.block[:0]
	if len(w.out) >= spillWriteBytes {
		return w.write()
	}
	return nil
}

func (w *spillWriter) write() error {
	_, err := w.f.Write(w.out)
	w.out = w.out[:0]
	return err
}

// finish writes what is left.
func (w *spillWriter) finish() error {
	if err := w.endBlock(); err != nil {
		return err
	}
	return w.write()
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// appendItemHead appends all of an item but its record's bytes.
func appendItemHead(dst []byte, it *item) []byte {
	dst = binary.AppendUvarint(dst, uint64(it.seq))
	dst = appendString(dst, it.key.Date)
	dst = appendString(dst, it.key.DateEnd)
	dst = appendString(dst, it.key.DocID)
	dst = appendString(dst, it.key.ID)
	dst = binary.AppendVarint(dst, int64(it.key.SentenceIndex))
	return binary.AppendUvarint(dst, uint64(len(it.rec)))
}

// run is one sorted spill file being merged, or the last chunk, still in
// memory (items in the order of order).
type run struct {
	r     *bufio.Reader // the file's compressed blocks
	f     *os.File
	size  int64  // the file's size, which bounds a block's
	comp  []byte // the compressed block read last
	block []byte // its items, decoded
	pos   int    // where the next item starts in block
	head  item   // head.rec is a slice of block

	items []item
	order []int32
}

// openRun opens a spill file to merge, with a read buffer of bufSize bytes.
func openRun(name string, bufSize int) (*run, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return &run{r: bufio.NewReaderSize(f, bufSize), f: f, size: fi.Size()}, nil
}

// errShortItem is the error of an item cut short in its block.
var errShortItem = errors.New("item ends early")

// nextBlock reads and decodes the file's next block; false at the end of
// the file.
func (r *run) nextBlock() (bool, error) {
	n, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if n == 0 || n > uint64(r.size) {
		return false, fmt.Errorf("block of %d bytes in a file of %d", n, r.size)
	}
	if uint64(cap(r.comp)) < n {
		r.comp = make([]byte, n)
	}
	r.comp = r.comp[:n]
	if _, err := io.ReadFull(r.r, r.comp); err != nil {
		return false, err
	}
	size, err := s2.DecodedLen(r.comp)
	if err != nil {
		return false, err
	}
	if size > maxBlockBytes {
		return false, fmt.Errorf("block of %d bytes decoded", size)
	}
	if cap(r.block) < size {
		r.block = make([]byte, size)
	}
	if r.block, err = s2.Decode(r.block[:cap(r.block)], r.comp); err != nil {
		return false, err
	}
	if len(r.block) == 0 {
		return false, errShortItem
	}
	r.pos = 0
	return true, nil
}

func (r *run) uvarint() (uint64, error) {
	v, k := binary.Uvarint(r.block[r.pos:])
	if k <= 0 {
		return 0, errShortItem
	}
	r.pos += k
	return v, nil
}

// bytes reads a length and that many bytes, a slice of the block.
func (r *run) bytes() ([]byte, error) {
	n, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	if uint64(len(r.block)-r.pos) < n {
		return nil, errShortItem
	}
	end := r.pos + int(n)
	b := r.block[r.pos:end:end]
	r.pos = end
	return b, nil
}

// readString reads a key's text. Records of a run come in timeline order,
// so a text is often the one the last record had (its dates, its doc_id):
// then that string is kept, not allocated again.
func (r *run) readString(last string) (string, error) {
	b, err := r.bytes()
	if err != nil {
		return "", err
	}
	if string(b) == last {
		return last, nil
	}
	return string(b), nil
}

// next reads the run's next item into head; false at its end.
func (r *run) next() (bool, error) {
	if r.f == nil {
		if len(r.order) == 0 {
			return false, nil
		}
		r.head, r.order = r.items[r.order[0]], r.order[1:]
		return true, nil
	}
	if r.pos == len(r.block) {
		ok, err := r.nextBlock()
		if !ok || err != nil {
			return false, r.corrupt(err)
		}
	}
	seq, err := r.uvarint()
	if err != nil {
		return false, r.corrupt(err)
	}
	it := item{seq: int64(seq)}
	last := &r.head.key
	for _, f := range [...]struct{ p, last *string }{
		{&it.key.Date, &last.Date}, {&it.key.DateEnd, &last.DateEnd}, {&it.key.DocID, &last.DocID}, {&it.key.ID, &last.ID},
	} {
		if *f.p, err = r.readString(*f.last); err != nil {
			return false, r.corrupt(err)
		}
	}
	sentence, k := binary.Varint(r.block[r.pos:])
	if k <= 0 {
		return false, r.corrupt(errShortItem)
	}
	r.pos += k
	it.key.SentenceIndex = int(sentence)
	if it.rec, err = r.bytes(); err != nil {
		return false, r.corrupt(err)
	}
	r.head = it
	return true, nil
}

// close closes the run's file, if it has one.
func (r *run) close() {
	if r.f != nil {
		r.f.Close()
	}
}

// corrupt names the file in a read error; nil stays nil.
func (r *run) corrupt(err error) error {
	if err == nil {
		return nil
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("timeline: corrupt spill file %s: %w", r.f.Name(), err)
}
