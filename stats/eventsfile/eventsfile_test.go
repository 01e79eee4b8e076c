package eventsfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

func sample() []events.Event {
	a := events.Event{ID: "d-s0-e0", DocID: "d", Published: "2024-01-25", Date: "2024-01-23", DateEnd: "2024-01-23",
		DatePrecision: events.PrecisionDay, Actor1: "United States", Count: events.Int(3), CountUnit: "strike",
		CountQualifier: events.Exact, Latitude: events.Float(33.3), Longitude: events.Float(44.4),
		Sentence: "واستهدفت واشنطن, \"كتائب حزب الله\"\nيوم الثلاثاء", Trigger: "استهدفت", Context: events.Reported, Confidence: 0.9}
	a.SetType(events.Airstrike, false)
	b := events.Event{ID: "d-s1-e0", DocID: "d", Published: "2024-01-25", Date: "2024-01-25", DateEnd: "2024-01-25",
		DatePrecision: events.PrecisionUnknown, Sentence: "s", Trigger: "t", Context: events.Claimed, Confidence: 1}
	b.SetType(events.Claim, false)
	return []events.Event{a, b}
}

func jsonLine(t *testing.T, e events.Event) string {
	b, err := json.Marshal(e)
	require.NoError(t, err)
	return string(b)
}

func csvText(t *testing.T, evs []events.Event, bom bool) string {
	var b strings.Builder
	if bom {
		b.WriteString("\uFEFF")
	}
	b.WriteString(strings.Join(events.FieldNames(), ",") + "\r\n")
	for i := range evs {
		var cells []string
		for _, f := range events.Fields {
			v := f.Get(&evs[i])
			if strings.ContainsAny(v, ",\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			cells = append(cells, v)
		}
		b.WriteString(strings.Join(cells, ",") + "\r\n")
	}
	return b.String()
}

func TestRead(t *testing.T) {
	evs := sample()
	dir := t.TempDir()
	badType := strings.Replace(jsonLine(t, evs[1]), `"claim"`, `"raid"`, 1)
	tests := []struct {
		name      string
		file      string
		body      string
		wantIDs   []string
		wantProbs []string
	}{
		{name: "jsonl", file: "t.jsonl", body: jsonLine(t, evs[0]) + "\n\n" + jsonLine(t, evs[1]) + "\n", wantIDs: []string{"d-s0-e0", "d-s1-e0"}},
		{name: "jsonl with a bad line", file: "t.ndjson", body: jsonLine(t, evs[0]) + "\n{oops\n" + badType + "\n" + jsonLine(t, evs[1]),
			wantIDs: []string{"d-s0-e0", "d-s1-e0"}, wantProbs: []string{"t.ndjson:2: ", `t.ndjson:3: event_type: "raid" is not one of`}},
		{name: "json array, one record per line", file: "t.json", body: "[\n" + jsonLine(t, evs[0]) + ",\n" + badType + ",\n" + jsonLine(t, evs[1]) + "\n]\n",
			wantIDs: []string{"d-s0-e0", "d-s1-e0"}, wantProbs: []string{`t.json:3: event_type: "raid"`}},
		{name: "json not an array", file: "t2.json", body: jsonLine(t, evs[0]), wantProbs: []string{"t2.json:1: not a JSON array of records"}},
		{name: "empty json array", file: "t3.json", body: "[]"},
		{name: "csv with a BOM", file: "t.csv", body: csvText(t, evs, true), wantIDs: []string{"d-s0-e0", "d-s1-e0"}},
		{name: "csv with a bad cell", file: "t2.csv", body: strings.Replace(csvText(t, evs, false), ",claim,", ",raid,", 1),
			wantIDs: []string{"d-s0-e0"}, wantProbs: []string{`t2.csv:4: event_type: "raid" is not one of`}},
		{name: "empty csv", file: "t3.csv", body: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, []byte(tt.body), 0o644))
			var got []events.Event
			probs, err := Read(path, func(e *events.Event) error {
				got = append(got, *e)
				return nil
			})
			require.NoError(t, err)
			var ids []string
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			assert.Equal(t, tt.wantIDs, ids)
			require.Len(t, probs, len(tt.wantProbs), "%v", probs)
			for i, p := range probs {
				assert.True(t, strings.HasPrefix(p.Error(), filepath.Join(dir, tt.wantProbs[i])), "%q", p.Error())
			}
			for _, e := range got {
				for _, want := range evs {
					if want.ID == e.ID {
						assert.Equal(t, want, e, "read back as written")
					}
				}
			}
		})
	}
}

func TestReadFromSniffs(t *testing.T) {
	evs := sample()
	bodies := map[string]string{
		"json":  "  [" + jsonLine(t, evs[0]) + "]",
		"jsonl": jsonLine(t, evs[0]) + "\n",
		"csv":   csvText(t, evs[:1], true),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			n := 0
			probs, err := ReadFrom(strings.NewReader(body), StdinName, "", func(e *events.Event) error {
				n++
				assert.Equal(t, evs[0].ID, e.ID)
				return nil
			})
			require.NoError(t, err)
			assert.Empty(t, probs)
			assert.Equal(t, 1, n)
		})
	}
}

func TestReadErrors(t *testing.T) {
	_, err := Read("timeline.xlsx", func(*events.Event) error { return nil })
	assert.ErrorIs(t, err, ErrFormat)
	_, err = Read(filepath.Join(t.TempDir(), "missing.jsonl"), func(*events.Event) error { return nil })
	assert.ErrorIs(t, err, os.ErrNotExist)

	stop := errors.New("stop")
	body := jsonLine(t, sample()[0]) + "\n" + jsonLine(t, sample()[1]) + "\n"
	for _, format := range []string{"jsonl", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			b := body
			switch format {
			case "json":
				b = "[" + strings.Replace(strings.TrimSpace(body), "\n", ",", 1) + "]"
			case "csv":
				b = csvText(t, sample(), false)
			}
			n := 0
			_, err := ReadFrom(bytes.NewReader([]byte(b)), "x", format, func(*events.Event) error {
				n++
				return stop
			})
			assert.Same(t, stop, err, "fn's error is returned as is")
			assert.Equal(t, 1, n, "and stops the reading")
		})
	}
}

func FuzzReadFrom(f *testing.F) {
	for _, s := range []string{"", "[", "{", "[{}]", "[1,2]", "\uFEFF", "id\n\"", `[{"id":"x"},`, "a,b\n1,2,3\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadFrom(strings.NewReader(s), "fuzz", "", func(*events.Event) error { return nil })
	})
}
