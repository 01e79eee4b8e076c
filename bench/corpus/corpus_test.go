package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

var sources = []*events.Article{
	{Lang: "ar", Text: "قالت وزارة الدفاع إن الطائرات المسيرة استهدفت القاعدة العسكرية. وأعلنت الفصائل مسؤوليتها عن الهجوم."},
	{Lang: "en", Text: "Officials said drones attacked the airbase on Monday. The militia claimed responsibility for the attack."},
}

// words reads a corpus and counts its distinct words, per language.
func words(t *testing.T, data []byte) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "each line is a record")
		require.NotEmpty(t, r.Text)
		if out[r.Lang] == nil {
			out[r.Lang] = map[string]bool{}
		}
		for _, w := range strings.Fields(r.Text) {
			out[r.Lang][w] = true
		}
	}
	require.NoError(t, sc.Err())
	return out
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name       string
		vocabulary int
		minWords   int // distinct words per language, at least
		maxWords   int // and at most
	}{
		{name: "recombined sentences only", maxWords: 16},
		{name: "with a made-up vocabulary", vocabulary: 100000, minWords: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Seed: 7, Bytes: 200000, Sources: sources, Vocabulary: tt.vocabulary}
			var a, b bytes.Buffer
			st, err := Write(&a, opts)
			require.NoError(t, err)
			_, err = Write(&b, opts)
			require.NoError(t, err)
			assert.Equal(t, a.Bytes(), b.Bytes(), "the same seed gives the same bytes")
			assert.Equal(t, int64(a.Len()), st.Bytes)
			assert.GreaterOrEqual(t, st.Bytes, opts.Bytes)

			for _, lang := range []string{"ar", "en"} {
				ws := words(t, a.Bytes())[lang]
				require.NotNil(t, ws, lang)
				assert.GreaterOrEqual(t, len(ws), tt.minWords, lang)
				if tt.maxWords > 0 {
					assert.LessOrEqual(t, len(ws), tt.maxWords, lang)
				}
			}
		})
	}
}

func TestMadeUpWords(t *testing.T) {
	seen := map[string]uint64{}
	for k := range uint64(20000) {
		for _, lang := range []string{"ar", "en"} {
			w := string(appendMadeUpWord(nil, lang, k, false))
			n := len([]rune(w))
			require.True(t, n >= 4 && n <= 8, "%q has %d letters", w, n)
			if k < 100 {
				assert.Equal(t, 4, n, "the frequent words are short: %q", w)
			}
			assert.Equal(t, w, string(appendMadeUpWord(nil, lang, k, false)), "a word follows from k alone")
			if prev, ok := seen[lang+w]; ok {
				t.Errorf("words %d and %d are both %q", prev, k, w)
			}
			seen[lang+w] = k
		}
	}
	assert.Equal(t, "Babe", string(appendMadeUpWord(nil, "en", 1, true)), "capitalised like the word it replaces")
}

func TestVariedKeepsPunctuation(t *testing.T) {
	// every long word replaced: the punctuation around the words, the short
	// words and the words with a dot or a digit stay as they were
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, 1.1, 8, 1000)
	s := string(appendVaried(nil, `(Officials) said, at 5 p.m.: "drones". x2000`, "en", 1, rng, zipf))
	fields := strings.Fields(s)
	require.Len(t, fields, 7, s)
	assert.Regexp(t, `^\([A-Z][a-z]{3,7}\)$`, fields[0])
	assert.Regexp(t, `^[a-z]{4,8},$`, fields[1])
	assert.Equal(t, []string{"at", "5", "p.m.:"}, fields[2:5])
	assert.Regexp(t, `^"[a-z]{4,8}"\.$`, fields[5])
	assert.Equal(t, "x2000", fields[6])
}
