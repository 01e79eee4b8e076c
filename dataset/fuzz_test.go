package dataset

import (
	"bytes"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// degenerate are seeds every fuzz target starts from: empty, punctuation,
// mixed scripts, Arabic-Indic digits, a BOM, broken quoting and UTF-8.
var degenerate = []string{
	"",
	"\n",
	"\uFEFF",
	",,,\n\"\n",
	"[]{}\",:",
	"id,doc_id\n١٢٣,٤٥٦\n",
	"ويتواجد, in Iraq \"quoted\"\r\nnext",
	"\xff\xfe\x00",
	"[\n{\"id\":\"x\"},\n",
	"{\"id\":1}\n{\"count\":\"٢٥٠٠\"}\n",
	"{\"latitude\":123,\"date\":\"2024-02-30\"}\n",
}

// fuzzRead reads data in a format and checks what must hold for any input:
// no panic, no error (the input is in memory and fn never fails), every
// place in the file, records in file order.
func fuzzRead(t *testing.T, format string, data []byte) {
	last := 0
	problems, err := ReadFrom(bytes.NewReader(data), "f", format, func(r Record) error {
		if r.Place.File != "f" || r.Place.Line < 1 {
			t.Fatalf("record place %+v", r.Place)
		}
		// Records of a JSON array may share a line; rows and JSON Lines may not.
		if r.Place.Line < last || r.Place.Line == last && format != export.FormatJSON {
			t.Fatalf("record at line %d after line %d", r.Place.Line, last)
		}
		last = r.Place.Line
		for _, p := range r.Problems {
			if p.Place.File != "f" || p.Place.Line < r.Place.Line || p.Err == nil {
				t.Fatalf("problem %+v in record at %v", p, r.Place)
			}
		}
		_ = r.Event.Validate()
		return nil
	})
	if err != nil {
		t.Fatalf("error reading from memory: %v", err)
	}
	for _, p := range problems {
		if p.Place.File != "f" || p.Err == nil || p.String() == "" {
			t.Fatalf("file problem %+v", p)
		}
	}
}

func seed(f *testing.F, format string) {
	for _, s := range degenerate {
		f.Add([]byte(s))
	}
	var buf bytes.Buffer
	w, err := export.New(format, &buf, export.Options{BOM: true})
	if err != nil {
		f.Fatal(err)
	}
	evs := sampleEvents()
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			f.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
}

func FuzzReadCSV(f *testing.F) {
	seed(f, export.FormatCSV)
	f.Add([]byte(csvHeaderLine() + "a,\"b\nc\",d\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, export.FormatCSV, data) })
}

func FuzzReadJSONL(f *testing.F) {
	seed(f, export.FormatJSONL)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, export.FormatJSONL, data) })
}

func FuzzReadJSON(f *testing.F) {
	seed(f, export.FormatJSON)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, export.FormatJSON, data) })
}

// FuzzReadXLSX feeds damaged workbooks; an error is allowed (the file
// cannot be read), a panic is not.
func FuzzReadXLSX(f *testing.F) {
	seed(f, export.FormatXLSX)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadFrom(bytes.NewReader(data), "f", export.FormatXLSX, func(Record) error { return nil })
	})
}

func csvHeaderLine() string {
	var b bytes.Buffer
	for i, n := range events.FieldNames() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(n)
	}
	b.WriteByte('\n')
	return b.String()
}
