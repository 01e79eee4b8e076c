package quantity

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/internal/fixturetext"
	"github.com/eventline/eventline/parse/textnorm"
)

// requireEachIsFind checks that FindEach yields cs, what Find returned.
func requireEachIsFind(t testing.TB, seg *textnorm.Segment, lang string, skip func(int) bool, cs []Count) {
	t.Helper()
	var each []Count
	FindEach(seg, lang, skip, func(c Count) { each = append(each, c) })
	require.Equal(t, cs, each, "FindEach and Find: %q", seg.Text)
}

// TestFindRecords checks that Find counts the same in tokens with word
// records (NewSegment), which the embedded data keeps its tokInfo in, as in
// tokens without (Tokenize), twice so that the second pass reads what the
// first stored; and that FindEach yields what Find returns.
func TestFindRecords(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	for lang, l := range lx.langs {
		require.True(t, l.hasSlot, lang)
	}
	for _, lang := range languages {
		t.Run(lang, func(t *testing.T) {
			found := 0
			for range 2 {
				for _, line := range fixturetext.Lines(t, "../../fixtures", lang) {
					plain := textnorm.Segment{Text: line, Tokens: textnorm.Tokenize(line)}
					seg := textnorm.NewSegment(line, 0)
					want := Find(&plain, lang, nil)
					require.Equal(t, want, Find(&seg, lang, nil), line)
					requireEachIsFind(t, &seg, lang, nil, want)
					found += len(want)
				}
			}
			require.Positive(t, found)
		})
	}
}
