package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eventline/eventline/parse/textnorm"
)

// fold returns the folded form of the single word w.
func fold(t *testing.T, w string) string {
	t.Helper()
	toks := textnorm.NewSegment(w, 0).Tokens
	if len(toks) != 1 {
		t.Fatalf("%q: %d tokens", w, len(toks))
	}
	return toks[0].Norm
}

func TestWordFacts(t *testing.T) {
	lex := newParser(t).lex
	for _, tc := range []struct {
		word string
		want wordFacts
	}{
		{"قواتها", factPossessiveForce},
		{"وقواتها", factPossessiveForce}, // the conjunction comes off
		{"مقاتليه", factPossessiveForce},
		{"عناصره", factPossessiveForce},
		{"دفاعاتها", factPossessiveForce},
		{"قوته", factPossessiveForce}, // قوة with a pronoun: its ة is written ت
		{"قوات", 0},                   // no pronoun
		{"شنتها", factAgentVerb},
		{"نفذها", factAgentVerb},
		{"نفذه", factAgentVerb},
		{"شنت", 0},
		{"الحكومة", 0},
		{"هجمات", 0},
		{"ه", 0},
	} {
		w := fold(t, tc.word)
		assert.Equal(t, tc.want, computeWordFacts(lex, "ar", w), "%s (%s)", tc.word, w)
		s := &sent{lex: lex, lang: "ar"}
		assert.Equal(t, tc.want, s.wordFacts(w), "%s without a cache", tc.word)
		s.words = &textnorm.WordCache[wordFacts]{}
		assert.Equal(t, tc.want, s.wordFacts(w), "%s with a cache", tc.word)
		assert.Equal(t, tc.want, s.wordFacts(w), "%s from the cache", tc.word)
	}
	assert.Equal(t, wordFacts(0), (&sent{lex: lex, lang: "ar"}).wordFacts(""))
}

// TestWordFactsCorpus checks the parser's cached facts, and the look-ups
// pronounEnds spares, against computeWordFacts over every word of the
// Arabic corpus.
func TestWordFactsCorpus(t *testing.T) {
	p := newParser(t)
	cached := &sent{lex: p.lex, lang: "ar", words: &p.words}
	seen := 0
	for _, a := range arabicCorpus(t) {
		for _, sen := range p.Sentences(a) {
			for _, tk := range textnorm.NewSegment(sen.Text, sen.Start).Tokens {
				want := computeWordFacts(p.lex, "ar", tk.Norm)
				if want != 0 {
					seen++
				}
				if got := cached.wordFacts(tk.Norm); got != want {
					t.Fatalf("%q: %v, want %v", tk.Norm, got, want)
				}
			}
		}
	}
	assert.Positive(t, seen, "no word of the corpus has a fact")
}
