package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// scan is the state of one Find call.
type scan struct {
	seg    *textnorm.Segment
	toks   []textnorm.Token
	lang   string // "ar" or "en"
	lx     *langLex
	skip   func(int) bool
	forms  [][]string // match forms of each token, computed on demand
	used   []bool     // tokens already in a count
	counts []found
}

// skipped reports whether token j belongs to a time expression.
func (c *scan) skipped(j int) bool { return c.skip != nil && c.skip(j) }

// norm returns the folded text of token j, or "" outside the segment.
func (c *scan) norm(j int) string {
	if j < 0 || j >= len(c.toks) {
		return ""
	}
	return c.toks[j].Norm
}

// formsOf returns the forms token j matches data under: its folded text and,
// for an Arabic word, the forms without proclitics and the article
// (textnorm.ArabicStems), each also without a final accusative alef
// (جندياً → جندي).
func (c *scan) formsOf(j int) []string {
	if f := c.forms[j]; f != nil {
		return f
	}
	t := c.toks[j]
	var out []string
	if t.Kind == textnorm.Word && isArabicWord(t.Norm) {
		out = arabicFormCache.Get(t.Norm, arabicForms)
	} else {
		out = []string{t.Norm}
	}
	c.forms[j] = out
	return out
}

// arabicFormCache holds arabicForms of the words seen, shared by all scans.
var arabicFormCache textnorm.WordCache[[]string]

// arabicForms returns the stems of a folded Arabic word, each also without
// an accusative alef (هجوما → هجوم).
func arabicForms(w string) []string {
	var out []string
	for _, s := range textnorm.ArabicStems(w) {
		out = append(out, s)
		if strings.HasSuffix(s, "ا") && utf8.RuneCountInString(s) >= 4 {
			out = append(out, strings.TrimSuffix(s, "ا"))
		}
	}
	return slices.Clip(out)
}

// has reports whether token j matches the folded data word w; the
// wildcard "*" matches any word.
func (c *scan) has(j int, w string) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	if w == wildcard {
		return c.toks[j].Kind == textnorm.Word
	}
	for _, f := range c.formsOf(j) {
		if f == w {
			return true
		}
	}
	return false
}

// isWord reports whether token j is in the word class of words.tsv.
func (c *scan) isWord(j int, class string) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	for _, f := range c.formsOf(j) {
		if c.lx.word(class, f) {
			return true
		}
	}
	return false
}

// matchAt returns the longest phrase of s that starts at token j, and the
// end (exclusive) of its tokens.
func matchAt[T any](c *scan, s *phraseSet[T], j int) (end int, val T, ok bool) {
	if j < 0 || j >= len(c.toks) {
		return 0, val, false
	}
	best := -1
	for _, f := range c.formsOf(j) {
		for _, pi := range s.byFirst[f] {
			p := s.all[pi]
			if len(p.toks) <= best || j+len(p.toks) > len(c.toks) {
				continue
			}
			okAll := true
			for k := 1; k < len(p.toks); k++ {
				if !c.has(j+k, p.toks[k]) {
					okAll = false
					break
				}
			}
			if okAll {
				best, val = len(p.toks), p.val
			}
		}
	}
	if best < 0 {
		return 0, val, false
	}
	return j + best, val, true
}

// matchEndingAt returns the longest phrase of s whose last token is j, and
// the index of its first token.
func matchEndingAt[T any](c *scan, s *phraseSet[T], j int) (start int, val T, ok bool) {
	if j < 0 || j >= len(c.toks) {
		return 0, val, false
	}
	best := -1
	for _, f := range c.formsOf(j) {
		for _, pi := range s.byLast[f] {
			p := s.all[pi]
			n := len(p.toks)
			if n <= best || j-n+1 < 0 {
				continue
			}
			okAll := true
			for k := 0; k < n-1; k++ {
				if !c.has(j-n+1+k, p.toks[k]) {
					okAll = false
					break
				}
			}
			if okAll {
				best, val = n, p.val
			}
		}
	}
	if best < 0 {
		return 0, val, false
	}
	return j - best + 1, val, true
}

// isArabicWord reports whether the folded word s starts with an Arabic letter.
func isArabicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return textnorm.IsArabic(r)
}

// isLatinWord reports whether token j is a word of Latin letters.
func (c *scan) isLatinWord(j int) bool {
	if j < 0 || j >= len(c.toks) || c.toks[j].Kind != textnorm.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.toks[j].Norm)
	return r < 0x250 && unicode.IsLetter(r)
}

// capitalised reports whether token j is written with an initial capital.
func (c *scan) capitalised(j int) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.toks[j].Text)
	return unicode.IsUpper(r)
}

// glued reports whether tokens j and j+1 touch (no space between them).
func (c *scan) glued(j int) bool {
	return j >= 0 && j+1 < len(c.toks) && c.toks[j].End == c.toks[j+1].Start
}

// clauseEnd reports whether token j ends a sentence or a clause for the
// purpose of looking back for a noun: . ; : ! ? and their Arabic forms.
func (c *scan) clauseEnd(j int) bool {
	if j < 0 || j >= len(c.toks) || c.toks[j].Kind != textnorm.Punct {
		return false
	}
	switch c.toks[j].Norm {
	case ".", ";", ":", "!", "?", "؟", "؛":
		return true
	}
	return false
}
