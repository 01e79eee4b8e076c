package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// TestExtractMixedCorpus runs a JSON Lines corpus holding one Arabic and
// one English article, neither with a lang field, through extract with the
// default --lang auto: each article's language is detected from its script
// and the events of both come out in one timeline, each with its lang.
func TestExtractMixedCorpus(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"default lang", nil},
		{"explicit auto", []string{"--lang", "auto"}},
	}
	dir := t.TempDir()
	ar := map[string]string{"id": "ar-1", "published": "2024-01-25", "source": "AFP",
		"text": "استهدفت واشنطن ليل الثلاثاء مواقع لكتائب حزب الله في العراق."}
	en := map[string]string{"id": "en-1", "published": "2024-01-25", "source": "Reuters",
		"text": "Kurdish forces shot down a drone near Erbil airport on Thursday, the counter-terrorism service said in a statement."}
	var lines []string
	for _, rec := range []map[string]string{ar, en} {
		b, err := json.Marshal(rec)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	corpus := writeFile(t, filepath.Join(dir, "mixed.jsonl"), strings.Join(lines, "\n")+"\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"extract", corpus, "--quiet"}, tt.args...)
			code, out, stderr := runCLI(t, "", args...)
			require.Equal(t, 0, code, stderr)
			byLang := map[string][]events.Event{}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var e events.Event
				require.NoError(t, json.Unmarshal([]byte(line), &e), line)
				byLang[e.Lang] = append(byLang[e.Lang], e)
			}
			require.NotEmpty(t, byLang["ar"], "Arabic events")
			require.NotEmpty(t, byLang["en"], "English events")
			assert.Len(t, byLang, 2, "only ar and en")
			for _, e := range byLang["ar"] {
				assert.Equal(t, "ar-1", e.DocID)
			}
			for _, e := range byLang["en"] {
				assert.Equal(t, "en-1", e.DocID)
			}
			var ic *events.Event
			for i := range byLang["en"] {
				if byLang["en"][i].EventType == events.Interception {
					ic = &byLang["en"][i]
				}
			}
			require.NotNil(t, ic, "the English interception")
			assert.Equal(t, "Kurdish forces", ic.Actor1)
			assert.Equal(t, "Erbil International Airport", ic.Location)
			assert.Equal(t, "2024-01-25", ic.Date)
			var strike *events.Event
			for i := range byLang["ar"] {
				if byLang["ar"][i].EventType == events.Airstrike {
					strike = &byLang["ar"][i]
				}
			}
			require.NotNil(t, strike, "the Arabic airstrike")
			assert.Equal(t, "United States", strike.Actor1)
			assert.Equal(t, "2024-01-23", strike.Date)
		})
	}
}
