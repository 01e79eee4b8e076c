package export

import (
	"bufio"
	"io"

	"github.com/eventline/eventline/events"
)

// JSONWriter writes one JSON array of records, one record per line so that
// two timelines diff line by line:
//
//	[
//	{"id":"…",…},
//	{"id":"…",…}
//	]
//
// Each record is events.Event.MarshalJSON: the 33 fields in order, null for
// unknown values, Arabic unescaped. An empty timeline is "[]\n".
type JSONWriter struct {
	bw     *bufio.Writer
	n      int
	closed bool
	err    error
}

// NewJSON returns a JSON array writer to w.
func NewJSON(w io.Writer) *JSONWriter {
	return &JSONWriter{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Write adds one record.
func (w *JSONWriter) Write(e *events.Event) error {
	if w.closed {
		return errClosed
	}
	if e == nil {
		return errNilEvent
	}
	if w.err != nil {
		return w.err
	}
	b, err := e.MarshalJSON()
	if err != nil {
		w.err = err
		return err
	}
	sep := ",\n"
	if w.n == 0 {
		sep = "[\n"
	}
	w.n++
	if _, err := w.bw.WriteString(sep); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
	}
	return w.err
}

// Close ends the array, flushes, and returns the first error met. It does
// not close the underlying writer.
func (w *JSONWriter) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	end := "\n]\n"
	if w.n == 0 {
		end = "[]\n"
	}
	if _, err := w.bw.WriteString(end); err != nil {
		w.err = err
		return err
	}
	w.err = w.bw.Flush()
	return w.err
}
