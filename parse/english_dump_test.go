package parse

import (
	"os"
	"testing"

	"github.com/eventline/eventline/golden"
)

// TestDumpEnglish prints the triggers and events of the fixtures whose
// file name holds $ENDUMP (development aid; skipped without it).
func TestDumpEnglish(t *testing.T) {
	want := os.Getenv("ENDUMP")
	if want == "" {
		t.Skip("set ENDUMP")
	}
	fixtures, errs := golden.Load(moduleRoot(t) + "/fixtures")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p := newParser(t)
	for _, fx := range fixtures {
		if !containsStr(fx.Article.ID, want) {
			continue
		}
		an := p.Analyze(fx.Article)
		t.Logf("== %s", fx.Article.ID)
		for _, tr := range an.Triggers {
			t.Logf("s%d trig %q %s/%s %s", tr.Sentence, tr.Text, tr.Class, tr.Type, tr.Dropped)
		}
		for _, e := range an.Events {
			t.Logf("s%d %-13s a1=%q a2=%q loc=%q %s..%s %s %q cnt=%v %s %s %v/%v ctx=%s trig=%q q=%q", e.SentenceIndex, e.EventType, e.Actor1, e.Actor2, e.Location, e.Date, e.DateEnd, e.DatePrecision, e.DateText, ptr(e.Count), e.CountQualifier, e.CountUnit, ptr(e.Fatalities), ptr(e.Injuries), e.Context, e.Trigger, e.Quote)
		}
	}
}

func containsStr(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
