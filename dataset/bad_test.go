package dataset

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// cells returns the text cells of the first sample event, by field name.
func cells() map[string]string {
	e := sampleEvents()[0]
	m := map[string]string{}
	for _, f := range events.Fields {
		m[f.Name] = f.Get(&e)
	}
	return m
}

// row returns the cells of names, taken from cells() with overrides.
func row(names []string, set map[string]string) []string {
	base := cells()
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = base[n]
		if v, ok := set[n]; ok {
			out[i] = v
		}
	}
	return out
}

// csvText writes a header and rows as CSV.
func csvText(rows ...[]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, r := range rows {
		_ = w.Write(r)
	}
	w.Flush()
	return b.String()
}

// without returns the field names less some.
func without(drop ...string) []string {
	var out []string
	for _, n := range events.FieldNames() {
		if !contains(drop, n) {
			out = append(out, n)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// swapped returns the field names with a and b exchanged.
func swapped(a, b string) []string {
	names := events.FieldNames()
	for i, n := range names {
		switch n {
		case a:
			names[i] = b
		case b:
			names[i] = a
		}
	}
	return names
}

type badCase struct {
	name        string
	data        string
	wantFile    []string // file problems
	wantRecords []string // record problems, all records together
	wantN       int      // records delivered
}

func runBad(t *testing.T, file string, tests []badCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, file, []byte(tt.data))
			recs, problems := readAll(t, path)
			var recProblems []Problem
			for _, r := range recs {
				recProblems = append(recProblems, r.Problems...)
			}
			// Places carry the full path; compare them relative to the file name.
			dir := strings.TrimSuffix(path, file)
			trim := func(ss []string) []string {
				for i := range ss {
					ss[i] = strings.TrimPrefix(ss[i], dir)
				}
				return ss
			}
			assert.Equal(t, nonNil(tt.wantFile), trim(strs(problems)), "file problems")
			assert.Equal(t, nonNil(tt.wantRecords), trim(strs(recProblems)), "record problems")
			assert.Len(t, recs, tt.wantN, "records")
		})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestBadCSV(t *testing.T) {
	all := events.FieldNames()
	good := row(all, nil)
	tests := []badCase{
		{name: "missing column", data: csvText(without("count"), row(without("count"), nil)),
			wantFile: []string{`t.csv:1: missing column "count"`}, wantN: 1},
		{name: "two missing columns", data: csvText(without("id", "context"), row(without("id", "context"), nil)),
			wantFile: []string{`t.csv:1: missing column "id"`, `t.csv:1: missing column "context"`}, wantN: 1},
		{name: "unknown column", data: csvText(append(all, "colour"), append(good, "red")),
			wantFile: []string{`t.csv:1: unknown column "colour"`}, wantN: 1},
		{name: "duplicate column", data: csvText(append(all, "id"), append(good, "again")),
			wantFile: []string{`t.csv:1: duplicate column "id"`}, wantN: 1},
		{name: "columns out of order", data: csvText(swapped("published", "date"), row(swapped("published", "date"), nil)),
			wantFile: []string{`t.csv:1: column out of order: "date" comes 4th, after "published"`}, wantN: 1},
		{name: "first column moved to the end", data: csvText(append(without("id"), "id"), row(append(without("id"), "id"), nil)),
			wantFile: []string{`t.csv:1: column out of order: "id" comes first`}, wantN: 1},
		{name: "bad enum", data: csvText(all, good, row(all, map[string]string{"date_precision": "dayy"})),
			wantRecords: []string{`t.csv:3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}, wantN: 2},
		{name: "bad date", data: csvText(all, row(all, map[string]string{"date": "2024-02-30"})),
			wantRecords: []string{`t.csv:2: date: invalid date: "2024-02-30" is not a YYYY-MM-DD date`}, wantN: 1},
		{name: "text in an integer column", data: csvText(all, row(all, map[string]string{"count": "many"})),
			wantRecords: []string{`t.csv:2: count: "many" is not an integer`}, wantN: 1},
		{name: "latitude 123", data: csvText(all, row(all, map[string]string{"latitude": "123"})),
			wantRecords: []string{`t.csv:2: latitude: 123 is out of range [-90, 90]`}, wantN: 1},
		{name: "too few cells", data: csvText(all, good[:32]),
			wantRecords: []string{`t.csv:2: wrong number of cells: 32, the header has 33`}, wantN: 1},
		{name: "too many cells", data: csvText(all, append(good, "x")),
			wantRecords: []string{`t.csv:2: wrong number of cells: 34, the header has 33`}, wantN: 1},
		{name: "cell on a later line of a multi-line row",
			data:        csvText(all, row(all, map[string]string{"quote": "line one\nline two", "context": "rumoured"})),
			wantRecords: []string{`t.csv:3: context: "rumoured" is not one of reported, claimed, denied, future, hypothetical`}, wantN: 1},
		{name: "invalid UTF-8", data: csvText(all, row(all, map[string]string{"sentence": "bad \xff byte"})),
			wantRecords: []string{`t.csv:2: sentence: invalid UTF-8`}, wantN: 1},
		{name: "bare quote", data: csvText(all) + "a\"b,c\n" + csvText(good),
			wantFile: []string{`t.csv:2: malformed CSV: bare " in non-quoted-field`}, wantN: 1},
		{name: "unterminated quote", data: csvText(all, good) + "\"abc,\n",
			wantFile: []string{`t.csv:3: malformed CSV: extraneous or missing " in quoted-field`}, wantN: 1},
		{name: "unclosed quote runs to the end", data: csvText(all, good) + "\"abc\nmore\nand more\n",
			wantFile: []string{`t.csv:3: malformed CSV: extraneous or missing " in quoted-field`}, wantN: 1},
		{name: "empty file", data: "",
			wantFile: []string{`t.csv:1: no header row: the file is empty`}},
		{name: "BOM and blank lines", data: "\uFEFF" + csvText(all) + "\n\n" + csvText(good),
			wantN: 1},
	}
	runBad(t, "t.csv", tests)
}

// jsonLine returns the first sample event as a JSON object, with the
// given raw JSON values replacing fields.
func jsonLine(t *testing.T, set map[string]string) string {
	t.Helper()
	e := sampleEvents()[0]
	b, err := e.MarshalJSON()
	require.NoError(t, err)
	s := string(b)
	for name, raw := range set {
		f, ok := events.FieldByName(name)
		require.True(t, ok, name)
		// Replace "name":value, whatever the value, by "name":raw.
		key := `"` + f.Name + `":`
		i := strings.Index(s, key)
		require.GreaterOrEqual(t, i, 0)
		j := i + len(key)
		end := valueEnd(s, j)
		s = s[:j] + raw + s[end:]
	}
	return s
}

// valueEnd returns the end of the JSON scalar starting at s[i].
func valueEnd(s string, i int) int {
	if s[i] == '"' {
		for j := i + 1; j < len(s); j++ {
			if s[j] == '\\' {
				j++
				continue
			}
			if s[j] == '"' {
				return j + 1
			}
		}
	}
	for j := i; j < len(s); j++ {
		if s[j] == ',' || s[j] == '}' {
			return j
		}
	}
	return len(s)
}

func TestBadJSONL(t *testing.T) {
	good := jsonLine(t, nil)
	tests := []badCase{
		{name: "bad enum", data: good + "\n" + good + "\n" + jsonLine(t, map[string]string{"date_precision": `"dayy"`}) + "\n",
			wantRecords: []string{`t.jsonl:3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}, wantN: 3},
		{name: "bad date", data: jsonLine(t, map[string]string{"date_end": `"25/01/2024"`}) + "\n",
			wantRecords: []string{`t.jsonl:1: date_end: invalid date: "25/01/2024" is not a YYYY-MM-DD date`}, wantN: 1},
		{name: "text in an integer", data: jsonLine(t, map[string]string{"count": `"many"`}) + "\n",
			wantRecords: []string{`t.jsonl:1: count: "many" is not an integer`}, wantN: 1},
		{name: "latitude 123", data: jsonLine(t, map[string]string{"latitude": `123`}) + "\n",
			wantRecords: []string{`t.jsonl:1: latitude: 123 is out of range [-90, 90]`}, wantN: 1},
		{name: "unknown key", data: strings.Replace(good, `{"id"`, `{"colour":"red","id"`, 1) + "\n",
			wantRecords: []string{`t.jsonl:1: colour: is not a field of the record`}, wantN: 1},
		{name: "truncated line", data: good + "\n" + good[:40] + "\n" + good + "\n",
			wantFile: []string{`t.jsonl:2: malformed JSON: unexpected end of JSON input`}, wantN: 2},
		{name: "truncated file", data: good + "\n" + good[:40],
			wantFile: []string{`t.jsonl:2: malformed JSON: unexpected end of JSON input`}, wantN: 1},
		{name: "not an object", data: "[1,2]\n" + good + "\n",
			wantFile: []string{`t.jsonl:1: not a record: want a JSON object, got an array`}, wantN: 1},
		{name: "null line", data: "null\n",
			wantFile: []string{`t.jsonl:1: not a record: want a JSON object, got null`}},
		{name: "invalid UTF-8", data: jsonLine(t, map[string]string{"sentence": "\"bad \xff\""}) + "\n",
			wantRecords: []string{`t.jsonl:1: sentence: invalid UTF-8`}, wantN: 1},
		{name: "blank lines and CRLF", data: "\r\n" + good + "\r\n\r\n" + good + "\r\n", wantN: 2},
	}
	runBad(t, "t.jsonl", tests)
}

func TestBadJSON(t *testing.T) {
	good := jsonLine(t, nil)
	bad := jsonLine(t, map[string]string{"date_precision": `"dayy"`})
	tests := []badCase{
		{name: "bad enum, line of the record", data: "[\n" + good + ",\n" + good + ",\n" + bad + "\n]\n",
			wantRecords: []string{`t.json:4: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}, wantN: 3},
		{name: "records spread over lines", data: "[\n\n  " + good + "\n,\n\n" + bad + "]",
			wantRecords: []string{`t.json:6: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}, wantN: 2},
		{name: "truncated", data: "[\n" + good + ",\n" + good[:40],
			wantFile: []string{`t.json:3: malformed JSON: unexpected end of file (truncated?)`}, wantN: 1},
		{name: "missing closing bracket", data: "[\n" + good + "\n",
			wantFile: []string{`t.json:2: malformed JSON: unexpected end of file (truncated?)`}, wantN: 1},
		{name: "syntax error", data: "[\n" + good + ",\n{\"id\" \"x\"}\n]\n",
			wantFile: []string{`t.json:3: malformed JSON: invalid character '"' after object key`}, wantN: 1},
		{name: "object, not array", data: good + "\n",
			wantFile: []string{`t.json:1: not a record: want a JSON array of records, got an object (JSON Lines files end in .jsonl)`}},
		{name: "element not an object", data: "[\n" + good + ",\n42\n]\n",
			wantFile: []string{`t.json:3: not a record: want a JSON object, got a number`}, wantN: 1},
		{name: "data after the array", data: "[\n" + good + "\n]\n[]\n",
			wantFile: []string{`t.json:4: malformed JSON: [ after the array`}, wantN: 1},
		{name: "empty file", data: "",
			wantFile: []string{`t.json:1: not a record: want a JSON array of records, the file is empty`}},
		{name: "latitude 123", data: "[\n" + jsonLine(t, map[string]string{"latitude": `123`}) + "\n]\n",
			wantRecords: []string{`t.json:2: latitude: 123 is out of range [-90, 90]`}, wantN: 1},
	}
	runBad(t, "t.json", tests)
}

// workbook builds an xlsx file with a sheet of rows; each value is written
// with SetCellValue, so its Go type decides the cell type.
func workbook(t *testing.T, sheet string, rows [][]any, styles map[string]int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		require.NoError(t, f.SetSheetName("Sheet1", sheet))
	}
	for r, vals := range rows {
		for c, v := range vals {
			if v == nil {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue(sheet, ref, v))
		}
	}
	for ref, numFmt := range styles {
		id, err := f.NewStyle(&excelize.Style{NumFmt: numFmt})
		require.NoError(t, err)
		require.NoError(t, f.SetCellStyle(sheet, ref, ref, id))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.String()
}

// anyRow turns text cells into cell values, with typed overrides.
func anyRow(names []string, set map[string]any) []any {
	text := row(names, nil)
	out := make([]any, len(names))
	for i, n := range names {
		if text[i] != "" {
			out[i] = text[i]
		}
		if v, ok := set[n]; ok {
			out[i] = v
		}
	}
	return out
}

func anyHeader(names []string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

func TestBadXLSX(t *testing.T) {
	all := events.FieldNames()
	head := anyHeader(all)
	good := anyRow(all, nil)
	tests := []badCase{
		{name: "missing column", data: workbook(t, "events", [][]any{anyHeader(without("count")), anyRow(without("count"), nil)}, nil),
			wantFile: []string{`t.xlsx:events!1:1: missing column "count"`}, wantN: 1},
		{name: "unknown column", data: workbook(t, "events", [][]any{append(head, "colour"), append(good, "red")}, nil),
			wantFile: []string{`t.xlsx:events!AH1: unknown column "colour"`}, wantN: 1},
		{name: "columns out of order", data: workbook(t, "events", [][]any{anyHeader(swapped("published", "date")), anyRow(swapped("published", "date"), nil)}, nil),
			wantFile: []string{`t.xlsx:events!C1: column out of order: "date" comes 4th, after "published"`}, wantN: 1},
		{name: "bad enum", data: workbook(t, "events", [][]any{head, good, anyRow(all, map[string]any{"date_precision": "dayy"})}, nil),
			wantRecords: []string{`t.xlsx:events!F3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}, wantN: 2},
		{name: "bad date", data: workbook(t, "events", [][]any{head, anyRow(all, map[string]any{"date": "23/01/2024"})}, nil),
			wantRecords: []string{`t.xlsx:events!D2: date: invalid date: "23/01/2024" is not a YYYY-MM-DD date`}, wantN: 1},
		{name: "text in an integer column", data: workbook(t, "events", [][]any{head, anyRow(all, map[string]any{"count": "many"})}, nil),
			wantRecords: []string{`t.xlsx:events!O2: count: "many" is not an integer`}, wantN: 1},
		{name: "latitude 123", data: workbook(t, "events", [][]any{head, anyRow(all, map[string]any{"latitude": 123})}, nil),
			wantRecords: []string{`t.xlsx:events!M2: latitude: 123 is out of range [-90, 90]`}, wantN: 1},
		{name: "fraction in an integer column", data: workbook(t, "events", [][]any{head, anyRow(all, map[string]any{"count": 12.5})}, nil),
			wantRecords: []string{`t.xlsx:events!O2: count: "12.5" is not an integer`}, wantN: 1},
		{name: "cell beyond the header", data: workbook(t, "events", [][]any{head, append(good, nil, "stray")}, nil),
			wantRecords: []string{`t.xlsx:events!AI2: cell outside the header's columns`}, wantN: 1},
		{name: "no events sheet", data: workbook(t, "Sheet1", [][]any{head, good}, nil),
			wantFile: []string{`t.xlsx: no sheet "events" (the workbook has "Sheet1")`}},
		{name: "empty sheet", data: workbook(t, "events", nil, nil),
			wantFile: []string{`t.xlsx:events!1:1: no header row: the sheet is empty`}},
		{name: "blank rows skipped", data: workbook(t, "events", [][]any{{}, head, {}, good}, nil), wantN: 1},
	}
	runBad(t, "t.xlsx", tests)
}

// TestXLSXTypedCells reads cells as Excel stores what a user types or
// formats: dates as serial numbers under any date format, date-typed
// cells, integers as floats.
func TestXLSXTypedCells(t *testing.T) {
	all := events.FieldNames()
	day := time.Date(2024, 1, 23, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		set    map[string]any
		styles map[string]int
		check  func(t *testing.T, e events.Event)
	}{
		{name: "time value with excelize's default date-time format",
			set: map[string]any{"date": day, "date_end": day.Add(15 * time.Hour)},
			check: func(t *testing.T, e events.Event) {
				assert.Equal(t, "2024-01-23", e.Date)
				assert.Equal(t, "2024-01-23", e.DateEnd)
			}},
		{name: "serial with m/d/yy format",
			set: map[string]any{"published": 45316}, styles: map[string]int{"C2": 14},
			check: func(t *testing.T, e events.Event) { assert.Equal(t, "2024-01-25", e.Published) }},
		{name: "serial with d-mmm-yy format",
			set: map[string]any{"published": 45316.0}, styles: map[string]int{"C2": 15},
			check: func(t *testing.T, e events.Event) { assert.Equal(t, "2024-01-25", e.Published) }},
		{name: "serial without a date format",
			set:   map[string]any{"published": 43100},
			check: func(t *testing.T, e events.Event) { assert.Equal(t, "2017-12-31", e.Published) }},
		{name: "date typed as text",
			set:   map[string]any{"published": "2024-01-25"},
			check: func(t *testing.T, e events.Event) { assert.Equal(t, "2024-01-25", e.Published) }},
		{name: "integers as floats",
			set: map[string]any{"count": 12.0, "sentence_index": float64(7), "fatalities": 0.0},
			check: func(t *testing.T, e events.Event) {
				require.NotNil(t, e.Count)
				assert.Equal(t, 12, *e.Count)
				assert.Equal(t, 7, e.SentenceIndex)
				require.NotNil(t, e.Fatalities)
				assert.Equal(t, 0, *e.Fatalities)
			}},
		{name: "integer with a thousands format",
			set: map[string]any{"count": 2500}, styles: map[string]int{"O2": 3},
			check: func(t *testing.T, e events.Event) { require.NotNil(t, e.Count); assert.Equal(t, 2500, *e.Count) }},
		{name: "number with a two-decimal format keeps its digits",
			set: map[string]any{"latitude": 33.2232}, styles: map[string]int{"M2": 2},
			check: func(t *testing.T, e events.Event) {
				require.NotNil(t, e.Latitude)
				assert.Equal(t, 33.2232, *e.Latitude)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := workbook(t, "events", [][]any{anyHeader(all), anyRow(all, tt.set)}, tt.styles)
			var recs []Record
			problems, err := ReadFrom(strings.NewReader(data), "t.xlsx", export.FormatXLSX, func(r Record) error {
				recs = append(recs, r)
				return nil
			})
			require.NoError(t, err)
			assert.Empty(t, problems)
			require.Len(t, recs, 1)
			assert.Empty(t, recs[0].Problems)
			tt.check(t, recs[0].Event)
		})
	}
}
