package parse

import (
	"math"
	"strings"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// memory is what the parser remembers from one sentence to the next within
// an article: who spoke last (for "وقال" without a subject) and the last
// group named (for "هذه الجماعات").
type memory struct {
	lastSpeaker *ref
	lastGroup   *ref
	speaker     ref       // storage of lastSpeaker, so that remembering allocates nothing
	group       ref       // storage of lastGroup
	en          *enMemory // English only (english.go)
}

// speechLike reports whether a class is an act of saying: its time dates
// only itself, never the events it reports.
func speechLike(c lexicon.TriggerClass) bool {
	switch c {
	case lexicon.ClassSay, lexicon.ClassAnnounce, lexicon.ClassDeny, lexicon.ClassClaim, lexicon.ClassThreat, lexicon.ClassDemand:
		return true
	}
	return false
}

// sentenceDrafts runs the rules over one scanned sentence and returns its
// drafts, in trigger order; the kept ones are its events.
func (p *Parser) sentenceDrafts(s *sent, mem *memory, anchor time.Time) []draft {
	if s.lang == "en" {
		return p.sentenceDraftsEN(s, mem, anchor)
	}
	s.markVictims()
	s.buildChains()
	s.segment()
	s.filterTriggers()
	ds := s.makeDrafts()
	mergedVerbs := false // a verb merged into another trigger: else no draft has one to look for
	for k := range s.trigs {
		if s.trigs[k].mergedInto >= 0 && s.trigs[k].verb {
			mergedVerbs = true
			break
		}
	}
	for i := range ds {
		s.ownRoles(&ds[i])
		// a verb merged into a noun (غارات جوية استهدفت مواقع …) brings its object
		for k := 0; mergedVerbs && k < len(s.trigs); k++ {
			if o := &s.trigs[k]; o.mergedInto == ds[i].trig && o.why == "same event" && o.verb {
				tmp := draft{trig: k, class: o.t.Class, violent: true, gov: -1, claimVerb: -1, time: -1, count: -1}
				s.ownRoles(&tmp)
				// the noun is the verb's subject: what follows the verb is its object
				if !ds[i].actor2.ok() {
					ds[i].actor2 = tmp.actor2
					if !ds[i].actor2.ok() {
						ds[i].actor2 = tmp.actor1
					}
					ds[i].actor2.how = "object"
				}
			}
		}
	}
	s.defaultActors(ds, mem)
	s.assignTimes(ds)
	s.assignModality(ds, anchor)
	s.applyGovernors(ds)
	s.continueStatements(ds)
	s.inheritTimes(ds)
	s.assignCounts(ds)
	for i := range ds {
		if ds[i].kept() {
			if s.trigs[ds[i].trig].t.Participle {
				for j := i - 1; j >= 0; j-- {
					if speechLike(ds[j].class) && ds[j].kept() {
						ds[i].sharedPlace = ds[j].place
						break
					}
				}
			}
			s.locate(&ds[i])
			s.resolveType(&ds[i])
		}
	}
	s.finishContext(ds, anchor)
	for i := range ds {
		d := &ds[i]
		if !d.kept() {
			continue
		}
		d.triggerText = s.triggerText(d)
		switch d.typ {
		case events.Statement:
			d.quote = s.quotesAfter(ds, i)
		case events.Threat, events.Demand:
			if q := s.quotesAfter(ds, i); q != "" && s.hasQuoteAfter(&s.trigs[d.trig]) {
				d.quote = q
			}
		}
		d.conf = s.confidence(d)
	}
	mem.update(s, ds)
	return ds
}

// markVictims marks the people harmed: the noun a casualty count counts
// (ثلاثة جنود أميركيين قتلوا), the phrase right after a casualty verb
// (قتل جنديان أميركيان), and nouns of civilians.
func (s *sent) markVictims() {
	casualties := false // a count of people killed or wounded: else no count marks a victim
	for k := range s.counts {
		if s.counts[k].Role != roleNone {
			casualties = true
			break
		}
	}
	for k := range s.ments {
		m := &s.ments[k]
		for i := m.first; i < m.last; i++ {
			t := &s.toks[i]
			if casualties && (t.unit >= 0 && s.counts[t.unit].Role != roleNone || t.count >= 0 && s.counts[t.count].Role != roleNone) ||
				t.cues.has(lexicon.CueVictim) {
				m.victim = true
			}
		}
		// 23 مقاتلاً على الأقل من الفصائل: the people counted belong to the group after من
		j := m.first - 1
		if casualties && j > 0 && s.norm(j) != "من" && s.toks[j].cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead) && s.norm(j-1) == "من" {
			j-- // ثلاثة من عناصر الحوثي
		}
		if casualties && j > 0 && s.norm(j) == "من" {
			for k := j - 1; k >= 0 && k >= j-4; k-- {
				if c := s.toks[k].count; c >= 0 && s.counts[c].Role != roleNone {
					m.victim = true
				}
				if c := s.toks[k].unit; c >= 0 && s.counts[c].Role != roleNone {
					m.victim = true
				}
			}
		}
		for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
			if t := s.toks[j].trig; t >= 0 {
				if s.trigs[t].t.Class == lexicon.ClassCasualty {
					m.victim = true
				}
				break
			}
			if s.toks[j].count < 0 && s.toks[j].unit < 0 {
				break
			}
		}
	}
}

// defaultActors fills actor1 where the trigger's surroundings name nobody:
// the subject of the clause a pronoun clause depends on (أعلنت واشنطن أنها
// استهدفت), the verb of a claim noun, the verb a participle continues, the
// last speaker for a sentence opening with وقال, then a noun phrase as
// written.
func (s *sent) defaultActors(ds []draft, mem *memory) {
	for i := range ds {
		d := &ds[i]
		if d.actor1.ok() {
			continue
		}
		h := &s.trigs[d.trig]
		cl := s.clauseOf(h.first)
		c := s.clauses[cl]
		switch {
		case d.claimVerb >= 0 && ds[d.claimVerb].actor1.ok():
			d.actor1 = ds[d.claimVerb].actor1
			d.actor1.how = "claimant"
		case (c.pron || d.pronSubject) && c.parent >= 0 && (h.verb || d.pronSubject || s.lightVerbBefore(h)):
			if j := s.draftAbove(ds, i, c.parent); j >= 0 {
				d.actor1 = ds[j].actor1
				d.actor1.how = "pronoun"
			}
		case c.kind == clRel && h.verb && c.parent >= 0:
			// an elided subject in a relative clause: the subject of the clause above
			if j := s.draftIn(ds, i, c.parent); j >= 0 && ds[j].actor1.ok() {
				d.actor1 = ds[j].actor1
			} else if cc := s.firstFreeChain(c.parent, h.first); cc >= 0 {
				d.actor1 = s.chainRef(cc, "subject above")
			}
		case h.t.Participle || c.kind == clCoord:
			for j := i - 1; j >= 0; j-- {
				if ds[j].actor1.ok() && (c.kind != clCoord || s.clauseOf(s.trigs[ds[j].trig].first) == c.sibling || h.t.Participle) {
					d.actor1 = ds[j].actor1
					d.actor1.how = "coordinated"
					break
				}
			}
		}
		if d.actor1.ok() {
			continue
		}
		if h.suffix != "" && !h.verb {
			// لقائه: the owner of the pronoun is the sentence's subject
			if cc := s.subjectBefore(h); cc >= 0 {
				d.actor1 = s.chainRef(cc, "pronoun")
			} else {
				skip := -1
				if d.actor2.ok() && d.actor2.ment >= 0 {
					skip = s.ments[d.actor2.ment].chain
				}
				for cc := range s.chains {
					ch := &s.chains[cc]
					if ch.first >= h.last && cc != skip && !s.ments[ch.best].isPlace && s.ments[ch.ments[0]].pp == 0 && !s.ments[ch.best].victim {
						d.actor1 = s.chainRef(cc, "pronoun")
						break
					}
				}
			}
			if d.actor1.ok() {
				continue
			}
		}
		if speechLike(d.class) {
			if h.verb {
				// the speaker as written (وأفاد مصدر عسكري، ودعت تنسيقيات الاحتجاج)
				if r := s.fallbackNP(h.last); r.ok() && !s.isVictimNP(h.last) {
					d.actor1 = r
					continue
				}
			}
			if s.opensSentence(h) && mem.lastSpeaker != nil {
				d.actor1 = *mem.lastSpeaker
				d.actor1.ment, d.actor1.how = -1, "last speaker"
				continue
			}
			if !h.verb {
				for j := i - 1; j >= 0; j-- {
					if ds[j].actor1.ok() && speechLike(ds[j].class) {
						d.actor1 = ds[j].actor1
						d.actor1.how = "previous verb"
						break
					}
				}
				if d.actor1.ok() {
					continue
				}
			}
		}
		if d.noAgent || d.pronSubject {
			continue
		}
		// SVO: a phrase between the clause's opening and the verb (إن مسلحين مجهولين هاجموا)
		if r := s.clauseStartNP(h); r.ok() {
			d.actor1 = r
			continue
		}
		if h.verb {
			if r := s.fallbackNP(h.last); r.ok() && !s.isVictimNP(h.last) {
				d.actor1 = r
				continue
			}
		} else if sv := s.lightVerbAt(h); sv >= 0 {
			// نفذت ميليشيا محلية هجوماً: the subject of the light verb, as written
			if r, from, end := s.fallbackNPSpan(sv + 1); (from >= 0 || r.ok()) && end <= h.first {
				if from >= 0 { // written out only now that it is taken
					r = ref{name: s.npText(from, end), ment: -1, how: "noun phrase"}
				}
				if r.ok() {
					d.actor1 = r
				}
			}
		}
	}
}

// isVictimNP reports whether the phrase at token i is counted as casualties.
func (s *sent) isVictimNP(i int) bool {
	for ; i < s.n() && s.toks[i].time >= 0; i++ {
	}
	return i < s.n() && (s.toks[i].unit >= 0 || s.toks[i].count >= 0 || s.toks[i].cues.has(lexicon.CueVictim))
}

// draftAbove returns the nearest draft before i with an actor1 whose
// trigger lies in clause cl or a clause above it, or -1.
func (s *sent) draftAbove(ds []draft, i, cl int) int {
	for c := cl; c >= 0; c = s.clauses[c].parent {
		if j := s.draftIn(ds, i, c); j >= 0 && ds[j].actor1.ok() {
			return j
		}
	}
	return -1
}

// lightVerbAt returns the token of the light verb governing a noun trigger
// in its clause, or -1.
func (s *sent) lightVerbAt(h *trigHit) int {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-6; j-- {
		if s.toks[j].clause != cl {
			return -1
		}
		if s.toks[j].cueHead && s.toks[j].cues.has(lexicon.CueSupport) && s.toks[j].ment < 0 {
			return j
		}
	}
	return -1
}

// lightVerbBefore reports whether a light verb governs a noun trigger in its
// clause (أنها شنّت هجوماً).
func (s *sent) lightVerbBefore(h *trigHit) bool {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-6; j-- {
		if s.toks[j].clause != cl {
			return false
		}
		if s.toks[j].cueHead && s.toks[j].cues.has(lexicon.CueSupport) && s.toks[j].ment < 0 {
			return true
		}
	}
	return false
}

// draftIn returns the nearest draft before i whose trigger lies in clause cl.
func (s *sent) draftIn(ds []draft, i, cl int) int {
	for j := i - 1; j >= 0; j-- {
		if s.clauseOf(s.trigs[ds[j].trig].first) == cl {
			return j
		}
	}
	return -1
}

// opensSentence reports whether nothing but cues, times and punctuation
// come before the trigger: a verb without a subject opening a sentence
// (وقال، وأضاف، كذلك تعهّد) speaks for the last speaker.
func (s *sent) opensSentence(h *trigHit) bool {
	for j := 0; j < h.first; j++ {
		t := &s.toks[j]
		if t.trig >= 0 || t.ment >= 0 {
			return false
		}
		if s.plainWord(j) && j > 1 {
			return false
		}
	}
	return true
}

// assignTimes gives each time expression to the nearest event trigger of its
// clause. Times inside a quotation date only events inside it.
func (s *sent) assignTimes(ds []draft) {
	dist := make([]int, len(ds))
	for x := range s.times {
		X := s.times[x]
		if X.First < 0 || X.First >= s.n() {
			continue
		}
		qx := s.inLongQuote(X.First)
		clX := s.clauseOf(X.First)
		best, bd := -1, 1<<30
		for pass := 0; pass < 2 && best < 0; pass++ {
			for i := range ds {
				if ds[i].absorbed {
					continue
				}
				h := &s.trigs[ds[i].trig]
				if s.inLongQuote(h.first) != qx {
					continue
				}
				if cl := s.clauseOf(h.first); pass == 0 && cl != clX ||
					pass == 1 && (speechLike(ds[i].class) || !s.relatedClauses(cl, clX)) {
					continue
				}
				if d := s.triggerDistance(ds[i].trig, X.First, X.Last); d < bd {
					best, bd = i, d
				}
			}
			if k := s.clauses[clX].kind; k == clComp || k == clQuote || k == clRel {
				break // a reported or relative clause keeps its time to itself
			}
		}
		if g := s.sayerBefore(ds, X.First, clX); g >= 0 && best >= 0 && s.trigs[ds[best].trig].first >= X.Last {
			// وتبنّت المقاومة صباح الأربعاء الهجوم: the time follows the verb of saying
			// and its subject, before what it reports: it dates the saying
			best, bd = g, 0
		}
		if best >= 0 && (ds[best].time < 0 || bd < dist[best]) {
			ds[best].time, dist[best] = x, bd
		}
	}
}

// inBackground reports whether clause cl is or lies in a background clause.
func (s *sent) inBackground(cl int) bool {
	for i := 0; cl >= 0 && i < len(s.clauses); i++ {
		if s.clauses[cl].kind == clBound {
			return true
		}
		cl = s.clauses[cl].parent
	}
	return false
}

// sayerBefore returns the draft of a verb of saying, claiming or announcing
// that stands before token at in clause cl with only its subject between
// (names, titles, ordinary words, commas — no other trigger), or -1.
func (s *sent) sayerBefore(ds []draft, at, cl int) int {
	for j := at - 1; j >= 0 && j >= at-12; j-- {
		if s.toks[j].clause != cl {
			return -1
		}
		if t := s.toks[j].trig; t >= 0 {
			for i := range ds {
				if ds[i].trig == t && !ds[i].absorbed && (speechLike(ds[i].class) || ds[i].class == lexicon.ClassClaim) && s.trigs[t].last == j+1 {
					return i
				}
			}
			return -1
		}
		if s.toks[j].cues.any(1<<lexicon.CueComp|1<<lexicon.CueCompPron|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueAgainst|1<<lexicon.CueAbout) && s.toks[j].ment < 0 {
			return -1
		}
	}
	return -1
}

// triggerDistance is the distance in tokens between a span and a trigger
// or the triggers merged into it.
func (s *sent) triggerDistance(t, first, last int) int {
	best := 1 << 30
	for k := range s.trigs {
		if k != t && s.trigs[k].mergedInto != t {
			continue
		}
		h := &s.trigs[k]
		d := first - h.last
		if h.first >= last {
			d = h.first - last
		}
		if d < 0 {
			d = 0
		}
		best = min(best, d)
	}
	return best
}

// relatedClauses reports whether two clauses hang together: one holds the other,
// or they are coordinated (a time in a clause without an event may date the
// event of such a clause).
func (s *sent) relatedClauses(a, b int) bool {
	if s.ancestor(a, b) || s.ancestor(b, a) {
		return true
	}
	ca, cb := s.clauses[a], s.clauses[b]
	return ca.kind == clCoord && ca.sibling == b || cb.kind == clCoord && cb.sibling == a || ca.parent == cb.parent && ca.parent >= 0
}

// assignModality marks future and hypothetical events: a future سـ on the
// verb, a future cue next to the trigger (سوف، من المقرر، في الأيام
// المقبلة), a condition (إذا، في حال) or a modal (قد يشن) before it.
func (s *sent) assignModality(ds []draft, anchor time.Time) {
	for i := range ds {
		h := &s.trigs[ds[i].trig]
		if h.clitics.Future {
			ds[i].future = true
		}
	}
	n := s.n()
	if !s.cueAll.any(1<<lexicon.CueFuture | 1<<lexicon.CueCond | 1<<lexicon.CueHyp) {
		n = 0 // no cue of modality
	}
	for j := 0; j < n; j++ {
		t := &s.toks[j]
		if !t.cueHead || t.time >= 0 || t.ment >= 0 {
			continue
		}
		switch {
		case t.cues.has(lexicon.CueFuture):
			best, bd := -1, 1<<30
			for i := range ds {
				if ds[i].absorbed {
					continue
				}
				h := &s.trigs[ds[i].trig]
				if s.clauseOf(h.first) != t.clause && !s.ancestor(t.clause, s.clauseOf(h.first)) {
					continue
				}
				d := abs(h.first - j)
				if h.first > j {
					d-- // a tie goes to the event after the cue
				}
				if d < bd {
					best, bd = i, d
				}
			}
			if best >= 0 {
				ds[best].future = true
			}
		case t.cues.has(lexicon.CueCond):
			// the event a condition conditions (before it, in its clause or the one
			// above) and the events of the condition itself are hypothetical
			for i := range ds {
				h := &s.trigs[ds[i].trig]
				if speechLike(ds[i].class) {
					continue
				}
				if h.first < j && (s.clauseOf(h.first) == t.clause || s.ancestor(s.clauseOf(h.first), t.clause)) ||
					h.first > j && s.ancestor(t.clause, s.clauseOf(h.first)) {
					ds[i].hypo = true
				}
			}
		case t.cues.has(lexicon.CueHyp):
			for i := range ds {
				h := &s.trigs[ds[i].trig]
				if h.first > j && h.first-j <= 3 && s.clauseOf(h.first) == t.clause {
					ds[i].hypo = true
				}
			}
		}
	}
}

// applyGovernors applies what a governing verb does to the events of its
// complement: a claim makes them `claimed`, a denial `denied`, a threat
// `hypothetical`; talks and demands absorb their topics; a report verb
// whose complement is a nominal event (أفاد ب"إسقاط طائرة") is that event; a
// group saying it struck makes a claim; a state announcing its own operation
// gives the operation only.
func (s *sent) applyGovernors(ds []draft) {
	// أفاد مصدر عسكري بمقتل ثلاثة …: a report whose complement is the casualties
	// of an event of the sentence is that event's report
	for i := range ds {
		if g := &ds[i]; g.kept() && s.trigs[g.trig].t.Report && s.reportsCasualties(g) {
			g.collapsed, g.why = true, "reports casualties"
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.absorbed || !s.trigs[d.trig].generic {
			continue
		}
		// أي هجوم: an event only as what a threat or a condition is about
		if !(d.gov >= 0 && ds[d.gov].class == lexicon.ClassThreat) && !d.hypo {
			d.absorbed, d.why = true, "generic"
		} else {
			d.hypo = true
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.absorbed {
			continue
		}
		if d.class == lexicon.ClassOperation && (d.gov < 0 || ds[d.gov].class != lexicon.ClassClaim && ds[d.gov].class != lexicon.ClassDeny) {
			d.absorbed, d.why = true, "an operation neither claimed nor denied"
			continue
		}
		if d.gov < 0 {
			continue
		}
		g := &ds[d.gov]
		T := &s.trigs[d.trig]
		G := &s.trigs[g.trig]
		if G.t.Topic {
			// دانت "الاعتداء الأميركي"، متهماً الجماعات بتنفيذ الهجوم: a topic
			d.absorbed, d.why = true, "what is condemned or blamed"
			continue
		}
		sameClause := s.clauseOf(T.first) == s.clauseOf(G.first) || T.inQuote >= 0
		armed := d.violent || d.class == lexicon.ClassIntercept || d.class == lexicon.ClassOperation
		switch g.class {
		case lexicon.ClassClaim:
			if armed {
				d.ctx = events.Claimed
				if !d.actor1.ok() || d.actor1.how == "noun phrase" {
					d.actor1 = g.actor1
				}
				if !g.actor2.ok() {
					g.actor2 = d.actor2
				}
			}
		case lexicon.ClassDeny:
			if armed {
				d.ctx = events.Denied
				if !d.actor1.ok() {
					d.actor1 = g.actor1
				}
			}
		case lexicon.ClassThreat:
			if armed || !sameClause {
				d.ctx = events.Hypothetical
				if !d.actor1.ok() {
					d.actor1 = g.actor1
				}
				if !g.actor2.ok() {
					g.actor2 = d.actor2
				}
			}
		case lexicon.ClassDemand, lexicon.ClassMeet:
			switch {
			case d.class == lexicon.ClassProtest && g.class == lexicon.ClassDemand:
				// a call to protest announces the protest: it is planned
				d.future = true
				if !d.actor1.ok() {
					d.actor1 = g.actor1
				}
			case !T.verb || sameClause:
				d.absorbed, d.why = true, "the topic of a "+g.class.String()
				T.why = d.why
				if g.time < 0 && d.time >= 0 {
					g.time, d.time = d.time, -1 // يلتقي … الأسبوع المقبل لبحث الوجود
				}
			}
		case lexicon.ClassSay, lexicon.ClassAnnounce:
			group := nonState(g.actor1.actor)
			self := !d.actor1.ok() || d.actor1.name == g.actor1.name || d.actor1.how == "pronoun" ||
				g.actor1.actor != nil && d.actor1.actor == groupOf(g.actor1.actor) ||
				d.actor1.actor == nil && s.forcesAsWritten(d.actor1.name) // أكد سريع أن القوات البحرية استهدفت
			if sameClause && !T.verb {
				if !d.violent && (d.class == lexicon.ClassLaunch || d.class == lexicon.ClassAnnounce) {
					d.absorbed, d.why = true, "what is announced"
					if g.time < 0 {
						g.time, d.time = d.time, -1
					}
					continue
				}
				if G.t.Report && g.kept() {
					if armed && group && self {
						g.class = lexicon.ClassClaim
						d.ctx = events.Claimed
					} else {
						g.collapsed, g.why = true, "reports the event"
					}
					if !d.actor1.ok() && actsItself(g.actor1.actor) {
						// a security body reporting what it did (أفاد بيان لجهاز مكافحة الإرهاب بإسقاط
						// طائرة); a monitor or a medium reporting deaths is no actor
						d.actor1 = g.actor1
						d.actor1.how = "reporter"
					}
					if g.collapsed && d.time < 0 && g.time >= 0 {
						d.time, d.timeFrom = g.time, "reported by"
					}
					if g.class == lexicon.ClassClaim && !g.actor2.ok() {
						g.actor2 = d.actor2
					}
					continue
				}
				if d.time < 0 && !d.future && !d.violent {
					d.absorbed, d.why = true, "the topic of a statement"
					T.why = d.why
				}
				continue
			}
			if armed && group && self && g.kept() {
				g.class = lexicon.ClassClaim
				d.ctx = events.Claimed
				d.actor1 = g.actor1
				if a := groupOf(g.actor1.actor); a != nil && a != g.actor1.actor {
					// a spokesman claims for his group: the group attacked
					d.actor1 = ref{actor: a, name: a.Name, ment: -1, how: "claimant's group"}
				}
				if !g.actor2.ok() {
					g.actor2 = d.actor2
				}
				continue
			}
			if G.t.Class == lexicon.ClassAnnounce && g.kept() && (armed || d.class == lexicon.ClassDeploy || d.class == lexicon.ClassWithdraw) {
				g.collapsed, g.why = true, "announces an operation"
				if !d.actor1.ok() {
					d.actor1 = g.actor1
				}
			}
			if g.kept() && s.anonymousSource(g.actor1) {
				// أفادت مصادر طبية بأن …: the source of a report, not a statement
				g.collapsed, g.why = true, "an anonymous source"
			}
		}
	}
}

// reportsCasualties reports whether a report verb's nominal complement is a
// casualty noun merged into another event (أفاد مصدر عسكري بمقتل ثلاثة).
func (s *sent) reportsCasualties(g *draft) bool {
	G := &s.trigs[g.trig]
	for k := range s.trigs {
		o := &s.trigs[k]
		if o.t.Class != lexicon.ClassCasualty || !o.dropped || o.mergedInto < 0 || o.verb {
			continue
		}
		if o.first > G.last && o.first-G.last <= 8 && s.clauseOf(o.first) == s.clauseOf(G.first) {
			return true
		}
	}
	return false
}

// actsItself reports whether a reporting actor can be the one who did what
// it reports: a state, a body of one, or an armed group — not a monitor, a
// medium or an international organisation.
func actsItself(a *lexicon.Actor) bool {
	return a != nil && (a.StateActor() || groupOf(a) != nil)
}

// continueStatements absorbs a participle of saying (وقال …، مضيفاً) and a
// coordinated verb of saying by the same speaker (نفت …، واتهمت) into the
// statement before them, when that statement is an event of its own.
func (s *sent) continueStatements(ds []draft) {
	for i := range ds {
		d := &ds[i]
		h := &s.trigs[d.trig]
		if !d.kept() || d.class != lexicon.ClassSay || !(h.t.Participle || d.actor1.how == "coordinated") {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			switch ds[j].class {
			case lexicon.ClassSay, lexicon.ClassDeny, lexicon.ClassAnnounce, lexicon.ClassClaim:
				if ds[j].kept() {
					d.absorbed, d.why = true, "continues the statement"
				}
			default:
				continue
			}
			break
		}
	}
}

// anonymousSource reports whether a speaker is an anonymous source as
// written (مصادر طبية، شهود عيان، مصدر أمني).
func (s *sent) anonymousSource(r ref) bool {
	if r.actor != nil || !r.ok() {
		return false
	}
	w := r.name
	if i := strings.IndexByte(w, ' '); i > 0 {
		w = w[:i]
	}
	f := textnorm.Fold(w)
	return s.lex.HasCue(s.lang, f, lexicon.CueSource) || s.lex.HasCue(s.lang, strings.TrimPrefix(f, "ال"), lexicon.CueSource)
}

// forcesAsWritten reports whether a noun phrase as written is headed by a
// force noun (القوات البحرية، وحدات الجيش): in what a group says it did,
// its own forces.
func (s *sent) forcesAsWritten(name string) bool {
	if name == "" {
		return false
	}
	w := name
	if i := strings.IndexByte(w, ' '); i > 0 {
		w = w[:i]
	}
	f := strings.TrimPrefix(textnorm.Fold(w), "ال")
	return s.lex.HasCue(s.lang, f, lexicon.CueForce)
}

// nonState reports whether an actor is a non-state group or speaks for one
// (a group, or a person or an organisation affiliated to a group): what it
// says it did is a claim.
func nonState(a *lexicon.Actor) bool {
	return a != nil && !a.StateActor() && groupOf(a) != nil
}

// groupOf returns the group an actor is or belongs to (Yahya Saree →
// Houthis), or nil.
func groupOf(a *lexicon.Actor) *lexicon.Actor {
	for i, x := 0, a; x != nil && i < 8; i, x = i+1, x.AffiliatedTo() {
		if x.Kind == lexicon.Group {
			return x
		}
		if x.Kind == lexicon.State {
			return nil
		}
	}
	return nil
}

// inheritTimes lets an event without a time share the time of another
// event of its clause or of a clause coordinated with it — never the time of
// a verb of saying, nor across a quotation.
func (s *sent) inheritTimes(ds []draft) {
	for i := range ds {
		d := &ds[i]
		if d.time >= 0 || !d.kept() || !s.trigs[d.trig].t.Participle {
			continue
		}
		// داعياً، مضيفاً: the same act of speaking as the verb before
		for j := i - 1; j >= 0; j-- {
			if speechLike(ds[j].class) && ds[j].time >= 0 {
				d.time, d.timeFrom = ds[j].time, "shared"
				break
			}
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.time >= 0 || !d.kept() || speechLike(d.class) {
			continue
		}
		h := &s.trigs[d.trig]
		cl := s.clauseOf(h.first)
		for j := range ds {
			o := &ds[j]
			if j == i || o.time < 0 || speechLike(o.class) || o.absorbed {
				continue
			}
			oh := &s.trigs[o.trig]
			ocl := s.clauseOf(oh.first)
			same := ocl == cl && s.inLongQuote(oh.first) == s.inLongQuote(h.first)
			coord := s.clauses[cl].kind == clCoord && s.clauses[cl].sibling == ocl ||
				s.clauses[ocl].kind == clCoord && s.clauses[ocl].sibling == cl
			if same || coord {
				d.time, d.timeFrom = o.time, "shared"
				break
			}
		}
	}
}

// unitFits reports whether a counted unit can be the headline count of an
// event of the class.
func unitFits(c lexicon.TriggerClass, violent bool, unit string) bool {
	switch {
	case violent:
		switch unit {
		case "attack", "strike", "airstrike", "raid", "rocket", "missile", "drone", "shell", "mortar", "bomb", "operation", "round", "projectile", "target":
			return true
		}
	case c == lexicon.ClassIntercept:
		switch unit {
		case "drone", "rocket", "missile", "projectile":
			return true
		}
	case c == lexicon.ClassDeploy || c == lexicon.ClassWithdraw:
		switch unit {
		case "soldier", "troop", "person", "adviser", "advisor", "marine", "officer", "fighter", "ship", "warship", "aircraft", "jet":
			return true
		}
	case c == lexicon.ClassProtest:
		switch unit {
		case "protester", "person", "demonstrator":
			return true
		}
	}
	return false
}

// assignCounts gives each count to an event: the event whose trigger is the
// counted noun (150 هجوماً), else the nearest event of its clause that such
// a unit fits; casualties go to the nearest violent event and are its
// headline count when it has no other.
func (s *sent) assignCounts(ds []draft) {
	for c := range s.counts {
		if s.cdrop[c] {
			continue
		}
		C := s.counts[c]
		if C.First < 0 || C.First >= s.n() {
			continue
		}
		qc := s.inLongQuote(C.First)
		clC := s.clauseOf(C.First)
		if s.inBackground(clC) {
			continue
		}
		if C.Role == roleNone {
			target := -1
			for i := range ds {
				d := &ds[i]
				if !d.kept() || speechLike(d.class) {
					continue
				}
				h := &s.trigs[d.trig]
				if C.UnitFirst >= 0 && h.first >= C.UnitFirst && h.first < max(C.UnitLast, C.UnitFirst+1) {
					target = i
					break
				}
			}
			if target < 0 && C.Unit != "" {
				bd := 1 << 30
				for i := range ds {
					d := &ds[i]
					if !d.kept() || !unitFits(d.class, d.violent, C.Unit) {
						continue
					}
					h := &s.trigs[d.trig]
					if s.inLongQuote(h.first) != qc || !s.ancestor(s.clauseOf(h.first), clC) {
						continue
					}
					if dd := abs(h.first - C.First); dd < bd {
						target, bd = i, dd
					}
				}
			}
			if target < 0 && (C.Unit == "" || C.Unit == "person" || C.Unit == "resident" || C.Unit == "protester") {
				// a crowd is counted in protesters
				for i := range ds {
					if ds[i].kept() && ds[i].class == lexicon.ClassProtest && s.sameCoordination(s.clauseOf(s.trigs[ds[i].trig].first), clC) {
						target = i
						ds[i].countUnit = "protester"
						break
					}
				}
			}
			if target >= 0 && ds[target].count < 0 {
				ds[target].count = c
			}
			continue
		}
		// casualties
		target, bd := -1, 1<<30
		for pass := 0; pass < 2 && target < 0; pass++ {
			for i := range ds {
				d := &ds[i]
				if !d.kept() || !d.violent {
					continue
				}
				h := &s.trigs[d.trig]
				if pass == 0 && (s.clauseOf(h.first) != clC && !s.ancestor(s.clauseOf(h.first), clC) && !s.ancestor(clC, s.clauseOf(h.first))) {
					continue
				}
				if dd := abs(h.first - C.First); dd < bd {
					target, bd = i, dd
				}
			}
		}
		if target < 0 {
			continue
		}
		d := &ds[target]
		v := C.Value
		set := func(p **int) {
			if *p == nil || v > **p {
				*p = &v
			}
		}
		switch C.Role {
		case roleKilled:
			set(&d.fatal)
		case roleWounded:
			set(&d.injured)
		case roleCasualties:
			if v == 0 {
				z1, z2 := 0, 0
				if d.fatal == nil {
					d.fatal = &z1
				}
				if d.injured == nil {
					d.injured = &z2
				}
			}
		}
		if v > 0 && (d.count < 0 || s.counts[d.count].Role == roleWounded && C.Role == roleKilled) {
			if d.count < 0 || s.counts[d.count].Role != roleNone {
				d.count = c
			}
		}
	}
}

// locate sets the event's place: the places named in its clause; the
// deepest when they lie on one chain of places, else the smallest place
// holding them all (several places in one country give that country),
// else none. A statement takes only a place named before its verb.
func (s *sent) locate(d *draft) {
	h := &s.trigs[d.trig]
	cl := s.clauseOf(h.first)
	var known []*lexicon.Place
	fallback := ""
	for k := range s.ments {
		m := &s.ments[k]
		if !m.isPlace || !s.sameCoordination(s.clauseOf(m.first), cl) || s.afterTopic(m.first, s.clauseOf(m.first)) {
			continue
		}
		if m.pp == lexicon.CueTo && d.class != lexicon.ClassMeet && d.class != lexicon.ClassDeploy && d.class != lexicon.ClassWithdraw {
			continue // نسبتها طهران إلى إسرائيل: a destination only for movements
		}
		if speechLike(d.class) && m.first > h.first {
			continue
		}
		if d.class == lexicon.ClassIntercept && m.first > 0 && s.norm(m.first-1) == "من" {
			continue // where the weapon came from
		}
		if s.inTopicOf(m.first, cl) {
			continue // بحث الجانبان انسحاب القوات من العراق: where the topic is, not the talks
		}
		if m.fallback {
			if fallback == "" {
				fallback = s.textOf(m)
			}
			continue
		}
		if m.place != nil {
			known = append(known, m.place)
		}
	}
	known = s.dropContainers(known, cl)
	p := s.commonPlace(known)
	if p == nil && fallback == "" && h.t.Participle && d.sharedPlace != nil {
		p = d.sharedPlace
	}
	if p == nil && d.class == lexicon.ClassMeet && d.actor2.ok() && d.actor2.ment >= 0 && d.actor2.ment < len(s.ments) {
		// زار واشنطن: the capital visited is also the place
		if m := &s.ments[d.actor2.ment]; m.place != nil {
			p = m.place
		}
	}
	if fallback != "" {
		d.placeText = fallback
		if p != nil {
			d.placeCC = p.Country
		}
		return
	}
	d.place = p
}

// sameCoordination reports whether clauses a and b are one clause or
// coordinated with each other (في الحديدة، قُتل طفلان وأصيبت امرأة بانفجار).
func (s *sent) sameCoordination(a, b int) bool {
	root := func(c int) int {
		for i := 0; i < len(s.clauses) && s.clauses[c].kind == clCoord && s.clauses[c].sibling >= 0; i++ {
			c = s.clauses[c].sibling
		}
		return c
	}
	return a == b || root(a) == root(b)
}

// dropContainers drops a place the text writes as the container of the one
// before it (مديرية اللحية بمحافظة الحديدة، البصيرة في ريف دير الزور): the
// first one is inside it even when the gazetteer does not say so.
func (s *sent) dropContainers(ps []*lexicon.Place, cl int) []*lexicon.Place {
	if len(ps) < 2 {
		return ps
	}
	var ms []*mention
	for k := range s.ments {
		m := &s.ments[k]
		if m.isPlace && m.place != nil && s.sameCoordination(s.clauseOf(m.first), cl) {
			ms = append(ms, m)
		}
	}
	drop := map[*lexicon.Place]bool{}
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if b.first-a.last > 3 || b.clitics.Conj != 0 || b.place.Contains(a.place) || a.place.Contains(b.place) || b.place.Kind == lexicon.Country && b.place.Country == a.place.Country {
			continue
		}
		inside := b.first > a.last
		for j := a.last; j < b.first; j++ {
			if !(s.toks[j].cues.any(1<<lexicon.CueLoc|1<<lexicon.CuePlaceHead) || s.toks[j].prepB || s.isPunct(j) && s.seg.Tokens[j].Text == "،") {
				inside = false
			}
		}
		if inside || b.ppPrepB && b.first-a.last <= 1 {
			drop[b.place] = true
		}
	}
	if len(drop) == 0 {
		return ps
	}
	var out []*lexicon.Place
	for _, p := range ps {
		if !drop[p] {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return ps
	}
	return out
}

// commonPlace returns the deepest place when the others contain it (مطار
// أربيل in كردستان العراق); else, when the places lie in one country, that
// country (EVENTS.md: several places in one country → that country); else
// nil.
func (s *sent) commonPlace(ps []*lexicon.Place) *lexicon.Place {
	if len(ps) == 0 {
		return nil
	}
	deep := ps[0]
	for _, p := range ps[1:] {
		if p.Depth() > deep.Depth() {
			deep = p
		}
	}
	onChain := true
	for _, p := range ps {
		if !p.Contains(deep) {
			onChain = false
			break
		}
	}
	if onChain {
		return deep
	}
	cc := ps[0].Country
	for _, p := range ps {
		if p.Country != cc || cc == "" {
			return nil
		}
	}
	return s.lex.CountryPlace(cc)
}

// inTopicOf reports whether token i follows, in clause cl, a trigger that
// was absorbed as the topic of another event.
func (s *sent) inTopicOf(i, cl int) bool {
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.first < i && i-h.last <= 6 && s.clauseOf(h.first) == cl && strings.HasPrefix(h.why, "the topic of") {
			return true
		}
	}
	return false
}

// afterTopic reports whether token i follows a topic preposition (بشأن،
// حول) in clause cl: a place there is what is talked about, not where.
func (s *sent) afterTopic(i, cl int) bool {
	if !s.cueAll.has(lexicon.CueAbout) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if s.toks[j].clause != cl {
			return false
		}
		if s.toks[j].cueHead && s.toks[j].cues.has(lexicon.CueAbout) && s.norm(j) != "عن" && s.toks[j].ment < 0 {
			return true
		}
	}
	return false
}

// resolveType decides the event type from the trigger's class, the weapons
// named around it and whether actor1 acts for a state (EVENTS.md: a state's
// strikes are airstrikes even with missiles; a group's mixed rockets and
// drones are an attack).
func (s *sent) resolveType(d *draft) {
	h := &s.trigs[d.trig]
	d.typ = h.t.Type
	switch d.class {
	case lexicon.ClassClaim:
		d.typ = events.Claim
		return
	case lexicon.ClassSay, lexicon.ClassDeny:
		d.typ = events.Statement
		return
	case lexicon.ClassWithdraw:
		d.typ, d.withdrawal = events.Deployment, true
		return
	case lexicon.ClassLaunch:
		if !d.violent {
			d.typ = events.Announcement
			return
		}
	}
	if !d.violent {
		return
	}
	m := s.meansNear(h)
	for k := range s.trigs {
		if o := &s.trigs[k]; o.mergedInto == d.trig && o.why == "same event" {
			m |= s.meansNear(o)
			if o.t.Class == lexicon.ClassBomb {
				m |= meansBomb
			}
		}
	}
	d.means = m
	if d.class == lexicon.ClassBomb {
		d.typ = events.Bombing
		return
	}
	if d.class == lexicon.ClassClash {
		d.typ = events.ArmedClash
		return
	}
	weapons := m &^ meansBomb
	kinds := 0
	for _, b := range []meansSet{meansDrone, meansRocket, meansAir} {
		if weapons&b != 0 {
			kinds++
		}
	}
	if weapons == 0 && m&meansBomb != 0 {
		d.typ = events.Bombing
		return
	}
	state := d.actor1.actor != nil && d.actor1.actor.StateActor()
	switch {
	case state && d.class == lexicon.ClassAttack && weapons == 0:
		d.typ = events.Attack
	case state && (d.class == lexicon.ClassStrike || weapons&(meansAir|meansDrone) != 0):
		d.typ = events.Airstrike
	case state && weapons&meansRocket != 0, state && d.class == lexicon.ClassShell:
		d.typ = events.RocketAttack
	case state:
		d.typ = events.Attack
	case kinds > 1:
		d.typ = events.Attack
	case weapons&meansDrone != 0:
		d.typ = events.DroneAttack
	case weapons&meansRocket != 0:
		d.typ = events.RocketAttack
	case weapons&meansAir != 0:
		d.typ = events.Airstrike
	case d.class == lexicon.ClassStrike && !h.verb && !h.t.Object && !d.actor1.ok():
		d.typ = events.Airstrike // غارات، ضربات by nobody named; استهداف is any attack
	case d.class == lexicon.ClassShell:
		d.typ = events.RocketAttack
	default:
		d.typ = events.Attack
	}
}

// finishContext sets each kept event's context: denied, claimed,
// hypothetical, future (by a cue, or a date after publication), or reported.
func (s *sent) finishContext(ds []draft, anchor time.Time) {
	for i := range ds {
		d := &ds[i]
		if !d.kept() || d.ctx != events.Reported {
			continue
		}
		switch {
		case d.hypo:
			d.ctx = events.Hypothetical
		case d.future:
			d.ctx = events.Future
		case d.time >= 0 && !anchor.IsZero() && s.times[d.time].Date > s.day:
			// a date sorts after the published date when it is after it (YYYY-MM-DD
			// both): only such a date is worth parsing
			if t, err := events.ParseDate(s.times[d.time].Date); err == nil && t.After(anchor) {
				d.ctx = events.Future
			}
		}
	}
}

// confidence scores an event from 0 to 1 by the evidence behind it:
//
//	0.55 a verb trigger, 0.50 a noun trigger, 0.40 an event read only from
//	casualties, 0.45 an event inside a reported quotation;
//	+0.20 actor1 from the lexicon, +0.10 actor1 as a noun phrase or
//	resolved from an earlier sentence;
//	+0.05 actor2, +0.10 a resolved date, +0.05 a place, +0.05 a count;
//	−0.10 a violent event whose weapons are not named and whose type is a
//	guess from the actor alone;
//
// clamped to [0.05, 0.95] and rounded to two decimals.
func (s *sent) confidence(d *draft) float64 {
	h := &s.trigs[d.trig]
	c := 0.50
	switch {
	case h.inQuote >= 0:
		c = 0.45
	case d.class == lexicon.ClassCasualty:
		c = 0.40
	case h.verb:
		c = 0.55
	}
	switch {
	case d.actor1.actor != nil && d.actor1.how != "last speaker":
		c += 0.20
	case d.actor1.ok():
		c += 0.10
	}
	if d.actor2.ok() {
		c += 0.05
	}
	if d.time >= 0 && s.times[d.time].Date != "" {
		c += 0.10
	}
	if d.place != nil || d.placeText != "" {
		c += 0.05
	}
	if d.count >= 0 {
		c += 0.05
	}
	if d.violent && d.means == 0 && d.class != lexicon.ClassBomb && d.class != lexicon.ClassClash && d.typ != events.Attack {
		c -= 0.10
	}
	c = math.Max(0.05, math.Min(0.95, c))
	return math.Round(c*100) / 100
}

// hasQuoteAfter reports whether a quotation follows the trigger.
func (s *sent) hasQuoteAfter(h *trigHit) bool {
	for _, q := range s.quotes {
		if q.open >= h.last && !q.name {
			return true
		}
	}
	return false
}

// update remembers the sentence's last speaker and last group.
func (mem *memory) update(s *sent, ds []draft) {
	for i := len(ds) - 1; i >= 0; i-- {
		d := &ds[i]
		if (d.kept() || d.collapsed) && (speechLike(d.class) || d.typ == events.Claim) && d.actor1.ok() {
			mem.speaker = d.actor1
			mem.speaker.ment = -1
			mem.lastSpeaker = &mem.speaker
			break
		}
	}
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := &s.ments[k]
		if m.actor != nil && m.actor.Kind == lexicon.Group && !m.isPlace {
			mem.group = ref{actor: m.actor, name: m.actor.Name, ment: -1}
			mem.lastGroup = &mem.group
			return
		}
	}
	for i := len(ds) - 1; i >= 0; i-- {
		d := &ds[i]
		if d.kept() && d.violent && d.actor1.ok() && d.actor1.actor == nil {
			mem.group = d.actor1
			mem.group.ment = -1
			mem.lastGroup = &mem.group
			return
		}
	}
}

// firstFreeChain returns the first chain of clause cl before token limit
// that is no place, no victim and not in a prepositional phrase.
func (s *sent) firstFreeChain(cl, limit int) int {
	for c := range s.chains {
		ch := &s.chains[c]
		if ch.first >= limit {
			break
		}
		if s.clauseOf(ch.first) != cl {
			continue
		}
		m := &s.ments[ch.ments[0]]
		if m.pp != 0 || m.ppPrepB || m.ppLam || s.ments[ch.best].isPlace || s.ments[ch.best].victim {
			continue
		}
		return c
	}
	return -1
}
