package timeline

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/eventline/eventline/events"
)

// AppendEvent appends e to dst as a record that DecodeEvent reads back
// exactly: each field of events.Fields as its text (Field.Get), preceded
// by its length as a uvarint. Sorter.Add stores events so; a caller that
// sorts on many goroutines can encode with it before Sorter.AddRecord.
func AppendEvent(dst []byte, e *events.Event) []byte {
	for _, f := range events.Fields {
		v := f.Get(e)
		dst = binary.AppendUvarint(dst, uint64(len(v)))
		dst = append(dst, v...)
	}
	return dst
}

// errShortRecord is returned by DecodeEvent for a truncated record.
var errShortRecord = errors.New("record ends early")

// DecodeEvent reads a record made by AppendEvent into e, which it resets.
func DecodeEvent(rec []byte, e *events.Event) error {
	*e = events.Event{}
	for _, f := range events.Fields {
		n, k := binary.Uvarint(rec)
		if k <= 0 || uint64(len(rec)-k) < n {
			return fmt.Errorf("field %s: %w", f.Name, errShortRecord)
		}
		v := string(rec[k : k+int(n)])
		rec = rec[k+int(n):]
		if err := f.Set(e, v); err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
	}
	if len(rec) != 0 {
		return fmt.Errorf("%d bytes after the last field", len(rec))
	}
	return nil
}
