package quantity

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

//go:embed data/*.tsv
var dataFS embed.FS

// languages lists the languages the embedded data covers.
var languages = []string{"ar", "en"}

// numKind says how a number word combines with its neighbours; see
// data/numbers.tsv.
type numKind uint8

const (
	kUnit numKind = iota + 1
	kTeen
	kTen
	kHundred
	kScale
	kDual
	kPlural
	kVague
	kVagueOf
	kDozen
	kArticle
	kHalf
)

var numKinds = map[string]numKind{
	"unit": kUnit, "teen": kTeen, "ten": kTen, "hundred": kHundred, "scale": kScale, "dual": kDual,
	"plural": kPlural, "vague": kVague, "vague_of": kVagueOf, "dozen": kDozen, "article": kArticle, "half": kHalf,
}

// numWord is one number word of numbers.tsv.
type numWord struct {
	kind  numKind
	value int64
	mult  int64 // for vague and plural words: the factor before a plural scale
}

// unitInfo is one row of units.tsv.
type unitInfo struct {
	unit         string
	number       string // sg, pl, du
	class        string // person, means, place, other
	role         Role
	casualtyUnit string
}

// modInfo is one row of modifiers.tsv.
type modInfo struct{ from, to string }

// notInfo is one row of notcount.tsv.
type notInfo struct{ reason string }

// langLex is the data of one language, read-only once built (its token
// cache excepted, which is safe for concurrent use).
type langLex struct {
	lang        string              // "ar" or "en"
	numbers     map[string]*numWord // folded form → its row (read-only; tokInfo points at it)
	qualBefore  *phraseSet[events.Qualifier]
	qualAfter   *phraseSet[events.Qualifier]
	units       *phraseSet[unitInfo]
	modifiers   *phraseSet[modInfo]
	notBefore   *phraseSet[notInfo]
	notAfter    *phraseSet[notInfo]
	zeros       *phraseSet[Role]
	rolesBefore *phraseSet[Role]
	rolesAfter  *phraseSet[Role]
	words       map[string]wordClass // folded form → its classes in words.tsv
	suffixes    []string             // the people_suffix forms of words.tsv

	// vocab numbers every folded word the phrase data uses (see finish).
	vocab map[string]int32
	// sets are all the phrase sets above, each with its own phraseBit.
	sets []phraseIndex
	// wordInfos and otherInfos hold the tokInfo of the token texts seen,
	// words and other tokens apart (a word and a mark with the same text
	// match data differently); each stops growing at tokenCacheMax texts.
	wordInfos, otherInfos textnorm.WordCache[*tokInfo]
	// markInfos holds, by code point, the tokInfo of the tokens other than
	// words whose text is one code point below maxMarkRune (. , ، « 5):
	// they are a sixth of the tokens, and need no map look-up. A nil entry
	// is not computed yet.
	markInfos []atomic.Pointer[tokInfo]
	// plainInfos are the tokInfos of the tokens that match no data and are
	// no number word, by their flags (see plainIndex): shared, so that the
	// caches keep no value of their own for most words.
	plainInfos [8]tokInfo
	// slot is where the embedded data's langLex of this language keeps a
	// word's tokInfo in its textnorm.WordRecord (hasSlot); a test's data
	// has none, as the records are shared by all.
	slot    textnorm.Slot[tokInfo]
	hasSlot bool
}

// wordSlots are the slots of the embedded data, by language.
var wordSlots = map[string]textnorm.Slot[tokInfo]{"ar": textnorm.NewSlot[tokInfo](), "en": textnorm.NewSlot[tokInfo]()}

// finish numbers the words of all phrases and indexes every phrase set by
// those numbers, once all data is read.
func (l *langLex) finish(lang string) {
	l.lang = lang
	l.vocab = map[string]int32{}
	l.sets = []phraseIndex{l.qualBefore, l.qualAfter, l.units, l.modifiers, l.notBefore, l.notAfter,
		l.zeros, l.rolesBefore, l.rolesAfter}
	for _, s := range l.sets {
		s.intern(l.vocab)
	}
	for i, s := range l.sets {
		s.index(len(l.vocab), phraseBit(1)<<i)
	}
}

// lexiconData holds the embedded data of every language.
type lexiconData struct {
	langs map[string]*langLex
	// ar and en are langs["ar"] and langs["en"], without a map look-up.
	ar, en *langLex
}

// loadLexicon reads the embedded data once; every caller shares the result.
var loadLexicon = sync.OnceValues(func() (*lexiconData, error) {
	lx, err := readLexicon(dataFS)
	if err != nil {
		return nil, err
	}
	for lang, l := range lx.langs {
		l.slot, l.hasSlot = wordSlots[lang]
	}
	return lx, nil
})

// Check reads the embedded data files and reports the first problem, if
// any. Find returns no counts when the data is broken, so a program may call
// Check at start-up to fail loudly instead.
func Check() error {
	_, err := loadLexicon()
	return err
}

func newLangLex() *langLex {
	return &langLex{
		numbers:     map[string]*numWord{},
		qualBefore:  newPhraseSet[events.Qualifier](),
		qualAfter:   newPhraseSet[events.Qualifier](),
		units:       newPhraseSet[unitInfo](),
		modifiers:   newPhraseSet[modInfo](),
		notBefore:   newPhraseSet[notInfo](),
		notAfter:    newPhraseSet[notInfo](),
		zeros:       newPhraseSet[Role](),
		rolesBefore: newPhraseSet[Role](),
		rolesAfter:  newPhraseSet[Role](),
		words:       map[string]wordClass{},
		wordInfos:   textnorm.WordCache[*tokInfo]{Max: tokenCacheMax},
		otherInfos:  textnorm.WordCache[*tokInfo]{Max: tokenCacheMax},
		markInfos:   make([]atomic.Pointer[tokInfo], maxMarkRune),
		plainInfos:  plainInfos(),
	}
}

// readLexicon reads the data files from fsys (the embedded data, or a test's
// own files).
func readLexicon(fsys fs.FS) (*lexiconData, error) {
	lx := &lexiconData{langs: map[string]*langLex{}}
	for _, l := range languages {
		lx.langs[l] = newLangLex()
	}
	lang := func(r lexicon.Row) (*langLex, error) {
		l, ok := lx.langs[r.Cell(0)]
		if !ok {
			return nil, r.Errorf("unknown language %q", r.Cell(0))
		}
		return l, nil
	}
	steps := []struct {
		file string
		cols int
		read func(lexicon.Row, *langLex) error
	}{
		{"numbers.tsv", 4, readNumber},
		{"qualifiers.tsv", 4, readQualifier},
		{"units.tsv", 7, readUnit},
		{"modifiers.tsv", 4, readModifier},
		{"notcount.tsv", 4, readNotCount},
		{"zeros.tsv", 3, readZero},
		{"roles.tsv", 4, readRole},
		{"words.tsv", 3, readWords},
	}
	for _, s := range steps {
		rows, err := lexicon.ReadTSV(fsys, "data/"+s.file, s.cols)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			l, err := lang(r)
			if err != nil {
				return nil, err
			}
			if err := s.read(r, l); err != nil {
				return nil, err
			}
		}
	}
	for _, l := range languages {
		lx.langs[l].finish(l)
	}
	lx.ar, lx.en = lx.langs["ar"], lx.langs["en"]
	return lx, nil
}

func readNumber(r lexicon.Row, l *langLex) error {
	kind, ok := numKinds[r.Cell(2)]
	if !ok {
		return r.Errorf("unknown number kind %q", r.Cell(2))
	}
	v, err := strconv.ParseInt(r.Cell(3), 10, 64)
	if err != nil || v < 1 || v > MaxValue {
		return r.Errorf("bad value %q", r.Cell(3))
	}
	w := numWord{kind: kind, value: v}
	if kind == kVague || kind == kVagueOf || kind == kPlural {
		m, err := strconv.ParseInt(r.Cell(4), 10, 64)
		if err != nil || m < 1 || m > MaxValue {
			return r.Errorf("%s word needs a multiplier in column 5, got %q", r.Cell(2), r.Cell(4))
		}
		w.mult = m
	}
	forms := lexicon.Split(r.Cell(1))
	if len(forms) == 0 {
		return r.Errorf("no forms")
	}
	for _, f := range forms {
		toks := textnorm.Tokenize(f)
		if len(toks) != 1 || toks[0].Kind != textnorm.Word {
			return r.Errorf("number word %q is not one word", f)
		}
		key := toks[0].Norm
		if old, dup := l.numbers[key]; dup && *old != w {
			return r.Errorf("number word %q defined twice with different values", f)
		}
		l.numbers[key] = &w
	}
	return nil
}

var qualifierNames = map[string]events.Qualifier{
	"approx": events.Approx, "at_least": events.AtLeast, "more_than": events.MoreThan,
	"at_most": events.AtMost, "less_than": events.LessThan,
}

func readQualifier(r lexicon.Row, l *langLex) error {
	q, ok := qualifierNames[r.Cell(2)]
	if !ok {
		return r.Errorf("unknown qualifier %q", r.Cell(2))
	}
	switch r.Cell(3) {
	case "before":
		return l.qualBefore.add(r, r.Cell(1), q)
	case "after":
		return l.qualAfter.add(r, r.Cell(1), q)
	}
	return r.Errorf("position must be before or after, got %q", r.Cell(3))
}

var roleNames = map[string]Role{"-": None, "": None, "killed": Killed, "wounded": Wounded, "casualties": Casualties}

func readUnit(r lexicon.Row, l *langLex) error {
	u := unitInfo{unit: r.Cell(2), number: r.Cell(3), class: r.Cell(4), casualtyUnit: r.Cell(6)}
	if u.unit == "" || u.unit == "-" {
		return r.Errorf("empty unit")
	}
	switch u.number {
	case "sg", "pl", "du":
	default:
		return r.Errorf("number must be sg, pl or du, got %q", u.number)
	}
	switch u.class {
	case "person", "means", "place", "other":
	default:
		return r.Errorf("class must be person, means, place or other, got %q", u.class)
	}
	role, ok := roleNames[r.Cell(5)]
	if !ok {
		return r.Errorf("unknown role %q", r.Cell(5))
	}
	u.role = role
	if u.casualtyUnit == "-" {
		u.casualtyUnit = ""
	}
	return l.units.add(r, r.Cell(1), u)
}

func readModifier(r lexicon.Row, l *langLex) error {
	m := modInfo{from: r.Cell(2), to: r.Cell(3)}
	if m.from == "" || m.to == "" {
		return r.Errorf("empty unit")
	}
	return l.modifiers.add(r, r.Cell(1), m)
}

var notReasons = map[string]bool{
	"year": true, "date": true, "age": true, "name": true, "percent": true, "time": true,
	"duration": true, "measure": true, "money": true,
}

func readNotCount(r lexicon.Row, l *langLex) error {
	reason := r.Cell(3)
	if !notReasons[reason] {
		return r.Errorf("unknown reason %q", reason)
	}
	switch r.Cell(2) {
	case "before":
		return l.notBefore.add(r, r.Cell(1), notInfo{reason})
	case "after":
		return l.notAfter.add(r, r.Cell(1), notInfo{reason})
	}
	return r.Errorf("position must be before or after, got %q", r.Cell(2))
}

func readZero(r lexicon.Row, l *langLex) error {
	role, ok := roleNames[r.Cell(2)]
	if !ok || role == None {
		return r.Errorf("role must be killed, wounded or casualties, got %q", r.Cell(2))
	}
	return l.zeros.add(r, r.Cell(1), role)
}

func readRole(r lexicon.Row, l *langLex) error {
	role, ok := roleNames[r.Cell(2)]
	if !ok || (role != Killed && role != Wounded) {
		return r.Errorf("role must be killed or wounded, got %q", r.Cell(2))
	}
	switch r.Cell(3) {
	case "before":
		return l.rolesBefore.add(r, r.Cell(1), role)
	case "after":
		return l.rolesAfter.add(r, r.Cell(1), role)
	case "both":
		if err := l.rolesBefore.add(r, r.Cell(1), role); err != nil {
			return err
		}
		return l.rolesAfter.add(r, r.Cell(1), role)
	}
	return r.Errorf("position must be before, after or both, got %q", r.Cell(3))
}

// wordClass is a set of the word classes of words.tsv, one bit each.
type wordClass uint16

// The word classes of words.tsv.
const (
	clsAdjective wordClass = 1 << iota
	clsOf
	clsDet
	clsConj
	clsOthers
	clsRange
	clsBetween
	clsBridgeBefore
	clsBridgeAfter
	clsPeopleSuffix
)

var wordClasses = map[string]wordClass{
	"adjective": clsAdjective, "of": clsOf, "det": clsDet, "conj": clsConj, "others": clsOthers,
	"range": clsRange, "between": clsBetween, "bridge_before": clsBridgeBefore,
	"bridge_after": clsBridgeAfter, "people_suffix": clsPeopleSuffix,
}

func readWords(r lexicon.Row, l *langLex) error {
	class, ok := wordClasses[r.Cell(1)]
	if !ok {
		return r.Errorf("unknown word class %q", r.Cell(1))
	}
	for _, f := range lexicon.Split(r.Cell(2)) {
		toks := textnorm.Tokenize(f)
		if len(toks) == 0 {
			continue
		}
		// "ما بين": a class word may be a phrase; its last word is what the
		// finder looks at.
		w := toks[len(toks)-1].Norm
		if class == clsPeopleSuffix && l.words[w]&clsPeopleSuffix == 0 {
			l.suffixes = append(l.suffixes, w)
		}
		l.words[w] |= class
	}
	return nil
}

// phrase is a fixed sequence of folded tokens with a payload.
type phrase[T any] struct {
	toks []string
	ids  []int32 // the vocabulary numbers of toks; wildcardID for "*"
	val  T
}

// phraseSet holds phrases indexed by the vocabulary numbers of their first
// and of their last token: byFirst[id] lists, in data order, the phrases
// whose first token is word id.
type phraseSet[T any] struct {
	all     []phrase[T]
	byFirst [][]int
	byLast  [][]int
	bit     phraseBit // this set's bit in the phraseBits of tokInfo
	// where[id] says where word id stands in the phrases (whereFirst …).
	where []uint8
	// wildSecond and wildPenult: some phrase has the wildcard second, or
	// next to last.
	wildSecond, wildPenult bool
	// trie holds the phrases as a tree of their words, for matchFrom.
	trie phraseTrie
}

// phraseTrie holds the words of a set's phrases as a tree: the phrases
// that begin with word id go down from node root[id], one word a level, so
// that phrases with the same first words (the many لم تسفر … of
// zeros.tsv) are matched against a token once.
type phraseTrie struct {
	root  []int32 // by vocabulary number: the node of phrases beginning with it, or -1
	nodes []trieNode
}

// trieNode is a word of a phrase, after the words of its parent nodes.
type trieNode struct {
	word     int32   // vocabulary number, or wildcardID
	children []int32 // the next words, in order of first use
	phrase   int32   // index of the first phrase (in data order) that ends here, or -1
}

// add puts phrase pi, with the words ids, in the tree.
func (t *phraseTrie) add(ids []int32, pi int) {
	n := t.root[ids[0]]
	if n < 0 {
		n = t.newNode(ids[0])
		t.root[ids[0]] = n
	}
	for _, id := range ids[1:] {
		next := int32(-1)
		for _, ch := range t.nodes[n].children {
			if t.nodes[ch].word == id {
				next = ch
				break
			}
		}
		if next < 0 {
			next = t.newNode(id)
			t.nodes[n].children = append(t.nodes[n].children, next)
		}
		n = next
	}
	if t.nodes[n].phrase < 0 {
		t.nodes[n].phrase = int32(pi)
	}
}

func (t *phraseTrie) newNode(word int32) int32 {
	t.nodes = append(t.nodes, trieNode{word: word, phrase: -1})
	return int32(len(t.nodes) - 1)
}

// The places of a word in the phrases of a set, bits of phraseSet.where.
const (
	whereFirst  uint8 = 1 << iota // first word of a phrase
	whereLast                     // last word
	whereWhole                    // a phrase of this one word
	whereSecond                   // second word of a phrase of two words or more
	wherePenult                   // next to last word of a phrase of two words or more
)

// phraseBit is a set of the phrase sets of a language, one bit each.
type phraseBit uint16

// phraseBits has the bit of every phrase set with a phrase that has one of
// a token's forms first (starts), last (ends), as its only word (whole),
// second (seconds) or next to last (penults).
type phraseBits struct {
	starts, ends, whole, seconds, penults phraseBit
}

// add sets the bits of o in b.
func (b *phraseBits) add(o phraseBits) {
	b.starts |= o.starts
	b.ends |= o.ends
	b.whole |= o.whole
	b.seconds |= o.seconds
	b.penults |= o.penults
}

func newPhraseSet[T any]() *phraseSet[T] { return &phraseSet[T]{} }

// phraseIndex is what langLex.finish needs of a phrase set of any payload.
type phraseIndex interface {
	intern(vocab map[string]int32) // number the words of every phrase, adding new ones to vocab
	index(n int, bit phraseBit)    // build byFirst and byLast for a vocabulary of n words
	bitsOf(id int32) phraseBits
}

// bitsOf returns the set's bit in each place word id has in its phrases.
func (s *phraseSet[T]) bitsOf(id int32) phraseBits {
	var b phraseBits
	w := s.where[id]
	set := func(place uint8, to *phraseBit) {
		if w&place != 0 {
			*to = s.bit
		}
	}
	set(whereFirst, &b.starts)
	set(whereLast, &b.ends)
	set(whereWhole, &b.whole)
	set(whereSecond, &b.seconds)
	set(wherePenult, &b.penults)
	return b
}

func (s *phraseSet[T]) intern(vocab map[string]int32) {
	for i := range s.all {
		p := &s.all[i]
		p.ids = make([]int32, len(p.toks))
		for k, t := range p.toks {
			if t == wildcard {
				p.ids[k] = wildcardID
				continue
			}
			id, ok := vocab[t]
			if !ok {
				id = int32(len(vocab))
				vocab[t] = id
			}
			p.ids[k] = id
		}
	}
}

func (s *phraseSet[T]) index(n int, bit phraseBit) {
	s.bit = bit
	s.byFirst, s.byLast = make([][]int, n), make([][]int, n)
	s.where = make([]uint8, n)
	s.trie = phraseTrie{root: make([]int32, n)}
	for id := range s.trie.root {
		s.trie.root[id] = -1
	}
	mark := func(id int32, place uint8) {
		if id != wildcardID {
			s.where[id] |= place
		}
	}
	for i, p := range s.all {
		first, last := p.ids[0], p.ids[len(p.ids)-1]
		s.byFirst[first] = append(s.byFirst[first], i)
		s.byLast[last] = append(s.byLast[last], i)
		s.trie.add(p.ids, i)
		mark(first, whereFirst)
		mark(last, whereLast)
		if len(p.ids) == 1 {
			mark(first, whereWhole)
			continue
		}
		second, penult := p.ids[1], p.ids[len(p.ids)-2]
		mark(second, whereSecond)
		mark(penult, wherePenult)
		s.wildSecond = s.wildSecond || second == wildcardID
		s.wildPenult = s.wildPenult || penult == wildcardID
	}
}

// add expands the cell (aliases separated by '|', spellings by '/', '?' for
// an optional word, '*' for any one word) and adds every phrase with
// payload v.
func (s *phraseSet[T]) add(r lexicon.Row, cell string, v T) error {
	aliases := lexicon.Split(cell)
	if len(aliases) == 0 {
		return r.Errorf("no phrases")
	}
	for _, a := range aliases {
		variants, err := expandPhrase(a)
		if err != nil {
			return r.Errorf("%q: %v", a, err)
		}
		for _, text := range variants {
			var toks []string
			for _, t := range textnorm.Tokenize(text) {
				toks = append(toks, t.Norm)
			}
			if len(toks) == 0 {
				return r.Errorf("%q: empty phrase", a)
			}
			if toks[0] == wildcard || toks[len(toks)-1] == wildcard {
				return r.Errorf("%q: a phrase cannot start or end with %s", a, wildcard)
			}
			s.all = append(s.all, phrase[T]{toks: toks, val: v})
		}
	}
	return nil
}

// wildcard in a phrase stands for any one word (لم تسفر * عن إصابات).
const wildcard = "*"

// wildcardID is the vocabulary number of wildcard.
const wildcardID int32 = -1

// maxVariants bounds the expansion of one alias, so that a data file cannot
// blow up memory.
const maxVariants = 512

// expandPhrase turns "لم تسفر/يسفر عن وقوع? إصابات" into every concrete
// phrase it stands for.
func expandPhrase(p string) ([]string, error) {
	out := []string{""}
	for _, w := range strings.Fields(p) {
		optional := strings.HasSuffix(w, "?") && len(w) > 1
		if optional {
			w = strings.TrimSuffix(w, "?")
		}
		var alts []string
		for _, a := range strings.Split(w, "/") {
			if a != "" {
				alts = append(alts, a)
			}
		}
		if len(alts) == 0 {
			alts = []string{w} // a lone "/" is a word of its own
		}
		var next []string
		for _, prefix := range out {
			if optional {
				next = append(next, prefix)
			}
			for _, a := range alts {
				if prefix == "" {
					next = append(next, a)
				} else {
					next = append(next, prefix+" "+a)
				}
			}
		}
		if len(next) > maxVariants {
			return nil, fmt.Errorf("more than %d variants", maxVariants)
		}
		out = next
	}
	var kept []string
	for _, v := range out {
		if v != "" {
			kept = append(kept, v)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	return kept, nil
}
