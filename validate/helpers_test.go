package validate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// sample returns two valid records: an English announcement and an Arabic
// airstrike whose quote spans two lines (so its CSV row spans two lines).
func sample() []events.Event {
	en := events.Event{
		ID: "reuters-2017-s3-e1", DocID: "reuters-2017", Published: "2017-12-10",
		Date: "2017-09-01", DateEnd: "2017-12-31", DatePrecision: events.PrecisionYear, DateText: "at the end of 2017",
		Actor1: "Iraq", Actor2: "Islamic State", Lang: "en", Source: "Reuters", SentenceIndex: 3, CharStart: 10, CharEnd: 20,
		Sentence: "Iraq declared victory over IS at the end of 2017.", Confidence: 0.5, Trigger: "declared victory", Context: events.Claimed,
	}
	en.SetType(events.Announcement, false)
	ar := events.Event{
		ID: "afp-s7-e0", DocID: "afp", Published: "2024-01-25",
		Date: "2024-01-23", DateEnd: "2024-01-23", DatePrecision: events.PrecisionDay, DateText: "الثلاثاء",
		Actor1: "United States", Actor2: "Kataib Hezbollah", Location: "Jurf al-Sakhar", Country: "IQ",
		Latitude: events.Float(32.8), Longitude: events.Float(44.1), Fatalities: events.Int(0), Injuries: events.Int(3),
		Quote: "He said: \"we will\nrespond\"", Lang: "ar", Source: "AFP", SentenceIndex: 7, CharStart: 1200, CharEnd: 1248,
		Sentence: "واستهدفت واشنطن \"كتائب حزب الله\"، يوم الثلاثاء.", Confidence: 1, Trigger: "استهدفت", Context: events.Reported,
	}
	ar.SetType(events.Airstrike, false)
	return []events.Event{en, ar}
}

// table is an events file as text cells: a header and rows, by column.
type table struct {
	header []string
	rows   [][]string
}

// tableOf returns the cells of evs under the 33 field names.
func tableOf(evs []events.Event) table {
	t := table{header: events.FieldNames()}
	for i := range evs {
		row := make([]string, len(events.Fields))
		for j, f := range events.Fields {
			row[j] = f.Get(&evs[i])
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// col returns the column of name in the header, or -1.
func (t table) col(name string) int {
	for i, n := range t.header {
		if n == name {
			return i
		}
	}
	return -1
}

// set sets the cell of field name in row r.
func (t *table) set(r int, name, value string) {
	t.rows[r][t.col(name)] = value
}

// drop removes the column of name.
func (t *table) drop(name string) {
	i := t.col(name)
	t.header = append(t.header[:i:i], t.header[i+1:]...)
	for r := range t.rows {
		t.rows[r] = append(t.rows[r][:i:i], t.rows[r][i+1:]...)
	}
}

// swap exchanges the columns of a and b.
func (t *table) swap(a, b string) {
	i, j := t.col(a), t.col(b)
	t.header[i], t.header[j] = t.header[j], t.header[i]
	for _, row := range t.rows {
		row[i], row[j] = row[j], row[i]
	}
}

// write writes the table at dir/name in the format of its extension
// ("bom.csv" gets a byte-order mark). JSON values of number fields are
// numbers when the text is one, strings otherwise; empty cells are null.
func (t table) write(tb testing.TB, dir, name string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	var buf bytes.Buffer
	switch filepath.Ext(name) {
	case ".csv":
		if strings.HasSuffix(name, "bom.csv") {
			buf.WriteString("\xEF\xBB\xBF")
		}
		w := csv.NewWriter(&buf)
		require.NoError(tb, w.Write(t.header))
		for _, r := range t.rows {
			require.NoError(tb, w.Write(r))
		}
		w.Flush()
	case ".json", ".jsonl":
		jsonl := filepath.Ext(name) == ".jsonl"
		if !jsonl {
			buf.WriteString("[\n")
		}
		for i, r := range t.rows {
			if i > 0 && !jsonl {
				buf.WriteString(",\n")
			}
			buf.WriteString(t.object(tb, r))
			if jsonl {
				buf.WriteString("\n")
			}
		}
		if !jsonl {
			buf.WriteString("\n]\n")
		}
	case ".xlsx":
		f := excelize.NewFile()
		require.NoError(tb, f.SetSheetName("Sheet1", export.SheetEvents))
		require.NoError(tb, f.SetSheetRow(export.SheetEvents, "A1", &t.header))
		for i, r := range t.rows {
			cells := make([]any, len(r))
			for j, v := range r {
				cells[j] = xlsxValue(t.header[j], v)
			}
			require.NoError(tb, f.SetSheetRow(export.SheetEvents, "A"+strconv.Itoa(i+2), &cells))
		}
		require.NoError(tb, f.Write(&buf))
		require.NoError(tb, f.Close())
	default:
		tb.Fatalf("no writer for %s", name)
	}
	require.NoError(tb, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// object writes one row as a JSON object in header order.
func (t table) object(tb testing.TB, row []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, name := range t.header {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		v := row[i]
		f, known := events.FieldByName(name)
		switch {
		case v == "" && !(known && f.Required):
			b.WriteString("null")
		case known && (f.Kind == events.KindInteger || f.Kind == events.KindNumber) && isNumber(v):
			b.WriteString(v)
		default:
			s, err := json.Marshal(v)
			require.NoError(tb, err)
			b.Write(s)
		}
	}
	b.WriteByte('}')
	return b.String()
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// xlsxValue types a cell as a spreadsheet user would: numbers in number
// columns as numbers, everything else as text.
func xlsxValue(name, v string) any {
	if v == "" {
		return nil
	}
	if f, ok := events.FieldByName(name); ok && (f.Kind == events.KindInteger || f.Kind == events.KindNumber) {
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return n
		}
	}
	return v
}

// strs returns the problems as strings with dir/ trimmed from their places.
func strs(dir string, ps []dataset.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, strings.ReplaceAll(p.String(), dir+string(filepath.Separator), ""))
	}
	return out
}
