package quantity

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// matchFromLinear is matchFrom without the tree: every phrase that begins
// with a form of token j is tried in turn.
func matchFromLinear[T any](c *scan, s *phraseSet[T], j int) (end int, val T, ok bool) {
	best := -1
	for _, id := range c.infos[j].ids {
		for _, pi := range s.byFirst[id] {
			p := &s.all[pi]
			if len(p.ids) <= best || j+len(p.ids) > len(c.toks) {
				continue
			}
			okAll := true
			for k := 1; k < len(p.ids); k++ {
				if !c.has(j+k, p.ids[k]) {
					okAll = false
					break
				}
			}
			if okAll {
				best, val = len(p.ids), p.val
			}
		}
	}
	if best < 0 {
		return 0, val, false
	}
	return j + best, val, true
}

// sameMatches checks that matchAt agrees with matchFromLinear on every token
// of c.
func sameMatches[T comparable](t *testing.T, c *scan, s *phraseSet[T], text string) {
	t.Helper()
	for j := range c.toks {
		end, val, ok := matchAt(c, s, j)
		var wantEnd int
		var wantVal T
		wantOK := false
		if c.infos[j].starts&s.bit != 0 {
			wantEnd, wantVal, wantOK = matchFromLinear(c, s, j)
		}
		if !assert.Equal(t, wantOK, ok, "%q token %d", text, j) || !ok {
			continue
		}
		assert.Equal(t, wantEnd, end, "%q token %d", text, j)
		assert.Equal(t, wantVal, val, "%q token %d", text, j)
	}
}

// TestMatchFromTree checks matchAt, which walks the tree of the phrases,
// against trying every phrase, on the seed article and on random strings
// of the data's own words (phrases that share their first words, longer
// and shorter ones, wildcards, ties).
func TestMatchFromTree(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	texts := map[string][]string{"ar": nil, "en": nil}
	if data, err := os.ReadFile("../../../shared/seeds/000_213c061cbfe19d7b.txt"); err == nil {
		texts["ar"] = append(texts["ar"], strings.Split(string(data), "\n")...)
	}
	rng := rand.New(rand.NewSource(1))
	for _, lang := range languages {
		l := lx.langs[lang]
		var words []string
		for w := range l.vocab {
			words = append(words, w)
		}
		slices.Sort(words)
		words = append(words, "x", "و", "the")
		for range 3000 {
			n := 2 + rng.Intn(8)
			var b strings.Builder
			for k := 0; k < n; k++ {
				if k > 0 {
					b.WriteByte(' ')
				}
				w := words[rng.Intn(len(words))]
				if lang == "ar" && rng.Intn(4) == 0 {
					w = "و" + w // a proclitic: other forms
				}
				b.WriteString(w)
			}
			texts[lang] = append(texts[lang], b.String())
		}
	}
	// strings of the phrases themselves, cut short or run on, the wildcard
	// filled, with a word between
	for _, lang := range languages {
		l := lx.langs[lang]
		var phrases [][]string
		phrases = appendPhraseWords(phrases, l.zeros)
		phrases = appendPhraseWords(phrases, l.units)
		phrases = appendPhraseWords(phrases, l.modifiers)
		phrases = appendPhraseWords(phrases, l.qualBefore)
		phrases = appendPhraseWords(phrases, l.qualAfter)
		phrases = appendPhraseWords(phrases, l.notBefore)
		phrases = appendPhraseWords(phrases, l.notAfter)
		phrases = appendPhraseWords(phrases, l.rolesBefore)
		phrases = appendPhraseWords(phrases, l.rolesAfter)
		for range 5000 {
			var words []string
			for k := 1 + rng.Intn(3); k > 0; k-- {
				p := phrases[rng.Intn(len(phrases))]
				if rng.Intn(3) == 0 {
					p = p[:1+rng.Intn(len(p))]
				}
				for _, w := range p {
					if w == wildcard {
						w = "x"
					}
					words = append(words, w)
				}
				if rng.Intn(2) == 0 {
					words = append(words, "x")
				}
			}
			texts[lang] = append(texts[lang], strings.Join(words, " "))
		}
	}
	for lang, list := range texts {
		l := lx.langs[lang]
		for _, text := range list {
			seg := textnorm.NewSegment(text, 0)
			if len(seg.Tokens) == 0 {
				continue
			}
			c := newScan(&seg, lang, l, nil)
			sameMatches(t, c, l.zeros, text)
			sameMatches(t, c, l.units, text)
			sameMatches(t, c, l.modifiers, text)
			sameMatches(t, c, l.qualBefore, text)
			sameMatches(t, c, l.qualAfter, text)
			sameMatches(t, c, l.notBefore, text)
			sameMatches(t, c, l.notAfter, text)
			sameMatches(t, c, l.rolesBefore, text)
			sameMatches(t, c, l.rolesAfter, text)
			c.release()
		}
	}
}

// appendPhraseWords appends the words of every phrase of s.
func appendPhraseWords[T any](out [][]string, s *phraseSet[T]) [][]string {
	for _, p := range s.all {
		out = append(out, p.toks)
	}
	return out
}
