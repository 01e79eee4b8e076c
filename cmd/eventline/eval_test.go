package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/eval"
)

// evalCase writes a gold folder and two events files holding the 5 events
// of cliEvents. Hand count: the gold has 3 events (afp: the airstrike and
// the deployment, annotated as an attack; reuters-2017: the announcement).
// Only the documents with a gold file are scored (archive and x are not),
// so 3 events are extracted, of which the airstrike and the announcement
// match (the deployment's type disagrees). Precision 2/3, recall 2/3, F1
// 2/3. Field accuracy over the 2 pairs: actor2 1/2 (the gold names the
// announcement's target "ISIS"), every other field 2/2.
func evalCase(t *testing.T) (goldDir, eventsPath string) {
	dir := t.TempDir()
	goldDir = filepath.Join(dir, "gold")
	writeFile(t, filepath.Join(goldDir, "afp.json"), `{"doc_id": "afp", "published": "2024-01-25", "lang": "ar", "events": [
		{"anchor": "واستهدفت واشنطن", "event_type": "airstrike", "actor1": "United States", "actor2": "Kataib Hezbollah",
		 "location": "Jurf al-Sakhar", "country": "IQ", "date": "2024-01-23", "date_end": "2024-01-23", "date_precision": "day",
		 "fatalities": 0, "injuries": 3},
		{"anchor": "2500 جندي", "event_type": "attack"}]}`)
	writeFile(t, filepath.Join(goldDir, "reuters.json"), `{"doc_id": "reuters-2017", "published": "2017-12-10", "lang": "en", "events": [
		{"anchor": "declared victory", "event_type": "announcement", "context": "claimed", "actor1": "Iraq", "actor2": "ISIS",
		 "date": "2017-09-01", "date_end": "2017-12-31", "date_precision": "year"}]}`)
	evs := cliEvents()
	eventsPath = writeEvents(t, filepath.Join(dir, "timeline.jsonl"), evs[:3], false)
	// The two others are in a second file, in another format.
	writeEvents(t, filepath.Join(dir, "more.xlsx"), evs[3:], false)
	return goldDir, eventsPath
}

func TestEvalEventsFiles(t *testing.T) {
	goldDir, path := evalCase(t)
	more := filepath.Join(filepath.Dir(path), "more.xlsx")

	code, out, errOut := runCLI(t, "", "eval", "--gold", goldDir, "--events", path, more, "--json")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	var r eval.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	assert.Equal(t, 2, r.Documents)
	assert.Equal(t, []int{3, 3, 2}, []int{r.Gold, r.Extracted, r.Matched})
	assert.InDelta(t, 2.0/3, r.Precision, 1e-9)
	assert.InDelta(t, 2.0/3, r.Recall, 1e-9)
	assert.InDelta(t, 2.0/3, r.F1, 1e-9)
	for _, f := range r.Fields {
		want := 2
		if f.Field == "actor2" {
			want = 1
		}
		assert.Equal(t, []int{want, 2}, []int{f.Correct, f.Total}, f.Field)
	}
	assert.Equal(t, []string{"archive", "x"}, r.Unscored)
	require.Len(t, r.Missed, 1)
	assert.Equal(t, eval.Missed{DocID: "afp", Index: 1, EventType: "attack", Anchor: "2500 جندي"}, r.Missed[0])

	t.Run("table", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "eval", "--gold", goldDir, "--events", path, more)
		assert.Equal(t, 0, code)
		assert.Contains(t, out, "eval: 2 documents scored (2 inputs without a gold file not scored: archive, x)")
		assert.Contains(t, out, "all              3          3        2      0.667   0.667  0.667\n")
		assert.Contains(t, out, "actor2               1/2     0.500\n")
		assert.NotContains(t, out, "missed (gold events not extracted)")
	})
	t.Run("details", func(t *testing.T) {
		_, out, _ := runCLI(t, "", "eval", "--gold", goldDir, "--events", path, more, "--details")
		assert.Contains(t, out, `reuters-2017 events[0] ~ reuters-2017-s3-e1: actor2: expected "ISIS", got "Islamic State"`)
	})
	tests := []struct {
		name  string
		minF1 string
		code  int
		want  string
	}{
		{"F1 above the bar", "0.66", 0, ""},
		{"F1 below the bar", "0.67", 1, "eventline: F1 0.667 is below --min-f1 0.670\n"},
		{"out of range", "1.5", 2, "--min-f1 must be between 0 and 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", "eval", "--gold", goldDir, "--events", path, more, "--min-f1", tt.minF1)
			assert.Equal(t, tt.code, code)
			if tt.want == "" {
				assert.Empty(t, errOut)
			} else {
				assert.Contains(t, errOut, tt.want)
			}
		})
	}
}

// TestEvalArticles runs the real parser: the anchors are checked against
// the article's sentences whatever the parser extracts.
func TestEvalArticles(t *testing.T) {
	dir := t.TempDir()
	article := writeFile(t, filepath.Join(dir, "articles", "a.txt"), "---\nid: a\npublished: 2024-01-25\nlang: en\n---\n"+
		"U.S. warplanes struck Kataib Hezbollah positions in Iraq on Tuesday. Two people were killed.\n")
	gold := filepath.Join(dir, "gold")
	writeFile(t, filepath.Join(gold, "a.json"), `{"doc_id": "a", "published": "2024-01-25", "lang": "en", "events": [
		{"anchor": "struck Kataib Hezbollah", "event_type": "airstrike"},
		{"anchor": "struck Kataib Hezbollah positions in Iraq on Tuesday. Two", "event_type": "airstrike"}]}`)

	code, out, errOut := runCLI(t, "", "eval", "--gold", gold, article)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "eval: 1 documents scored")
	assert.Contains(t, errOut, filepath.Join(gold, "a.json")+`: events[1]: anchor is not in any sentence of the article: "struck Kataib Hezbollah positions in Iraq on Tuesday. Two"`)
	assert.Contains(t, errOut, "eventline: 1 problem with the gold files or the inputs (see above)")

	// Without the bad anchor the inputs are clean: exit 0 whatever the score.
	writeFile(t, filepath.Join(gold, "a.json"), `{"doc_id": "a", "events": [{"anchor": "struck Kataib Hezbollah", "event_type": "airstrike"}]}`)
	code, out, errOut = runCLI(t, "", "eval", "--gold", gold, filepath.Join(dir, "articles"), "--json")
	assert.Equal(t, 0, code, errOut)
	var r eval.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, 1, r.Gold)
}

func TestEvalProblems(t *testing.T) {
	goldDir, path := evalCase(t)
	writeFile(t, filepath.Join(goldDir, "lost.json"), `{"doc_id": "lost", "events": [{"anchor": "x", "event_type": "threat", "trigger": "warned"}]}`)
	code, out, errOut := runCLI(t, "", "eval", "--gold", goldDir, "--events", path)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "documents scored", "the scores are printed all the same")
	assert.Contains(t, errOut, filepath.Join(goldDir, "lost.json")+`: events[0]: "trigger" is not a gold field`)
	assert.Contains(t, errOut, filepath.Join(goldDir, "lost.json")+`: no input has this doc_id "lost"; not scored`)
	assert.Contains(t, errOut, "eventline: 2 problems with the gold files or the inputs (see above)")
}

func TestEvalUsage(t *testing.T) {
	goldDir, path := evalCase(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no gold", []string{"eval", path}, "--gold DIR is required"},
		{"no inputs", []string{"eval", "--gold", goldDir}, "requires at least 1 arg(s)"},
		{"from without events", []string{"eval", "--gold", goldDir, "--from", "csv", path}, "--from applies to events files"},
		{"bad published", []string{"eval", "--gold", goldDir, "--published", "yesterday", path}, "--published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}
