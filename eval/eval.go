// Package eval scores event extraction against hand-annotated gold files,
// so that a change to the parser or its lexicons can be measured, and a CI
// job can fail when the score drops.
//
// Gold format: one JSON file per article in a folder,
//
//	{"doc_id": "afp-1", "published": "2024-01-25", "lang": "ar",
//	 "events": [{"anchor": "استهدفت واشنطن", "event_type": "airstrike",
//	             "actor1": "United States", "actor2": "Kataib Hezbollah",
//	             "location": null, "country": "IQ",
//	             "date": "2024-01-23", "date_end": "2024-01-23", "date_precision": "day",
//	             "count": null, "count_qualifier": null, "count_unit": null,
//	             "fatalities": null, "injuries": null}]}
//
// where anchor is an exact substring of the sentence that reports the event
// and the other keys are fields of the event record (ScoredFields), absent
// or null when the article does not say.
//
// Matching: an extracted event and a gold event of the same document match
// when the extracted event's sentence contains the anchor and their
// event types are equal. Each event matches at most once (one-to-one). Among
// all one-to-one matchings, eval takes one with the most matched pairs (a
// maximum matching, so the order of the events never costs a match), and
// among those one where the matched pairs agree on the most fields; the
// Hungarian algorithm finds it, per group of events that compete for the
// same anchors. Groups with more than MaxExactGroup events on one side are
// matched greedily instead (each gold event, in order, takes the free
// candidate agreeing on the most fields, the first on ties).
//
// Scores: precision = matched / extracted, recall = matched / gold, F1 their
// harmonic mean; a ratio with a zero denominator is 0 (so an empty
// extraction scores 0, not "undefined"). They are given overall and per
// event type. Field accuracy is measured over the matched pairs only: a
// field is correct when both sides have the same value — both unknown
// (absent or null) counts as correct, one unknown as wrong. Values are
// compared as the record writes them: strings exactly (after trimming the
// gold's surrounding white space), dates as ISO dates, integers by value
// (the gold may write 2500, 2500.0 or "2500").
//
// Only documents that have both a gold file and extracted events (or an
// input article) are scored; articles without a gold file are listed as not
// scored, and a gold file whose article is not among the inputs is a
// problem.
//
// Example:
//
//	golds, problems := eval.LoadGold("gold")
//	docs := []eval.Doc{{DocID: a.ID, Published: a.Published, Sentences: sentences, Events: parser.Extract(a)}}
//	report, more := eval.Evaluate(golds, docs)
//	_ = report.WriteText(os.Stdout, false) // P/R/F1 overall and per type, then field accuracy
//	fmt.Println(report.F1, len(problems)+len(more))
package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eventline/eventline/events"
)

// MaxExactGroup is the largest number of events on the smaller side of a
// group of competing events that is matched exactly (Hungarian algorithm,
// cubic time); larger groups are matched greedily.
const MaxExactGroup = 300

// Doc is what was extracted from one article.
type Doc struct {
	DocID     string
	Published string
	Lang      string
	// Sentences are the article's sentences, to check that every anchor is
	// in one; nil when the article is not at hand (scoring events files).
	Sentences []string
	Events    []events.Event
	Path      string // where the article or its events were read, for messages
}

// Counts are the precision, recall and F1 of a set of events.
type Counts struct {
	Gold      int     `json:"gold"`
	Extracted int     `json:"extracted"`
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// TypeScore is the score of one event type.
type TypeScore struct {
	EventType string `json:"event_type"`
	Counts
}

// FieldScore is the accuracy of one field over the matched pairs.
type FieldScore struct {
	Field    string  `json:"field"`
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

// Missed is a gold event no extracted event matched (a false negative).
type Missed struct {
	DocID     string `json:"doc_id"`
	Index     int    `json:"index"`
	EventType string `json:"event_type"`
	Anchor    string `json:"anchor"`
}

// Spurious is an extracted event that matched no gold event (a false positive).
type Spurious struct {
	DocID     string `json:"doc_id"`
	ID        string `json:"id"`
	EventType string `json:"event_type"`
	Sentence  string `json:"sentence"`
}

// Mismatch is a field on which a matched pair disagrees; "" is unknown.
type Mismatch struct {
	DocID string `json:"doc_id"`
	Index int    `json:"index"` // the gold event's index
	ID    string `json:"id"`    // the extracted event's id
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Documents int `json:"documents"` // documents scored
	Counts
	ByType     []TypeScore  `json:"by_type"`
	Fields     []FieldScore `json:"fields"`
	Missed     []Missed     `json:"missed"`
	Spurious   []Spurious   `json:"spurious"`
	Mismatches []Mismatch   `json:"mismatches"`
	// Unscored lists the doc_ids of inputs without a gold file.
	Unscored []string `json:"unscored"`
}

// Evaluate scores docs against golds. Golds without a doc, docs with a
// duplicate doc_id, gold metadata that disagrees with the article's, and
// (where Doc.Sentences is given) anchors that are in no sentence are
// problems; the rest is scored. The report lists documents in gold order.
func Evaluate(golds []Gold, docs []Doc) (*Report, []Problem) {
	var problems []Problem
	byID := make(map[string]int, len(docs))
	for i, d := range docs {
		if j, ok := byID[d.DocID]; ok {
			problems = append(problems, Problem{Path: d.Path, Index: -1, Err: fmt.Errorf("%w %q, also in %s (only the first is scored)", ErrDuplicateDoc, d.DocID, docs[j].Path)})
			continue
		}
		byID[d.DocID] = i
	}
	r := &Report{Missed: []Missed{}, Spurious: []Spurious{}, Mismatches: []Mismatch{}, Unscored: []string{}}
	types := map[events.EventType]*TypeScore{}
	typeOf := func(t events.EventType) *TypeScore {
		if ts, ok := types[t]; ok {
			return ts
		}
		ts := &TypeScore{EventType: string(t)}
		types[t] = ts
		return ts
	}
	fieldScores := make([]FieldScore, len(ScoredFields))
	for i, f := range ScoredFields {
		fieldScores[i].Field = f
	}
	scored := map[string]bool{}
	for _, g := range golds {
		di, ok := byID[g.DocID]
		if !ok {
			problems = append(problems, Problem{Path: g.Path, Index: -1, Err: fmt.Errorf("%w %q; not scored", ErrNoDocument, g.DocID)})
			continue
		}
		d := docs[di]
		scored[g.DocID] = true
		r.Documents++
		if g.Published != "" && d.Published != "" && g.Published != d.Published {
			problems = append(problems, Problem{Path: g.Path, Index: -1, Err: fmt.Errorf("published %s %w (%s): relative dates resolve against the article's", g.Published, ErrMetadata, d.Published)})
		}
		if g.Lang != "" && d.Lang != "" && g.Lang != d.Lang {
			problems = append(problems, Problem{Path: g.Path, Index: -1, Err: fmt.Errorf("lang %s %w (%s)", g.Lang, ErrMetadata, d.Lang)})
		}
		if d.Sentences != nil {
			problems = append(problems, CheckAnchors(g, d.Sentences)...)
		}
		pairs := Match(g.Events, d.Events)
		matchedGold := make([]bool, len(g.Events))
		matchedExt := make([]bool, len(d.Events))
		for _, p := range pairs {
			matchedGold[p.Gold], matchedExt[p.Extracted] = true, true
			ge, e := &g.Events[p.Gold], &d.Events[p.Extracted]
			typeOf(ge.Event.EventType).Matched++
			for i, name := range ScoredFields {
				f, _ := events.FieldByName(name)
				want, got := f.Get(&ge.Event), f.Get(e)
				fieldScores[i].Total++
				if want == got {
					fieldScores[i].Correct++
				} else {
					r.Mismatches = append(r.Mismatches, Mismatch{DocID: g.DocID, Index: ge.Index, ID: e.ID, Field: name, Want: want, Got: got})
				}
			}
		}
		for i := range g.Events {
			ge := &g.Events[i]
			typeOf(ge.Event.EventType).Gold++
			if !matchedGold[i] {
				r.Missed = append(r.Missed, Missed{DocID: g.DocID, Index: ge.Index, EventType: string(ge.Event.EventType), Anchor: ge.Anchor})
			}
		}
		for i := range d.Events {
			e := &d.Events[i]
			typeOf(e.EventType).Extracted++
			if !matchedExt[i] {
				r.Spurious = append(r.Spurious, Spurious{DocID: g.DocID, ID: e.ID, EventType: string(e.EventType), Sentence: e.Sentence})
			}
		}
	}
	for i, d := range docs {
		if j := byID[d.DocID]; j == i && !scored[d.DocID] {
			r.Unscored = append(r.Unscored, d.DocID)
		}
	}
	for _, ts := range types {
		ts.Counts = score(ts.Gold, ts.Extracted, ts.Matched)
		r.Gold += ts.Gold
		r.Extracted += ts.Extracted
		r.Matched += ts.Matched
		r.ByType = append(r.ByType, *ts)
	}
	r.Counts = score(r.Gold, r.Extracted, r.Matched)
	sort.Slice(r.ByType, func(i, j int) bool { return typeRank(r.ByType[i].EventType) < typeRank(r.ByType[j].EventType) })
	for i := range fieldScores {
		fieldScores[i].Accuracy = ratio(fieldScores[i].Correct, fieldScores[i].Total)
	}
	r.Fields = fieldScores
	if r.ByType == nil {
		r.ByType = []TypeScore{}
	}
	return r, problems
}

// typeRank orders event types as the taxonomy does; unknown types follow,
// by name.
func typeRank(t string) string {
	for i, name := range events.TypeNames() {
		if name == t {
			return fmt.Sprintf("0%03d", i)
		}
	}
	return "1" + t
}

func score(gold, extracted, matched int) Counts {
	c := Counts{Gold: gold, Extracted: extracted, Matched: matched,
		Precision: ratio(matched, extracted), Recall: ratio(matched, gold)}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
	return c
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Pair is one match: indexes into the gold events and the extracted events.
type Pair struct {
	Gold, Extracted int
}

// Compatible reports whether an extracted event can match a gold event:
// same event type, and the anchor in the extracted event's sentence.
func Compatible(g *GoldEvent, e *events.Event) bool {
	return g.Anchor != "" && g.Event.EventType == e.EventType && strings.Contains(e.Sentence, g.Anchor)
}

// agreement counts the scored fields on which g and e agree.
func agreement(g *GoldEvent, e *events.Event) int {
	n := 0
	for _, name := range ScoredFields {
		f, _ := events.FieldByName(name)
		if f.Get(&g.Event) == f.Get(e) {
			n++
		}
	}
	return n
}

// Match returns a one-to-one matching of gold to extracted events of one
// document with the most pairs and, among those, the most agreeing fields
// (see the package comment), sorted by gold index.
func Match(gold []GoldEvent, ext []events.Event) []Pair {
	// Union-find over the compatibility graph: gold i is node i, extracted j
	// is node len(gold)+j.
	parent := make([]int, len(gold)+len(ext))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	type edge struct{ g, e int }
	var edges []edge
	for i := range gold {
		for j := range ext {
			if Compatible(&gold[i], &ext[j]) {
				edges = append(edges, edge{i, j})
				a, b := find(i), find(len(gold)+j)
				if a != b {
					parent[b] = a
				}
			}
		}
	}
	if len(edges) == 0 {
		return nil
	}
	// Groups in order of their first gold event.
	groupGold := map[int][]int{}
	groupExt := map[int][]int{}
	var roots []int
	for i := range gold {
		r := find(i)
		if _, ok := groupGold[r]; !ok {
			roots = append(roots, r)
		}
		groupGold[r] = append(groupGold[r], i)
	}
	for j := range ext {
		r := find(len(gold) + j)
		groupExt[r] = append(groupExt[r], j)
	}
	var pairs []Pair
	for _, r := range roots {
		gs, es := groupGold[r], groupExt[r]
		if len(es) == 0 {
			continue
		}
		if min(len(gs), len(es)) > MaxExactGroup {
			pairs = append(pairs, greedy(gold, ext, gs, es)...)
			continue
		}
		pairs = append(pairs, exact(gold, ext, gs, es)...)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Gold < pairs[j].Gold })
	return pairs
}

// exact matches one group with the Hungarian algorithm. Weights: a
// compatible pair weighs K + its agreement, with K larger than any total
// agreement, so that more pairs always win over more agreement.
func exact(gold []GoldEvent, ext []events.Event, gs, es []int) []Pair {
	k := len(ScoredFields)*min(len(gs), len(es)) + 1
	w := make([][]int, len(gs))
	for a, i := range gs {
		w[a] = make([]int, len(es))
		for b, j := range es {
			if Compatible(&gold[i], &ext[j]) {
				w[a][b] = k + agreement(&gold[i], &ext[j])
			}
		}
	}
	var pairs []Pair
	if len(gs) <= len(es) {
		for a, b := range assign(w) {
			if b >= 0 && w[a][b] > 0 {
				pairs = append(pairs, Pair{gs[a], es[b]})
			}
		}
		return pairs
	}
	t := make([][]int, len(es))
	for b := range es {
		t[b] = make([]int, len(gs))
		for a := range gs {
			t[b][a] = w[a][b]
		}
	}
	for b, a := range assign(t) {
		if a >= 0 && t[b][a] > 0 {
			pairs = append(pairs, Pair{gs[a], es[b]})
		}
	}
	return pairs
}

// assign solves the assignment problem for an n×m weight matrix, n ≤ m:
// it returns, for each row, the column that maximizes the total weight
// (Hungarian algorithm with potentials, O(n²m)).
func assign(w [][]int) []int {
	n := len(w)
	if n == 0 {
		return nil
	}
	m := len(w[0])
	maxW := 0
	for _, row := range w {
		for _, v := range row {
			maxW = max(maxW, v)
		}
	}
	cost := func(i, j int) int { return maxW - w[i][j] }
	const inf = int(^uint(0) >> 2)
	u := make([]int, n+1)
	v := make([]int, m+1)
	p := make([]int, m+1) // p[j]: row assigned to column j (1-based), 0 none
	way := make([]int, m+1)
	minv := make([]int, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j], used[j] = inf, false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0-1, j-1) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = -1
	}
	for j := 1; j <= m; j++ {
		if p[j] > 0 {
			rows[p[j]-1] = j - 1
		}
	}
	return rows
}

// greedy matches a large group: each gold event in order takes the free
// compatible extracted event that agrees on the most fields.
func greedy(gold []GoldEvent, ext []events.Event, gs, es []int) []Pair {
	taken := map[int]bool{}
	var pairs []Pair
	for _, i := range gs {
		best, bestAgree := -1, -1
		for _, j := range es {
			if taken[j] || !Compatible(&gold[i], &ext[j]) {
				continue
			}
			if a := agreement(&gold[i], &ext[j]); a > bestAgree {
				best, bestAgree = j, a
			}
		}
		if best >= 0 {
			taken[best] = true
			pairs = append(pairs, Pair{i, best})
		}
	}
	return pairs
}
