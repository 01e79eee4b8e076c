package validate

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// allFormats are the file names of the formats eventline writes.
var allFormats = []string{"t.csv", "bom.csv", "t.json", "t.jsonl", "t.xlsx"}

// sheetFormats are those with a header row.
var sheetFormats = []string{"t.csv", "bom.csv", "t.xlsx"}

// place returns where a problem of field in data row r (0-based) is
// reported in the file name, given its header.
func place(name string, header []string, r int, field string) string {
	switch filepath.Ext(name) {
	case ".csv", ".json":
		return name + ":" + strconv.Itoa(r+2)
	case ".jsonl":
		return name + ":" + strconv.Itoa(r+1)
	}
	row := strconv.Itoa(r + 2)
	for i, h := range header {
		if h == field {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return name + ":events!" + c + row
		}
	}
	return name + ":events!" + row + ":" + row
}

// headerPlace returns the place of the header row, or of column field in it.
func headerPlace(name string, header []string, field string) string {
	if filepath.Ext(name) != ".xlsx" {
		return name + ":1"
	}
	for i, h := range header {
		if h == field {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return name + ":events!" + c + "1"
		}
	}
	return name + ":events!1:1"
}

func TestCheckProblemClasses(t *testing.T) {
	tests := []struct {
		name    string
		formats []string
		mutate  func(*table)
		want    func(name string, header []string) []string
	}{
		{
			name: "valid file", formats: allFormats, mutate: func(*table) {},
			want: func(string, []string) []string { return nil },
		},
		{
			name: "missing column", formats: sheetFormats,
			mutate: func(t *table) { t.drop("date_end") },
			// Only the missing column: not also "date and date_end must both be given" on every row.
			want: func(n string, h []string) []string {
				return []string{headerPlace(n, h, "") + `: missing column "date_end"`}
			},
		},
		{
			name: "missing required key", formats: []string{"t.json", "t.jsonl"},
			mutate: func(t *table) { t.drop("trigger") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 0, "trigger") + ": trigger: is required", place(n, h, 1, "trigger") + ": trigger: is required"}
			},
		},
		{
			name: "columns out of order", formats: sheetFormats,
			mutate: func(t *table) { t.swap("published", "date") },
			want: func(n string, h []string) []string {
				return []string{headerPlace(n, h, "date") + `: column out of order: "date" comes 4th, after "published"`}
			},
		},
		{
			name: "columns out of order, problem placed at the column read", formats: sheetFormats,
			mutate: func(t *table) { t.swap("published", "date"); t.set(1, "date", "2024-02-30") },
			want: func(n string, h []string) []string {
				return []string{
					headerPlace(n, h, "date") + `: column out of order: "date" comes 4th, after "published"`,
					place(n, h, 1, "date") + `: date: invalid date: "2024-02-30" is not a YYYY-MM-DD date`,
				}
			},
		},
		{
			name: "bad enum", formats: allFormats,
			mutate: func(t *table) { t.set(1, "date_precision", "dayy") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "date_precision") + `: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}
			},
		},
		{
			name: "bad event type", formats: allFormats,
			mutate: func(t *table) { t.set(0, "event_type", "anouncement") },
			// Not also the ACLED and PLOVER codes, which follow from the type.
			want: func(n string, h []string) []string {
				return []string{place(n, h, 0, "event_type") + `: event_type: "anouncement" is not one of ` + strings.Join(events.TypeNames(), ", ")}
			},
		},
		{
			name: "bad date", formats: allFormats,
			mutate: func(t *table) { t.set(1, "date", "2024-02-30") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "date") + `: date: invalid date: "2024-02-30" is not a YYYY-MM-DD date`}
			},
		},
		{
			name: "date after date_end", formats: allFormats,
			mutate: func(t *table) { t.set(1, "date_end", "2024-01-20") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "date_end") + `: date_end: 2024-01-20 is before date 2024-01-23`}
			},
		},
		{
			name: "precision inconsistent with the interval", formats: allFormats,
			mutate: func(t *table) { t.set(1, "date_end", "2024-01-26") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "date_precision") + `: date_precision: "day" allows at most 1 days, the interval 2024-01-23..2024-01-26 has 4`}
			},
		},
		{
			name: "text in an integer column", formats: allFormats,
			mutate: func(t *table) { t.set(1, "fatalities", "three") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "fatalities") + `: fatalities: "three" is not an integer`}
			},
		},
		{
			name: "latitude out of range", formats: allFormats,
			mutate: func(t *table) { t.set(1, "latitude", "123") },
			// Not also "latitude and longitude must both be given": the latitude was unreadable.
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "latitude") + `: latitude: 123 is out of range [-90, 90]`}
			},
		},
		{
			name: "longitude without latitude", formats: allFormats,
			mutate: func(t *table) { t.set(1, "latitude", "") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "longitude") + `: longitude: latitude and longitude must both be given or both be empty`}
			},
		},
		{
			name: "duplicate id", formats: allFormats,
			mutate: func(t *table) { t.set(1, "id", "reuters-2017-s3-e1") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 1, "id") + `: id: duplicate id "reuters-2017-s3-e1", first at ` + place(n, h, 0, "id")}
			},
		},
		{
			name: "required field empty", formats: sheetFormats,
			mutate: func(t *table) { t.set(0, "sentence", "") },
			want: func(n string, h []string) []string {
				return []string{place(n, h, 0, "sentence") + ": sentence: is required"}
			},
		},
		{
			name: "several problems in one record, in column order", formats: allFormats,
			mutate: func(t *table) {
				t.set(1, "count_qualifier", "about")
				t.set(1, "date_end", "2024-01-22")
				t.set(1, "confidence", "1.5")
			},
			want: func(n string, h []string) []string {
				conf := place(n, h, 1, "confidence")
				if filepath.Ext(n) == ".csv" {
					// A cell dataset finds malformed is placed at its own line: after
					// the quote, which spans two lines.
					conf = n + ":4"
				}
				return []string{
					place(n, h, 1, "date_end") + ": date_end: 2024-01-22 is before date 2024-01-23",
					place(n, h, 1, "count_qualifier") + `: count_qualifier: "about" is not one of exact, approx, at_least, more_than, at_most, less_than`,
					conf + ": confidence: 1.5 is out of range [0, 1]",
				}
			},
		},
	}
	for _, tt := range tests {
		for _, name := range tt.formats {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				dir := t.TempDir()
				tab := tableOf(sample())
				tt.mutate(&tab)
				path := tab.write(t, dir, name)
				res := Check(path, Options{})
				assert.Equal(t, 2, res.Records)
				want := tt.want(name, tab.header)
				if want == nil {
					want = []string{}
				}
				assert.Equal(t, want, strs(dir, res.Problems))
			})
		}
	}
}

func TestCheckWrittenByExport(t *testing.T) {
	// Every format as package export writes it is valid.
	for _, format := range export.Formats() {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t."+format)
			f, err := os.Create(path)
			require.NoError(t, err)
			w, err := export.New(format, f, export.Options{BOM: true})
			require.NoError(t, err)
			evs := sample()
			for i := range evs {
				require.NoError(t, w.Write(&evs[i]))
			}
			require.NoError(t, w.Close())
			require.NoError(t, f.Close())
			res := Check(path, Options{})
			assert.Equal(t, len(evs), res.Records)
			assert.Empty(t, res.Problems)
		})
	}
}

func TestCheckUnreadable(t *testing.T) {
	dir := t.TempDir()
	notXLSX := filepath.Join(dir, "bad.xlsx")
	require.NoError(t, os.WriteFile(notXLSX, []byte("id,doc_id\n"), 0o644))
	txt := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(txt, []byte("hello"), 0o644))
	tests := []struct {
		name string
		path string
		want string
	}{
		{"missing file", filepath.Join(dir, "nope.csv"), "nope.csv: cannot read: no such file or directory"},
		{"directory", dir, ": cannot read: is a directory; name the events files in it (e.g. dir/*.csv)"},
		{"unknown extension", txt, `notes.txt: cannot read: unknown format ".txt" (want .csv, .json, .jsonl, .ndjson or .xlsx); give the format with --from`},
		{"not a workbook", notXLSX, "bad.xlsx: cannot read: not a readable Excel workbook: zip: not a valid zip file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Check(tt.path, Options{})
			require.Len(t, res.Problems, 1)
			assert.True(t, errors.Is(res.Problems[0].Err, ErrUnreadable))
			assert.True(t, strings.HasSuffix(res.Problems[0].String(), tt.want), res.Problems[0].String())
		})
	}
}

func TestCheckStdin(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		format string
		want   []string
	}{
		{name: "csv sniffed", file: "t.csv", want: []string{`<stdin>:3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}},
		{name: "jsonl sniffed", file: "t.jsonl", want: []string{`<stdin>:2: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}},
		{name: "xlsx sniffed", file: "t.xlsx", want: []string{`<stdin>:events!F3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}},
		{name: "json given", file: "t.json", format: "json", want: []string{`<stdin>:3: date_precision: "dayy" is not one of day, week, month, year, range, unknown`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := tableOf(sample())
			tab.set(1, "date_precision", "dayy")
			path := tab.write(t, t.TempDir(), tt.file)
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			res := Check("-", Options{Stdin: f, Format: tt.format})
			assert.Equal(t, tt.want, strs("", res.Problems))
		})
	}
}

func TestReadKeepsRecordsWithProblems(t *testing.T) {
	tab := tableOf(sample())
	tab.set(1, "date_precision", "dayy")
	tab.set(1, "date_end", "2024-01-20")
	path := tab.write(t, t.TempDir(), "t.csv")
	var got []dataset.Record
	fileProblems, err := Read(path, Options{}, func(r dataset.Record) error {
		got = append(got, r)
		return nil
	})
	require.NoError(t, err)
	assert.Empty(t, fileProblems)
	require.Len(t, got, 2)
	assert.Empty(t, got[0].Problems)
	// The bad enum is kept as read; date_end is read too. The bad enum
	// hides the interval checks that depend on it.
	assert.Equal(t, events.Precision("dayy"), got[1].Event.DatePrecision)
	assert.Equal(t, "2024-01-20", got[1].Event.DateEnd)
	assert.Len(t, got[1].Problems, 1)
}

func TestReadStopsOnCallbackError(t *testing.T) {
	path := tableOf(sample()).write(t, t.TempDir(), "t.jsonl")
	stop := errors.New("stop")
	n := 0
	_, err := Read(path, Options{}, func(dataset.Record) error { n++; return stop })
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}

func TestSortOrdersByLineThenColumn(t *testing.T) {
	ps := []dataset.Problem{
		{Place: dataset.Place{File: "a", Line: 3, Sheet: "events", Cell: "AB3"}},
		{Place: dataset.Place{File: "a", Line: 3, Sheet: "events", Cell: "C3"}},
		{Place: dataset.Place{File: "a", Line: 2}, Field: "plover"},
		{Place: dataset.Place{File: "a", Line: 2}, Field: "id"},
		{Place: dataset.Place{File: "a", Line: 2}},
		{Place: dataset.Place{File: "a"}},
	}
	Sort(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Place.String()+" "+p.Field)
	}
	assert.Equal(t, []string{"a ", "a:2 ", "a:2 id", "a:2 plover", "a:events!C3 ", "a:events!AB3 "}, got)
}

func BenchmarkCheckCSV(b *testing.B) {
	base := sample()
	evs := make([]events.Event, 2000)
	for i := range evs {
		evs[i] = base[i%2]
		evs[i].ID += "-" + strconv.Itoa(i)
	}
	path := tableOf(evs).write(b, b.TempDir(), "t.csv")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if res := Check(path, Options{}); len(res.Problems) != 0 {
			b.Fatal(res.Problems[0])
		}
	}
}
