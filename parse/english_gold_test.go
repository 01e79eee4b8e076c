package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/eval"
	"github.com/eventline/eventline/golden"
)

// Floors of the English fixtures' scores against their hand-made gold files
// (fixtures/gold/en-*.json): a change that lowers them fails. The parser was
// developed on these fixtures, so they are a regression floor, not a measure
// of accuracy on unseen text.
const (
	minEnglishEventF1 = 0.95
	minEnglishField   = 0.95 // mean over the scored fields
)

// minEnglishFieldAccuracy are floors for the fields a researcher reads
// first.
var minEnglishFieldAccuracy = map[string]float64{
	"context":        0.95,
	"actor1":         0.90,
	"actor2":         0.90,
	"location":       0.90,
	"date":           0.95,
	"date_precision": 0.95,
	"count":          0.95,
}

// minEnglishHeldOutF1 is the floor of the held-out English fixtures
// (en-heldout-*: gold written by an annotator who never ran the parser, and
// the parser never tuned on them); it measures unseen text.
const minEnglishHeldOutF1 = 0.75

// TestEnglishGold runs Extract over the English fixtures the parser was
// developed on and scores it with package eval against the gold
// annotations: events match by anchor and type, then each field is compared.
func TestEnglishGold(t *testing.T) {
	report := scoreEnglish(t, func(id string) bool { return !strings.HasPrefix(id, "en-heldout-") })
	sum := 0.0
	for _, f := range report.Fields {
		sum += f.Accuracy
		if floor, ok := minEnglishFieldAccuracy[f.Field]; ok {
			assert.GreaterOrEqual(t, f.Accuracy, floor, "accuracy of %s", f.Field)
		}
	}
	mean := sum / float64(len(report.Fields))
	assert.GreaterOrEqual(t, report.F1, minEnglishEventF1, "event F1")
	assert.GreaterOrEqual(t, mean, minEnglishField, "mean field accuracy")
}

// TestEnglishHeldOut scores the held-out English fixtures.
func TestEnglishHeldOut(t *testing.T) {
	report := scoreEnglish(t, func(id string) bool { return strings.HasPrefix(id, "en-heldout-") })
	assert.GreaterOrEqual(t, report.F1, minEnglishHeldOutF1, "held-out event F1")
}

// scoreEnglish scores the English fixtures whose id keep accepts and logs
// the scores.
func scoreEnglish(t *testing.T, keep func(id string) bool) *eval.Report {
	t.Helper()
	root := moduleRoot(t)
	fixtures, errs := golden.Load(filepath.Join(root, "fixtures"))
	require.Empty(t, errs)
	golds, problems := eval.LoadGold(filepath.Join(root, "fixtures", "gold"))
	require.Empty(t, problems)
	var en []eval.Gold
	for _, g := range golds {
		if strings.HasPrefix(g.DocID, "en-") && keep(g.DocID) {
			en = append(en, g)
		}
	}
	require.NotEmpty(t, en, "English gold files")
	p := newParser(t)
	var docs []eval.Doc
	for _, fx := range fixtures {
		a := fx.Article
		if a.Lang != "en" || !keep(a.ID) {
			continue
		}
		var sentences []string
		for _, s := range p.Sentences(a) {
			sentences = append(sentences, s.Text)
		}
		docs = append(docs, eval.Doc{DocID: a.ID, Published: a.Published, Lang: a.Lang, Sentences: sentences, Events: p.Extract(a), Path: fx.Golden})
	}
	report, problems := eval.Evaluate(en, docs)
	require.Empty(t, problems)
	require.Equal(t, len(en), report.Documents)
	t.Logf("events: gold %d, extracted %d, matched %d: precision %.3f recall %.3f F1 %.3f",
		report.Gold, report.Extracted, report.Matched, report.Precision, report.Recall, report.F1)
	for _, f := range report.Fields {
		t.Logf("  field %-16s %3d/%3d = %.3f", f.Field, f.Correct, f.Total, f.Accuracy)
	}
	if testing.Verbose() {
		for _, m := range report.Missed {
			t.Logf("missed   %s #%d %s %q", m.DocID, m.Index, m.EventType, m.Anchor)
		}
		for _, s := range report.Spurious {
			t.Logf("spurious %s %s %s", s.ID, s.EventType, s.Sentence)
		}
		for _, m := range report.Mismatches {
			t.Logf("mismatch %s #%d %s: want %q got %q", m.DocID, m.Index, m.Field, m.Want, m.Got)
		}
	}
	return report
}
