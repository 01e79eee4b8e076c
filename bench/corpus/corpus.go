// Package corpus generates reproducible benchmark corpora: fixture-like
// Arabic and English articles recombined from the sentences of the sample
// articles with a seeded random generator, written as JSON Lines. The same
// seed and size give the same bytes on every machine.
//
// Recombined sentences repeat a vocabulary of a few thousand words, far
// fewer than a year of real news holds, so every per-word cache of the
// parser soon knows them all. Options.Vocabulary mixes in words of a large
// made-up vocabulary, drawn with Zipf frequencies as the words of real text
// are, so that a benchmark also meets new words to the end and the caches
// fill to their bounds.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/sentence"
)

// Options describe a corpus.
type Options struct {
	Seed  uint64
	Bytes int64 // stop after about this many bytes of JSONL
	// Articles are recombined from these (their sentences, by language).
	Sources []*events.Article
	// Vocabulary, if above 0, is the size of a made-up vocabulary per
	// language: about one word in five of four letters or more (RareShare)
	// is replaced by one of its words, drawn with Zipf frequencies.
	Vocabulary int
}

// RareShare is the share of the words of four letters or more that
// Options.Vocabulary replaces.
const RareShare = 0.2

// Stats describe a written corpus.
type Stats struct {
	Articles int
	Bytes    int64
}

type record struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// Write writes the corpus to w as JSON Lines.
func Write(w io.Writer, opts Options) (Stats, error) {
	pools := map[string][]string{}
	var langs []string
	for _, a := range opts.Sources {
		lang := a.Lang
		if lang == "" {
			continue
		}
		if _, ok := pools[lang]; !ok {
			langs = append(langs, lang)
		}
		for _, s := range sentence.Split(a.Text) {
			pools[lang] = append(pools[lang], s.Text)
		}
	}
	if len(langs) == 0 {
		return Stats{}, fmt.Errorf("corpus: no source sentences")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var st Stats
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	cw := &countWriter{w: bw}
	enc = json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	var zipf *rand.Zipf
	if opts.Vocabulary > 0 {
		zipf = rand.NewZipf(rng, 1.1, 8, uint64(opts.Vocabulary-1))
	}
	var text []byte
	for cw.n < opts.Bytes {
		lang := langs[rng.IntN(len(langs))]
		pool := pools[lang]
		n := 6 + rng.IntN(15)
		text = text[:0]
		for i := 0; i < n; i++ {
			if i > 0 {
				text = append(text, '\n')
			}
			s := pool[rng.IntN(len(pool))]
			if zipf == nil {
				text = append(text, s...)
			} else {
				text = appendVaried(text, s, lang, RareShare, rng, zipf)
			}
		}
		rec := record{
			ID:        fmt.Sprintf("bench-%07d", st.Articles),
			Published: base.AddDate(0, 0, rng.IntN(730)).Format("2006-01-02"),
			Lang:      lang,
			Source:    []string{"AFP", "Reuters", "AP", "Al Jazeera", "Anadolu"}[rng.IntN(5)],
			URL:       fmt.Sprintf("https://example.org/bench/%d", st.Articles),
			Title:     fmt.Sprintf("benchmark article %d", st.Articles),
			Text:      string(text),
		}
		if err := enc.Encode(&rec); err != nil {
			return st, err
		}
		st.Articles++
	}
	st.Bytes = cw.n
	return st, bw.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// appendVaried appends sentence s with some of its words replaced by words
// of the made-up vocabulary: each word of four letters or more, with the
// punctuation around it kept, with probability share.
func appendVaried(dst []byte, s, lang string, share float64, rng *rand.Rand, zipf *rand.Zipf) []byte {
	for i, word := range strings.Split(s, " ") {
		if i > 0 {
			dst = append(dst, ' ')
		}
		core := strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(core) < 4 || strings.ContainsFunc(core, func(r rune) bool { return !unicode.IsLetter(r) }) ||
			rng.Float64() >= share {
			dst = append(dst, word...)
			continue
		}
		at := strings.Index(word, core)
		dst = append(dst, word[:at]...)
		upper := unicode.IsUpper([]rune(core)[0])
		dst = appendMadeUpWord(dst, lang, zipf.Uint64(), upper)
		dst = append(dst, word[at+len(core):]...)
	}
	return dst
}

// Letters of the made-up words; English ones alternate vowels and
// consonants, so that they read as words.
var (
	arabicLetters = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	consonants    = []rune("bcdfghjklmnprstvwz")
	vowels        = []rune("aeiou")
)

// appendMadeUpWord appends the k-th word of the made-up vocabulary of lang:
// k written with letters for digits, at least four of them. Distinct k give
// distinct words, and the frequent words (small k) are the short ones.
func appendMadeUpWord(dst []byte, lang string, k uint64, upper bool) []byte {
	var word [24]rune // from the last letter back
	n := 0
	for v := k; n < 4 || v > 0; n++ {
		letters := arabicLetters
		if lang != "ar" {
			letters = vowels
			if n%2 == 1 {
				letters = consonants
			}
		}
		word[n] = letters[v%uint64(len(letters))]
		v /= uint64(len(letters))
	}
	for i := n - 1; i >= 0; i-- {
		r := word[i]
		if i == n-1 && upper {
			r = unicode.ToUpper(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
