package export

import (
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
type JSONWriter struct{ recs jsonRecords }

// NewJSON returns a JSON array writer to w.
func NewJSON(w io.Writer) *JSONWriter {
	return &JSONWriter{recs: newJSONRecords(w)}
}

// Write adds one record.
func (w *JSONWriter) Write(e *events.Event) error {
	prefix := ",\n"
	if w.recs.n == 0 {
		prefix = "[\n"
	}
	return w.recs.put(e, prefix, "")
}

// Close ends the array, flushes, and returns the first error met. It does
// not close the underlying writer.
func (w *JSONWriter) Close() error {
	if w.recs.n == 0 {
		return w.recs.finish("[]\n")
	}
	return w.recs.finish("\n]\n")
}
