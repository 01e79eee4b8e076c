package export

import (
	"io"

	"github.com/eventline/eventline/events"
)

// JSONLWriter writes JSON Lines: one record (events.Event.MarshalJSON) per
// line, each line ended by "\n". An empty timeline is an empty output.
type JSONLWriter struct{ recs jsonRecords }

// NewJSONL returns a JSON Lines writer to w.
func NewJSONL(w io.Writer) *JSONLWriter {
	return &JSONLWriter{recs: newJSONRecords(w)}
}

// Write adds one record.
func (w *JSONLWriter) Write(e *events.Event) error { return w.recs.put(e, "", "\n") }

// Close flushes and returns the first error met. It does not close the
// underlying writer.
func (w *JSONLWriter) Close() error { return w.recs.finish("") }
