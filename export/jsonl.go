package export

import (
	"bufio"
	"io"

	"github.com/eventline/eventline/events"
)

// JSONLWriter writes JSON Lines: one record (events.Event.MarshalJSON) per
// line, each line ended by "\n". An empty timeline is an empty output.
type JSONLWriter struct {
	bw     *bufio.Writer
	closed bool
	err    error
}

// NewJSONL returns a JSON Lines writer to w.
func NewJSONL(w io.Writer) *JSONLWriter {
	return &JSONLWriter{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Write adds one record.
func (w *JSONLWriter) Write(e *events.Event) error {
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
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	if err := w.bw.WriteByte('\n'); err != nil {
		w.err = err
	}
	return w.err
}

// Close flushes and returns the first error met. It does not close the
// underlying writer.
func (w *JSONLWriter) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	w.err = w.bw.Flush()
	return w.err
}
