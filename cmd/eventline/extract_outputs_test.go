package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// fixtureEvents extracts the fixtures as JSON Lines, for comparing other outputs with.
func fixtureEvents(t *testing.T) []events.Event {
	t.Helper()
	code, out, stderr := runCLI(t, "", "extract", fixturesDir(t), "--quiet")
	require.Equal(t, 0, code, stderr)
	var evs []events.Event
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e events.Event
		require.NoError(t, json.Unmarshal([]byte(line), &e))
		evs = append(evs, e)
	}
	return evs
}

func TestExtractGeoJSON(t *testing.T) {
	evs := fixtureEvents(t)
	withCoords := 0
	for _, e := range evs {
		if e.Latitude != nil && e.Longitude != nil {
			withCoords++
		}
	}
	out := filepath.Join(t.TempDir(), "map.geojson")
	code, _, stderr := runCLI(t, "", "extract", fixturesDir(t), "-o", out)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	require.NoError(t, json.Unmarshal(data, &fc))
	assert.Equal(t, "FeatureCollection", fc.Type)
	assert.Len(t, fc.Features, withCoords)
	msg := "events without coordinates left out of " + out
	if skipped := len(evs) - withCoords; skipped > 0 {
		assert.Contains(t, stderr, "eventline: "+strconv.Itoa(skipped)+" "+msg)
	} else {
		assert.NotContains(t, stderr, msg)
	}
}

func TestExtractTimelineJS(t *testing.T) {
	evs := fixtureEvents(t)
	out := filepath.Join(t.TempDir(), "timeline.json")
	code, _, stderr := runCLI(t, "", "extract", fixturesDir(t), "--format", "timelinejs", "-o", out, "--quiet")
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var doc struct {
		Events []struct {
			UniqueID string `json:"unique_id"`
		} `json:"events"`
		Title struct {
			UniqueID string `json:"unique_id"`
		} `json:"title"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, export.TimelineJSTitleID, doc.Title.UniqueID)
	var want []string
	for _, e := range evs {
		if events.CheckDate(e.Date) == nil {
			want = append(want, e.ID)
		}
	}
	var got []string
	for _, s := range doc.Events {
		got = append(got, s.UniqueID)
	}
	assert.Equal(t, want, got, "one slide per dated event, in timeline order")
}

func TestExtractDataPackage(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out", "Timeline.csv")
	require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
	code, _, stderr := runCLI(t, "", "extract", fixturesDir(t), "-o", out, "--bom", "--datapackage", "--quiet")
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(filepath.Join(dir, "out", "datapackage.json"))
	require.NoError(t, err)
	var pkg export.DataPackageDescriptor
	require.NoError(t, json.Unmarshal(data, &pkg))
	require.Len(t, pkg.Resources, 1)
	assert.Equal(t, "Timeline.csv", pkg.Resources[0].Path)
	assert.Equal(t, "timeline", pkg.Resources[0].Name)
	assert.Equal(t, "utf-8", pkg.Resources[0].Encoding)
	assert.Len(t, pkg.Resources[0].Schema.Fields, len(events.Fields))
	csvData, err := os.ReadFile(out)
	require.NoError(t, err)
	header := strings.SplitN(strings.TrimPrefix(string(csvData), "\uFEFF"), pkg.Resources[0].Dialect.LineTerminator, 2)[0]
	assert.Equal(t, strings.Join(events.FieldNames(), pkg.Resources[0].Dialect.Delimiter), header)
	leftovers, _ := filepath.Glob(filepath.Join(dir, "out", ".*"))
	assert.Empty(t, leftovers, "no temporary files left")

	tests := []struct {
		name string
		args []string
	}{
		{"stdout", []string{"extract", fixturesDir(t), "--datapackage"}},
		{"not csv", []string{"extract", fixturesDir(t), "-o", filepath.Join(dir, "t.xlsx"), "--datapackage"}},
		{"csv format to stdout", []string{"extract", fixturesDir(t), "--format", "csv", "--datapackage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, "--datapackage describes a CSV file: use it with -o FILE.csv")
			_, err := os.Stat(filepath.Join(dir, "t.xlsx"))
			assert.True(t, os.IsNotExist(err), "nothing written")
		})
	}
}
