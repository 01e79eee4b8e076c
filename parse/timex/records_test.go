package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/internal/fixturetext"
	"github.com/eventline/eventline/parse/textnorm"
)

// TestFindRecords checks that Find reads the same expressions in tokens
// with word records (NewSegment), which the embedded lexicon keeps the
// forms of a word in, as in tokens without (Tokenize), twice so that the
// second pass reads what the first stored.
func TestFindRecords(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	require.True(t, lx.embedded)
	anchor := time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"ar", "en"} {
		t.Run(lang, func(t *testing.T) {
			found := 0
			for range 2 {
				for _, line := range fixturetext.Lines(t, "../../fixtures", lang) {
					plain := textnorm.Segment{Text: line, Tokens: textnorm.Tokenize(line)}
					seg := textnorm.NewSegment(line, 0)
					want := Find(&plain, lang, anchor)
					require.Equal(t, want, Find(&seg, lang, anchor), line)
					found += len(want)
				}
			}
			require.Positive(t, found)
		})
	}
}

// TestSharedInfo checks that the records of the words that are no word of
// the lexicon share one tokenInfo, and that the others keep their own.
func TestSharedInfo(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	tests := []struct {
		word   string
		shared *tokenInfo // nil: a value of its own
	}{
		{"xyzzy", &noInfos[0]},
		{"قثقثقث", &noInfos[1]},
		{"وقثقثقث", &noInfos[1]},
		{"الخميس", nil},
		{"وبالخميس", nil},
		{"Thursday", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.word, 0)
			p := getParser(lx, seg.Tokens)
			defer putParser(p)
			in := infoSlot.Load(seg.Tokens[0].Record())
			require.NotNil(t, in)
			if tt.shared != nil {
				require.Same(t, tt.shared, in)
			} else {
				require.NotSame(t, &noInfos[0], in)
				require.NotSame(t, &noInfos[1], in)
				require.NotZero(t, in.can)
			}
		})
	}
}
