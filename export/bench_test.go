package export

import (
	"io"
	"testing"

	"github.com/eventline/eventline/events"
)

// benchWrite measures writing n events per iteration in one format; SetBytes
// is the output size of one iteration.
func benchWrite(b *testing.B, format string, n int) {
	evs := manyEvents(n)
	cw := &countWriter{}
	writeEvents(b, format, cw, evs)
	b.SetBytes(cw.n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		writeEvents(b, format, io.Discard, evs)
	}
}

func writeEvents(b *testing.B, format string, dst io.Writer, evs []events.Event) {
	w, err := New(format, dst, Options{BOM: true})
	if err != nil {
		b.Fatal(err)
	}
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func BenchmarkWriteCSV(b *testing.B)   { benchWrite(b, FormatCSV, 1000) }
func BenchmarkWriteJSON(b *testing.B)  { benchWrite(b, FormatJSON, 1000) }
func BenchmarkWriteJSONL(b *testing.B) { benchWrite(b, FormatJSONL, 1000) }
func BenchmarkWriteXLSX(b *testing.B)  { benchWrite(b, FormatXLSX, 1000) }
