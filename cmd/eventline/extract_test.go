package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestExtractFormats(t *testing.T) {
	dir := t.TempDir()
	fx := fixturesDir(t)
	for _, name := range []string{"t.csv", "t.json", "t.jsonl", "t.xlsx"} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name)
			code, _, stderr := runCLI(t, "", "extract", fx, "-o", out, "--quiet")
			require.Equal(t, 0, code, stderr)
			info, err := os.Stat(out)
			require.NoError(t, err)
			assert.Greater(t, info.Size(), int64(0))
		})
	}
	// CSV: a header row of the 33 fields, in order.
	f, err := os.Open(filepath.Join(dir, "t.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, events.FieldNames(), rows[0])
	// JSON: one array of records; JSONL: the same records, one per line.
	data, err := os.ReadFile(filepath.Join(dir, "t.json"))
	require.NoError(t, err)
	var arr []events.Event
	require.NoError(t, json.Unmarshal(data, &arr))
	lines, err := os.ReadFile(filepath.Join(dir, "t.jsonl"))
	require.NoError(t, err)
	assert.Equal(t, len(arr), strings.Count(string(lines), "\n"))
	assert.Equal(t, len(arr), len(rows)-1)
	// XLSX: the four sheets, events header in order, one articles row per fixture.
	x, err := excelize.OpenFile(filepath.Join(dir, "t.xlsx"))
	require.NoError(t, err)
	defer x.Close()
	assert.Equal(t, []string{"events", "summary", "articles", "codebook"}, x.GetSheetList())
	xrows, err := x.GetRows("events")
	require.NoError(t, err)
	assert.Equal(t, events.FieldNames(), xrows[0])
	assert.Equal(t, len(arr), len(xrows)-1)
	arts, err := x.GetRows("articles")
	require.NoError(t, err)
	entries, _ := filepath.Glob(filepath.Join(fx, "*.txt"))
	assert.Equal(t, len(entries), len(arts)-1)
}

func TestExtractStdoutIsJSONL(t *testing.T) {
	code, out, stderr := runCLI(t, "---\nid: s1\npublished: 2024-01-25\nlang: en\n---\nU.S. forces were attacked on Tuesday.", "extract", "-")
	require.Equal(t, 0, code, stderr)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e events.Event
		require.NoError(t, json.Unmarshal([]byte(line), &e))
		assert.Equal(t, "s1", e.DocID)
	}
}

func TestExtractDeterministic(t *testing.T) {
	dir := t.TempDir()
	fx := fixturesDir(t)
	var outputs [][]byte
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for i, procs := range []int{1, 2, 2} {
		runtime.GOMAXPROCS(procs)
		for _, ext := range []string{"csv", "xlsx"} {
			out := filepath.Join(dir, "run"+string(rune('0'+i))+"."+ext)
			code, _, stderr := runCLI(t, "", "extract", fx, "-o", out, "--quiet", "-j", []string{"1", "2", "4"}[i])
			require.Equal(t, 0, code, stderr)
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			outputs = append(outputs, data)
		}
	}
	for i := 2; i < len(outputs); i++ {
		assert.True(t, bytes.Equal(outputs[i%2], outputs[i]), "output %d differs", i)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "in", "good.txt"), "---\nid: good\npublished: 2024-01-25\nlang: en\n---\nThe army said it shot down two drones on Thursday.")
	bad := writeFile(t, filepath.Join(dir, "in", "bad.txt"), "---\nid: bad\npublished: 2024-01-25\nno end")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
		wantFile   string // output that must exist afterwards ("" none)
		noFile     string // output that must not exist
	}{
		{"bad article is reported, others go through", []string{"extract", filepath.Join(dir, "in"), "-o", filepath.Join(dir, "a.csv"), "--quiet"}, 1,
			bad + ":1: front matter: opened on line 1 and never closed with ---", filepath.Join(dir, "a.csv"), ""},
		{"strict stops and writes nothing", []string{"extract", bad, good, "--strict", "-o", filepath.Join(dir, "b.csv")}, 1,
			"stopped at the first problem (--strict)", "", filepath.Join(dir, "b.csv")},
		{"missing path", []string{"extract", filepath.Join(dir, "nope"), good, "-o", filepath.Join(dir, "c.jsonl"), "--quiet"}, 1,
			filepath.Join(dir, "nope") + ": no such file or directory", filepath.Join(dir, "c.jsonl"), ""},
		{"unknown extension", []string{"extract", good, "-o", filepath.Join(dir, "d.pdf")}, 2, `unknown format ".pdf"`, "", filepath.Join(dir, "d.pdf")},
		{"unknown format flag", []string{"extract", good, "--format", "yaml"}, 2, `unknown format "yaml"`, "", ""},
		{"unknown flag", []string{"extract", good, "--nope"}, 2, "unknown flag: --nope", "", ""},
		{"unwritable output", []string{"extract", good, "-o", filepath.Join(dir, "missing-dir", "x.csv")}, 2, "cannot create", "", ""},
		{"output is an input", []string{"extract", good, "-o", good}, 2, "is also an input", "", ""},
		{"bad --published", []string{"extract", good, "--published", "2024-02-30"}, 2, "--published", "", ""},
		{"bad --lang", []string{"extract", good, "--lang", "fr"}, 2, "--lang", "", ""},
		{"no arguments", []string{"extract"}, 2, "requires at least 1 arg", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.wantCode, code, stderr)
			assert.Contains(t, stderr, tt.wantStderr)
			assert.NotContains(t, stderr, "panic")
			if tt.wantFile != "" {
				assert.FileExists(t, tt.wantFile)
			}
			if tt.noFile != "" {
				assert.NoFileExists(t, tt.noFile)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
			assert.Empty(t, left, "no temporary files left behind")
		})
	}
	orig, err := os.ReadFile(good)
	require.NoError(t, err)
	assert.Contains(t, string(orig), "shot down", "the input was not overwritten")
}
