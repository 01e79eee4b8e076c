package validate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
)

// FuzzCheck feeds arbitrary bytes to Check as standard input (the format
// sniffed from the first bytes, or forced): it must not panic, and every
// problem must have a place in the file.
func FuzzCheck(f *testing.F) {
	header := strings.Join(events.FieldNames(), ",")
	for _, seed := range []string{
		"", ",", "\xEF\xBB\xBF", "[", "{", "[]", "[{}]", "{}\n{", "PK\x03\x04",
		header + "\n", header + "\n" + strings.Repeat(",", 32) + "\n",
		"id,id,id\n1,2,3\n", "\"unclosed\n", "٢٠٢٤-٠١-٢٥", `[{"id":"a","latitude":"x"},{"id":"a"}]`,
		`{"date":"2024-01-02","date_end":"2024-01-01","date_precision":"dayy"}`,
	} {
		f.Add([]byte(seed), "")
		f.Add([]byte(seed), "csv")
	}
	f.Fuzz(func(t *testing.T, data []byte, format string) {
		switch format {
		case "", "csv", "json", "jsonl", "xlsx":
		default:
			format = ""
		}
		res := Check("-", Options{Stdin: bytes.NewReader(data), Format: format})
		for _, p := range res.Problems {
			if p.Place.File != "<stdin>" {
				t.Fatalf("problem without its file: %v", p)
			}
		}
	})
}
