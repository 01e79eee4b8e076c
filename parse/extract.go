package parse

import (
	"math"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
)

// memory is what the parser remembers from one sentence to the next within
// an article: who spoke last (for "وقال" without a subject) and the last
// group named (for "هذه الجماعات").
type memory struct {
	lastSpeaker *ref
	lastGroup   *ref
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
	for i := range ds {
		s.ownRoles(&ds[i])
		// a verb merged into a noun (غارات جوية استهدفت مواقع …) brings its object
		for k := range s.trigs {
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
	s.inheritTimes(ds)
	s.assignCounts(ds)
	for i := range ds {
		if ds[i].kept() {
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
	for k := range s.ments {
		m := &s.ments[k]
		for i := m.first; i < m.last; i++ {
			if c := s.toks[i].unit; c >= 0 && s.counts[c].Role != roleNone {
				m.victim = true
			}
			if c := s.toks[i].count; c >= 0 && s.counts[c].Role != roleNone {
				m.victim = true
			}
			if s.toks[i].cues.has(lexicon.CueVictim) {
				m.victim = true
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
		case c.pron && c.parent >= 0:
			if j := s.draftIn(ds, i, c.parent); j >= 0 && ds[j].actor1.ok() {
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
				if d.actor2.ment >= 0 {
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
		if speechLike(d.class) || d.class == lexicon.ClassMeet {
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
		if h.verb {
			if r := s.fallbackNP(h.last); r.ok() && !s.isVictimNP(h.last) {
				d.actor1 = r
				continue
			}
		}
		if r := s.clauseStartNP(h); r.ok() {
			d.actor1 = r
		}
	}
}

// isVictimNP reports whether the phrase at token i is counted as casualties.
func (s *sent) isVictimNP(i int) bool {
	for ; i < s.n() && s.toks[i].time >= 0; i++ {
	}
	return i < s.n() && (s.toks[i].unit >= 0 || s.toks[i].count >= 0 || s.toks[i].cues.has(lexicon.CueVictim))
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
		t := s.toks[j]
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
		for i := range ds {
			if ds[i].absorbed {
				continue
			}
			h := &s.trigs[ds[i].trig]
			if s.inLongQuote(h.first) != qx || s.clauseOf(h.first) != clX {
				continue
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
		if best >= 0 && (ds[best].time < 0 || bd < dist[best]) {
			ds[best].time, dist[best] = x, bd
		}
	}
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
	for j := 0; j < n; j++ {
		t := s.toks[j]
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
			for i := range ds {
				h := &s.trigs[ds[i].trig]
				if h.first > j && s.ancestor(t.clause, s.clauseOf(h.first)) {
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
	for i := range ds {
		d := &ds[i]
		if d.absorbed || d.gov < 0 {
			if d.class == lexicon.ClassOperation && !d.absorbed {
				d.absorbed, d.why = true, "an operation not claimed nor denied"
			}
			continue
		}
		g := &ds[d.gov]
		T := &s.trigs[d.trig]
		G := &s.trigs[g.trig]
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
			if !T.verb || sameClause {
				d.absorbed, d.why = true, "the topic of a "+g.class.String()
			} else {
				d.hypo = true
			}
		case lexicon.ClassSay, lexicon.ClassAnnounce:
			group := g.actor1.actor != nil && g.actor1.actor.Kind == lexicon.Group
			self := !d.actor1.ok() || d.actor1.name == g.actor1.name || d.actor1.how == "pronoun"
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
					if !d.actor1.ok() {
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
				}
				continue
			}
			if armed && group && self && g.kept() {
				g.class = lexicon.ClassClaim
				d.ctx = events.Claimed
				d.actor1 = g.actor1
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
		}
	}
}

// inheritTimes lets an event without a time share the time of another
// event of its clause or of a clause coordinated with it — never the time of
// a verb of saying, nor across a quotation.
func (s *sent) inheritTimes(ds []draft) {
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
		case "attack", "strike", "airstrike", "raid", "rocket", "missile", "drone", "shell", "mortar", "bomb", "operation", "round", "projectile":
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
		if !m.isPlace || s.clauseOf(m.first) != cl {
			continue
		}
		if speechLike(d.class) && m.first > h.first {
			continue
		}
		if m.fallback {
			if fallback == "" {
				fallback = m.text
			}
			continue
		}
		if m.place != nil {
			known = append(known, m.place)
		}
	}
	p := commonPlace(known)
	if fallback != "" {
		d.placeText = fallback
		if p != nil {
			d.placeCC = p.Country
		}
		return
	}
	d.place = p
}

// commonPlace returns the deepest place when the others contain it, else
// the deepest place containing them all, else nil.
func commonPlace(ps []*lexicon.Place) *lexicon.Place {
	if len(ps) == 0 {
		return nil
	}
	deep := ps[0]
	for _, p := range ps[1:] {
		if p.Depth() > deep.Depth() {
			deep = p
		}
	}
	chain := true // the others contain the deepest: it is the place
	for _, p := range ps {
		if !p.Contains(deep) {
			chain = false
			break
		}
	}
	if chain {
		return deep
	}
	for x := deep; x != nil; x = x.ParentPlace() {
		all := true
		for _, p := range ps {
			if !x.Contains(p) {
				all = false
				break
			}
		}
		if all {
			return x
		}
	}
	return nil
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
	case d.class == lexicon.ClassStrike && !h.verb && !d.actor1.ok():
		d.typ = events.Airstrike // غارات، ضربات by nobody named
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
		case d.time >= 0 && !anchor.IsZero():
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
		if d.kept() && (speechLike(d.class) || d.typ == events.Claim) && d.actor1.ok() {
			r := d.actor1
			mem.lastSpeaker = &r
			break
		}
	}
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := &s.ments[k]
		if m.actor != nil && m.actor.Kind == lexicon.Group && !m.isPlace {
			mem.lastGroup = &ref{actor: m.actor, name: m.actor.Name, ment: -1}
			return
		}
	}
	for i := len(ds) - 1; i >= 0; i-- {
		d := &ds[i]
		if d.kept() && d.violent && d.actor1.ok() && d.actor1.actor == nil {
			r := d.actor1
			r.ment = -1
			mem.lastGroup = &r
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
