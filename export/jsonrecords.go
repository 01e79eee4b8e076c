package export

import (
	"bufio"
	"io"

	"github.com/eventline/eventline/events"
)

// jsonRecords writes records (events.Event.MarshalJSON), each between a
// prefix and a suffix, and keeps the first error; the JSON and JSON Lines
// writers differ only in what they put around the records.
type jsonRecords struct {
	bw     *bufio.Writer
	n      int // records written
	closed bool
	err    error
}

func newJSONRecords(w io.Writer) jsonRecords {
	return jsonRecords{bw: bufio.NewWriterSize(w, 64<<10)}
}

// put writes prefix, the record and suffix.
func (w *jsonRecords) put(e *events.Event, prefix, suffix string) error {
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
	w.n++
	if _, err := w.bw.WriteString(prefix); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.WriteString(suffix); err != nil {
		w.err = err
	}
	return w.err
}

// finish writes tail, flushes and returns the first error met; later calls
// return that error again. It does not close the underlying writer.
func (w *jsonRecords) finish(tail string) error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if _, err := w.bw.WriteString(tail); err != nil {
		w.err = err
		return err
	}
	w.err = w.bw.Flush()
	return w.err
}
