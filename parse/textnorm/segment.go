package textnorm

// Segment is a stretch of an article (usually a sentence) with its tokens.
// Token offsets are offsets in the article, so Start <= t.Start for every
// token t, and Slice recovers the original text between tokens.
type Segment struct {
	Text   string  // as written
	Start  int     // code-point offset of Text in the article
	Tokens []Token // tokens of Text, offsets in the article
	runes  []rune
}

// NewSegment tokenizes text, which starts at code point start of the article.
func NewSegment(text string, start int) Segment {
	return Segment{Text: text, Start: start, Tokens: AppendTokens(nil, text, start)}
}

// Slice returns the original text from the start of token first to the end
// of token last-1, as written (inner spacing and marks kept). It returns ""
// for an empty or invalid range.
func (s *Segment) Slice(first, last int) string {
	if first < 0 || last > len(s.Tokens) || first >= last {
		return ""
	}
	return s.SliceOffsets(s.Tokens[first].Start, s.Tokens[last-1].End)
}

// SliceOffsets returns the original text between two article offsets that
// lie within the segment.
func (s *Segment) SliceOffsets(start, end int) string {
	if s.runes == nil {
		s.runes = []rune(s.Text)
	}
	a, b := start-s.Start, end-s.Start
	if a < 0 || b > len(s.runes) || a >= b {
		return ""
	}
	return string(s.runes[a:b])
}
