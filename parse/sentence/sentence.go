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
}

var loadRules = sync.OnceValues(func() (*rules, error) {
	r := &rules{abbrevs: map[string]abbrevKind{}, starters: map[string]bool{}}
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
		r.abbrevs[row.Cell(0)] = k
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
func Split(text string) []Sentence {
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
		for a < b && isSpace(runes[a]) {
			a++
		}
		for b > a && isSpace(runes[b-1]) {
			b--
		}
		for a < b {
			// a run-on text is cut at a space near MaxRunes: no sentence grows without bound
			c := b
			if c-a > MaxRunes {
				c = a + MaxRunes
				for k := c; k > a+MaxRunes/2; k-- {
					if isSpace(runes[k]) {
						c = k
						break
					}
				}
			}
			e := c
			for e > a && isSpace(runes[e-1]) {
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
			for a < b && isSpace(runes[a]) {
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
			if depth == 0 && !ascii && quoteEnds(runes, i, r) {
				quoteStart = -1
				emit(i + 1)
			}
			continue
		case '"':
			if !ascii && straightCloses(runes, i) {
				// a stray closing quote with none open (a garbled source): ignore it
				continue
			}
			ascii = !ascii
			if ascii && depth == 0 {
				quoteStart = i
			} else if !ascii && depth == 0 && quoteEnds(runes, i, r) {
				quoteStart = -1
				emit(i + 1)
			}
			continue
		case '\n', '\r', '\u2029':
			depth, ascii, quoteStart = 0, false, -1
			emit(i)
			continue
		}
		if !isTerminator(c) {
			continue
		}
		if inQuote(i) {
			continue
		}
		if c == '.' && !periodEnds(runes, i, r) {
			continue
		}
		// Take the rest of a run of end marks and closing quotes or brackets.
		j := i + 1
		for j < len(runes) && (isTerminator(runes[j]) || isCloser(runes[j])) {
			if runes[j] == '"' {
				ascii = false
			}
			j++
		}
		if j < len(runes) && !isSpace(runes[j]) {
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

// quoteEnds decides whether the closing quote at runes[i] also ends the
// sentence: the quotation ended with an end mark (not an ellipsis) and the
// text after it does not continue in lower case ("Why?" he asked).
func quoteEnds(runes []rune, i int, r *rules) bool {
	if i == 0 || !isTerminator(runes[i-1]) {
		return false
	}
	if runes[i-1] == '.' && i >= 2 && runes[i-2] == '.' {
		return false
	}
	if i+1 < len(runes) && !isSpace(runes[i+1]) {
		return false
	}
	next := nextWord(runes, i+1)
	if next == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(next)
	return !(unicode.IsLower(first) && first < 0x0250)
}

// straightCloses reports whether the straight quote at runes[i] can only
// close a quotation: it is glued to the word before it and followed by a
// space, punctuation or the end of the text.
func straightCloses(runes []rune, i int) bool {
	if i == 0 || isSpace(runes[i-1]) || isOpener(runes[i-1]) {
		return false
	}
	if i+1 == len(runes) {
		return true
	}
	n := runes[i+1]
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

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

// periodEnds decides whether the period at runes[i] ends a sentence.
func periodEnds(runes []rune, i int, r *rules) bool {
	// Ellipsis: "..." does not end a sentence.
	if (i+1 < len(runes) && runes[i+1] == '.') || (i > 0 && runes[i-1] == '.') {
		return false
	}
	// The word before the period, with inner periods (U.S.).
	w := i
	for w > 0 && !isSpace(runes[w-1]) && !isOpener(runes[w-1]) {
		w--
	}
	word := string(runes[w : i+1])
	next := nextWord(runes, i+1)
	if k, ok := r.abbrevs[word]; ok {
		switch k {
		case abbrevTitle:
			return false
		case abbrevMonth:
			return next == "" || !startsWithDigit(next)
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

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '«', '“', '"', '\'':
		return true
	}
	return false
}

// nextWord returns the word after position i, skipping spaces and opening quotes.
func nextWord(runes []rune, i int) string {
	for i < len(runes) && (isSpace(runes[i]) || isOpener(runes[i])) {
		if runes[i] == '\n' {
			return ""
		}
		i++
	}
	j := i
	for j < len(runes) && !isSpace(runes[j]) && !strings.ContainsRune(".,;:!?؟،؛\"»”)", runes[j]) {
		j++
	}
	return string(runes[i:j])
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
