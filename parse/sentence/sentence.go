// Package sentence splits article bodies into sentences that keep their
// offsets.
//
// A sentence ends at . ? ! ؟ ؛ (and … runs are not ends), at a line break
// (wire copy puts one paragraph on a line), and never inside an open
// quotation («» “” "") unless the quotation runs unreasonably long, so
// unbalanced quotes cannot swallow an article. Closing quotes and brackets
// after the end mark belong to the sentence. Decimals (3.5), initials (J.
// Smith) and the abbreviations of data/abbreviations.tsv (Oct., U.S., Gen.,
// Lt. Col., Mr., No.) do not end sentences.
//
// A stretch longer than MaxRunes without an end is cut at a space.
//
// Invariant: for every Sentence s of text, string([]rune(text)[s.Start:s.End])
// == s.Text. Offsets count Unicode code points.
package sentence

import (
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Sentence is one sentence of an article body.
type Sentence struct {
	Index int    // 0-based position in the article
	Start int    // code-point offset of the first character in the body
	End   int    // exclusive end offset
	Text  string // the sentence as written, without surrounding white space
}

type abbrevKind uint8

const (
	abbrevTitle abbrevKind = iota + 1
	abbrevMonth
	abbrevOther
)

type rules struct {
	abbrevs  map[string]abbrevKind
	starters map[string]bool

	// abbrevLens has, for each first byte of an abbreviation, bit k set
	// when one of k bytes begins with it (k < 64; a longer one sets bit 0,
	// which lets every word with its first byte through): most words before
	// a period are not looked up in abbrevs.
	abbrevLens [256]uint64
	// wordLimit is the longest word before a period that periodEnds looks
	// at: the longest abbreviation, or an initial (one character and the
	// period).
	wordLimit int
}

// abbrev returns the kind of the abbreviation word (which ends with its
// period), if it is one.
func (r *rules) abbrev(word string) (abbrevKind, bool) {
	if n := len(word); r.abbrevLens[word[0]]&(1<<min(n, 63)|1) == 0 {
		return 0, false
	}
	k, ok := r.abbrevs[word]
	return k, ok
}

// addAbbrev records the abbreviation a of kind k.
func (r *rules) addAbbrev(a string, k abbrevKind) {
	r.abbrevs[a] = k
	if a == "" {
		return
	}
	if len(a) < 64 {
		r.abbrevLens[a[0]] |= 1 << len(a)
	} else {
		r.abbrevLens[a[0]] |= 1
	}
	r.wordLimit = max(r.wordLimit, len(a))
}

var loadRules = sync.OnceValues(func() (*rules, error) {
	r := &rules{abbrevs: map[string]abbrevKind{}, starters: map[string]bool{}, wordLimit: 1 + utf8.UTFMax}
	rows, err := lexicon.ReadTSV(dataFS, "data/abbreviations.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		var k abbrevKind
		switch row.Cell(1) {
		case "title":
			k = abbrevTitle
		case "month":
			k = abbrevMonth
		case "other":
			k = abbrevOther
		default:
			return nil, row.Errorf("kind %q is not one of title, month, other", row.Cell(1))
		}
		r.addAbbrev(row.Cell(0), k)
	}
	rows, err = lexicon.ReadTSV(dataFS, "data/starters.tsv", 1)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		r.starters[row.Cell(0)] = true
	}
	return r, nil
})

// MaxRunes is the longest sentence Split returns: a longer stretch without
// an end mark (a run-on text, a table, a corrupted file) is cut at the last
// space before the limit, so that the work per sentence stays bounded.
// Real wire-copy sentences stay far below it.
const MaxRunes = 2000

// maxQuoteRunes is how long a quotation may run before a sentence end
// inside it counts again (an unbalanced quote must not swallow an article).
const maxQuoteRunes = 600

// Split returns the sentences of text in order. Empty text gives none.
//
// Split walks text by bytes and counts code points as it goes; it never
// converts the whole text to runes. Text that is not valid UTF-8 is read as
// []rune(text) reads it: each byte that does not start a valid encoding is one
// U+FFFD, in the offsets and in the sentence texts.
func Split(text string) []Sentence {
	r, err := loadRules()
	if err != nil {
		// The embedded data is checked by the package tests; fall back to no abbreviations.
		r = &rules{wordLimit: 1 + utf8.UTFMax}
	}
	s := splitter{text: text, r: r, quoteStart: -1}
	s.split()
	return s.out
}

// pos is a position in the text: a byte offset and the code-point offset of
// the same place.
type pos struct {
	b int // byte offset
	n int // code-point offset
}

// splitter holds the state of one Split.
type splitter struct {
	text string
	r    *rules
	out  []Sentence

	start      pos  // where the pending sentence begins
	depth      int  // open «» “” quotations
	ascii      bool // inside "…"
	quoteStart int  // code-point offset where the open quotation began, or -1

	// invalid is set once split has read a byte that is not UTF-8; from
	// then on sentence texts are re-encoded as []rune(text) would give them.
	// (The runs markRun takes are all end marks and closers, so split reads
	// every other byte before emit cuts it.)
	invalid bool
}

// lastRune is utf8.DecodeLastRuneInString, the one- and two-byte forms
// decoded without a call to the general decoder.
func lastRune(s string) (rune, int) {
	n := len(s)
	if n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	if n >= 2 && s[n-2]-0xC2 <= 0xDF-0xC2 && s[n-1]&0xC0 == 0x80 {
		return rune(s[n-2]&0x1F)<<6 | rune(s[n-1]&0x3F), 2
	}
	return utf8.DecodeLastRuneInString(s)
}

// leadClass sorts the first byte of a character for plainChar (skipPlain a
// character at a time).
type leadClass uint8

const (
	stopByte  leadClass = iota // a byte skipPlain stops at
	plainByte                  // ASCII the splitter does not act on
	plainLead                  // the first of two bytes: U+00C0 … U+07FF
	lowArabic                  // 0xD8: U+0600 … U+063F, plain from U+0620
)

// leadClasses classes every byte. The ASCII the splitter acts on: '"',
// line breaks and the end marks . ? !
var leadClasses = func() (t [256]leadClass) {
	for c := range utf8.RuneSelf {
		t[c] = plainByte
	}
	for _, c := range []byte{'"', '\n', '\r', '.', '?', '!'} {
		t[c] = stopByte
	}
	for c := 0xC3; c <= 0xDF; c++ {
		t[c] = plainLead
	}
	t[0xD8] = lowArabic
	return t
}()

// skipPlain returns the first position from at that holds a character the
// splitter may act on: a quotation mark, a line break, an end mark or
// anything it does not recognize quickly. It steps over ASCII and the
// two-byte characters of Latin, Greek, Cyrillic, Hebrew and Arabic (U+00C0 …
// U+07FF, but for U+0600 … U+061F, which holds ؛ and ؟) without decoding
// them; what it steps over is valid UTF-8.
//
// It looks at eight bytes at a time, with arithmetic on all eight at once in
// a uint64 (SWAR): eight bytes at a character boundary that hold only such
// characters it steps over in one go, but for a last byte that begins a
// two-byte character, which the next eight take. Eight bytes that hold
// anything else (or might: \v and \f count as stops here), and the last few
// bytes of the text, it walks a character at a time (plainChar).
func skipPlain(text string, at pos) pos {
	b, n := at.b, at.n
	for len(text)-b >= 8 {
		w := text[b:]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		b6 := x << 1 // bit 6 of every byte in its top bit
		b5 := x << 2 // bit 5
		if hi := x & swar.highs; hi == 0 {
			// ASCII only: of the bytes below 0x40, . ? ! " \n \r (and \v
			// \f, which share their range) are stops, the ranges [0A, 0E)
			// [21, 23) [2E, 2F) [3F, 40): the parity of how many of the
			// bounds a byte reaches (0x40: bit 6) tells
			if ((x+swar.ge0A)^(x+swar.ge0E)^(x+swar.ge21)^(x+swar.ge23)^(x+swar.ge2E)^(x+swar.ge2F)^(x+swar.ge3F)^b6)&swar.highs == 0 {
				b, n = b+8, n+8
				continue
			}
		} else {
			lead := hi & b6    // 11xxxxxx
			cont := hi ^ lead  // 10xxxxxx
			y := x & swar.low5 // the low five bits
			// every lead byte followed by a continuation byte and every
			// continuation byte preceded by a lead byte: two-byte
			// characters only (a lead in the last byte is left for the
			// next eight)
			bad := cont ^ lead<<8
			// no lead byte of three or four bytes (E0 … FF: bit 5 set),
			// nor C0, C1 or C2 (low five bits below 3)
			bad |= lead & (b5 | ^(y + swar.add3))
			// D8 only before a second byte with bit 5 set (A0 … BF)
			bad |= (lead &^ ((y ^ swar.d8) + swar.add1)) << 8 &^ b5
			// no byte below 0x40 but the space (bit 5 alone): the ASCII
			// stops are among them
			bad |= ^(x | b6) & swar.highs & (^b5 | (y + swar.add1))
			if bad == 0 {
				// the continuation bytes counted by a multiplication that
				// adds the eight bytes of cont>>7 into the top one
				// (bits.OnesCount64 has a call in it on amd64 v1, which
				// costs the loop its registers)
				k := 8 - int(lead>>63)
				b, n = b+k, n+k-int((cont>>7)*ones>>56)
				continue
			}
		}
		// something to act on, or a character not stepped over above, in
		// these eight bytes: walk them one at a time
		for end := b + 8; b < end; n++ {
			w := plainChar(text, b)
			if w == 0 {
				return pos{b, n}
			}
			b += w
		}
	}
	for b < len(text) {
		w := plainChar(text, b)
		if w == 0 {
			break
		}
		b += w
		n++
	}
	return pos{b, n}
}

// plainChar returns the width of the character at byte b of text when
// skipPlain steps over it (1 or 2), or 0 when skipPlain stops there.
func plainChar(text string, b int) int {
	switch leadClasses[text[b]] {
	case plainByte:
		return 1
	case plainLead:
		if b+1 < len(text) && text[b+1]&0xC0 == 0x80 {
			return 2
		}
	case lowArabic:
		if b+1 < len(text) && text[b+1] >= 0xA0 && text[b+1] <= 0xBF {
			return 2
		}
	}
	return 0
}

// Byte-parallel arithmetic on the eight bytes of a uint64 (SWAR).
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080 // the top bit of every byte
	low5  = 0x1f1f1f1f1f1f1f1f
)

// swar holds the masks of skipPlain in a variable rather than constants:
// the compiler then reads each where it is used, as the operand of its
// instruction, instead of moving a 64-bit constant into a register first
// (and it keeps from regrouping the expressions round the constants, which
// cost more instructions). They never change. Adding addC or geC to bytes
// below 0x80 sets the top bit of those that are at least C; no byte carries
// into the next.
var swar = struct {
	highs, low5, d8, add1, add3              uint64
	ge0A, ge0E, ge21, ge23, ge2E, ge2F, ge3F uint64
}{highs, low5, 0x18 * ones, (0x80 - 1) * ones, (0x80 - 3) * ones,
	(0x80 - 0x0A) * ones, (0x80 - 0x0E) * ones, (0x80 - 0x21) * ones, (0x80 - 0x23) * ones,
	(0x80 - 0x2E) * ones, (0x80 - 0x2F) * ones, (0x80 - 0x3F) * ones}

// split finds the sentences of s.text and appends them to s.out.
func (s *splitter) split() {
	text := s.text
	at := pos{}
	for {
		if at = skipPlain(text, at); at.b == len(text) {
			break
		}
		c, w := textnorm.DecodeRune(text[at.b:])
		if c == utf8.RuneError && w == 1 {
			s.invalid = true
		}
		i := at
		at = pos{at.b + w, at.n + 1}
		switch c {
		case '«', '“':
			if s.depth == 0 && !s.ascii {
				s.quoteStart = i.n
			}
			s.depth++
			continue
		case '»', '”':
			if s.depth > 0 {
				s.depth--
			}
			if s.depth == 0 && !s.ascii && s.quoteEnds(i.b, at.b) {
				s.quoteStart = -1
				s.emit(at)
			}
			continue
		case '"':
			if !s.ascii && s.straightCloses(i.b) {
				// a stray closing quote with none open (a garbled source): ignore it
				continue
			}
			s.ascii = !s.ascii
			if s.ascii && s.depth == 0 {
				s.quoteStart = i.n
			} else if !s.ascii && s.depth == 0 && s.quoteEnds(i.b, at.b) {
				s.quoteStart = -1
				s.emit(at)
			}
			continue
		case '\n', '\r', '\u2029':
			s.depth, s.ascii, s.quoteStart = 0, false, -1
			s.emit(i)
			continue
		}
		if !isTerminator(c) || s.inQuote(i.n) {
			continue
		}
		if c == '.' && !s.periodEnds(i.b) {
			continue
		}
		j, ends := s.markRun(at)
		if !ends {
			continue
		}
		s.depth, s.ascii, s.quoteStart = 0, false, -1
		s.emit(j)
		at = j
	}
	s.emit(at)
}

// markRun takes the rest of a run of end marks and closing quotes or
// brackets from at, the position after an end mark. It returns the end of the
// run and whether the run ends the sentence: it does when a space or the end
// of the text follows ("3.5", "U.S", "word.word" have none). A straight quote
// in the run closes the "…" quotation either way.
func (s *splitter) markRun(at pos) (pos, bool) {
	for at.b < len(s.text) {
		c, w := textnorm.DecodeRune(s.text[at.b:])
		if !isTerminator(c) && !isCloser(c) {
			return at, isSpace(c)
		}
		if c == '"' {
			s.ascii = false
		}
		at = pos{at.b + w, at.n + 1}
	}
	return at, true
}

// inQuote reports whether code point n is inside a quotation that has not yet
// run too long for an end mark in it to count.
func (s *splitter) inQuote(n int) bool {
	return (s.depth > 0 || s.ascii) && s.quoteStart >= 0 && n-s.quoteStart < maxQuoteRunes
}

// emit appends the sentences between s.start and end, without surrounding
// white space, and moves s.start to end. A stretch longer than MaxRunes
// gives several sentences.
func (s *splitter) emit(end pos) {
	a := s.skipSpace(s.start, end)
	b := s.trimSpace(a, end)
	for a.b < b.b {
		// a run-on text is cut at a space near MaxRunes: no sentence grows without bound
		c, e := b, b // b is trimmed already
		if c.n-a.n > MaxRunes {
			c = s.cut(a)
			e = s.trimSpace(a, c)
		}
		if a.b < e.b {
			if s.out == nil {
				// about one sentence for every 64 bytes or more (wire copy averages 100)
				s.out = make([]Sentence, 0, min(len(s.text)/64+1, 256))
			}
			sen := Sentence{Index: len(s.out), Start: a.n, End: e.n, Text: s.text[a.b:e.b]}
			if s.invalid {
				// as []rune(text) reads it: one U+FFFD for each byte that is not UTF-8
				sen.Text = string([]rune(sen.Text))
			}
			s.out = append(s.out, sen)
		}
		a = s.skipSpace(c, b)
	}
	s.start = end
}

// cut returns where a sentence from a, longer than MaxRunes, is cut: at the
// last white space among code points a+MaxRunes/2+1 … a+MaxRunes, or else at
// a+MaxRunes.
func (s *splitter) cut(a pos) pos {
	limit := a
	for limit.n < a.n+MaxRunes {
		_, w := textnorm.DecodeRune(s.text[limit.b:])
		limit = pos{limit.b + w, limit.n + 1}
	}
	k := limit
	c, _ := textnorm.DecodeRune(s.text[k.b:])
	for k.n > a.n+MaxRunes/2 {
		if isSpace(c) {
			return k
		}
		var w int
		c, w = lastRune(s.text[a.b:k.b])
		k = pos{k.b - w, k.n - 1}
	}
	return limit
}

// skipSpace returns the first position from a, before b, that is not white space.
func (s *splitter) skipSpace(a, b pos) pos {
	for a.b < b.b {
		w := 1
		if c := s.text[a.b]; c < utf8.RuneSelf {
			if !latin1Space[c] {
				break
			}
		} else if r, size := textnorm.DecodeRune(s.text[a.b:]); isSpace(r) {
			w = size
		} else {
			break
		}
		a = pos{a.b + w, a.n + 1}
	}
	return a
}

// trimSpace returns b moved back over the white space that ends a…b.
func (s *splitter) trimSpace(a, b pos) pos {
	for a.b < b.b {
		w := 1
		if c := s.text[b.b-1]; c < utf8.RuneSelf {
			if !latin1Space[c] {
				break
			}
		} else if r, size := lastRune(s.text[a.b:b.b]); isSpace(r) {
			w = size
		} else {
			break
		}
		b = pos{b.b - w, b.n - 1}
	}
	return b
}

// quoteEnds decides whether the closing quote at bytes i…j also ends the
// sentence: the quotation ended with an end mark (not an ellipsis) and the
// text after it does not continue in lower case ("Why?" he asked).
func (s *splitter) quoteEnds(i, j int) bool {
	text := s.text
	prev, _ := lastRune(text[:i])
	if i == 0 || !isTerminator(prev) {
		return false
	}
	if prev == '.' && i >= 2 && text[i-2] == '.' {
		return false
	}
	if j < len(text) {
		if c, _ := textnorm.DecodeRune(s.text[j:]); !isSpace(c) {
			return false
		}
	}
	return !s.lowerAfter(j)
}

// straightCloses reports whether the straight quote at byte i can only
// close a quotation: it is glued to the word before it and followed by a
// space, punctuation or the end of the text.
func (s *splitter) straightCloses(i int) bool {
	if i == 0 {
		return false
	}
	if prev, _ := lastRune(s.text[:i]); isSpace(prev) || isOpener(prev) {
		return false
	}
	if i+1 == len(s.text) {
		return true
	}
	n, _ := textnorm.DecodeRune(s.text[i+1:])
	return isSpace(n) || isTerminator(n) || isCloser(n) || strings.ContainsRune(",،:;", n)
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '?', '!', '؟', '؛', '。':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '»', '”', '"', ')', ']', '’', '\'':
		return true
	}
	return false
}

// isSpace reports white space: unicode.IsSpace or the byte-order mark U+FEFF.
// No code point between Latin-1 and U+1680 is white space, so letters are
// answered without a table search.
func isSpace(r rune) bool {
	if r < '\u1680' {
		return r <= unicode.MaxLatin1 && latin1Space[r]
	}
	return unicode.IsSpace(r) || r == '\ufeff'
}

// latin1Space is unicode.IsSpace for the Latin-1 code points.
var latin1Space = func() (t [unicode.MaxLatin1 + 1]bool) {
	for r := range t {
		t[r] = unicode.IsSpace(rune(r))
	}
	return t
}()

// periodEnds decides whether the period at byte i ends a sentence.
func (s *splitter) periodEnds(i int) bool {
	text := s.text
	// Ellipsis: "..." does not end a sentence.
	if (i+1 < len(text) && text[i+1] == '.') || (i > 0 && text[i-1] == '.') {
		return false
	}
	// The word before the period, with inner periods (U.S.), when it is
	// short enough to be an abbreviation or an initial.
	if w, ok := s.shortWordBefore(i); ok {
		word := text[w : i+1]
		if k, ok := s.r.abbrev(word); ok {
			switch k {
			case abbrevTitle:
				return false
			case abbrevMonth:
				next := s.nextWord(i + 1)
				return next == "" || !startsWithDigit(next)
			case abbrevOther:
				next := s.nextWord(i + 1)
				return next == "" || s.r.starters[next]
			}
		}
		// An initial: one capital letter (J. Smith).
		if c, size := utf8.DecodeRuneInString(text[w:i]); size == i-w && unicode.IsUpper(c) {
			next := s.nextWord(i + 1)
			return next == "" || s.r.starters[next]
		}
	}
	// A lower-case Latin word after the period continues the sentence.
	return !s.lowerAfter(i + 1)
}

// shortWordBefore returns where the word that ends at the period at byte i
// begins: after a space or an opening quote or bracket, or at the start of
// the text. It reports false, without looking further back, for a word
// longer than s.r.wordLimit bytes with its period, which is neither an
// abbreviation nor an initial.
func (s *splitter) shortWordBefore(i int) (int, bool) {
	text := s.text
	first := i + 1 - s.r.wordLimit // the first byte a short word may begin at
	w := i
	for w > 0 {
		if c := text[w-1]; c < utf8.RuneSelf {
			if asciiBreaks[c]&spaceOrOpener != 0 {
				break
			}
			w--
		} else if w >= 2 && c&0xC0 == 0x80 && text[w-2]-0xC3 <= 0xDF-0xC3 {
			// a two-byte character from U+00C0 on: no space, no opener
			w -= 2
		} else {
			c, size := lastRune(text[:w])
			if isSpace(c) || isOpener(c) {
				break
			}
			w -= size
		}
		if w < first {
			return 0, false
		}
	}
	return w, true
}

// lowerAfter reports whether the word after byte i (as nextWord finds it)
// begins with a lower-case Latin letter (below U+0250).
func (s *splitter) lowerAfter(i int) bool {
	j, ok := s.wordStart(i)
	if !ok || j == len(s.text) {
		return false
	}
	// a lower-case letter is neither white space nor a mark that ends a
	// word, so the word it begins is not empty
	c, _ := textnorm.DecodeRune(s.text[j:])
	return c < 0x0250 && unicode.IsLower(c)
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '«', '“', '"', '\'':
		return true
	}
	return false
}

// nextWord returns the word after byte i, skipping spaces and opening quotes;
// none at a line break. The word is cut from the text as written: it may hold
// bytes that are not UTF-8, which match no abbreviation or starter, as their
// U+FFFD would not.
func (s *splitter) nextWord(i int) string {
	text := s.text
	i, ok := s.wordStart(i)
	if !ok {
		return ""
	}
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf {
			if asciiBreaks[c]&spaceOrEnd != 0 {
				break
			}
			j++
			continue
		}
		c, w := textnorm.DecodeRune(text[j:])
		if isSpace(c) || endsWord(c) {
			break
		}
		j += w
	}
	return text[i:j]
}

// wordStart returns where the word after byte i begins, skipping spaces and
// opening quotes; false at a line break.
func (s *splitter) wordStart(i int) (int, bool) {
	text := s.text
	for i < len(text) {
		c, w := rune(text[i]), 1
		if c < utf8.RuneSelf {
			if asciiBreaks[c]&spaceOrOpener == 0 {
				break
			}
		} else if c, w = textnorm.DecodeRune(text[i:]); !isSpace(c) && !isOpener(c) {
			break
		}
		if c == '\n' {
			return i, false
		}
		i += w
	}
	return i, true
}

// endsWord reports the punctuation that ends the word nextWord returns.
func endsWord(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '؟', '،', '؛', '"', '»', '”', ')':
		return true
	}
	return false
}

// The classes of asciiBreaks.
const (
	spaceOrOpener = 1 << iota // isSpace or isOpener
	spaceOrEnd                // isSpace or endsWord
)

// asciiBreaks holds, for each ASCII byte, which of the tests that end the
// words of periodEnds and nextWord it meets: a table look-up instead of the
// switches for the common case.
var asciiBreaks = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		if isSpace(c) || isOpener(c) {
			t[c] |= spaceOrOpener
		}
		if isSpace(c) || endsWord(c) {
			t[c] |= spaceOrEnd
		}
	}
	return t
}()

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
