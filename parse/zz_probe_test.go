package parse

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
)

func TestZZProbe(t *testing.T) {
	data, err := os.ReadFile("/tmp/probe/in.txt")
	if err != nil {
		t.Skip()
	}
	p := newParser(t)
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		a := &events.Article{ID: "p", Published: "2024-01-25", Lang: "en", Text: line}
		if os.Getenv("PD") == strconv.Itoa(i) {
			dumpSentence(t, p, a, "0")
		}
		evs := p.Extract(a)
		t.Logf("[%d] %s", i, line)
		for _, e := range evs {
			t.Logf("     %-13s a1=%q a2=%q loc=%q %s..%s %s cnt=%v %s %s f=%v i=%v ctx=%s trig=%q q=%q", e.EventType, e.Actor1, e.Actor2, e.Location, e.Date, e.DateEnd, e.DatePrecision, ptrEN(e.Count), e.CountQualifier, e.CountUnit, ptrEN(e.Fatalities), ptrEN(e.Injuries), e.Context, e.Trigger, e.Quote)
		}
	}
}
