package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const explainText = "وأعلنت واشنطن أنّها استهدفت الثلاثاء كتائب حزب الله في العراق. ولم تقع هجمات في أربيل."

func TestExplainJSON(t *testing.T) {
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantEvents int
		wantSents  int
	}{
		{"argument", "", []string{"explain", "--json", "--published", "2024-01-25", explainText}, 1, 2},
		{"stdin with dash", explainText, []string{"explain", "--json", "--published", "2024-01-25", "-"}, 1, 2},
		{"stdin without argument", explainText, []string{"explain", "--json", "--lang", "ar"}, 1, 2},
		{"no event", "", []string{"explain", "--json", "كان الطقس جميلاً."}, 0, 1},
		{"empty text", "", []string{"explain", "--json", "-"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			require.Equal(t, 0, code, errOut)
			var raw map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(out), &raw), out)
			for _, k := range []string{"sentences", "times", "counts", "actors", "places", "events"} {
				require.Contains(t, raw, k)
				assert.Equal(t, byte('['), raw[k][0], "%s is a list, not null", k)
			}
			var an struct {
				Sentences []struct {
					Index     int    `json:"index"`
					Text      string `json:"text"`
					CharStart int    `json:"char_start"`
					CharEnd   int    `json:"char_end"`
				} `json:"sentences"`
				Times []struct {
					Text      string  `json:"text"`
					Date      *string `json:"date"`
					DateEnd   *string `json:"date_end"`
					Precision string  `json:"date_precision"`
				} `json:"times"`
				Actors []struct {
					Text string `json:"text"`
					Name string `json:"name"`
				} `json:"actors"`
				Places []struct {
					Text    string   `json:"text"`
					Name    string   `json:"name"`
					Country string   `json:"country"`
					Lat     *float64 `json:"lat"`
				} `json:"places"`
				Events []map[string]any `json:"events"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &an))
			assert.Len(t, an.Sentences, tt.wantSents)
			assert.Len(t, an.Events, tt.wantEvents)
			if tt.wantEvents == 1 {
				e := an.Events[0]
				assert.Equal(t, "airstrike", e["event_type"])
				assert.Equal(t, "United States", e["actor1"])
				assert.Equal(t, "Kataib Hezbollah", e["actor2"])
				assert.Equal(t, "استهدفت", e["trigger"])
				assert.Equal(t, "Iraq", e["location"])
				assert.Len(t, e, 33, "every field of the record")
				require.NotEmpty(t, an.Times)
				assert.Equal(t, "الثلاثاء", an.Times[0].Text)
				if tt.name != "stdin without argument" {
					require.NotNil(t, an.Times[0].Date)
					assert.Equal(t, "2024-01-23", *an.Times[0].Date)
					assert.Equal(t, "day", an.Times[0].Precision)
				} else {
					assert.Nil(t, an.Times[0].Date, "no anchor: a weekday stays unresolved")
				}
				var names []string
				for _, a := range an.Actors {
					names = append(names, a.Name)
				}
				assert.Contains(t, names, "Kataib Hezbollah")
				var places []string
				for _, p := range an.Places {
					places = append(places, p.Name)
					assert.NotNil(t, p.Lat)
				}
				assert.Contains(t, places, "Erbil")
				assert.Equal(t, 0, an.Sentences[0].CharStart)
			}
		})
	}
}

func TestExplainText(t *testing.T) {
	code, out, errOut := runCLI(t, "", "explain", "--published", "2024-01-25", explainText)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2 sentences, lang ar, published 2024-01-25, 1 events")
	assert.Contains(t, out, `time     "الثلاثاء" → 2024-01-23..2024-01-23 (day)`)
	assert.Contains(t, out, `actor    "كتائب حزب الله" → Kataib Hezbollah (group, IQ)`)
	assert.Contains(t, out, "EVENT explain-s0-e0  airstrike  United States → Kataib Hezbollah")
	assert.Contains(t, out, `no event: negated`)
}

func TestExplainUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad date", []string{"explain", "--published", "25/01/2024", "x"}, "--published"},
		{"bad lang", []string{"explain", "--lang", "fr", "x"}, "--lang"},
		{"two texts", []string{"explain", "a", "b"}, "arg(s)"},
		{"unknown flag", []string{"explain", "--colour", "x"}, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
}
