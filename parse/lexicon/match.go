package lexicon

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// Entry is one reading of a matched phrase: an actor, a place, a trigger or
// a cue. A phrase may have several readings (العراق is an actor and a
// place); the parser picks one from the context.
type Entry struct {
	Actor   *Actor
	Place   *Place
	Trigger *Trigger
	Cue     *Cue
	// Demonym marks an actor named by its nisba adjective (أميركي): it names
	// the state only after a force or official noun.
	Demonym bool
	verbal  bool
}

// Clitics are the proclitics that came off the first word of a match.
type Clitics struct {
	Conj    rune // 'و' or 'ف', or 0
	Prep    rune // 'ب', 'ك' or 'ل', or 0
	Article bool // the article ال came off
	Future  bool // the future prefix سـ came off a verb
}

// Letters is the number of letters the clitics take in the folded word (ال
// counts two; the ل of لل that stands for ل + ال counts one).
func (c Clitics) Letters() int {
	n := 0
	if c.Conj != 0 {
		n++
	}
	if c.Prep != 0 {
		n++
	}
	if c.Article {
		n += 2
	}
	if c.Future {
		n++
	}
	return n
}

// Match is a phrase of the lexicon found in a token sequence.
type Match struct {
	First, Last int     // token range [First, Last)
	Entries     []Entry // readings, in data-file order; shared: do not modify
	Clitics     Clitics // what came off the first token
	Suffix      string  // the folded pronoun that came off the last token ("ها"), or ""
}

// The languages of the index, numbered by langIndex.
const (
	langAR = iota
	langEN
	numLangs
)

// langIndex returns the number of the index of lang, or -1 for a language
// that has none.
func langIndex(lang string) int {
	switch lang {
	case "ar":
		return langAR
	case "en":
		return langEN
	}
	return -1
}

// root returns the index of lang, or nil.
func (l *Lexicon) root(lang string) *node {
	if li := langIndex(lang); li >= 0 {
		return l.roots[li]
	}
	return nil
}

// node is a trie node of the phrase index: one token key per level.
type node struct {
	next map[string]*node
	// kids are next but the root's, by the number of their key among the
	// keys after a first word (Lexicon.innerIDs), in that order: a word
	// looks its number up once (see nextNode).
	kids    []kid
	all     []Entry
	nominal []Entry // the readings that accept a preposition or the article (not verbs)
}

// kid is a child of a node and the number of its key.
type kid struct {
	id   int32
	node *node
}

// kid returns the child with key number id, or nil.
func (n *node) kid(id int32) *node {
	lo, hi := 0, len(n.kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if n.kids[m].id < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(n.kids) && n.kids[lo].id == id {
		return n.kids[lo].node
	}
	return nil
}

// innerKey is the key of a token after the first in a phrase: Arabic drops
// the article, so that definiteness agreement (الجماعات المسلحة / جماعات
// مسلحة) does not matter.
func innerKey(li int, norm string) string {
	if li == langAR && strings.HasPrefix(norm, "ال") && utf8.RuneCountInString(norm) >= 4 {
		return norm[len("ال"):]
	}
	return norm
}

// addPhrase indexes a phrase under lang. An alias of several words whose
// first word has the article is also indexed without it (التحالف الدولي
// matches تحالف دولي).
func (l *Lexicon) addPhrase(lang, phrase string, e Entry, alias bool) {
	li := langIndex(lang)
	toks := textnorm.Tokenize(phrase)
	if li < 0 || len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		if i == 0 {
			keys[i] = t.Norm
		} else {
			keys[i] = innerKey(li, t.Norm)
		}
	}
	l.insert(li, keys, e)
	if alias && li == langAR && len(keys) > 1 && strings.HasPrefix(keys[0], "ال") && utf8.RuneCountInString(keys[0]) >= 4 {
		k2 := append([]string{keys[0][len("ال"):]}, keys[1:]...)
		l.insert(li, k2, e)
	}
}

// insert indexes the keys of a phrase in the index of the language li.
func (l *Lexicon) insert(li int, keys []string, e Entry) {
	l.resetWords()       // the index changes
	l.useRecords = false // and the records may hold readings of the old one
	root := l.roots[li]
	if root == nil {
		root = &node{}
		l.roots[li] = root
	}
	ids := l.innerIDs[li]
	if ids == nil {
		ids = map[string]int32{}
		l.innerIDs[li] = ids
	}
	n := root
	for i, k := range keys {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[k]
		if c == nil {
			c = &node{}
			n.next[k] = c
			if i > 0 {
				id, ok := ids[k]
				if !ok {
					id = int32(len(ids))
					ids[k] = id
				}
				at, _ := slices.BinarySearchFunc(n.kids, id, func(x kid, id int32) int { return cmp.Compare(x.id, id) })
				n.kids = slices.Insert(n.kids, at, kid{id, c})
			}
		}
		n = c
	}
	for _, x := range n.all {
		if x == e {
			return
		}
	}
	n.all = append(n.all, e)
	if !e.verbal {
		n.nominal = append(n.nominal, e)
	}
}

// candidate is one way to read the first word of a phrase: its key with some
// proclitics off.
type candidate struct {
	key     string
	clitics Clitics
}

// pronounSuffixes are the attached pronouns that may come off a single word
// (استهدفتها، مسؤوليته، لقائه), longest first.
var pronounSuffixes = []string{"هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ك"}

// arabicCandidates appends the readings of the folded word w: w itself, and
// w without و/ف, then ب/ك/ل (لل = ل + ال), then ال, and a future سـ before a
// present verb — ordered by the number of letters taken off.
func arabicCandidates(w string, out []candidate) []candidate {
	start := len(out)
	add := func(k string, c Clitics) {
		if utf8.RuneCountInString(k) >= 2 {
			out = append(out, candidate{k, c})
		}
	}
	conjs := [2]candidate{{w, Clitics{}}}
	nc := 1
	if r, size := utf8.DecodeRuneInString(w); (r == 'و' || r == 'ف') && utf8.RuneCountInString(w) >= 3 {
		conjs[1] = candidate{w[size:], Clitics{Conj: r}}
		nc = 2
	}
	for _, c := range conjs[:nc] {
		s := c.key
		preps := [2]candidate{{s, c.clitics}}
		np := 1
		if r, size := utf8.DecodeRuneInString(s); (r == 'ب' || r == 'ك' || r == 'ل') && utf8.RuneCountInString(s) >= 4 {
			cl := c.clitics
			cl.Prep = r
			if r == 'ل' && strings.HasPrefix(s, "لل") {
				preps[1] = candidate{"ال" + s[2*size:], cl}
			} else {
				preps[1] = candidate{s[size:], cl}
			}
			np = 2
		}
		for _, p := range preps[:np] {
			add(p.key, p.clitics)
			if strings.HasPrefix(p.key, "ال") {
				cl := p.clitics
				cl.Article = true
				add(p.key[len("ال"):], cl)
			}
		}
		// the future سـ before a present verb: سيزور، ستعقد، سنرد
		if strings.HasPrefix(s, "س") && utf8.RuneCountInString(s) >= 4 {
			rest := s[len("س"):]
			if r, _ := utf8.DecodeRuneInString(rest); r == 'ي' || r == 'ت' || r == 'ن' || r == 'ا' {
				cl := c.clitics
				cl.Future = true
				add(rest, cl)
			}
		}
	}
	// insertion sort by letters taken off, stable
	for i := start + 1; i < len(out); i++ {
		for j := i; j > start && out[j].clitics.Letters() < out[j-1].clitics.Letters(); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// entriesFor returns the readings of n that the clitics allow: a verb takes
// no preposition and no article.
func entriesFor(n *node, c Clitics) []Entry {
	if c.Prep != 0 || c.Article {
		return n.nominal
	}
	return n.all
}

// Match finds the lexicon's phrases in toks, longest first, left to right,
// without overlaps. For Arabic the first word of a phrase may carry
// proclitics, the other words their article; a single word may also carry an
// attached pronoun. Among equally long matches the one that takes fewer
// letters off wins, so a name written with ال (ألباريس) beats a shorter name
// hidden in it. lang selects the index: "ar" or "en".
func (l *Lexicon) Match(toks []textnorm.Token, lang string) []Match {
	return l.AppendMatches(make([]Match, 0, 8), toks, lang) // most sentences have fewer
}

// AppendMatches is Match appending to dst, so that a caller can reuse one
// slice sentence after sentence.
func (l *Lexicon) AppendMatches(dst []Match, toks []textnorm.Token, lang string) []Match {
	li := langIndex(lang)
	if li < 0 || l.roots[li] == nil {
		return dst
	}
	root, rr := l.roots[li], l.records(li)
	out := dst
	for i := 0; i < len(toks); i++ {
		r := rr.get(&toks[i]) // or else readingsSlow
		if r == nil {
			if toks[i].Kind != textnorm.Word {
				continue
			}
			r = l.readingsSlow(root, li, &toks[i])
		}
		if r.none {
			continue
		}
		// the longest phrase of several words, and the first reading that
		// reaches its end
		end, endNode, from := 0, (*node)(nil), (*firstReading)(nil)
		for k := range r.walks {
			f := &r.walks[k]
			cur := f.node
			for j := i + 1; j < len(toks); j++ {
				if w := rr.get(&toks[j]); w != nil { // nextNode, inlined for most words
					if w.inner < 0 {
						break
					}
					cur = cur.kid(w.inner)
				} else {
					cur = l.nextNode(root, cur, li, &toks[j])
				}
				if cur == nil {
					break
				}
				if j >= end && len(cur.all) > 0 {
					end, endNode, from = j+1, cur, f
				}
				if cur.next == nil {
					break
				}
			}
		}
		switch {
		case end > 0:
			out = append(out, Match{First: i, Last: end, Entries: endNode.all, Clitics: from.clitics})
			i = end - 1
		case r.one.Last > 0:
			// append(out, r.one), without the copy through a temporary
			if len(out) == cap(out) {
				out = slices.Grow(out, 1)
			}
			out = out[:len(out)+1]
			m := &out[len(out)-1]
			*m = r.one
			m.First, m.Last = i, i+1
		}
	}
	return out
}

// nextNode returns the child of cur, a node below root, the index of the
// language li, for token t, or nil. A word has the number of its key in its
// readings: most words are no inner word of any phrase, and the others are
// found among the few kids of cur, both without a map look-up.
func (l *Lexicon) nextNode(root, cur *node, li int, t *textnorm.Token) *node {
	if t.Kind != textnorm.Word {
		return cur.next[innerKey(li, t.Norm)]
	}
	r := l.records(li).get(t) // or else readingsSlow
	if r == nil {
		r = l.readingsSlow(root, li, t)
	}
	id := r.inner
	if id < 0 {
		return nil
	}
	return cur.kid(id)
}

// innerID returns the number of the key of the folded word w after a first
// word in the index of the language li, or -1 when no phrase has it there.
func (l *Lexicon) innerID(li int, w string) int32 {
	if id, ok := l.innerIDs[li][innerKey(li, w)]; ok {
		return id
	}
	return -1
}

// firstReading is one way a word starts a phrase of the index: a candidate
// reading of it (arabicCandidates; an English word has one, itself) whose
// key is a first word of the index.
type firstReading struct {
	clitics Clitics
	node    *node
}

// wordReadings is what the index of a language makes of one word; it
// depends on the word alone, so AppendMatches computes it once per word
// (see recordReader).
type wordReadings struct {
	// walks are the first readings whose node has children, in
	// arabicCandidates order: the phrases of several words the word starts.
	walks []firstReading
	// one is the match of the word alone (First 0, Last 1): the entries of
	// the first reading that has some its clitics allow, or else the word
	// as a trigger with an attached pronoun; or none (Last 0).
	one   Match
	none  bool  // no walks and no one: the word starts no match
	inner int32 // innerID of the word
	// ta tells that one is the word with the pronoun ه off: when the word
	// is written with a final ة, its readings are those of slotARTa.
	ta bool
}

// noReadings are the readings of a word that is in no phrase.
var noReadings = wordReadings{none: true, inner: -1}

// The slots of a word's readings, in Lexicon.words and wordSlots.
const (
	slotAR   = iota // an Arabic word
	slotARTa        // an Arabic word written with a final ة (see suffixMatch)
	slotEN          // an English word
	numSlots
)

// wordSlots keep the readings of a word in its record, for Default (the
// lexicon with useRecords set).
var wordSlots = [numSlots]textnorm.Slot[wordReadings]{
	textnorm.NewSlot[wordReadings](), textnorm.NewSlot[wordReadings](), textnorm.NewSlot[wordReadings](),
}

// langSlots are the slots of the words of each language (the Arabic words
// written with a final ة may take slotARTa, see readingsSlow).
var langSlots = [numLangs]int{langAR: slotAR, langEN: slotEN}

// recordReader reads the readings of words kept in their records, for one
// language of a lexicon.
type recordReader struct {
	slot textnorm.Slot[wordReadings]
	on   bool // the lexicon uses the records
}

// records returns the recordReader of the language li.
func (l *Lexicon) records(li int) recordReader {
	return recordReader{slot: wordSlots[langSlots[li]], on: l.useRecords}
}

// get returns the readings of the word t kept in its record, or nil when
// readingsSlow is to find them. It is small enough to be inlined: the
// readings of most words cost a look at their record.
func (rr recordReader) get(t *textnorm.Token) *wordReadings {
	if w := t.Record(); w != nil && rr.on {
		if r := rr.slot.Load(w); r != nil && !r.ta {
			return r
		}
	}
	return nil
}

// readingsSlow returns the readings of the word t in the index root of the
// language li where recordReader.get does not: the readings still to
// compute, those of the words without a record (from l.words) and those
// that differ for a word written with a final ة.
func (l *Lexicon) readingsSlow(root *node, li int, t *textnorm.Token) *wordReadings {
	r := l.slotReadings(root, langSlots[li], t)
	if r.ta && strings.HasSuffix(t.Text, "ة") {
		r = l.slotReadings(root, slotARTa, t)
	}
	return r
}

// slotReadings returns the readings of the word t in the slot k of its
// record, computed and stored when missing, or from l.words.
func (l *Lexicon) slotReadings(root *node, k int, t *textnorm.Token) *wordReadings {
	if w := t.Record(); w != nil && l.useRecords {
		if r := wordSlots[k].Load(w); r != nil {
			return r
		}
		r := l.readings(root, k, t.Norm) // not from l.words, which holds the words without a record
		wordSlots[k].Store(w, r)
		return r
	}
	return l.words[k].Get(t.Norm, func(w string) *wordReadings { return l.readings(root, k, w) })
}

// readings computes the readings of the folded word w in the slot k.
func (l *Lexicon) readings(root *node, k int, w string) *wordReadings {
	if k == slotEN {
		r := &wordReadings{inner: l.innerID(langEN, w)}
		if n := root.next[w]; n != nil {
			r.add(n, Clitics{}, n.all)
		}
		return r.done()
	}
	var buf [16]candidate
	cands := arabicCandidates(w, buf[:0])
	r := &wordReadings{inner: l.innerID(langAR, w)}
	for _, c := range cands {
		if c.clitics.Article && utf8.RuneCountInString(c.key) < 3 {
			continue // الله is no ال + له
		}
		if n := root.next[c.key]; n != nil {
			es := entriesFor(n, c.clitics)
			if c.clitics.Article && r.one.Last == 0 {
				es = withoutNames(es)
			}
			r.add(n, c.clitics, es)
		}
	}
	if r.one.Last == 0 {
		r.one = suffixMatch(root, cands, 0, k == slotARTa)
		// a final ة folds to the pronoun ه, but is none (see suffixMatch):
		// the word written with it may have other readings
		r.ta = k == slotAR && r.one.Suffix == "ه"
	}
	return r.done()
}

// add adds the first reading of the word with the clitics c, its node n
// and the entries es of n alone.
func (r *wordReadings) add(n *node, c Clitics, es []Entry) {
	if n.next != nil {
		r.walks = append(r.walks, firstReading{clitics: c, node: n})
	}
	if r.one.Last == 0 && len(es) > 0 {
		r.one = Match{Last: 1, Entries: es, Clitics: c}
	}
}

// done sets r.none and returns r, or noReadings for a word in no phrase.
func (r *wordReadings) done() *wordReadings {
	r.none = len(r.walks) == 0 && r.one.Last == 0
	if r.none && r.inner < 0 {
		return &noReadings // most words: the cache or the record keeps no value of their own
	}
	return r
}

// withoutNames drops the actor and place readings of a single word whose
// article came off: a name written without the article (سورية، إيران) does
// not match the adjective السورية. Demonyms, triggers and cues stay.
func withoutNames(es []Entry) []Entry {
	keep := true
	for _, e := range es {
		if (e.Actor != nil || e.Place != nil) && !e.Demonym {
			keep = false
			break
		}
	}
	if keep {
		return es
	}
	var out []Entry
	for _, e := range es {
		if (e.Actor == nil && e.Place == nil) || e.Demonym {
			out = append(out, e)
		}
	}
	return out
}

// suffixMatch tries the candidates of one word without an attached pronoun;
// only triggers take one (استهدفتها، لقائه), never names. taMarbuta tells
// that the word as written ends in ة, which folds to the pronoun's ه.
func suffixMatch(root *node, cands []candidate, i int, taMarbuta bool) Match {
	for _, c := range cands {
		for _, s := range pronounSuffixes {
			if !strings.HasSuffix(c.key, s) || utf8.RuneCountInString(c.key)-utf8.RuneCountInString(s) < 3 {
				continue
			}
			if s == "ه" && taMarbuta {
				continue // زارة is no زار + ه: a ة folds to ه but is no pronoun
			}
			n := root.next[c.key[:len(c.key)-len(s)]]
			if n == nil {
				continue
			}
			var es []Entry
			for _, e := range entriesFor(n, c.clitics) {
				if e.Trigger != nil {
					es = append(es, e)
				}
			}
			if len(es) > 0 {
				return Match{First: i, Last: i + 1, Entries: es, Clitics: c.clitics, Suffix: s}
			}
		}
	}
	return Match{}
}

// Known reports whether the folded word (or the word without its article)
// starts a phrase of the lexicon: a word the lexicon knows. The parser uses
// it to tell a proclitic (وقوات → قوات) from a first letter (وزارة).
func (l *Lexicon) Known(lang, folded string) bool {
	root := l.root(lang)
	if root == nil || folded == "" {
		return false
	}
	if root.next[folded] != nil {
		return true
	}
	if lang == "ar" && strings.HasPrefix(folded, "ال") {
		return root.next[folded[len("ال"):]] != nil
	}
	return false
}

// CountryPlace returns the place of kind country with the ISO code cc, or nil.
func (l *Lexicon) CountryPlace(cc string) *Place {
	return l.countries[cc]
}

// HasCue reports whether the folded single word is a cue of class c.
func (l *Lexicon) HasCue(lang, folded string, c CueClass) bool {
	root := l.root(lang)
	if root == nil {
		return false
	}
	n := root.next[folded]
	if n == nil {
		return false
	}
	for _, e := range n.all {
		if e.Cue != nil && e.Cue.Class == c {
			return true
		}
	}
	return false
}
