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
	bw      *bufio.Writer
	enc     events.JSONEncoder // renders the records of put
	scratch []byte             // the record being written
	n       int                // records written
	closed  bool
	err     error
}

func newJSONRecords(w io.Writer) jsonRecords {
	return jsonRecords{bw: bufio.NewWriterSize(w, 64<<10)}
}

// put writes prefix, the record of e and suffix.
func (w *jsonRecords) put(e *events.Event, prefix, suffix string) error {
	if e == nil {
		return errNilEvent
	}
	w.scratch = w.enc.Append(w.scratch[:0], e)
	return w.putRecord(w.scratch, prefix, suffix)
}

// putRecord writes prefix, the record rec (events.Event.AppendJSON) and suffix.
func (w *jsonRecords) putRecord(rec []byte, prefix, suffix string) error {
	if w.closed {
		return errClosed
	}
	if w.err != nil {
		return w.err
	}
	w.n++
	if _, err := w.bw.WriteString(prefix); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.Write(rec); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.WriteString(suffix); err != nil {
		w.err = err
	}
	return w.err
}

// encodeJSONRecord is EncodeRecord of the JSON and JSON Lines writers.
func encodeJSONRecord(dst []byte, e *events.Event) []byte { return e.AppendJSON(dst) }

// newJSONRecordEncoder is NewRecordEncoder of the JSON and JSON Lines
// writers: a JSONEncoder of the caller's own.
func newJSONRecordEncoder() func(dst []byte, e *events.Event) []byte {
	return new(events.JSONEncoder).Append
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
