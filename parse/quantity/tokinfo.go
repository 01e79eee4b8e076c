package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// tokenCacheMax bounds each token cache of a language (langLex.wordInfos,
// langLex.otherInfos), which hold the tokens without a word record.
const tokenCacheMax = textnorm.OverflowCacheMax

// tokInfo is what the finder knows of a token from its folded text alone,
// computed once per distinct text (and per language) and then shared by all
// scans, read-only. It turns the look-ups of the hot path (match forms,
// word classes, number words) into field reads and bit tests.
type tokInfo struct {
	// ids are the vocabulary numbers of the forms the token matches data
	// under, in form order: its folded text, or for an Arabic word the
	// forms of arabicForms. Forms no phrase uses are left out, as they
	// match nothing.
	ids []int32
	// classes are the words.tsv classes of any of the forms.
	classes wordClass
	// phraseBits has the bit of every phrase set with a phrase that
	// begins, or ends, with one of the forms (starts, ends), and so on.
	phraseBits
	// latin: a word of Latin letters (see isLatinWord).
	latin bool
	// article: an Arabic word with the article, maybe after a proclitic
	// (see hasArticle).
	article bool
	// people: an Arabic word of six letters or more with a people_suffix
	// ending (see peopleNoun).
	people bool
	// mayStart: the word may begin a count; see newTokInfo.
	mayStart bool
	// begins: mayStart, or the token begins a zero phrase, so that
	// fillInfos lists it in the starts.
	begins bool

	num     numRef // the folded text as a number word
	arStart numRef // the first reading of arNumForms that is a number word (arWords)
	arNext  numRef // the first reading that may continue a number: no proclitic but و (arContinue)
	noAl    numRef // the text without a leading ال, as a number word
	noArt   numRef // the text without the article (cutArticle), as a number word
}

// numRef is a number word a token may be read as.
type numRef struct {
	w    *numWord // an entry of langLex.numbers, shared; nil for no number word
	conj bool     // the conjunction و came off
}

// word returns the number word of r; ok is false for none.
func (r numRef) word() (w numWord, ok bool) {
	if r.w == nil {
		return numWord{}, false
	}
	return *r.w, true
}

// ok reports whether r is a number word.
func (r numRef) ok() bool { return r.w != nil }

// number looks up the folded word w in the number words.
func (l *langLex) number(w string) numRef {
	return numRef{w: l.numbers[w]}
}

// maxMarkRune bounds the code points of langLex.markInfos: Latin, Arabic
// and the general punctuation (– “ ”).
const maxMarkRune = 0x2100

// fillInfos sets infos[j] to the tokInfo of toks[j], from the caches, and
// appends to starts the index of every token where a count or a stated zero
// may begin (digits, tokInfo.mayStart, the first word of a zero phrase):
// Find looks nowhere else.
func (l *langLex) fillInfos(toks []textnorm.Token, infos []*tokInfo, starts []int32) []int32 {
	infos = infos[:len(toks)]
	ns := len(starts)
	starts = slices.Grow(starts, len(toks))[:ns+len(toks)]
	slot, hasSlot, marks := l.slot, l.hasSlot, l.markInfos
	for j := range infos {
		t := &toks[j]
		var in *tokInfo
		if w := t.Record(); w != nil { // a word, most often with its tokInfo
			if hasSlot {
				in = slot.Load(w)
			}
		} else if t.Kind == textnorm.Punct {
			// otherInfo's look-up in markInfos, inline for a rune of one or
			// two bytes (utf8.DecodeRuneInString's, for them)
			r := rune(-1)
			switch s := t.Norm; {
			case len(s) == 1 && s[0] < utf8.RuneSelf:
				r = rune(s[0])
			case len(s) == 2 && s[0]-0xC2 <= 0xDF-0xC2 && s[1]&0xC0 == 0x80:
				r = rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F)
			}
			if uint(r) < uint(len(marks)) {
				in = marks[r].Load()
			}
		}
		if in == nil {
			in = l.tokenInfo(t)
		}
		infos[j] = in
		if in.begins || t.Kind == textnorm.Number {
			starts[ns] = int32(j)
			ns++
		}
	}
	return starts[:ns]
}

// tokenInfo returns the tokInfo of token t: wordInfo or otherInfo, by its
// kind.
func (l *langLex) tokenInfo(t *textnorm.Token) *tokInfo {
	if t.Kind == textnorm.Word {
		return l.wordInfo(t)
	}
	return l.otherInfo(t.Norm)
}

// wordInfo returns the tokInfo of the word t: from its record when l has a
// slot in records, else from l.wordInfos (which holds only the words
// without a record, so that no word is kept twice).
func (l *langLex) wordInfo(t *textnorm.Token) *tokInfo {
	if w := t.Record(); w != nil && l.hasSlot {
		if in := l.slot.Load(w); in != nil {
			return in
		}
		in := l.newWordInfo(t.Norm)
		l.slot.Store(w, in)
		return in
	}
	return l.wordInfos.Get(t.Norm, l.newWordInfo)
}

// otherInfo returns the tokInfo of a token other than a word (a mark or
// digits) with the folded text norm.
func (l *langLex) otherInfo(norm string) *tokInfo {
	r, size := utf8.DecodeRuneInString(norm)
	if size == 0 || size != len(norm) || r >= maxMarkRune {
		return l.otherInfos.Get(norm, l.newOtherInfo)
	}
	p := &l.markInfos[r]
	in := p.Load()
	if in == nil {
		in = l.newTokInfo(norm, false) // two goroutines computing one mark agree
		p.Store(in)
	}
	return in
}

// newWordInfo and newOtherInfo are newTokInfo for a word and for any
// other token.
func (l *langLex) newWordInfo(norm string) *tokInfo  { return l.newTokInfo(norm, true) }
func (l *langLex) newOtherInfo(norm string) *tokInfo { return l.newTokInfo(norm, false) }

// newTokInfo computes the tokInfo of a token with the folded text norm;
// word tells whether the token is a Word.
func (l *langLex) newTokInfo(norm string, word bool) *tokInfo {
	in := &tokInfo{}
	forms := []string{norm}
	if word && isArabicWord(norm) {
		forms = arabicForms(norm)
	}
	for _, f := range forms {
		in.classes |= l.words[f]
		if id, ok := l.vocab[f]; ok {
			in.ids = append(in.ids, id)
			for _, s := range l.sets {
				in.phraseBits.add(s.bitsOf(id))
			}
		}
	}
	in.ids = slices.Clip(in.ids)
	if word {
		r, _ := utf8.DecodeRuneInString(norm)
		in.latin = r < 0x250 && unicode.IsLetter(r)
		in.people = utf8.RuneCountInString(norm) >= 6 && isArabicWord(norm) &&
			slices.ContainsFunc(l.suffixes, func(s string) bool { return strings.HasSuffix(norm, s) })
	}
	in.article = hasArticle(norm)

	in.num = l.number(norm)
	for _, cd := range arNumForms(norm) {
		r := l.number(cd.form)
		if !r.ok() {
			continue
		}
		r.conj = cd.conj
		if !in.arStart.ok() {
			in.arStart = r
		}
		if !in.arNext.ok() && !(cd.clitics && !cd.conj) {
			in.arNext = r
		}
	}
	if rest, ok := strings.CutPrefix(norm, "ال"); ok {
		in.noAl = l.number(rest)
	}
	if rest, ok := cutArticle(norm); ok {
		in.noArt = l.number(rest)
	}

	// countAt finds a count only at digits (checked by the caller), a
	// number word, an Arabic dual noun (dualAt) or a definite number word
	// after its noun (definiteAfterNoun: الجنود الثلاثة); Find skips every
	// other token. A dual noun is the longest unit phrase at the token, so
	// only a token that begins a dual phrase can be one: the many plural
	// and singular nouns are skipped.
	if word {
		switch l.lang {
		case "ar":
			in.mayStart = in.arStart.ok() || in.noArt.ok() || in.noAl.ok() || l.beginsDual(in.ids)
		default:
			in.mayStart = in.num.ok()
		}
	}
	in.begins = in.mayStart || in.starts&l.zeros.bit != 0
	if i, ok := plainIndex(in); ok {
		return &l.plainInfos[i]
	}
	return in
}

// plainInfos returns the tokInfos that hold nothing but their flags, at
// their plainIndex.
func plainInfos() (out [8]tokInfo) {
	for i := range out {
		out[i] = tokInfo{latin: i&1 != 0, article: i&2 != 0, people: i&4 != 0}
	}
	return out
}

// plainIndex returns where in langLex.plainInfos a tokInfo equal to in is,
// when in holds nothing but its flags latin, article and people (a word
// that matches no form of the data and is no number word, as most are).
func plainIndex(in *tokInfo) (int, bool) {
	if len(in.ids) > 0 || in.classes != 0 || in.phraseBits != (phraseBits{}) || in.mayStart || in.begins ||
		in.num != (numRef{}) || in.arStart != (numRef{}) || in.arNext != (numRef{}) ||
		in.noAl != (numRef{}) || in.noArt != (numRef{}) {
		return 0, false
	}
	i := 0
	if in.latin {
		i |= 1
	}
	if in.article {
		i |= 2
	}
	if in.people {
		i |= 4
	}
	return i, true
}

// beginsDual reports whether a unit phrase of number du (جنديين، غارتين)
// begins with one of the forms ids.
func (l *langLex) beginsDual(ids []int32) bool {
	for _, id := range ids {
		for _, pi := range l.units.byFirst[id] {
			if l.units.all[pi].val.number == "du" {
				return true
			}
		}
	}
	return false
}
