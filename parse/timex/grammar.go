package timex

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// parser reads the time expressions of one segment. Each rule takes a token
// index and returns what it parsed and the index after it, or nil and -1.
// Parsers are reused through a pool: see getParser.
type parser struct {
	lx   *lex
	toks []textnorm.Token
	info []tokInfo // per token
	memo []hit     // memoized matches: those of token i from info[i].memo on, one per class of info[i].can
	// parsed memoizes dayLevel and partial, [2i] and [2i+1] for token i:
	// empty until a rule needs it in a segment (see ruleMemo), as most
	// segments have no day
	parsed []parsed
	// gen tells the entries of memo and parsed of this segment: those of
	// the segments before have a smaller one, and a new entry 0, so that
	// the tables are not cleared for each segment
	gen uint32
	// starts are the tokens that pass mayStart, in order: Find tries
	// nowhere else
	starts []int32
	// numbers are the Number tokens, whose values getParser works out
	// after its loop
	numbers []int32
	scratch tokenInfo // the tokenInfo of the last token tokenAt worked out
	arena   txArena
	// lastDash is the index of the last token that holds a dash, -1 when
	// none: as a dash is a Punct token, the others are not looked at
	lastDash int
	found    []found // the expressions of Find, in order
	dates    []byte  // scratch for their dates
	// the last anchor of Find and its date at midnight UTC (see midnight)
	anchor, midnightOf time.Time
	anchorSet          bool
}

// tokInfo is what the parser works out once about a token.
type tokInfo struct {
	forms  *tokenForms
	can    classSet // classes that have a phrase that may start at the token, and isNumber, isArticle
	arabic bool     // the token is an Arabic word (by its first letter): isArabicWord of its norm
	isInt  bool     // the token is an integer for intAt, of value num
	num    int32
	memo   int32 // index of the token's first hit in parser.memo
}

// parsed is a memoized result of a rule at a token, valid when gen is
// the parser's (see parser.gen).
type parsed struct {
	t   *tx
	end int32
	gen uint32
}

// Rules memoized by token in parser.parsed, by their index there.
const (
	memoDayLevel = iota
	memoPartial
	numMemoRules
)

// memoized returns the result of rule at token i, kept in parser.parsed
// under index k.
func (p *parser) memoized(k int, rule func(int) (*tx, int), i int) (*tx, int) {
	if len(p.parsed) == 0 {
		n := numMemoRules * len(p.toks)
		p.parsed = slices.Grow(p.parsed[:0], n)[:n] // not cleared: see parser.gen
	}
	m := &p.parsed[numMemoRules*i+k]
	if m.gen != p.gen {
		t, end := rule(i)
		*m = parsed{t: t, end: int32(end), gen: p.gen}
	}
	return m.t, int(m.end)
}

// hit is a memoized match: the longest phrase of a class at a token,
// valid when gen is the parser's (see parser.gen).
type hit struct {
	ph  *phrase
	end int32
	gen uint32
}

// isNumber and isArticle are bits of tokInfo.can beyond the classes: the
// token is a Number, the token is the article ال written apart (الـ48).
// With them, the first sets of the rules below are class sets.
const (
	isNumber  classSet = 1 << 62
	isArticle classSet = 1 << 63
)

const _ = uint(62 - numClasses) // the classes stay below isNumber

// gates turns the first-set checks of the rules on; tests turn it off to
// check that they only skip work.
var gates = true

// may reports whether token i has a class of first, the set of what a rule
// reads first: when it has none, the rule fails there, and returns at once.
func (p *parser) may(i int, first classSet) bool {
	return !gates || uint(i) < uint(len(p.info)) && p.info[i].can&first != 0
}

// firsts returns the classes of token i for the first-set checks of the
// callers of the rules (see may): none past the tokens, all with gates off.
func (p *parser) firsts(i int) classSet {
	switch {
	case !gates:
		return ^classSet(0)
	case uint(i) < uint(len(p.info)):
		return p.info[i].can
	}
	return 0
}

// looseClasses are the classes looked up with the loose forms.
const looseClasses classSet = 1<<clNumber | 1<<clUnit

// parsers holds idle parsers, so that Find allocates no per-token tables.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// maxPooledTokens bounds the tables kept by an idle parser.
const maxPooledTokens = 1 << 12

// getParser returns a parser for toks from the pool; putParser gives it back.
func getParser(lx *lex, toks []textnorm.Token) *parser {
	p := parsers.Get().(*parser)
	p.lx, p.toks = lx, toks
	p.info = slices.Grow(p.info[:0], len(toks))[:len(toks)]
	p.starts = slices.Grow(p.starts[:0], len(toks))[:len(toks)]
	p.parsed, p.numbers = p.parsed[:0], p.numbers[:0]
	p.lastDash = -1
	if p.gen++; p.gen == 0 { // after 2³² segments: no entry may look valid
		clear(p.memo[:cap(p.memo)])
		clear(p.parsed[:cap(p.parsed)])
		p.gen = 1
	}
	info, starts := p.info, p.starts
	toks = toks[:len(info)]
	n, ns := 0, 0 // memo entries, starts
	for i := 0; i < len(info); i++ {
		if lx.embedded {
			// most tokens are words with their tokenInfo in their record, or punctuation
			if i, n, ns = p.fillRecords(info, starts, i, n, ns); i == len(info) {
				break
			}
		}
		in := p.tokenAt(i)
		info[i] = tokInfo{forms: in.forms, can: in.can, arabic: in.arabic, memo: int32(n)}
		n += int(in.hits)
		if in.can&^innerClasses != 0 { // mayStart
			starts[ns] = int32(i)
			ns++
		}
	}
	p.starts = starts[:ns]
	for _, i := range p.numbers {
		info[i].num, info[i].isInt = intOf(toks[i])
	}
	p.memo = slices.Grow(p.memo[:0], n)[:n] // not cleared: see parser.gen
	return p
}

// fillRecords is getParser's loop for the tokens from i on that are words
// with their tokenInfo in their record, or punctuation of one rune of
// lex.punct (what tokenAt does for them, inline), up to the first other
// token: it sets info[i], counts the memo entries in n and lists the
// starts, and returns where it stopped, n and the number of starts. As a
// loop of its own without calls, it keeps its state in registers.
func (p *parser) fillRecords(info []tokInfo, starts []int32, i, n, ns int) (int, int, int) {
	slot, punct := infoSlot, &p.lx.punct
	toks, starts := p.toks[:len(info)], starts[:len(info)]
	for ; i < len(info); i++ {
		t := &toks[i]
		var in *tokenInfo
		if w := t.Record(); w != nil {
			if in = slot.Load(w); in == nil {
				break
			}
		} else if t.Kind == textnorm.Punct {
			// textnorm.DecodeRune's fast paths: one byte, or two of a rune below 0x800
			var r rune
			switch s := t.Norm; {
			case len(s) == 1 && s[0] < utf8.RuneSelf:
				r = rune(s[0])
			case len(s) == 2 && s[0]-0xC2 <= 0xDF-0xC2 && s[1]&0xC0 == 0x80:
				r = rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F)
			default:
				return i, n, ns
			}
			if r >= maxPunctRune {
				break
			}
			in = &punct[r]
			if in.dash {
				p.lastDash = i
			}
		} else {
			break
		}
		e := &info[i]
		e.forms = in.forms
		e.can, e.arabic, e.isInt, e.num, e.memo = in.can, in.arabic, false, 0, int32(n)
		n += int(in.hits)
		if in.can&^innerClasses != 0 { // mayStart
			starts[ns] = int32(i)
			ns++
		}
	}
	return i, n, ns
}

// tokenAt returns the tokenInfo of token i when its word record has none
// (or it has no record), and notes in the parser a dash or a number.
func (p *parser) tokenAt(i int) *tokenInfo {
	t := &p.toks[i]
	if w := t.Record(); w != nil && p.lx.embedded {
		return p.lx.recordInfo(t, w)
	}
	if r, size := textnorm.DecodeRune(t.Norm); t.Kind == textnorm.Punct && r < maxPunctRune && size == len(t.Norm) {
		ti := &p.lx.punct[r]
		if ti.dash {
			p.lastDash = i
		}
		return ti
	}
	switch t.Kind {
	case textnorm.Number:
		p.numbers = append(p.numbers, int32(i))
		if n := t.Norm; n != "" && '0' <= n[0] && n[0] <= '9' && !p.lx.digitWords {
			return &p.lx.number // what infoOf gives: no word of the lexicon starts with a digit
		}
	case textnorm.Punct:
		if strings.ContainsFunc(t.Norm, isDash) {
			p.lastDash = i
		}
	}
	p.scratch = p.lx.infoOf(t, true)
	return &p.scratch
}

// recordInfo works out the tokenInfo of token t and keeps it in its
// record w.
func (lx *lex) recordInfo(t *textnorm.Token, w *textnorm.WordRecord) *tokenInfo {
	in := sharedInfo(lx.infoOf(t, false)) // not from formCache, which holds the words without a record
	infoSlot.Store(w, in)
	return in
}

func putParser(p *parser) {
	if len(p.toks) > maxPooledTokens {
		return
	}
	p.lx, p.toks = nil, nil // the forms in p.info belong to the lexicon and formCache
	p.arena.reset()
	clear(p.found) // their texts are slices of the article
	p.found = p.found[:0]
	parsers.Put(p)
}

// tokenForms are the words under which a token is looked up. For an Arabic
// word they come from the clitic stems of textnorm.ArabicStems; the strict
// set leaves out the stems that only drop the article ال, so that الأب
// "the father" is not آب "August" and والأحد is الأحد, never أحد "one".
// Only forms that are words of the lexicon are kept: the others match
// nothing.
type tokenForms struct {
	norm          *word   // the folded token itself, nil when not a word of the lexicon
	loose, strict []*word // the look-up forms, in the order of textnorm.ArabicStems
	// the classes with a phrase that starts with a loose or a strict form
	looseStarts, strictStarts classSet
	// solo tells that a strict form may be a whole expression alone (see
	// word.solo): a token without it starts none when the next token is
	// dead (see canStart)
	solo bool
}

// none reports whether fs has no word of the lexicon, so that a token of
// these forms matches no token of a phrase.
func (fs *tokenForms) none() bool { return fs.norm == nil && len(fs.loose) == 0 }

// noForms are the forms of a token that is no word of the lexicon.
var noForms tokenForms

// tokenInfo is what getParser makes of a token from its kind and folded
// text alone: the fields of tokInfo it sets, and the number of classes of
// can, each with a memo entry.
type tokenInfo struct {
	forms  *tokenForms
	can    classSet
	arabic bool
	dash   bool // a Punct token that holds a dash (lex.punct only)
	hits   int32
}

// infoSlot keeps the tokenInfo of a word in its record, under the embedded
// lexicon (the only one with lex.embedded set).
var infoSlot = textnorm.NewSlot[tokenInfo]()

// noInfos are the tokenInfos of the words that are no word of the
// lexicon, nor have one among their forms: [1] for an Arabic word.
var noInfos = [2]tokenInfo{{forms: &noForms}, {forms: &noForms, arabic: true}}

// sharedInfo returns a tokenInfo equal to ti: one of noInfos, as most words
// have, or a copy of its own.
func sharedInfo(ti tokenInfo) *tokenInfo {
	for k := range noInfos {
		if ti == noInfos[k] {
			return &noInfos[k]
		}
	}
	return &ti
}

// infoOf returns the tokenInfo of token t; cached tells that the forms of
// an Arabic word with proclitics may come from formCache.
func (lx *lex) infoOf(t *textnorm.Token, cached bool) tokenInfo {
	r, _ := textnorm.DecodeRune(t.Norm)
	arabic := t.Norm != "" && textnorm.IsArabic(r) // isArabicWord
	var fs *tokenForms
	if proclitic := arabic && isProclitic(r); t.Kind == textnorm.Word && proclitic && !cached {
		fs = stemForms(t.Norm)
	} else {
		fs = lx.formsOf(t, proclitic)
	}
	return infoFrom(t, r, arabic, fs)
}

// infoFrom returns the tokenInfo of token t, of first rune r, from its
// forms fs.
func infoFrom(t *textnorm.Token, r rune, arabic bool, fs *tokenForms) tokenInfo {
	can := fs.strictStarts | fs.looseStarts&looseClasses
	hits := bits.OnesCount64(uint64(can)) // most tokens have no class
	if t.Kind == textnorm.Number {
		can |= isNumber
	} else if r == 'ا' && t.Norm == "ال" {
		can |= isArticle
	}
	return tokenInfo{forms: fs, can: can, arabic: arabic, hits: int32(hits)}
}

// punctInfo returns the tokenInfo of a Punct token of rune r, as infoOf
// works it out: a Punct token has no stems.
func (lx *lex) punctInfo(r rune) tokenInfo {
	t := textnorm.Token{Norm: string(r), Kind: textnorm.Punct}
	ti := infoFrom(&t, r, textnorm.IsArabic(r), lx.lookUp(t.Norm))
	ti.dash = isDash(r)
	return ti
}

// formsOf returns the look-up forms of token t; proclitic tells that it
// is an Arabic word that starts with a proclitic letter (see isProclitic).
func (lx *lex) formsOf(t *textnorm.Token, proclitic bool) *tokenForms {
	if t.Kind == textnorm.Word && proclitic {
		return formCache.Get(t.Norm, stemForms)
	}
	return lx.lookUp(t.Norm)
}

// lookUp returns the forms of a token of folded text norm that has no
// stems: itself, when it is a word of the lexicon.
func (lx *lex) lookUp(norm string) *tokenForms {
	if !lx.filter.mayHold(norm) {
		return &noForms
	}
	if w := lx.words[norm]; w != nil {
		return &w.alone
	}
	return &noForms
}

// formCache holds the forms of the Arabic words seen, under the embedded
// lexicon, shared by all parsers.
var formCache = textnorm.WordCache[*tokenForms]{Max: textnorm.OverflowCacheMax}

// stemForms returns the forms of a folded Arabic word w: all its clitic
// stems (loose) and those that are not just the article taken off another
// stem (strict), as words of the embedded lexicon.
func stemForms(w string) *tokenForms {
	lx, err := loadLexicon()
	if err != nil {
		return &noForms
	}
	all := textnorm.ArabicStems(w)
	fs := &tokenForms{norm: lx.words[w]}
	for _, f := range all {
		lw := lx.words[f]
		if lw == nil {
			continue
		}
		fs.loose = append(fs.loose, lw)
		fs.looseStarts |= lw.starts
		if !slices.Contains(all, "ال"+f) {
			fs.strict = append(fs.strict, lw)
			fs.strictStarts |= lw.starts
			fs.solo = fs.solo || lw.solo
		}
	}
	if fs.none() {
		return &noForms // most words: the cache keeps no value of their own
	}
	fs.loose, fs.strict = slices.Clip(fs.loose), slices.Clip(fs.strict)
	return fs
}

// isProclitic reports whether the first letter r of a word can be a
// proclitic (و ف ب ل ك) or the article's alef; other words have no stems.
func isProclitic(r rune) bool {
	return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل' || r == 'ك' || r == 'ا'
}

// innerClasses are the classes that the rules only look up after another
// token of an expression, never where one starts (in core and expr): a
// token that has no other class starts nothing. A class left out of the
// list only costs time.
const innerClasses classSet = 1<<clPost | 1<<clNightJoin | 1<<clModPost | 1<<clEquals | 1<<clDayOf |
	1<<clAnd | 1<<clTo | 1<<clOrdSuffix | 1<<clPastPost | 1<<clRelDir | 1<<clRelOf | 1<<clCountNoun

// canStart reports whether Find should try an expression at token i: a
// token that a rule can read first (see mayStart), unless it is the
// article ال written apart and no phrase starts with any of its forms, or
// a word that is no expression alone before a dead token (see dead): most
// words that may start one, as في، من، على, are of that kind, and most
// often followed by a word that no rule reads; so are numbers (25 جندياً)
// but a date with points.
func (p *parser) canStart(i int) bool {
	if !p.mayStart(i) {
		return false
	}
	if p.info[i].can&isNumber != 0 { // a Number token
		// a number is a whole expression alone only as a date with
		// points (25.01.2024); else a rule reads on past it (a month, a
		// unit, / or -), and so not into a dead token
		return !gates || !p.dead(i+1) || strings.Contains(p.toks[i].Norm, ".")
	}
	fs := p.info[i].forms
	return fs.looseStarts != 0 && (fs.solo || !gates || !p.dead(i+1))
}

// soloClasses are the classes of which a phrase of one token may be a
// whole expression, when no rule can read the token after it: the first
// classes of the rules that may end after their first token (a month, a
// weekday, today, غداة, overnight). A block is left out, as skipping it
// there changes nothing; a number always may be one (25.01.2024). A class
// wrongly left out of the list changes what Find returns, which the gates
// tests catch.
const soloClasses classSet = 1<<clMonth | 1<<clWeekday | 1<<clRelDay | 1<<clOvernight | 1<<clEventRel

// dead reports whether no rule can read token j, so that an expression
// ends before it: j is past the tokens, or a word that is no word of the
// lexicon, nor has one among its forms, and is not the article ال written
// apart. (The rules read punctuation by its text: / ( ) . and dashes.)
func (p *parser) dead(j int) bool {
	if j >= len(p.info) {
		return true
	}
	in := &p.info[j]
	return in.can == 0 && in.forms.none() && p.toks[j].Kind == textnorm.Word
}

// mayStart reports whether any rule of core can read something at token i:
// a number, the article ال written apart before a number (الـ48), or a word
// of a class that a rule looks up first.
func (p *parser) mayStart(i int) bool {
	return uint(i) < uint(len(p.info)) && p.info[i].can&^innerClasses != 0
}

// match returns the longest phrase of class c that starts at token i, and
// the index after it; results are memoized per token and class. (It is
// too large for the inliner with or without the memo look-up, so it does
// the look-up itself rather than call a function of its own for it.)
func (p *parser) match(i int, c class) (*phrase, int) {
	if uint(i) >= uint(len(p.info)) || p.info[i].can&(1<<c) == 0 {
		return nil, -1 // most calls end here, at a token without c
	}
	in := &p.info[i]
	h := &p.memo[int(in.memo)+bits.OnesCount64(uint64(in.can&(1<<c-1)))]
	if h.gen != p.gen {
		ph, end := p.matchUncached(i, c)
		h.ph, h.end, h.gen = ph, int32(end), p.gen
	}
	return h.ph, int(h.end)
}

func (p *parser) matchUncached(i int, c class) (*phrase, int) {
	forms := p.info[i].forms.strict
	if looseClasses.has(c) {
		forms = p.info[i].forms.loose
	}
	var best *phrase
	bestEnd := -1
	// a phrase of several tokens fails at a next token that is no word of
	// the lexicon, nor has one among its forms (see tokenIs)
	alone := i+1 >= len(p.toks) || p.info[i+1].forms.none()
	for _, f := range forms {
		for _, ph := range f.phrases(c, alone) {
			if ph.weak && !p.weakFormOK(i, f.text) {
				continue
			}
			end := i + 1
			for k := 1; k < len(ph.toks) && end > 0; k++ {
				if j := i + k; j < len(p.toks) && p.tokenIs(j, ph, k) {
					end = j + 1
				} else {
					end = -1
				}
			}
			if end > bestEnd {
				best, bestEnd = ph, end
			}
		}
	}
	return best, bestEnd
}

// tokenIs reports whether token j is token k of phrase ph, allowing Arabic
// clitics on either side.
func (p *parser) tokenIs(j int, ph *phrase, k int) bool {
	fs := p.info[j].forms
	if fs.norm == ph.words[k] {
		return true
	}
	stems := ph.wstem[k-1]
	if len(stems) < 2 && !p.info[j].arabic {
		return false
	}
	for _, f := range fs.loose {
		if slices.Contains(stems, f) {
			return true
		}
	}
	return false
}

// weakFormOK limits words with another common meaning (مارس، آب، May):
// an Arabic one takes no clitic but و or ف (باب "door" is not آب), an
// English one must be capitalised.
func (p *parser) weakFormOK(i int, form string) bool {
	t := p.toks[i]
	if isArabicWord(form) {
		return t.Norm == form || t.Norm == "و"+form || t.Norm == "ف"+form
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func (p *parser) is(i int, c class) bool {
	ph, _ := p.match(i, c)
	return ph != nil
}

// adjacent reports whether token j starts where token j-1 ends.
func (p *parser) adjacent(j int) bool {
	return j > 0 && j < len(p.toks) && p.toks[j].Start == p.toks[j-1].End
}

// intAt is the value of an integer Number token written without separators.
func (p *parser) intAt(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) || !p.info[i].isInt {
		return 0, false
	}
	return int(p.info[i].num), true
}

// intOf is the value of token t for intAt, worked out once per token:
// strconv.Atoi of its Norm, for a Number of at most six bytes written
// without separators.
func intOf(t textnorm.Token) (int32, bool) {
	s := t.Norm
	if t.Kind != textnorm.Number || len(s) == 0 || len(s) > 6 || hasNumberSeparator(t.Text) {
		return 0, false
	}
	n := int32(0)
	for k := 0; k < len(s); k++ {
		d := s[k] - '0'
		if d > 9 { // a sign, a point: as Atoi reads them
			v, err := strconv.Atoi(s)
			return int32(v), err == nil
		}
		n = n*10 + int32(d)
	}
	return n, true
}

// hasNumberSeparator reports whether s holds a rune that separates the
// digits of a number: , . ٬ ٫. It is strings.ContainsFunc(s,
// isNumberSeparator) on the bytes: ٬ and ٫ are D9 AC and D9 AB in UTF-8,
// and as D9 is no continuation byte, a rune starts at every D9 of s.
func hasNumberSeparator(s string) bool {
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case ',', '.':
			return true
		case 0xD9:
			if k+1 < len(s) && (s[k+1] == 0xAC || s[k+1] == 0xAB) {
				return true
			}
		}
	}
	return false
}

// isDash reports whether r is - – or —.
func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

// dayNum reads a day of the month: 1–31 in digits (with a joined ordinal
// suffix: 7th) or an ordinal word (السابع، seventh).
func (p *parser) dayNum(i int) (int, int) {
	if i >= 0 && i+1 < len(p.toks) && p.toks[i].Norm == "ال" && p.adjacent(i+1) {
		i++ // الـ20 من الشهر
	}
	if n, ok := p.intAt(i); ok {
		if len(p.toks[i].Norm) > 2 || n < 1 || n > 31 {
			return 0, -1
		}
		if p.adjacent(i+1) && p.is(i+1, clOrdSuffix) {
			return n, i + 2
		}
		return n, i + 1
	}
	if ph, e := p.match(i, clOrdinal); ph != nil {
		return ph.n, e
	}
	return 0, -1
}

// yearNum reads a year: four digits, 1900–2100, no separators.
func (p *parser) yearNum(i int) (int, int) {
	if n, ok := p.intAt(i); ok && len(p.toks[i].Norm) == 4 && n >= 1900 && n <= 2100 {
		return n, i + 1
	}
	return 0, -1
}

// countFirst is what count reads first.
const countFirst = 1<<clNumber | isNumber | isArticle

// count reads a number of units: digits (also after a separate article,
// الـ48) or a number word.
func (p *parser) count(i int) (int, int) {
	if !p.may(i, countFirst) {
		return 0, -1
	}
	if i < 0 || i >= len(p.toks) {
		return 0, -1
	}
	j := i
	if p.toks[j].Norm == "ال" && j+1 < len(p.toks) && p.toks[j+1].Kind == textnorm.Number {
		j++
	}
	if p.toks[j].Kind == textnorm.Number {
		if n, ok := p.intAt(j); ok && n >= 1 && n <= 10000 {
			return n, j + 1
		}
		return 0, -1
	}
	if ph, e := p.match(i, clNumber); ph != nil {
		return ph.n, e
	}
	return 0, -1
}

// durationFirst is what duration reads first: a count or a unit.
const durationFirst = countFirst | 1<<clUnit

// duration reads "N units" (ثلاثة أيام، 48 ساعة، two weeks) or a unit that
// counts itself (يومين، أسبوع، a week is "a" + week). A plural without a
// number (أيام، hours) is vague and fails unless plural is set.
func (p *parser) duration(i int, plural bool) (u unit, n, end int) {
	if !p.may(i, durationFirst) {
		return uNone, 0, -1
	}
	if n, e := p.count(i); e > 0 {
		if ph, e2 := p.match(e, clUnit); ph != nil {
			return ph.u, n, e2
		}
	}
	if ph, e := p.match(i, clUnit); ph != nil {
		switch {
		case ph.count > 0:
			return ph.u, ph.count, e
		case plural:
			return ph.u, 0, e
		}
	}
	return uNone, 0, -1
}

func (p *parser) skipPeriod(e int) int {
	if e < len(p.toks) && p.toks[e].Norm == "." && p.adjacent(e) {
		return e + 1
	}
	return e
}

// monthName reads a month name, an abbreviation's period, and a paired
// name: تشرين الأول/أكتوبر, أكتوبر (تشرين الأول). weak is true when the
// month rests on a weak name alone.
func (p *parser) monthName(i int) (m, end int, weak bool) {
	ph, e := p.match(i, clMonth)
	if ph == nil {
		return 0, -1, false
	}
	if ph.abbr {
		e = p.skipPeriod(e)
	}
	m, weak = ph.n, ph.weak
	if e < len(p.toks) {
		switch p.toks[e].Norm {
		case "/":
			if ph2, e2 := p.match(e+1, clMonth); ph2 != nil && ph2.n == m {
				if ph2.abbr {
					e2 = p.skipPeriod(e2)
				}
				return m, e2, false
			}
		case "(":
			if ph2, e2 := p.match(e+1, clMonth); ph2 != nil && ph2.n == m && e2 < len(p.toks) && p.toks[e2].Norm == ")" {
				return m, e2 + 1, false
			}
		}
	}
	return m, e, weak
}

// yearTail reads the year after a month: "2024", ", 2024", "من العام 2024".
func (p *parser) yearTail(j int) (int, int) {
	k := j
	if ph, e := p.match(k, clEquals); ph != nil {
		k = e
	} else if ph, e := p.match(k, clDayOf); ph != nil {
		k = e
	}
	if ph, e := p.match(k, clYearWord); ph != nil {
		k = e
	}
	if y, e := p.yearNum(k); e > 0 && !p.is(e, clCountNoun) {
		return y, e
	}
	return 0, -1
}

// pick keeps the longer of two parses; on a tie the first stays.
func pick(t *tx, e int, t2 *tx, e2 int) (*tx, int) {
	if t2 != nil && e2 > e {
		return t2, e2
	}
	return t, e
}

// dateFirst is what dateWithDay reads first: the, a day (digits, الـ20,
// an ordinal word), a month (English order), a numeric date.
const dateFirst = 1<<clDet | 1<<clOrdinal | 1<<clMonth | isNumber | isArticle

// dateWithDay reads a date that names its day: 25 كانون الثاني/يناير 2024,
// السابع من أكتوبر, Jan. 25, 2024, the 7th of October, 25/01/2024,
// 2024-01-25, العاشر من الشهر الماضي.
func (p *parser) dateWithDay(i int) (*tx, int) {
	if !p.may(i, dateFirst) {
		return nil, -1
	}
	var best *tx
	end := -1
	// [the] D [من|of] Month [year | الماضي]
	j := i
	if ph, e := p.match(j, clDet); ph != nil {
		j = e
	}
	if d, e := p.dayNum(j); e > 0 {
		k := e
		if ph, e2 := p.match(k, clDayOf); ph != nil {
			k = e2
		}
		if m, e2, _ := p.monthName(k); e2 > 0 {
			t := p.newTx(tx{kind: kDate, d: d, m: m})
			if y, e3 := p.yearTail(e2); e3 > 0 {
				t.y, e2 = y, e3
			} else if ph, e3 := p.match(e2, clModPost); ph != nil {
				t.mod, e2 = ph.n, e3
			}
			best, end = pick(best, end, t, e2)
		}
		if cu, e2 := p.calUnit(k, false); cu != nil && cu.u == uMonth && k > e {
			t := p.newTx(*cu)
			t.d = d
			best, end = pick(best, end, t, e2)
		}
	}
	// Month D[th] [, year]  (English order)
	if m, e, _ := p.monthName(i); e > 0 && !p.info[i].arabic {
		if d, e2 := p.dayNum(e); e2 > 0 && !p.is(e2, clMonth) {
			t := p.newTx(tx{kind: kDate, d: d, m: m})
			if y, e3 := p.yearTail(e2); e3 > 0 {
				t.y, e2 = y, e3
			}
			best, end = pick(best, end, t, e2)
		}
	}
	t, e := p.numericDate(i)
	return pick(best, end, t, e)
}

// numericDate reads dd/mm/yyyy (day first), dd-mm-yyyy, dd.mm.yyyy, and
// yyyy-mm-dd or yyyy/mm/dd, written without spaces.
func (p *parser) numericDate(i int) (*tx, int) {
	if i >= len(p.toks) || p.toks[i].Kind != textnorm.Number {
		return nil, -1
	}
	var parts []string
	end := -1
	if strings.Count(p.toks[i].Norm, ".") == 2 && !strings.ContainsAny(p.toks[i].Text, ",٬") {
		parts, end = strings.Split(p.toks[i].Norm, "."), i+1
	} else if i+4 < len(p.toks) {
		sep := p.toks[i+1].Norm
		if (sep == "/" || sep == "-") && p.toks[i+3].Norm == sep {
			for k := i; k <= i+4; k++ {
				if k > i && !p.adjacent(k) {
					return nil, -1
				}
			}
			for _, k := range []int{i, i + 2, i + 4} {
				if _, ok := p.intAt(k); !ok {
					return nil, -1
				}
				parts = append(parts, p.toks[k].Norm)
			}
			end = i + 5
		}
	}
	if len(parts) != 3 {
		return nil, -1
	}
	n := [3]int{}
	for k, s := range parts {
		v, err := strconv.Atoi(s)
		if err != nil || len(s) == 0 || len(s) > 4 {
			return nil, -1
		}
		n[k] = v
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = n[0], n[1], n[2]
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, m, y = n[0], n[1], n[2]
	default:
		return nil, -1
	}
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return nil, -1
	}
	return p.newTx(tx{kind: kDate, y: y, m: m, d: d}), end
}

// weekdayFirst is what weekday reads first.
const weekdayFirst = 1<<clModPre | 1<<clWeekday

// weekday reads [last|next] weekday [الماضي|المقبل] [night|morning …], and a
// date that follows it (الخميس الموافق 25 كانون الثاني, Thursday, Jan. 25):
// then the date wins.
func (p *parser) weekday(i int) (*tx, int) {
	if !p.may(i, weekdayFirst) {
		return nil, -1
	}
	j, mod := i, 0
	if ph, e := p.match(j, clModPre); ph != nil {
		j, mod = e, ph.n
	}
	ph, e := p.match(j, clWeekday)
	if ph == nil {
		return nil, -1
	}
	wd := ph.n
	if ph, e2 := p.match(e, clModPost); ph != nil {
		e, mod = e2, ph.n
	}
	e = p.skipPosts(e)
	k := e
	if ph, e2 := p.match(k, clEquals); ph != nil {
		k = e2
	}
	if d, e2 := p.dateWithDay(k); d != nil {
		d.wd = wd
		return d, e2
	}
	return p.newTx(tx{kind: kWeekday, wd: wd, mod: mod}), e
}

func (p *parser) skipPosts(e int) int {
	for n := 0; n < 3; n++ {
		ph, e2 := p.match(e, clPost)
		if ph == nil {
			break
		}
		e = e2
	}
	return e
}

// relDay reads today, yesterday, أول أمس … with an optional weekday
// (أمس الأربعاء: the relative word decides) and part of the day.
func (p *parser) relDay(i int) (*tx, int) {
	ph, e := p.match(i, clRelDay)
	if ph == nil {
		return nil, -1
	}
	if ph.n == 0 && len(ph.toks) == 1 && p.is(e, clOrdinal) {
		return nil, -1 // اليوم الأول "the first day" is no date
	}
	if wd, e2 := p.match(e, clWeekday); wd != nil {
		e = e2
	}
	return p.newTx(tx{kind: kRelDay, off: ph.n}), p.skipPosts(e)
}

// agoFirst is what ago reads first: قبل, or a duration.
const agoFirst = 1<<clAgo | durationFirst

// ago reads "N days ago", "a week ago", "قبل ثلاثة أيام", "قبل يومين".
// Only days and weeks: "three months ago" is too vague for a date.
func (p *parser) ago(i int) (*tx, int) {
	if !p.may(i, agoFirst) {
		return nil, -1
	}
	if i >= len(p.toks) {
		return nil, -1
	}
	if p.info[i].arabic {
		ph, j := p.match(i, clAgo)
		if ph == nil {
			return nil, -1
		}
		u, n, e := p.duration(j, false)
		if e < 0 || (u != uDay && u != uWeek) || p.is(e, clRelOf) {
			return nil, -1
		}
		return p.newTx(tx{kind: kAgo, u: u, n: n}), e
	}
	u, n, e := p.duration(i, false)
	if e < 0 || (u != uDay && u != uWeek) {
		return nil, -1
	}
	if ph, e2 := p.match(e, clAgo); ph != nil {
		return p.newTx(tx{kind: kAgo, u: u, n: n}), e2
	}
	return nil, -1
}

// dayLevel reads an expression of one day, after any parts of the day
// (مساء، ليل، يوم، early, in the early hours of …), which never move it.
func (p *parser) dayLevel(i int) (*tx, int) {
	if !p.may(i, dayFirst) {
		return nil, -1
	}
	if i < 0 || i >= len(p.toks) {
		return p.dayLevelUncached(i)
	}
	return p.memoized(memoDayLevel, p.dayLevelUncached, i)
}

// dayFirst is what dayLevel reads first: a part of the day, or what
// weekday, relDay, dateWithDay or ago read first.
const dayFirst = 1<<clPre | weekdayFirst | 1<<clRelDay | dateFirst | agoFirst

func (p *parser) dayLevelUncached(i int) (*tx, int) {
	j := i
	for n := 0; n < 3; n++ {
		ph, e := p.match(j, clPre)
		if ph == nil {
			break
		}
		j = e
	}
	var best *tx
	end := -1
	can := p.firsts(j) // the rules fail at once outside their first sets
	if can&weekdayFirst != 0 {
		t, e := p.weekday(j)
		best, end = pick(best, end, t, e)
	}
	if can.has(clRelDay) {
		t, e := p.relDay(j)
		best, end = pick(best, end, t, e)
	}
	if can&dateFirst != 0 {
		t, e := p.dateWithDay(j)
		best, end = pick(best, end, t, e)
	}
	if can&agoFirst != 0 {
		t, e := p.ago(j)
		best, end = pick(best, end, t, e)
	}
	if j > i && best == nil {
		// earlier this month, في وقت سابق من هذا العام
		return p.calUnit(j, false)
	}
	return best, end
}

// monthFirst is what monthLevel reads first.
const monthFirst = 1<<clMonthWord | 1<<clModPre | 1<<clMonth

// monthLevel reads a month without its day: [شهر] [last|next] Month[/Month]
// [year | الماضي|المقبل]. A weak name needs a cue: cued (a preposition,
// since, early/mid/late before it), a year, a modifier, شهر, or a pair.
func (p *parser) monthLevel(i int, cued bool) (*tx, int) {
	if !p.may(i, monthFirst) {
		return nil, -1
	}
	j, strong, mod := i, false, 0
	if ph, e := p.match(j, clMonthWord); ph != nil {
		j, strong = e, true
	}
	if ph, e := p.match(j, clModPre); ph != nil && !p.info[j].arabic {
		j, strong, mod = e, true, ph.n
	}
	m, e, weak := p.monthName(j)
	if e < 0 {
		return nil, -1
	}
	t := p.newTx(tx{kind: kDate, m: m, mod: mod})
	if y, e2 := p.yearTail(e); e2 > 0 {
		t.y, t.mod, e, strong = y, 0, e2, true
	} else if ph, e2 := p.match(e, clModPost); ph != nil {
		t.mod, e, strong = ph.n, e2, true
	}
	if weak && !strong && !cued {
		return nil, -1
	}
	return t, e
}

// yearFirst is what yearLevel reads first.
const yearFirst = 1<<clYearWord | isNumber

// yearLevel reads a year: العام 2014, عام 2014, or a bare 1900–2100 number
// when cued (في، in, since …) and not a count (في 2000 غارة).
func (p *parser) yearLevel(i int, cued bool) (*tx, int) {
	if !p.may(i, yearFirst) {
		return nil, -1
	}
	if ph, e := p.match(i, clYearWord); ph != nil {
		if y, e2 := p.yearNum(e); e2 > 0 {
			return p.newTx(tx{kind: kDate, y: y}), e2
		}
		return nil, -1
	}
	if !cued {
		return nil, -1
	}
	y, e := p.yearNum(i)
	if e < 0 || p.is(e, clCountNoun) {
		return nil, -1
	}
	return p.newTx(tx{kind: kDate, y: y}), e
}

// calUnitFirst is what calUnit reads first.
const calUnitFirst = 1<<clModPre | 1<<clCalUnit

// calUnit reads a calendar unit with its modifier: الأسبوع الماضي, هذا
// الشهر, العام الجاري, last week, this year. bare accepts the unit alone
// (مطلع العام, since the start of the year): the anchor's.
func (p *parser) calUnit(i int, bare bool) (*tx, int) {
	if !p.may(i, calUnitFirst) {
		return nil, -1
	}
	j, mod, hasMod := i, 0, false
	if ph, e := p.match(j, clModPre); ph != nil {
		j, mod, hasMod = e, ph.n, true
	}
	ph, e := p.match(j, clCalUnit)
	if ph == nil {
		return nil, -1
	}
	if !hasMod {
		if ph2, e2 := p.match(e, clModPost); ph2 != nil {
			e, mod, hasMod = e2, ph2.n, true
		}
	}
	if !hasMod && !bare {
		return nil, -1
	}
	return p.newTx(tx{kind: kCalUnit, u: ph.u, mod: mod}), e
}

// third reads early/mid/late of a month or a year: منتصف تشرين الأول,
// نهاية العام 2017, mid-October, late 2017, the end of last year.
func (p *parser) third(i int) (*tx, int) {
	ph, j := p.match(i, clThird)
	if ph == nil {
		return nil, -1
	}
	t, e := p.monthLevel(j, true)
	if y, e2 := p.yearLevel(j, true); y != nil {
		t, e = pick(t, e, y, e2)
	}
	if cu, e2 := p.calUnit(j, true); cu != nil && cu.u != uWeek {
		t, e = pick(t, e, cu, e2)
	}
	if t == nil {
		return nil, -1
	}
	c := p.newTx(*t)
	c.third = ph.n
	return c, e
}

// since reads منذ X / since X: from the start of X to the anchor.
func (p *parser) since(i int) (*tx, int) {
	ph, j := p.match(i, clSince)
	if ph == nil {
		return nil, -1
	}
	var t *tx
	e := -1
	t2, e2 := p.third(j)
	t, e = pick(t, e, t2, e2)
	t2, e2 = p.dayLevel(j)
	t, e = pick(t, e, t2, e2)
	t2, e2 = p.calUnit(j, false)
	t, e = pick(t, e, t2, e2)
	t2, e2 = p.monthLevel(j, true)
	t, e = pick(t, e, t2, e2)
	t2, e2 = p.yearLevel(j, true)
	t, e = pick(t, e, t2, e2)
	if u, n, e2 := p.duration(j, false); e2 > 0 {
		t, e = pick(t, e, p.newTx(tx{kind: kAgo, u: u, n: n}), e2) // منذ ثلاثة أيام
	}
	if t == nil {
		return nil, -1
	}
	return p.newTx(tx{kind: kSince, sub: [2]*tx{t}}), e
}

// partial reads one end of an interval: a full point, or a bare day or year
// that borrows the rest from the other end.
func (p *parser) partial(i int) (*tx, int) {
	if !p.may(i, partialFirst) {
		return nil, -1
	}
	if i < 0 || i >= len(p.toks) {
		return p.partialUncached(i)
	}
	return p.memoized(memoPartial, p.partialUncached, i)
}

// partialFirst is what partial reads first.
const partialFirst = dayFirst | monthFirst | yearFirst | 1<<clOrdinal | isNumber | isArticle

func (p *parser) partialUncached(i int) (*tx, int) {
	t, e := p.dayLevel(i)
	t2, e2 := p.monthLevel(i, true)
	t, e = pick(t, e, t2, e2)
	t2, e2 = p.yearLevel(i, true)
	t, e = pick(t, e, t2, e2)
	if t == nil {
		if d, e2 := p.dayNum(i); e2 > 0 {
			return p.newTx(tx{kind: kDate, d: d}), e2
		}
	}
	return t, e
}

// intervalFirst is what interval reads first.
const intervalFirst = 1<<clBetween | 1<<clFrom

// interval reads بين 20 و25 كانون الثاني, من 20 إلى 25 كانون الثاني,
// between Jan. 20 and 25, from Monday to Wednesday, بين عامي 2014 و2017.
func (p *parser) interval(i int) (*tx, int) {
	if !p.may(i, intervalFirst) {
		return nil, -1
	}
	j := -1
	if ph, e := p.match(i, clBetween); ph != nil {
		j = e
	} else if ph, e := p.match(i, clFrom); ph != nil {
		j = e
	}
	if j < 0 {
		return nil, -1
	}
	return p.span(j)
}

// dashInterval reads Jan. 20-25, 20-25 January, 2014-2017.
func (p *parser) dashInterval(i int) (*tx, int) {
	if gates && p.lastDash <= i {
		return nil, -1 // most sentences have no dash after i
	}
	a, ea := p.partial(i)
	if a == nil || ea >= len(p.toks) || !strings.ContainsFunc(p.toks[ea].Norm, isDash) {
		return nil, -1
	}
	b, eb := p.partial(ea + 1)
	if t := p.mergeInterval(a, b); t != nil {
		return t, eb
	}
	return nil, -1
}

// span reads "A and B" or "A to B" after an interval opener.
func (p *parser) span(j int) (*tx, int) {
	a, ea := p.partial(j)
	if a == nil || ea >= len(p.toks) {
		return nil, -1
	}
	k := -1
	if ph, e := p.match(ea, clAnd); ph != nil {
		k = e
	} else if ph, e := p.match(ea, clTo); ph != nil {
		k = e
	} else if n := p.toks[ea].Norm; strings.HasPrefix(n, "و") && len(n) > len("و") {
		k = ea // والأربعاء: the conjunction is a clitic of B
	}
	if k < 0 {
		return nil, -1
	}
	b, eb := p.partial(k)
	if t := p.mergeInterval(a, b); t != nil {
		return t, eb
	}
	return nil, -1
}

// mergeInterval joins two ends, lending month and year from one to the
// other (20 and 25 January; Jan. 20 and 25; October and December 2023).
// It fails when an end stays a bare day number.
func (p *parser) mergeInterval(a, b *tx) *tx {
	if a == nil || b == nil {
		return nil
	}
	a2, b2 := p.newTx(*a), p.newTx(*b)
	if a2.kind == kDate && b2.kind == kDate {
		if a2.d > 0 && a2.m == 0 && b2.m > 0 && b2.d > 0 {
			a2.m, a2.y, a2.mod = b2.m, b2.y, b2.mod
		}
		if b2.d > 0 && b2.m == 0 && a2.m > 0 && a2.d > 0 {
			b2.m, b2.y, b2.mod = a2.m, a2.y, a2.mod
		}
		if a2.y == 0 && b2.y > 0 && a2.m > 0 {
			a2.y = b2.y
			if a2.m > b2.m && b2.m > 0 {
				a2.y-- // between December and January 2024
			}
		}
		if b2.y == 0 && a2.y > 0 && b2.m > 0 {
			b2.y = a2.y
			if b2.m < a2.m {
				b2.y++
			}
		}
	}
	for _, t := range []*tx{a2, b2} {
		if t.kind == kDate && t.m == 0 && (t.d > 0 || t.y == 0) {
			return nil
		}
	}
	return p.newTx(tx{kind: kInterval, sub: [2]*tx{a2, b2}})
}

// nightFirst is what night reads first.
const nightFirst = 1<<clNight | 1<<clWeekday

// night reads a night spanning two days: ليل الأحد الاثنين, ليلة الأحد إلى
// الاثنين, overnight Saturday into Sunday, Saturday night into Sunday,
// overnight into Sunday.
func (p *parser) night(i int) (*tx, int) {
	if !p.may(i, nightFirst) {
		return nil, -1
	}
	var best *tx
	end := -1
	if ph, j := p.match(i, clNight); ph != nil {
		if w1, e1 := p.match(j, clWeekday); w1 != nil {
			k := e1
			if ph, e := p.match(k, clNightJoin); ph != nil {
				k = e
			}
			if w2, e2 := p.match(k, clWeekday); w2 != nil && w2.n == (w1.n+1)%7 {
				best, end = p.newTx(tx{kind: kNight, wd: w2.n}), e2
			}
		}
		if jn, k := p.match(j, clNightJoin); jn != nil {
			if w2, e2 := p.match(k, clWeekday); w2 != nil {
				best, end = pick(best, end, p.newTx(tx{kind: kNight, wd: w2.n}), e2)
			}
		}
	}
	if w1, e1 := p.match(i, clWeekday); w1 != nil {
		if post, k := p.match(e1, clPost); post != nil && post.toks[0] == "night" {
			if jn, k2 := p.match(k, clNightJoin); jn != nil {
				if w2, e2 := p.match(k2, clWeekday); w2 != nil && w2.n == (w1.n+1)%7 {
					best, end = pick(best, end, p.newTx(tx{kind: kNight, wd: w2.n}), e2)
				}
			}
		}
	}
	return best, end
}

// backFirst is what back reads first: the past (English), a unit, a count.
const backFirst = 1<<clPastPre | 1<<clUnit | countFirst

// back reads a window back from the anchor: خلال الساعات الـ48 الماضية,
// الـ24 ساعة الماضية, الأيام الثلاثة الماضية, اليومين الماضيين, the past 48
// hours, the last two days, the past week.
func (p *parser) back(i int) (*tx, int) {
	if !p.may(i, backFirst) {
		return nil, -1
	}
	if i >= len(p.toks) {
		return nil, -1
	}
	if !p.info[i].arabic && p.toks[i].Kind != textnorm.Number {
		ph, j := p.match(i, clPastPre)
		if ph == nil {
			return nil, -1
		}
		n, e := p.count(j)
		if e < 0 {
			if len(ph.toks) < 2 {
				return nil, -1 // "last week" is the calendar week; "the last week" the window
			}
			n, e = 1, j
		}
		u, e2 := p.match(e, clUnit)
		if u == nil || (n == 1 && e == j && u.count != 1) {
			return nil, -1
		}
		return p.newTx(tx{kind: kBack, u: u.u, n: n}), e2
	}
	var best *tx
	end := -1
	// الساعات الـ48 الماضية, الأيام الثلاثة الماضية
	if u, e := p.match(i, clUnit); u != nil && u.count == 0 {
		if n, e2 := p.count(e); e2 > 0 {
			if ph, e3 := p.match(e2, clPastPost); ph != nil {
				best, end = pick(best, end, p.newTx(tx{kind: kBack, u: u.u, n: n}), e3)
			}
		}
	}
	// اليومين الماضيين
	if u, e := p.match(i, clUnit); u != nil && u.count == 2 {
		if ph, e2 := p.match(e, clPastPost); ph != nil {
			best, end = pick(best, end, p.newTx(tx{kind: kBack, u: u.u, n: 2}), e2)
		}
	}
	// الـ24 ساعة الماضية
	if n, e := p.count(i); e > 0 {
		if u, e2 := p.match(e, clUnit); u != nil {
			if ph, e3 := p.match(e2, clPastPost); ph != nil {
				best, end = pick(best, end, p.newTx(tx{kind: kBack, u: u.u, n: n}), e3)
			}
		}
	}
	return best, end
}

// eventRelFirst is what eventRel reads first.
const eventRelFirst = 1<<clEventRel | 1<<clRelPrep | durationFirst

// eventRel reads expressions relative to another event: غداة، the day
// after, three days later, hours after, بعد يومين من، قبل ساعات من.
func (p *parser) eventRel(i int) (*tx, int) {
	if !p.may(i, eventRelFirst) {
		return nil, -1
	}
	var best *tx
	end := -1
	if ph, e := p.match(i, clEventRel); ph != nil {
		best, end = p.newTx(tx{kind: kEventRel}), e
	}
	if i >= len(p.toks) {
		return best, end
	}
	if p.info[i].arabic {
		if ph, j := p.match(i, clRelPrep); ph != nil {
			if _, _, e := p.duration(j, true); e > 0 {
				if of, e2 := p.match(e, clRelOf); of != nil {
					best, end = pick(best, end, p.newTx(tx{kind: kEventRel}), e2)
				} else if ph.toks[0] == "بعد" {
					best, end = pick(best, end, p.newTx(tx{kind: kEventRel}), e) // بعد يومين: two days later
				}
			}
		}
		return best, end
	}
	if _, _, e := p.duration(i, true); e > 0 {
		if ph, e2 := p.match(e, clRelDir); ph != nil {
			best, end = pick(best, end, p.newTx(tx{kind: kEventRel}), e2)
		}
	}
	return best, end
}

// newTx returns a pointer to a copy of t, from the parser's arena.
func (p *parser) newTx(t tx) *tx { return p.arena.new(t) }

// core reads the longest time expression at token i. cued says a
// preposition came before it.
func (p *parser) core(i int, cued bool) (*tx, int) {
	var best *tx
	end := -1
	if !p.mayStart(i) {
		return best, end
	}
	// each rule is tried only at a token of its first set, as its own
	// gate would have it fail at once
	can := p.firsts(i)
	if can.has(clBlock) {
		if ph, e := p.match(i, clBlock); ph != nil {
			best, end = pick(best, end, p.newTx(tx{kind: kBlock}), e)
		}
	}
	if can&eventRelFirst != 0 {
		t, e := p.eventRel(i)
		best, end = pick(best, end, t, e)
	}
	if can.has(clSince) {
		t, e := p.since(i)
		best, end = pick(best, end, t, e)
	}
	if can&intervalFirst != 0 {
		t, e := p.interval(i)
		best, end = pick(best, end, t, e)
	}
	if can&partialFirst != 0 {
		t, e := p.dashInterval(i)
		best, end = pick(best, end, t, e)
	}
	if can&nightFirst != 0 {
		t, e := p.night(i)
		best, end = pick(best, end, t, e)
	}
	if can&backFirst != 0 {
		t, e := p.back(i)
		best, end = pick(best, end, t, e)
	}
	if can.has(clOvernight) {
		if ph, e := p.match(i, clOvernight); ph != nil {
			best, end = pick(best, end, p.newTx(tx{kind: kOvernight}), e)
		}
	}
	if can.has(clThird) {
		t, e := p.third(i)
		best, end = pick(best, end, t, e)
	}
	if can&dayFirst != 0 {
		t, e := p.dayLevel(i)
		best, end = pick(best, end, t, e)
	}
	if can&monthFirst != 0 {
		t, e := p.monthLevel(i, cued)
		best, end = pick(best, end, t, e)
	}
	if can&yearFirst != 0 {
		t, e := p.yearLevel(i, cued)
		best, end = pick(best, end, t, e)
	}
	if can&calUnitFirst != 0 {
		t, e := p.calUnit(i, false)
		best, end = pick(best, end, t, e)
	}
	return best, end
}

// expr reads the time expression starting at token i, with a preposition
// before it: start is where its text starts (after a "cue" preposition).
func (p *parser) expr(i int) (t *tx, start, end int) {
	t, e := p.core(i, false)
	if ph, j := p.match(i, clPrep); ph != nil {
		if t2, e2 := p.core(j, true); t2 != nil && e2 > e {
			if ph.value == "keep" {
				return t2, i, e2
			}
			return t2, j, e2
		}
	}
	return t, i, e
}
