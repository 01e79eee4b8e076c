package textnorm

// The tokenizer as it was before letterPairs and foldInto (commit 5bb340f),
// the reference of FuzzTokenizeRef: appendTokensRef must give the tokens
// appendTokens gives.

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

type refTokenizer struct {
	s     string
	dst   []Token
	fold  []byte // scratch for the folded form of the current token
	arena []byte // holds the folded forms that differ from the text (see arenaString)
}

func appendTokensRef(dst []Token, s string, base int) ([]Token, bool) {
	t := refTokenizer{s: s, dst: dst}
	pos := base // code-point index of s[i]
	valid := true
	for i := 0; i < len(s); {
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

func (t *refTokenizer) push() *Token {
	if len(t.dst) == cap(t.dst) {
		t.dst = slices.Grow(t.dst, 1)
	}
	t.dst = t.dst[:len(t.dst)+1]
	return &t.dst[len(t.dst)-1]
}

func (t *refTokenizer) number(i, pos int) (int, int) {
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
		norm, t.arena = arenaStringRef(t.arena, fold, len(s)-i)
	}
	tok := t.push()
	tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[start:i], norm, startPos, pos, Number
	tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), nil
	return i, pos
}

func (t *refTokenizer) word(start, startPos int) (int, int) {
	s := t.s
	i, n, folds := scanLettersRef(s, start)
	pos := startPos + n
	if i > start && (i == len(s) || s[i] < utf8.RuneSelf && !asciiWordByte[s[i]] || arabicNonWord(s, i)) {
		// a space or a mark follows
		norm := s[start:i]
		if folds {
			norm = t.foldLetters(start, i)
		}
		tok := t.push()
		tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[start:i], norm, startPos, pos, Word
		tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), nil
		if i < len(s) && s[i] == ' ' {
			return i + 1, pos + 1 // and the space that most often follows
		}
		return i, pos
	}
	fold := t.fold[:0]
	folding := false // fold holds the folded form of s[start:i]
	if folds {
		fold, folding = appendFoldedRef(fold, s[start:i]), true
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
		norm, t.arena = arenaStringRef(t.arena, fold, len(s)-i)
	}
	tok := t.push()
	tok.Text, tok.Norm, tok.Start, tok.End, tok.Kind = s[start:i], norm, startPos, pos, Word
	tok.byteStart, tok.byteEnd, tok.record = int32(start), int32(i), nil
	return i, pos
}

func appendFoldedRef(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		} else if i+1 < len(w) {
			f := &arabicFolded[int(c&0x03)<<6|int(w[i+1]&0x3F)]
			n := len(dst)
			dst = append(dst, f.b[0], f.b[1])
			dst = dst[:n+int(f.n)]
			i++
		}
	}
	return dst
}

func (t *refTokenizer) foldLetters(start, i int) string {
	w := t.s[start:i]
	if cap(t.arena)-len(t.arena) < len(w) {
		t.arena = make([]byte, 0, max(len(w), (len(t.s)-i)/2+16))
	}
	off := len(t.arena)
	t.arena = appendFoldedRef(t.arena, w)
	if len(t.arena) == off {
		return ""
	}
	return unsafe.String(&t.arena[off], len(t.arena)-off)
}

func arenaStringRef(arena, b []byte, rest int) (string, []byte) {
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

// FuzzTokenizeRef checks appendTokens against appendTokensRef: the same
// tokens, field by field, and the same validity.
func FuzzTokenizeRef(f *testing.F) {
	for _, s := range []string{"", "...", "\uFDEA", "٢٬٥٠٠٫٥", "Iraq's U.S.", "شنّ هجوماً", "\xff\xfe", "قا\xd8", "قا\xd8a",
		"ﻻ ﷺ أَحمد\u200cـي O'Brien's", "إِنَّ «الأُمَّة» ﺍﻟﻌﺮﺍﻕ", "أعلنت الحكومة العراقيّة إنّ مدينةً كبيرةً ﻻ ٢٬٥٠٠ U.S. Forces"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		got, gotValid := appendTokens(nil, s, base)
		want, wantValid := appendTokensRef(nil, s, base)
		if gotValid != wantValid {
			t.Fatalf("valid = %v, want %v", gotValid, wantValid)
		}
		if len(got) != len(want) {
			t.Fatalf("%d tokens, want %d:\n%+v\n%+v", len(got), len(want), got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("token %d = %+v, want %+v", i, got[i], want[i])
			}
		}
		// NewSegment's tokens are the same, with the records of their words
		seg := NewSegment(s, base)
		if len(seg.Tokens) != len(want) {
			t.Fatalf("NewSegment: %d tokens, want %d", len(seg.Tokens), len(want))
		}
		for i, tok := range seg.Tokens {
			var rec *WordRecord
			if tok.Kind == Word {
				rec = words.lookup(words.index(), tok.Norm)
				if rec == nil && !words.filled.Load() {
					t.Fatalf("no record of %q", tok.Norm)
				}
			}
			if tok.record != rec {
				t.Fatalf("token %d %+v: record %p, want %p", i, tok, tok.record, rec)
			}
			tok.record = nil
			if tok != want[i] {
				t.Fatalf("NewSegment: token %d = %+v, want %+v", i, tok, want[i])
			}
		}
	})
}

// arabicNonWord reports whether s[i:] starts with a rune of the Arabic
// block that is no word rune (a comma, a digit).
func arabicNonWord(s string, i int) bool {
	return i+1 < len(s) && s[i]-0xD8 <= 0xDB-0xD8 && s[i+1]&0xC0 == 0x80 && !arabicRunes[int(s[i]&0x03)<<6|int(s[i+1]&0x3F)].word
}
