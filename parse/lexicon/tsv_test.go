package lexicon

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		minCols int
		want    [][]string
		wantErr string
	}{
		{"comments and blanks", "# head\n\na\tb\r\n  # indented comment\nc\td\n", 2, [][]string{{"a", "b"}, {"c", "d"}}, ""},
		{"bom", "\ufeffa\tb\n", 2, [][]string{{"a", "b"}}, ""},
		{"short row", "a\tb\nc\n", 2, nil, "lexicon: x.tsv:2: malformed lexicon file: want at least 2 columns, got 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ParseTSV("x.tsv", []byte(tt.data), tt.minCols)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Equal(t, tt.wantErr, err.Error())
				assert.True(t, errors.Is(err, ErrFormat))
				return
			}
			require.NoError(t, err)
			var got [][]string
			for _, r := range rows {
				got = append(got, r.Cells)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSplit(t *testing.T) {
	assert.Equal(t, []string{"a", "b c"}, Split(" a | b c ||"))
	assert.Nil(t, Split(""))
}
