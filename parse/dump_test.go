package parse

import (
	"os"
	"testing"

	"github.com/eventline/eventline/events"
)

// TestDump prints the analysis of the file in $DUMP (development aid).
func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip("set DUMP")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	pub := os.Getenv("PUB")
	an := p.Analyze(&events.Article{ID: "x", Published: pub, Lang: "ar", Text: string(data)})
	for _, tr := range an.Triggers {
		t.Logf("s%d trig %s %s/%s %s", tr.Sentence, tr.Text, tr.Class, tr.Type, tr.Dropped)
	}
	for _, e := range an.Events {
		t.Logf("s%d %-13s a1=%q a2=%q loc=%q %s..%s %s %q cnt=%v %s %v/%v ctx=%s conf=%.2f trig=%q q=%q", e.SentenceIndex, e.EventType, e.Actor1, e.Actor2, e.Location, e.Date, e.DateEnd, e.DatePrecision, e.DateText, ptr(e.Count), e.CountUnit, ptr(e.Fatalities), ptr(e.Injuries), e.Context, e.Confidence, e.Trigger, e.Quote)
	}
}

func ptr(p *int) any {
	if p == nil {
		return "-"
	}
	return *p
}
