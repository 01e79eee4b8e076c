package lexicon

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/internal/fixturetext"
	"github.com/eventline/eventline/parse/textnorm"
)

// fixtureLines returns the non-empty lines of the fixture texts of lang.
func fixtureLines(t *testing.T, lang string) []string {
	return fixturetext.Lines(t, "../../fixtures", lang)
}

// TestMatchRecords checks that Default matches the same phrases in tokens
// with word records (NewSegment), which it reads its per-word readings
// from, as in tokens without (Tokenize), twice so that the second pass reads
// what the first stored.
func TestMatchRecords(t *testing.T) {
	l := mustDefault(t)
	require.True(t, l.useRecords)
	for _, lang := range []string{"ar", "en"} {
		t.Run(lang, func(t *testing.T) {
			for range 2 {
				for _, line := range fixtureLines(t, lang) {
					want := l.Match(textnorm.Tokenize(line), lang)
					got := l.Match(textnorm.NewSegment(line, 0).Tokens, lang)
					require.Equal(t, want, got, line)
				}
			}
		})
	}
}

// TestMatchRecordsOtherLexicon checks that a lexicon other than Default
// ignores what Default keeps in the word records.
func TestMatchRecordsOtherLexicon(t *testing.T) {
	// the names read the other way round from Default: Baghdad an actor, Iraq a place
	fsys := fstest.MapFS{
		ActorsFile:   {Data: []byte("Baghdad\tstate\tIQ\t\tبغداد\tBaghdad\n")},
		PlacesFile:   {Data: []byte("Iraq\tcountry\tIQ\t\t1\t2\tالعراق\tIraq\n")},
		TriggersFile: {Data: []byte("ar\tقصف\tverb\tshell\trocket_attack\n")},
		CuesFile:     {Data: []byte("ar\tفي\texact\tloc\n")},
	}
	other, err := Load(fsys)
	require.NoError(t, err)
	require.False(t, other.useRecords)
	def := mustDefault(t)
	tests := []struct {
		name, text, lang string
	}{
		{"arabic", "قصف الجيش العراق وبغداد", "ar"},
		{"english", "the army shelled Iraq and Baghdad", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := textnorm.NewSegment(tt.text, 0).Tokens
			def.Match(toks, tt.lang) // fills the records
			got := other.Match(toks, tt.lang)
			assert.Equal(t, other.Match(textnorm.Tokenize(tt.text), tt.lang), got)
			require.NotEmpty(t, got)
			for _, m := range got {
				for _, e := range m.Entries {
					assert.True(t, e.Actor == nil || e.Actor.Name == "Baghdad", "actor %v", e.Actor)
				}
			}
		})
	}
}

// TestInsertDropsRecords checks that a lexicon whose index changes stops
// reading the word records, which may hold readings of the old index.
func TestInsertDropsRecords(t *testing.T) {
	l := &Lexicon{useRecords: true}
	l.addPhrase("ar", "قصف", Entry{Cue: &Cue{}}, false)
	assert.False(t, l.useRecords)
}

// TestKids checks that below the root every node has its children in kids
// too, found by the numbers of their keys, and no other.
func TestKids(t *testing.T) {
	l := mustDefault(t)
	for _, lang := range []string{"ar", "en"} {
		ids := l.innerIDs[langIndex(lang)]
		var walk func(n *node)
		walk = func(n *node) {
			require.Len(t, n.kids, len(n.next))
			for k, c := range n.next {
				id, ok := ids[k]
				require.True(t, ok, k)
				assert.Same(t, c, n.kid(id), k)
				walk(c)
			}
			assert.Nil(t, n.kid(int32(len(ids))), "a number no key has")
		}
		for _, c := range l.root(lang).next {
			walk(c)
		}
	}
}
