package quantity

import (
	"strings"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// MaxValue is the largest count Find reports. A number above it (an
// identifier, a phone number, 99999999999999999999) is not a count: it is
// dropped, never wrapped or clipped, so arithmetic cannot overflow.
const MaxValue = 1_000_000_000_000

// maxDigits is the number of digits of MaxValue.
const maxDigits = 13

// numPhrase is a number as written: tokens [first, last) and its value.
type numPhrase struct {
	first, last int
	num         int // the first token of the number itself (first may add a glued article: الـ48)
	value       int64
	vague       bool // عشرات, dozens, آلاف, thousands …
	words       bool // written in words only
	decimal     bool // digits with a decimal mark and no scale word (2.5)
}

// mulCap multiplies two non-negative values; ok is false above MaxValue.
func mulCap(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a > MaxValue/b {
		return 0, false
	}
	return a * b, true
}

// addCap adds two non-negative values; ok is false above MaxValue.
func addCap(a, b int64) (int64, bool) {
	if a > MaxValue-b {
		return 0, false
	}
	return a + b, true
}

// parseDigits reads the digits of a Number token's Norm ("2500", "2.5") and
// multiplies them by scale (1 for none), truncating a fraction. ok is false
// for a malformed or too large number; frac reports a fraction that the
// scale did not absorb (2.5 with scale 1).
func parseDigits(norm string, scale int64) (v int64, frac bool, ok bool) {
	intPart, fracPart, hasDot := strings.Cut(norm, ".")
	if strings.Contains(fracPart, ".") || (hasDot && fracPart == "") {
		return 0, false, false
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > maxDigits {
		return 0, false, false
	}
	var n int64
	for _, r := range intPart {
		if r < '0' || r > '9' {
			return 0, false, false
		}
		n = n*10 + int64(r-'0')
	}
	v, ok = mulCap(n, scale)
	if !ok {
		return 0, false, false
	}
	fracPart = strings.TrimRight(fracPart, "0")
	if fracPart == "" {
		return v, false, true
	}
	if scale == 1 {
		return v, true, true // 2.5 people is not a count
	}
	if len(fracPart) > 9 {
		fracPart = fracPart[:9]
	}
	var f, div int64 = 0, 1
	for _, r := range fracPart {
		if r < '0' || r > '9' {
			return 0, false, false
		}
		f = f*10 + int64(r-'0')
		div *= 10
	}
	// f/div of scale, truncated, without overflow: f < div ≤ 1e9, so
	// (scale/div)*f < scale and (scale%div)*f < 1e18.
	part := (scale/div)*f + (scale%div)*f/div
	v, ok = addCap(v, part)
	return v, false, ok
}

// numCand is one reading of an Arabic token as a number word: the form
// looked up, whether the conjunction و came off, and whether any proclitic
// came off.
type numCand struct {
	form    string
	conj    bool
	clitics bool
}

// arNumForms returns the readings of a folded Arabic word as a number word:
// the word, then without و/ف, then without ب/ل/ك after those. A form left
// with fewer than three letters is not tried (لست is not ل+ست "six").
func arNumForms(w string) []numCand {
	out := []numCand{{form: w}}
	add := func(f string, conj bool) {
		if utf8.RuneCountInString(f) >= 3 {
			out = append(out, numCand{form: f, conj: conj, clitics: true})
		}
	}
	rests := []numCand{{form: w}}
	for _, p := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(w, p); ok {
			rests = append(rests, numCand{form: r, conj: p == "و"})
			add(r, p == "و")
		}
	}
	for _, r := range rests {
		for _, p := range []string{"ب", "ل", "ك"} {
			if f, ok := strings.CutPrefix(r.form, p); ok {
				add(f, false)
			}
		}
	}
	return out
}

// numState accumulates a number written in words.
type numState struct {
	total, group int64
	last         numKind
	lastScale    int64 // the scale most recently applied; the next must be smaller
	hasUnit      bool  // the group below 100 has its units
	hasTen       bool  // … its tens or teen
	vague        bool
	vagueMult    int64
	atoms        int
	firstKind    numKind
	overflow     bool
}

func isScaleKind(k numKind) bool { return k == kScale || k == kDual || k == kPlural }

// start takes the first word of a number; ok is false when the word cannot
// begin one (English "hundred", "thousand" and "dozen" need a number or "a"
// before them).
func (s *numState) start(w numWord, lang string) bool {
	s.atoms, s.last, s.firstKind = 1, w.kind, w.kind
	switch w.kind {
	case kUnit:
		s.group, s.hasUnit = w.value, true
	case kTeen:
		s.group, s.hasUnit, s.hasTen = w.value, true, true
	case kTen:
		s.group, s.hasTen = w.value, true
	case kHundred:
		if lang == "en" {
			return false
		}
		s.group = w.value
	case kScale:
		if lang == "en" {
			return false
		}
		s.total, s.lastScale = w.value, w.value
	case kDual:
		s.total, s.lastScale = 2*w.value, w.value
	case kPlural:
		s.total, s.lastScale, s.vague = w.value, w.value, true
	case kVague, kVagueOf:
		s.group, s.vague, s.vagueMult = w.value, true, w.mult
	case kArticle:
		s.group = 1
	default: // dozen, half: handled by the caller or not a start
		return false
	}
	return true
}

// joinHow is how a word is tied to the one before it.
type joinHow uint8

const (
	joinAdjacent joinHow = iota // ثلاثة آلاف, two hundred
	joinConj                    // وخمسون, "and" fifty
	joinHyphen                  // twenty-five
	joinOf                      // hundreds of thousands
)

// join adds the next word of a number; ok is false when it does not
// continue the number (the number then ends before it).
func (s *numState) join(w numWord, how joinHow, lang string) bool {
	before := s.last
	if !s.joinValue(w, how, lang) {
		return false
	}
	s.atoms++
	if s.last == before { // joinValue sets last itself only for a teen (أحد عشر)
		s.last = w.kind
	}
	return true
}

// mulGroupInto multiplies the current group by a scale and adds it to the
// total (ثلاثة آلاف, two hundred thousand).
func (s *numState) mulGroupInto(scale int64) bool {
	p, ok := mulCap(s.group, scale)
	if !ok {
		s.overflow = true
		return false
	}
	t, ok := addCap(s.total, p)
	if !ok {
		s.overflow = true
		return false
	}
	s.total, s.group, s.lastScale, s.hasUnit, s.hasTen = t, 0, scale, false, false
	return true
}

// joinValue applies the value of the next word w for join; see the kinds
// of data/numbers.tsv for the grammar.
func (s *numState) joinValue(w numWord, how joinHow, lang string) bool {
	v := w.value
	if s.vague {
		// only "عشرات الآلاف", "hundreds of thousands"
		if w.kind == kPlural && (s.last == kVague || s.last == kVagueOf) &&
			((lang == "ar" && how == joinAdjacent) || (lang == "en" && how == joinOf)) {
			t, ok := mulCap(s.vagueMult, w.mult)
			if !ok {
				s.overflow = true
				return false
			}
			s.total, s.group, s.lastScale = t, 0, w.value
			return true
		}
		return false
	}
	if s.last == kArticle && !(w.kind == kHundred || w.kind == kScale || w.kind == kDozen) {
		return false
	}
	afterBig := s.last == kHundred || isScaleKind(s.last)
	switch w.kind {
	case kUnit:
		if lang == "ar" {
			if how == joinConj && afterBig && !s.hasUnit && !s.hasTen {
				s.group += v
				s.hasUnit = true
				return true
			}
			return false
		}
		if (how == joinAdjacent || how == joinHyphen) && s.last == kTen && !s.hasUnit && s.group%100 != 0 {
			s.group += v
			s.hasUnit = true
			return true
		}
		if (how == joinAdjacent || how == joinConj) && afterBig && !s.hasUnit && !s.hasTen {
			s.group += v
			s.hasUnit = true
			return true
		}
	case kTeen:
		if lang == "en" && (how == joinAdjacent || how == joinConj) && afterBig && !s.hasUnit && !s.hasTen {
			s.group += v
			s.hasUnit, s.hasTen = true, true
			return true
		}
	case kTen:
		if lang == "ar" {
			if how == joinAdjacent && v == 10 && s.last == kUnit && !s.hasTen {
				s.group += 10 // أحد عشر, ثلاثة عشر
				s.hasTen = true
				s.last = kTeen
				return true
			}
			if how == joinConj && !s.hasTen && (s.last == kUnit || afterBig) && (v >= 20 || !s.hasUnit) {
				s.group += v
				s.hasTen = true
				return true
			}
			return false
		}
		if (how == joinAdjacent || how == joinConj) && afterBig && !s.hasUnit && !s.hasTen {
			s.group += v
			s.hasTen = true
			return true
		}
	case kHundred:
		if lang == "ar" {
			if how == joinAdjacent && v == 100 && s.last == kUnit && s.group < 10 {
				s.group *= 100 // ثلاث مئة
				s.hasUnit = false
				return true
			}
			if how == joinConj && isScaleKind(s.last) && s.group == 0 {
				s.group = v
				return true
			}
			return false
		}
		if how == joinAdjacent && (s.last == kUnit || s.last == kTeen || s.last == kTen || s.last == kArticle) && s.group < 100 {
			s.group *= 100
			s.hasUnit, s.hasTen = false, false
			return true
		}
	case kScale, kDual:
		if how == joinAdjacent && s.group > 0 && (s.lastScale == 0 || v < s.lastScale) {
			return s.mulGroupInto(v)
		}
		if lang == "ar" && how == joinConj && isScaleKind(s.last) && s.group == 0 && v < s.lastScale {
			add := v
			if w.kind == kDual {
				add = 2 * v
			}
			t, ok := addCap(s.total, add)
			if !ok {
				s.overflow = true
				return false
			}
			s.total, s.lastScale = t, v
			return true
		}
	case kPlural:
		if how == joinAdjacent && lang == "ar" && s.group > 0 && (s.lastScale == 0 || v < s.lastScale) {
			return s.mulGroupInto(v)
		}
	case kDozen:
		if lang == "en" && how == joinAdjacent && s.group > 0 && s.group < 100 && s.total == 0 &&
			(s.last == kArticle || s.last == kUnit || s.last == kTeen || s.last == kTen) {
			s.group *= 12
			s.hasUnit, s.hasTen = true, true
			return true
		}
	}
	return false
}

// value returns the number the state stands for.
func (s *numState) value() (int64, bool) {
	if s.overflow {
		return 0, false
	}
	v, ok := addCap(s.total, s.group)
	return v, ok
}

// number reads the number that starts at token i, if any.
func (c *scan) number(i int) (numPhrase, bool) {
	if i < 0 || i >= len(c.toks) || c.skipped(i) {
		return numPhrase{}, false
	}
	switch c.toks[i].Kind {
	case textnorm.Number:
		np, ok := c.digits(i)
		if ok && c.lang == "ar" && c.gluedArticle(i-1) {
			np.first = i - 1 // الـ48، بالـ150
		}
		return np, ok
	case textnorm.Word:
		if c.lang == "ar" {
			return c.arWords(i)
		}
		return c.enWords(i)
	}
	return numPhrase{}, false
}

// gluedArticle reports an Arabic article written apart from the digits it
// belongs to, with a tatweel or nothing between them: الـ48، بالـ150.
func (c *scan) gluedArticle(j int) bool {
	if j < 0 || !c.glued(j) || c.toks[j].Kind != textnorm.Word || c.skipped(j) || c.used[j] {
		return false
	}
	switch c.toks[j].Norm {
	case "ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "كال":
		return true
	}
	return false
}

// scaleAt returns the scale word at token j that may follow digits
// (2.5 million, 150 ألف, 3 آلاف), or false.
func (c *scan) scaleAt(j int) (numWord, bool) {
	if j >= len(c.toks) || c.skipped(j) || c.toks[j].Kind != textnorm.Word {
		return numWord{}, false
	}
	// only the bare word: in "3 وألف" the و starts something else
	w, ok := c.numberWord(j)
	if !ok {
		return numWord{}, false
	}
	switch w.kind {
	case kScale, kPlural, kDual:
		return w, true
	case kDozen:
		return w, c.lang == "en"
	}
	return numWord{}, false
}

// digits reads a number written in digits, with an optional scale word.
func (c *scan) digits(i int) (numPhrase, bool) {
	np := numPhrase{first: i, last: i + 1, num: i}
	scale := int64(1)
	if w, ok := c.scaleAt(i + 1); ok {
		scale = w.value
		np.last = i + 2
	}
	v, frac, ok := parseDigits(c.toks[i].Norm, scale)
	if !ok {
		return numPhrase{}, false
	}
	np.value, np.decimal = v, frac
	if c.lang == "ar" && scale > 1 && !frac {
		// 25 ألفاً و700، مليون وخمسمئة ألف
		st := numState{total: v, last: kScale, lastScale: scale, atoms: 1}
		if w, _ := c.scaleAt(i + 1); w.kind == kPlural {
			st.last = kPlural
		}
		if j := c.arContinue(&st, np.last); j > np.last {
			if v2, ok := st.value(); ok {
				np.value, np.last = v2, j
			}
		}
	}
	return np, true
}

// arWords reads an Arabic number written in words: ثلاثة، مئة وخمسون،
// ثلاثة آلاف وخمسمئة، عشرات الآلاف.
func (c *scan) arWords(i int) (numPhrase, bool) {
	var st numState
	started := false
	in := c.infos[i]
	if w, ok := in.arStart.word(); ok {
		started = st.start(w, "ar")
	}
	if !started {
		// العشرات، الآلاف، والمئات: a vague word may take the article
		if w, ok := in.noArt.word(); ok && (w.kind == kVague || w.kind == kPlural) {
			started = st.start(w, "ar")
		}
	}
	if !started {
		return numPhrase{}, false
	}
	j := c.arContinue(&st, i+1)
	v, ok := st.value()
	if !ok {
		return numPhrase{}, false
	}
	return numPhrase{first: i, last: j, num: i, value: v, vague: st.vague, words: true}, true
}

// cutArticle removes the article, with a proclitic before it, from a folded
// Arabic word: العشرات، والمئات، بالآلاف.
func cutArticle(w string) (string, bool) {
	for _, p := range []string{"ال", "وال", "فال", "بال", "وبال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest, true
		}
	}
	return "", false
}

// arContinue reads the words that continue an Arabic number from token j
// (وخمسون، آلاف، عشر، و700 after 25 ألفاً) and returns the end of the
// number.
func (c *scan) arContinue(st *numState, j int) int {
	for ; j < len(c.toks); j++ {
		if c.skipped(j) {
			break
		}
		// 25 ألفاً و700: digits joined to a scale by a separate و
		if c.norm(j) == "و" && c.glued(j) && j+1 < len(c.toks) && c.toks[j+1].Kind == textnorm.Number &&
			!c.skipped(j+1) && isScaleKind(st.last) && st.group == 0 && !st.vague {
			if d, frac, ok := parseDigits(c.toks[j+1].Norm, 1); ok && !frac && d > 0 && d < st.lastScale {
				if t, ok := addCap(st.total, d); ok {
					st.total, st.last = t, kUnit
					st.hasUnit, st.hasTen = true, true
					st.atoms++
					j++
					continue
				}
			}
			break
		}
		if c.toks[j].Kind != textnorm.Word {
			break
		}
		// the first reading of the word as a number word, with no
		// proclitic but و (ب/ل/ك inside a number: not a continuation)
		applied := false
		in := c.infos[j]
		if w, ok := in.arNext.word(); ok {
			how := joinAdjacent
			if in.arNext.conj {
				how = joinConj
			}
			applied = st.join(w, how, "ar")
		}
		if w, ok := in.noAl.word(); ok && !applied && st.last == kVague {
			// عشرات الآلاف: the plural scale takes the article
			applied = st.join(w, joinAdjacent, "ar")
		}
		if !applied {
			break
		}
	}
	return j
}

// enWords reads an English number written in words: three, twenty-five, a
// hundred, two hundred and fifty, two dozen, hundreds of thousands.
func (c *scan) enWords(i int) (numPhrase, bool) {
	w, ok := c.numberWord(i)
	if !ok {
		return numPhrase{}, false
	}
	if w.kind == kHalf {
		return c.enHalf(i)
	}
	var st numState
	if !st.start(w, "en") {
		return numPhrase{}, false
	}
	j := i + 1
	for j < len(c.toks) && !c.skipped(j) {
		how, next := joinAdjacent, j
		switch {
		case c.norm(j) == "-" && c.glued(j-1) && c.glued(j):
			how, next = joinHyphen, j+1
		case c.isWord(j, clsConj) && c.norm(j) == "and":
			how, next = joinConj, j+1
		case c.isWord(j, clsOf) && st.vague:
			how, next = joinOf, j+1
		}
		if next >= len(c.toks) || c.skipped(next) || c.toks[next].Kind != textnorm.Word {
			break
		}
		nw, ok := c.numberWord(next)
		if !ok || !st.join(nw, how, "en") {
			break
		}
		j = next + 1
	}
	if st.firstKind == kArticle && st.atoms == 1 {
		return numPhrase{}, false // "a" alone
	}
	if st.firstKind == kVagueOf && !(j < len(c.toks) && c.isWord(j, clsOf)) && st.atoms == 1 {
		return numPhrase{}, false // "scores" without "of"
	}
	v, ok := st.value()
	if !ok {
		return numPhrase{}, false
	}
	return numPhrase{first: i, last: j, num: i, value: v, vague: st.vague, words: true}, true
}

// enHalf reads "half a dozen" (6) and "half a million" (500000).
func (c *scan) enHalf(i int) (numPhrase, bool) {
	if i+2 >= len(c.toks) || c.skipped(i+1) || c.skipped(i+2) {
		return numPhrase{}, false
	}
	a, ok := c.numberWord(i + 1)
	if !ok || a.kind != kArticle {
		return numPhrase{}, false
	}
	w, ok := c.numberWord(i + 2)
	if !ok || (w.kind != kDozen && w.kind != kScale && w.kind != kHundred) {
		return numPhrase{}, false
	}
	return numPhrase{first: i, last: i + 3, num: i, value: w.value / 2, words: true}, true
}
