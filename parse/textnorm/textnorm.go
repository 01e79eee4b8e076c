// Package textnorm folds Arabic and English text for matching and splits it
// into tokens that keep their offsets in the original text.
//
// Matching happens on folded text, reporting on the original: every Token
// carries Start and End, code-point offsets into the string it came from,
// so that []rune(s)[t.Start:t.End] == t.Text always holds.
//
// Folding is a fixed chain applied to each rune, the same for lexicon keys
// (Fold) and for article text (Tokenize):
//   - Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic
//     marks) and tatweel are dropped;
//   - alef forms أ إ آ ٱ become ا, ى becomes ي, ة becomes ه;
//   - Arabic presentation forms become their base letters (NFKC);
//   - Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII digits, the
//     Arabic thousands separator ٬ becomes ',' and the decimal mark ٫ '.';
//   - Latin letters are lower-cased, typographic apostrophes become '.
package textnorm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// FoldRune folds one rune for matching. It returns the folded text, which is
// empty when the rune is dropped (a diacritic or tatweel) and may hold more
// than one rune for a presentation form such as the lam-alef ligature.
func FoldRune(r rune) string {
	if f, ok := foldOne(r); ok {
		if f < 0 {
			return ""
		}
		return string(f)
	}
	if isPresentationForm(r) {
		if n := norm.NFKC.String(string(r)); n != string(r) {
			return Fold(n)
		}
	}
	return string(r)
}

// foldOne folds the runes that map to at most one rune: -1 drops r; ok is
// false when r is not folded by this table.
func foldOne(r rune) (rune, bool) {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED && r != 0x06E5 && r != 0x06E6, r == 0x0640:
		return -1, true
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ى':
		return 'ي', true
	case r == 'ة':
		return 'ه', true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	case r == '٬':
		return ',', true
	case r == '٫':
		return '.', true
	case r == '’' || r == '‘' || r == 'ʼ':
		return '\'', true
	case r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r == '\ufeff':
		return -1, true // zero-width joiners and direction marks
	}
	if r < 0x0600 && unicode.IsUpper(r) {
		return unicode.ToLower(r), true
	}
	return r, false
}

func isPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF && r != 0xFEFF)
}

// Fold folds a whole string with FoldRune; lexicon keys go through it.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldOne(r); ok {
			if f >= 0 {
				b.WriteRune(f)
			}
			continue
		}
		if isPresentationForm(r) {
			b.WriteString(FoldRune(r))
		} else {
			b.WriteRune(r) // FoldRune keeps every other rune as it is
		}
	}
	return b.String()
}

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters (Arabic or Latin), with the marks folded away
	Number                 // digits, with inner thousands separators and a decimal mark
	Punct                  // one punctuation or symbol rune
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Text  string // as written
	Norm  string // folded; for a Number, the digits with ',' removed (2500, 2.5)
	Start int    // code-point offset of the token in the tokenized string
	End   int    // exclusive end offset
	Kind  Kind
	// byte offsets of Text in the tokenized string, for Segment.Slice
	byteStart, byteEnd int32
	record             *WordRecord // the record of Norm (see Token.Record), or nil
}

// IsArabic reports whether r is an Arabic letter (including the
// presentation forms).
func IsArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0x08A0 && r <= 0x08FF) ||
		isPresentationForm(r)
}

func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
}

func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 0x0621 && r <= 0x065F: // Arabic letters, tatweel and harakat
		return true
	case r >= 0x0660 && r <= 0x0669:
		return false
	}
	if isDigit(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 0x0640 || r == '\u200c' || r == '\u200d'
}

// Tokenize splits s into words, numbers and punctuation, skipping white
// space. Offsets are code points into s. A number keeps inner separators
// (2,500 2٬500 2.5 ٢٫٥) when a digit follows them.
func Tokenize(s string) []Token {
	return AppendTokens(nil, s, 0)
}

// AppendTokens appends the tokens of s to dst, adding base to every offset;
// it lets a caller tokenize a sentence and keep article offsets. s must be
// valid UTF-8 (article bodies are cleaned before they get here).
func AppendTokens(dst []Token, s string, base int) []Token {
	dst, _ = appendTokens(dst, s, base)
	return dst
}

// tokenizer is the state of appendTokens: its helpers take a pointer to it
// instead of passing the slices back and forth (few arguments, in
// registers).
type tokenizer struct {
	s     string
	dst   []Token
	fold  []byte // scratch for the folded form of the current token
	arena []byte // holds the folded forms that differ from the text (see arenaString)
	// index, when not nil, is the index of words that the Words get their
	// records from (see NewSegmentIn); else they get none.
	index *wordIndex
}

// record returns the record of the folded word norm, or nil when t interns
// no words.
func (t *tokenizer) record(norm string) *WordRecord {
	if t.index == nil {
		return nil
	}
	if r := t.index.find(norm); r != nil {
		return r
	}
	return words.miss(norm)
}

// Byte classes of asciiClass: what the first byte of a token tells.
const (
	byteOther  = iota // decoded and classified by its rune
	byteSpace         // white space, skipped
	byteLetter        // an ASCII letter: a word starts
	bytePunct         // ASCII punctuation or a symbol: a token of its own, its own Norm
	byteArabic        // the lead byte of a rune of the Arabic block (see arabicRunes)
)

// asciiClass classifies the bytes that start a token, by the rules of
// appendTokens' general path (the rune of an ASCII byte is the byte).
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		r := rune(c)
		switch {
		case isWordRune(r):
			t[c] = byteLetter
		case r == ' ' || unicode.IsSpace(r):
			t[c] = byteSpace
		case isDigit(r):
			t[c] = byteOther
		default:
			if f, ok := foldOne(r); ok && f == r {
				t[c] = bytePunct
			}
		}
	}
	for c := 0xD8; c <= 0xDB; c++ {
		t[c] = byteArabic
	}
	return t
}()

// appendTokens is AppendTokens; it also reports whether s is valid UTF-8
// (it decodes every rune of s anyway).
func appendTokens(dst []Token, s string, base int) ([]Token, bool) {
	return appendTokensIn(dst, s, base, nil)
}

// appendTokensIn is appendTokens with the records of the Words, from
// index and words (see wordTable.lookup), when index is not nil: the
// tokenizer looks each word up as it makes its token.
func appendTokensIn(dst []Token, s string, base int, index *wordIndex) ([]Token, bool) {
	t := tokenizer{s: s, dst: dst, index: index}
	pos := base // code-point index of s[i]
	valid := true
	for i := 0; i < len(s); {
		if i+1 < len(s) && letterPairs[pairAt(s, i)]&pairAdvance != 0 {
			i, pos = t.words(i, pos)
			continue
		}
		switch asciiClass[s[i]] {
		case byteSpace:
			i++
			pos++
			continue
		case byteLetter:
			i, pos = t.word(i, pos)
			continue
		case bytePunct:
			tok := t.push()
			tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[i:i+1], s[i:i+1], pos, pos+1, Punct
			tok.byteStart, tok.byteEnd, tok.record = int32(i), int32(i+1), nil
			i++
			pos++
			continue
		case byteArabic:
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				k := int(s[i]&0x03)<<6 | int(s[i+1]&0x3F)
				if ar := &arabicRunes[k]; ar.word {
					i, pos = t.word(i, pos)
					continue
				} else if !ar.digit {
					// punctuation (، ؟): a token of its own
					norm := s[i : i+2]
					if !ar.same {
						norm = FoldRune(rune(0x0600 + k))
					}
					tok := t.push()
					tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[i:i+2], norm, pos, pos+1, Punct
					tok.byteStart, tok.byteEnd, tok.record = int32(i), int32(i+2), nil
					i += 2
					pos++
					continue
				}
			}
		}
		r, size := DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			valid = false
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || unicode.IsSpace(r) || r == 0xFEFF || r == '\u200e' || r == '\u200f':
			i += size
			pos++
		case isDigit(r):
			i, pos = t.number(i, pos)
		case isWordRune(r):
			i, pos = t.word(i, pos)
		default:
			norm := s[i : i+size]
			if f, ok := foldOne(r); ok && f != r || !ok && isPresentationForm(r) {
				norm = FoldRune(r)
			}
			tok := t.push()
			tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[i:i+size], norm, pos, pos+1, Punct
			tok.byteStart, tok.byteEnd, tok.record = int32(i), int32(i+size), nil
			i += size
			pos++
		}
	}
	return t.dst, valid
}

// push returns a new last token of t.dst, for the caller to set every
// field of (the slice may be reused: it holds an old token).
func (t *tokenizer) push() *Token {
	if len(t.dst) == cap(t.dst) {
		t.dst = slices.Grow(t.dst, 1)
	}
	t.dst = t.dst[:len(t.dst)+1]
	return &t.dst[len(t.dst)-1]
}

// number appends the number token that starts at byte i (code point pos)
// of t.s, a digit, and returns the indices after it.
func (t *tokenizer) number(i, pos int) (int, int) {
	s := t.s
	start, startPos := i, pos
	fold := t.fold[:0]
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isDigit(r) {
			f, _ := foldOne(r)
			fold = append(fold, byte(f))
			i += size
			pos++
			continue
		}
		if r == ',' || r == '٬' || r == '.' || r == '٫' {
			nr, nsize := utf8.DecodeRuneInString(s[i+size:])
			if nsize > 0 && isDigit(nr) {
				if r == '.' || r == '٫' {
					fold = append(fold, '.')
				}
				i += size
				pos++
				continue
			}
		}
		break
	}
	t.fold = fold
	norm := s[start:i]
	if norm != string(fold) {
		norm, t.arena = arenaString(t.arena, fold, len(s)-i)
	}
	tok := t.push()
	tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[start:i], norm, startPos, pos, Number
	tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), nil
	return i, pos
}

// arabicRunes caches, for the Arabic block U+0600–U+06FF (the runes of
// nearly every Arabic word, two bytes each in UTF-8), what the tokenizer
// asks of a rune: whether it belongs to a word (isWordRune) or is a digit
// (isDigit), and how it folds (foldOne: same, dropped, or another rune).
var arabicRunes = func() (t [256]struct {
	word, digit, same bool
	fold              rune // when !same: the folded rune, or -1 to drop it
}) {
	for k := range t {
		r := rune(0x0600 + k)
		t[k].word = isWordRune(r)
		t[k].digit = isDigit(r)
		f, ok := foldOne(r)
		if !ok || f == r { // the block holds no presentation forms
			t[k].same = true
		} else {
			t[k].fold = f
		}
	}
	return t
}()

// asciiWordByte tells the ASCII bytes that continue a word: letters and the
// apostrophe (which appendWord decides on).
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c)) || c == '\''
	}
	return t
}()

// Classes of arabicClass.
const (
	notLetter   = iota // no word rune, or one left to the general path
	plainLetter        // a letter that folds to itself
	foldLetter         // a letter (or mark) that folds to another or to nothing, as arabicFolded tells
)

// arabicClass classifies the runes of the Arabic block for scanLetters,
// indexed by their two UTF-8 bytes less 0xD800 (the entries of bytes that
// are no UTF-8 encoding are notLetter).
var arabicClass = func() (t [0x400]uint8) {
	for k, r := range arabicRunes {
		b := utf8.AppendRune(nil, rune(0x0600+k))
		c := &t[(int(b[0])<<8|int(b[1]))-0xD800]
		switch {
		case !r.word:
		case r.same:
			*c = plainLetter
		case arabicFolded[k].n <= 2:
			*c = foldLetter
		}
	}
	return t
}()

// arabicFolded holds the folded form of each rune of the Arabic block, in
// UTF-8: b[:n] (empty for a dropped mark; n is 3 when it does not fit, and
// arabicClass leaves such a rune to the general path).
var arabicFolded = func() (t [256]struct {
	n uint8
	b [2]byte
}) {
	for k, r := range arabicRunes {
		f := rune(0x0600 + k)
		if !r.same {
			f = r.fold
		}
		var b []byte
		if f >= 0 {
			b = utf8.AppendRune(nil, f)
		}
		t[k].n = uint8(min(len(b), 3))
		copy(t[k].b[:], b)
	}
	return t
}()

// words appends the word tokens from byte i (code point pos) of t.s, where
// a letter of letterPairs starts, for as long as they are whole words of
// such letters (see scanLetters) with a space between them, and returns
// the indices after the last one; it hands a word that goes on with other
// runes to wordRest. Most of a text is such runs of words: one call serves
// a run, and the tokens are appended to a local slice.
func (t *tokenizer) words(i, pos int) (int, int) {
	s, dst := t.s, t.dst
	for {
		// scanLetters, inlined by hand (the call costs spills), knowing
		// that a letter starts at i
		start := i
		n := 0
		var class, c uint8
		for i+1 < len(s) {
			c = letterPairs[pairAt(s, i)]
			if c&pairAdvance == 0 {
				break
			}
			class |= c
			i += int(c & pairAdvance)
			n++
		}
		if i+1 >= len(s) { // the last byte, or the end of s
			c = pairEnds
			if i < len(s) {
				switch b := s[i]; {
				case 'a' <= b|0x20 && b|0x20 <= 'z':
					class |= letterPairs[b] & pairFolds
					i++
					n++
				case b >= utf8.RuneSelf || asciiWordByte[b]:
					c = 0 // a word rune may start there
				}
			}
		}
		end := i
		if c&pairEnds == 0 {
			t.dst = dst
			return t.wordRest(start, pos, end, n, class&pairFolds != 0)
		}
		text := s[start:end]
		norm := text
		if class&pairFolds != 0 {
			norm = t.foldLetters(text, end)
		}
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 1)
		}
		dst = dst[:len(dst)+1]
		tok := &dst[len(dst)-1] // (append of a Token literal builds it on the stack first)
		tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = text, norm, pos, pos+n, Word
		var rec *WordRecord
		if x := t.index; x != nil { // t.record, inlined by hand
			if rec = x.find(norm); rec == nil {
				rec = words.miss(norm)
			}
		}
		tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(end), rec
		pos += n
		i = end
		// go on after a space when a letter follows it
		if i+2 >= len(s) || s[i] != ' ' || letterPairs[pairAt(s, i+1)]&pairAdvance == 0 {
			t.dst = dst
			return i, pos
		}
		i++
		pos++
	}
}

// word appends the word token that starts at byte start (code point
// startPos) of t.s and returns the indices after it. Most words are made
// of Arabic or Latin letters only (see scanLetters): their Norm is their
// text, or is folded straight into the arena. Otherwise the folded form is
// built rune by rune from the first rune that scanLetters does not take.
func (t *tokenizer) word(start, startPos int) (int, int) {
	s := t.s
	i, n, flags := scanLetters(s, start)
	if flags&scanEnds == 0 {
		return t.wordRest(start, startPos, i, n, flags&pairFolds != 0)
	}
	// a space or a mark follows
	text := s[start:i]
	norm := text
	if flags&pairFolds != 0 {
		norm = t.foldLetters(text, i)
	}
	pos := startPos + n
	tok := t.push()
	tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = text, norm, startPos, pos, Word
	tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), t.record(norm)
	if i < len(s) && s[i] == ' ' {
		return i + 1, pos + 1 // and the space that most often follows
	}
	return i, pos
}

// wordRest is word for the words that scanLetters does not take whole:
// s[start:i], n runes, are letters it took (folds tells whether any of
// them folds); the folded form is built rune by rune from i on.
func (t *tokenizer) wordRest(start, startPos, i, n int, folds bool) (int, int) {
	s := t.s
	pos := startPos + n
	fold := t.fold[:0]
	folding := false // fold holds the folded form of s[start:i]
	if folds {
		fold, folding = appendFolded(fold, s[start:i]), true
	}
	for i < len(s) {
		// Arabic letters (two bytes, lead byte D8–DB) are decoded inline.
		if c := s[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			ar := &arabicRunes[int(c&0x03)<<6|int(s[i+1]&0x3F)]
			if !ar.word {
				break
			}
			if !ar.same && !folding {
				fold, folding = append(fold[:0], s[start:i]...), true
			}
			if folding {
				if ar.same {
					fold = append(fold, c, s[i+1])
				} else if ar.fold >= 0 {
					fold = utf8.AppendRune(fold, ar.fold)
				}
			}
			i += 2
			pos++
			continue
		}
		if c := s[i]; c-'A' <= 'z'-'A' && (c <= 'Z' || c >= 'a') {
			// a Latin letter: folds to lower case
			if c <= 'Z' {
				if !folding {
					fold, folding = append(fold[:0], s[start:i]...), true
				}
				c += 'a' - 'A'
			}
			if folding {
				fold = append(fold, c)
			}
			i++
			pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) && !(r == '\'' || r == '’') {
			break
		}
		if r == '\'' || r == '’' {
			// an apostrophe inside a word (o'clock) stays; a final one or "'s" ends it
			nr, nsize := utf8.DecodeRuneInString(s[i+size:])
			if nsize == 0 || !isWordRune(nr) || (nr == 's' || nr == 'S') && endsWordAt(s, i+size+nsize) {
				break
			}
		}
		var folded []byte // r's folded form when it is not r itself
		var scratch [utf8.UTFMax]byte
		if f, ok := foldOne(r); ok {
			if f != r {
				folded = scratch[:0]
				if f >= 0 {
					folded = utf8.AppendRune(folded, f)
				}
			}
		} else if isPresentationForm(r) {
			if f := FoldRune(r); f != s[i:i+size] {
				folded = append(scratch[:0], f...)
			}
		}
		if folded != nil && !folding {
			fold, folding = append(fold[:0], s[start:i]...), true
		}
		if folding {
			if folded != nil {
				fold = append(fold, folded...)
			} else {
				fold = append(fold, s[i:i+size]...)
			}
		}
		i += size
		pos++
	}
	t.fold = fold
	norm := s[start:i]
	if folding && norm != string(fold) {
		norm, t.arena = arenaString(t.arena, fold, len(s)-i)
	}
	tok := t.push()
	tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[start:i], norm, startPos, pos, Word
	tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), t.record(norm)
	return i, pos
}

// letterPairs classifies the two bytes at a position of a text, indexed
// by them as a little-endian uint16, for scanLetters. For a letter that
// scanLetters takes, it holds the letter's length in bytes (pairAdvance
// bits: 2 for an Arabic letter of arabicClass, 1 for an ASCII letter,
// whatever the byte after it), with pairFolds when the letter folds to
// something else. Else its pairAdvance bits are 0, and pairEnds tells that
// no word goes on there: an ASCII byte that is no letter nor apostrophe, or
// a rune of the Arabic block that is no word rune (a comma, a digit). One
// look-up per letter, whatever its script, and no range checks (64 KiB, of
// which a text touches few lines).
var letterPairs = func() (t [1 << 16]uint8) {
	for b0 := range utf8.RuneSelf {
		for b1 := range 256 {
			switch {
			case 'a' <= b0|0x20 && b0|0x20 <= 'z':
				t[b0|b1<<8] = 1
				if b0 <= 'Z' {
					t[b0|b1<<8] |= pairFolds
				}
			case !asciiWordByte[b0]:
				t[b0|b1<<8] = pairEnds
			}
		}
	}
	for k, r := range arabicRunes {
		b := utf8.AppendRune(nil, rune(0x0600+k))
		c := &t[int(b[0])|int(b[1])<<8]
		switch arabicClass[(int(b[0])<<8|int(b[1]))-0xD800] {
		case plainLetter:
			*c = 2
		case foldLetter:
			*c = 2 | pairFolds
		default:
			if !r.word {
				*c = pairEnds
			}
		}
	}
	return t
}()

// Bits of letterPairs and of the flags of scanLetters.
const (
	pairAdvance = 3
	pairFolds   = 4
	pairEnds    = 8
	scanEnds    = pairEnds // of scanLetters: the letters are a whole word
)

// pairAt returns s[i] | s[i+1]<<8, for 0 <= i < len(s)-1, without the
// bounds checks that the compiler does not prove away in scanLetters' loop.
func pairAt(s string, i int) uint16 {
	p := unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i)
	return uint16(*(*byte)(p)) | uint16(*(*byte)(unsafe.Add(p, 1)))<<8
}

// scanLetters steps over the letters from byte i of s that are Arabic
// (those of arabicClass) or Latin, and returns the byte index after them,
// their number, and flags: pairFolds when any of them folds to something
// else (see foldInto), scanEnds when there is at least one and no word
// rune follows them (the end of s, white space, a mark: the letters are a
// whole word). Most words are made of them only; the caller takes what
// follows.
func scanLetters(s string, i int) (int, int, uint8) {
	n := 0
	var class uint8 // the classes seen, or-ed
	for i+1 < len(s) {
		c := letterPairs[pairAt(s, i)]
		if c&pairAdvance == 0 {
			if n == 0 {
				c = 0
			}
			return i, n, class | c&pairEnds
		}
		class |= c
		i += int(c & pairAdvance)
		n++
	}
	if i < len(s) {
		switch c := s[i]; {
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			if c <= 'Z' {
				class |= pairFolds
			}
			i++
			n++
		case c >= utf8.RuneSelf || asciiWordByte[c]:
			return i, n, class // a word rune may start at the last byte
		}
	}
	if n == 0 {
		return i, n, class
	}
	return i, n, class | scanEnds
}

// foldPairs holds the folded form of the letters of arabicClass, indexed
// by their two bytes as a little-endian uint16 less 0x80D8 (D8 80, the
// first such pair), which leaves 14 bits: its two bytes, first one low, or
// 0 for a letter (mark) that is dropped. No letter of arabicClass folds to
// one byte (see the check below).
var foldPairs = func() (t [1 << 14]uint16) {
	for k, f := range arabicFolded {
		b := utf8.AppendRune(nil, rune(0x0600+k))
		if arabicClass[(int(b[0])<<8|int(b[1]))-0xD800] == notLetter {
			continue
		}
		if f.n != 0 && f.n != 2 {
			panic("textnorm: a letter of arabicClass folds to one byte")
		}
		if f.n == 2 {
			t[(int(b[0])|int(b[1])<<8)-0x80D8] = uint16(f.b[0]) | uint16(f.b[1])<<8
		}
	}
	return t
}()

// appendFolded appends the folded form of w, letters that scanLetters
// took, to dst.
func appendFolded(dst []byte, w string) []byte {
	dst = slices.Grow(dst, len(w))
	n := foldInto(dst[len(dst):len(dst)+len(w)], w)
	return dst[:len(dst)+n]
}

// foldInto writes the folded form of w, letters that scanLetters took, to
// dst, which has room for len(w) bytes (no letter folds to a longer one),
// and returns its length. It writes through unsafe pointers, each at most
// at the offset in w of the letter's last byte, so within dst: the bounds
// checks would cost as much as the folding.
func foldInto(dst []byte, w string) int {
	_ = dst[:len(w)]
	d := unsafe.Pointer(unsafe.SliceData(dst))
	j := 0 // bytes written, at most i
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			*(*byte)(unsafe.Add(d, j)) = c | 0x20 // an ASCII letter, in lower case
			i++
			j++
			continue
		}
		if i+1 >= len(w) {
			break // no letter: scanLetters takes whole ones
		}
		// the two bytes of a letter of arabicClass; j+1 <= i+1
		f := foldPairs[(pairAt(w, i)-0x80D8)&(1<<14-1)]
		*(*byte)(unsafe.Add(d, j)) = byte(f)
		*(*byte)(unsafe.Add(d, j+1)) = byte(f >> 8)
		if f != 0 {
			j += 2
		}
		i += 2
	}
	return j
}

// foldLetters returns the folded form of w, t.s[:i]'s last letters, that
// scanLetters took, folded straight into the arena (see arenaString): it
// is no longer than they are.
func (t *tokenizer) foldLetters(w string, i int) string {
	if cap(t.arena)-len(t.arena) < len(w) {
		t.arena = make([]byte, 0, max(len(w), (len(t.s)-i)/2+16))
	}
	off := len(t.arena)
	n := foldInto(t.arena[off:off+len(w)], w)
	if n == 0 {
		return ""
	}
	t.arena = t.arena[:off+n]
	return unsafe.String(&t.arena[off], n)
}

// arenaString returns a string of the bytes b, stored in arena, and the
// arena. The folded forms of a text share one allocation this way instead
// of one each: arena is append-only, so the bytes of a string returned are
// never written again. When b does not fit, a new arena takes it, with room
// for about half of rest more bytes (the text left to tokenize).
func arenaString(arena, b []byte, rest int) (string, []byte) {
	if len(b) == 0 {
		return "", arena
	}
	if cap(arena)-len(arena) < len(b) {
		arena = make([]byte, 0, max(len(b), rest/2+16))
	}
	off := len(arena)
	arena = append(arena, b...)
	return unsafe.String(&arena[off], len(b)), arena
}

func endsWordAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}
