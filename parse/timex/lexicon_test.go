package timex

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/lexicon"
)

// goodFS is a minimal valid data set; tests break one file at a time.
func goodFS() fstest.MapFS {
	return fstest.MapFS{
		"data/months.tsv":   {Data: []byte("# m\n1\t-\tيناير|January\n5\tweak\tMay\n")},
		"data/weekdays.tsv": {Data: []byte("thursday\tالخميس|Thursday\n")},
		"data/numbers.tsv":  {Data: []byte("3\tثلاثة|three\n")},
		"data/ordinals.tsv": {Data: []byte("7\tالسابع|seventh\n")},
		"data/units.tsv":    {Data: []byte("day\tn\tأيام|days\n")},
		"data/words.tsv":    {Data: []byte("relday\t-1\tأمس|yesterday\n")},
	}
}

func TestReadLexicon(t *testing.T) {
	lx, err := readLexicon(goodFS())
	require.NoError(t, err)
	assert.Len(t, lx.classes[clMonth]["يناير"], 1)
	assert.True(t, lx.classes[clMonth]["may"][0].weak)
	assert.Equal(t, -1, lx.classes[clRelDay]["امس"][0].n, "forms are folded: أمس → امس")
	assert.True(t, lx.words["thursday"].starts.has(clWeekday))

	tests := []struct {
		name, file, data, wantErr string
	}{
		{"month out of range", "data/months.tsv", "13\t-\tFoo\n", "lexicon: data/months.tsv:1: malformed lexicon file: month \"13\" is not in 1–12"},
		{"unknown month tag", "data/months.tsv", "1\tshort\tJan\n", "lexicon: data/months.tsv:1: malformed lexicon file: unknown tag \"short\" (want weak or abbr)"},
		{"missing column", "data/months.tsv", "# c\n1\tJan\n", "lexicon: data/months.tsv:2: malformed lexicon file: want at least 3 columns, got 2"},
		{"bad weekday", "data/weekdays.tsv", "Thursday\tالخميس\n", "lexicon: data/weekdays.tsv:1: malformed lexicon file: weekday \"Thursday\" is not an English weekday name in lower case"},
		{"bad number", "data/numbers.tsv", "x\tthree\n", "lexicon: data/numbers.tsv:1: malformed lexicon file: value \"x\" is not an integer in [1, 1000]"},
		{"bad ordinal", "data/ordinals.tsv", "32\tthirty-second\n", "lexicon: data/ordinals.tsv:1: malformed lexicon file: value \"32\" is not an integer in [1, 31]"},
		{"bad unit", "data/units.tsv", "fortnight\t1\tfortnight\n", "lexicon: data/units.tsv:1: malformed lexicon file: unit \"fortnight\" is not hour, day, week, month or year"},
		{"bad unit count", "data/units.tsv", "day\t3\tdays\n", "lexicon: data/units.tsv:1: malformed lexicon file: count \"3\" is not 1, 2 or n"},
		{"unknown class", "data/words.tsv", "colour\t-\tred\n", "lexicon: data/words.tsv:1: malformed lexicon file: unknown class \"colour\""},
		{"bad class value", "data/words.tsv", "third\t4\tlate\n", "lexicon: data/words.tsv:1: malformed lexicon file: value \"4\" is not an integer in [1, 3]"},
		{"empty forms", "data/words.tsv", "since\t-\t | \n", "lexicon: data/words.tsv:1: malformed lexicon file: no forms"},
		{"form without words", "data/words.tsv", "since\t-\t\u064b\n", "lexicon: data/words.tsv:1: malformed lexicon file: form \"\u064b\" has no words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := readLexicon(fsys)
			require.Error(t, err)
			assert.Equal(t, tt.wantErr, err.Error())
			assert.True(t, errors.Is(err, lexicon.ErrFormat))
		})
	}
	t.Run("missing file", func(t *testing.T) {
		fsys := goodFS()
		delete(fsys, "data/units.tsv")
		_, err := readLexicon(fsys)
		var lerr *lexicon.Error
		require.ErrorAs(t, err, &lerr)
		assert.Equal(t, "data/units.tsv", lerr.File)
	})
}

// TestTail checks tail against the bytes it stands for.
func TestTail(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "الخميس", "في", "،"} {
		var want uint64
		b := []byte(s[max(0, len(s)-8):])
		for i := len(b) - 1; i >= 0; i-- {
			want = want<<8 | uint64(b[i])
		}
		assert.Equal(t, want, tail(s), "%q", s)
	}
}

// TestWordFilter checks that the filter holds every word of the lexicon
// (it may not answer "no" for one) and lets few other tokens through.
func TestWordFilter(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	for w := range lx.words {
		assert.True(t, lx.filter.mayHold(w), "%q", w)
	}
	through, others := 0, 0
	for _, seg := range fixtureSegments(t, "ar") {
		for _, tok := range seg.Tokens {
			if lx.words[tok.Norm] == nil {
				others++
				if lx.filter.mayHold(tok.Norm) {
					through++
				}
			}
		}
	}
	assert.Less(t, through*20, others, "%d of %d tokens that are no word get through", through, others)
}
