package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// tokenCacheMax bounds each token cache of a language (see langLex): past
// it, the tokInfo of a new word is computed on every use.
const tokenCacheMax = 1 << 16

// tokInfo is what the finder knows of a token from its folded text alone,
// computed once per distinct text (and per language) and then shared by all
// scans, read-only. It turns the look-ups of the hot path (match forms,
// word classes, number words) into field reads and bit tests.
type tokInfo struct {
	// ids are the vocabulary numbers of the token's match forms (see
	// formsOf), in form order; forms no phrase uses are left out, as they
	// match nothing.
	ids []int32
	// classes are the words.tsv classes of any of the forms.
	classes wordClass
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

	num     numRef // the folded text as a number word
	arStart numRef // the first reading of arNumForms that is a number word (arWords)
	arNext  numRef // the first reading that may continue a number: no proclitic but و (arContinue)
	noAl    numRef // the text without a leading ال, as a number word
	noArt   numRef // the text without the article (cutArticle), as a number word
}

// numRef is a number word a token may be read as.
type numRef struct {
	w    numWord
	ok   bool // false: no number word
	conj bool // the conjunction و came off
}

// number looks up the folded word w in the number words.
func (l *langLex) number(w string) numRef {
	nw, ok := l.numbers[w]
	return numRef{w: nw, ok: ok}
}

// info returns the tokInfo of t.
func (l *langLex) info(t *textnorm.Token) *tokInfo {
	if t.Kind == textnorm.Word {
		return l.tokens.Get(t.Norm, l.newWordInfo)
	}
	return l.others.Get(t.Norm, l.newOther)
}

// newTokInfo computes the tokInfo of a token with the folded text norm;
// word tells whether the token is a Word.
func (l *langLex) newTokInfo(norm string, word bool) *tokInfo {
	in := &tokInfo{}
	forms := []string{norm}
	if word && isArabicWord(norm) {
		forms = arabicForms(norm)
	}
	startsUnit := false
	for _, f := range forms {
		in.classes |= l.words[f]
		if id, ok := l.vocab[f]; ok {
			in.ids = append(in.ids, id)
			startsUnit = startsUnit || len(l.units.byFirst[id]) > 0
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
		w, ok := l.numbers[cd.form]
		if !ok {
			continue
		}
		if !in.arStart.ok {
			in.arStart = numRef{w: w, ok: true, conj: cd.conj}
		}
		if !in.arNext.ok && !(cd.clitics && !cd.conj) {
			in.arNext = numRef{w: w, ok: true, conj: cd.conj}
		}
	}
	if rest, ok := strings.CutPrefix(norm, "ال"); ok {
		in.noAl = l.number(rest)
	}
	if rest, ok := cutArticle(norm); ok {
		in.noArt = l.number(rest)
	}

	// A count can only begin at digits (checked by the caller), a number
	// word, an Arabic dual noun (dualAt) or a definite noun before its
	// number (definiteAfterNoun); Find skips every other token.
	if word {
		switch l.lang {
		case "ar":
			in.mayStart = in.arStart.ok || in.noArt.ok || in.noAl.ok || startsUnit
		default:
			in.mayStart = in.num.ok
		}
	}
	return in
}
