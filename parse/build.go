package parse

import (
	"slices"
	"strings"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
)

// meansSet is the set of weapons named around a violent trigger.
type meansSet uint8

// meansCues are the cue classes meansNear reads a weapon from.
const meansCues = cueSet(1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile | 1<<lexicon.CueArtillery |
	1<<lexicon.CueAir | 1<<lexicon.CueBomb)

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
	pronSubject bool // the subject is "its forces" (قواتها): the subject of the clause above
	svo         bool // the subject, as written, stands before the verb
	noAgent     bool // a verb of undergoing names the target, not the agent
	claimVerb   int  // for a claim noun (مسؤوليته): the verb that announces it, or -1
	absorbed    bool // not an event of its own (a topic, or merged into its governor)
	collapsed   bool // a report verb whose nominal complement is the event
	time        int  // time expression, or -1
	timeFrom    string
	future      bool
	hypo        bool
	ctx         events.Context
	count       int    // headline count, or -1
	countUnit   string // the unit when it is not the count's (a crowd: protester)
	fatal       *int
	injured     *int
	quote       string
	means       meansSet
	place       *lexicon.Place
	sharedPlace *lexicon.Place // a participle's: the place of the verb of saying it continues
	placeText   string         // a place the gazetteer lacks, as written
	placeCC     string         // its country, when the text gives one
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
		case h.t.Class.Speech() && s.cueBefore(h, 2, lexicon.CueAttrib):
			h.dropped, h.why = true, "names a source"
		case h.t.Class == lexicon.ClassCasualty && !h.verb && !s.countNear(h):
			h.dropped, h.why = true, "no casualty figure"
		case s.afterSince(h):
			h.dropped, h.why = true, "background"
		case !h.verb && s.cueBefore(h, 1, lexicon.CueDemonstr):
			h.dropped, h.why = true, "refers back to an event" // وتأتي هذه الاشتباكات
		case s.inNamedQuote(h):
			h.dropped, h.why = true, "a name" // عملية أطلق عليها اسم "الهجوم الحاسم"
		case !h.verb && s.genitiveOfForce(h):
			h.dropped, h.why = true, "part of a name" // طيران العدوان، القوات المهاجمة
		}
		if !h.verb && s.cueBefore(h, 1, lexicon.CueGeneric) {
			h.generic = true // أي هجوم: an event only as a threat's
		}
	}
	// a negation reaches the events coordinated with the negated one (لم تقع هجمات أو اشتباكات)
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped || h.first < 2 {
			continue
		}
		if w := s.norm(h.first - 1); w == "او" || w == "ولا" || w == "و" {
			if p := s.toks[h.first-2].trig; p >= 0 && s.trigs[p].why == "negated" {
				h.dropped, h.why = true, "negated"
			}
		}
	}
	// ولم تعلق الحركة على الهجوم: what a (negated) verb of judging names is its topic
	for k := range s.trigs {
		g := &s.trigs[k]
		if !g.t.Topic || !g.verb {
			continue
		}
		for j := k + 1; j < len(s.trigs); j++ {
			o := &s.trigs[j]
			if !o.dropped && !o.verb && s.clauseOf(o.first) == s.clauseOf(g.first) && o.first-g.last <= 8 {
				o.dropped, o.why = true, "what is judged or commented"
			}
		}
	}
	s.mergeViolent()
	s.mergeSameClass(lexicon.ClassProtest)
	s.mergeSameClass(lexicon.ClassIntercept)
}

// cueBefore reports whether a cue of class c starts within n tokens before
// the trigger (quotation marks skipped).
func (s *sent) cueBefore(h *trigHit, n int, c lexicon.CueClass) bool {
	if !s.cueAll.has(c) {
		return false // no word of the sentence has the class
	}
	for j, seen := h.first-1, 0; j >= 0 && seen < n; j-- {
		if s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
			continue
		}
		if s.toks[j].cues.has(c) && s.toks[j].ment < 0 {
			return true
		}
		seen++
	}
	return false
}

// countNear reports whether a count stands within three tokens after a
// casualty noun (مقتل خمسة جنود) or right before it (27 قتيلاً).
func (s *sent) countNear(h *trigHit) bool {
	for j := max(h.first-2, 0); j < min(h.last+4, s.n()); j++ {
		if s.toks[j].count >= 0 {
			return true
		}
	}
	return false
}

// inNamedQuote reports whether the trigger lies in a quotation that follows
// a naming word (اسم، يسمى): a name.
func (s *sent) inNamedQuote(h *trigHit) bool {
	q := s.toks[h.first].quote
	if q < 0 {
		return false
	}
	o := s.quotes[q].open
	return o > 0 && s.toks[o-1].cues.has(lexicon.CueNaming)
}

// genitiveOfForce reports whether a definite event noun follows a force or
// aircraft noun as its genitive or adjective (طيران العدوان، القوات
// المهاجمة): part of a name, not an event.
func (s *sent) genitiveOfForce(h *trigHit) bool {
	if !h.clitics.Article && !strings.HasPrefix(s.norm(h.first), "ال") {
		return false
	}
	j := h.first - 1
	return j >= 0 && s.toks[j].ment < 0 && s.toks[j].cues.any(1<<lexicon.CueForce|1<<lexicon.CueAir) && !s.toks[j].cues.any(1<<lexicon.CueSupport)
}

// afterSince reports whether the trigger follows منذ (منذ انسحاب القوات
// الفرنسية، منذ بدء الحرب): an earlier event the sentence dates from.
func (s *sent) afterSince(h *trigHit) bool {
	j := h.first - 1
	switch s.norm(j) {
	case "بدء", "اندلاع", "بدايه", "انطلاق", "انتهاء", "نهايه":
		j--
	}
	if j < 0 || s.toks[j].time >= 0 {
		return false
	}
	w := s.norm(j)
	return w == "منذ" || w == "ومنذ"
}

// mergeSameClass merges triggers of one class in one clause (تظاهر …
// احتجاجاً): one event.
func (s *sent) mergeSameClass(c lexicon.TriggerClass) {
	prev := -1
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped || h.t.Class != c {
			continue
		}
		if prev >= 0 && s.clauseOf(s.trigs[prev].first) == s.clauseOf(h.first) {
			h.dropped, h.why, h.mergedInto = true, "same event", prev
			continue
		}
		prev = k
	}
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
	if s.cueAll&meansCues == 0 {
		return 0 // the sentence names no weapon
	}
	var m meansSet
	cl := s.clauseOf(h.first)
	span := 0 // words after the trigger, not counting times and numbers
	back := 2
	if h.t.Class == lexicon.ClassLaunch {
		back = 4 // وكان صاروخ مضاد للدروع أُطلق
	}
	for i := max(h.first-back, 0); i < s.n() && span < 16; i++ {
		t := &s.toks[i]
		if i >= h.last && t.time < 0 && t.count < 0 {
			span++
		}
		if t.cues == 0 {
			continue // names no weapon and ends nothing
		}
		if t.clause != cl && !s.ancestor(cl, t.clause) || t.ment >= 0 && !s.ments[t.ment].demonym {
			continue
		}
		if i >= h.last && t.cues.any(1<<lexicon.CueAgainst|1<<lexicon.CueComp|1<<lexicon.CueConj) {
			break
		}
		c := t.cues
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
	return m
}

// negated reports whether a negation governs the trigger: لم/لن/لا/عدم
// right before it, or with a verb of occurring between (لم تسجل أي هجمات).
func (s *sent) negated(h *trigHit) bool {
	if !s.cueAll.has(lexicon.CueNeg) {
		return false // no negation in the sentence
	}
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-5; j-- {
		t := &s.toks[j]
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
		// between a negation and the event only verbs of occurring, light verbs and
		// "any" may stand (لم تسجل أي هجمات); لم تسفر المواجهات negates the result
		if !t.cues.any(1<<lexicon.CueExist|1<<lexicon.CueSupport|1<<lexicon.CueFuture|1<<lexicon.CueGeneric) && s.norm(j) != "عن" {
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
	for j >= 0 && (s.toks[j].prepB || s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text)) {
		j--
	}
	if j < 0 || !s.toks[j].cues.has(lexicon.CueAbout) {
		return false
	}
	if s.norm(j) != "عن" {
		return true
	}
	// عن after a claim, a denial or an announcement names what is claimed
	// (مسؤوليته عن الهجوم، كشف عن); after anything else, a topic (تعليق عن هجوم)
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if t := s.toks[k].trig; t >= 0 {
			c := s.trigs[t].t.Class
			return !(c == lexicon.ClassClaim || c == lexicon.ClassDeny || c == lexicon.ClassAnnounce || c == lexicon.ClassSay)
		}
	}
	return true
}

// mergeViolent merges violent triggers that name one event.
func (s *sent) mergeViolent() {
	// what an intercepted weapon was doing or where it came from (أسقطت
	// طائرة مسيّرة كانت تستهدف القاعدة، صاروخاً أُطلق من لبنان) is the interception
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped || h.t.Class != lexicon.ClassIntercept {
			continue
		}
		for j := k + 1; j < len(s.trigs); j++ {
			o := &s.trigs[j]
			if o.dropped || !o.t.Class.Violent() || o.first-h.last > 10 {
				continue
			}
			if c := s.clauseOf(o.first); c == s.clauseOf(h.first) || s.ancestor(s.clauseOf(h.first), c) && s.clauses[c].kind == clRel {
				o.dropped, o.why, o.mergedInto = true, "the intercepted weapon", k
			}
		}
	}
	s.mergeViolentRun(s.mergeable)
}

// mergeViolentRun drops each violent trigger that mergeable says names the
// event of the trigger before it, then hands casualty words to the nearest
// other violent event they report. Both languages share it; only
// mergeable differs.
func (s *sent) mergeViolentRun(mergeable func(a, b *trigHit) bool) {
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
		if prev >= 0 && mergeable(&s.trigs[prev], h) {
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
	if s.clauseOf(a.first) != s.clauseOf(b.first) || b.first-a.last > 20 || b.first < a.last {
		return false
	}
	// "…، في أول هجوم مباشر": a noun after في restates the event before it
	if !b.verb && a.t.Class != lexicon.ClassCasualty && b.t.Class != lexicon.ClassCasualty &&
		(b.first > 0 && s.norm(b.first-1) == "في" || b.first > 1 && s.norm(b.first-2) == "في" && s.plainWord(b.first-1)) {
		return true
	}
	if b.first-a.last > 4 {
		return false
	}
	if a.t.Class == lexicon.ClassCasualty || b.t.Class == lexicon.ClassCasualty {
		return false
	}
	instrument := b.clitics.Prep == 'ب' || b.first > 0 && s.toks[b.first-1].prepB
	for i := a.last; i < b.first; i++ {
		t := &s.toks[i]
		if s.isPunct(i) || t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueCompPron|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueAgainst|1<<lexicon.CueSupport) {
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
	case !a.verb && !b.verb && b.first == a.last:
		return true // انفجار عبوة ناسفة
	case a.verb && !b.verb && instrument:
		return true // استهدفت … بغارة
	case a.verb && !b.verb && b.first == a.last:
		return true // استهدف هجوم بطائرة مسيرة البرج 22
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
	// the storage of the article's last sentence: its drafts are done with
	ds := slices.Grow(s.buf.drafts[:0], len(s.trigs))
	for k := range s.trigs {
		h := &s.trigs[k]
		if h.dropped {
			continue
		}
		// set in place (the storage holds a draft for every trigger): a draft
		// built aside would be copied in
		ds = ds[:len(ds)+1]
		d := &ds[len(ds)-1]
		*d = draft{}
		d.trig, d.class, d.gov, d.claimVerb, d.time, d.count, d.ctx = k, h.t.Class, -1, -1, -1, -1, events.Reported
		d.violent = h.t.Class.Violent()
		if h.t.Class == lexicon.ClassLaunch {
			d.violent = s.weaponAfter(h)
		}
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
	for i := range ds {
		if ds[i].absorbed || ds[i].claimVerb >= 0 {
			continue
		}
		h := &s.trigs[ds[i].trig]
		for j := i - 1; j >= 0; j-- {
			o := &s.trigs[ds[j].trig]
			if !governs(o.t.Class) || ds[j].absorbed && !o.t.Topic {
				continue
			}
			if t := s.trigs[ds[j].trig].t; t.Participle && !t.Topic && t.Class == lexicon.ClassSay {
				continue
			}
			if s.ancestor(s.clauseOf(o.first), s.clauseOf(h.first)) {
				ds[i].gov = j
				break
			}
		}
	}
	s.buf.drafts = ds
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
	if ex := s.exchangeBefore(h); ex >= 0 {
		// ويتبادل حزب الله والجيش الإسرائيلي القصف: an armed clash between the two
		d.class, d.violent = lexicon.ClassClash, true
		if c, _ := s.subjectAfter(&trigHit{first: ex, last: ex + 1, inQuote: -1, mergedInto: -1}, -1); c >= 0 {
			d.actor1 = s.chainRef(c, "subject")
			if c+1 < len(s.chains) && s.chains[c+1].coord {
				d.actor2 = s.chainRef(c+1, "the other side")
			}
		}
		return
	}
	if h.verb {
		before, possessive := s.subjectRightBefore(h)
		switch {
		case before >= 0:
			subj = before
			d.actor1 = s.chainRef(before, "subject")
		case possessive:
			d.pronSubject = true
		case h.suffix == "" && s.clauses[s.clauseOf(h.first)].pron && h.first == s.clauses[s.clauseOf(h.first)].opener+1:
			// أعلنت واشنطن أنها استهدفت كتائب حزب الله: the subject is the pronoun
			d.pronSubject = true
		case d.class != lexicon.ClassCasualty:
			// أن القوات البحرية استهدفت سفينة: a subject as written before the verb
			if r := s.clauseStartNP(h); r.ok() {
				d.actor1 = r
				d.svo = true
			}
		}
		c, end := s.subjectAfter(h, self)
		if d.class == lexicon.ClassCasualty {
			// قُتل جنود أميركيون: who was killed, not who killed
			if c >= 0 {
				d.actor2 = s.chainRef(c, "victims")
			}
			c = -1
		}
		if subj < 0 && !d.pronSubject && !d.svo && c >= 0 {
			subj = c
			d.actor1 = s.chainRef(c, "subject")
		} else if c >= 0 && takesObject(d.class) {
			// the subject came before the verb: what follows is its object
			d.actor2 = s.chainRef(c, "object")
			end = s.chains[c].last
		}
		if (d.class == lexicon.ClassDemand || d.class == lexicon.ClassMeet) && !d.actor2.ok() && (subj >= 0 || h.t.Participle || d.pronSubject) && c < 0 {
			// دعا غوتيريش الطرفين إلى …، داعياً المجتمع الدولي إلى: the one asked, as written
			from := h.last
			if subj >= 0 && s.chains[subj].last > from {
				from = s.chains[subj].last
			}
			if r := s.fallbackNP(from); r.ok() {
				r.how = "object"
				d.actor2 = r
			}
		}
		if takesObject(d.class) && !d.actor2.ok() {
			from := end
			if c < 0 {
				from = h.last
			}
			if o := s.objectAfter(h, from, self, subj); o >= 0 {
				d.actor2 = s.chainRef(o, "object")
			}
		}
		if (d.class == lexicon.ClassDemand || d.class == lexicon.ClassMeet) && !d.actor2.ok() && (subj >= 0 || h.t.Participle) {
			// دعا غوتيريش الطرفين إلى …، داعياً المجتمع الدولي إلى: the one asked, as written
			from := h.last
			if subj >= 0 && s.chains[subj].last > from {
				from = s.chains[subj].last
			}
			if r := s.fallbackNP(from); r.ok() {
				r.how = "object"
				d.actor2 = r
			}
		}
	} else {
		if u, c := s.undergoSubject(h); u {
			// تعرّضت القوات الأميركية لأكثر من 170 هجوماً: the subject is the target
			if c >= 0 {
				d.actor2 = s.chainRef(c, "target")
			}
			d.noAgent = true
		}
		g := s.genitiveAfter(h)
		if g >= 0 {
			// an adjective of nationality right after the noun is its agent (قصف إسرائيلي);
			// a noun with one is its object (استهداف السفن الأميركية)
			m0 := &s.ments[s.chains[g].ments[0]]
			demonym := m0.demonym && m0.last-m0.first == 1
			if (h.t.Object || h.suffix != "") && !demonym {
				if (takesObject(d.class) || d.class == lexicon.ClassIntercept) && !d.actor2.ok() {
					d.actor2 = s.chainRef(g, "object")
				}
			} else if !d.actor1.ok() {
				d.actor1 = s.chainRef(g, "genitive")
				subj = g
			}
		}
		if g < 0 && !d.actor1.ok() && h.suffix == "" && !h.t.Object && !d.noAgent {
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
		if !d.actor1.ok() && h.suffix == "" && !d.noAgent {
			if r := s.agentAfter(h); r.ok() {
				d.actor1 = r // أكثر من 160 هجوماً … شنّتها فصائل موالية لإيران
			}
		}
		if !d.actor1.ok() && h.suffix == "" && !d.noAgent {
			if c := s.supportSubject(h); c >= 0 {
				d.actor1 = s.chainRef(c, "subject")
				subj = c
			}
		}
		if !d.actor1.ok() && h.suffix == "" && !d.noAgent {
			if c := s.subjectBefore(h); c >= 0 {
				d.actor1 = s.chainRef(c, "before")
				subj = c
			}
		}
	}
	// a city or a site struck is the place, not a participant (قصفت حماس تل أبيب)
	if d.violent && d.actor2.ok() && d.actor2.ment >= 0 && d.actor2.ment < len(s.ments) {
		if m := &s.ments[d.actor2.ment]; m.place != nil && m.place.Kind != lexicon.Country && m.chain >= 0 && len(s.chains[m.chain].ments) == 1 {
			m.isPlace = true
			d.actor2 = ref{}
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
		if a1, a2 := s.between(h); a1.ok() {
			if !d.actor1.ok() {
				d.actor1 = a1
			}
			d.actor2 = a2
		}
	}
	// joint participants of a meeting: the second is the counterpart
	if d.class == lexicon.ClassMeet && !d.actor2.ok() && subj >= 0 && subj+1 < len(s.chains) &&
		s.chains[subj+1].coord && s.chains[subj+1].first-s.chains[subj].last <= 1 {
		d.actor2 = s.chainRef(subj+1, "with")
	}
	if !d.actor2.ok() {
		switch d.class {
		case lexicon.ClassMeet:
			if c := s.afterPrep(h, h.last, lexicon.CueWith); c >= 0 && c != subj {
				d.actor2 = s.chainRef(c, "with")
			}
		case lexicon.ClassDemand, lexicon.ClassThreat:
			if c := s.afterPrep(h, h.last, lexicon.CueAgainst, lexicon.CueTo, lexicon.CueWith); c >= 0 && c != subj {
				d.actor2 = s.chainRef(c, "asked")
			} else if c := s.firstChainAfter(h, subj); c >= 0 {
				d.actor2 = s.chainRef(c, "asked")
			}
		case lexicon.ClassIntercept:
			// the one whose weapon was stopped: named after it (أطلقت من مناطق سيطرة الحوثيين)
			if c := s.firstChainAfter(h, subj); c >= 0 && !s.sameActor(s.chainRef(c, ""), d.actor1) {
				d.actor2 = s.chainRef(c, "launcher")
			}
		case lexicon.ClassSay, lexicon.ClassDeny, lexicon.ClassDeploy, lexicon.ClassWithdraw:
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
			if m.victim && m.chain >= 0 && !m.isPlace && !s.inBackground(s.clauseOf(m.first)) {
				d.actor2 = s.refOf(k, "victims")
				break
			}
		}
	}
	if !d.actor2.ok() && d.violent && (h.verb && takesObject(d.class) || d.class == lexicon.ClassAttack || d.class == lexicon.ClassStrike) {
		if j := s.prepWordAfter(h, lexicon.CueAgainst); j >= 0 {
			k := j + 1
			// a target noun and its owner: على مواقع لفصائل → the factions
			if k < s.n() && s.toks[k].cues.has(lexicon.CueTarget) && s.toks[k].ment < 0 {
				k++
				if k < s.n() && s.toks[k].prepB {
					k++
				}
				if w := s.norm(k); !strings.HasPrefix(w, "ل") {
					k = -1
				}
			}
			if k >= 0 {
				if r := s.fallbackNP(k); r.ok() {
					r.how = "against"
					d.actor2 = r
				}
			}
		}
	}
}

// exchangeBefore returns the token of a verb of exchanging (تبادل) before a
// violent trigger in its clause, or -1.
func (s *sent) exchangeBefore(h *trigHit) int {
	if !h.t.Class.Violent() || !s.cueAll.has(lexicon.CueExchange) {
		return -1
	}
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-8; j-- {
		if s.toks[j].clause != cl {
			return -1
		}
		if s.toks[j].cues.has(lexicon.CueExchange) && s.toks[j].ment < 0 {
			return j
		}
	}
	return -1
}

// undergoSubject reports whether a verb of undergoing (تعرّض لـ) governs a
// noun trigger, and returns the chain of its subject (the target), or -1.
func (s *sent) undergoSubject(h *trigHit) (bool, int) {
	if !s.cueAll.has(lexicon.CueUndergo) {
		return false, -1
	}
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= 0 && j >= h.first-14; j-- {
		if s.toks[j].clause != cl {
			return false, -1
		}
		if !s.toks[j].cues.has(lexicon.CueUndergo) || s.toks[j].ment >= 0 {
			continue
		}
		// the subject: after the verb (VSO), else right before it
		for c := range s.chains {
			ch := &s.chains[c]
			if ch.first > j && ch.last <= h.first && !s.ments[ch.best].isPlace {
				return true, c
			}
		}
		for c := len(s.chains) - 1; c >= 0; c-- {
			if ch := &s.chains[c]; ch.last <= j && s.toks[ch.first].clause == cl && !s.ments[ch.best].isPlace {
				return true, c
			}
		}
		return true, -1
	}
	return false, -1
}

// between reads بين X وY after a trigger: the first side, a chain or a noun
// phrase as written, and the second side after و.
func (s *sent) between(h *trigHit) (ref, ref) {
	n := s.n()
	for j := h.last; j < n && j < h.last+8; j++ {
		if s.norm(j) != "بين" {
			if s.toks[j].time >= 0 || s.isPunct(j) || s.plainWord(j) {
				continue
			}
			return ref{}, ref{}
		}
		var a1, a2 ref
		k := j + 1
		if k >= n {
			return ref{}, ref{}
		}
		end := k
		if m := s.toks[k].ment; m >= 0 && s.ments[m].chain >= 0 {
			c := s.ments[m].chain
			a1 = s.chainRef(c, "between")
			end = s.chains[c].last
		} else if r, e := s.fallbackNPEnd(k); r.ok() {
			a1, end = r, e
		}
		if !a1.ok() {
			return ref{}, ref{}
		}
		for e := end; e < n && e < end+4; e++ {
			if m := s.toks[e].ment; m >= 0 && s.ments[m].chain >= 0 && !s.ments[m].isPlace {
				a2 = s.chainRef(s.ments[m].chain, "between")
				break
			}
			if s.isPunct(e) {
				break
			}
		}
		if !a2.ok() && strings.HasPrefix(s.norm(end), "و") {
			if r := s.fallbackNP(end); r.ok() {
				a2 = r
			}
		}
		return a1, a2
	}
	return ref{}, ref{}
}

// sameActor reports whether two refs name the same actor.
func (s *sent) sameActor(a, b ref) bool {
	return a.ok() && b.ok() && a.name == b.name
}

// agentAfter finds the agent named after a noun trigger by a light verb
// with its pronoun (هجمات شنّتها فصائل موالية لإيران، عملية نفذها مسلحون).
func (s *sent) agentAfter(h *trigHit) ref {
	cl := s.clauseOf(h.first)
	for j := h.last; j < s.n() && j < h.last+8; j++ {
		if s.toks[j].clause != cl || s.isPunct(j) && !isQuoteMark(s.seg.Tokens[j].Text) {
			return ref{}
		}
		if s.wordFacts(s.norm(j))&factAgentVerb == 0 {
			continue
		}
		for k := j + 1; k < s.n() && k < j+4; k++ {
			if m := s.toks[k].ment; m >= 0 && s.ments[m].chain >= 0 && !s.ments[m].isPlace {
				return s.chainRef(s.ments[m].chain, "agent")
			}
			if s.toks[k].time < 0 {
				break
			}
		}
		if r := s.fallbackNP(j + 1); r.ok() {
			r.how = "agent"
			return r
		}
		return ref{}
	}
	return ref{}
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
		if t := s.toks[j].trig; t >= 0 && s.trigs[t].verb && !s.trigs[t].t.Class.Speech() {
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

// prepWordAfter returns the token of a preposition of class c after the
// trigger in its clause, or -1.
func (s *sent) prepWordAfter(h *trigHit, c lexicon.CueClass) int {
	if !s.cueAll.has(c) {
		return -1
	}
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
		if s.toks[j].cueHead && s.toks[j].cues.any(1<<lexicon.CueComp|1<<lexicon.CueCompPron) {
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
