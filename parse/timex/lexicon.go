package timex

import (
	"embed"
	"fmt"
	"io/fs"
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

//go:embed data/*.tsv
var dataFS embed.FS

// class is a word class. Those of words.tsv carry their names there
// (classNames); the other files each fill one class.
type class uint8

const (
	clMonth class = iota
	clWeekday
	clNumber
	clOrdinal
	clUnit
	clPrep
	clPre
	clPost
	clNight
	clNightJoin
	clOvernight
	clRelDay
	clModPre
	clModPost
	clCalUnit
	clThird
	clSince
	clBetween
	clFrom
	clAnd
	clTo
	clEquals
	clYearWord
	clMonthWord
	clDayOf
	clDet
	clOrdSuffix
	clAgo
	clPastPre
	clPastPost
	clRelDir
	clRelPrep
	clRelOf
	clEventRel
	clBlock
	clCountNoun
	numClasses
)

// classNames are the names of the classes in words.tsv and in messages.
var classNames = [numClasses]string{
	clMonth:     "month",
	clWeekday:   "weekday",
	clNumber:    "number",
	clOrdinal:   "ordinal",
	clUnit:      "unit",
	clPrep:      "prep",
	clPre:       "pre",
	clPost:      "post",
	clNight:     "night",
	clNightJoin: "nightjoin",
	clOvernight: "overnight",
	clRelDay:    "relday",
	clModPre:    "modpre",
	clModPost:   "modpost",
	clCalUnit:   "calunit",
	clThird:     "third",
	clSince:     "since",
	clBetween:   "between",
	clFrom:      "from",
	clAnd:       "and",
	clTo:        "to",
	clEquals:    "equals",
	clYearWord:  "yearword",
	clMonthWord: "monthword",
	clDayOf:     "dayof",
	clDet:       "det",
	clOrdSuffix: "ordsuffix",
	clAgo:       "ago",
	clPastPre:   "pastpre",
	clPastPost:  "pastpost",
	clRelDir:    "reldir",
	clRelPrep:   "relprep",
	clRelOf:     "relof",
	clEventRel:  "eventrel",
	clBlock:     "block",
	clCountNoun: "countnoun",
}

// wordClasses are the classes words.tsv may use, with a check of their value.
var wordClasses = map[class]func(string) error{
	clPrep:      oneOf("keep", "cue"),
	clPre:       oneOf("part", "night"),
	clPost:      anyValue,
	clNight:     anyValue,
	clNightJoin: anyValue,
	clOvernight: anyValue,
	clRelDay:    intIn(-7, 7),
	clModPre:    intIn(-1, 1),
	clModPost:   intIn(-1, 1),
	clCalUnit:   oneOf("week", "month", "year"),
	clThird:     intIn(1, 3),
	clSince:     anyValue,
	clBetween:   anyValue,
	clFrom:      anyValue,
	clAnd:       anyValue,
	clTo:        anyValue,
	clEquals:    anyValue,
	clYearWord:  anyValue,
	clMonthWord: anyValue,
	clDayOf:     anyValue,
	clDet:       anyValue,
	clOrdSuffix: anyValue,
	clAgo:       anyValue,
	clPastPre:   anyValue,
	clPastPost:  anyValue,
	clRelDir:    anyValue,
	clRelPrep:   anyValue,
	clRelOf:     anyValue,
	clEventRel:  anyValue,
	clBlock:     anyValue,
	clCountNoun: anyValue,
}

func anyValue(string) error { return nil }

func oneOf(vals ...string) func(string) error {
	return func(v string) error {
		for _, w := range vals {
			if v == w {
				return nil
			}
		}
		return fmt.Errorf("value %q is not one of %s", v, strings.Join(vals, ", "))
	}
}

func intIn(lo, hi int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("value %q is not an integer in [%d, %d]", v, lo, hi)
		}
		return nil
	}
}

// unit is a unit of time.
type unit uint8

const (
	uNone unit = iota
	uHour
	uDay
	uWeek
	uMonth
	uYear
)

var unitNames = map[string]unit{"hour": uHour, "day": uDay, "week": uWeek, "month": uMonth, "year": uYear}

// phrase is one form of a lexicon entry: its folded tokens and what it means.
type phrase struct {
	toks  []string   // folded token norms
	stems [][]string // Arabic clitic forms of toks[1:], for matching later tokens
	words []*word    // the words of toks
	wstem [][]*word  // the words of stems
	value string     // the value column as written
	n     int        // value as an integer (month, weekday, number, offsets …)
	u     unit       // unit and calunit classes
	count int        // unit class: 1 singular, 2 dual, 0 plural
	weak  bool       // month class: needs a cue
	abbr  bool       // month class: may take a period
}

// classIndex holds the phrases of one class by their first token.
type classIndex map[string][]*phrase

// lex is the loaded data of package timex, shared read-only.
type lex struct {
	classes [numClasses]classIndex
	words   map[string]*word // every token of every phrase, and their clitic forms
	filter  wordFilter       // of words: most tokens of a text are none
	// embedded marks the lexicon of the embedded data, which keeps the
	// tokenInfo of a word in its textnorm.WordRecord (see getParser).
	embedded bool
	// punct holds the tokenInfo of a Punct token of each rune below
	// len(punct), worked out once: punctuation has no word record
	punct [maxPunctRune]tokenInfo
	// number is the tokenInfo of a Number token whose text starts with a
	// digit, when digitWords is false: no word of the lexicon starts with
	// an ASCII digit, so such a token is none
	number     tokenInfo
	digitWords bool
}

// maxPunctRune bounds the runes of lex.punct: ASCII, Latin-1 (« ») and
// the Arabic block (، ؛ ؟).
const maxPunctRune = 0x700

// classSet is a set of classes.
type classSet uint64

func (s classSet) has(c class) bool { return s&(1<<c) != 0 }

// word is a distinct folded token of the lexicon: a token of a phrase or a
// clitic form of one. A text token is mapped to its words once (see
// tokenForms), and the parser then compares words by pointer instead of
// looking strings up.
type word struct {
	text   string
	starts classSet       // the classes that have a phrase starting with this word
	first  []classPhrases // those phrases, by class, in the order of the classes
	alone  tokenForms     // the forms of a token that is this word and has no clitic stems
	// solo tells that a phrase of one token, this word, may be a whole
	// expression: it is of a class of soloClasses
	solo bool
}

// classPhrases are the phrases of one class that start with one word, in
// the order of the data files.
type classPhrases struct {
	c    class
	phs  []*phrase
	ones []*phrase // those of one token, in the same order
}

// phrases returns the phrases of class c that start with w, only those of
// one token when ones is set.
func (w *word) phrases(c class, ones bool) []*phrase {
	if !w.starts.has(c) {
		return nil
	}
	cp := &w.first[bits.OnesCount64(uint64(w.starts&(1<<c-1)))] // after the classes before c
	if ones {
		return cp.ones
	}
	return cp.phs
}

// word returns the word of the folded token s, adding it when new.
func (lx *lex) word(s string) *word {
	w := lx.words[s]
	if w == nil {
		w = &word{text: s}
		lx.words[s] = w
	}
	return w
}

// indexWords builds lx.words from the loaded classes.
func (lx *lex) indexWords() {
	for c := range numClasses {
		for first, phs := range lx.classes[c] {
			w := lx.word(first)
			w.starts |= 1 << c
			cp := classPhrases{c: c, phs: phs}
			for _, ph := range phs {
				if len(ph.toks) == 1 {
					cp.ones = append(cp.ones, ph)
				}
			}
			w.first = append(w.first, cp)
			w.solo = w.solo || soloClasses.has(c) && len(cp.ones) > 0
			for _, ph := range phs {
				ph.words = make([]*word, len(ph.toks))
				for k, t := range ph.toks {
					ph.words[k] = lx.word(t)
				}
				ph.wstem = make([][]*word, len(ph.stems))
				for k, st := range ph.stems {
					ph.wstem[k] = make([]*word, len(st))
					for m, s := range st {
						ph.wstem[k][m] = lx.word(s)
					}
				}
			}
		}
	}
	for _, w := range lx.words {
		w.alone = tokenForms{norm: w, loose: []*word{w}, strict: []*word{w}, looseStarts: w.starts, strictStarts: w.starts, solo: w.solo}
		lx.filter.add(w.text)
	}
}

// wordFilter is a Bloom filter of the words of the lexicon: it tells
// cheaply of most tokens of a text that they are none, so that they skip
// the map look-up. "No" is always right; "maybe" may not be. A word is
// hashed by its length and its last eight bytes, which one load reads.
type wordFilter [1 << (filterBits - 6)]uint64

const filterBits = 15

// tail returns the last eight bytes of s, or all of them if fewer, as a
// little-endian integer.
func tail(s string) uint64 {
	switch n := len(s); {
	case n >= 8:
		s = s[n-8:]
		return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	case n >= 4:
		lo := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
		s = s[n-4:]
		hi := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
		return lo | hi<<(8*(n-4)) // the bytes they share are the same
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return 0
}

// filterBit is the bit of the filter for w.
func filterBit(w string) uint64 {
	return (tail(w)*0x9E3779B97F4A7C15 ^ uint64(len(w))) * 0xC2B2AE3D27D4EB4F >> (64 - filterBits)
}

func (f *wordFilter) add(w string) {
	b := filterBit(w)
	f[b/64] |= 1 << (b % 64)
}

// mayHold reports whether w may be a word of the lexicon.
func (f *wordFilter) mayHold(w string) bool {
	b := filterBit(w)
	return f[b/64]&(1<<(b%64)) != 0
}

// loadLexicon loads the embedded data once.
var loadLexicon = sync.OnceValues(func() (*lex, error) {
	lx, err := readLexicon(dataFS)
	if err != nil {
		return nil, err
	}
	lx.embedded = true
	return lx, nil
})

// Check loads the embedded data files and reports the first problem found,
// as a *lexicon.Error naming the file and line. Find returns no
// expressions when the data does not load; a caller can call Check once at
// start-up to report why.
func Check() error {
	_, err := loadLexicon()
	return err
}

// readLexicon reads the data files data/*.tsv of fsys.
func readLexicon(fsys fs.FS) (*lex, error) {
	lx := &lex{words: map[string]*word{}}
	classByName := map[string]class{}
	for c, name := range classNames {
		classByName[name] = class(c)
	}
	// months.tsv: month, tags, forms
	rows, err := lexicon.ReadTSV(fsys, "data/months.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		m, err := strconv.Atoi(r.Cell(0))
		if err != nil || m < 1 || m > 12 {
			return nil, r.Errorf("month %q is not in 1–12", r.Cell(0))
		}
		var weak, abbr bool
		if tags := r.Cell(1); tags != "-" && tags != "" {
			for _, t := range strings.Split(tags, ",") {
				switch strings.TrimSpace(t) {
				case "weak":
					weak = true
				case "abbr":
					abbr, weak = true, true
				default:
					return nil, r.Errorf("unknown tag %q (want weak or abbr)", t)
				}
			}
		}
		if err := lx.addForms(r, clMonth, r.Cell(2), phrase{value: r.Cell(0), n: m, weak: weak, abbr: abbr}); err != nil {
			return nil, err
		}
	}
	// weekdays.tsv: weekday, forms
	rows, err = lexicon.ReadTSV(fsys, "data/weekdays.tsv", 2)
	if err != nil {
		return nil, err
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for _, r := range rows {
		wd := -1
		for i, d := range days {
			if d == r.Cell(0) {
				wd = i
			}
		}
		if wd < 0 {
			return nil, r.Errorf("weekday %q is not an English weekday name in lower case", r.Cell(0))
		}
		if err := lx.addForms(r, clWeekday, r.Cell(1), phrase{value: r.Cell(0), n: wd}); err != nil {
			return nil, err
		}
	}
	// numbers.tsv and ordinals.tsv: value, forms
	for _, f := range []struct {
		file  string
		class class
		max   int
	}{{"data/numbers.tsv", clNumber, 1000}, {"data/ordinals.tsv", clOrdinal, 31}} {
		rows, err = lexicon.ReadTSV(fsys, f.file, 2)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			n, err := strconv.Atoi(r.Cell(0))
			if err != nil || n < 1 || n > f.max {
				return nil, r.Errorf("value %q is not an integer in [1, %d]", r.Cell(0), f.max)
			}
			if err := lx.addForms(r, f.class, r.Cell(1), phrase{value: r.Cell(0), n: n}); err != nil {
				return nil, err
			}
		}
	}
	// units.tsv: unit, count, forms
	rows, err = lexicon.ReadTSV(fsys, "data/units.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		u, ok := unitNames[r.Cell(0)]
		if !ok {
			return nil, r.Errorf("unit %q is not hour, day, week, month or year", r.Cell(0))
		}
		var count int
		switch r.Cell(1) {
		case "1":
			count = 1
		case "2":
			count = 2
		case "n":
		default:
			return nil, r.Errorf("count %q is not 1, 2 or n", r.Cell(1))
		}
		if err := lx.addForms(r, clUnit, r.Cell(2), phrase{value: r.Cell(0), u: u, count: count}); err != nil {
			return nil, err
		}
	}
	// words.tsv: class, value, forms
	rows, err = lexicon.ReadTSV(fsys, "data/words.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		class, known := classByName[r.Cell(0)]
		check, ok := wordClasses[class]
		if !known || !ok {
			return nil, r.Errorf("unknown class %q", r.Cell(0))
		}
		if err := check(r.Cell(1)); err != nil {
			return nil, r.Errorf("%v", err)
		}
		p := phrase{value: r.Cell(1)}
		p.n, _ = strconv.Atoi(p.value)
		if class == clCalUnit {
			p.u = unitNames[p.value]
		}
		if err := lx.addForms(r, class, r.Cell(2), p); err != nil {
			return nil, err
		}
	}
	lx.indexWords()
	for r := range rune(maxPunctRune) {
		lx.punct[r] = lx.punctInfo(r)
	}
	for w := range lx.words {
		lx.digitWords = lx.digitWords || w != "" && '0' <= w[0] && w[0] <= '9'
	}
	lx.number = infoFrom(&textnorm.Token{Norm: "0", Kind: textnorm.Number}, '0', false, &noForms) // infoOf's, for such a token
	return lx, nil
}

// addForms adds every "|"-separated form of cell to class, as a copy of p.
func (lx *lex) addForms(r lexicon.Row, class class, cell string, p phrase) error {
	forms := lexicon.Split(cell)
	if len(forms) == 0 {
		return r.Errorf("no forms")
	}
	idx := lx.classes[class]
	if idx == nil {
		idx = classIndex{}
		lx.classes[class] = idx
	}
	for _, f := range forms {
		toks := textnorm.Tokenize(f)
		if len(toks) == 0 {
			return r.Errorf("form %q has no words", f)
		}
		ph := p
		ph.toks = make([]string, len(toks))
		for i, t := range toks {
			if t.Norm == "" {
				return r.Errorf("form %q has no words", f)
			}
			ph.toks[i] = t.Norm
			if i > 0 {
				ph.stems = append(ph.stems, stemsOf(t.Norm))
			}
		}
		idx[ph.toks[0]] = append(idx[ph.toks[0]], &ph)
	}
	return nil
}

// stemsOf returns the folded word w and its forms without Arabic clitics
// (textnorm.ArabicStems) when w is Arabic, else just w.
func stemsOf(w string) []string {
	if isArabicWord(w) {
		return textnorm.ArabicStems(w)
	}
	return []string{w}
}

func isArabicWord(w string) bool {
	for _, r := range w {
		return textnorm.IsArabic(r)
	}
	return false
}
