package timex

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// TestPunctInfo checks that the tokenInfo of a Punct token taken from
// lex.punct is what infoOf works out, with dash set for a dash, for every
// rune of the table.
func TestPunctInfo(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	for r := range rune(maxPunctRune) {
		tok := textnorm.Token{Norm: string(r), Kind: textnorm.Punct}
		want := lx.infoOf(&tok, true)
		want.dash = strings.ContainsFunc(tok.Norm, isDash)
		assert.Equal(t, want, lx.punct[r], "rune %U", r)
	}
}
