package parse

// English reads English wire copy with the machinery of the Arabic parser —
// the lexicon (English aliases on the same actor and place entries, English
// trigger and cue lines), the tokens, mentions, chains, clauses, drafts,
// governors, time and count assignment, places and types — and replaces
// only what depends on word order and morphology:
//
//   - scan (scanEN): a dateline ("BEIRUT (AFP) -") is no part of the first
//     sentence's content; a word that is both a noun and a verb (attack,
//     strikes) is read from the words before it (a determiner, a number or
//     a weapon before it make a noun; an auxiliary, "to" or a subject make a
//     verb); a participle after a form of "be" is passive; a demonym names a
//     state before a force, title, weapon or event noun (Israeli army,
//     Turkish drones, Russian assaults); capitalised names the lexicon lacks
//     are actors or places as written (the Sudan Doctors Network, the town
//     of Ramree); "the group", "the army" refer back.
//   - clauses (segmentEN, english_clause.go): "that", a zero complementizer
//     after a verb of saying ("said it targeted"), relatives, subordinators,
//     infinitives ("threatened to strike"), and coordination with "and".
//   - roles (english_roles.go): the subject precedes the verb (SVO), past an
//     apposition ("X, an army spokesman, said"); the object follows it; a
//     passive swaps them ("was shot down by Kurdish forces"); a noun takes
//     its agent from "by", a possessive, an adjectival actor (a U.S. drone
//     strike) or its light verb's subject (X carried out strikes), its
//     target from "on"/"against"; pronouns (it, they, its fighters) refer to
//     the subject of the clause above or the last subject named.
//   - rules (english_rules.go): a verb of saying that only names a source
//     ("…, officials said") is no statement; definite event nouns (the
//     strikes) refer back; the time on a verb of saying dates only it.

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// enSent is what the English rules keep about a sentence besides the shared
// analysis.
type enSent struct {
	initial  int    // the first token after the dateline
	passive  idxSet // triggers read as passive verbs
	capture  idxSet // capture triggers under a verb of saying (kept for governorsEN)
	inf      idxSet // clauses that are infinitives (to strike)
	pronSubj idxMap // trigger → the pronoun token that is its subject (it, its fighters)
	// pronTarget maps a trigger to the pronoun token that is its target
	// (its convoys had been hit)
	pronTarget idxMap
	mem        *enMemory    // the article's English memory
	instr      idxSet       // triggers whose subject is a weapon (air defences had shot down)
	notName    idxSet       // tokens of demonyms read as adjectives (Iraqi sovereignty)
	whenTime   idxMap       // clause opened by "when" after a time → the time it happened
	derived    int          // times from this index on are derived (whenTimes), not found
	stands     [][]*trigHit // per trigger: itself and the casualty words merged into it (standsFor)
	standsDone bool         // stands is built
	standHits  []*trigHit   // storage for stands

	counting countView       // the sentence as findCountsEN reads it
	entries  []lexicon.Entry // addMatchEN's buffer
	clauses  []clause        // storage for the sentence's clauses (segmentEN)
	chains   []chain         // storage for the sentence's chains (buildChainsEN)
	chainOf  []int           // storage for the chains' mentions (buildChainsEN)
}

// reset empties e for a new sentence, keeping the storage of its sets.
func (e *enSent) reset(mem *enMemory) {
	e.passive.reset()
	e.capture.reset()
	e.inf.reset()
	e.pronSubj.reset()
	e.pronTarget.reset()
	e.instr.reset()
	e.notName.reset()
	e.whenTime.reset()
	*e = enSent{passive: e.passive, capture: e.capture, inf: e.inf, pronSubj: e.pronSubj, pronTarget: e.pronTarget,
		instr: e.instr, notName: e.notName, whenTime: e.whenTime, mem: mem, counting: e.counting, entries: e.entries, clauses: e.clauses,
		chains: e.chains, chainOf: e.chainOf, stands: e.stands[:0], standHits: e.standHits[:0]}
}

// enMemory is what the English rules remember across sentences.
type enMemory struct {
	lastPair    *ref           // the first of the last two parties named together (for "both sides")
	lastCity    *lexicon.Place // the last city named (for "the city")
	lastArmy    *ref           // the last armed forces named (for "the army", "the military")
	lastSubject *ref           // the last actor1 of an event (for "it", "they" opening a sentence)
	country     string         // the country of the last place named (for places the gazetteer lacks)

	pair, army, subject ref // storage of lastPair, lastArmy and lastSubject, so that remembering allocates nothing

	// sent holds the English facts of the sentence being read; its
	// storage serves the article's next sentence.
	sent enSent
}

// enMem returns the English memory, creating it.
func enMem(mem *memory) *enMemory {
	if mem.en == nil {
		mem.en = &enMemory{}
	}
	return mem.en
}

// scanEN is scan for English. It returns whether the lexicon finds a
// trigger in the sentence; times and counts are only looked for then.
func (p *Parser) scanEN(s *sent, anchor time.Time, mem *memory) bool {
	em := enMem(mem)
	em.sent.reset(em)
	s.en = &em.sent
	s.seg = textnorm.NewSegmentIn(s.buf.tokens, s.s.Text, s.s.Start)
	if s.idx == 0 {
		s.seg.Tokens = dropDateline(s.seg.Tokens)
	}
	s.toks, s.marks = s.buf.blankInfos(s.seg.Tokens, false)
	s.quotes = s.buf.quotes[:0]
	s.findQuotes()
	matches := p.lex.AppendMatches(s.buf.matches[:0], s.seg.Tokens, s.lang)
	s.buf.matches = matches
	// the matches that may become a trigger, and a mention, size their slices
	trigs, names := 0, 0
	for k := range matches {
		hasTrig, hasName := false, false
		for i := range matches[k].Entries {
			e := &matches[k].Entries[i]
			hasTrig = hasTrig || e.Trigger != nil
			hasName = hasName || e.Actor != nil || e.Place != nil
		}
		if hasTrig {
			trigs++
		}
		if hasName {
			names++
		}
	}
	hasTrigger := trigs > 0
	if hasTrigger {
		s.trigs = slices.Grow(s.buf.trigs[:0], trigs)
		s.findTimesAndCountsEN(anchor)
	}
	if names > 0 {
		s.ments = slices.Grow(s.buf.ments[:0], names+2) // and a name or two the lexicon lacks
	}
	// the cue words first, so that a trigger's reading can look at the words after it
	for k := range matches {
		m := &matches[k]
		var cues cueSet // the match's cue classes, marked at once
		for x := range m.Entries {
			if e := &m.Entries[x]; e.Cue != nil {
				cues |= 1 << e.Cue.Class
			}
		}
		if cues == 0 {
			continue
		}
		timed := false
		for i := m.First; i < m.Last && len(s.times) > 0; i++ {
			timed = timed || s.toks[i].time >= 0
		}
		if timed {
			continue
		}
		for i := m.First; i < m.Last; i++ {
			s.toks[i].cues |= cues
		}
		s.cueAll |= cues
	}
	for k := range matches {
		p.addMatchEN(s, &matches[k])
	}
	s.countsInNames()
	s.markPassives()
	s.markQuoteNames()
	s.checkDemonymsEN(p)
	s.dropModifierNames()
	s.possessiveArmies(p)
	s.namesEN()
	sortMentions(s)
	s.readPlacesEN()
	named := len(s.ments)
	s.anaphoraEN(mem)
	if len(s.ments) > named { // else the mentions are in order and the tokens know them
		sortMentions(s)
	}
	s.rememberEN(mem)
	return hasTrigger
}

// findTimesAndCountsEN finds the sentence's time expressions and counts.
func (s *sent) findTimesAndCountsEN(anchor time.Time) {
	n := s.n()
	s.times = findTimes(s.buf.times[:0], &s.seg, s.lang, anchor)
	for k, t := range s.times {
		for i := max(t.First, 0); i < min(t.Last, n); i++ {
			s.toks[i].time = k
		}
	}
	s.counts = s.findCountsEN()
	s.cdrop = slices.Grow(s.buf.cdrop[:0], len(s.counts))[:len(s.counts)]
	clear(s.cdrop)
	for k, c := range s.counts {
		for i := max(c.First, 0); i < min(c.Last, n); i++ {
			if c.UnitFirst >= 0 && i >= c.UnitFirst && i < c.UnitLast {
				continue
			}
			s.toks[i].count = k
		}
		if c.UnitFirst >= 0 {
			for i := max(c.UnitFirst, 0); i < min(c.UnitLast, n); i++ {
				s.toks[i].unit = k
			}
		}
	}
}

// dropDateline drops a wire dateline from the first sentence's tokens:
// everything up to a dash that follows a closing bracket ("ERBIL, Iraq, Jan
// 5 (Reuters) -") or a place written in capitals ("WASHINGTON —").
func dropDateline(toks []textnorm.Token) []textnorm.Token {
	for i := 1; i < len(toks) && i < 20; i++ {
		t := toks[i]
		if t.Kind != textnorm.Punct || (t.Text != "-" && t.Text != "—" && t.Text != "–") {
			continue
		}
		spaced := toks[i-1].End < t.Start && (i+1 == len(toks) || toks[i+1].Start > t.End)
		if !spaced {
			continue
		}
		if toks[i-1].Text == ")" || allCapsWords(toks[:i]) {
			return toks[i+1:]
		}
		return toks
	}
	return toks
}

// allCapsWords reports whether every word of toks is written in capitals
// (a dateline place: CAIRO, KYIV).
func allCapsWords(toks []textnorm.Token) bool {
	words := 0
	for _, t := range toks {
		if t.Kind != textnorm.Word {
			continue
		}
		words++
		for _, r := range t.Text {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return words > 0
}

// addMatchEN records one lexicon match, choosing between the noun and the
// verb reading of a trigger word from the words before it.
func (p *Parser) addMatchEN(s *sent, m *lexicon.Match) {
	var verbT, nounT, exactT *lexicon.Trigger
	for k := range m.Entries {
		e := &m.Entries[k]
		if e.Trigger == nil {
			continue
		}
		switch e.Trigger.POS {
		case "verb":
			if verbT == nil {
				verbT = e.Trigger
			}
		case "noun":
			if nounT == nil {
				nounT = e.Trigger
			}
		default:
			if exactT == nil {
				exactT = e.Trigger
			}
		}
	}
	if verbT == nil && nounT == nil && exactT == nil {
		p.addMatch(s, m)
		return
	}
	t, verb := s.chooseReading(*m, verbT, nounT, exactT)
	// the entries that are no trigger, and the reading chosen (addMatch keeps none of them)
	others := s.en.entries[:0]
	for _, e := range m.Entries {
		if e.Trigger == nil {
			others = append(others, e)
		}
	}
	if t != nil {
		others = append(others, lexicon.Entry{Trigger: t})
	}
	s.en.entries = others
	if len(others) == 0 {
		return
	}
	mm := *m // the sentence's match keeps its entries
	mm.Entries = others
	before := len(s.trigs)
	p.addMatch(s, &mm)
	if len(s.trigs) > before {
		s.trigs[len(s.trigs)-1].verb = verb
	}
}

// readingCtx is what the word before a trigger says about its part of speech.
type readingCtx uint8

const (
	ctxNone readingCtx = iota
	ctxNoun
	ctxVerb
	ctxWeapon // a weapon before it: a noun if it can be one (drone strike), else a verb (a drone struck)
)

// contextBefore reads the word before token i.
func (s *sent) contextBefore(i int) readingCtx {
	j := i - 1
	if j < s.en.initial || j < 0 {
		return ctxNone
	}
	tk := &s.seg.Tokens[j]
	t := &s.toks[j]
	if t.unit >= 0 && tk.Kind == textnorm.Word {
		return ctxVerb // Thousands of people rallied; three soldiers were killed
	}
	if tk.Kind == textnorm.Number || t.count >= 0 {
		return ctxNoun
	}
	if tk.Kind == textnorm.Punct {
		if tk.Text == "-" && j > 0 && s.seg.Tokens[j-1].End == tk.Start {
			return ctxNoun // cross-border fire, drone-strike
		}
		return ctxNone
	}
	w := tk.Norm
	switch w {
	case "to":
		return ctxVerb
	case "no", "of", "for", "after", "from", "than":
		return ctxNoun
	}
	if k := t.ment; k >= 0 {
		if s.ments[k].demonym {
			return ctxNoun
		}
		return ctxVerb
	}
	switch {
	case t.cues.any(1 << lexicon.CueDet):
		return ctxNoun
	case t.cues.any(1<<lexicon.CueBe | 1<<lexicon.CueAux | 1<<lexicon.CueFuture | 1<<lexicon.CueHyp | 1<<lexicon.CueNeg):
		return ctxVerb
	case t.cues.has(lexicon.CuePron):
		return ctxVerb
	case t.cues.any(1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile | 1<<lexicon.CueArtillery |
		1<<lexicon.CueAir | 1<<lexicon.CueBomb):
		return ctxWeapon
	case t.cues.any(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueAgent |
		1<<lexicon.CueAbout | 1<<lexicon.CueFrame | 1<<lexicon.CueSupport):
		return ctxNoun
	case t.trig >= 0 && s.trigs[t.trig].verb:
		return ctxNoun // launched attacks
	case t.trig >= 0:
		return ctxVerb // a drone attack wounded three
	}
	return ctxNone
}

// chooseReading picks the trigger reading of a match and whether it is a
// verb; a nil trigger means the word is no trigger here (36 Houthi targets).
func (s *sent) chooseReading(m lexicon.Match, verbT, nounT, exactT *lexicon.Trigger) (*lexicon.Trigger, bool) {
	w := s.norm(m.First)
	ctx := s.contextBefore(m.First)
	past := strings.HasSuffix(w, "ed") || isIrregularPast(w)
	if exactT != nil && exactT.Participle && strings.HasSuffix(w, "ing") {
		return exactT, true // calling the accusations "baseless"
	}
	if verbT == nil && nounT == nil {
		return exactT, strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || w == "will" || w == "would" ||
			w == "took" || w == "claim" || w == "claims" || w == "open"
	}
	switch {
	case verbT != nil && nounT != nil:
		switch ctx {
		case ctxNoun, ctxWeapon:
			return nounT, false
		case ctxVerb:
			return verbT, true
		}
		if past {
			return verbT, true
		}
		// a plural or a base form after an actor: a verb unless a preposition follows (U.S. strikes on …)
		if j := m.First - 1; j >= s.en.initial && s.toks[j].ment >= 0 && !s.nextIsPrep(m.Last) {
			return verbT, true
		}
		// after a noun of people, with an object after it: Rebels attack the town
		if j := m.First - 1; j >= s.en.initial && s.toks[j].cues.any(1<<lexicon.CueGroupHead|1<<lexicon.CueForce|1<<lexicon.CueVictim) &&
			m.Last < s.n() && (s.toks[m.Last].cues.has(lexicon.CueDet) || s.toks[m.Last].ment >= 0) {
			return verbT, true
		}
		return nounT, false
	case verbT != nil:
		if ctx == ctxNoun && strings.HasSuffix(w, "ing") && m.First > 0 && s.toks[m.First-1].trig >= 0 {
			return verbT, true // denied attacking the base
		}
		if ctx == ctxNoun {
			if exactT != nil {
				return exactT, false
			}
			return nil, false
		}
		return verbT, true
	}
	return nounT, false
}

// isIrregularPast reports the irregular past forms of the trigger verbs,
// which the generator takes from the data (struck, shot, fought, met).
func isIrregularPast(w string) bool {
	switch w {
	case "struck", "shot", "fought", "met", "told", "said", "sent", "held", "hit", "withdrew", "withdrawn", "blew", "took", "pulled", "seized":
		return true
	}
	return false
}

// nextIsPrep reports whether token i is a preposition that follows a noun
// (on, against, by, in, at, of).
func (s *sent) nextIsPrep(i int) bool {
	if i >= s.n() {
		return false
	}
	if s.norm(i) == "of" {
		return true
	}
	return s.toks[i].cues.any(1<<lexicon.CueAgainst | 1<<lexicon.CueAgent | 1<<lexicon.CueLoc)
}

// findCountsEN finds the counts of the sentence with quotation marks
// around one or two words left out ("dozens" of fighters is a count), and
// gives a count without a noun the noun that follows it past names and
// adjectives (about 350 U.S. Army and Air Force personnel → soldier; two
// Myanmar navy vessels → ship).
func (s *sent) findCountsEN() []countSpan {
	n := s.n()
	v := &s.en.counting
	v.read(s)
	var skip func(int) bool
	if len(s.times) > 0 { // else no token is in a time expression
		skip = v.inTimeFunc()
	}
	cs := findCounts(s.buf.counts[:0], &v.sub, s.lang, skip)
	for k := range cs {
		c := &cs[k]
		c.First, c.Last = v.orig(c.First), v.orig(c.Last-1)+1
		if c.UnitFirst >= 0 {
			c.UnitFirst, c.UnitLast = v.orig(c.UnitFirst), v.orig(c.UnitLast-1)+1
		}
		if c.Unit == "" && c.Role == roleNone {
			s.repairUnit(c)
		}
	}
	// 20 of 25 drones: the first number counts the second's noun
	out := cs[:0]
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if k+1 < len(cs) && c.Unit == "" && c.Role == roleNone && c.Last < n && s.norm(c.Last) == "of" && cs[k+1].First == c.Last+1 && cs[k+1].Unit != "" {
			b := cs[k+1]
			c.Unit, c.UnitFirst, c.UnitLast, c.Last, c.Role = b.Unit, b.UnitFirst, b.UnitLast, b.Last, b.Role
			k++
		}
		c.Text = s.seg.Slice(c.First, c.Last)
		if c.First < n && c.Last > 0 && c.Last <= n {
			c.Start, c.End = s.seg.Tokens[c.First].Start, s.seg.Tokens[c.Last-1].End
		}
		out = append(out, c)
	}
	return out
}

// countView is a sentence as the count finder reads it: without the
// quotation marks around one or two words.
type countView struct {
	sub  textnorm.Segment // the sentence's tokens without the dropped marks
	idx  []int            // sub's token → the sentence's; nil when no mark is dropped
	n    int              // the sentence's tokens
	drop idxSet           // the sentence's tokens left out
	toks []textnorm.Token // sub's tokens when marks are dropped (storage kept between sentences)
	info []tokInfo        // the sentence's token facts
	skip func(int) bool   // inTime, bound once
}

// read makes v the view of sentence s.
func (v *countView) read(s *sent) {
	v.n, v.sub, v.idx, v.info = s.n(), s.seg, v.idx[:0], s.toks
	v.drop.reset()
	for _, q := range s.quotes {
		if !q.long && q.close-q.open <= 3 {
			v.drop.add(q.open)
			v.drop.add(q.close)
		}
	}
	if len(v.drop) == 0 {
		v.idx = nil
		return
	}
	v.toks = v.toks[:0]
	for i, t := range s.seg.Tokens {
		if !v.drop.has(i) {
			v.toks = append(v.toks, t)
			v.idx = append(v.idx, i)
		}
	}
	v.sub.Tokens = v.toks
}

// inTime reports whether token j of the view is in a time expression.
func (v *countView) inTime(j int) bool {
	i := v.orig(j)
	return i >= 0 && i < v.n && v.info[i].time >= 0
}

// inTimeFunc returns inTime as a function value, made once for all the
// sentences v reads.
func (v *countView) inTimeFunc() func(int) bool {
	if v.skip == nil {
		v.skip = v.inTime
	}
	return v.skip
}

// orig returns the sentence's token for token j of the view; an index
// past the view's last token is the sentence's length.
func (v *countView) orig(j int) int {
	switch {
	case j < 0:
		return j
	case v.idx == nil:
		return min(j, v.n)
	case j >= len(v.idx):
		return v.n
	}
	return v.idx[j]
}

// repairUnit finds the counted noun of a count that has none: the first
// word within five tokens after it that names a unit, past names,
// adjectives and "and".
func (s *sent) repairUnit(c *countSpan) {
	for j := c.Last; j < s.n() && j < c.Last+9; j++ {
		tk := &s.seg.Tokens[j]
		if tk.Kind == textnorm.Punct {
			if tk.Text == "." || tk.Text == "-" {
				continue
			}
			return
		}
		if tk.Kind != textnorm.Word || s.toks[j].time >= 0 {
			return
		}
		if u := unitOfNoun(tk.Norm); u != "" {
			c.Unit, c.UnitFirst, c.UnitLast, c.Last = u, j, j+1, j+1
			return
		}
		if s.toks[j].cues.any(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueTo |
			1<<lexicon.CueBe | 1<<lexicon.CueAux | 1<<lexicon.CueComp | 1<<lexicon.CueRel) {
			return
		}
	}
}

// unitOfNoun returns the unit package quantity gives the noun (vessels →
// ship), or "". The answers are remembered (nounUnits).
func unitOfNoun(w string) string {
	if u, ok := nounUnits.Load(w); ok {
		return u.(string)
	}
	seg := textnorm.NewSegment("2 "+w, 0)
	cs := findCounts(nil, &seg, "en", nil)
	u := ""
	if len(cs) == 1 && cs[0].UnitFirst == 1 {
		u = cs[0].Unit
	}
	if nounUnitsLen.Load() < maxNounUnits {
		// w is a slice of the article: the map keeps a copy of its own
		if _, loaded := nounUnits.LoadOrStore(strings.Clone(w), u); !loaded {
			nounUnitsLen.Add(1)
		}
	}
	return u
}

// nounUnits holds unitOfNoun's answers, word → unit, for all parsers (the
// quantity lexicon is one for the process); the words come from the text,
// so it stops growing at maxNounUnits of them.
var (
	nounUnits    sync.Map
	nounUnitsLen atomic.Int64
)

const maxNounUnits = 1 << 16

// countsInNames keeps a count whose number no name holds: a name between
// the number and its noun (three U.S. bases) leaves it a count; a name that
// holds the number (Tower 22) does not.
func (s *sent) countsInNames() {
	for c := range s.counts {
		s.cdrop[c] = false
		C := s.counts[c]
		for i := max(C.First, 0); i < min(C.Last, s.n()); i++ {
			if s.seg.Tokens[i].Kind == textnorm.Number && s.toks[i].ment >= 0 {
				s.cdrop[c] = true
			}
		}
	}
}

// markPassives marks verb triggers after a form of "be" (were killed, have
// been attacked, was shot down): the subject is the target.
func (s *sent) markPassives() {
	for k := range s.trigs {
		h := &s.trigs[k]
		if !h.verb || strings.HasSuffix(s.norm(h.first), "ing") {
			continue
		}
		for j := h.first - 1; j >= s.en.initial && j >= h.first-3; j-- {
			t := &s.toks[j]
			if t.cues.has(lexicon.CueBe) {
				s.en.passive.add(k)
				break
			}
			if t.ment >= 0 || t.trig >= 0 || s.isPunct(j) || t.cues != 0 && !t.cues.any(1<<lexicon.CueNeg|1<<lexicon.CueAux) {
				break
			}
		}
	}
}

// checkDemonymsEN keeps a demonym as an actor when a force, title, weapon
// or event noun follows it, with adjectives between (Israeli army, Houthi
// military spokesman, Turkish drones, Russian assaults), or a name (Israeli
// Defence Minister Yoav Gallant); the mention then spans a force or title
// head. A demonym before a force noun that names soldiers (Malian soldiers,
// Malian troops) is the state's armed forces when the lexicon has them
// under "<demonym> army".
func (s *sent) checkDemonymsEN(p *Parser) {
	n := s.n()
	kept := s.ments[:0]
	changed := false // a demonym dropped or widened
	for _, m := range s.ments {
		if !m.demonym {
			kept = append(kept, m)
			continue
		}
		ok, head := false, -1
		soldiers := false
		if m.last+1 < n && (s.norm(m.last) == "and" || s.norm(m.last) == "or") && s.toks[m.last+1].ment >= 0 {
			ok = true // Iraqi and U.S. officials
		}
		for j := m.last; j < n && j < m.last+4 && !ok; j++ {
			t := &s.toks[j]
			if t.ment >= 0 && j >= m.last {
				ok = !s.ments[t.ment].isPlace || s.ments[t.ment].actor != nil
				break
			}
			if t.cues.any(1<<lexicon.CueForce | 1<<lexicon.CueTitle | 1<<lexicon.CueGroupHead) {
				ok, head = true, j
				switch s.norm(j) {
				case "soldier", "soldiers", "troop", "troops", "army", "military", "forces":
					soldiers = true
				}
				// a title of several words: Defence Minister
				for head+1 < n && s.toks[head+1].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTitle) && s.toks[head+1].ment < 0 && s.toks[head+1].trig < 0 {
					head++
				}
				break
			}
			if t.cues.any(1<<lexicon.CueDrone|1<<lexicon.CueRocket|1<<lexicon.CueMissile|1<<lexicon.CueArtillery|1<<lexicon.CueAir|1<<lexicon.CueBomb) || t.trig >= 0 {
				ok = true
				break
			}
			if !s.plainWord(j) && !(s.isAdjectiveLike(j) && !t.cues.has(lexicon.CueDet) && s.seg.Tokens[j].Kind == textnorm.Word) {
				break
			}
			ok = true // Houthi targets, Iranian interests: a plain noun after the demonym
		}
		if !ok {
			for i := m.first; i < m.last; i++ {
				s.en.notName.add(i)
			}
			changed = true
			continue
		}
		if head >= m.last {
			for i := m.last; i <= head; i++ {
				if s.toks[i].trig >= 0 {
					head = -1
					break
				}
			}
		}
		if head >= m.last {
			m.last = head + 1
			m.text = s.seg.Slice(m.first, m.last)
			changed = true
		}
		if soldiers {
			if army := p.cachedArmyOf(s.seg.Slice(m.first, m.first+1), m.actor); army != nil {
				m.actor, m.demonym = army, false
			}
		}
		kept = append(kept, m)
	}
	s.ments = kept
	if changed { // else the mentions are in order and the tokens know them
		sortMentions(s)
	}
}

// possessiveArmies reads "Israel's military", "Sudan's army" as the
// state's armed forces when the lexicon has them (found as for demonyms:
// "<demonym> army").
func (s *sent) possessiveArmies(p *Parser) {
	for k := range s.ments {
		m := &s.ments[k]
		if m.actor == nil || m.actor.Kind != lexicon.State || m.isPlace || len(m.actor.DemonymsEN) == 0 || m.last+2 >= s.n() {
			continue
		}
		if s.seg.Tokens[m.last].Text != "'" || s.norm(m.last+1) != "s" {
			continue
		}
		j := m.last + 2
		if w := s.norm(j); (w == "military" || w == "army") && s.toks[j].ment < 0 && s.toks[j].trig < 0 {
			if army := p.cachedArmyOf(m.actor.DemonymsEN[0], m.actor); army != nil {
				m.actor, m.last = army, j+1
				m.text = s.seg.Slice(m.first, m.last)
				for i := m.first; i < m.last; i++ {
					s.toks[i].ment = k
				}
			}
		}
	}
}

// armyKey is what armyOf looks up.
type armyKey struct {
	d     string
	state *lexicon.Actor
}

// cachedArmyOf is armyOf, remembered for all articles (Parser.armies).
func (p *Parser) cachedArmyOf(d string, state *lexicon.Actor) *lexicon.Actor {
	if a, ok := p.armies.Load(armyKey{d, state}); ok {
		return a.(*lexicon.Actor)
	}
	a := p.armyOf(d, state)
	if p.armiesLen.Load() < maxArmies {
		// d is a slice of the article: the key keeps a copy, not the article
		if _, loaded := p.armies.LoadOrStore(armyKey{strings.Clone(d), state}, a); !loaded {
			p.armiesLen.Add(1)
		}
	}
	return a
}

const maxArmies = 1 << 12

// armyOf returns the armed forces of the state whose demonym is written d
// (Malian → Malian Armed Forces), found in the lexicon as "<d> army" or
// "<d> military", or nil.
func (p *Parser) armyOf(d string, state *lexicon.Actor) *lexicon.Actor {
	for _, suffix := range []string{" army", " military", " armed forces"} {
		toks := textnorm.Tokenize(d + suffix)
		ms := p.lex.Match(toks, "en")
		if len(ms) != 1 || ms[0].First != 0 || ms[0].Last != len(toks) {
			continue
		}
		for _, e := range ms[0].Entries {
			if e.Actor != nil && !e.Demonym && e.Actor != state && e.Actor.StateOf() == state {
				return e.Actor
			}
		}
	}
	return nil
}

// dropModifierNames drops names that only modify a word they are joined to
// by a hyphen: U.S.-backed, Iran-aligned, pro-Iran, Hamas-run.
func (s *sent) dropModifierNames() {
	kept := s.ments[:0]
	for _, m := range s.ments {
		last := m.last - 1
		if s.seg.Tokens[last].Text == "." && last > m.first {
			last-- // U.S.-backed: the abbreviation's period is part of the name
		}
		if s.hyphenAfter(m.last-1) || s.hyphenAfter(last) && s.seg.Tokens[m.last-1].Text == "." ||
			(m.first > 0 && s.seg.Tokens[m.first-1].Text == "-" && m.first >= 2 && s.seg.Tokens[m.first-2].End == s.seg.Tokens[m.first-1].Start) {
			for i := m.first; i < m.last; i++ {
				s.en.notName.add(i)
			}
			continue
		}
		kept = append(kept, m)
	}
	dropped := len(kept) < len(s.ments)
	s.ments = kept
	if dropped { // else the mentions are in order and the tokens know them
		sortMentions(s)
	}
}

// hyphenAfter reports whether token i is joined by a hyphen to a lower-case
// word after it (Iran-backed, Tuareg-led).
func (s *sent) hyphenAfter(i int) bool {
	toks := s.seg.Tokens
	if i+2 >= len(toks) || toks[i+1].Text != "-" || toks[i+1].Start != toks[i].End || toks[i+2].Start != toks[i+1].End {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i+2].Text)
	return unicode.IsLower(r)
}

// capitalized reports whether token i is a word written with a capital.
func (s *sent) capitalized(i int) bool {
	if i < 0 || i >= s.n() || s.seg.Tokens[i].Kind != textnorm.Word {
		return false
	}
	t := s.seg.Tokens[i].Text
	if t != "" && t[0] < utf8.RuneSelf {
		return 'A' <= t[0] && t[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// allCaps reports whether token i is an acronym (RSF, MINUSMA).
func (s *sent) allCaps(i int) bool {
	t := s.seg.Tokens[i].Text
	if utf8.RuneCountInString(t) < 2 {
		return false
	}
	for _, r := range t {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nameWord reports whether token i may be part of a name the lexicon lacks.
func (s *sent) nameWord(i int) bool {
	if !s.capitalized(i) {
		return false
	}
	t := &s.toks[i]
	if t.ment >= 0 || t.time >= 0 || t.trig >= 0 || t.count >= 0 || s.en.notName.has(i) {
		return false
	}
	if t.cues == 0 {
		return true
	}
	// a capitalised head noun continues a name (the Sudan Doctors Network, Arakan Army)
	return t.cues&notInName == 0 && t.cues&nameHeads != 0
}

// The cues of nameWord: words that never continue a name, and the head
// nouns that do when capitalised.
var (
	notInName = cueMask(lexicon.CueTitle, lexicon.CueDet, lexicon.CueLoc, lexicon.CueNeg, lexicon.CueConj, lexicon.CueComp,
		lexicon.CueRel, lexicon.CueAgainst, lexicon.CueWith, lexicon.CueTo, lexicon.CueAgent, lexicon.CueBe, lexicon.CueAux,
		lexicon.CuePron, lexicon.CueFuture, lexicon.CueCond, lexicon.CueDemonstr, lexicon.CueBound, lexicon.CueFrame, lexicon.CueAbout)
	nameHeads = cueMask(lexicon.CueOrgHead, lexicon.CueForce, lexicon.CueGroupHead, lexicon.CuePlaceHead)
)

// cueMask returns the set of the classes ks, for a list only known at run
// time (c.any(cueMask(ks...))) or a set named once.
func cueMask(ks ...lexicon.CueClass) cueSet {
	var m cueSet
	for _, k := range ks {
		m |= 1 << k
	}
	return m
}

// connector reports whether token i may join two parts of a name: of, for,
// the, and, al-, bin, a hyphen between adjacent words.
func (s *sent) connector(i int) bool {
	tk := &s.seg.Tokens[i]
	if tk.Text == "-" {
		return i > 0 && s.seg.Tokens[i-1].End == tk.Start && i+1 < s.n() && s.seg.Tokens[i+1].Start == tk.End
	}
	if tk.Text == "." {
		// an initial inside a name: Dwight D. Eisenhower
		return i > 0 && s.seg.Tokens[i-1].End == tk.Start && utf8.RuneCountInString(s.seg.Tokens[i-1].Text) == 1 && s.capitalized(i-1)
	}
	switch tk.Norm {
	case "of", "for", "the", "al", "el", "bin", "ibn", "abu", "de", "van", "von", "ez", "ad", "ash":
		return true
	}
	return false
}

// namesEN reads the capitalised names that the lexicon lacks: a run of
// capitalised words (with of, for, the, al- inside) is a place after a
// locative preposition, after "the town of" or before "region", else an
// actor as written; a run of two words or more, or one after a title, is
// ranked as a person, one ending in an organisation noun as an organisation.
func (s *sent) namesEN() {
	n := s.n()
	add := make([]mention, 0, 4) // on the stack unless a sentence has more
	for i := s.en.initial; i < n; i++ {
		if tk := &s.seg.Tokens[i]; tk.Kind != textnorm.Word || tk.Text != "" && tk.Text[0] < utf8.RuneSelf && (tk.Text[0] < 'A' || tk.Text[0] > 'Z') {
			continue // not capitalised (most words): no name starts here
		}
		if !s.nameWord(i) {
			continue
		}
		j, words := i, 0
		for j < n {
			if s.nameWord(j) {
				j++
				words++
				continue
			}
			if s.connector(j) && j+1 < n && s.nameWord(j+1) {
				j++
				continue
			}
			break
		}
		first, last := i, j
		i = j - 1
		onlyCues := true
		for k := first; k < last; k++ {
			if s.nameWord(k) && s.toks[k].cues == 0 {
				onlyCues = false
			}
		}
		if onlyCues {
			continue // Army, Air Force: a capitalised noun, no name
		}
		// a sentence's first word alone is an ordinary word (Residents said, Gunmen on …)
		if first == s.en.initial || first > 0 && s.isPunct(first-1) && (isQuoteMark(s.seg.Tokens[first-1].Text) || s.seg.Tokens[first-1].Text == "(") && first-1 == s.en.initial {
			if words == 1 && !s.allCaps(first) {
				continue
			}
		}
		// an adjective before a noun: Kurdish forces, Tuareg rebels, the Buddhist majority
		if words == 1 && last < n && !s.capitalized(last) && s.seg.Tokens[last].Kind == textnorm.Word && s.toks[last].ment < 0 && s.toks[last].trig < 0 && s.toks[last].time < 0 &&
			(s.toks[last].cues == 0 || s.toks[last].cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead|1<<lexicon.CueVictim)) && !s.toks[last].cues.has(lexicon.CueTitle) {
			continue
		}
		// a model name (Shahed drones), a compound modifier (Tuareg-led), a numbered name (Route 1)
		if last < n && (s.toks[last].unit >= 0 || s.toks[last].cues.any(1<<lexicon.CueDrone|1<<lexicon.CueMissile|1<<lexicon.CueRocket) ||
			s.seg.Tokens[last].Kind == textnorm.Number || s.hyphenAfter(last-1)) {
			continue
		}
		m := mention{first: first, last: last, fallback: true, text: s.seg.Slice(first, last)}
		switch {
		case s.placeContext(first, last):
			m.isPlace = true
			m.pp = lexicon.CueLoc
		default:
			m.rankEN = 2
			headCue := s.toks[last-1].cues.any(1<<lexicon.CueOrgHead | 1<<lexicon.CueForce | 1<<lexicon.CueGroupHead)
			if !headCue && !s.allCaps(last-1) && (words >= 2 || s.titleBefore(first)) {
				m.rankEN = 3
			}
		}
		add = append(add, m)
	}
	for _, m := range add {
		s.addMention(m)
	}
}

// titleBefore reports whether a title word stands right before token i
// (President X, Gen. X, spokesman X).
func (s *sent) titleBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if s.isPunct(j) && s.seg.Tokens[j].Text == "." {
			continue
		}
		return s.toks[j].cues.has(lexicon.CueTitle)
	}
	return false
}

// placeContext reports whether the name at tokens [first, last) is a place:
// after a locative preposition (in Tidermene, near Menaka), after "the
// (southern) town of", or before a place noun (the Segou region).
func (s *sent) placeContext(first, last int) bool {
	if last < s.n() && s.toks[last].cues.has(lexicon.CuePlaceHead) && !s.capitalized(last) {
		return true
	}
	j := first - 1
	for j >= s.en.initial && j >= first-4 && s.norm(j) != "of" && (s.plainWord(j) && !s.capitalized(j) || s.norm(j) == "the" || s.seg.Tokens[j].Text == "-" || s.en.notName.has(j)) &&
		!s.toks[j].cues.any(1<<lexicon.CueLoc|1<<lexicon.CueTo) {
		j-- // toward the Israeli-controlled Golan Heights
	}
	if j >= 0 && s.toks[j].cues.any(1<<lexicon.CueLoc|1<<lexicon.CueTo) && s.norm(j) != "to" {
		return true
	}
	if j >= 1 && s.norm(j) == "of" && s.toks[j-1].cues.has(lexicon.CuePlaceHead) {
		return true
	}
	return false
}

// anaphoraEN resolves "the group" (with adjectives: the Iran-aligned group)
// to the last group named, and "the army", "the military", "an army post"
// to the last armed forces named.
func (s *sent) anaphoraEN(mem *memory) {
	n := s.n()
	em := enMem(mem)
	if mem.lastGroup == nil && em.lastCity == nil && em.lastArmy == nil {
		return // nothing named yet to refer back to
	}
	for i := s.en.initial; i < n; i++ {
		t := &s.toks[i]
		if t.ment >= 0 || t.trig >= 0 || s.seg.Tokens[i].Kind != textnorm.Word {
			continue
		}
		switch s.norm(i) {
		case "group", "militia", "movement":
			if !t.cues.has(lexicon.CueGroupHead) || mem.lastGroup == nil || !s.definiteBefore(i) ||
				i+1 < n && (s.norm(i+1) == "of" || s.toks[i+1].ment >= 0 || s.capitalized(i+1)) {
				continue
			}
			g := mem.lastGroup
			start := s.npStart(i)
			s.addMention(mention{first: start, last: i + 1, actor: g.actor, fallback: g.actor == nil, text: g.name, anaphor: true})
		case "city", "town":
			if em.lastCity != nil && i > 0 && s.norm(i-1) == "the" && (i+1 >= n || s.norm(i+1) != "of") {
				// the city's east: the last city named
				s.addMention(mention{first: i - 1, last: i + 1, place: em.lastCity, isPlace: true, text: s.seg.Slice(i-1, i+1), anaphor: true})
			}
		case "army", "military":
			if em.lastArmy == nil || i > 0 && s.toks[i-1].ment >= 0 || s.capitalized(i) && i > s.en.initial {
				continue
			}
			a := em.lastArmy
			start := i
			if i > 0 && s.toks[i-1].cues.has(lexicon.CueDet) && s.toks[i-1].ment < 0 {
				start = i - 1
			}
			s.addMention(mention{first: start, last: i + 1, actor: a.actor, fallback: a.actor == nil, text: a.name, anaphor: true})
		}
	}
}

// definiteBefore reports whether "the" (or this, that) opens the noun
// phrase ending at token i, with adjectives between.
func (s *sent) definiteBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch s.norm(j) {
		case "the", "this", "that":
			return true
		}
		if s.seg.Tokens[j].Text == "-" || s.plainWord(j) {
			continue
		}
		return false
	}
	return false
}

// npStart returns the first token of the noun phrase ending at token i: its
// determiner and adjectives.
func (s *sent) npStart(i int) int {
	start := i
	for j := i - 1; j >= s.en.initial && j >= i-4; j-- {
		if s.seg.Tokens[j].Text == "-" || s.plainWord(j) || s.toks[j].cues.has(lexicon.CueDet) && s.toks[j].ment < 0 {
			start = j
			if s.toks[j].cues.has(lexicon.CueDet) {
				break
			}
			continue
		}
		break
	}
	return start
}
