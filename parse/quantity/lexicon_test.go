package quantity

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// dataWith returns the embedded data files with one file replaced.
func dataWith(t *testing.T, name, content string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(dataFS, "data")
	require.NoError(t, err)
	for _, e := range entries {
		b, err := fs.ReadFile(dataFS, "data/"+e.Name())
		require.NoError(t, err)
		m["data/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	m["data/"+name] = &fstest.MapFile{Data: []byte(content)}
	return m
}

func TestCheckEmbeddedData(t *testing.T) {
	require.NoError(t, Check())
	lx, err := loadLexicon()
	require.NoError(t, err)
	for _, l := range languages {
		ll := lx.langs[l]
		require.NotNil(t, ll, l)
		assert.NotEmpty(t, ll.numbers, l)
		assert.NotEmpty(t, ll.units.all, l)
		assert.NotEmpty(t, ll.qualBefore.all, l)
		assert.NotEmpty(t, ll.zeros.all, l)
	}
}

func TestReadLexiconErrors(t *testing.T) {
	tests := []struct {
		name, file, content, wantMsg string
	}{
		{"unknown language", "numbers.tsv", "fr\tun\tunit\t1\n", "lexicon: data/numbers.tsv:1: malformed lexicon file: unknown language \"fr\""},
		{"too few columns", "units.tsv", "# header\nar\tجندي\tsoldier\n", "lexicon: data/units.tsv:2: malformed lexicon file: want at least 7 columns, got 3"},
		{"bad kind", "numbers.tsv", "en\tone\tsingle\t1\n", "unknown number kind \"single\""},
		{"bad value", "numbers.tsv", "en\tone\tunit\tx\n", "bad value \"x\""},
		{"vague without multiplier", "numbers.tsv", "en\tdozens\tvague\t12\n", "needs a multiplier"},
		{"number word of two tokens", "numbers.tsv", "en\ttwo two\tunit\t2\n", "is not one word"},
		{"conflicting number", "numbers.tsv", "en\tone\tunit\t1\nen\tone\tunit\t2\n", "defined twice"},
		{"bad qualifier", "qualifiers.tsv", "en\tabout\tnear\tbefore\n", "unknown qualifier \"near\""},
		{"bad position", "qualifiers.tsv", "en\tabout\tapprox\tinside\n", "position must be before or after"},
		{"bad number", "units.tsv", "en\tsoldier\tsoldier\tplural\tperson\t-\t-\n", "number must be sg, pl or du"},
		{"bad class", "units.tsv", "en\tsoldier\tsoldier\tsg\thuman\t-\t-\n", "class must be"},
		{"bad role", "units.tsv", "en\tdead\tperson\tpl\tperson\tdied\t-\n", "unknown role \"died\""},
		{"empty unit", "units.tsv", "en\tsoldier\t-\tsg\tperson\t-\t-\n", "empty unit"},
		{"bad reason", "notcount.tsv", "en\taged\tbefore\told\n", "unknown reason \"old\""},
		{"zero needs role", "zeros.tsv", "en\tno casualties\t-\n", "role must be killed, wounded or casualties"},
		{"cue role", "roles.tsv", "en\tkilled\tcasualties\tafter\n", "role must be killed or wounded"},
		{"cue position", "roles.tsv", "en\tkilled\tkilled\taround\n", "position must be before, after or both"},
		{"word class", "words.tsv", "en\tnoun\tthing\n", "unknown word class \"noun\""},
		{"wildcard at the edge", "zeros.tsv", "en\t* casualties\tcasualties\n", "cannot start or end with *"},
		{"empty phrase", "qualifiers.tsv", "en\t|\tapprox\tbefore\n", "no phrases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readLexicon(dataWith(t, tt.file, tt.content))
			require.Error(t, err)
			assert.ErrorIs(t, err, lexicon.ErrFormat)
			assert.Contains(t, err.Error(), tt.wantMsg)
		})
	}
}

func TestReadLexiconMissingFile(t *testing.T) {
	m := dataWith(t, "units.tsv", "")
	delete(m, "data/roles.tsv")
	_, err := readLexicon(m)
	require.Error(t, err)
	var le *lexicon.Error
	require.True(t, errors.As(err, &le))
	assert.Equal(t, "data/roles.tsv", le.File)
}

func TestExpandPhrase(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "more than", []string{"more than"}},
		{"spellings", "no fewer/less than", []string{"no fewer than", "no less than"}},
		{"optional", "ما? يقرب من", []string{"يقرب من", "ما يقرب من"}},
		{"optional last", "a b?", []string{"a", "a b"}},
		{"slash alone is a word", "a / b", []string{"a / b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expandPhrase(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := expandPhrase("a? b?")
	require.NoError(t, err)
	got, err := expandPhrase("x?")
	require.NoError(t, err)
	assert.Equal(t, []string{"x"}, got, "the empty variant is dropped")
	_, err = expandPhrase("a/b/c/d a/b/c/d a/b/c/d a/b/c/d a/b/c/d")
	assert.Error(t, err, "too many variants")
}

// TestMatchPhrases checks matchAt and matchEndingAt, whose quick tests use
// the place of each word in the phrases (first, last, whole, second, next
// to last), with one-word phrases and a wildcard second and next to last.
func TestMatchPhrases(t *testing.T) {
	lx, err := readLexicon(dataWith(t, "zeros.tsv", "en\tno casualties|calm\tcasualties\nen\tkilled * one\tkilled\n"))
	require.NoError(t, err)
	l := lx.langs["en"]
	tests := []struct {
		text     string
		at       int // token matchAt starts from
		end      int // its answer, 0 for none
		endingAt int // token matchEndingAt ends at
		start    int // its answer, -1 for none
		role     Role
	}{
		{"there were no casualties", 2, 4, 3, 2, Casualties},
		{"there were no deaths", 2, 0, 3, -1, None},
		{"casualties no", 0, 0, 1, -1, None},
		{"all calm", 1, 2, 1, 1, Casualties},
		{"killed no one", 0, 3, 2, 0, Killed},
		{"killed zz one", 0, 3, 2, 0, Killed},
		{"killed no", 0, 0, 1, -1, None},
		{"no one", 0, 0, 1, -1, None},
	}
	for _, tt := range tests {
		seg := textnorm.NewSegment(tt.text, 0)
		c := newScan(&seg, "en", l, nil)
		end, role, ok := matchAt(c, l.zeros, tt.at)
		assert.Equal(t, tt.end > 0, ok, tt.text)
		if ok {
			assert.Equal(t, tt.end, end, tt.text)
			assert.Equal(t, tt.role, role, tt.text)
		}
		start, role, ok := matchEndingAt(c, l.zeros, tt.endingAt)
		assert.Equal(t, tt.start >= 0, ok, tt.text)
		if ok {
			assert.Equal(t, tt.start, start, tt.text)
			assert.Equal(t, tt.role, role, tt.text)
		}
		c.release()
	}
}
