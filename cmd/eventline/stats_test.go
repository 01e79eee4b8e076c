package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// testEvents is an events file of eight events from one article published
// 2024-01-25: a range "since mid-October" with more than 150 attacks, an
// airstrike, an interception, a deployment of unknown date, an
// announcement, a claim and the drone attack it claims (Sunday 28 January),
// and a denied attack.
const testEvents = "testdata/events.jsonl"

func readTestEvents(t *testing.T) []events.Event {
	t.Helper()
	data, err := os.ReadFile(testEvents)
	require.NoError(t, err)
	var evs []events.Event
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e events.Event
		require.NoError(t, json.Unmarshal([]byte(line), &e))
		evs = append(evs, e)
	}
	return evs
}

func parseCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	require.NoError(t, err, s)
	return recs
}

func TestStatsWeekly(t *testing.T) {
	code, out, stderr := runCLI(t, "", "stats", testEvents)
	require.Equal(t, 0, code, stderr)
	recs := parseCSV(t, out)
	assert.Equal(t, []string{"period", "events", "attacks_counted"}, recs[0])
	// 2023-10-09 (the week of 11 October) to 2024-01-22: 16 weeks, every one present.
	require.Len(t, recs, 1+16)
	assert.Equal(t, []string{"2023-10-09", "1", "150"}, recs[1], "the range counts once, where it starts, with its 150 attacks")
	for _, r := range recs[2:16] {
		assert.Equal(t, "0", r[1], "week %s", r[0])
		assert.Equal(t, "0", r[2], "week %s", r[0])
	}
	// Week of 22 January: airstrike, interception, deployment (unknown date, at
	// publication), announcement, claim, claimed drone attack; the denied attack
	// is left out. Attacks: the airstrike and the drone attack.
	assert.Equal(t, []string{"2024-01-22", "6", "2"}, recs[16])
	for i := 2; i < len(recs); i++ {
		prev, err := events.ParseDate(recs[i-1][0])
		require.NoError(t, err)
		cur, err := events.ParseDate(recs[i][0])
		require.NoError(t, err)
		assert.Equal(t, 7*24.0, cur.Sub(prev).Hours(), "consecutive Mondays")
	}
	assert.Contains(t, stderr, "eventline: 7 events counted in 16 weeks, written to stdout")
	assert.Contains(t, stderr, "eventline: 1 events left out: 1 for their context (see --context)")
}

func TestStatsOptions(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want [][]string // the rows after the header, or the last rows when tail is set
		head []string
		tail bool
	}{
		{name: "known dates only", args: []string{"--known-dates-only"}, tail: true,
			head: []string{"period", "events", "attacks_counted"}, want: [][]string{{"2024-01-22", "5", "2"}}},
		{name: "every context", args: []string{"--context", "all"}, tail: true,
			head: []string{"period", "events", "attacks_counted"}, want: [][]string{{"2024-01-22", "7", "3"}}},
		{name: "months by type for two types", args: []string{"--by", "month", "--split", "event_type", "--type", "airstrike,drone_attack"},
			head: []string{"period", "event_type", "events", "attacks_counted"},
			want: [][]string{{"2024-01-01", "drone_attack", "1", "1"}, {"2024-01-01", "airstrike", "1", "1"}}},
		{name: "repeated --type, a type without events", args: []string{"--by", "month", "--split", "event_type", "--type", "bombing", "--type", "airstrike"},
			head: []string{"period", "event_type", "events", "attacks_counted"},
			want: [][]string{{"2024-01-01", "airstrike", "1", "1"}, {"2024-01-01", "bombing", "0", "0"}}},
		{name: "days by country", args: []string{"--by", "day", "--split", "country", "--from", "2024-01-27", "--to", "2024-01-28"},
			head: []string{"period", "country", "events", "attacks_counted"},
			want: [][]string{
				{"2024-01-27", "JO", "0", "0"}, {"2024-01-27", "(none)", "0", "0"},
				{"2024-01-28", "JO", "1", "1"}, {"2024-01-28", "(none)", "1", "0"},
			}},
		{name: "weeks by actor1 from a date", args: []string{"--split", "actor1", "--from", "2024-01-22"},
			head: []string{"period", "actor1", "events", "attacks_counted"},
			want: [][]string{
				{"2024-01-22", "Iraqi Ministry of Foreign Affairs", "1", "0"},
				{"2024-01-22", "Islamic Resistance in Iraq", "2", "1"},
				{"2024-01-22", "Kurdistan Counter-Terrorism Service", "1", "0"},
				{"2024-01-22", "United States", "2", "1"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", append([]string{"stats", testEvents, "-q"}, tt.args...)...)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr, "--quiet")
			recs := parseCSV(t, out)
			assert.Equal(t, tt.head, recs[0])
			got := recs[1:]
			if tt.tail {
				got = got[len(got)-len(tt.want):]
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestStatsFormatsAndOutput(t *testing.T) {
	dir := t.TempDir()
	evs := readTestEvents(t)
	// The same events as JSON, as CSV with a BOM and as Excel give the same counts.
	for _, format := range []string{"json", "csv", "xlsx"} {
		f, err := os.Create(filepath.Join(dir, "events."+format))
		require.NoError(t, err)
		w, err := export.New(format, f, export.Options{BOM: true})
		require.NoError(t, err)
		for i := range evs {
			require.NoError(t, w.Write(&evs[i]))
		}
		require.NoError(t, w.Close())
		require.NoError(t, f.Close())
	}
	_, want, _ := runCLI(t, "", "stats", testEvents, "--split", "event_type")
	for _, in := range []string{"events.json", "events.csv", "events.xlsx"} {
		t.Run(in, func(t *testing.T) {
			out := filepath.Join(dir, in+".counts.csv")
			code, stdout, stderr := runCLI(t, "", "stats", filepath.Join(dir, in), "--split", "event_type", "-o", out)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stdout)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, want, string(got))
			assert.Contains(t, stderr, "written to "+out)
		})
	}
	t.Run("stdin", func(t *testing.T) {
		data, err := os.ReadFile(testEvents)
		require.NoError(t, err)
		code, out, stderr := runCLI(t, string(data), "stats", "-", "--split", "event_type")
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, want, out)
	})
	t.Run("two files count twice", func(t *testing.T) {
		code, out, stderr := runCLI(t, "", "stats", testEvents, filepath.Join(dir, "events.json"), "-q")
		require.Equal(t, 0, code, stderr)
		recs := parseCSV(t, out)
		assert.Equal(t, []string{"2024-01-22", "12", "4"}, recs[len(recs)-1])
	})
	t.Run("bom", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "stats", testEvents, "--bom", "-q")
		require.Equal(t, 0, code)
		assert.True(t, strings.HasPrefix(out, "\uFEFFperiod,"))
	})
}

func TestStatsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, filepath.Join(dir, "bad.jsonl"), "{\"id\":\"x\"}\nnot json\n")
	lines, err := os.ReadFile(testEvents)
	require.NoError(t, err)
	badCell := writeFile(t, filepath.Join(dir, "badcell.jsonl"),
		strings.Replace(string(lines), `"event_type":"airstrike"`, `"event_type":"raid"`, 1))
	existing := writeFile(t, filepath.Join(dir, "keep.csv"), "old")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"no path", []string{"stats"}, 2, "requires at least 1 arg"},
		{"bad period", []string{"stats", testEvents, "--by", "year"}, 2, `--by: unknown period "year" (want one of day, week, month)`},
		{"bad split", []string{"stats", testEvents, "--split", "source"}, 2, `--split: unknown split "source"`},
		{"bad type", []string{"stats", testEvents, "--type", "raid"}, 2, `--type: "raid" is not one of attack`},
		{"bad context", []string{"stats", testEvents, "--context", "rumour"}, 2, `unknown context "rumour"`},
		{"bad from", []string{"stats", testEvents, "--from", "2024-02-30"}, 2, "from: invalid date"},
		{"inverted range", []string{"stats", testEvents, "--from", "2024-02-01", "--to", "2024-01-01"}, 2, "to 2024-01-01 is before from 2024-02-01"},
		{"unknown flag", []string{"stats", testEvents, "--nope"}, 2, "unknown flag: --nope"},
		{"not a csv output", []string{"stats", testEvents, "-o", filepath.Join(dir, "x.xlsx")}, 2, "give the file a .csv extension"},
		{"output is an input", []string{"stats", existing, "-o", existing}, 2, "is also an input"},
		{"unwritable output", []string{"stats", testEvents, "-o", filepath.Join(dir, "no", "x.csv")}, 2, "cannot create"},
		{"too many rows", []string{"stats", testEvents, "--by", "day", "--from", "0001-01-01", "--to", "9999-12-31"}, 2, "count by a longer period"},
		{"missing file, others counted", []string{"stats", filepath.Join(dir, "nope.jsonl"), testEvents}, 1, filepath.Join(dir, "nope.jsonl") + ": no such file or directory"},
		{"not an events file", []string{"stats", filepath.Join(dir, "x.txt"), testEvents}, 1, filepath.Join(dir, "x.txt") + `: unknown format ".txt"`},
		{"bad records", []string{"stats", bad}, 1, bad + ":2: "},
		{"bad cell", []string{"stats", badCell}, 1, badCell + `:1: event_type: "raid" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.wantCode, code, stderr)
			assert.Contains(t, stderr, tt.wantStderr)
		})
	}
	data, err := os.ReadFile(existing)
	require.NoError(t, err)
	assert.Equal(t, "old", string(data), "a refused run leaves files alone")

	t.Run("the rest still counted", func(t *testing.T) {
		code, out, stderr := runCLI(t, "", "stats", filepath.Join(dir, "nope.jsonl"), testEvents, "-q")
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr, "1 problems with the input")
		recs := parseCSV(t, out)
		assert.Equal(t, "6", recs[len(recs)-1][1])
	})
	t.Run("a record with a bad cell is not counted", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "stats", badCell, "-q", "--split", "event_type", "--from", "2024-01-22")
		assert.Equal(t, 1, code)
		recs := parseCSV(t, out)
		for _, r := range recs[1:] {
			assert.NotEqual(t, "raid", r[1])
			if r[1] == "airstrike" {
				t.Errorf("the airstrike's record was counted: %v", r)
			}
		}
	})
	t.Run("bad record lines skipped", func(t *testing.T) {
		code, out, stderr := runCLI(t, "", "stats", bad)
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr, bad+":2: not a record")
		assert.NotContains(t, stderr, bad+":1:", "a record with only an id reads")
		assert.Contains(t, stderr, "1 events left out", "but, without a context, is not counted")
		assert.Equal(t, "period,events,attacks_counted\r\n", out)
	})
}

func TestStatsDeterministic(t *testing.T) {
	var outs []string
	for range 3 {
		_, out, _ := runCLI(t, "", "stats", testEvents, "--by", "day", "--split", "actor1", "-q")
		outs = append(outs, out)
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
	assert.Equal(t, 1+(110*5), strings.Count(outs[0], "\n"), "110 days (11 October to 28 January) × 5 actors")
}
