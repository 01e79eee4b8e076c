package textnorm

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Segment is a stretch of an article (usually a sentence) with its tokens.
// Token offsets are offsets in the article, so Start <= t.Start for every
// token t, and Slice recovers the original text between tokens.
type Segment struct {
	Text   string  // as written
	Start  int     // code-point offset of Text in the article
	Tokens []Token // tokens of Text, offsets in the article
	runes  []rune
	valid  bool // Text is valid UTF-8, so it can be sliced by the tokens' byte offsets
}

// NewSegment tokenizes text, which starts at code point start of the article.
func NewSegment(text string, start int) Segment {
	return NewSegmentIn(nil, text, start)
}

// NewSegmentIn is NewSegment with the tokens appended to buf[:0], so that
// one buffer serves segment after segment; the segment's tokens are only
// valid until buf is used again.
func NewSegmentIn(buf []Token, text string, start int) Segment {
	if cap(buf) == 0 {
		buf = make([]Token, 0, len(text)/8+1)
	}
	toks, valid := appendTokensIn(buf[:0], text, start, words.index())
	return Segment{Text: text, Start: start, Tokens: toks, valid: valid}
}

// Slice returns the original text from the start of token first to the end
// of token last-1, as written (inner spacing and marks kept). It returns ""
// for an empty or invalid range.
func (s *Segment) Slice(first, last int) string {
	if first < 0 || last > len(s.Tokens) || first >= last {
		return ""
	}
	a, b := &s.Tokens[first], &s.Tokens[last-1]
	if t, ok := s.byteSlice(a, b); ok {
		return t
	}
	return s.SliceOffsets(a.Start, b.End)
}

// byteSlice returns the text from the start of token a to the end of token
// b by their byte offsets, when they are offsets into s.Text (tokens made
// by NewSegment, or copied from its Tokens) and s.Text is valid UTF-8 (else
// the rune slice gives U+FFFD for each bad byte).
func (s *Segment) byteSlice(a, b *Token) (string, bool) {
	i, j := int(a.byteStart), int(b.byteEnd)
	if !s.valid || i > j || j > len(s.Text) || !strings.HasPrefix(s.Text[i:], a.Text) || !strings.HasSuffix(s.Text[:j], b.Text) {
		return "", false
	}
	return s.Text[i:j], true
}

// SliceOffsets returns the original text between two article offsets that
// lie within the segment.
func (s *Segment) SliceOffsets(start, end int) string {
	if s.valid && start < end {
		if i, ok := s.byteOffset(start); ok {
			if j, ok := s.byteOffset(end); ok {
				return s.Text[i:j]
			}
		}
	}
	if s.runes == nil {
		s.runes = []rune(s.Text)
	}
	a, b := start-s.Start, end-s.Start
	if a < 0 || b > len(s.runes) || a >= b {
		return ""
	}
	return string(s.runes[a:b])
}

// byteOffset returns the byte offset in s.Text of the article offset off,
// walking from the last token that starts at or before it (or from the
// segment's start); s.Text must be valid UTF-8. ok is false when off lies
// outside the segment or the tokens are not s.Text's.
func (s *Segment) byteOffset(off int) (int, bool) {
	k, _ := slices.BinarySearchFunc(s.Tokens, off+1, func(t Token, at int) int { return cmp.Compare(t.Start, at) })
	at, b := s.Start, 0 // a code-point offset and its byte offset
	if k > 0 {
		t := &s.Tokens[k-1]
		if int(t.byteEnd) > len(s.Text) || !strings.HasPrefix(s.Text[t.byteStart:], t.Text) {
			return 0, false
		}
		at, b = t.Start, int(t.byteStart)
	}
	if off < at {
		return 0, false
	}
	for ; at < off; at++ {
		if b >= len(s.Text) {
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(s.Text[b:])
		b += size
	}
	return b, true
}
