package parse

import (
	"strings"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
)

// meansSet is the set of weapons named around a violent trigger.
type meansSet uint8

const (
	meansDrone meansSet = 1 << iota
	meansRocket
	meansAir
	meansBomb
)

// draft is an event under construction: one kept trigger and what the
// rules attached to it.
type draft struct {
	trig        int
	class       lexicon.TriggerClass
	violent     bool // a violent class, or a launch of weapons
	actor1      ref
	actor2      ref
	gov         int  // governing draft (a verb of saying, claiming …), or -1
	claimVerb   int  // for a claim noun (مسؤوليته): the verb that announces it, or -1
	absorbed    bool // not an event of its own (a topic, or merged into its governor)
	collapsed   bool // a report verb whose nominal complement is the event
	time        int  // time expression, or -1
	timeFrom    string
	future      bool
	hypo        bool
	ctx         events.Context
	count       int // headline count, or -1
	fatal       *int
	injured     *int
	quote       string
	means       meansSet
	place       *lexicon.Place
	placeText   string // a place the gazetteer lacks, as written
	placeCC     string // its country, when the text gives one
	typ         events.EventType
	withdrawal  bool
	triggerText string
	conf        float64
	why         string // why the draft is not an event, for explain
}

func (d *draft) kept() bool { return !d.absorbed && !d.collapsed }

// governs reports whether a class takes other events as its complement.
func governs(c lexicon.TriggerClass) bool {
	switch c {
	case lexicon.ClassClaim, lexicon.ClassSay, lexicon.ClassAnnounce, lexicon.ClassDeny, lexicon.ClassThreat,
		lexicon.ClassDemand, lexicon.ClassMeet:
		return true
	}
	return false
}

// filterTriggers drops the triggers that make no event: background
// (على خلفية الحرب), inside direct speech, unmet needs (نشر بيانا), negated
// (لم تقع هجمات), topics (محادثات بشأن الانسحاب); merges violent triggers
// that name one event (هجوماً صاروخياً وغارة بطائرات; غارات استهدفت).
func (s *sent) filterTriggers() {
	for k := range s.trigs {
		h := &s.trigs[k]
		cl := s.clauseOf(h.first)
		switch {
		case s.clauses[cl].kind == clBound:
			h.dropped, h.why = true, "background"
		case s.inLongQuote(h.first) >= 0:
			q := s.inLongQuote(h.first)
			h.inQuote = q
			if !s.reportedQuote(q, h) {
				h.dropped, h.why = true, "inside a quotation"
			}
		case h.t.Needs == lexicon.NeedForce && !s.forceNear(h):
			h.dropped, h.why = true, "no forces named"
		case h.t.Needs == lexicon.NeedMeans && s.meansNear(h) == 0:
			h.dropped, h.why = true, "no weapon named"
		case s.negated(h):
			h.dropped, h.why = true, "negated"
		case s.topic(h):
			h.dropped, h.why = true, "a topic"
		}
	}
	s.mergeViolent()
}

// reportedQuote reports whether a trigger inside a long quotation is what a
// report verb reports: the quotation's first word after بـ or عن
// (أفاد بيان ب"إسقاط طائرة مسيرة …").
func (s *sent) reportedQuote(q int, h *trigHit) bool {
	qq := s.quotes[q]
	if h.first != qq.open+1 || qq.open == 0 {
		return false
	}
	if j := qq.open - 1; !(s.toks[j].prepB && s.norm(j) == "ب" || s.norm(j) == "عن") {
		return false
	}
	for k := range s.trigs {
		t := &s.trigs[k]
		if t.last <= qq.open && t.t.Report && !t.dropped {
			return true
		}
	}
	return false
}

// forceNear reports whether forces are named near a deployment trigger: a
// force noun, a demonym, or a count of soldiers.
func (s *sent) forceNear(h *trigHit) bool {
	cl := s.clauseOf(h.first)
	for i := max(h.first-3, 0); i < min(h.last+8, s.n()); i++ {
		if s.toks[i].clause != cl && !s.ancestor(cl, s.toks[i].clause) {
			continue
		}
		if s.toks[i].cues.has(lexicon.CueForce) && s.toks[i].time < 0 {
			return true
		}
		if k := s.toks[i].ment; k >= 0 && s.ments[k].demonym {
			return true
		}
		if c := s.toks[i].count; c >= 0 && (s.counts[c].Unit == "soldier" || s.counts[c].Unit == "troop") {
			return true
		}
	}
	return false
}

// meansNear returns the weapons named around a trigger, in its clause: two
// words before it to six after.
func (s *sent) meansNear(h *trigHit) meansSet {
	if s.lang == "en" {
		return s.meansNearEN(h)
	}
	var m meansSet
	cl := s.clauseOf(h.first)
	for i := max(h.first-2, 0); i < min(h.last+6, s.n()); i++ {
		if s.toks[i].clause != cl && !s.ancestor(cl, s.toks[i].clause) || s.toks[i].ment >= 0 {
			continue
		}
		if i >= h.last && s.toks[i].cues.any(lexicon.CueAgainst, lexicon.CueComp, lexicon.CueConj) {
			break
		}
		c := s.toks[i].cues
		if c.has(lexicon.CueDrone) {
			m |= meansDrone
		}
		if c.any(lexicon.CueRocket, lexicon.CueMissile, lexicon.CueArtillery) {
			m |= meansRocket
		}
		if c.has(lexicon.CueAir) && !c.has(lexicon.CueDrone) {
			m |= meansAir
		}
		if c.has(lexicon.CueBomb) {
			m |= meansBomb
		}
	}
	return m
}

// negated reports whether a negation governs the trigger: لم/لن/لا/عدم
// right before it, or with a verb of occurring between (لم تسجل أي هجمات).
func (s *sent) negated(h *trigHit) bool {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-4; j-- {
		t := s.toks[j]
		if t.clause != cl || t.trig >= 0 || s.isPunct(j) || t.ment >= 0 {
			return false
		}
		if t.cues.has(lexicon.CueShield) {
			return false
		}
		if t.cues.has(lexicon.CueNeg) {
			if s.norm(j) == "غير" && j != h.first-1 {
				return false
			}
			return true
		}
		if t.cues != 0 && !t.cues.any(lexicon.CueExist, lexicon.CueSupport, lexicon.CueFuture) {
			return false
		}
	}
	return false
}

// topic reports whether a nominal trigger is the topic of talks or of a
// statement (محادثات بشأن الانسحاب، يتعلق بمفاوضات), not an event.
func (s *sent) topic(h *trigHit) bool {
	if h.verb {
		return false
	}
	j := h.first - 1
	if j >= 0 && s.toks[j].prepB {
		j--
	}
	if j < 0 || !s.toks[j].cues.has(lexicon.CueAbout) {
		return false
	}
	return s.norm(j) != "عن"
}

// mergeViolent merges violent triggers that name one event.
func (s *sent) mergeViolent() {
	prev := -1
	hasOther := false
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped || !h.t.Class.Violent() {
			continue
		}
		if h.t.Class != lexicon.ClassCasualty {
			hasOther = true
		}
		if prev >= 0 && s.mergeable(&s.trigs[prev], h) {
			h.dropped, h.why, h.mergedInto = true, "same event", prev
			continue
		}
		prev = k
	}
	if !hasOther {
		return
	}
	// casualty words only add casualties to the violent event they report
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped || h.t.Class != lexicon.ClassCasualty {
			continue
		}
		best, dist := -1, 1<<30
		for j := range s.trigs {
			o := &s.trigs[j]
			if o.dropped || !o.t.Class.Violent() || o.t.Class == lexicon.ClassCasualty {
				continue
			}
			if d := abs(o.first - h.first); d < dist {
				best, dist = j, d
			}
		}
		if best >= 0 {
			h.dropped, h.why, h.mergedInto = true, "casualties of another event", best
		}
	}
}

func (s *sent) mergeable(a, b *trigHit) bool {
	if s.clauseOf(a.first) != s.clauseOf(b.first) || b.first-a.last > 4 || b.first < a.last {
		return false
	}
	if a.t.Class == lexicon.ClassCasualty || b.t.Class == lexicon.ClassCasualty {
		return false
	}
	instrument := b.clitics.Prep == 'ب' || b.first > 0 && s.toks[b.first-1].prepB
	for i := a.last; i < b.first; i++ {
		t := s.toks[i]
		if s.isPunct(i) || t.cues.any(lexicon.CueComp, lexicon.CueCompPron, lexicon.CueRel, lexicon.CueConj, lexicon.CueAgainst, lexicon.CueSupport) {
			return false
		}
		if k := t.ment; k >= 0 && !s.ments[k].demonym && !instrument {
			return false
		}
	}
	switch {
	case !a.verb && !b.verb && b.clitics.Conj == 'و':
		return true // هجوماً صاروخياً وغارة بطائرات
	case !a.verb && b.verb:
		return true // غارات جوية استهدفت
	case a.verb && !b.verb && instrument:
		return true // استهدفت … بغارة
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// makeDrafts turns the kept triggers into drafts, finds their governors and
// the claim nouns' verbs.
func (s *sent) makeDrafts() []draft {
	var ds []draft
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped {
			continue
		}
		d := draft{trig: k, class: h.t.Class, gov: -1, claimVerb: -1, time: -1, count: -1, ctx: events.Reported}
		d.violent = h.t.Class.Violent()
		if h.t.Class == lexicon.ClassLaunch {
			d.violent = s.weaponAfter(h)
		}
		ds = append(ds, d)
	}
	// claim nouns need a verb of announcing or claiming before them in their clause
	for i := range ds {
		h := &s.trigs[ds[i].trig]
		if h.t.Needs != lexicon.NeedGovernor {
			continue
		}
		g := -1
		for j := i - 1; j >= 0; j-- {
			o := &s.trigs[ds[j].trig]
			if ds[j].kept() && s.clauseOf(o.first) == s.clauseOf(h.first) &&
				(o.t.Class == lexicon.ClassAnnounce || o.t.Class == lexicon.ClassSay || o.t.Class == lexicon.ClassClaim) {
				g = j
				break
			}
		}
		if g < 0 {
			ds[i].absorbed, ds[i].why = true, "no verb of claiming"
			continue
		}
		ds[g].absorbed, ds[g].why = true, "claims responsibility"
		ds[i].claimVerb = g
	}
	// a participle of saying continues the statement before it (وقال …، مضيفاً)
	for i := range ds {
		if !s.trigs[ds[i].trig].t.Participle {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if ds[j].class == lexicon.ClassSay || ds[j].class == lexicon.ClassDeny || ds[j].class == lexicon.ClassAnnounce {
				ds[i].absorbed, ds[i].why = true, "continues the statement"
				break
			}
		}
	}
	for i := range ds {
		if ds[i].absorbed || ds[i].claimVerb >= 0 {
			continue
		}
		h := &s.trigs[ds[i].trig]
		for j := i - 1; j >= 0; j-- {
			o := &s.trigs[ds[j].trig]
			if !governs(o.t.Class) || ds[j].absorbed {
				continue
			}
			if s.trigs[ds[j].trig].t.Participle {
				continue
			}
			if s.ancestor(s.clauseOf(o.first), s.clauseOf(h.first)) {
				ds[i].gov = j
				break
			}
		}
	}
	return ds
}

// weaponAfter reports whether a launch trigger (أطلق) has weapons for
// object: rockets, drones, missiles, shells.
func (s *sent) weaponAfter(h *trigHit) bool {
	return s.meansNear(h)&(meansDrone|meansRocket) != 0
}

// takesObject reports whether a verb's direct object fills actor2.
func takesObject(c lexicon.TriggerClass) bool {
	switch c {
	case lexicon.ClassAttack, lexicon.ClassStrike, lexicon.ClassShell, lexicon.ClassMeet, lexicon.ClassDemand,
		lexicon.ClassThreat, lexicon.ClassBomb, lexicon.ClassCasualty, lexicon.ClassLaunch, lexicon.ClassClash:
		return true
	}
	return false
}

// ownRoles fills actor1 and actor2 from the trigger's own surroundings.
func (s *sent) ownRoles(d *draft) {
	h := &s.trigs[d.trig]
	self := d.trig
	subj := -1
	if h.verb {
		c, end := s.subjectAfter(h, self)
		if c >= 0 {
			subj = c
			d.actor1 = s.chainRef(c, "subject")
		}
		if takesObject(d.class) {
			from := end
			if c < 0 {
				from = h.last
			}
			if o := s.objectAfter(h, from, self, subj); o >= 0 {
				d.actor2 = s.chainRef(o, "object")
			}
			if !d.actor2.ok() && c >= 0 && h.suffix == "" && s.clauses[s.clauseOf(h.first)].pron {
				// after أنها/إنه the subject is the pronoun: the phrase after the verb is the object
				d.actor2, d.actor1 = d.actor1, ref{}
				d.actor2.how = "object"
				subj = -1
			}
		}
	} else {
		g := s.genitiveAfter(h)
		if g >= 0 {
			if h.t.Object || h.suffix != "" {
				if takesObject(d.class) || d.class == lexicon.ClassIntercept {
					d.actor2 = s.chainRef(g, "object")
				}
			} else {
				d.actor1 = s.chainRef(g, "genitive")
				subj = g
			}
		}
		if g < 0 && !d.actor1.ok() && h.suffix == "" && !h.t.Object {
			if r := s.genitiveNP(h); r.ok() {
				d.actor1 = r
			}
		}
		if g < 0 && !d.actor2.ok() && h.t.Object && takesObject(d.class) {
			if r := s.genitiveNP(h); r.ok() {
				r.how = "object"
				d.actor2 = r
			}
		}
		if !d.actor1.ok() && h.suffix == "" {
			if c := s.supportSubject(h); c >= 0 {
				d.actor1 = s.chainRef(c, "subject of "+s.seg.Tokens[s.chains[c].first].Text)
				d.actor1.how = "subject"
				subj = c
			}
		}
		if !d.actor1.ok() && h.suffix == "" {
			if c := s.subjectBefore(h); c >= 0 {
				d.actor1 = s.chainRef(c, "before")
				subj = c
			}
		}
	}
	// a verb with an object pronoun in a relative clause: the pronoun is the
	// antecedent (التحالف الدولي الذي أطلقته واشنطن)
	if h.verb && h.suffix != "" && !d.actor2.ok() {
		if c := s.clauses[s.clauseOf(h.first)]; c.kind == clRel && c.opener > 0 {
			if k := s.toks[c.opener-1].ment; k >= 0 && s.ments[k].chain >= 0 && s.ments[k].chain != subj {
				d.actor2 = s.chainRef(s.ments[k].chain, "antecedent")
			}
		}
	}
	// بين X وY: both sides
	if (d.class == lexicon.ClassMeet || d.class == lexicon.ClassClash) && !d.actor2.ok() {
		if c := s.afterWord(h, "بين"); c >= 0 {
			if !d.actor1.ok() {
				d.actor1 = s.chainRef(c, "between")
				subj = c
			}
			if c+1 < len(s.chains) && s.chains[c+1].coord {
				d.actor2 = s.chainRef(c+1, "between")
			}
		}
	}
	if !d.actor2.ok() {
		switch d.class {
		case lexicon.ClassMeet:
			if c := s.afterPrep(h, h.last, lexicon.CueWith); c >= 0 && c != subj {
				d.actor2 = s.chainRef(c, "with")
			}
		case lexicon.ClassDemand, lexicon.ClassThreat:
			if c := s.afterPrep(h, h.last, lexicon.CueAgainst, lexicon.CueTo, lexicon.CueWith, 0); c >= 0 && c != subj {
				d.actor2 = s.chainRef(c, "asked")
			} else if c := s.firstChainAfter(h, subj); c >= 0 {
				d.actor2 = s.chainRef(c, "asked")
			}
		case lexicon.ClassSay, lexicon.ClassDeny, lexicon.ClassDeploy, lexicon.ClassWithdraw, lexicon.ClassIntercept:
		default:
			if c := s.afterPrep(h, h.last, lexicon.CueAgainst); c >= 0 && c != subj {
				d.actor2 = s.chainRef(c, "against")
			}
		}
	}
	if !d.actor2.ok() && d.violent {
		// victims: ثلاثة جنود أميركيين قتلوا
		for k := range s.ments {
			m := &s.ments[k]
			if m.victim && m.chain >= 0 && s.ancestor(s.clauseOf(h.first), s.clauseOf(m.first)) {
				d.actor2 = s.refOf(k, "victims")
				break
			}
		}
	}
	if !d.actor2.ok() && d.violent && (h.verb && takesObject(d.class) || d.class == lexicon.ClassAttack || d.class == lexicon.ClassStrike) {
		if j := s.prepWordAfter(h, lexicon.CueAgainst); j >= 0 {
			if r := s.fallbackNP(j + 1); r.ok() {
				r.how = "against"
				d.actor2 = r
			}
		}
	}
}

// supportSubject finds the subject of the light verb before a noun trigger
// (شنّت الجماعات … هجوماً، نفّذت واشنطن ضربات): a chain between them.
func (s *sent) supportSubject(h *trigHit) int {
	cl := s.clauseOf(h.first)
	sv := -1
	for j := h.first - 1; j >= 0 && j >= h.first-12; j-- {
		if s.toks[j].clause != cl {
			break
		}
		if s.toks[j].cueHead && s.toks[j].cues.has(lexicon.CueSupport) && s.toks[j].ment < 0 {
			sv = j
			break
		}
		if t := s.toks[j].trig; t >= 0 && s.trigs[t].verb {
			sv = j
			break
		}
	}
	if sv < 0 {
		return -1
	}
	for c := range s.chains {
		ch := &s.chains[c]
		if ch.first > sv && ch.last <= h.first {
			m := &s.ments[ch.ments[0]]
			if !s.ments[ch.best].victim && m.pp == 0 && !m.ppPrepB && !s.ments[ch.best].isPlace {
				return c
			}
		}
	}
	return -1
}

// afterWord finds the chain right after the word w following the trigger.
func (s *sent) afterWord(h *trigHit, w string) int {
	for j := h.last; j < s.n() && j < h.last+4; j++ {
		if s.norm(j) == w && j+1 < s.n() {
			if k := s.toks[j+1].ment; k >= 0 && s.ments[k].chain >= 0 {
				return s.ments[k].chain
			}
		}
	}
	return -1
}

// prepWordAfter returns the token of a preposition of class c after the
// trigger in its clause, or -1.
func (s *sent) prepWordAfter(h *trigHit, c lexicon.CueClass) int {
	cl := s.clauseOf(h.first)
	for j := h.last; j < s.n() && j < h.last+10; j++ {
		if s.toks[j].clause != cl || s.isPunct(j) && !isQuoteMark(s.seg.Tokens[j].Text) {
			return -1
		}
		if s.toks[j].cues.has(c) && s.toks[j].cueHead && s.toks[j].ment < 0 {
			return j
		}
	}
	return -1
}

// firstChainAfter returns the first chain after the trigger in its clause
// or the clauses under it, other than skip.
func (s *sent) firstChainAfter(h *trigHit, skip int) int {
	cl := s.clauseOf(h.first)
	for c := range s.chains {
		ch := &s.chains[c]
		if ch.first < h.last || c == skip || s.ments[ch.best].isPlace {
			continue
		}
		if !s.ancestor(cl, s.clauseOf(ch.first)) {
			continue
		}
		return c
	}
	return -1
}

// triggerText is the trigger as written.
func (s *sent) triggerText(d *draft) string {
	h := &s.trigs[d.trig]
	return s.seg.Slice(h.first, h.last)
}

// quotesAfter joins the quotations that follow a statement's verb, up to
// the next verb of saying that is not its participle.
func (s *sent) quotesAfter(ds []draft, i int) string {
	h := &s.trigs[ds[i].trig]
	end := s.n()
	for j := i + 1; j < len(ds); j++ {
		o := &s.trigs[ds[j].trig]
		if (o.t.Class.Speech() || o.t.Class == lexicon.ClassClaim) && !o.t.Participle && ds[j].kept() {
			end = o.first
			break
		}
	}
	var parts []string
	for _, q := range s.quotes {
		if q.open < h.last || q.close > end || q.name || q.close-q.open < 2 {
			continue
		}
		parts = append(parts, s.seg.Slice(q.open+1, q.close))
	}
	if len(parts) > 0 {
		return strings.Join(parts, " … ")
	}
	// indirect speech: the clause after أن/إن, as written
	for j := h.last; j < end && j < h.last+12; j++ {
		if s.toks[j].cueHead && s.toks[j].cues.any(lexicon.CueComp, lexicon.CueCompPron) {
			start := j + 1
			if s.toks[j].cues.has(lexicon.CueCompPron) {
				start = j
			}
			stop := end
			for stop > start && s.isPunct(stop-1) {
				stop--
			}
			if start < stop {
				txt := s.seg.Slice(start, stop)
				if s.toks[j].cues.has(lexicon.CueCompPron) {
					txt = stripComp(txt)
				}
				return txt
			}
			break
		}
		if s.toks[j].trig >= 0 && s.toks[j].trig != ds[i].trig {
			break
		}
	}
	return ""
}

// stripComp drops the complementizer glued to a pronoun (أنها، إنه) from
// the front of indirect speech, keeping the pronoun's sense in the rest.
func stripComp(txt string) string {
	if i := strings.IndexByte(txt, ' '); i > 0 {
		return txt[i+1:]
	}
	return txt
}
