package sentence

// reference_test.go keeps the splitter as it was before it walked the text by
// bytes (commit d5b896a): it converts the whole text to []rune and works on
// rune indexes. The differential tests check that Split returns exactly what
// this reference returns, for every input, invalid UTF-8 included.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitReference is Split as of commit d5b896a, on a []rune of the whole text.
func splitReference(text string) []Sentence {
	r, err := loadRules()
	if err != nil {
		// The embedded data is checked by the package tests; fall back to no abbreviations.
		r = &rules{}
	}
	runes := []rune(text)
	// Sentence texts are cut from text itself by byte offsets, found by a
	// cursor that only moves forward (sentences come in order); text that is
	// not valid UTF-8 is cut from runes instead, as its U+FFFD are.
	valid := utf8.ValidString(text)
	atRune, atByte := 0, 0
	byteOffset := func(k int) int {
		for ; atRune < k; atRune++ {
			atByte += utf8.RuneLen(runes[atRune])
		}
		return atByte
	}
	var out []Sentence
	start := 0
	depth := 0       // open «» “” quotations
	ascii := false   // inside "…"
	quoteStart := -1 // where the open quotation began
	emit := func(end int) {
		a, b := start, end
		for a < b && refIsSpace(runes[a]) {
			a++
		}
		for b > a && refIsSpace(runes[b-1]) {
			b--
		}
		for a < b {
			// a run-on text is cut at a space near MaxRunes: no sentence grows without bound
			c := b
			if c-a > MaxRunes {
				c = a + MaxRunes
				for k := c; k > a+MaxRunes/2; k-- {
					if refIsSpace(runes[k]) {
						c = k
						break
					}
				}
			}
			e := c
			for e > a && refIsSpace(runes[e-1]) {
				e--
			}
			if a < e {
				sen := Sentence{Index: len(out), Start: a, End: e}
				if valid {
					sen.Text = text[byteOffset(a):byteOffset(e)]
				} else {
					sen.Text = string(runes[a:e])
				}
				out = append(out, sen)
			}
			a = c
			for a < b && refIsSpace(runes[a]) {
				a++
			}
		}
		start = end
	}
	inQuote := func(i int) bool {
		return (depth > 0 || ascii) && quoteStart >= 0 && i-quoteStart < maxQuoteRunes
	}
	for i := 0; i < len(runes); i++ {
		c := runes[i]
		switch c {
		case '«', '“':
			if depth == 0 && !ascii {
				quoteStart = i
			}
			depth++
			continue
		case '»', '”':
			if depth > 0 {
				depth--
			}
			if depth == 0 && !ascii && refQuoteEnds(runes, i, r) {
				quoteStart = -1
				emit(i + 1)
			}
			continue
		case '"':
			if !ascii && refStraightCloses(runes, i) {
				// a stray closing quote with none open (a garbled source): ignore it
				continue
			}
			ascii = !ascii
			if ascii && depth == 0 {
				quoteStart = i
			} else if !ascii && depth == 0 && refQuoteEnds(runes, i, r) {
				quoteStart = -1
				emit(i + 1)
			}
			continue
		case '\n', '\r', '\u2029':
			depth, ascii, quoteStart = 0, false, -1
			emit(i)
			continue
		}
		if !refIsTerminator(c) {
			continue
		}
		if inQuote(i) {
			continue
		}
		if c == '.' && !refPeriodEnds(runes, i, r) {
			continue
		}
		// Take the rest of a run of end marks and closing quotes or brackets.
		j := i + 1
		for j < len(runes) && (refIsTerminator(runes[j]) || refIsCloser(runes[j])) {
			if runes[j] == '"' {
				ascii = false
			}
			j++
		}
		if j < len(runes) && !refIsSpace(runes[j]) {
			// "3.5", "U.S", "word.word": no space after the mark, no boundary.
			continue
		}
		depth, ascii, quoteStart = 0, false, -1
		emit(j)
		i = j - 1
	}
	emit(len(runes))
	return out
}

// refQuoteEnds decides whether the closing quote at runes[i] also ends the
// sentence: the quotation ended with an end mark (not an ellipsis) and the
// text after it does not continue in lower case ("Why?" he asked).
func refQuoteEnds(runes []rune, i int, r *rules) bool {
	if i == 0 || !refIsTerminator(runes[i-1]) {
		return false
	}
	if runes[i-1] == '.' && i >= 2 && runes[i-2] == '.' {
		return false
	}
	if i+1 < len(runes) && !refIsSpace(runes[i+1]) {
		return false
	}
	next := refNextWord(runes, i+1)
	if next == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(next)
	return !(unicode.IsLower(first) && first < 0x0250)
}

// refStraightCloses reports whether the straight quote at runes[i] can only
// close a quotation: it is glued to the word before it and followed by a
// space, punctuation or the end of the text.
func refStraightCloses(runes []rune, i int) bool {
	if i == 0 || refIsSpace(runes[i-1]) || refIsOpener(runes[i-1]) {
		return false
	}
	if i+1 == len(runes) {
		return true
	}
	n := runes[i+1]
	return refIsSpace(n) || refIsTerminator(n) || refIsCloser(n) || strings.ContainsRune(",،:;", n)
}

func refIsTerminator(r rune) bool {
	switch r {
	case '.', '?', '!', '؟', '؛', '。':
		return true
	}
	return false
}

func refIsCloser(r rune) bool {
	switch r {
	case '»', '”', '"', ')', ']', '’', '\'':
		return true
	}
	return false
}

func refIsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

// refPeriodEnds decides whether the period at runes[i] ends a sentence.
func refPeriodEnds(runes []rune, i int, r *rules) bool {
	// Ellipsis: "..." does not end a sentence.
	if (i+1 < len(runes) && runes[i+1] == '.') || (i > 0 && runes[i-1] == '.') {
		return false
	}
	// The word before the period, with inner periods (U.S.).
	w := i
	for w > 0 && !refIsSpace(runes[w-1]) && !refIsOpener(runes[w-1]) {
		w--
	}
	word := string(runes[w : i+1])
	next := refNextWord(runes, i+1)
	if k, ok := r.abbrevs[word]; ok {
		switch k {
		case abbrevTitle:
			return false
		case abbrevMonth:
			return next == "" || !refStartsWithDigit(next)
		case abbrevOther:
			return next == "" || r.starters[next]
		}
	}
	// An initial: one capital letter (J. Smith).
	if i-w == 1 && unicode.IsUpper(runes[w]) {
		return next == "" || r.starters[next]
	}
	// A lower-case Latin word after the period continues the sentence.
	if next != "" {
		first, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLower(first) && first < 0x0250 {
			return false
		}
	}
	return true
}

func refIsOpener(r rune) bool {
	switch r {
	case '(', '[', '«', '“', '"', '\'':
		return true
	}
	return false
}

// refNextWord returns the word after position i, skipping spaces and opening quotes.
func refNextWord(runes []rune, i int) string {
	for i < len(runes) && (refIsSpace(runes[i]) || refIsOpener(runes[i])) {
		if runes[i] == '\n' {
			return ""
		}
		i++
	}
	j := i
	for j < len(runes) && !refIsSpace(runes[j]) && !strings.ContainsRune(".,;:!?؟،؛\"»”)", runes[j]) {
		j++
	}
	return string(runes[i:j])
}

func refStartsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// skipPlainReference is skipPlain as it was before it looked at eight bytes
// at a time (commit 0a6f517): a character at a time, on leadClasses.
func skipPlainReference(text string, at pos) pos {
	b, n := at.b, at.n
	for b < len(text) {
		switch leadClasses[text[b]] {
		case plainByte:
			b++
		case plainLead:
			if b+1 >= len(text) || text[b+1]&0xC0 != 0x80 {
				return pos{b, n}
			}
			b += 2
		case lowArabic:
			if b+1 >= len(text) || text[b+1] < 0xA0 || text[b+1] > 0xBF {
				return pos{b, n}
			}
			b += 2
		default:
			return pos{b, n}
		}
		n++
	}
	return pos{b, n}
}
