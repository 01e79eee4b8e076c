package parse

import (
	"slices"
	"strings"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
)

// sentenceDraftsEN is sentenceDrafts for English: the same steps, with the
// English readers of word order in place of the Arabic ones.
func (p *Parser) sentenceDraftsEN(s *sent, mem *memory, anchor time.Time) []draft {
	s.markVictimsEN()
	s.buildChainsEN()
	s.segmentEN()
	s.filterTriggersEN()
	ds := s.makeDrafts()
	for i := range ds {
		if h := ds[i].trig; s.en.capture.has(h) && ds[i].absorbed && ds[i].why == "no verb of claiming" {
			ds[i].absorbed, ds[i].why = false, ""
			g := s.captureGovernor(&s.trigs[h])
			for j := range ds {
				if ds[j].trig == g {
					ds[i].gov = j
				}
			}
		}
	}
	for i := range ds {
		s.ownRolesEN(&ds[i])
		for k := range s.trigs {
			// the casualty verb merged into the event brings its subject (Nigerian troops killed 30 insurgents in clashes)
			if o := &s.trigs[k]; o.mergedInto == ds[i].trig && o.why == "casualties of another event" && o.verb && !s.en.passive.has(k) && !ds[i].actor1.ok() {
				tmp := draft{trig: k, class: o.t.Class, violent: true, gov: -1, claimVerb: -1, time: -1, count: -1}
				s.ownRolesEN(&tmp)
				if tmp.actor1.ok() {
					ds[i].actor1 = tmp.actor1
				}
			}
			// a verb merged into the event (fired a barrage of rockets) brings its object
			if o := &s.trigs[k]; o.mergedInto == ds[i].trig && o.why == "same event" && !ds[i].actor2.ok() {
				tmp := draft{trig: k, class: o.t.Class, violent: true, gov: -1, claimVerb: -1, time: -1, count: -1}
				s.ownRolesEN(&tmp)
				if tmp.actor2.ok() {
					ds[i].actor2 = tmp.actor2
				}
				if !ds[i].actor1.ok() && tmp.actor1.ok() {
					ds[i].actor1 = tmp.actor1
				}
			}
		}
	}
	s.defaultActorsEN(ds, mem)
	s.whenTimes(anchor)
	s.assignTimesEN(ds)
	s.assignModality(ds, anchor)
	s.modalityEN(ds)
	noAgent := make([]bool, len(ds))
	for i := range ds {
		noAgent[i] = !ds[i].actor1.ok() && s.en.passive.has(ds[i].trig)
	}
	s.applyGovernors(ds)
	for i := range ds {
		// one of its convoys had been hit: the one who denies it is no agent
		if noAgent[i] && ds[i].ctx == events.Denied {
			ds[i].actor1 = ref{}
		}
		// a demand or a meeting takes nouns and its own clauses as topics, not the
		// verbs of its clause after a comma (…, a ruling Mr Netanyahu called "outrageous")
		if ds[i].absorbed && strings.HasPrefix(ds[i].why, "the topic of") && s.trigs[ds[i].trig].verb && ds[i].gov >= 0 &&
			s.clauseOf(s.trigs[ds[i].trig].first) == s.clauseOf(s.trigs[ds[ds[i].gov].trig].first) {
			ds[i].absorbed, ds[i].why = false, ""
		}
	}
	s.governorsEN(ds)
	s.inheritTimesEN(ds)
	s.assignCounts(ds)
	s.assignCountsEN(ds)
	for i := range ds {
		if ds[i].kept() {
			s.locateEN(&ds[i], mem)
			s.resolveType(&ds[i])
		}
	}
	s.finishContext(ds, anchor)
	s.finishEN(ds)
	for i := range ds {
		d := &ds[i]
		if !d.kept() {
			continue
		}
		d.triggerText = s.triggerText(d)
		switch d.typ {
		case events.Statement:
			d.quote = s.quotesAfter(ds, i)
			if d.quote == "" {
				d.quote = s.openingQuote(&s.trigs[d.trig])
			}
		case events.Threat, events.Demand:
			if q := s.quotesAfter(ds, i); q != "" && s.hasQuoteAfter(&s.trigs[d.trig]) {
				d.quote = q
			}
		}
		d.conf = s.confidence(d)
	}
	mem.update(s, ds)
	s.memoryEN(mem, ds)
	return ds
}

// markVictimsEN marks the people harmed as for Arabic, and the group whose
// members a casualty count counts (killing three members of the SDF).
func (s *sent) markVictimsEN() {
	s.markVictims()
	for k := range s.ments {
		m := &s.ments[k]
		j := m.first - 1
		for j >= 0 && s.norm(j) != "of" && (s.isAdjectiveLike(j) || s.seg.Tokens[j].Text == "." || s.seg.Tokens[j].Text == "(") && s.toks[j].unit < 0 && s.toks[j].count < 0 {
			j--
		}
		if j < 1 || s.norm(j) != "of" {
			continue
		}
		if c := s.toks[j-1].unit; c >= 0 && s.counts[c].Role != roleNone {
			m.victim = true
		}
		// killing two members of Harakat al-Nujaba: the count may stop before its noun
		if j >= 2 && s.toks[j-1].cues.any(1<<lexicon.CueVictim|1<<lexicon.CueForce) {
			if c := s.toks[j-2].count; c >= 0 && s.counts[c].Role != roleNone {
				m.victim = true
			}
		}
	}
}

// filterTriggersEN drops the triggers that make no event, as
// filterTriggers does, with English negation (No attacks were reported,
// would not withdraw), topics (commented on the fighting), definite event
// nouns that refer back (the strikes), weapons described by a participle
// (drones launched by …), "meet" with a thing for object (meet escalation
// with escalation), and capture verbs outside a claim; then merges violent
// triggers that name one event (fired a barrage of rockets).
func (s *sent) filterTriggersEN() {
	for k := range s.trigs {
		h := &s.trigs[k]
		cl := s.clauseOf(h.first)
		switch {
		case s.clauses[cl].kind == clBound:
			h.dropped, h.why = true, "background"
		case s.inLongQuote(h.first) >= 0:
			h.inQuote = s.inLongQuote(h.first)
			h.dropped, h.why = true, "inside a quotation"
		case s.toks[h.first].quote >= 0 && !s.quotes[s.toks[h.first].quote].name && !speechLike(h.t.Class):
			h.dropped, h.why = true, "inside a quotation" // called the strike "a despicable attack"
		case h.t.Needs == lexicon.NeedForce && !s.forceNear(h):
			h.dropped, h.why = true, "no forces named"
		case h.t.Needs == lexicon.NeedMeans && s.meansNear(h) == 0:
			h.dropped, h.why = true, "no weapon named"
		case s.negatedEN(h):
			h.dropped, h.why = true, "negated"
		case s.topicEN(h):
			h.dropped, h.why = true, "a topic"
		case s.refersBack(h):
			h.dropped, h.why = true, "refers to an event named before"
		case h.verb && h.t.Class == lexicon.ClassLaunch && h.first > 0 && (s.toks[h.first-1].unit >= 0 || s.weaponAt(h.first-1)):
			h.dropped, h.why = true, "describes a weapon"
		case h.verb && h.t.Class == lexicon.ClassMeet && s.meetsThing(h):
			h.dropped, h.why = true, "meets no party"
		case !h.verb && h.t.Class == lexicon.ClassProtest && h.last < s.n() && s.toks[h.last].trig >= 0 &&
			s.trigs[s.toks[h.last].trig].verb && s.trigs[s.toks[h.last].trig].t.Class == lexicon.ClassProtest:
			h.dropped, h.why, h.mergedInto = true, "same event", s.toks[h.last].trig // Protesters rallied
		case h.t.Needs == lexicon.NeedGovernor:
			if g := s.captureGovernor(h); g >= 0 {
				s.en.capture.add(k)
			} else {
				h.dropped, h.why = true, "a capture nobody claims"
			}
		}
	}
	s.mergeViolentEN()
}

// weaponAt reports whether token i names a weapon.
func (s *sent) weaponAt(i int) bool {
	return s.toks[i].cues.any(1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile | 1<<lexicon.CueArtillery |
		1<<lexicon.CueAir | 1<<lexicon.CueBomb)
}

// negatedEN reports whether a negation governs the trigger: "no", "not",
// "never", "n't" before it in its clause, past determiners, adjectives,
// weapons, auxiliaries and a group noun (No group has claimed).
func (s *sent) negatedEN(h *trigHit) bool {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= s.en.initial && j >= h.first-5; j-- {
		t := &s.toks[j]
		if t.clause != cl || t.trig >= 0 || s.isPunct(j) && s.seg.Tokens[j].Text != "-" || t.ment >= 0 {
			return false
		}
		if t.cues.has(lexicon.CueShield) {
			return false
		}
		if t.cues.has(lexicon.CueNeg) {
			return true
		}
		if s.seg.Tokens[j].Text == "-" || s.plainWord(j) || s.weaponAt(j) ||
			t.cues.any(1<<lexicon.CueAux|1<<lexicon.CueBe|1<<lexicon.CueFuture|1<<lexicon.CueExist|1<<lexicon.CueSupport|1<<lexicon.CueGroupHead|1<<lexicon.CueDet) {
			continue
		}
		return false
	}
	return false
}

// topicEN reports whether a nominal trigger is the topic of a verb of
// speaking or talking (commented on the fighting, talks on the withdrawal).
func (s *sent) topicEN(h *trigHit) bool {
	if h.verb {
		return false
	}
	for j := h.first - 1; j >= s.en.initial && j >= h.first-4; j-- {
		t := &s.toks[j]
		if t.cues.has(lexicon.CueAbout) && t.ment < 0 {
			return true
		}
		if !s.isAdjectiveLike(j) && !s.weaponAt(j) {
			return false
		}
	}
	return false
}

// refersBack reports whether a nominal trigger after "the" (or this, these)
// names an event told before (condemned the strikes, blamed … for the
// bombing): no agent, target or number of its own follows it. Under a
// denial the denied event stays (denied any role in the attack).
func (s *sent) refersBack(h *trigHit) bool {
	if h.verb {
		return false
	}
	j := h.first - 1
	for j >= s.en.initial && (s.plainWord(j) || s.weaponAt(j)) && j >= h.first-2 {
		j--
	}
	if j < s.en.initial {
		return false
	}
	switch s.norm(j) {
	case "the", "this", "these", "those":
	default:
		return false
	}
	// a complement of its own makes it a new mention: the attack on Tower 22
	if k := h.last; k < s.n() && s.toks[k].cues.any(1<<lexicon.CueAgainst|1<<lexicon.CueAgent) && s.toks[k].ment < 0 {
		return false
	}
	// the subject of a violent verb is new: The attack, claimed by …, killed 30 people
	commas := 0
	for k := h.last; k < s.n() && k < h.last+14; k++ {
		if s.seg.Tokens[k].Text == "," {
			commas++
			continue
		}
		if t := s.toks[k].trig; t >= 0 && s.trigs[t].verb && s.trigs[t].first == k && s.norm(k) != "claimed" {
			if s.trigs[t].t.Class.Violent() && (commas == 0 || commas == 2) {
				return false
			}
			break
		}
		if commas == 0 && !s.isAdjectiveLike(k) && !s.toks[k].cues.any(1<<lexicon.CueBe|1<<lexicon.CueAux) {
			break
		}
	}
	// under a denial, the denied event is kept
	for i := h.first - 1; i >= s.en.initial; i-- {
		if t := s.toks[i].trig; t >= 0 && s.trigs[t].t.Class == lexicon.ClassDeny {
			return false
		}
	}
	return true
}

// meetsThing reports whether "meet" has a thing for object (meet
// escalation with escalation, meet the demands): no meeting.
func (s *sent) meetsThing(h *trigHit) bool {
	j := h.last
	if j < s.n() && s.norm(j) == "the" {
		j++
	}
	if j >= s.n() {
		return false
	}
	if s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
		return true
	}
	return s.plainWord(j) && !s.capitalized(j) && s.norm(j) != "again" && s.norm(j) != "also"
}

// captureGovernor returns the verb of saying or announcing whose reported
// clause holds a capture verb (said it had seized control of the town), or
// -1: a party's claim to have captured a place is a claim.
func (s *sent) captureGovernor(h *trigHit) int {
	cl := s.clauseOf(h.first)
	for k := range s.trigs {
		g := &s.trigs[k]
		if g.last > h.first || g.dropped || !(g.t.Class == lexicon.ClassSay || g.t.Class == lexicon.ClassAnnounce) {
			continue
		}
		if gc := s.clauseOf(g.first); gc != cl && s.ancestor(gc, cl) {
			return k
		}
	}
	return -1
}

// mergeViolentEN merges violent triggers that name one event: a noun after
// the verb whose object it is (fired a barrage of rockets, launched dozens
// of attacks), a noun and a verb it is the subject of (a raid … struck),
// and casualty words into the violent event they report.
func (s *sent) mergeViolentEN() {
	s.mergeViolentRun(s.mergeableEN)
}

// mergeableEN reports whether violent trigger b names the event of a.
func (s *sent) mergeableEN(a, b *trigHit) bool {
	if a.t.Class == lexicon.ClassCasualty || b.t.Class == lexicon.ClassCasualty {
		return false
	}
	ca, cb := s.clauseOf(a.first), s.clauseOf(b.first)
	if ca != cb || b.first < a.last || b.first-a.last > 20 || a.verb && b.first-a.last > 6 {
		return false
	}
	subject := !a.verb && b.verb // a separate attack … by X (JNIM) targeted: X belongs to the noun
	for i := a.last; i < b.first; i++ {
		t := &s.toks[i]
		tx := s.seg.Tokens[i].Text
		if s.isPunct(i) && tx != "-" && !(subject && (tx == "(" || tx == ")" || tx == ".")) || t.trig >= 0 {
			return false
		}
		if t.ment >= 0 && !s.ments[t.ment].demonym && !subject {
			return false
		}
		if t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueRel|1<<lexicon.CueConj) || !subject && t.cues.any(1<<lexicon.CueAgainst|1<<lexicon.CueLoc) {
			return false
		}
	}
	if subject && b.first-a.last > 20 {
		return false
	}
	switch {
	case a.verb && !b.verb:
		return true // fired a barrage of rockets; launched dozens of drone attacks
	case !a.verb && b.verb && !s.en.passive.has(s.toks[b.first].trig):
		return true // a separate attack on Friday by X targeted …
	}
	return false
}

// defaultActorsEN fills actor1 where the trigger's own surroundings name
// nobody, and resolves pronouns: a pronoun subject (it, they, its fighters)
// and an infinitive or gerund without one take the subject of the verb
// above (said it targeted, threatened to strike, denied attacking); a
// coordinated verb takes its partner's; a weapon subject (air defences had
// shot down) its user, the speaker above; a possessive with forces (his
// forces) the group a person belongs to; at the start of a sentence, the
// last subject named.
func (s *sent) defaultActorsEN(ds []draft, mem *memory) {
	em := enMem(mem)
	for i := range ds {
		d := &ds[i]
		h := &s.trigs[d.trig]
		cl := s.clauseOf(h.first)
		c := s.clauses[cl]
		if tok, ok := s.en.pronSubj.get(d.trig); ok && !d.actor1.ok() {
			if r := s.resolvePronoun(ds, i, tok, em); r.ok() {
				d.actor1 = r
			}
		}
		if tok, ok := s.en.pronTarget.get(d.trig); ok && !d.actor2.ok() {
			if r := s.resolvePronoun(ds, i, tok, em); r.ok() {
				d.actor2 = r
				d.actor2.how = "pronoun"
			}
		}
		// whose defeat Baghdad declared: the antecedent is what the verb is about
		if !d.actor2.ok() && c.kind == clRel && c.opener > 0 && s.norm(c.opener) == "whose" {
			if j := s.chainBefore(c.opener); j >= 0 {
				d.actor2 = s.chainRef(j, "antecedent")
			}
		}
		if d.actor1.ok() {
			continue
		}
		switch {
		case d.claimVerb >= 0 && ds[d.claimVerb].actor1.ok():
			d.actor1 = ds[d.claimVerb].actor1
			d.actor1.how = "claimant"
		case s.en.instr.has(d.trig) && c.parent >= 0:
			if j := s.draftIn(ds, i, c.parent); j >= 0 {
				d.actor1 = s.userOf(&ds[j])
			}
		case c.pron && c.parent >= 0:
			if j := s.draftIn(ds, i, c.parent); j >= 0 && ds[j].actor1.ok() {
				d.actor1 = ds[j].actor1
				d.actor1.how = "pronoun"
				if d.class == lexicon.ClassMeet && !d.actor2.ok() && ds[j].actor2.ok() {
					d.actor2 = ds[j].actor2
				}
			}
		case c.kind == clCoord || h.t.Participle:
			for j := i - 1; j >= 0; j-- {
				if ds[j].actor1.ok() && (s.clauseOf(s.trigs[ds[j].trig].first) == c.sibling || h.t.Participle) {
					d.actor1 = ds[j].actor1
					d.actor1.how = "coordinated"
					break
				}
			}
		case c.kind == clRel && h.verb && c.parent >= 0 && c.opener >= 0 && s.toks[c.opener].cues.has(lexicon.CueRel) && s.norm(c.opener) != "where":
			// which seized power: the antecedent
			if k := s.toks[max(c.opener-1, 0)].ment; k >= 0 && s.ments[k].chain >= 0 {
				d.actor1 = s.chainRef(s.ments[k].chain, "antecedent")
			} else if j := s.chainBefore(c.opener); j >= 0 {
				d.actor1 = s.chainRef(j, "antecedent")
			}
		}
		if d.actor1.ok() {
			continue
		}
		if speechLike(d.class) && s.opensSentence(h) && mem.lastSpeaker != nil {
			d.actor1 = *mem.lastSpeaker
			d.actor1.ment, d.actor1.how = -1, "last speaker"
		}
	}
}

// userOf returns who uses the weapons a speaker reports on (artillery had
// shelled, air defences had shot down): the organisation or state named with
// the speaker (Lt. Col. Eyal Dror, an Israeli army spokesman → Israel
// Defense Forces), else the speaker, or the organisation a person belongs to.
func (s *sent) userOf(g *draft) ref {
	h := &s.trigs[g.trig]
	cl := s.clauseOf(h.first)
	for c := len(s.chains) - 1; c >= 0; c-- {
		ch := &s.chains[c]
		if ch.last > h.first || s.clauseOf(ch.first) != cl {
			continue
		}
		for k := len(ch.ments) - 1; k >= 0; k-- {
			if a := s.ments[ch.ments[k]].actor; a != nil && a.Kind != lexicon.Person && !s.ments[ch.ments[k]].isPlace {
				return ref{actor: a, name: a.Name, ment: ch.ments[k], how: "user"}
			}
		}
	}
	r := g.actor1
	if r.actor != nil && r.actor.Kind == lexicon.Person && r.actor.AffiliatedTo() != nil {
		a := r.actor.AffiliatedTo()
		return ref{actor: a, name: a.Name, ment: -1, how: "user"}
	}
	r.how = "user"
	return r
}

// chainBefore returns the chain ending right before token i (past a comma),
// or -1.
func (s *sent) chainBefore(i int) int {
	j := i - 1
	if j >= 0 && s.isPunct(j) {
		j--
	}
	if j >= 0 {
		if k := s.toks[j].ment; k >= 0 {
			return s.ments[k].chain
		}
	}
	return -1
}

// resolvePronoun finds what the pronoun at token tok refers to: in a
// reported clause, the subject of the verb above; in a coordinated clause,
// its partner's; else the nearest subject before it in the sentence, then
// the last subject of the article. A possessive before a force noun (his
// forces) names the group a person belongs to.
func (s *sent) resolvePronoun(ds []draft, i, tok int, em *enMemory) ref {
	h := &s.trigs[ds[i].trig]
	cl := s.clauseOf(tok)
	var r ref
	for c := cl; c >= 0 && !r.ok(); c = s.clauses[c].parent {
		cc := s.clauses[c]
		if cc.kind == clComp && cc.parent >= 0 {
			if j := s.draftIn(ds, i, cc.parent); j >= 0 && ds[j].actor1.ok() {
				r = ds[j].actor1
			}
			break
		}
		if cc.kind == clCoord && cc.sibling >= 0 {
			if j := s.draftIn(ds, i, cc.sibling); j >= 0 && ds[j].actor1.ok() {
				r = ds[j].actor1
			}
			break
		}
		if cc.kind == clConj {
			break // if it attacked …: the nearest name before
		}
		if cc.parent < 0 {
			break
		}
	}
	if !r.ok() {
		for c := len(s.chains) - 1; c >= 0; c-- {
			ch := &s.chains[c]
			if ch.last <= tok && s.usableChain(c) && !s.ments[ch.best].victim {
				r = s.chainRef(c, "pronoun")
				break
			}
		}
	}
	if !r.ok() && em.lastSubject != nil {
		r = *em.lastSubject
		r.ment = -1
	}
	if !r.ok() {
		return r
	}
	r.how = "pronoun"
	// his forces, its fighters: the group a person belongs to
	if s.toks[tok].cues.has(lexicon.CueDet) && tok+1 < s.n() && s.toks[tok+1].cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead) &&
		r.actor != nil && r.actor.Kind == lexicon.Person && r.actor.AffiliatedTo() != nil {
		a := r.actor.AffiliatedTo()
		r = ref{actor: a, name: a.Name, ment: -1, how: "pronoun"}
	}
	_ = h
	return r
}

// assignTimesEN gives each time expression to the nearest event trigger of
// its clause, as assignTimes does; a casualty word merged into an event
// stands for it (killed … early Sunday when a drone struck), and a time in
// a clause without events dates the nearest event of the clause above
// (ordered MINUSMA to leave the country last year).
func (s *sent) assignTimesEN(ds []draft) {
	dist := make([]int, len(ds))
	for i := range ds {
		if x, ok := s.en.whenTime.get(s.clauseOf(s.trigs[ds[i].trig].first)); ok {
			ds[i].time, dist[i] = x, 0
		}
	}
	for x := range s.times[:s.en.derived] {
		X := s.times[x]
		if X.First < 0 || X.First >= s.n() {
			continue
		}
		qx := s.inLongQuote(X.First)
		best, bd := -1, 1<<30
		for clX := s.clauseOf(X.First); clX >= 0 && best < 0; clX = s.clauses[clX].parent {
			for i := range ds {
				if ds[i].absorbed {
					continue
				}
				for _, h := range s.standsFor(ds[i].trig) {
					if s.inLongQuote(h.first) != qx || s.clauseOf(h.first) != clX {
						continue
					}
					if h.t.Source && X.Last <= h.first && s.trailing(ds, i) {
						continue // "…, on Saturday, residents said": the time is the event's
					}
					d := X.First - h.last
					if h.first >= X.Last {
						d = h.first - X.Last
					}
					if d < 0 {
						d = 0
					}
					if d < bd {
						best, bd = i, d
					}
				}
			}
			if s.clauses[clX].kind != clComp || !s.en.inf.has(clX) {
				break
			}
		}
		if best >= 0 && (ds[best].time < 0 || bd < dist[best]) {
			ds[best].time, dist[best] = x, bd
		}
	}
}

// whenTimes dates a clause opened by "when" right after a time expression
// (Since Oct. 7, when Hamas attacked …): its events happened at the time
// named, read without "since" (Oct. 7, a day).
func (s *sent) whenTimes(anchor time.Time) {
	s.en.derived = len(s.times)
	for k, c := range s.clauses {
		if c.kind != clRel || c.opener < 1 || s.norm(c.opener) != "when" {
			continue
		}
		j := c.opener - 1
		if s.isPunct(j) {
			j--
		}
		if j < 0 || s.toks[j].time < 0 {
			continue
		}
		X := s.times[s.toks[j].time]
		first := X.First
		switch s.norm(first) {
		case "since", "from", "on", "in":
			first++
		}
		if first >= X.Last {
			continue
		}
		sub := s.seg
		sub.Tokens = s.seg.Tokens[first:X.Last]
		xs := findTimes(nil, &sub, s.lang, anchor)
		if len(xs) != 1 || xs[0].First != 0 || xs[0].Last != X.Last-first {
			continue
		}
		t := xs[0]
		t.First, t.Last = t.First+first, t.Last+first
		s.times = append(s.times, t)
		s.en.whenTime.set(k, len(s.times)-1)
	}
}

// standsFor returns the trigger k and the casualty triggers merged into it.
func (s *sent) standsFor(k int) []*trigHit {
	if !s.en.standsDone {
		s.en.standsDone = true
		merged := func(o *trigHit) bool { return o.mergedInto >= 0 && o.why == "casualties of another event" }
		n := 0
		for j := range s.trigs {
			if merged(&s.trigs[j]) {
				n++
			}
		}
		// one array for all: each trigger, then the ones merged into it
		hits := slices.Grow(s.en.standHits[:0], len(s.trigs)+n)
		stands := slices.Grow(s.en.stands[:0], len(s.trigs))
		for j := range s.trigs {
			start := len(hits)
			hits = append(hits, &s.trigs[j])
			if n > 0 {
				for i := range s.trigs {
					if o := &s.trigs[i]; o.mergedInto == j && merged(o) {
						hits = append(hits, o)
					}
				}
			}
			stands = append(stands, hits[start:len(hits):len(hits)])
		}
		s.en.stands, s.en.standHits = stands, hits
	}
	return s.en.stands[k]
}

// modalityEN marks what an infinitive says: the event an announcement or an
// agreement plans (agreed to begin talks) is future; the purpose of a
// protest or a deployment (marched to demand a ceasefire) is no event.
func (s *sent) modalityEN(ds []draft) {
	for i := range ds {
		if ds[i].class == lexicon.ClassThreat && !s.en.inf.has(s.clauseOf(s.trigs[ds[i].trig].first)) {
			ds[i].future = false // a threat speaks of the future: it is made now (will not go unpunished)
		}
	}
	for i := range ds {
		// marched …, demanding the resignation: what the protest demands is no event of its own
		h := &s.trigs[ds[i].trig]
		if ds[i].class == lexicon.ClassDemand && h.verb && strings.HasSuffix(s.norm(h.first), "ing") && h.first > 0 && s.isPunct(h.first-1) {
			for j := i - 1; j >= 0; j-- {
				if ds[j].class == lexicon.ClassProtest && !ds[j].absorbed {
					ds[i].absorbed, ds[i].why = true, "what the protest demands"
					break
				}
			}
		}
	}
	for i := range ds {
		d := &ds[i]
		cl := s.clauseOf(s.trigs[d.trig].first)
		if !s.en.inf.has(cl) || d.absorbed {
			continue
		}
		j := s.draftIn(ds, i, s.clauses[cl].parent)
		if j < 0 {
			continue
		}
		switch ds[j].class {
		case lexicon.ClassAnnounce, lexicon.ClassSay:
			d.future = true
		case lexicon.ClassProtest, lexicon.ClassDeploy, lexicon.ClassWithdraw, lexicon.ClassMeet:
			d.absorbed, d.why = true, "a purpose"
		}
	}
}

// governorsEN applies what the English verbs of saying do besides the
// shared governors: a capture under a verb of saying is the claim (the
// verb of saying reports it); a threat reported by a verb of saying is the
// threat (said … would "not go unpunished"); an announcement of a planned
// operation stays an announcement; a second verb of saying coordinated with
// the first continues its statement; and a verb of saying that only names
// a source (…, officials said; X said Y happened) is no statement — it is
// one when it is dated (said on Thursday), names a formal statement (said
// in a statement) or introduces a quotation.
func (s *sent) governorsEN(ds []draft) {
	for i := range ds {
		d := &ds[i]
		if d.gov < 0 || d.absorbed {
			continue
		}
		g := &ds[d.gov]
		// a spokesman's group acts: Houthi spokesman Yahya Saree warned that attacks would continue
		if d.violent && d.actor1.ok() && d.actor1.name == g.actor1.name && g.actor1.actor != nil && g.actor1.actor.Kind == lexicon.Person {
			if a := g.actor1.actor.AffiliatedTo(); a != nil && a.Kind == lexicon.Group {
				d.actor1 = ref{actor: a, name: a.Name, ment: -1, how: "speaks for"}
			}
		}
		switch {
		case s.en.capture.has(d.trig) && (g.class == lexicon.ClassSay || g.class == lexicon.ClassAnnounce || g.class == lexicon.ClassClaim):
			if g.kept() {
				g.collapsed, g.why = true, "reports the claim"
			}
			if !d.actor1.ok() || d.actor1.how == "pronoun" {
				d.actor1 = g.actor1
			}
			if d.time < 0 && g.time >= 0 {
				d.time, d.timeFrom = g.time, "reported by"
			}
		case d.class == lexicon.ClassThreat && g.class == lexicon.ClassSay && g.kept():
			g.collapsed, g.why = true, "reports the threat"
			d.actor1 = g.actor1
			if d.time < 0 && g.time >= 0 {
				d.time, d.timeFrom = g.time, "reported by"
			}
		case g.collapsed && g.why == "announces an operation" && (d.future || d.hypo):
			g.collapsed, g.why = false, ""
		}
	}
	// the attack, claimed by the Islamic State group, …: the claimant and the claimed attack
	for i := range ds {
		d := &ds[i]
		h := &s.trigs[d.trig]
		if !d.kept() || d.class != lexicon.ClassClaim || h.last-h.first < 2 || s.norm(h.last-1) != "by" {
			continue
		}
		d.actor1 = ref{}
		for k := h.last; k < s.n() && k < h.last+4; k++ {
			if m := s.toks[k].ment; m >= 0 && s.ments[m].chain >= 0 {
				d.actor1 = s.chainRef(s.ments[m].chain, "claimant")
				break
			}
			if !s.isAdjectiveLike(k) {
				break
			}
		}
		for j := range ds {
			o := &ds[j]
			if j == i || !o.kept() || !o.violent || s.trigs[o.trig].first > h.first+12 {
				continue
			}
			o.ctx = events.Claimed
			if !o.actor1.ok() {
				o.actor1 = d.actor1
			}
			d.actor2 = o.actor2
			break
		}
	}
	// coordinated verbs of saying share their counterpart (blamed X … and vowed)
	for i := range ds {
		d := &ds[i]
		if !d.kept() || !speechLike(d.class) || d.actor2.ok() {
			continue
		}
		cl := s.clauses[s.clauseOf(s.trigs[d.trig].first)]
		if cl.kind != clCoord {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if o := &ds[j]; o.kept() && speechLike(o.class) && s.clauseOf(s.trigs[o.trig].first) == cl.sibling && o.actor1.name == d.actor1.name {
				d.actor2 = o.actor2
				break
			}
		}
	}
	// a threat's target: who the condition names (would strike Beirut if Hezbollah …)
	for i := range ds {
		d := &ds[i]
		if !d.kept() || d.class != lexicon.ClassThreat {
			continue
		}
		h := &s.trigs[d.trig]
		for j := h.last; j < s.n() && j < h.last+16; j++ {
			if !s.toks[j].cues.has(lexicon.CueCond) || s.toks[j].ment >= 0 {
				continue
			}
			for k := j + 1; k < s.n() && k < j+5; k++ {
				if m := s.toks[k].ment; m >= 0 {
					if c := s.ments[m].chain; c >= 0 {
						d.actor2 = s.chainRef(c, "threatened")
					}
					break
				}
				if !s.isAdjectiveLike(k) {
					break
				}
			}
			break
		}
	}
	for i := range ds {
		d := &ds[i]
		if !d.kept() || d.class != lexicon.ClassSay {
			continue
		}
		h := &s.trigs[d.trig]
		cl := s.clauses[s.clauseOf(h.first)]
		// a second verb of saying for the same speaker continues the statement
		if cl.kind == clCoord {
			for j := i - 1; j >= 0; j-- {
				o := &ds[j]
				if o.kept() && speechLike(o.class) && s.clauseOf(s.trigs[o.trig].first) == cl.sibling && (o.actor1.name == d.actor1.name || !d.actor1.ok() || d.actor1.how == "coordinated") {
					d.absorbed, d.why = true, "continues the statement"
					if o.time < 0 && d.time >= 0 {
						o.time = d.time
					}
					break
				}
			}
			if !d.kept() {
				continue
			}
		}
		if !h.t.Source {
			continue
		}
		stmt := s.namesStatement(h)
		if s.trailing(ds, i) {
			if !stmt && s.openingQuote(h) == "" {
				d.absorbed, d.why = true, "names a source"
			}
			continue
		}
		if d.time >= 0 || stmt || s.quotedAfter(ds, i) {
			continue
		}
		d.absorbed, d.why = true, "names a source"
	}
}

// namesStatement reports whether "in a statement" (or a like phrase) goes
// with the verb of saying.
func (s *sent) namesStatement(h *trigHit) bool {
	for j := h.last; j < s.n() && j < h.last+6; j++ {
		if s.toks[j].cues.has(lexicon.CueStmt) {
			return true
		}
		if s.toks[j].time < 0 && !s.toks[j].cues.has(lexicon.CueStmt) && !s.isPunct(j) {
			break
		}
	}
	for j := h.first - 1; j >= 0 && j >= h.first-8; j-- {
		if s.toks[j].cues.has(lexicon.CueStmt) {
			return true
		}
	}
	return false
}

// trailing reports whether the verb of saying follows what it reports (…,
// the military said): another kept event comes before it in the sentence
// and none depends on it.
func (s *sent) trailing(ds []draft, i int) bool {
	for j := range ds {
		if ds[j].gov == i {
			return false
		}
	}
	h := &s.trigs[ds[i].trig]
	for j := h.last; j < s.n(); j++ {
		if c := s.toks[j].clause; c != s.clauseOf(h.first) && s.ancestor(s.clauseOf(h.first), c) && s.clauses[c].kind == clComp {
			return false
		}
	}
	for j := 0; j < i; j++ {
		if !ds[j].absorbed && !speechLike(ds[j].class) {
			return true
		}
	}
	// nothing before it but a reported clause: "Residents said dozens of families fled" has a clause
	return h.first > s.en.initial+3 && s.isPunct(h.first-1) || s.commaBeforeSubject(h)
}

// commaBeforeSubject reports whether a comma opens the subject of the verb
// of saying (…, U.S. officials said.).
func (s *sent) commaBeforeSubject(h *trigHit) bool {
	for j := h.first - 1; j >= s.en.initial && j >= h.first-8; j-- {
		if s.seg.Tokens[j].Text == "," {
			return h.last >= s.n()-1 || s.isPunct(h.last) || s.toks[h.last].time >= 0 || s.toks[h.last].cues.has(lexicon.CueStmt)
		}
		if s.toks[j].trig >= 0 {
			return false
		}
	}
	return false
}

// quotedAfter reports whether a direct quotation follows the verb of
// saying before the next verb of saying.
func (s *sent) quotedAfter(ds []draft, i int) bool {
	h := &s.trigs[ds[i].trig]
	end := s.n()
	for j := i + 1; j < len(ds); j++ {
		o := &s.trigs[ds[j].trig]
		if o.t.Class.Speech() && !o.t.Participle && ds[j].kept() && ds[j].class == lexicon.ClassSay {
			end = o.first
			break
		}
	}
	for _, q := range s.quotes {
		if q.open >= h.last && q.close <= end && !q.name && s.quoteWords(q) >= 2 {
			return true
		}
	}
	return false
}

// openingQuote returns the quotation that opens the sentence before its
// verb of saying ("We will not stop," the Houthi leader said), or "".
func (s *sent) openingQuote(h *trigHit) string {
	for _, q := range s.quotes {
		if q.open <= s.en.initial+1 && q.close < h.first && !q.name && s.quoteWords(q) >= 2 {
			txt := s.seg.Slice(q.open+1, q.close)
			return strings.TrimRight(txt, ",.;: ")
		}
	}
	return ""
}

// quoteWords counts the words of a quotation ("terrorist" is a scare quote
// of one word, not a quotation of someone's words).
func (s *sent) quoteWords(q quote) int {
	w := 0
	for j := q.open + 1; j < q.close; j++ {
		if !s.isPunct(j) {
			w++
		}
	}
	return w
}

// inheritTimesEN is inheritTimes, and a verb of saying coordinated with
// another (blamed … and vowed Sunday) shares its time.
func (s *sent) inheritTimesEN(ds []draft) {
	s.inheritTimes(ds)
	for i := range ds {
		d := &ds[i]
		if d.time >= 0 || !d.kept() || !speechLike(d.class) {
			continue
		}
		cl := s.clauseOf(s.trigs[d.trig].first)
		for j := range ds {
			o := &ds[j]
			if j == i || o.time < 0 || !speechLike(o.class) || !o.kept() {
				continue
			}
			ocl := s.clauseOf(s.trigs[o.trig].first)
			if s.clauses[ocl].kind == clCoord && s.clauses[ocl].sibling == cl || s.clauses[cl].kind == clCoord && s.clauses[cl].sibling == ocl {
				d.time, d.timeFrom = o.time, "shared"
				break
			}
		}
	}
}

// assignCountsEN completes the counts: a violent event whose object or
// subject is counted (struck 36 targets, attacks on three bases, two navy
// vessels had shelled) takes that number as its headline count rather
// than its casualties; casualties with no violent event go to an
// interception or a statement of the sentence (no casualties were
// reported, the command said).
func (s *sent) assignCountsEN(ds []draft) {
	used := map[int]bool{}
	for i := range ds {
		if ds[i].count >= 0 {
			used[ds[i].count] = true
		}
	}
	for i := range ds {
		d := &ds[i]
		if !d.kept() || !d.violent || d.count >= 0 && s.counts[d.count].Role == roleNone {
			continue
		}
		h := &s.trigs[d.trig]
		best, bd := -1, 1<<30
		for c := range s.counts {
			C := s.counts[c]
			if used[c] || s.cdrop[c] || C.Role != roleNone || C.Unit == "" || C.First < 0 || C.First >= s.n() {
				continue
			}
			if !s.ancestor(s.clauseOf(h.first), s.clauseOf(C.First)) && s.clauseOf(C.First) != s.clauseOf(h.first) {
				continue
			}
			dd := C.First - h.last
			switch {
			case C.First >= h.last && dd <= 6:
			case C.Last <= h.first && h.first-C.Last <= 4 && h.verb:
				dd = h.first - C.Last
			default:
				continue
			}
			if dd < bd {
				best, bd = c, dd
			}
		}
		if best >= 0 {
			d.count = best
			used[best] = true
		}
	}
	// no casualties were reported: a stated zero is the count of the event it goes to
	for i := range ds {
		d := &ds[i]
		if !d.kept() || d.count >= 0 || d.fatal == nil || d.injured == nil || *d.fatal != 0 || *d.injured != 0 {
			continue
		}
		for c := range s.counts {
			if C := s.counts[c]; C.Role == roleCasualties && C.Value == 0 && !s.cdrop[c] {
				d.count = c
				used[c] = true
				break
			}
		}
	}
	// attacked more than 160 times: the count of attacks
	for i := range ds {
		d := &ds[i]
		if !d.kept() || !d.violent || d.count >= 0 {
			continue
		}
		h := &s.trigs[d.trig]
		for c := range s.counts {
			C := &s.counts[c]
			if used[c] || C.Unit != "" || C.Role != roleNone || C.Last >= s.n() || C.First < h.last || C.First-h.last > 2 {
				continue
			}
			if w := s.norm(C.Last); w == "times" || w == "time" {
				C.Unit = "attack"
				if d.class == lexicon.ClassStrike {
					C.Unit = "strike"
				}
				d.count = c
				used[c] = true
				break
			}
		}
	}
	// casualties where no violent event is
	violent := false
	for i := range ds {
		if ds[i].kept() && ds[i].violent {
			violent = true
		}
	}
	if violent {
		return
	}
	for c := range s.counts {
		C := s.counts[c]
		if C.Role == roleNone || s.cdrop[c] {
			continue
		}
		target := -1
		for i := range ds {
			if ds[i].kept() && ds[i].class == lexicon.ClassIntercept {
				target = i
				break
			}
		}
		if target < 0 {
			for i := range ds {
				if ds[i].kept() && speechLike(ds[i].class) {
					target = i
					break
				}
			}
		}
		if target < 0 {
			continue
		}
		d := &ds[target]
		v := C.Value
		switch C.Role {
		case roleKilled:
			d.fatal = &v
		case roleWounded:
			d.injured = &v
		case roleCasualties:
			if v == 0 {
				z1, z2 := 0, 0
				d.fatal, d.injured = &z1, &z2
			}
		}
		if d.count < 0 {
			d.count = c
		}
	}
}

// locateEN is locate, and a place the gazetteer lacks takes its country
// from the known places of the sentence, else from the article so far.
func (s *sent) locateEN(d *draft, mem *memory) {
	if speechLike(d.class) && d.class != lexicon.ClassClaim && !d.violent {
		// a statement's place only when the text gives it: said in Baghdad
		h := &s.trigs[d.trig]
		for j := h.last; j < s.n() && j < h.last+3; j++ {
			if k := s.toks[j].ment; k >= 0 {
				if m := &s.ments[k]; m.isPlace && m.pp == lexicon.CueLoc && m.place != nil {
					d.place = m.place
				}
				break
			}
		}
		return
	}
	s.placesOfClause(d)
	if d.place != nil || d.placeText != "" {
		// talks on the future of the coalition in Iraq: a place inside the topic is not the event's
		h := &s.trigs[d.trig]
		for j := h.last; j < s.n(); j++ {
			if s.toks[j].cues.has(lexicon.CueAbout) && s.toks[j].cueHead && s.clauseOf(j) == s.clauseOf(h.first) {
				topicOnly := true
				for k := range s.ments {
					if m := &s.ments[k]; m.isPlace && m.first < j && s.clauseOf(m.first) == s.clauseOf(h.first) {
						topicOnly = false
					}
				}
				if topicOnly {
					d.place, d.placeText, d.placeCC = nil, "", ""
				}
				break
			}
		}
	}
	if d.placeText != "" && d.placeCC == "" {
		var known []*lexicon.Place
		for k := range s.ments {
			if m := &s.ments[k]; m.isPlace && m.place != nil {
				known = append(known, m.place)
			}
		}
		if p := s.commonPlace(known); p != nil {
			d.placeCC = p.Country
		} else {
			d.placeCC = enMem(mem).country
		}
	}
}

// placesOfClause sets the event's place from the places named in its own
// clause (English coordinates clauses with their own places: "fired at
// northern Israel, and the army responded with strikes in south Lebanon"):
// the deepest of nested places, else the country that holds them all. A
// place after "to" or "into" is where a movement or a raid goes; a clause
// opened by "where" happened at the place it follows (at Harir air base,
// where troops are stationed).
func (s *sent) placesOfClause(d *draft) {
	h := &s.trigs[d.trig]
	cl := s.clauseOf(h.first)
	// its clause, and those of the words merged into it (… killed 30 people
	// in Kidal): a few, on the stack
	var ownBuf [8]int
	own := append(ownBuf[:0], cl)
	for k := range s.trigs {
		if s.trigs[k].mergedInto == d.trig {
			own = append(own, s.clauseOf(s.trigs[k].first))
		}
	}
	var known []*lexicon.Place
	fallback := ""
	for k := range s.ments {
		m := &s.ments[k]
		mc := s.clauseOf(m.first)
		if !m.isPlace || !slices.Contains(own, mc) || s.afterTopicEN(m.first) || s.inTopicOf(m.first, mc) {
			continue
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
	if len(known) == 0 && fallback == "" {
		if c := s.clauses[cl]; c.kind == clRel && c.opener > 0 && s.norm(c.opener) == "where" {
			// the head of the locative phrase before "where": at Harir air base north of Erbil
			head := -1
			for j := c.opener - 1; j >= 0; j-- {
				t := &s.toks[j]
				if k := t.ment; k >= 0 && s.ments[k].isPlace {
					head = k
					j = s.ments[k].first
					continue
				}
				if s.isPunct(j) || t.cues.has(lexicon.CueLoc) || s.norm(j) == "of" || s.isAdjectiveLike(j) && t.time < 0 {
					continue
				}
				break
			}
			if head >= 0 {
				if s.ments[head].place != nil {
					known = append(known, s.ments[head].place)
				} else {
					fallback = s.textOf(&s.ments[head])
				}
			}
		}
	}
	p := s.commonPlace(known)
	if fallback != "" {
		d.placeText = fallback
		if p != nil {
			d.placeCC = p.Country
		}
		return
	}
	d.place = p
}

// afterTopicEN reports whether a topic preposition (about, on the future
// of) governs token i in its clause: a place there is what is talked about.
func (s *sent) afterTopicEN(i int) bool {
	if !s.cueAll.has(lexicon.CueAbout) {
		return false // no word of the sentence has the class
	}
	cl := s.clauseOf(i)
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		t := &s.toks[j]
		if t.clause != cl {
			return false
		}
		if t.cueHead && t.cues.has(lexicon.CueAbout) && t.ment < 0 && t.count < 0 {
			return true
		}
	}
	return false
}

// finishEN completes the English drafts: a claim takes the place of the
// attack it claims; a crowd is counted in protesters.
func (s *sent) finishEN(ds []draft) {
	for i := range ds {
		d := &ds[i]
		if !d.kept() {
			continue
		}
		if d.typ == events.Claim && d.place == nil && d.placeText == "" {
			for j := range ds {
				o := &ds[j]
				if o.kept() && o.ctx == events.Claimed && (o.place != nil || o.placeText != "") {
					d.place, d.placeText, d.placeCC = o.place, o.placeText, o.placeCC
					break
				}
			}
		}
		if d.typ == events.Protest && d.count >= 0 && s.counts[d.count].Unit == "person" {
			s.counts[d.count].Unit = "protester"
		}
	}
}

// memoryEN remembers the last subject of an event and the last two
// parties named together.
func (s *sent) memoryEN(mem *memory, ds []draft) {
	em := enMem(mem)
	for c := range s.chains {
		if s.secondConjunct(c) >= 0 && s.usableChain(c) {
			em.pair = s.chainRef(c, "both sides")
			em.pair.ment = -1
			em.lastPair = &em.pair
			break
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.kept() && d.actor1.ok() && d.actor1.how != "last speaker" {
			em.subject = d.actor1
			em.subject.ment = -1
			em.lastSubject = &em.subject
		}
	}
}

// rememberEN remembers the last armed forces and the last country a
// sentence names, events or not.
func (s *sent) rememberEN(mem *memory) {
	em := enMem(mem)
	for k := range s.ments {
		m := &s.ments[k]
		if m.isPlace && m.place != nil && m.place.Country != "" {
			em.country = m.place.Country
			if m.place.Kind == lexicon.City && !m.anaphor {
				em.lastCity = m.place
			}
		}
		if m.actor == nil || m.isPlace || m.anaphor {
			continue
		}
		if m.actor.Kind == lexicon.Organisation && m.actor.StateOf() != nil && isForceName(strings.ToLower(s.textOf(m))) {
			em.army = ref{actor: m.actor, name: m.actor.Name, ment: -1}
			em.lastArmy = &em.army
		}
	}
}

// isForceName reports whether a name as written names armed forces
// (Myanmar's military, the Israeli army, Malian soldiers).
func isForceName(t string) bool {
	for _, w := range []string{"army", "military", "armed forces", "soldiers", "troops", "defense forces", "defence forces"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// meansNearEN returns the weapons named around a trigger: three words
// before it and, after it, the rest of its clause up to another violent
// trigger (attacked a position near the town with guided missiles).
func (s *sent) meansNearEN(h *trigHit) meansSet {
	if s.cueAll&meansCues == 0 {
		return 0 // the sentence names no weapon
	}
	var m meansSet
	cl := s.clauseOf(h.first)
	n := s.n()
	add := func(i int) {
		c := s.toks[i].cues
		if c.has(lexicon.CueDrone) {
			m |= meansDrone
		}
		if c.any(1<<lexicon.CueRocket | 1<<lexicon.CueMissile | 1<<lexicon.CueArtillery) {
			m |= meansRocket
		}
		if c.has(lexicon.CueAir) && !c.has(lexicon.CueDrone) {
			m |= meansAir
		}
		if c.has(lexicon.CueBomb) {
			m |= meansBomb
		}
	}
	for i := max(h.first-3, s.en.initial); i < h.first; i++ {
		if s.toks[i].clause == cl && s.toks[i].ment < 0 {
			add(i)
		}
	}
	for i := h.first; i < n && i < h.last+16; i++ {
		t := &s.toks[i]
		if t.clause != cl && !s.ancestor(cl, t.clause) || s.clauses[t.clause].kind == clBound {
			break
		}
		if i >= h.last && t.trig >= 0 && s.trigs[t.trig].verb && s.trigs[t.trig].t.Class.Violent() && !s.trigs[t.trig].dropped && s.trigs[t.trig].mergedInto < 0 {
			break // another violent verb: its weapons are its own
		}
		if i >= h.last && s.isPunct(i) && s.seg.Tokens[i].Text == "," {
			break
		}
		if t.ment < 0 {
			add(i)
		}
	}
	return m
}
