package export

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"csv", "json", "jsonl", "xlsx"}, Formats())
	assert.Equal(t, []string{"csv", "json", "jsonl", "xlsx", "geojson", "timelinejs"}, OutputFormats())
	for _, name := range OutputFormats() {
		t.Run(name, func(t *testing.T) {
			w, err := New(name, &bytes.Buffer{}, Options{})
			require.NoError(t, err)
			assert.NoError(t, w.Close())
		})
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		format  string
		want    any
		wantErr string
	}{
		{name: "csv", format: "csv", want: &CSVWriter{}},
		{name: "upper case", format: "CSV", want: &CSVWriter{}},
		{name: "json", format: "json", want: &JSONWriter{}},
		{name: "jsonl", format: "jsonl", want: &JSONLWriter{}},
		{name: "ndjson alias", format: "ndjson", want: &JSONLWriter{}},
		{name: "xlsx", format: "xlsx", want: &XLSXWriter{}},
		{name: "geojson", format: "geojson", want: &GeoJSONWriter{}},
		{name: "timelinejs", format: "TimelineJS", want: &TimelineJSWriter{}},
		{name: "unknown", format: "tsv", wantErr: `export: unknown format "tsv" (want one of csv, json, jsonl, xlsx, geojson, timelinejs)`},
		{name: "empty", format: "", wantErr: `export: unknown format "" (want one of csv, json, jsonl, xlsx, geojson, timelinejs)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(tt.format, &bytes.Buffer{}, Options{})
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.EqualError(t, err, tt.wantErr)
				assert.ErrorIs(t, err, ErrUnknownFormat)
				return
			}
			require.NoError(t, err)
			assert.IsType(t, tt.want, w)
			assert.NoError(t, w.Close())
		})
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		want    string
		wantErr string
	}{
		{name: "csv", path: "out/timeline.csv", want: "csv"},
		{name: "upper case", path: "TIMELINE.CSV", want: "csv"},
		{name: "json", path: "t.json", want: "json"},
		{name: "jsonl", path: "t.jsonl", want: "jsonl"},
		{name: "ndjson", path: "t.NDJSON", want: "jsonl"},
		{name: "xlsx", path: "t.Xlsx", want: "xlsx"},
		{name: "dots in dir", path: "a.b/t.json", want: "json"},
		{name: "geojson is not a record format", path: "map.geojson", wantErr: `export: map.geojson: unknown format ".geojson" (want .csv, .json, .jsonl, .ndjson or .xlsx)`},
		{name: "unknown", path: "t.tsv", wantErr: `export: t.tsv: unknown format ".tsv" (want .csv, .json, .jsonl, .ndjson or .xlsx)`},
		{name: "xls", path: "t.xls", wantErr: `export: t.xls: unknown format ".xls" (want .csv, .json, .jsonl, .ndjson or .xlsx)`},
		{name: "no extension", path: "timeline", wantErr: `export: timeline: unknown format: no file extension (want .csv, .json, .jsonl, .ndjson or .xlsx)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FormatFromPath(tt.path)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				assert.ErrorIs(t, err, ErrUnknownFormat)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestOutputFormatFromPath(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		want    string
		wantErr string
	}{
		{name: "geojson", path: "out/map.GeoJSON", want: "geojson"},
		{name: "record formats too", path: "t.xlsx", want: "xlsx"},
		{name: "a timeline's json is json", path: "t.timeline.json", want: "json"},
		{name: "unknown", path: "t.kml", wantErr: `export: t.kml: unknown format ".kml" (want .csv, .json, .jsonl, .ndjson, .xlsx or .geojson)`},
		{name: "no extension", path: "map", wantErr: `export: map: unknown format: no file extension (want .csv, .json, .jsonl, .ndjson, .xlsx or .geojson)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := OutputFormatFromPath(tt.path)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				assert.ErrorIs(t, err, ErrUnknownFormat)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestWriterContract checks what every writer promises: nil events and
// writes after Close are errors, Close is idempotent, and a write error of
// the destination comes back from Write or Close.
func TestWriterContract(t *testing.T) {
	for _, format := range OutputFormats() {
		t.Run(format, func(t *testing.T) {
			w, err := New(format, &bytes.Buffer{}, Options{})
			require.NoError(t, err)
			assert.Error(t, w.Write(nil))
			e := sampleEvents()[0]
			require.NoError(t, w.Write(&e))
			require.NoError(t, w.Close())
			assert.NoError(t, w.Close(), "a second Close")
			assert.Error(t, w.Write(&e), "write after Close")
		})
		t.Run(format+" failing destination", func(t *testing.T) {
			w, err := New(format, failWriter{}, Options{})
			require.NoError(t, err)
			evs := manyEvents(2000) // more than the writers buffer
			var werr error
			for i := range evs {
				if werr = w.Write(&evs[i]); werr != nil {
					break
				}
			}
			cerr := w.Close()
			assert.True(t, errors.Is(werr, errDisk) || errors.Is(cerr, errDisk), "write %v, close %v", werr, cerr)
		})
	}
}

var errDisk = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

// roundTripFields turns text rows (header first) back into events with Field.Set.
func roundTripFields(t *testing.T, rows [][]string) []events.Event {
	t.Helper()
	require.NotEmpty(t, rows)
	require.Equal(t, events.FieldNames(), rows[0])
	var out []events.Event
	for _, row := range rows[1:] {
		require.Len(t, row, len(events.Fields))
		var e events.Event
		for i, f := range events.Fields {
			require.NoError(t, f.Set(&e, row[i]), f.Name)
		}
		out = append(out, e)
	}
	return out
}
