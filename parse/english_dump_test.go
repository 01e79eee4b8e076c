package parse

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/sentence"

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
		if sen := os.Getenv("ENSENT"); sen != "" {
			dumpSentence(t, p, fx.Article, sen)
		}
		an := p.Analyze(fx.Article)
		t.Logf("== %s", fx.Article.ID)
		for _, tr := range an.Triggers {
			t.Logf("s%d trig %q %s/%s %s", tr.Sentence, tr.Text, tr.Class, tr.Type, tr.Dropped)
		}
		for _, e := range an.Events {
			t.Logf("s%d %-13s a1=%q a2=%q loc=%q %s..%s %s %q cnt=%v %s %s %v/%v ctx=%s trig=%q q=%q", e.SentenceIndex, e.EventType, e.Actor1, e.Actor2, e.Location, e.Date, e.DateEnd, e.DatePrecision, e.DateText, ptrEN(e.Count), e.CountQualifier, e.CountUnit, ptrEN(e.Fatalities), ptrEN(e.Injuries), e.Context, e.Trigger, e.Quote)
		}
	}
}

// dumpSentence logs the tokens of one sentence with their clause, cues,
// mention and trigger.
func dumpSentence(t *testing.T, p *Parser, a *events.Article, which string) {
	anchor := anchorOf(a)
	mem := &memory{}
	for _, sen := range sentence.Split(a.Text) {
		s := &sent{idx: sen.Index, s: sen, lang: Lang(a)}
		p.scan(s, anchor, mem)
		ds := p.sentenceDrafts(s, mem, anchor)
		if strconv.Itoa(sen.Index) != which {
			continue
		}
		for i, tk := range s.seg.Tokens {
			ti := s.toks[i]
			line := fmt.Sprintf("%3d %-14q cl%d", i, tk.Text, ti.clause)
			for c := lexicon.CueClass(1); c < 64; c++ {
				if ti.cues.has(c) {
					line += " " + c.String()
				}
			}
			if ti.ment >= 0 {
				m := s.ments[ti.ment]
				name := m.text
				if m.actor != nil {
					name = m.actor.Name
				}
				line += fmt.Sprintf(" M%d(%s place=%v ch=%d pp=%s)", ti.ment, name, m.isPlace, m.chain, m.pp)
			}
			if ti.trig >= 0 {
				h := s.trigs[ti.trig]
				line += fmt.Sprintf(" T%d(%s verb=%v pass=%v drop=%q)", ti.trig, h.t.Class, h.verb, s.en != nil && s.en.passive[ti.trig], h.why)
			}
			if ti.time >= 0 {
				line += " TIME"
			}
			if ti.count >= 0 || ti.unit >= 0 {
				line += " COUNT"
			}
			t.Log(line)
		}
		for k, c := range s.clauses {
			t.Logf("clause %d %s parent=%d sib=%d pron=%v", k, c.kind, c.parent, c.sibling, c.pron)
		}
		for _, d := range ds {
			t.Logf("draft T%d %s a1=%q(%s) a2=%q(%s) time=%d gov=%d kept=%v why=%q", d.trig, d.class, d.actor1.name, d.actor1.how, d.actor2.name, d.actor2.how, d.time, d.gov, d.kept(), d.why)
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

func ptrEN(p *int) any {
	if p == nil {
		return "-"
	}
	return *p
}
