package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// readBack reads an events file with dataset and fails on any problem.
func readBack(t *testing.T, path string) []events.Event {
	t.Helper()
	var evs []events.Event
	problems, err := dataset.Read(path, func(r dataset.Record) error {
		assert.Empty(t, r.Problems, "%s", r.Place)
		evs = append(evs, r.Event)
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, problems)
	return evs
}

// assertSameEvents compares two timelines field by field, by the text of each field.
func assertSameEvents(t *testing.T, want, got []events.Event, step string) {
	t.Helper()
	require.Len(t, got, len(want), step)
	for i := range want {
		for _, f := range events.Fields {
			assert.Equal(t, f.Get(&want[i]), f.Get(&got[i]), "%s: record %d (%s), field %s", step, i, want[i].ID, f.Name)
		}
	}
}

func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := cliEvents()
	start := writeEvents(t, filepath.Join(dir, "start.xlsx"), want, false)
	steps := []struct {
		in, out string
		flags   []string
	}{
		{start, "step1.json", nil},
		{"step1.json", "step2.csv", []string{"--bom"}},
		{"step2.csv", "step3.xlsx", nil},
		{"step3.xlsx", "step4.jsonl", nil},
		{"step4.jsonl", "step5.csv", nil},
		{"step5.csv", "step6.json", nil},
	}
	for _, s := range steps {
		in := s.in
		if !filepath.IsAbs(in) {
			in = filepath.Join(dir, in)
		}
		out := filepath.Join(dir, s.out)
		code, stdout, errOut := runCLI(t, "", append([]string{"convert", in, "-o", out}, s.flags...)...)
		require.Equal(t, 0, code, errOut)
		assert.Empty(t, stdout)
		assert.Equal(t, "eventline: 5 records written to "+out+"\n", errOut)
		assertSameEvents(t, want, readBack(t, out), s.in+" → "+s.out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "step2.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "\xEF\xBB\xBF"), "--bom")
	data, err = os.ReadFile(filepath.Join(dir, "step5.csv"))
	require.NoError(t, err)
	assert.False(t, strings.HasPrefix(string(data), "\xEF\xBB\xBF"), "no BOM by default")

	// The converted workbook lists the articles of its records.
	x, err := excelize.OpenFile(filepath.Join(dir, "step3.xlsx"))
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows(export.SheetArticles)
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		export.ArticleColumns,
		{"afp", "", "2024-01-25", "AFP", "https://example.org/a?b=1,c=2", "ar", "2"},
		{"reuters-2017", "", "2017-12-10", "Reuters", "", "en", "1"},
		{"archive", "", "1899-07-01", "", "", "en", "1"},
		{"x", "", "", "", "", "", "1"},
	}, rows)
}

func TestConvertStdinStdout(t *testing.T) {
	dir := t.TempDir()
	want := cliEvents()
	data, err := os.ReadFile(writeEvents(t, filepath.Join(dir, "t.csv"), want, true))
	require.NoError(t, err)
	code, out, errOut := runCLI(t, string(data), "convert", "-", "-o", "-", "--format", "json", "--quiet")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	var got []events.Event
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assertSameEvents(t, want, got, "stdin csv → stdout json")
}

func TestConvertKeepsRecordsWithProblems(t *testing.T) {
	dir := t.TempDir()
	evs := cliEvents()
	tab := [][]string{events.FieldNames()}
	for i := range evs {
		row := make([]string, len(events.Fields))
		for j, f := range events.Fields {
			row[j] = f.Get(&evs[i])
		}
		tab = append(tab, row)
	}
	col := func(name string) int {
		for i, n := range tab[0] {
			if n == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	tab[3][col("date_precision")] = "yearly" // a bad enum: kept as read
	tab[3][col("fatalities")] = "two"        // text in an integer column: written empty
	tab[4][col("latitude")] = "123"          // out of range: written empty
	tab[5][col("id")] = tab[1][col("id")]    // a duplicate id: kept
	tab[5][col("char_start")] = "ten"        // a malformed offset: written as 0
	var b strings.Builder
	for _, row := range tab {
		for i, c := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\n")
	}
	in := writeFile(t, filepath.Join(dir, "hand.csv"), b.String())
	out := filepath.Join(dir, "out.jsonl")

	code, stdout, errOut := runCLI(t, "", "convert", in, "-o", out)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	// Record 1 spans lines 2-3 (its quote has a line break).
	assert.Equal(t, strings.Join([]string{
		in + `:5: date_precision: "yearly" is not one of day, week, month, year, range, unknown`,
		in + `:5: fatalities: "two" is not an integer; written empty`,
		in + `:6: latitude: 123 is out of range [-90, 90]; written empty`,
		in + `:7: id: duplicate id "afp-s7-e0", first at ` + in + ":2",
		in + `:7: char_start: "ten" is not an integer; written as 0`,
		"eventline: 5 problems in " + in + " (see above); every record was converted as read: 5 records written to " + out,
	}, "\n")+"\n", errOut)

	var got []events.Event
	_, err := dataset.Read(out, func(r dataset.Record) error {
		got = append(got, r.Event)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, 5, "no record is dropped")
	assert.Equal(t, events.Precision("yearly"), got[2].DatePrecision)
	assert.Nil(t, got[2].Fatalities)
	assert.Nil(t, got[3].Latitude)
	assert.Equal(t, got[0].ID, got[4].ID)
	assert.Equal(t, evs[3].Trigger, got[3].Trigger, "the other cells as read")
}

func TestConvertRefusals(t *testing.T) {
	dir := t.TempDir()
	in := writeEvents(t, filepath.Join(dir, "t.csv"), cliEvents(), false)
	before, err := os.ReadFile(in)
	require.NoError(t, err)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"same file", []string{"convert", in, "-o", in}, 2, "is also an input"},
		{"same file, other spelling", []string{"convert", in, "-o", filepath.Join(dir, ".", "t.csv")}, 2, "is also an input"},
		{"no output", []string{"convert", in}, 2, "-o OUT is required"},
		{"unknown output extension", []string{"convert", in, "-o", filepath.Join(dir, "t.txt")}, 2, "unknown format"},
		{"unknown input format", []string{"convert", in, "--from", "yaml", "-o", filepath.Join(dir, "o.json")}, 2, `--from: unknown format "yaml"`},
		{"two inputs", []string{"convert", in, in, "-o", filepath.Join(dir, "o.json")}, 2, "accepts 1 arg(s)"},
		{"missing input", []string{"convert", filepath.Join(dir, "none.csv"), "-o", filepath.Join(dir, "o.json")}, 1, "none.csv: cannot read: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
	after, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the input is untouched")
	_, err = os.Stat(filepath.Join(dir, "o.json"))
	assert.True(t, os.IsNotExist(err), "nothing written when the input cannot be read")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), "."), "temporary file left behind: %s", e.Name())
	}
}

func TestConvertFormatOverride(t *testing.T) {
	dir := t.TempDir()
	want := cliEvents()
	in := writeEvents(t, filepath.Join(dir, "t.jsonl"), want, false)
	odd := filepath.Join(dir, "timeline.data")
	require.NoError(t, os.Rename(in, odd))
	out := filepath.Join(dir, "out.txt")
	code, _, errOut := runCLI(t, "", "convert", odd, "--from", "jsonl", "-o", out, "--format", "csv")
	require.Equal(t, 0, code, errOut)
	var got []events.Event
	_, err := dataset.ReadFormat(out, "csv", func(r dataset.Record) error {
		got = append(got, r.Event)
		return nil
	})
	require.NoError(t, err)
	assertSameEvents(t, want, got, "jsonl → csv by flags")
}
