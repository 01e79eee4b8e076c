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

// EncodeRecord appends the record of e to dst (RecordEncoder); it is safe
// for concurrent use.
func (w *JSONLWriter) EncodeRecord(dst []byte, e *events.Event) []byte {
	return encodeJSONRecord(dst, e)
}

// NewRecordEncoder returns an encoder that appends records as EncodeRecord
// does, faster for the events of one article in a row, for one goroutine
// only (RecordEncoderMaker).
func (w *JSONLWriter) NewRecordEncoder() func(dst []byte, e *events.Event) []byte {
	return newJSONRecordEncoder()
}

// WriteRecord adds one record made by EncodeRecord.
func (w *JSONLWriter) WriteRecord(rec []byte) error { return w.recs.putRecord(rec, "", "\n") }

// Close flushes and returns the first error met. It does not close the
// underlying writer.
func (w *JSONLWriter) Close() error { return w.recs.finish("") }
