package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// ref is an actor filling a role: a lexicon actor, or a noun phrase as
// written.
type ref struct {
	actor *lexicon.Actor
	name  string // canonical name, or the noun phrase as written
	ment  int    // the mention it came from in this sentence, or -1
	how   string // how it was found, for explain: subject, object, resolved …
}

func (r ref) ok() bool { return r.name != "" }

func (s *sent) refOf(k int, how string) ref {
	m := &s.ments[k]
	if m.actor != nil {
		return ref{actor: m.actor, name: m.actor.Name, ment: k, how: how}
	}
	return ref{name: s.textOf(m), ment: k, how: how}
}

func (s *sent) chainRef(c int, how string) ref { return s.refOf(s.chains[c].best, how) }

// stopsNP reports whether token i ends the search for an argument after a
// trigger: punctuation, a clause cue, a role preposition, another trigger or
// a light verb.
func (s *sent) stopsNP(i int, self int) bool {
	tk := &s.seg.Tokens[i]
	t := &s.toks[i]
	if tk.Kind == textnorm.Punct {
		if isQuoteMark(tk.Text) {
			q := s.toks[i].quote
			for _, qq := range s.quotes {
				if (qq.open == i || qq.close == i) && qq.long && !qq.name {
					return true
				}
			}
			_ = q
			return false
		}
		return tk.Text != "/" && tk.Text != "-"
	}
	if t.trig >= 0 && t.trig != self && t.ment < 0 {
		return true
	}
	if t.prepB {
		return true
	}
	if t.ment >= 0 || t.time >= 0 || t.count >= 0 || t.unit >= 0 {
		return false
	}
	return t.cues.any(1<<lexicon.CueComp | 1<<lexicon.CueCompPron | 1<<lexicon.CueRel | 1<<lexicon.CueConj |
		1<<lexicon.CueBound | 1<<lexicon.CueFrame | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueTo |
		1<<lexicon.CueAbout | 1<<lexicon.CueAgent | 1<<lexicon.CueNeg | 1<<lexicon.CueSupport)
}

// subjectAfter finds the subject after a verb (Arabic puts it there: قصفت
// الطائرات الإسرائيلية …): the first chain of actors before the next stop,
// skipping times, counts and locative phrases. It returns the chain and the
// token where the search stopped.
func (s *sent) subjectAfter(h *trigHit, self int) (int, int) {
	n := s.n()
	cl := s.clauseOf(h.first)
	locOnly := -1
	plain := 0 // ordinary words before the first name
	j := h.last
	for ; j < n && j < h.last+14; j++ {
		if s.toks[j].clause != cl && !s.ancestor(cl, s.toks[j].clause) || s.stopsNP(j, self) {
			break
		}
		k := s.toks[j].ment
		if k < 0 {
			if s.plainWord(j) {
				plain++
			}
			continue
		}
		m := &s.ments[k]
		if m.chain < 0 || m.victim {
			j = m.last - 1
			continue
		}
		c := m.chain
		switch {
		case m.pp == lexicon.CueLoc && plain > 0 && locOnly < 0:
			// مسؤول أمني وقيادي في الحشد الشعبي: the speaker's body
			return c, s.chains[c].last
		case m.pp == lexicon.CueLoc || m.ppPrepB:
			if locOnly < 0 {
				locOnly = c
			}
		case m.pp == 0:
			return s.mostSpecificAfter(c, self), s.chains[s.mostSpecificAfter(c, self)].last
		}
		j = s.chains[c].last - 1
	}
	if locOnly >= 0 {
		return locOnly, s.chains[locOnly].last
	}
	return -1, j
}

// mostSpecificAfter returns, for a subject chain c, a more specific chain
// that follows it in the same title phrase (المتحدث باسم القوات المسلحة
// اليمنية العميد يحيى سريع → the person): only titles and ordinary words
// between, no conjunction.
func (s *sent) mostSpecificAfter(c, self int) int {
	best := c
	end := s.chains[c].last
	for k := c + 1; k < len(s.chains) && k < c+3; k++ {
		ch := &s.chains[k]
		if ch.coord || ch.first-end > 3 {
			break
		}
		for j := end; j < ch.first; j++ {
			if !(s.plainWord(j) || s.toks[j].cues.any(1<<lexicon.CueTitle|1<<lexicon.CueForce)) || s.stopsNP(j, self) {
				return best
			}
		}
		if s.ments[ch.ments[0]].pp != 0 {
			break
		}
		if s.rank(ch.best) > s.rank(s.chains[best].best) {
			best = k
		}
		end = ch.last
	}
	return best
}

// objectAfter finds the object of a transitive trigger from token from: the
// next chain not coordinated with the subject, or a chain after ضد/على/مع.
func (s *sent) objectAfter(h *trigHit, from, self int, subj int) int {
	n := s.n()
	cl := s.clauseOf(h.first)
	for j := from; j < n && j < from+14; j++ {
		if s.toks[j].clause != cl && !s.ancestor(cl, s.toks[j].clause) {
			break
		}
		tk := &s.seg.Tokens[j]
		if tk.Kind == textnorm.Punct && !isQuoteMark(tk.Text) && tk.Text != "/" && !s.parentheticalComma(j) {
			break
		}
		if t := s.toks[j].trig; t >= 0 && t != self && s.toks[j].ment < 0 && !s.trigs[t].dropped {
			break
		}
		if s.toks[j].cues.any(1<<lexicon.CueComp|1<<lexicon.CueCompPron|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueBound) && s.toks[j].ment < 0 {
			break
		}
		k := s.toks[j].ment
		if k < 0 {
			continue
		}
		m := &s.ments[k]
		if m.chain < 0 {
			j = m.last - 1
			continue
		}
		c := m.chain
		if c == subj || (subj >= 0 && c == subj+1 && s.chains[c].coord && s.chains[c].first-s.chains[subj].last <= 1) {
			j = s.chains[c].last - 1
			continue
		}
		if m.pp == 0 || m.pp == lexicon.CueAgainst || m.pp == lexicon.CueWith || m.ppLam {
			return c
		}
		j = s.chains[c].last - 1
	}
	return -1
}

// parentheticalComma reports whether the comma at token j sets off a time
// expression (هاجم مسلحون، فجر الأربعاء، موقعاً للجيش).
func (s *sent) parentheticalComma(j int) bool {
	if t := s.seg.Tokens[j].Text; t != "،" && t != "," {
		return false
	}
	return j+1 < s.n() && s.toks[j+1].time >= 0 || j > 0 && s.toks[j-1].time >= 0
}

// afterPrep finds the participant after one of the role prepositions (ضد
// X، على X، مع X) in the trigger's clause, after token from: the first chain
// in the phrase that follows the preposition (ضد مواقع لفصائل موالية لإيران →
// the factions; على "قاعدة الاحتلال الأميركي" → the United States).
func (s *sent) afterPrep(h *trigHit, from int, classes ...lexicon.CueClass) int {
	cl := s.clauseOf(h.first)
	n := s.n()
	for j := from; j < n && j < from+16; j++ {
		if t := &s.toks[j]; t.ment < 0 && !t.cueHead {
			continue // neither a participant nor a cue: nothing to read
		}
		c := s.toks[j].clause
		if c != cl && !s.ancestor(cl, c) {
			continue
		}
		if k := s.toks[j].ment; k >= 0 {
			// a chain right after the preposition carries it as pp
			m := &s.ments[k]
			for _, want := range classes {
				if m.pp == want && m.chain >= 0 && want != 0 {
					return m.chain
				}
			}
			j = m.last - 1
			continue
		}
		if s.toks[j].cueHead && s.toks[j].cues.has(lexicon.CueCond) {
			return -1 // what follows is a condition
		}
		if !s.toks[j].cueHead || !s.cueIn(j, classes) {
			continue
		}
		for k := j + 1; k < n && k < j+7; k++ {
			if s.isPunct(k) && isQuoteMark(s.seg.Tokens[k].Text) {
				continue
			}
			if m := s.toks[k].ment; m >= 0 {
				if s.ments[m].chain >= 0 && !s.ments[m].isPlace {
					return s.ments[m].chain
				}
				k = s.ments[m].last - 1
				continue
			}
			if s.stopsNP(k, -1) && !s.toks[k].prepB {
				break
			}
		}
	}
	return -1
}

func (s *sent) cueIn(j int, classes []lexicon.CueClass) bool {
	for _, c := range classes {
		if c != 0 && s.toks[j].cues.has(c) {
			return true
		}
	}
	return false
}

// genitiveAfter finds a chain right after a noun trigger (هجمات الجماعات،
// غارات أميركية، هجوم للحوثيين), allowing weapon adjectives between.
func (s *sent) genitiveAfter(h *trigHit) int {
	n := s.n()
	adjectives := 0
	for j := h.last; j < n && j < h.last+5; j++ {
		if s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
			continue
		}
		if k := s.toks[j].ment; k >= 0 {
			m := &s.ments[k]
			if m.chain >= 0 && (m.pp == 0 && adjectives == 0 || m.ppLam || m.demonym) && m.clitics.Conj == 0 && !m.isPlace {
				return m.chain
			}
			return -1
		}
		if s.toks[j].cues.any(1<<lexicon.CueAir | 1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile |
			1<<lexicon.CueArtillery | 1<<lexicon.CueBomb) {
			continue
		}
		// an adjective or two before a genitive with لـ (هجوماً واسعاً لقوات الدعم السريع)
		if s.plainWord(j) && adjectives < 2 {
			adjectives++
			continue
		}
		return -1
	}
	return -1
}

// subjectBefore finds an actor before the trigger in its clause (SVO order,
// a noun trigger after its agent: دفعت التطورات السوداني إلى الدعوة): the
// nearest chain that is no victim and not inside a prepositional phrase.
func (s *sent) subjectBefore(h *trigHit) int {
	cl := s.clauseOf(h.first)
	for c := len(s.chains) - 1; c >= 0; c-- {
		ch := &s.chains[c]
		if ch.last > h.first {
			continue
		}
		if s.toks[ch.first].clause != cl {
			if s.ancestor(s.toks[ch.first].clause, cl) {
				break // left our clause
			}
			continue
		}
		m := &s.ments[ch.best]
		first := &s.ments[ch.ments[0]]
		if m.victim || first.pp != 0 || first.ppPrepB || first.ppLam || m.isPlace {
			continue
		}
		if s.speakerOf(ch, h) {
			return -1 // the speaker of a verb of saying is no agent of what it reports
		}
		// of coordinated participants the first is actor1 (العراق والولايات المتحدة)
		for c > 0 && s.chains[c].coord && s.chains[c].first-s.chains[c-1].last <= 1 && s.toks[s.chains[c-1].first].clause == cl {
			c--
		}
		return c
	}
	return -1
}

// speakerOf reports whether a verb of saying stands right before the chain
// and after it lies the trigger (وأفاد المرصد … بمقتل … في الضربات).
func (s *sent) speakerOf(ch *chain, h *trigHit) bool {
	for j := ch.first - 1; j >= 0 && j >= ch.first-3; j-- {
		if t := s.toks[j].trig; t >= 0 && s.trigs[t].t.Class.Speech() && t != s.toks[h.first].trig {
			return true
		}
	}
	return false
}

// subjectRightBefore finds a subject written right before a verb (SVO, as
// after أنّ: أن قوات التحالف الدولي أسقطت): a chain ending at the verb, or a
// force noun with a pronoun (قواتها، مقاتليه) that stands for the subject of
// the clause above. It returns the chain, or -1 and whether a possessive
// force noun is there.
func (s *sent) subjectRightBefore(h *trigHit) (int, bool) {
	j := h.first - 1
	for j >= 0 && s.toks[j].time >= 0 {
		j--
	}
	if j < 0 || s.toks[j].clause != s.clauseOf(h.first) {
		return -1, false
	}
	if k := s.toks[j].ment; k >= 0 {
		m := &s.ments[k]
		if m.chain < 0 || m.isPlace || m.victim {
			return -1, false
		}
		first := &s.ments[s.chains[m.chain].ments[0]]
		if first.pp != 0 || first.ppPrepB {
			return -1, false
		}
		c := m.chain
		for c > 0 && s.chains[c].coord && s.chains[c].first-s.chains[c-1].last <= 1 {
			c--
		}
		return c, false
	}
	// one adjective may follow the noun: دفاعاته الجوية
	if s.possessiveForce(j) || j > 0 && s.toks[j].ment < 0 && s.toks[j].trig < 0 && s.possessiveForce(j-1) {
		return -1, true
	}
	return -1, false
}

// possessiveForce reports whether token i is a force or group noun with an
// attached pronoun (قواتها، مقاتليه، عناصره، دفاعاته): "its forces".
func (s *sent) possessiveForce(i int) bool {
	t := &s.toks[i]
	if t.ment >= 0 || t.trig >= 0 || s.seg.Tokens[i].Kind != textnorm.Word {
		return false
	}
	return s.wordFacts(s.norm(i))&factPossessiveForce != 0
}

// wordFacts are what the role rules read from a folded word alone, with
// the lexicon's single-word cues: the same for every token of the word, so
// the parser works them out once per word (Parser.words).
type wordFacts uint8

const (
	// factPossessiveForce: a force or group noun with an attached pronoun
	// (قواتها): see possessiveForce.
	factPossessiveForce wordFacts = 1 << iota
	// factAgentVerb: a light verb with an object pronoun (شنّتها): see
	// agentAfter.
	factAgentVerb
)

// maxWordFacts bounds the words Parser.words keeps: the words the rules ask
// about are those near triggers, and most of them recur.
const maxWordFacts = 1 << 16

// possessivePronouns are the pronouns possessiveForceWord takes off a noun,
// agentPronouns those agentVerbWord takes off a verb.
var (
	possessivePronouns = []string{"هم", "ها", "ه", "نا"}
	agentPronouns      = []string{"ها", "هم", "ه"}
)

// pronounEnds marks the last bytes of the pronouns: a word ending in none
// has no fact, and needs no look-up.
var pronounEnds = func() (ends [256]bool) {
	for _, list := range [][]string{possessivePronouns, agentPronouns} {
		for _, p := range list {
			ends[p[len(p)-1]] = true
		}
	}
	return ends
}()

// wordFacts returns the facts of the folded word w, from the parser's cache
// when the sentence has one (a sentence made by a test may not).
func (s *sent) wordFacts(w string) wordFacts {
	if w == "" || !pronounEnds[w[len(w)-1]] {
		return 0
	}
	if s.words == nil || s.lang != "ar" {
		return computeWordFacts(s.lex, s.lang, w)
	}
	return s.words.Get(w, func(w string) wordFacts { return computeWordFacts(s.lex, s.lang, w) })
}

// computeWordFacts works out the facts of the folded word w in language
// lang.
func computeWordFacts(lex *lexicon.Lexicon, lang, w string) wordFacts {
	var f wordFacts
	if possessiveForceWord(lex, lang, w) {
		f |= factPossessiveForce
	}
	if agentVerbWord(lex, lang, w) {
		f |= factAgentVerb
	}
	return f
}

// possessiveForceWord reports whether the folded word w is a force or group
// noun with an attached pronoun.
func possessiveForceWord(lex *lexicon.Lexicon, lang, w string) bool {
	for _, suf := range possessivePronouns {
		if !strings.HasSuffix(w, suf) {
			continue
		}
		stem := strings.TrimSuffix(w, suf)
		for _, p := range []string{"", "و", "ف"} {
			if p != "" && !strings.HasPrefix(stem, p) {
				continue // the stem as it is, tried first
			}
			st := strings.TrimPrefix(stem, p)
			if strings.HasSuffix(st, "ت") && !strings.HasSuffix(st, "ات") {
				st = strings.TrimSuffix(st, "ت") + "ه"
			}
			if lex.HasCue(lang, st, lexicon.CueForce) || lex.HasCue(lang, st, lexicon.CueGroupHead) {
				return true
			}
		}
	}
	return false
}

// agentVerbWord reports whether the folded word w is a light verb with an
// object pronoun (شنّتها، نفذها).
func agentVerbWord(lex *lexicon.Lexicon, lang, w string) bool {
	for _, suf := range agentPronouns {
		if strings.HasSuffix(w, suf) && lex.HasCue(lang, strings.TrimSuffix(w, suf), lexicon.CueSupport) {
			return true
		}
	}
	return false
}

// clauseStartNP returns a noun phrase as written at the start of the
// trigger's clause, before a light verb or the trigger itself (غير أن
// الجهاديين يواصلون مهاجمة …), when nothing in the lexicon is there.
func (s *sent) clauseStartNP(h *trigHit) ref {
	cl := s.clauseOf(h.first)
	c := s.clauses[cl]
	start := c.first
	if c.opener >= 0 {
		start = c.opener
		for start < h.first && (s.toks[start].cueHead && start == c.opener || s.toks[start].cues != 0 && !s.toks[start].cueHead) {
			start++
		}
	}
	for start < h.first && (s.toks[start].cues.has(lexicon.CueShield) || s.isPunct(start) || s.toks[start].time >= 0) {
		start++
	}
	end := start
	for end < h.first && (s.plainWord(end) || s.isGroupHead(end)) {
		end++
	}
	if end == start || end-start > 4 {
		return ref{}
	}
	// the phrase must reach the verb: a light verb or the trigger
	if end != h.first && !(s.toks[end].cues.has(lexicon.CueSupport) && s.toks[end].cueHead) {
		return ref{}
	}
	if !strings.HasPrefix(s.norm(start), "ال") && !s.isGroupHead(start) {
		return ref{}
	}
	return ref{name: s.npText(start, end), ment: -1, how: "noun phrase"}
}

// fallbackNP reads a noun phrase as written from token start: ordinary words
// until a stop, at most four, ending where a definite word is followed by an
// indefinite one (قوات الدعم السريع | مدينة …).
func (s *sent) fallbackNP(start int) ref {
	r, _ := s.fallbackNPEnd(start)
	return r
}

// fallbackNPEnd is fallbackNP, also returning the end of the phrase.
func (s *sent) fallbackNPEnd(start int) (ref, int) {
	r, from, end := s.fallbackNPSpan(start)
	if from >= 0 {
		r = ref{name: s.npText(from, end), ment: -1, how: "noun phrase"}
	}
	return r, end
}

// fallbackNPSpan is fallbackNPEnd without writing out a phrase as written:
// for one it returns no ref and the phrase's tokens [from, end); else from
// is -1 and the ref is the chain found, or none.
func (s *sent) fallbackNPSpan(start int) (r ref, from, end int) {
	n := s.n()
	for start < n && s.toks[start].time >= 0 {
		start++
	}
	if start >= n || !s.plainWord(start) && !s.isGroupHead(start) || s.possessiveForce(start) {
		return ref{}, -1, start
	}
	end = start
	definite := false
	for end < n && end < start+4 && (s.plainWord(end) || s.isGroupHead(end) || s.weakTrigger(end) && end > start) && s.norm(end) != "من" {
		w := s.norm(end)
		def := strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "لل")
		conjDef := strings.HasPrefix(w, "وال")
		if end > start && (definite && !def && !conjDef || !definite && conjDef) {
			break
		}
		if conjDef && end == start {
			def = true
		}
		definite = definite || def || conjDef
		end++
	}
	if end == start || len([]rune(s.norm(start))) < 3 {
		return ref{}, -1, start
	}
	// قوة من الجيش العراقي: the body they belong to, when the lexicon names it
	if end+1 < n && s.norm(end) == "من" {
		if m := s.toks[end+1].ment; m >= 0 && s.ments[m].chain >= 0 && !s.ments[m].isPlace {
			c := s.ments[m].chain
			return s.chainRef(c, "member of"), -1, s.chains[c].last
		}
	}
	// مسلحون من حركة تحرير ماسينا: the group they belong to is more specific
	if end+1 < n && s.norm(end) == "من" && s.isGroupHead(end+1) {
		if r, e := s.fallbackNPEnd(end + 1); r.ok() && e > end+2 {
			return r, -1, e
		}
	}
	return ref{}, start, end
}

// weakTrigger reports whether token i is an "operation" noun, which may sit
// inside a name (قيادة العمليات المشتركة).
func (s *sent) weakTrigger(i int) bool {
	t := s.toks[i].trig
	return t >= 0 && s.trigs[t].t.Class == lexicon.ClassOperation && s.toks[i].ment < 0
}

// isGroupHead reports whether token i is a noun of forces, groups or people
// that may head or continue a noun phrase as written.
func (s *sent) isGroupHead(i int) bool {
	t := &s.toks[i]
	if t.ment >= 0 || t.trig >= 0 || t.time >= 0 || t.count >= 0 || t.prepB || s.seg.Tokens[i].Kind != textnorm.Word {
		return false
	}
	return t.cues.any(1<<lexicon.CueGroupHead|1<<lexicon.CueForce|1<<lexicon.CueVictim) &&
		!t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueComp|1<<lexicon.CueNeg|1<<lexicon.CueSupport)
}

// npText is the text of tokens [start, end) as written, without the
// proclitics of the first word.
func (s *sent) npText(start, end int) string {
	first := s.stripProclitics(s.seg.Tokens[start].Text)
	if end-start == 1 {
		return first
	}
	return first + s.textAfter(start, end)
}

// textAfter returns the text as written from the end of token start to the
// end of token end-1 (start < end-1): what follows the first word in the
// phrase's text, when that text begins with the first word's, valid UTF-8
// of its code points (else the segment is read by code-point offsets, at
// more cost; a bad byte there reads as U+FFFD).
func (s *sent) textAfter(start, end int) string {
	a := &s.seg.Tokens[start]
	if full := s.seg.Slice(start, end); strings.HasPrefix(full, a.Text) && utf8.ValidString(a.Text) && utf8.RuneCountInString(a.Text) == a.End-a.Start {
		return full[len(a.Text):]
	}
	return s.seg.SliceOffsets(a.End, s.seg.Tokens[end-1].End)
}

// genitiveNP reads the genitive after an indefinite noun trigger as written
// when the lexicon names nobody there (اجتماعات فرق العمل): a phrase that
// ends in a definite word.
func (s *sent) genitiveNP(h *trigHit) ref {
	if h.clitics.Article || strings.HasPrefix(s.norm(h.first), "ال") {
		return ref{}
	}
	j := h.last
	for j < s.n() && s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
		j++
	}
	if j >= s.n() || s.toks[j].time >= 0 {
		return ref{}
	}
	r, from, end := s.fallbackNPSpan(j)
	if from < 0 && !r.ok() {
		return ref{}
	}
	// the phrase's last word must be definite
	if w := s.norm(end - 1); !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "وال") {
		return ref{}
	}
	if from >= 0 { // written out only now that it is taken
		if r = (ref{name: s.npText(from, end), ment: -1}); !r.ok() {
			return ref{}
		}
	}
	r.how = "genitive"
	return r
}
