package quantity

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/internal/fixturetext"
	"github.com/eventline/eventline/parse/textnorm"
)

// refFillInfos is fillInfos as it was before it looked punctuation up in
// markInfos inline, kept as the reference of TestFillInfosMatchesReference
// and FuzzFillInfos.
func (l *langLex) refFillInfos(toks []textnorm.Token, infos []*tokInfo, starts []int32) []int32 {
	infos = infos[:len(toks)]
	for j := range toks {
		t := &toks[j]
		var in *tokInfo
		if w := t.Record(); w != nil && l.hasSlot { // a word, most often with its tokInfo
			in = l.slot.Load(w)
		}
		if in == nil {
			in = l.tokenInfo(t)
		}
		infos[j] = in
		if in.begins || t.Kind == textnorm.Number {
			starts = append(starts, int32(j))
		}
	}
	return starts
}

// requireFillInfosMatch checks fillInfos against refFillInfos on toks, in
// both languages, with starts already holding some entries or none.
func requireFillInfosMatch(t testing.TB, toks []textnorm.Token) {
	t.Helper()
	lx, err := loadLexicon()
	require.NoError(t, err)
	for _, lang := range languages {
		l := lx.langs[lang]
		for _, prefix := range [][]int32{nil, {7, 9}} {
			want := make([]*tokInfo, len(toks))
			wantStarts := l.refFillInfos(toks, want, append([]int32(nil), prefix...))
			got := make([]*tokInfo, len(toks))
			gotStarts := l.fillInfos(toks, got, append([]int32(nil), prefix...))
			require.Equal(t, want, got, "infos (%s)", lang)
			require.Equal(t, append([]int32{}, wantStarts...), append([]int32{}, gotStarts...), "starts (%s)", lang)
		}
	}
}

// fillInfosCases are texts of marks of one, two and three bytes and
// invalid UTF-8, for TestFillInfosMatchesReference and FuzzFillInfos.
var fillInfosCases = []string{
	"",
	"قتل 3 جنود، وأصيب 25 آخرون؛ (عشرات) «الجرحى» – و؟ — “no” … % $ + - / : ٪",
	"\xff\xfe \xd9 \xd9\xac \xc2 \xc2\x80 \xe2\x80\x94 \xe2\x80 .. ٬ ٫",
}

// TestFillInfosMatchesReference checks fillInfos against the loop it came
// from, on the fixture lines and the cases above, with and without word
// records, twice so that the second pass reads what the first stored.
func TestFillInfosMatchesReference(t *testing.T) {
	var lines []string
	for _, lang := range languages {
		lines = append(lines, fixturetext.Lines(t, "../../fixtures", lang)...)
	}
	lines = append(lines, fillInfosCases...)
	for range 2 {
		for _, line := range lines {
			seg := textnorm.NewSegment(line, 0)
			requireFillInfosMatch(t, seg.Tokens)
			requireFillInfosMatch(t, textnorm.Tokenize(line))
		}
	}
}

// FuzzFillInfos compares fillInfos with refFillInfos on any text.
func FuzzFillInfos(f *testing.F) {
	for _, s := range fillInfosCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seg := textnorm.NewSegment(s, 0)
		requireFillInfosMatch(t, seg.Tokens)
		requireFillInfosMatch(t, textnorm.Tokenize(s))
	})
}
