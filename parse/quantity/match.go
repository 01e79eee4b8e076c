package quantity

import (
	"slices"
	"strings"
	"sync"
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
	infos  []*tokInfo // the tokInfo of each token
	used   []bool     // tokens already in a count
	starts []int32    // the tokens where a count or a zero may begin, in order (fillInfos)
	counts []found
	zeros  int // how many of counts are stated zeros (findZeros)
}

// scanPool recycles scans, and with them their per-token slices.
var scanPool = sync.Pool{New: func() any { return new(scan) }}

// maxPooledTokens bounds the slices a pooled scan keeps.
const maxPooledTokens = 1 << 12

// newScan returns a scan of seg, from the pool; release it when done.
func newScan(seg *textnorm.Segment, lang string, lx *langLex, skip func(int) bool) *scan {
	c := scanPool.Get().(*scan)
	n := len(seg.Tokens)
	c.seg, c.toks, c.lang, c.lx, c.skip = seg, seg.Tokens, lang, lx, skip
	c.infos = slices.Grow(c.infos[:0], n)[:n]
	c.used = slices.Grow(c.used[:0], n)[:n]
	clear(c.used)
	c.starts = lx.fillInfos(c.toks, c.infos, c.starts[:0])
	c.counts = c.counts[:0]
	return c
}

// release drops what c holds of the caller's data (the segment and the
// skip callback) and returns c to the pool. The slices keep their old
// contents: tokInfos are read-only and live in the cache, and counts hold
// only data strings (Find puts Text in its result, not in c.counts).
func (c *scan) release() {
	if cap(c.infos) > maxPooledTokens || cap(c.counts) > maxPooledTokens {
		return
	}
	*c = scan{infos: c.infos[:0], used: c.used[:0], starts: c.starts[:0], counts: c.counts[:0]}
	scanPool.Put(c)
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

// numberWord returns the number word token j is, with no clitic taken off.
func (c *scan) numberWord(j int) (numWord, bool) {
	if j < 0 || j >= len(c.toks) {
		return numWord{}, false
	}
	return c.infos[j].num.word()
}

// arabicForms returns the forms a folded Arabic word matches data under: the
// word and its stems without proclitics and the article
// (textnorm.ArabicStems), each also without an accusative alef
// (هجوما → هجوم). Any other token matches under its folded text alone.
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

// has reports whether token j matches the data word with vocabulary number
// id; wildcardID matches any word.
func (c *scan) has(j int, id int32) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	if id == wildcardID {
		return c.toks[j].Kind == textnorm.Word
	}
	return slices.Contains(c.infos[j].ids, id)
}

// isWord reports whether token j is in a word class of words.tsv.
func (c *scan) isWord(j int, class wordClass) bool {
	return j >= 0 && j < len(c.toks) && c.infos[j].classes&class != 0
}

// matchAt returns the longest phrase of s that starts at token j, and the
// end (exclusive) of its tokens; of phrases of equal length, the first in
// the order of the token's forms and of the data wins.
func matchAt[T any](c *scan, s *phraseSet[T], j int) (end int, val T, ok bool) {
	if j < 0 || j >= len(c.infos) || c.infos[j].starts&s.bit == 0 {
		return 0, val, false // no phrase of s begins with token j (small enough to inline)
	}
	return matchFrom(c, s, j)
}

// matchFrom is matchAt for a token that begins some phrase of s.
func matchFrom[T any](c *scan, s *phraseSet[T], j int) (end int, val T, ok bool) {
	if c.infos[j].whole&s.bit == 0 && !s.wildSecond && (j+1 >= len(c.infos) || c.infos[j+1].seconds&s.bit == 0) {
		return 0, val, false // no phrase of one word is token j, and token j+1 is the second word of none
	}
	best, phrase := -1, -1
	for _, id := range c.infos[j].ids {
		n := s.trie.root[id]
		if n < 0 {
			continue
		}
		m := trieMatch{len: -1}
		c.longest(&s.trie, n, j, 1, &m)
		if m.len > best {
			best, phrase = m.len, m.phrase
		}
	}
	if best < 0 {
		return 0, val, false
	}
	return j + best, s.all[phrase].val, true
}

// trieMatch is the best phrase longest has found: its length in tokens and
// its index in the set.
type trieMatch struct{ len, phrase int }

// longest goes down the tree t from node n, whose word is token j and the
// depth-th of the phrase, and keeps in best the longest phrase the tokens
// match; of phrases of equal length, the first in data order.
func (c *scan) longest(t *phraseTrie, n int32, j, depth int, best *trieMatch) {
	node := &t.nodes[n]
	if p := int(node.phrase); p >= 0 && (depth > best.len || depth == best.len && p < best.phrase) {
		best.len, best.phrase = depth, p
	}
	if j+1 >= len(c.toks) {
		return
	}
	for _, ch := range node.children {
		if c.has(j+1, t.nodes[ch].word) {
			c.longest(t, ch, j+1, depth+1, best)
		}
	}
}

// matchEndingAt returns the longest phrase of s whose last token is j, and
// the index of its first token.
func matchEndingAt[T any](c *scan, s *phraseSet[T], j int) (start int, val T, ok bool) {
	if j < 0 || j >= len(c.infos) || c.infos[j].ends&s.bit == 0 {
		return 0, val, false // no phrase of s ends with token j (small enough to inline)
	}
	return matchTo(c, s, j)
}

// matchTo is matchEndingAt for a token that ends some phrase of s.
func matchTo[T any](c *scan, s *phraseSet[T], j int) (start int, val T, ok bool) {
	if c.infos[j].whole&s.bit == 0 && !s.wildPenult && (j < 1 || c.infos[j-1].penults&s.bit == 0) {
		return 0, val, false // no phrase of one word is token j, and token j-1 is next to last in none
	}
	best := -1
	for _, id := range c.infos[j].ids {
		for _, pi := range s.byLast[id] {
			p := &s.all[pi]
			n := len(p.ids)
			if n <= best || j-n+1 < 0 {
				continue
			}
			okAll := true
			for k := 0; k < n-1; k++ {
				if !c.has(j-n+1+k, p.ids[k]) {
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
	return j >= 0 && j < len(c.toks) && c.infos[j].latin
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
