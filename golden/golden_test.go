package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type stubExtractor map[string][]events.Event

func (s stubExtractor) Extract(a *events.Article) []events.Event { return s[a.ID] }

func ev(id, typ, actor string) events.Event {
	e := events.Event{ID: id, DocID: "d", DatePrecision: events.PrecisionUnknown, Sentence: "s", Trigger: "t", Context: events.Reported, Actor1: actor}
	e.SetType(events.EventType(typ), false)
	return e
}

func TestCompare(t *testing.T) {
	want := []events.Event{ev("d-s0-e0", "attack", "A"), ev("d-s1-e0", "claim", "B")}
	got := []events.Event{ev("d-s0-e0", "attack", "C"), ev("d-s2-e0", "meeting", "D")}
	var lines []string
	for _, d := range Compare(want, got) {
		lines = append(lines, d.String())
	}
	assert.Equal(t, []string{
		`d-s0-e0: actor1: expected "A", got "C"`,
		`missing event d-s1-e0 (claim, trigger "t"): s`,
		`extra event d-s2-e0 (meeting, trigger "t"): s`,
	}, lines)
}

func TestCheckAndUpdate(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("---\nid: a\npublished: 2024-01-25\n---\nText."), 0o644))
	fx, errs := Load(dir)
	require.Empty(t, errs)
	require.Len(t, fx, 1)
	x := stubExtractor{"a": {ev("a-s0-e0", "attack", "A")}}

	res := Check(fx, x, false)
	var out bytes.Buffer
	assert.Equal(t, 1, Report(&out, res), "a missing golden fails")
	assert.Contains(t, out.String(), "no golden file")

	res = Check(fx, x, true)
	require.NoError(t, res[0].Err)
	assert.True(t, res[0].Updated)

	res = Check(fx, x, false)
	out.Reset()
	assert.Equal(t, 0, Report(&out, res), out.String())

	x["a"][0].Actor1 = "Z"
	out.Reset()
	assert.Equal(t, 1, Report(&out, Check(fx, x, false)))
	assert.Contains(t, out.String(), `a-s0-e0: actor1: expected "A", got "Z"`)
}
