package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// The constructed case: one article of three sentences.
var sentences = []string{
	"US forces struck Kataib Hezbollah on Tuesday.",
	"Militants have launched more than 150 attacks since October.",
	"The ministry announced talks with Washington on Thursday.",
}

// extracted builds an event of sentence s.
func extracted(id string, s int, t events.EventType, set func(*events.Event)) events.Event {
	e := events.Event{ID: id, DocID: "d1", Published: "2024-01-25", SentenceIndex: s, Sentence: sentences[s], EventType: t, Context: events.Reported}
	if set != nil {
		set(&e)
	}
	return e
}

func airstrike(e *events.Event) {
	e.Actor1, e.Actor2, e.Country = "United States", "Kataib Hezbollah", "IQ"
	e.Date, e.DateEnd, e.DatePrecision = "2024-01-23", "2024-01-23", events.PrecisionDay
}

// goldFile is the gold of the constructed case. Absent fields are unknown.
const goldFile = `{"doc_id": "d1", "published": "2024-01-25", "lang": "en", "events": [
 {"anchor": "struck Kataib Hezbollah", "event_type": "airstrike", "actor1": "United States", "actor2": "Kataib Hezbollah",
  "country": "IQ", "date": "2024-01-23", "date_end": "2024-01-23", "date_precision": "day"},
 {"anchor": "launched more than 150 attacks", "event_type": "attack", "count": 150, "count_qualifier": "more_than",
  "count_unit": "attack", "date": "2023-10-01", "date_end": "2024-01-25", "date_precision": "range"},
 {"anchor": "announced talks", "event_type": "announcement", "actor1": "Iraqi Ministry of Foreign Affairs"},
 {"anchor": "talks with Washington", "event_type": "meeting", "actor1": "Iraqi Ministry of Foreign Affairs", "actor2": "United States",
  "date": "2024-01-25", "date_end": "2024-01-25", "date_precision": "day"}
]}`

// caseDocs are the extracted events of the constructed case:
//   - e-dup: an airstrike of sentence 0 with a wrong actor2, listed first;
//   - e-strike: the right airstrike (a maximal matching that agrees on the
//     most fields takes it, not the first one);
//   - e-attack: the attack, with the wrong qualifier (exact);
//   - e-statement: a statement of sentence 2 (no such gold event);
//   - e-meeting: the meeting, with a wrong actor1.
//
// Hand count: gold 4, extracted 5, matched 3 (strike, attack, meeting):
// precision 3/5, recall 3/4, F1 2·0.6·0.75/1.35 = 2/3. Field accuracy over
// the 3 pairs: actor1 2/3 (meeting), count_qualifier 2/3 (attack), every
// other field 3/3 (unknown on both sides counts as correct).
func caseDocs() []Doc {
	return []Doc{{DocID: "d1", Published: "2024-01-25", Lang: "en", Sentences: sentences, Events: []events.Event{
		extracted("e-dup", 0, events.Airstrike, func(e *events.Event) { airstrike(e); e.Actor2 = "Hezbollah" }),
		extracted("e-strike", 0, events.Airstrike, airstrike),
		extracted("e-attack", 1, events.Attack, func(e *events.Event) {
			e.Count, e.CountQualifier, e.CountUnit = events.Int(150), events.Exact, "attack"
			e.Date, e.DateEnd, e.DatePrecision = "2023-10-01", "2024-01-25", events.PrecisionRange
		}),
		extracted("e-statement", 2, events.Statement, nil),
		extracted("e-meeting", 2, events.Meeting, func(e *events.Event) {
			e.Actor1, e.Actor2 = "Iraq", "United States"
			e.Date, e.DateEnd, e.DatePrecision = "2024-01-25", "2024-01-25", events.PrecisionDay
		}),
	}}}
}

func writeGold(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func TestEvaluateConstructedCase(t *testing.T) {
	dir := t.TempDir()
	writeGold(t, dir, "d1.json", goldFile)
	golds, problems := LoadGold(dir)
	require.Empty(t, problems)
	require.Len(t, golds, 1)

	r, problems := Evaluate(golds, caseDocs())
	require.Empty(t, problems)
	assert.Equal(t, 1, r.Documents)
	assert.Equal(t, 4, r.Gold)
	assert.Equal(t, 5, r.Extracted)
	assert.Equal(t, 3, r.Matched)
	assert.InDelta(t, 0.6, r.Precision, 1e-9)
	assert.InDelta(t, 0.75, r.Recall, 1e-9)
	assert.InDelta(t, 2.0/3, r.F1, 1e-9)

	byType := map[string]Counts{}
	var order []string
	for _, ts := range r.ByType {
		byType[ts.EventType] = ts.Counts
		order = append(order, ts.EventType)
	}
	assert.Equal(t, []string{"attack", "airstrike", "statement", "announcement", "meeting"}, order, "taxonomy order")
	tests := []struct {
		name                     string
		gold, extracted, matched int
		p, r, f1                 float64
	}{
		{"airstrike", 1, 2, 1, 0.5, 1, 2.0 / 3},
		{"attack", 1, 1, 1, 1, 1, 1},
		{"announcement", 1, 0, 0, 0, 0, 0},
		{"statement", 0, 1, 0, 0, 0, 0},
		{"meeting", 1, 1, 1, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := byType[tt.name]
			assert.Equal(t, []int{tt.gold, tt.extracted, tt.matched}, []int{c.Gold, c.Extracted, c.Matched})
			assert.InDelta(t, tt.p, c.Precision, 1e-9)
			assert.InDelta(t, tt.r, c.Recall, 1e-9)
			assert.InDelta(t, tt.f1, c.F1, 1e-9)
		})
	}

	acc := map[string]string{}
	for _, f := range r.Fields {
		acc[f.Field] = strings.TrimSpace(strings.Join([]string{itoa(f.Correct), "/", itoa(f.Total)}, ""))
	}
	for _, f := range ScoredFields {
		want := "3/3"
		if f == "actor1" || f == "count_qualifier" {
			want = "2/3"
		}
		assert.Equal(t, want, acc[f], f)
	}
	assert.Equal(t, []Missed{{DocID: "d1", Index: 2, EventType: "announcement", Anchor: "announced talks"}}, r.Missed)
	var spurious []string
	for _, s := range r.Spurious {
		spurious = append(spurious, s.ID)
	}
	assert.Equal(t, []string{"e-dup", "e-statement"}, spurious)
	assert.Equal(t, []Mismatch{
		{DocID: "d1", Index: 1, ID: "e-attack", Field: "count_qualifier", Want: "more_than", Got: "exact"},
		{DocID: "d1", Index: 3, ID: "e-meeting", Field: "actor1", Want: "Iraqi Ministry of Foreign Affairs", Got: "Iraq"},
	}, r.Mismatches)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestMatchIsMaximal(t *testing.T) {
	// Gold 0's anchor is in both sentences, gold 1's only in the first.
	// Taking gold 0 ↔ the first sentence (document order) would leave gold
	// 1 unmatched; a maximum matching pairs both.
	s := []string{"Rebels shelled the town and the airport.", "Rebels shelled the town."}
	gold := []GoldEvent{
		{Index: 0, Anchor: "shelled the town", Event: events.Event{EventType: events.RocketAttack}},
		{Index: 1, Anchor: "the airport", Event: events.Event{EventType: events.RocketAttack}},
	}
	ext := []events.Event{
		{ID: "a", Sentence: s[0], EventType: events.RocketAttack},
		{ID: "b", Sentence: s[1], EventType: events.RocketAttack},
	}
	tests := []struct {
		name string
		ext  []events.Event
		want []Pair
	}{
		{"both match", ext, []Pair{{0, 1}, {1, 0}}},
		// Both gold events compete for the one rocket attack: one of them gets
		// it (on a tie, deterministically the first).
		{"types must agree", []events.Event{ext[0], {ID: "b", Sentence: s[1], EventType: events.Airstrike}}, []Pair{{0, 0}}},
		{"nothing extracted", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Match(gold, tt.ext))
		})
	}
}

func TestMatchLargeGroupIsGreedy(t *testing.T) {
	n := MaxExactGroup + 1
	gold := make([]GoldEvent, n)
	ext := make([]events.Event, n)
	for i := range gold {
		gold[i] = GoldEvent{Index: i, Anchor: "x", Event: events.Event{EventType: events.Attack}}
		ext[i] = events.Event{Sentence: "x", EventType: events.Attack}
	}
	assert.Len(t, Match(gold, ext), n)
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name string
		w    [][]int
		want int // best total
	}{
		{"square", [][]int{{3, 1}, {3, 2}}, 5},
		{"rectangular", [][]int{{1, 9, 1}, {1, 8, 7}}, 16},
		{"zeros", [][]int{{0, 0}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := assign(tt.w)
			total := 0
			seen := map[int]bool{}
			for i, j := range rows {
				require.GreaterOrEqual(t, j, 0)
				require.False(t, seen[j], "column used twice")
				seen[j] = true
				total += tt.w[i][j]
			}
			assert.Equal(t, tt.want, total)
		})
	}
}

func TestEvaluateProblems(t *testing.T) {
	dir := t.TempDir()
	writeGold(t, dir, "d1.json", `{"doc_id": "d1", "published": "2024-01-24", "lang": "ar", "events": [
		{"anchor": "struck Kataib Hezbollah", "event_type": "airstrike"},
		{"anchor": "not in the article", "event_type": "attack"}]}`)
	writeGold(t, dir, "d2.json", `{"doc_id": "d2", "events": []}`)
	golds, problems := LoadGold(dir)
	require.Empty(t, problems)
	docs := caseDocs()
	docs = append(docs, Doc{DocID: "other", Path: "other.txt"}, Doc{DocID: "d1", Path: "again.txt"})
	docs[0].Path = "d1.txt"
	r, problems := Evaluate(golds, docs)
	var got []string
	for _, p := range problems {
		got = append(got, strings.TrimPrefix(p.String(), dir+string(filepath.Separator)))
	}
	assert.Equal(t, []string{
		`again.txt: duplicate doc_id "d1", also in d1.txt (only the first is scored)`,
		"d1.json: published 2024-01-24 differs from the article's (2024-01-25): relative dates resolve against the article's",
		"d1.json: lang ar differs from the article's (en)",
		`d1.json: events[1]: anchor is not in any sentence of the article: "not in the article"`,
		`d2.json: no input has this doc_id "d2"; not scored`,
	}, got)
	assert.Equal(t, []string{"other"}, r.Unscored)
	assert.Equal(t, 1, r.Documents)
	assert.Equal(t, 2, r.Gold)
	assert.Equal(t, 1, r.Matched)
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []string // problems, without the directory
		events  int
		checkFn func(t *testing.T, g Gold)
	}{
		{name: "numbers as numbers, strings or x.0", text: `{"doc_id": "a", "events": [
			{"anchor": "x", "event_type": "attack", "count": 2500, "fatalities": "3", "injuries": 4.0, "actor1": "  Iraq "}]}`,
			events: 1, checkFn: func(t *testing.T, g Gold) {
				e := g.Events[0].Event
				assert.Equal(t, 2500, *e.Count)
				assert.Equal(t, 3, *e.Fatalities)
				assert.Equal(t, 4, *e.Injuries)
				assert.Equal(t, "Iraq", e.Actor1)
			}},
		{name: "not JSON", text: `{"doc_id": `, want: []string{"g.json: not a gold file: want a JSON object {\"doc_id\", \"published\", \"lang\", \"events\": [...]}: unexpected end of JSON input (byte 11)"}},
		{name: "an array", text: `[]`, want: []string{"g.json: not a gold file: want a JSON object {\"doc_id\", \"published\", \"lang\", \"events\": [...]}: got array"}},
		{name: "no doc_id", text: `{"events": []}`, want: []string{"g.json: not a gold file: doc_id is required"}},
		{name: "no events", text: `{"doc_id": "a"}`, want: []string{`g.json: not a gold file: no "events" array (an article without events has "events": [])`}},
		{name: "unknown top-level key", text: `{"doc_id": "a", "event": [], "events": []}`, want: []string{`g.json: "event" is not a gold field at the top level (want doc_id, published, lang, events)`}},
		{name: "bad published", text: `{"doc_id": "a", "published": "25/01/2024", "events": []}`, want: []string{`g.json: published: invalid date: "25/01/2024" is not a YYYY-MM-DD date`}},
		{name: "event problems", text: `{"doc_id": "a", "events": [
			{"event_type": "attack"},
			{"anchor": "x", "event_type": "atack", "trigger": "t"},
			{"anchor": "x", "event_type": "attack", "count": "twelve", "date": "2024-01-25", "date_end": "2024-01-20"},
			{"anchor": "x"},
			"attack"]}`,
			events: 5,
			want: []string{
				"g.json: events[0]: anchor is required",
				`g.json: events[1]: "trigger" is not a gold field (want anchor, event_type, context, actor1, actor2, location, country, date, date_end, date_precision, count, count_qualifier, count_unit, fatalities, injuries)`,
				`g.json: events[1]: event_type: "atack" is not one of ` + strings.Join(events.TypeNames(), ", "),
				`g.json: events[2]: count: "twelve" is not an integer`,
				"g.json: events[2]: date_end: 2024-01-20 is before date 2024-01-25",
				"g.json: events[3]: event_type: is required",
				"g.json: events[4]: not a gold file: want an object",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			g, problems := ReadGold(writeGold(t, dir, "g.json", tt.text))
			got := []string{}
			for _, p := range problems {
				got = append(got, strings.TrimPrefix(p.String(), dir+string(filepath.Separator)))
			}
			want := tt.want
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, got)
			assert.Len(t, g.Events, tt.events)
			if tt.checkFn != nil {
				tt.checkFn(t, g)
			}
		})
	}
}

func TestLoadGold(t *testing.T) {
	dir := t.TempDir()
	writeGold(t, dir, "b.json", `{"doc_id": "b", "events": []}`)
	writeGold(t, dir, "a.json", `{"doc_id": "a", "events": []}`)
	writeGold(t, dir, "a-again.json", `{"doc_id": "a", "events": []}`)
	writeGold(t, dir, "x.events.json", `[]`)
	writeGold(t, dir, "notes.txt", `hello`)
	golds, problems := LoadGold(dir)
	var ids []string
	for _, g := range golds {
		ids = append(ids, g.DocID)
	}
	assert.Equal(t, []string{"a", "b"}, ids, "sorted by file name; the duplicate is dropped")
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].String(), `a.json: duplicate doc_id "a", also in `)

	_, problems = LoadGold(filepath.Join(dir, "missing"))
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].String(), "cannot read the gold folder: no such file or directory")

	_, problems = LoadGold(t.TempDir())
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].String(), "no gold files")
}

func TestReportOutput(t *testing.T) {
	dir := t.TempDir()
	writeGold(t, dir, "d1.json", goldFile)
	golds, _ := LoadGold(dir)
	r, _ := Evaluate(golds, caseDocs())

	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text, true))
	out := text.String()
	for _, want := range []string{
		"eval: 1 documents scored",
		"event_type    gold  extracted  matched  precision  recall     F1",
		"all              4          5        3      0.600   0.750  0.667",
		"airstrike        1          2        1      0.500   1.000  0.667",
		"actor1               2/3     0.667",
		"location             3/3     1.000",
		`d1 events[2] announcement: "announced talks"`,
		"e-dup airstrike: " + sentences[0],
		`d1 events[3] ~ e-meeting: actor1: expected "Iraqi Ministry of Foreign Affairs", got "Iraq"`,
	} {
		assert.Contains(t, out, want)
	}

	var js bytes.Buffer
	require.NoError(t, r.WriteJSON(&js))
	var back Report
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, *r, back)
	assert.Contains(t, js.String(), `"f1": 0.6666666666666666`)
}

func BenchmarkMatch(b *testing.B) {
	var gold []GoldEvent
	var ext []events.Event
	for i := range 60 {
		s := "Sentence " + itoa(i%20) + " reports an attack."
		gold = append(gold, GoldEvent{Index: i, Anchor: "Sentence " + itoa(i%20) + " ", Event: events.Event{EventType: events.Attack}})
		ext = append(ext, events.Event{Sentence: s, EventType: events.Attack, Actor1: itoa(i % 3)})
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(Match(gold, ext)) != 60 {
			b.Fatal("want 60 pairs")
		}
	}
}
