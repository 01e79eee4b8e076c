package lexicon

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// matchReference is AppendMatches the slow way, as it was before the
// readings of a word were computed once and kept: every candidate reading
// of every word looked up in the maps of the index, every reading walked,
// the attached pronoun tried last.
func (l *Lexicon) matchReference(toks []textnorm.Token, lang string) []Match {
	out := []Match{}
	root, li := l.root(lang), langIndex(lang)
	if root == nil {
		return out
	}
	for i := 0; i < len(toks); {
		if toks[i].Kind != textnorm.Word {
			i++
			continue
		}
		var firsts []firstReading
		var cands []candidate
		if li == langAR {
			cands = arabicCandidates(toks[i].Norm, nil)
			for _, c := range cands {
				if c.clitics.Article && utf8.RuneCountInString(c.key) < 3 {
					continue
				}
				if n := root.next[c.key]; n != nil {
					firsts = append(firsts, firstReading{clitics: c.clitics, node: n})
				}
			}
		} else if n := root.next[toks[i].Norm]; n != nil {
			firsts = []firstReading{{node: n}}
		}
		best := Match{}
		for _, f := range firsts {
			n, c := f.node, f.clitics
			end, endNode := -1, (*node)(nil)
			if len(entriesFor(n, c)) > 0 {
				end, endNode = i+1, n
			}
			cur := n
			for j := i + 1; j < len(toks) && cur.next != nil; j++ {
				nx := cur.next[innerKey(li, toks[j].Norm)]
				if nx == nil {
					break
				}
				cur = nx
				if len(cur.all) > 0 {
					end, endNode = j+1, cur
				}
			}
			if end > 0 && end-i > best.Last-best.First {
				es := endNode.all
				if end == i+1 {
					es = entriesFor(endNode, c)
					if c.Article {
						es = withoutNames(es)
					}
				}
				if len(es) > 0 {
					best = Match{First: i, Last: end, Entries: es, Clitics: c}
				}
			}
		}
		if best.Last == 0 && li == langAR {
			best = suffixMatch(root, cands, i, strings.HasSuffix(toks[i].Text, "ة"))
		}
		if best.Last > 0 {
			out = append(out, best)
			i = best.Last
			continue
		}
		i++
	}
	return out
}

// referenceTexts are texts whose words take the paths of AppendMatches:
// proclitics, the article, attached pronouns after ة and ه, phrases that
// share a first word, a number inside a name, words in no phrase.
var referenceTexts = []struct{ text, lang string }{
	{"وبالتحالف الدولي والتحالف الدولي وللتحالف", "ar"},
	{"استهدفتها زارة زاره مسؤوليته لقائه وزارة الخارجية العراقية", "ar"},
	{"كتائب حزب الله وحزب الله حزب", "ar"},
	{"البرج 22 البرج ٢٢ البرج", "ar"},
	{"السورية سورية بسورية الأميركيين أميركيون", "ar"},
	{"سيزور ستعقد سنرد الله لله", "ar"},
	{"بطائرات من دون طيار بطائرات من", "ar"},
	{"Kataib Hezbollah Erbil airport Erbil the militia attacked", "en"},
	{"air strikes air strike air, the Islamic State", "en"},
}

// TestMatchReference checks that AppendMatches finds what matchReference
// does in the fixtures and referenceTexts, in tokens with word records and
// without, twice so that the second pass reads what the first stored.
func TestMatchReference(t *testing.T) {
	l := mustDefault(t)
	for _, lang := range []string{"ar", "en"} {
		t.Run(lang, func(t *testing.T) {
			lines := fixtureLines(t, lang)
			for _, rt := range referenceTexts {
				if rt.lang == lang {
					lines = append(lines, rt.text)
				}
			}
			for range 2 {
				for _, line := range lines {
					for _, toks := range [][]textnorm.Token{textnorm.NewSegment(line, 0).Tokens, textnorm.Tokenize(line)} {
						require.Equal(t, l.matchReference(toks, lang), l.Match(toks, lang), line)
					}
				}
			}
		})
	}
}

// FuzzMatchReference checks AppendMatches against matchReference on any
// text, in both languages.
func FuzzMatchReference(f *testing.F) {
	for _, rt := range referenceTexts {
		f.Add(rt.text)
	}
	l, err := Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"ar", "en", "fr"} {
			for _, toks := range [][]textnorm.Token{textnorm.NewSegment(s, 0).Tokens, textnorm.Tokenize(s)} {
				require.Equal(t, l.matchReference(toks, lang), l.Match(toks, lang), s)
			}
		}
	})
}

// TestTaMarbuta checks the readings of a word whose match is the word with
// the pronoun ه off: the same word written with a final ة (which folds to
// ه) takes the readings of slotARTa, in tokens with records and without.
func TestTaMarbuta(t *testing.T) {
	l := mustDefault(t)
	r := l.readings(l.root("ar"), slotAR, textnorm.Fold("زاره"))
	require.True(t, r.ta, "زاره is زار + ه")
	require.Equal(t, "ه", r.one.Suffix)
	require.False(t, l.readings(l.root("ar"), slotARTa, textnorm.Fold("زاره")).ta)
	tests := []struct {
		text   string
		suffix []string // of the matches
	}{
		{"زاره", []string{"ه"}},
		{"زارة", nil},
		{"زارة زاره زارة", []string{"ه"}},
	}
	for _, tt := range tests {
		for range 2 {
			for _, toks := range [][]textnorm.Token{textnorm.NewSegment(tt.text, 0).Tokens, textnorm.Tokenize(tt.text)} {
				var got []string
				for _, m := range l.Match(toks, "ar") {
					got = append(got, m.Suffix)
				}
				require.Equal(t, tt.suffix, got, tt.text)
				require.Equal(t, l.matchReference(toks, "ar"), l.Match(toks, "ar"), tt.text)
			}
		}
	}
}
