package export

import (
	"fmt"
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

// articleEvents returns n events as the extraction of Arabic articles gives
// them: articles of 18 events that share the article's fields, in sentences
// of one or two events that share the sentence.
func articleEvents(n int) []events.Event {
	base := sampleEvents()[:2] // Arabic
	out := make([]events.Event, 0, n)
	for doc := 0; len(out) < n; doc++ {
		docID := fmt.Sprintf("bench-%07d", doc)
		url := "https://example.org/news/" + docID
		for s := 0; s < 12 && len(out) < n; s++ {
			sentence := fmt.Sprintf("%s (%d)", base[s%2].Sentence, s)
			for k := 0; k <= s%2 && len(out) < n; k++ {
				e := base[(s+k)%2]
				e.DocID, e.URL, e.Sentence = docID, url, sentence
				e.ID, e.SentenceIndex, e.CharStart, e.CharEnd = events.MakeID(docID, s, k), s, s*150, s*150+140
				out = append(out, e)
			}
		}
	}
	return out
}

// BenchmarkEncodeArticlesJSONL measures rendering JSON Lines records of
// articles' events as pipeline.Run does, each goroutine with an encoder of
// its own (NewRecordEncoder), and with EncodeRecord alone.
func BenchmarkEncodeArticlesJSONL(b *testing.B) {
	evs := articleEvents(1000)
	w := NewJSONL(io.Discard)
	for _, bc := range []struct {
		name   string
		encode func() func([]byte, *events.Event) []byte
	}{
		{"NewRecordEncoder", w.NewRecordEncoder},
		{"EncodeRecord", func() func([]byte, *events.Event) []byte { return w.EncodeRecord }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			encode := bc.encode()
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				buf = buf[:0]
				for i := range evs {
					buf = encode(buf, &evs[i])
				}
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}
