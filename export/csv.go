package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
)

// utf8BOM is the UTF-8 byte-order mark. Excel reads a CSV file as UTF-8 only
// when it starts with one; without it Arabic shows as mojibake.
const utf8BOM = "\uFEFF"

// CSVWriter writes RFC 4180 CSV: a header row of events.FieldNames(), then
// one row per event, every cell the field's text form ("" for unknown).
//
// Line ends are CRLF, as RFC 4180 and Excel's own CSV export have them
// (encoding/csv's UseCRLF); every CSV reader also accepts them. A line break
// inside a cell is written as CRLF too, and a lone CR inside a cell is
// dropped, so a cell's "\r\n" reads back as "\n" (encoding/csv's reader
// normalises it). Text is UTF-8; invalid UTF-8 becomes U+FFFD, as in JSON.
// The header is written even for an empty timeline.
type CSVWriter struct {
	bw     *bufio.Writer
	cw     *csv.Writer
	bom    bool
	row    []string
	begun  bool
	closed bool
	err    error
}

// NewCSV returns a CSV writer to w; opts.BOM starts the output with a UTF-8 byte-order mark.
func NewCSV(w io.Writer, opts Options) *CSVWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	return &CSVWriter{bw: bw, cw: cw, bom: opts.BOM, row: make([]string, len(events.Fields))}
}

// begin writes the BOM and the header row once.
func (w *CSVWriter) begin() error {
	if w.begun {
		return w.err
	}
	w.begun = true
	if w.bom {
		if _, err := w.bw.WriteString(utf8BOM); err != nil {
			w.err = err
			return err
		}
	}
	if err := w.cw.Write(events.FieldNames()); err != nil {
		w.err = err
	}
	return w.err
}

// Write adds one row.
func (w *CSVWriter) Write(e *events.Event) error {
	if w.closed {
		return errClosed
	}
	if e == nil {
		return errNilEvent
	}
	if err := w.begin(); err != nil {
		return err
	}
	fillRow(w.row, e)
	if err := w.cw.Write(w.row); err != nil {
		w.err = err
	}
	return w.err
}

// fillRow sets row to the cells of e.
func fillRow(row []string, e *events.Event) {
	for i, f := range events.Fields {
		row[i] = validUTF8(f.Get(e))
	}
}

// csvEncoder renders one row on its own: EncodeRecord takes one from a pool.
type csvEncoder struct {
	buf bytes.Buffer
	cw  *csv.Writer
	row []string
}

var csvEncoders = sync.Pool{New: func() any {
	enc := &csvEncoder{row: make([]string, len(events.Fields))}
	enc.cw = csv.NewWriter(&enc.buf)
	enc.cw.UseCRLF = true
	return enc
}}

// EncodeRecord appends the row of e, with its CRLF, to dst (RecordEncoder);
// it is safe for concurrent use.
func (w *CSVWriter) EncodeRecord(dst []byte, e *events.Event) []byte {
	enc := csvEncoders.Get().(*csvEncoder)
	defer csvEncoders.Put(enc)
	enc.buf.Reset()
	fillRow(enc.row, e)
	_ = enc.cw.Write(enc.row) // writes to a bytes.Buffer, which cannot fail
	enc.cw.Flush()
	return append(dst, enc.buf.Bytes()...)
}

// WriteRecord adds one row made by EncodeRecord.
func (w *CSVWriter) WriteRecord(rec []byte) error {
	if w.closed {
		return errClosed
	}
	if err := w.begin(); err != nil {
		return err
	}
	w.cw.Flush() // rows written by Write go first
	if err := w.cw.Error(); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.Write(rec); err != nil {
		w.err = err
	}
	return w.err
}

// Close writes the header if no event came, flushes, and returns the first
// error met. It does not close the underlying writer.
func (w *CSVWriter) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if err := w.begin(); err != nil {
		return err
	}
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		w.err = err
		return err
	}
	if err := w.bw.Flush(); err != nil {
		w.err = err
	}
	return w.err
}

// validUTF8 replaces each invalid UTF-8 sequence of s by U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s // what ToValidUTF8 returns for it, without decoding each rune
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
