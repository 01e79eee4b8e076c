package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	report := scoreGold(t, "en", func(id string) bool { return !strings.HasPrefix(id, "en-heldout-") }, true)
	require.GreaterOrEqual(t, report.Documents, 8, "at least eight English gold files")
	for _, f := range report.Fields {
		if floor, ok := minEnglishFieldAccuracy[f.Field]; ok {
			assert.GreaterOrEqual(t, f.Accuracy, floor, "accuracy of %s", f.Field)
		}
	}
	assert.GreaterOrEqual(t, report.F1, minEnglishEventF1, "event F1")
	assert.GreaterOrEqual(t, meanAccuracy(report), minEnglishField, "mean field accuracy")
}

// TestEnglishHeldOut scores the held-out English fixtures.
func TestEnglishHeldOut(t *testing.T) {
	report := scoreGold(t, "en", func(id string) bool { return strings.HasPrefix(id, "en-heldout-") }, true)
	assert.GreaterOrEqual(t, report.F1, minEnglishHeldOutF1, "held-out event F1")
}
