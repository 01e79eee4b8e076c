package textnorm

import (
	"testing"
	"unicode/utf8"
)

// scanLettersRef is the scanLetters of before letterPairs (one look-up in
// arabicClass per Arabic letter, range tests for Latin ones), the
// reference of FuzzScanLetters.
func scanLettersRef(s string, i int) (int, int, bool) {
	n := 0
	var class uint8 // the classes seen, or-ed
	for i+1 < len(s) {
		// the two bytes of an Arabic letter, D8 80 … DB BF, index arabicClass
		if k := (uint(s[i+1]) | uint(s[i])<<8) - 0xD800; k < uint(len(arabicClass)) && arabicClass[k] != notLetter {
			class |= arabicClass[k]
			i += 2
		} else if c := s[i]; c-'a' <= 'z'-'a' {
			i++
		} else if c-'A' <= 'Z'-'A' {
			class |= foldLetter
			i++
		} else {
			return i, n, class&foldLetter != 0
		}
		n++
	}
	if i < len(s) && s[i]|0x20-'a' <= 'z'-'a' {
		if s[i] <= 'Z' {
			class |= foldLetter
		}
		i++
		n++
	}
	return i, n, class&foldLetter != 0
}

// FuzzScanLetters checks scanLetters against scanLettersRef from every
// position of the input.
func FuzzScanLetters(f *testing.F) {
	for _, s := range []string{"", "قوات الجيش", "aBc", "مدينة", "قال،", "قالﻻ", "قا\xd8", "قا\xd8a", "قاz", "o'clock", "abcقوات"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) + 1 {
			end, n, flags := scanLetters(s, i)
			folds, ends := flags&pairFolds != 0, flags&scanEnds != 0
			wantEnd, wantN, wantFolds := scanLettersRef(s, i)
			// word's test of a whole word, before scanEnds
			wantEnds := wantEnd > i && (wantEnd == len(s) || s[wantEnd] < utf8.RuneSelf && !asciiWordByte[s[wantEnd]] || arabicNonWord(s, wantEnd))
			if end != wantEnd || n != wantN || folds != wantFolds || ends != wantEnds {
				t.Fatalf("scanLetters(%q, %d) = %d, %d, %v, %v, want %d, %d, %v, %v", s, i, end, n, folds, ends, wantEnd, wantN, wantFolds, wantEnds)
			}
			if utf8.ValidString(s[i:end]) && string(appendFolded(nil, s[i:end])) != Fold(s[i:end]) {
				t.Fatalf("appendFolded(%q) = %q, want %q", s[i:end], appendFolded(nil, s[i:end]), Fold(s[i:end]))
			}
		}
	})
}
