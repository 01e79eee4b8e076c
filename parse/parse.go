// Package parse turns an article into events: it splits the body into
// sentences (package sentence), folds and tokenizes them (textnorm), finds
// time expressions (timex) and counts (quantity), matches the lexicons of
// triggers, cues, actors and places (package lexicon), and assembles the
// records of EVENTS.md.
//
// Parse never reads the clock: relative dates resolve against the article's
// published date, and an article without one gets unknown relative dates.
//
// # How a sentence is read
//
// The machinery is language-neutral and the knowledge is data: every word
// the rules look at is a line of lexicon/data/*.tsv with a class, and the
// rules work on classes. For one sentence:
//
//  1. scan: tokens (offsets in the article), quotations (a quotation of five
//     words or more is direct speech: its event words are not events of the
//     sentence, but names in it are still names), time expressions, counts,
//     and the lexicon's phrases, longest first with proclitics off. A name
//     that is both an actor and a place (العراق) is a place after a locative
//     preposition (في، بـ، من) and an actor elsewhere. A demonym names a state
//     after a force noun (جنود أميركيون، القوات الأميركية) or an event noun
//     (غارات أميركية). "هذه الجماعات" refers to the last group named in the
//     article, a bare "المسؤول" to the last speaker. A place noun with a name
//     the gazetteer lacks (في مدينة كادقلي) is a place as written.
//  2. clauses: complementizers (أن، إن), relatives (الذي), conjunctions
//     (بينما), background (على خلفية، ردا على — no events of their own) and
//     circumstances (خلال، جراء) up to the next comma, direct speech, and a
//     verb coordinated with the one before it (و + verb).
//  3. triggers: dropped when negated (لم تقع هجمات), background, inside direct
//     speech, a topic (محادثات بشأن الانسحاب), or missing what they need
//     (نشر needs forces, اعترض a weapon); violent triggers naming one event
//     merge (هجوماً صاروخياً وغارة، غارات جوية استهدفت).
//  4. roles: a verb's subject follows it (VSO) or precedes it; a noun's agent
//     is its genitive (هجمات الجماعات) or the subject of its light verb (شنّت
//     الجماعات … هجوماً); the object, or the phrase after ضد/على/مع, is actor2.
//     Of adjacent names for one participant the most specific wins (person >
//     organisation/group > state); of coordinated ones the first. Without a
//     subject: the subject of the clause a pronoun clause hangs on (أعلنت
//     واشنطن أنها استهدفت), the last speaker for a sentence opening with a
//     verb of saying (وقال، وأضاف), then the noun phrase as written.
//  5. governors: a claim makes the attacks it names `claimed`, a denial
//     `denied`, a threat `hypothetical`; talks and demands absorb their
//     topics; a report verb with a nominal event (أفاد ب"إسقاط طائرة") is
//     that event, dated by the verb; a group saying it struck is a claim plus
//     the claimed attack; a state announcing its own operation is the
//     operation, reported.
//  6. time: each time expression dates the nearest event of its clause; an
//     event without one shares the time of another event of its clause or of
//     a coordinated clause, never a statement's time, never across a
//     quotation; none → unknown (date = published).
//  7. counts: the count whose noun is the trigger (150 هجوماً), else the
//     nearest event its unit fits; casualties to the nearest violent event.
//  8. place: the deepest of the places of the event's clause that lie on one
//     chain, else the smallest place holding them all, else none.
//  9. type: from the class, the weapons named around the trigger and whether
//     actor1 acts for a state.
//
// # Choices where EVENTS.md is silent
//
//   - "X said (on Sunday) that Y happened" gives a statement and Y; a group
//     saying it did Y gives a claim and Y claimed; a state announcing its
//     own operation gives the operation only; what an anonymous source
//     (مصادر طبية، شهود عيان) says is reported, not a statement of its own;
//     "according to" (بحسب ما أفاد) names a source, no statement.
//   - A verb of saying without a subject at the start of a sentence (وقال،
//     وأضاف، كذلك تعهّد) speaks for the last speaker of the article; a bare
//     role noun (المسؤول، الجهاز) refers to them too, a demonstrative with a
//     group noun (هذه الجماعات) or a bare definite group noun (الجماعة) to the
//     last group named. A participle of saying (مضيفاً) continues the
//     statement before it and shares its time and place.
//   - The events of a condition (إذا استمرت الغارات) and the event it
//     conditions are hypothetical; an event after أي (any attack) is one only
//     in a threat. Background (على خلفية، ردا على، منذ بدء الحرب) and events
//     referred back to (هذه الاشتباكات) are no events of the sentence.
//   - A title followed by a name the lexicon lacks (المتحدث باسم الجيش نبيل
//     عبد الله) is a person as written; a dateline (واشنطن (رويترز) -) names
//     no participant.
//   - Places on one chain of the gazetteer give the deepest; a place written
//     as the container of the one before it (اللحية بمحافظة الحديدة) is
//     dropped; places in different countries give no location.
//   - Statements carry the quoted words after their verb, joined by " … ";
//     without quotation marks, the reported clause as written.
//   - Confidence is a score of the evidence (see confidence in extract.go):
//     the kind of trigger, a known or written actor, a resolved date, a
//     place, a count.
//
// English articles go through the same steps and data files; english*.go
// replace only the readers of word order and morphology: noun or verb
// readings of one word (attack, strikes), passives (was shot down by),
// subjects before their verb and past appositions, zero complementizers
// (said it targeted), datelines, and names the lexicon lacks written with
// capitals. A verb of saying that only names a source ("…, officials
// said") is no statement there.
//
// Extract is safe for concurrent use: the Parser is read-only after New.
package parse

import (
	"math/bits"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/sentence"
	"github.com/eventline/eventline/parse/textnorm"
)

// Parser extracts events from articles. It holds the loaded lexicons, is
// read-only after New but for caches of answers the lexicons give, and is
// safe for concurrent use.
type Parser struct {
	lex *lexicon.Lexicon

	// armies holds armyOf's answers, armyKey → *lexicon.Actor, for all
	// articles; the demonyms come from the text, so it stops growing at
	// maxArmies of them.
	armies    sync.Map
	armiesLen atomic.Int64

	// words holds the wordFacts of the words the Arabic role rules asked
	// about, for all articles.
	words textnorm.WordCache[wordFacts]
}

// New loads the embedded lexicons and returns a Parser.
func New() (*Parser, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return &Parser{lex: lex, words: textnorm.WordCache[wordFacts]{Max: maxWordFacts}}, nil
}

// Lexicon returns the parser's lexicon (read-only).
func (p *Parser) Lexicon() *lexicon.Lexicon { return p.lex }

// DetectLang returns "ar" when Arabic letters make up at least a third of
// the letters of text, else "en". It is how --lang auto decides per article.
func DetectLang(text string) string {
	arabic, letters := 0, 0
	for _, r := range text {
		switch {
		case textnorm.IsArabic(r):
			arabic++
			letters++
		case r < 0x0250 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			letters++
		}
		if letters >= 4000 {
			break
		}
	}
	if letters > 0 && arabic*3 >= letters {
		return "ar"
	}
	return "en"
}

// Lang returns the article's language: its metadata, or detected from the
// text when the metadata is empty or "auto".
func Lang(a *events.Article) string {
	if a.Lang != "" && a.Lang != "auto" {
		return a.Lang
	}
	return DetectLang(a.Text)
}

// Sentences splits the article body into sentences.
func (p *Parser) Sentences(a *events.Article) []sentence.Sentence {
	return sentence.Split(a.Text)
}

// Extract returns the events of the article in sentence order, with ids
// assigned and every field of the record filled from the text and the
// article's metadata.
func (p *Parser) Extract(a *events.Article) []events.Event {
	return p.run(a, nil)
}

// Analyze returns what the parser saw in the article — sentences, time
// expressions, counts, actors, places, triggers — and its events, for
// `eventline explain`.
func (p *Parser) Analyze(a *events.Article) *Analysis {
	an := &Analysis{DocID: a.ID, Lang: Lang(a), Published: a.Published}
	an.Events = p.run(a, an)
	an.normalize()
	return an
}

// anchorOf parses the published date; the zero time when it is missing or
// malformed (relative dates are then unknown).
func anchorOf(a *events.Article) time.Time {
	t, err := events.ParseDate(a.Published)
	if err != nil {
		return time.Time{}
	}
	return t
}

func (p *Parser) run(a *events.Article, an *Analysis) []events.Event {
	lang := Lang(a)
	anchor := anchorOf(a)
	day := ""
	if !anchor.IsZero() {
		day = events.FormatDate(anchor)
	}
	sentences := sentence.Split(a.Text)
	mem := &memory{}
	buf := sentBufferPool.Get().(*sentBuffers)
	defer sentBufferPool.Put(buf)
	// the events gather in the pooled buffer; the caller gets a copy of the
	// exact size (an article's count is not known before its last sentence)
	evs := buf.events[:0]
	for _, sen := range sentences {
		s := &buf.sent
		*s = sent{idx: sen.Index, s: sen, lang: lang, day: day, buf: buf}
		evs = p.runSentence(a, s, anchor, mem, an, evs)
		buf.keep(s)
	}
	buf.sent = sent{} // nothing of the article stays in the pool but storage
	buf.events = evs
	out := make([]events.Event, len(evs)) // never nil, as before
	copy(out, evs)
	buf.finishRecords(a.ID, out)
	return out
}

// eventNums are what a record of the article holds behind pointers or in
// its id, kept aside by event until finishRecords writes them all at once.
type eventNums struct {
	n                     int // the event's number in its sentence (finishRecords: the end of its id)
	lat, lon              float64
	count, fatal, injured int
	has                   uint8 // hasCoords | hasCount …
}

// The numbers an eventNums holds.
const (
	hasCoords uint8 = 1 << iota
	hasCount
	hasFatal
	hasInjured
)

// finishRecords writes the ids (events.MakeID's) and the optional numbers
// of the article's records evs from b.nums: the ids as pieces of one string,
// the numbers as elements of one slice of each type, so that an article's
// records take three allocations, not one for each id and number. (The
// records share nothing they could change: each number is an element of
// its own.)
func (b *sentBuffers) finishRecords(docID string, evs []events.Event) {
	nums := b.nums[:len(evs)]
	ids := b.ids[:0]
	floats, ints := 0, 0
	for i := range nums {
		v := &nums[i]
		ids = appendID(ids, docID, evs[i].SentenceIndex, v.n)
		v.n = len(ids) // from here on, where the id ends
		if v.has&hasCoords != 0 {
			floats += 2
		}
		ints += bits.OnesCount8(v.has &^ hasCoords)
	}
	b.ids = ids
	all := string(ids)
	var fs []float64
	if floats > 0 {
		fs = make([]float64, floats)
	}
	var is []int
	if ints > 0 {
		is = make([]int, ints)
	}
	start := 0
	for i := range nums {
		e, v := &evs[i], &nums[i]
		e.ID, start = all[start:v.n], v.n
		if v.has == 0 {
			continue
		}
		if v.has&hasCoords != 0 {
			fs[0], fs[1] = v.lat, v.lon
			e.Latitude, e.Longitude = &fs[0], &fs[1]
			fs = fs[2:]
		}
		if v.has&hasCount != 0 {
			is[0] = v.count
			e.Count = &is[0]
			is = is[1:]
		}
		if v.has&hasFatal != 0 {
			is[0] = v.fatal
			e.Fatalities = &is[0]
			is = is[1:]
		}
		if v.has&hasInjured != 0 {
			is[0] = v.injured
			e.Injuries = &is[0]
			is = is[1:]
		}
	}
}

// appendID appends events.MakeID(docID, sentenceIndex, n) to b.
func appendID(b []byte, docID string, sentenceIndex, n int) []byte {
	b = append(b, docID...)
	b = append(b, '-', 's')
	b = appendInt(b, sentenceIndex)
	b = append(b, '-', 'e')
	return appendInt(b, n)
}

// appendInt is strconv.AppendInt for an int, with the numbers of ids
// (below 100 most often) written at once.
func appendInt(b []byte, v int) []byte {
	switch {
	case uint(v) < 10:
		return append(b, byte('0'+v))
	case uint(v) < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// sentBufferPool holds the token buffers of articles being extracted, for
// the next article.
var sentBufferPool = sync.Pool{New: func() any { return &sentBuffers{} }}

// runSentence scans one sentence and appends its events to out.
func (p *Parser) runSentence(a *events.Article, s *sent, anchor time.Time, mem *memory, an *Analysis, out []events.Event) []events.Event {
	if !p.scan(s, anchor, mem) {
		// no trigger, no event: remember the groups it names
		mem.update(s, nil)
		if an != nil {
			s.findTimesAndCounts(anchor) // shown by explain, used by nothing
			an.add(s, nil, nil)
		}
		return out
	}
	ds := p.sentenceDrafts(s, mem, anchor)
	n := 0
	first := len(out)
	for i := range ds {
		if !ds[i].kept() {
			continue
		}
		out = append(out, events.Event{})
		s.buf.nums = append(s.buf.nums[:len(out)-1], eventNums{n: n})
		s.event(&out[len(out)-1], &s.buf.nums[len(out)-1], a, s.lang, &ds[i])
		n++
	}
	if an != nil {
		an.add(s, ds, out[first:])
	}
	return out
}

// event writes a draft as a record into e, a zero Event (the caller's
// slot, so that the record is not built aside and copied), but for its id
// and the numbers it points to, which go to v (see finishRecords).
func (s *sent) event(e *events.Event, v *eventNums, a *events.Article, lang string, d *draft) {
	e.DocID = a.ID
	e.Published = a.Published
	e.Date, e.DateEnd = a.Published, a.Published
	e.DatePrecision = events.PrecisionUnknown
	e.Lang = lang
	e.Source = a.Source
	e.URL = a.URL
	e.SentenceIndex = s.idx
	e.CharStart, e.CharEnd = s.s.Start, s.s.End
	e.Sentence = s.s.Text
	e.Actor1, e.Actor2 = d.actor1.name, d.actor2.name
	e.Quote = d.quote
	e.Confidence = d.conf
	e.Trigger = d.triggerText
	e.Context = d.ctx
	if e.Actor2 == e.Actor1 {
		e.Actor2 = ""
	}
	e.SetType(d.typ, d.withdrawal)
	if d.time >= 0 {
		t := s.times[d.time]
		e.DateText = t.Text
		if t.Date != "" && t.DateEnd != "" && t.Precision != events.PrecisionUnknown && t.Precision != "" {
			e.Date, e.DateEnd, e.DatePrecision = t.Date, t.DateEnd, t.Precision
		}
	}
	switch {
	case d.place != nil:
		e.Location, e.Country = d.place.Name, d.place.Country
		if d.place.HasCoords {
			v.lat, v.lon = d.place.Lat, d.place.Lon
			v.has |= hasCoords
		}
	case d.placeText != "":
		e.Location, e.Country = d.placeText, d.placeCC
	}
	if d.count >= 0 {
		c := s.counts[d.count]
		v.count = c.Value
		v.has |= hasCount
		e.CountQualifier = c.Qualifier
		if e.CountQualifier == "" {
			e.CountQualifier = events.Exact
		}
		e.CountUnit = c.Unit
		if d.countUnit != "" {
			e.CountUnit = d.countUnit
		}
	}
	if d.fatal != nil {
		v.fatal = *d.fatal
		v.has |= hasFatal
	}
	if d.injured != nil {
		v.injured = *d.injured
		v.has |= hasInjured
	}
}
