package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

func writeAll(t testing.TB, format string, opts Options, evs []events.Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opts)
	require.NoError(t, err)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestCSVRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		bom  bool
		evs  []events.Event
	}{
		{name: "sample", evs: sampleEvents()},
		{name: "sample with BOM", bom: true, evs: sampleEvents()},
		{name: "empty timeline", evs: nil},
		{name: "empty timeline with BOM", bom: true, evs: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, FormatCSV, Options{BOM: tt.bom}, tt.evs)
			assert.Equal(t, tt.bom, bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")), "BOM")
			body := bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF"))
			assert.True(t, strings.HasPrefix(string(body), "id,doc_id,published,date,date_end,"), "header first")
			rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
			require.NoError(t, err)
			got := roundTripFields(t, rows)
			assert.Equal(t, tt.evs, got)
		})
	}
}

func TestCSVCells(t *testing.T) {
	tests := []struct {
		name  string
		quote string
		want  string // the cell as it appears in the file
	}{
		{name: "plain", quote: "plain", want: ",plain,"},
		{name: "comma", quote: "a, b", want: `,"a, b",`},
		{name: "quote", quote: `say "no"`, want: `,"say ""no""",`},
		{name: "newline", quote: "line1\nline2", want: ",\"line1\r\nline2\","},
		{name: "arabic", quote: "قال «لن نسمح»، وأضاف", want: ",قال «لن نسمح»، وأضاف,"},
		{name: "arabic with ascii comma", quote: "قال: نعم, لا", want: `,"قال: نعم, لا",`},
		{name: "invalid utf-8", quote: "bad\xffbyte", want: ",bad\uFFFDbyte,"},
		{name: "leading space", quote: " x", want: `," x",`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := sampleEvents()[4]
			e.Quote = tt.quote
			out := string(writeAll(t, FormatCSV, Options{}, []events.Event{e}))
			assert.Contains(t, out, tt.want)
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			require.NoError(t, err)
			require.Len(t, rows, 2)
			quoteCol := indexOf(events.FieldNames(), "quote")
			assert.Equal(t, strings.ToValidUTF8(tt.quote, "\uFFFD"), rows[1][quoteCol])
		})
	}
}

func TestCSVLineEnds(t *testing.T) {
	out := string(writeAll(t, FormatCSV, Options{}, sampleEvents()[:1]))
	lines := strings.Split(out, "\r\n")
	require.Len(t, lines, 3, "header, one row, and the empty rest after the final CRLF")
	assert.Empty(t, lines[2])
	assert.NotContains(t, strings.ReplaceAll(out, "\r\n", ""), "\n", "no bare LF")
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
