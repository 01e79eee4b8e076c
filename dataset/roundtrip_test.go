package dataset

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name       string
		file       string
		format     string
		opts       export.Options
		wantPlaces []string
	}{
		// The second event's quote spans two lines, so the third row starts on line 5.
		{name: "csv", file: "t.csv", format: export.FormatCSV,
			wantPlaces: []string{"t.csv:2", "t.csv:3", "t.csv:5", "t.csv:6", "t.csv:7"}},
		{name: "csv with BOM", file: "t.csv", format: export.FormatCSV, opts: export.Options{BOM: true},
			wantPlaces: []string{"t.csv:2", "t.csv:3", "t.csv:5", "t.csv:6", "t.csv:7"}},
		{name: "json", file: "t.json", format: export.FormatJSON,
			wantPlaces: []string{"t.json:2", "t.json:3", "t.json:4", "t.json:5", "t.json:6"}},
		{name: "jsonl", file: "t.jsonl", format: export.FormatJSONL,
			wantPlaces: []string{"t.jsonl:1", "t.jsonl:2", "t.jsonl:3", "t.jsonl:4", "t.jsonl:5"}},
		{name: "ndjson", file: "t.ndjson", format: export.FormatJSONL,
			wantPlaces: []string{"t.ndjson:1", "t.ndjson:2", "t.ndjson:3", "t.ndjson:4", "t.ndjson:5"}},
		{name: "xlsx", file: "t.xlsx", format: export.FormatXLSX,
			wantPlaces: []string{"t.xlsx:events!A2", "t.xlsx:events!A3", "t.xlsx:events!A4", "t.xlsx:events!A5", "t.xlsx:events!A6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := sampleEvents()
			data := encode(t, tt.format, tt.opts, evs)
			path := writeFile(t, tt.file, data)
			recs, problems := readAll(t, path)
			assert.Empty(t, problems)
			var got []events.Event
			var places []Place
			for _, r := range recs {
				assert.Empty(t, r.Problems, r.Place.String())
				got = append(got, r.Event)
				p := r.Place
				p.File = tt.file
				places = append(places, p)
			}
			assert.Equal(t, evs, got, "every value survives the round trip")
			assert.Equal(t, tt.wantPlaces, strs(places))

			t.Run("from a reader, format recognised", func(t *testing.T) {
				var got []events.Event
				problems, err := ReadFrom(bytes.NewReader(data), tt.file, "", func(r Record) error {
					assert.Empty(t, r.Problems)
					got = append(got, r.Event)
					return nil
				})
				require.NoError(t, err)
				assert.Empty(t, problems)
				assert.Equal(t, evs, got)
			})
		})
	}
}

func TestRoundTripEmpty(t *testing.T) {
	for _, format := range export.Formats() {
		t.Run(format, func(t *testing.T) {
			data := encode(t, format, export.Options{}, nil)
			n := 0
			problems, err := ReadFrom(bytes.NewReader(data), "t."+format, format, func(Record) error { n++; return nil })
			require.NoError(t, err)
			assert.Zero(t, n)
			if format == export.FormatJSONL {
				assert.Empty(t, problems, "an empty JSON Lines file is an empty timeline")
			} else {
				assert.Empty(t, problems, "the header (or []) alone is an empty timeline")
			}
		})
	}
}

func TestCallbackError(t *testing.T) {
	stop := errors.New("stop")
	for _, format := range export.Formats() {
		t.Run(format, func(t *testing.T) {
			data := encode(t, format, export.Options{}, sampleEvents())
			n := 0
			_, err := ReadFrom(bytes.NewReader(data), "t", format, func(Record) error {
				n++
				if n == 2 {
					return stop
				}
				return nil
			})
			assert.Same(t, stop, err)
			assert.Equal(t, 2, n, "reading stops at the error")
		})
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		path    string
		data    []byte
		wantErr string
	}{
		{name: "missing file", path: dir + "/none.csv", wantErr: "no such file or directory"},
		{name: "unknown extension", path: writeFile(t, "t.txt", []byte("x")), wantErr: `unknown format ".txt"`},
		{name: "not a workbook", path: writeFile(t, "t.xlsx", []byte("id,doc_id\n")), wantErr: "not a readable Excel workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.path, func(Record) error { return nil })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Contains(t, err.Error(), tt.path, "the message names the file")
		})
	}
	_, err := ReadFrom(bytes.NewReader(nil), "x", "tsv", nil)
	assert.ErrorIs(t, err, export.ErrUnknownFormat)
}

func TestPlaceString(t *testing.T) {
	tests := []struct {
		name  string
		place Place
		want  string
	}{
		{name: "line", place: Place{File: "timeline.csv", Line: 14}, want: "timeline.csv:14"},
		{name: "file only", place: Place{File: "timeline.csv"}, want: "timeline.csv"},
		{name: "cell", place: Place{File: "timeline.xlsx", Line: 12, Sheet: "events", Cell: "F12"}, want: "timeline.xlsx:events!F12"},
		{name: "row", place: Place{File: "timeline.xlsx", Line: 1, Sheet: "events"}, want: "timeline.xlsx:events!1:1"},
		{name: "sheet with space", place: Place{File: "t.xlsx", Sheet: "my events", Cell: "A1"}, want: "t.xlsx:'my events'!A1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.place.String())
		})
	}
}

func TestProblemString(t *testing.T) {
	var e events.Event
	f, ok := events.FieldByName("date_precision")
	require.True(t, ok)
	err := f.Set(&e, "dayy")
	require.Error(t, err)
	p := Problem{Place: Place{File: "timeline.csv", Line: 14}, Field: "date_precision", Err: err}
	assert.Equal(t, `timeline.csv:14: date_precision: "dayy" is not one of day, week, month, year, range, unknown`, p.String())
	assert.Equal(t, p.String(), p.Error())
	assert.ErrorIs(t, p, events.ErrInvalidEnum)
	assert.Equal(t, "t.csv:1: missing column", Problem{Place: Place{File: "t.csv", Line: 1}, Err: ErrMissingColumn}.String())
}
