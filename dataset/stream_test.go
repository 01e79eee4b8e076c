package dataset

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/export"
)

// TestStreaming shows that records are handed over as they arrive: the
// reader gets the first record while the rest of the file has not been
// written yet. A reader that slurped the whole input would wait forever.
func TestStreaming(t *testing.T) {
	for _, format := range []string{export.FormatCSV, export.FormatJSON, export.FormatJSONL} {
		t.Run(format, func(t *testing.T) {
			data := encode(t, format, export.Options{}, sampleEvents()[:2])
			// Cut after the first record (and, in a JSON array, its comma).
			first := bytes.Index(data, []byte("000_213c061cbfe19d7b-s7-e0"))
			require.Greater(t, first, 0)
			cut := bytes.LastIndexByte(data[:first], '\n') + 1

			pr, pw := io.Pipe()
			got := make(chan string, 2)
			done := make(chan error, 1)
			go func() {
				_, err := ReadFrom(pr, "pipe", format, func(r Record) error {
					got <- r.Event.ID
					return nil
				})
				done <- err
			}()
			_, err := pw.Write(data[:cut])
			require.NoError(t, err)
			select {
			case id := <-got:
				assert.Equal(t, "000_213c061cbfe19d7b-s0-e0", id)
			case <-time.After(5 * time.Second):
				t.Fatal("the first record did not come before the rest of the file")
			}
			_, err = pw.Write(data[cut:])
			require.NoError(t, err)
			require.NoError(t, pw.Close())
			require.NoError(t, <-done)
			assert.Equal(t, "000_213c061cbfe19d7b-s7-e0", <-got)
		})
	}
}

func TestSniff(t *testing.T) {
	xlsx := encode(t, export.FormatXLSX, export.Options{}, nil)
	tests := []struct {
		name string
		data string
		want string
	}{
		{name: "csv", data: "id,doc_id\n", want: export.FormatCSV},
		{name: "csv with BOM", data: "\uFEFFid,doc_id\n", want: export.FormatCSV},
		{name: "json", data: "[\n{}]", want: export.FormatJSON},
		{name: "json after BOM and space", data: "\uFEFF \r\n [", want: export.FormatJSON},
		{name: "jsonl", data: "{\"id\":1}\n", want: export.FormatJSONL},
		{name: "xlsx", data: string(xlsx), want: export.FormatXLSX},
		{name: "empty", data: "", want: export.FormatCSV},
		{name: "only space", data: "  \n", want: export.FormatCSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sniff(bufio.NewReader(strings.NewReader(tt.data))))
		})
	}
}
