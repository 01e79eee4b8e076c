package parse

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/sentence"
	"github.com/eventline/eventline/parse/textnorm"
)

// cueSet is a set of cue classes.
type cueSet uint64

func (c cueSet) has(k lexicon.CueClass) bool { return c&(1<<k) != 0 }

// any reports whether c holds one of the classes of m, written as a
// constant (c.any(1<<lexicon.CueLoc | 1<<lexicon.CueTo)): one test, where
// a list of classes would be walked at each call.
func (c cueSet) any(m cueSet) bool { return c&m != 0 }

// tokInfo is what the scan found at one token of a sentence. Indices are -1
// when nothing was found.
type tokInfo struct {
	cues    cueSet // classes of the cue phrase covering the token
	cueHead bool   // the token starts that cue phrase
	ment    int    // mention
	trig    int    // trigger
	time    int    // time expression
	count   int    // count (its hedge and number words, not its noun)
	unit    int    // count whose unit noun this is
	quote   int    // quotation holding the token (not its marks)
	clause  int
	prepB   bool // a lone preposition token (بـ"..." is tokenized ب " ...)
}

// quote is a quotation: marks at open and close, content tokens between.
type quote struct {
	open, close int
	long        bool // direct speech: triggers inside are not events of the sentence
	name        bool // the whole content is one lexicon name
}

// mention is an actor or a place named in a sentence, from the lexicon or,
// for a noun phrase the lexicon lacks, as written.
type mention struct {
	first, last int
	actor       *lexicon.Actor
	place       *lexicon.Place
	isPlace     bool // read as a place here
	demonym     bool
	fallback    bool   // not in the lexicon: text is the noun phrase as written
	text        string // the name as written (fallback); "" for the phrase as written (see textOf)
	clitics     lexicon.Clitics
	chain       int
	victim      bool
	anaphor     bool // a demonstrative or a role noun resolved to an earlier actor
	person      bool // a fallback that is a person's name after a title
	pp          lexicon.CueClass
	ppPrepB     bool // after a clitic or lone بـ
	ppLam       bool // after a clitic لـ
	ppRead      bool // pp, ppPrepB and ppLam are prepBefore's (readPlaces)
	rankEN      int8 // English: the rank of a name as written (see english.go), 0 when not set
}

// trigHit is a trigger found in a sentence.
type trigHit struct {
	first, last int
	t           *lexicon.Trigger
	clitics     lexicon.Clitics
	suffix      string
	verb        bool
	inQuote     int // the long quotation holding it, or -1
	dropped     bool
	why         string // why it was dropped, for explain
	mergedInto  int    // a violent trigger merged into another one, or -1
	generic     bool   // after أي: an event only in a threat
}

// chain is a run of adjacent mentions that name one participant
// (رئيس الحكومة العراقية محمد شياع السوداني): its best is the most specific.
type chain struct {
	first, last int // tokens
	ments       []int
	best        int  // mention index
	coord       bool // starts with the conjunction و: coordinated with the chain before
}

// sent is one sentence under analysis.
type sent struct {
	lex     *lexicon.Lexicon
	words   *textnorm.WordCache[wordFacts] // the parser's (wordFacts); nil in some tests
	idx     int
	s       sentence.Sentence
	seg     textnorm.Segment
	lang    string
	day     string // the published date as YYYY-MM-DD, "" when unknown
	toks    []tokInfo
	ments   []mention
	chains  []chain
	trigs   []trigHit
	times   []timeSpan
	counts  []countSpan
	cdrop   []bool // counts dropped (a name holding a number)
	cueAll  cueSet // the classes of all the sentence's cue phrases: a rule looking for a class skips a sentence without it
	marks   uint8  // the marks its punctuation may be (markQuote …), from blankInfos
	moved   bool   // a mention was widened over the words before it (checkDemonyms): mentions need sorting
	quotes  []quote
	clauses []clause
	en      *enSent // English: what the English rules add (english.go); nil for Arabic
	buf     *sentBuffers
}

// sentBuffers are the sentence under analysis and the storage of its
// slices, kept for the next sentence of the article once one is done
// (nothing keeps a sentence's slices past it: events, the article's memory
// and explain copy what they need).
type sentBuffers struct {
	sent    sent // the sentence being read (run)
	tokens  []textnorm.Token
	infos   []tokInfo
	matches []lexicon.Match
	ments   []mention
	trigs   []trigHit
	quotes  []quote
	clauses []clause
	chains  []chain
	chainOf []int // the chains' mentions (buildChains)
	drafts  []draft
	cdrop   []bool
	times   []timeSpan
	counts  []countSpan
	ints    []int // scratch of one function at a time
	events  []events.Event
	nums    []eventNums // the ids' and numbers' parts of events (finishRecords)
	ids     []byte      // the ids of the article's records, back to back (finishRecords)

	// inTime reports whether a token of the sentence timed is part of a time
	// expression: findCounts' skip, made once (a closure per sentence would
	// be allocated each time, findCounts being a function variable)
	inTime func(int) bool
	timed  *sent
}

// inTimeFunc returns inTime, bound to the sentence s until b.timed is
// reset.
func (b *sentBuffers) inTimeFunc(s *sent) func(int) bool {
	b.timed = s
	if b.inTime == nil {
		b.inTime = func(i int) bool {
			t := b.timed
			return i >= 0 && i < len(t.toks) && t.toks[i].time >= 0
		}
	}
	return b.inTime
}

// blankTok is a token's facts before the scan finds anything.
var blankTok = tokInfo{ment: -1, trig: -1, time: -1, count: -1, unit: -1, quote: -1, clause: 0}

// blankInfos returns the token facts of the tokens of a sentence, each
// blankTok (stored whole, which is cheaper than setting each field; a copy
// from a run of blanks kept in the buffers takes fewer instructions still,
// but reads twice the memory), and the marks (markQuote, markDash) its
// punctuation may be. With prep, a lone preposition token (ب، ل) is marked
// prepB. One loop does all three: each is a test of a field the copy's
// loop holds, where a loop of its own costs its own pass over the tokens.
func (b *sentBuffers) blankInfos(tokens []textnorm.Token, prep bool) ([]tokInfo, uint8) {
	n := len(tokens)
	infos := slices.Grow(b.infos[:0], n)[:n]
	var marks uint8
	for i := range infos {
		infos[i] = blankTok
		switch t := &tokens[i]; t.Kind {
		case textnorm.Punct:
			if t.Text != "" {
				marks |= punctMarks[t.Text[0]]
			}
		case textnorm.Word:
			if prep && (t.Norm == "ب" || t.Norm == "ل") {
				infos[i].prepB = true
			}
		}
	}
	return infos, marks
}

// The marks a sentence's punctuation may be (sent.marks): a rule looking
// for one skips a sentence without it.
const (
	markQuote uint8 = 1 << iota // a token may be one of isQuoteMark's marks
	markDash                    // a token may be a dash of a dateline (dropDateline)
)

// punctMarks maps the first byte of a punctuation token to the marks it
// may be.
var punctMarks = func() (t [256]uint8) {
	for _, m := range quoteMarks {
		t[m[0]] |= markQuote
	}
	for _, m := range datelineDashes {
		t[m[0]] |= markDash
	}
	return t
}()

// quoteMarks are the quotation marks (isQuoteMark), datelineDashes the
// dashes after a dateline (dropDateline).
var (
	quoteMarks     = []string{"«", "»", "“", "”", "\"", "„"}
	datelineDashes = []string{"-", "–", "—"}
)

// keep takes back the buffers of the finished sentence s.
func (b *sentBuffers) keep(s *sent) {
	b.tokens = larger(b.tokens, s.seg.Tokens)
	b.infos = larger(b.infos, s.toks)
	b.ments = larger(b.ments, s.ments)
	b.trigs = larger(b.trigs, s.trigs)
	b.quotes = larger(b.quotes, s.quotes)
	b.clauses = larger(b.clauses, s.clauses)
	b.chains = larger(b.chains, s.chains)
	b.cdrop = larger(b.cdrop, s.cdrop)
	b.times = larger(b.times, s.times)
	b.counts = larger(b.counts, s.counts)
}

// larger returns the one of two buffers with the larger capacity, emptied.
func larger[T any](kept, used []T) []T {
	if cap(used) > cap(kept) {
		return used[:0]
	}
	return kept[:0]
}

func (s *sent) n() int { return len(s.seg.Tokens) }

func (s *sent) norm(i int) string {
	if i < 0 || i >= len(s.seg.Tokens) {
		return ""
	}
	return s.seg.Tokens[i].Norm
}

func (s *sent) isPunct(i int) bool {
	return i >= 0 && i < len(s.seg.Tokens) && s.seg.Tokens[i].Kind == textnorm.Punct
}

func isQuoteMark(t string) bool {
	switch t {
	case "«", "»", "“", "”", "\"", "„":
		return true
	}
	return false
}

// scan tokenizes the sentence and finds quotations, time expressions,
// counts, lexicon phrases and mentions.
//
// Time expressions and counts are looked for only in a sentence where the
// lexicon finds a trigger: a sentence without one has no event (it still
// names actors, for the article's memory). It returns whether there is one.
func (p *Parser) scan(s *sent, anchor time.Time, mem *memory) bool {
	s.lex, s.words = p.lex, &p.words
	if s.lang == "en" {
		return p.scanEN(s, anchor, mem)
	}
	s.seg = textnorm.NewSegmentIn(s.buf.tokens, s.s.Text, s.s.Start)
	s.toks, s.marks = s.buf.blankInfos(s.seg.Tokens, true)
	s.ments, s.trigs, s.quotes, s.clauses = s.buf.ments[:0], s.buf.trigs[:0], s.buf.quotes[:0], s.buf.clauses[:0]
	s.findQuotes()
	matches := p.lex.AppendMatches(s.buf.matches[:0], s.seg.Tokens, s.lang)
	s.buf.matches = matches
	hasTrigger := false
find:
	for k := range matches { // by index: a Match and an Entry are several words each
		es := matches[k].Entries
		for x := range es {
			if es[x].Trigger != nil {
				hasTrigger = true
				break find
			}
		}
	}
	if hasTrigger {
		s.findTimesAndCounts(anchor)
	}
	for k := range matches {
		p.addMatch(s, &matches[k])
	}
	s.dropDateline()
	s.markQuoteNames()
	s.checkDemonyms()
	s.readPlaces()
	s.anaphora(mem)
	s.fallbackPlaces()
	s.personNames()
	return hasTrigger
}

// findTimesAndCounts finds the sentence's time expressions and counts and
// marks their tokens.
func (s *sent) findTimesAndCounts(anchor time.Time) {
	n := s.n()
	s.times = findTimes(s.buf.times[:0], &s.seg, s.lang, anchor)
	for k, t := range s.times {
		for i := max(t.First, 0); i < min(t.Last, n); i++ {
			s.toks[i].time = k
		}
	}
	var skip func(int) bool
	if len(s.times) > 0 { // else no token is in a time expression
		skip = s.buf.inTimeFunc(s)
	}
	s.counts = findCounts(s.buf.counts[:0], &s.seg, s.lang, skip)
	s.buf.timed = nil
	s.cdrop = slices.Grow(s.buf.cdrop[:0], len(s.counts))[:len(s.counts)]
	clear(s.cdrop)
	for k, c := range s.counts {
		// the hedge and the number words; the counted noun is marked as unit
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

// personNames reports a person the lexicon lacks when a title heads a name
// (المتحدث باسم الحكومة الأردنية مهند المبيضين، محافظ مأرب سلطان العرادة):
// after the title and its genitive (up to four words), a first name without
// the article, one or two more words, then the end of the phrase. The name
// is a mention as written, as specific as a person of the lexicon.
func (s *sent) personNames() {
	if !s.cueAll.has(lexicon.CueTitle) {
		return
	}
	n := s.n()
	added := false
	nameWord := func(j int) bool { return j < n && s.plainWord(j) && !strings.HasPrefix(s.norm(j), "ال") }
	articleWord := func(j int) bool { return j < n && s.plainWord(j) && strings.HasPrefix(s.norm(j), "ال") }
	ends := func(j int) bool { return j >= n || s.phraseEndsAfter(j-1) || s.norm(j) == "في" }
	for i := 0; i < n; i++ {
		if !s.toks[i].cueHead || !s.toks[i].cues.has(lexicon.CueTitle) || s.toks[i].ment >= 0 {
			continue
		}
		first, end := -1, -1
		for j := i + 1; j < n && j < i+9; j++ {
			if k := s.toks[j].ment; k >= 0 {
				if m := s.ments[k]; m.actor != nil && m.actor.Kind == lexicon.Person {
					break // the lexicon names the person
				}
				j = s.ments[k].last - 1
				continue
			}
			switch {
			case nameWord(j) && nameWord(j+1):
				// ويليام بيرنز، نبيل عبد الله
				first, end = j, j+2
				if articleWord(j+2) && ends(j+3) {
					end = j + 3
				}
			case nameWord(j) && articleWord(j+1) && ends(j+2) && j > i+1:
				// مهند المبيضين إن، أسعد العيداني في
				first, end = j, j+2
			case s.plainWord(j) || s.norm(j) == "باسم" ||
				s.toks[j].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTitle|1<<lexicon.CueGroupHead) && s.toks[j].trig < 0:
				continue
			}
			break
		}
		if first < 0 {
			continue
		}
		s.ments = append(s.ments, mention{first: first, last: end, fallback: true, person: true, text: s.seg.Slice(first, end)})
		added = true
		i = end - 1
	}
	if added {
		sortMentions(s)
	}
}

// findQuotes pairs quotation marks: «» “” and straight quotes.
func (s *sent) findQuotes() {
	if s.marks&markQuote == 0 {
		return
	}
	open, openText := -1, ""
	for i := range s.seg.Tokens {
		t := &s.seg.Tokens[i]
		if t.Kind != textnorm.Punct || !isQuoteMark(t.Text) {
			continue
		}
		toks := s.seg.Tokens
		closesOnly := t.Text == "\"" && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind != textnorm.Punct &&
			(i+1 == len(toks) || toks[i+1].Start > t.End || toks[i+1].Kind == textnorm.Punct)
		switch {
		case open < 0 && closesOnly:
			// a stray closing quote
		case open < 0 && (t.Text == "«" || t.Text == "“" || t.Text == "\"" || t.Text == "„"):
			open, openText = i, t.Text
		case open >= 0 && (t.Text == "»" && openText == "«" || t.Text == "”" && (openText == "“" || openText == "„") ||
			t.Text == "\"" && (openText == "\"" || openText == "„") || t.Text == "“" && openText == "„"):
			words := 0
			for j := open + 1; j < i; j++ {
				if s.seg.Tokens[j].Kind != textnorm.Punct {
					words++
				}
			}
			q := quote{open: open, close: i, long: words >= 5}
			s.quotes = append(s.quotes, q)
			for j := open + 1; j < i; j++ {
				s.toks[j].quote = len(s.quotes) - 1
			}
			open = -1
		}
	}
}

// inLongQuote returns the long quotation holding token i, or -1.
func (s *sent) inLongQuote(i int) int {
	if i < 0 || i >= len(s.toks) {
		return -1
	}
	q := s.toks[i].quote
	if q >= 0 && s.quotes[q].long && !s.quotes[q].name {
		return q
	}
	return -1
}

// addMatch records one lexicon match: its cue classes, and a mention or a
// trigger. Time expressions win over the lexicon.
func (p *Parser) addMatch(s *sent, m *lexicon.Match) {
	if len(s.times) > 0 { // else no token is in one
		for i := m.First; i < m.Last; i++ {
			if s.toks[i].time >= 0 {
				return
			}
		}
	}
	var cues cueSet
	var actor, demonym *lexicon.Actor
	var place *lexicon.Place
	var trig *lexicon.Trigger
	verb := false
	for k := range m.Entries {
		e := &m.Entries[k]
		switch {
		case e.Cue != nil:
			cues |= 1 << e.Cue.Class
		case e.Actor != nil && e.Demonym:
			if demonym == nil {
				demonym = e.Actor
			}
		case e.Actor != nil:
			if actor == nil {
				actor = e.Actor
			}
		case e.Place != nil:
			if place == nil {
				place = e.Place
			}
		case e.Trigger != nil:
			if trig == nil || (e.Trigger.Verb() && !trig.Verb() && m.Clitics.Prep == 0 && !m.Clitics.Article) {
				trig = e.Trigger
				verb = e.Trigger.Verb()
			}
		}
	}
	if (actor != nil || place != nil) && len(s.counts) > 0 {
		// a name holding a number (البرج 22) is no count
		for i := m.First; i < m.Last; i++ {
			if c := s.toks[i].count; c >= 0 {
				s.cdrop[c] = true
			}
		}
	}
	if cues != 0 {
		for i := m.First; i < m.Last; i++ {
			s.toks[i].cues |= cues
		}
		s.toks[m.First].cueHead = true
		s.cueAll |= cues
	}
	switch {
	case actor != nil || place != nil:
		s.addMention(mention{first: m.First, last: m.Last, actor: actor, place: place, clitics: m.Clitics,
			isPlace: actor == nil})
	case demonym != nil:
		s.addMention(mention{first: m.First, last: m.Last, actor: demonym, demonym: true, clitics: m.Clitics})
	case trig != nil:
		// a count's number words are never a trigger (a stated zero, لم تسفر الغارة
		// عن إصابات, spans words that may be)
		for i := m.First; i < m.Last && len(s.counts) > 0; i++ {
			if c := s.toks[i].count; c >= 0 && s.counts[c].Value != 0 {
				return
			}
		}
		if m.Clitics.Prep != 0 || m.Clitics.Article {
			verb = false
		}
		s.trigs = append(s.trigs, trigHit{first: m.First, last: m.Last, t: trig, clitics: m.Clitics, suffix: m.Suffix, verb: verb, inQuote: -1, mergedInto: -1})
		for i := m.First; i < m.Last; i++ {
			s.toks[i].trig = len(s.trigs) - 1
		}
	}
}

// textOf returns the text of mention m: the name as written of a fallback,
// else the phrase as written (worked out only when asked for: the lexicon's
// names are known by their actor or place).
func (s *sent) textOf(m *mention) string {
	if m.text != "" {
		return m.text
	}
	return s.seg.Slice(m.first, m.last)
}

func (s *sent) addMention(m mention) {
	s.ments = append(s.ments, m)
	for i := m.first; i < m.last; i++ {
		s.toks[i].ment = len(s.ments) - 1
	}
}

// dropDateline forgets the names of a dateline opening a paragraph
// ("واشنطن (رويترز) -"، "الخرطوم/الأناضول -"): the place where the story was
// filed and the outlet are no participants of its events.
func (s *sent) dropDateline() {
	if s.marks&markDash == 0 {
		return
	}
	n := s.n()
	dash := -1
	for j := 0; j < n && j < 10; j++ {
		if t := &s.seg.Tokens[j]; t.Kind == textnorm.Punct && (t.Text == "-" || t.Text == "–" || t.Text == "—") {
			dash = j
			break
		}
	}
	if dash < 1 {
		return
	}
	marked := false
	for j := 0; j < dash; j++ {
		if t := s.seg.Tokens[j].Text; t == ")" || t == "/" {
			marked = true
		}
	}
	if !marked {
		return
	}
	kept := s.ments[:0]
	for _, m := range s.ments {
		if m.last <= dash {
			continue
		}
		kept = append(kept, m)
	}
	s.ments = kept
	sortMentions(s)
}

// markQuoteNames marks quotations whose whole content is one name
// ("المقاومة الإسلامية في العراق"), and long quotations after a preposition
// (على "قاعدة الاحتلال الأميركي في مطار أربيل"): a quoted phrase, not
// direct speech. Both are transparent.
func (s *sent) markQuoteNames() {
	for k := range s.quotes {
		q := &s.quotes[k]
		if q.close-q.open < 2 {
			continue
		}
		if j := q.open - 1; j >= 0 && s.toks[j].cues.any(1<<lexicon.CueAgainst|1<<lexicon.CueLoc|1<<lexicon.CueWith|1<<lexicon.CueTo|1<<lexicon.CueAbout|1<<lexicon.CueAgent) {
			q.long = false
		}
		if j := q.open - 1; j >= 0 && s.toks[j].cues.any(1<<lexicon.CueGroupHead|1<<lexicon.CuePlaceHead|1<<lexicon.CueNaming) {
			q.long = false // تنظيم "واي بي جي/ بي كا كا": a name
		}
		m := s.toks[q.open+1].ment
		if m >= 0 && s.ments[m].first == q.open+1 && s.ments[m].last == q.close {
			q.name = true
		}
	}
}

// checkDemonyms keeps a demonym as an actor only after a force or official
// noun (جنود أميركيون، القوات الأميركية), after an event noun (غارات
// أميركية, with its weapon adjectives between), or coordinated with such a
// demonym (جنود أميركيون وفرنسيون); the mention then spans the head noun.
func (s *sent) checkDemonyms() {
	prevOK := -1 // last token of the previous accepted demonym
	for k := range s.ments {
		m := &s.ments[k]
		if !m.demonym {
			continue
		}
		ok := false
		head := m.first
		j := m.first - 1
		if j >= 0 && s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
			// a quoted name between the noun and its adjective: موقع "الراهب" الإسرائيلي
			for _, q := range s.quotes {
				if q.close == j && q.open > 0 {
					j = q.open - 1
				}
			}
		}
		if j >= 1 && s.plainWord(j) && s.toks[j-1].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTarget) && s.toks[j-1].ment < 0 {
			ok = true // one adjective between: سفينة تجارية أميركية
		} else if j >= 0 && s.toks[j].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTarget) && j != m.first-1 {
			ok = true
		} else if j >= 0 && s.toks[j].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTarget) {
			ok = true
			head = j
			for head > 0 && s.toks[head-1].cues.any(1<<lexicon.CueForce|1<<lexicon.CueTarget) && !s.toks[head].cueHead {
				head--
			}
			for head > 0 && s.toks[head-1].cues.has(lexicon.CueForce) && s.toks[head-1].ment < 0 && m.first-head < 3 {
				head--
			}
		}
		if !ok && m.clitics.Conj == 'و' && prevOK == m.first-1 {
			ok = true
		}
		if !ok {
			// after an event noun and its weapon adjectives: قصف إسرائيلي، غارة جوية أميركية
			for j = m.first - 1; j >= 0 && j >= m.first-3; j-- {
				if t := s.toks[j].trig; t >= 0 {
					ok = !s.trigs[t].verb
					break
				}
				if !s.toks[j].cues.any(1<<lexicon.CueAir | 1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile |
					1<<lexicon.CueArtillery) {
					break
				}
			}
		}
		if !ok {
			m.actor = nil
			continue
		}
		if head < m.first && s.toks[head].ment < 0 && s.toks[head].trig < 0 {
			for i := head; i < m.first; i++ {
				s.toks[i].ment = k
			}
			m.clitics = lexicon.Clitics{}
			m.first = head
			s.moved = true
		}
		prevOK = m.last - 1
	}
	// drop the rejected demonyms
	rejected := false
	for k := range s.ments {
		if m := &s.ments[k]; m.demonym && m.actor == nil {
			rejected = true
			break
		}
	}
	if !rejected {
		return // the mentions and the tokens' indices stay as they are
	}
	kept := s.ments[:0]
	remap := slices.Grow(s.buf.ints[:0], len(s.ments))[:len(s.ments)] // every element is set below
	s.buf.ints = remap
	for k, m := range s.ments {
		if m.demonym && m.actor == nil {
			remap[k] = -1
			continue
		}
		remap[k] = len(kept)
		kept = append(kept, m)
	}
	s.ments = kept
	for i := range s.toks {
		if s.toks[i].ment >= 0 {
			s.toks[i].ment = remap[s.toks[i].ment]
		}
	}
}

// prepBefore returns the role cue right before token i (a preposition
// token, or a clitic بـ or لـ on it), skipping a quotation mark.
func (s *sent) prepBefore(m *mention) {
	i := m.first
	if m.clitics.Prep == 'ب' {
		m.ppPrepB = true
	}
	if m.clitics.Prep == 'ل' {
		m.ppLam = true
	}
	j := i - 1
	if j >= 0 && s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
		j--
	}
	if j < 0 {
		return
	}
	if s.toks[j].prepB {
		if s.seg.Tokens[j].Norm == "ب" {
			m.ppPrepB = true
		} else {
			m.ppLam = true
		}
		return
	}
	if c := s.toks[j].cues; c&roleCueSet != 0 {
		for _, k := range roleCues {
			if c.has(k) {
				m.pp = k
				return
			}
		}
	}
	// من: a place after it is the origin (انسحاب القوات من العراق)
	if s.norm(j) == "من" {
		m.pp = lexicon.CueLoc
	}
}

// roleCues are the classes of the prepositions that give a mention its
// role, in the order prepBefore tries them.
var roleCues = [...]lexicon.CueClass{lexicon.CueLoc, lexicon.CueAgainst, lexicon.CueWith, lexicon.CueTo, lexicon.CueAbout, lexicon.CueAgent}

// roleCueSet is the set of roleCues.
const roleCueSet = cueSet(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueTo | 1<<lexicon.CueAbout | 1<<lexicon.CueAgent)

// readPlaces decides, for names that are both an actor and a place
// (العراق، واشنطن), which one the sentence means: a place after a locative
// preposition (في العراق، بالعراق، من العراق), an actor elsewhere.
func (s *sent) readPlaces() {
	for k := range s.ments {
		m := &s.ments[k]
		s.prepBefore(m) // a mention of the lexicon has no role cue yet
		m.ppRead = true
		if m.actor != nil && m.place == nil && !m.demonym {
			// an actor-only name; a place reading may hide under the same alias
			continue
		}
		if m.place != nil && m.actor != nil {
			m.isPlace = m.pp == lexicon.CueLoc || m.ppPrepB ||
				// a destination (زيارة إلى واشنطن) or a place noun's name (مدينة تل أبيب)
				m.pp == lexicon.CueTo && (m.actor.Kind == lexicon.State) ||
				m.first > 0 && s.toks[m.first-1].cues.has(lexicon.CuePlaceHead) && s.toks[m.first-1].ment < 0
			// coordinated with a place: في العراق وسوريا
			if !m.isPlace && m.clitics.Conj == 'و' && k > 0 && s.ments[k-1].isPlace && s.ments[k-1].last == m.first {
				m.isPlace = true
			}
		}
	}
}

// anaphora resolves a demonstrative with a group noun (هذه الجماعات، هذا
// التشكيل) to the last group named in the article, and a bare role noun
// (المسؤول، المتحدث) to the last speaker.
func (s *sent) anaphora(mem *memory) {
	n := s.n()
	added := len(s.ments)
	if g := mem.lastGroup; g != nil && s.cueAll.has(lexicon.CueDemonstr) {
		for i := 0; i+1 < n; i++ {
			if !s.toks[i].cues.has(lexicon.CueDemonstr) || s.toks[i].ment >= 0 {
				continue
			}
			j := i + 1
			if !s.toks[j].cues.has(lexicon.CueGroupHead) || s.toks[j].ment >= 0 {
				continue
			}
			m := mention{first: i, last: j + 1, actor: g.actor, fallback: g.actor == nil, text: g.name, anaphor: true}
			if g.actor == nil {
				m.text = g.name
			}
			s.addMention(m)
		}
	}
	if sp := mem.lastSpeaker; sp != nil && s.cueAll.has(lexicon.CueRoleHead) {
		for i := 0; i < n; i++ {
			if !s.toks[i].cues.has(lexicon.CueRoleHead) || !s.toks[i].cueHead || s.toks[i].ment >= 0 {
				continue
			}
			// المسؤول followed by a name or a genitive is not a reference back
			// (المسؤول العراقي فلان، المتحدث باسم الحكومة)
			if !s.phraseEndsAfter(i) {
				continue
			}
			s.addMention(mention{first: i, last: i + 1, actor: sp.actor, fallback: sp.actor == nil, text: sp.name, anaphor: true})
		}
	}
	// a bare definite group noun (غير أن الجماعة لم تستبعد …): the last group named
	if g := mem.lastGroup; g != nil && s.cueAll.has(lexicon.CueGroupHead) {
		for i := 0; i < n; i++ {
			t := &s.toks[i]
			if !t.cues.has(lexicon.CueGroupHead) || !t.cueHead || t.ment >= 0 || !strings.HasPrefix(s.norm(i), "ال") {
				continue
			}
			if i > 0 && s.toks[i-1].cues.has(lexicon.CueDemonstr) || !s.phraseEndsAfter(i) {
				continue
			}
			s.addMention(mention{first: i, last: i + 1, actor: g.actor, fallback: g.actor == nil, text: g.name, anaphor: true})
		}
	}
	// keep mentions in token order; they are, and the tokens know their
	// mentions, unless one was added or widened
	if len(s.ments) > added || s.moved {
		sortMentions(s)
	}
}

func sortMentions(s *sent) {
	ms := s.ments
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].first < ms[j-1].first; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	for i := range s.toks {
		s.toks[i].ment = -1
	}
	for k, m := range ms {
		for i := m.first; i < m.last; i++ {
			s.toks[i].ment = k
		}
	}
}

// phraseEndsAfter reports whether the noun phrase of token i ends with it:
// what follows is punctuation, a clause cue, a verb or the end.
func (s *sent) phraseEndsAfter(i int) bool {
	j := i + 1
	if j >= s.n() {
		return true
	}
	if s.isPunct(j) {
		return true
	}
	t := &s.toks[j]
	if t.trig >= 0 || t.time >= 0 {
		return true
	}
	return t.cueHead && t.ment < 0 && t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueCompPron|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueNeg|1<<lexicon.CueLoc|1<<lexicon.CueSupport|1<<lexicon.CueFuture|1<<lexicon.CueAgainst|1<<lexicon.CueTo|1<<lexicon.CueAbout|1<<lexicon.CueExist)
}

// fallbackPlaces reports a place the gazetteer lacks when a place noun
// heads a name after a locative preposition (في مدينة كادوقلي، قرب قرية أم
// دافوق): the noun and the name as written.
func (s *sent) fallbackPlaces() {
	if !s.cueAll.has(lexicon.CuePlaceHead) {
		return
	}
	n := s.n()
	added := false
	for i := 0; i < n; i++ {
		t := &s.toks[i]
		if !t.cues.has(lexicon.CuePlaceHead) || !t.cueHead || t.ment >= 0 || t.trig >= 0 {
			continue
		}
		prepOK := false
		if j := i - 1; j >= 0 && (s.toks[j].cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst) || s.toks[j].prepB || s.norm(j) == "من") {
			prepOK = true
		}
		w := s.seg.Tokens[i].Norm
		if strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "وب") || strings.HasPrefix(w, "في") {
			prepOK = true
		}
		if !prepOK {
			continue
		}
		// the name: up to three words that are no cue, trigger, time, count or mention
		last := i + 1
		for last < n && last < i+4 && s.plainWord(last) && !(last > i+1 && strings.HasPrefix(s.norm(last), "ل")) {
			last++
		}
		if last == i+1 {
			// the head alone, or followed by a known place (في مطار أربيل is in the lexicon)
			continue
		}
		if w := s.norm(i + 1); !strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "يه") {
			continue // قاعدة عسكرية: a kind of place, not a name
		}
		text := s.npText(i, last) // last > i+1
		s.ments = append(s.ments, mention{first: i, last: last, isPlace: true, fallback: true, text: text, pp: lexicon.CueLoc})
		added = true
		i = last - 1
	}
	if added {
		sortMentions(s)
	}
}

// plainWord reports whether token i is an ordinary word: no cue, trigger,
// time, count, mention, punctuation, nor one of the prepositions من and
// منذ (too common to be cues, too frequent to be part of a name).
func (s *sent) plainWord(i int) bool {
	t := &s.toks[i]
	if s.seg.Tokens[i].Kind != textnorm.Word || t.cues != 0 || t.trig >= 0 || t.time >= 0 || t.count >= 0 || t.ment >= 0 || t.prepB {
		return false
	}
	switch s.seg.Tokens[i].Norm {
	case "من", "منذ", "ومن", "ومنذ":
		return false
	}
	return true
}

// stripProclitics drops a leading conjunction and preposition (و ف ب ل)
// from a word as written, keeping its marks: وبمدينة → مدينة. A letter comes
// off only when what is left is a word the lexicon knows or starts with the
// article, so that the first letter of وزارة or وفد stays.
func (s *sent) stripProclitics(w string) string {
	if !utf8.ValidString(w) {
		w = string([]rune(w)) // a bad byte is U+FFFD, as in a rune slice
	}
	next := func(i int) (rune, int, int) { // the next letter at or after byte i, skipping marks, and its size
		for i < len(w) {
			r, size := utf8.DecodeRuneInString(w[i:])
			if !foldsAway(r) {
				return r, i, size
			}
			i += size
		}
		return 0, i, 0
	}
	ok := func(from int) bool {
		rest := textnorm.Fold(w[from:])
		if strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "لل") || s.lex != nil && s.lex.Known(s.lang, rest) {
			return true
		}
		if r, size := utf8.DecodeRuneInString(rest); (r == 'ب' || r == 'ل') && len(rest) > size {
			r2 := rest[size:]
			return strings.HasPrefix(r2, "ال") || s.lex != nil && s.lex.Known(s.lang, r2)
		}
		return false
	}
	i := 0
	if r, j, size := next(0); (r == 'و' || r == 'ف') && utf8.RuneCountInString(w[j:]) > 3 && ok(j+size) {
		i = j + size
	}
	if r, j, size := next(i); (r == 'ب' || r == 'ل') && utf8.RuneCountInString(w[j:]) > 3 {
		r2, _, _ := next(j + size)
		if !(r == 'ل' && r2 == 'ل') && ok(j+size) {
			i = j + size
		}
	}
	for i < len(w) {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !foldsAway(r) {
			break
		}
		i += size
	}
	return w[i:]
}

// foldsAway reports whether folding drops rune r (a mark, the tatweel
// U+0640): ASCII and the Arabic letters U+0621–U+064A never go.
func foldsAway(r rune) bool {
	if r < 0x80 || r >= 0x0621 && r <= 0x064A && r != 0x0640 {
		return false
	}
	return textnorm.FoldRune(r) == ""
}

// buildChains groups adjacent actor mentions into chains naming one
// participant.
func (s *sent) buildChains() {
	if s.chains == nil {
		s.chains = s.buf.chains
	}
	s.chains = s.chains[:0]
	// the chains' mentions, chain after chain; only the last chain grows, and
	// the array never does
	all := slices.Grow(s.buf.chainOf[:0], len(s.ments))
	for k := range s.ments {
		if m := &s.ments[k]; !m.ppRead {
			// added after readPlaces (which read the others, from tokens that
			// have not changed since)
			m.pp, m.ppPrepB, m.ppLam = 0, false, false
			s.prepBefore(m)
		}
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.isPlace || m.actor == nil && !m.fallback {
			m.chain = -1
			continue
		}
		if c := len(s.chains) - 1; c >= 0 {
			ch := &s.chains[c]
			gap := m.first - ch.last
			if (gap == 0 && m.clitics.Conj == 0 && m.pp == 0 && !m.ppPrepB ||
				gap == 1 && s.linkWord(ch.last) && m.clitics.Conj == 0) && s.related(ch.best, k) {
				all = append(all, k)
				ch.ments = all[len(all)-len(ch.ments)-1 : len(all) : len(all)]
				ch.last = m.last
				m.chain = c
				if s.rank(k) > s.rank(ch.best) {
					ch.best = k
				}
				continue
			}
		}
		all = append(all, k)
		s.chains = append(s.chains, chain{first: m.first, last: m.last, ments: all[len(all)-1 : len(all) : len(all)], best: k,
			coord: m.clitics.Conj == 'و' && m.first > 0 || m.first > 0 && s.norm(m.first-1) == "و"})
		m.chain = len(s.chains) - 1
	}
	s.buf.chainOf = all
}

// related reports whether two adjacent mentions may name one participant:
// the same actor, one affiliated to the other (وزير الدفاع الأميركي لويد
// أوستن، مسؤول في وزارة الدفاع الأميركية), or a name as written.
func (s *sent) related(a, b int) bool {
	x, y := s.ments[a].actor, s.ments[b].actor
	if s.ments[a].person && y != nil {
		return false // يزور … ويليام بيرنز الدوحة: a name, then its object
	}
	if x == nil || y == nil || x == y {
		return true
	}
	for i, z := 0, y; z != nil && i < 8; i, z = i+1, z.AffiliatedTo() {
		if z == x {
			return true
		}
	}
	for i, z := 0, x; z != nil && i < 8; i, z = i+1, z.AffiliatedTo() {
		if z == y {
			return true
		}
	}
	return false
}

// linkWord reports whether token i may sit inside a chain between two names
// (a title word such as مسؤول، قائد، زعيم): an ordinary word or a force noun.
func (s *sent) linkWord(i int) bool {
	t := &s.toks[i]
	return s.seg.Tokens[i].Kind == textnorm.Word && t.trig < 0 && t.time < 0 && t.count < 0 && !t.prepB &&
		(t.cues == 0 || t.cues.has(lexicon.CueForce) && !t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst))
}

func (s *sent) rank(k int) int {
	m := &s.ments[k]
	if m.actor != nil {
		if m.demonym {
			return 1
		}
		return m.actor.Rank()
	}
	if m.person {
		return 3
	}
	return int(m.rankEN) // a noun phrase as written: 0, or its English rank
}
