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
func (w *JSONWriter) Write(e *events.Event) error { return w.recs.put(e, w.prefix(), "") }

// EncodeRecord appends the record of e to dst (RecordEncoder); it is safe
// for concurrent use.
func (w *JSONWriter) EncodeRecord(dst []byte, e *events.Event) []byte {
	return encodeJSONRecord(dst, e)
}

// NewRecordEncoder returns an encoder that appends records as EncodeRecord
// does, faster for the events of one article in a row, for one goroutine
// only (RecordEncoderMaker).
func (w *JSONWriter) NewRecordEncoder() func(dst []byte, e *events.Event) []byte {
	return newJSONRecordEncoder()
}

// WriteRecord adds one record made by EncodeRecord.
func (w *JSONWriter) WriteRecord(rec []byte) error { return w.recs.putRecord(rec, w.prefix(), "") }

// prefix opens the array before the first record and separates the others.
func (w *JSONWriter) prefix() string {
	if w.recs.n == 0 {
		return "[\n"
	}
	return ",\n"
}

// Close ends the array, flushes, and returns the first error met. It does
// not close the underlying writer.
func (w *JSONWriter) Close() error {
	if w.recs.n == 0 {
		return w.recs.finish("[]\n")
	}
	return w.recs.finish("\n]\n")
}
