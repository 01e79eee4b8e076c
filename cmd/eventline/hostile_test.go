package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileCorpus runs extract over a folder of broken and hostile files:
// each bad one gets one clear line naming it, the good ones still come out,
// the output is valid, and nothing panics.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "corpus")
	good := "---\nid: good-en\npublished: 2024-01-25\nlang: en\n---\nU.S. forces shot down two drones over the Red Sea on Thursday, the military said.\n"
	goodAr := "\ufeff---\r\nid: good-ar\r\npublished: 2024-01-25\r\nlang: ar\r\n---\r\nوأعلنت وزارة الدفاع الأميركية الخميس أن قواتها أسقطت طائرتين مسيرتين فوق البحر الأحمر.\r\n"
	bigSize := 50 << 20
	if testing.Short() {
		bigSize = 2 << 20
	}
	// 50 MB on one line: an event at the start, then filler with no end
	// mark (the splitter cuts run-ons, the parser must stay linear).
	big := "---\nid: big\npublished: 2024-01-25\nlang: en\n---\nThe militia attacked the base on Tuesday. " +
		strings.Repeat("and the long report went on ", bigSize/28) + "\n"
	files := map[string]string{
		"a-good.txt":          good,
		"b-good-crlf-bom.txt": goodAr,
		"c-lone-cr.txt":       "---\rid: cr\rpublished: 2024-01-25\rlang: en\r---\rRebels attacked the town on Monday.\r",
		"d-badutf8.txt":       "---\nid: badutf8\npublished: 2024-01-25\nlang: en\n---\nGunmen \xff\xfe attacked a checkpoint on Wednesday.\n",
		"e-binary.txt":        "\x7fELF\x02\x01\x01\x00\x00\x00\x00",
		"f-empty.txt":         "",
		"g-unterminated.md":   "---\nid: open\npublished: 2024-01-25\nThe front matter never ends.\n",
		"h-baddate.txt":       "---\nid: baddate\npublished: 2024-02-30\nlang: en\n---\nTroops were deployed on Friday.\n",
		"i-corpus.jsonl":      "{\"id\":\"j1\",\"text\":\"Protesters rallied in Baghdad on Friday.\",\"published\":\"2024-01-26\",\"lang\":\"en\"}\nthis is not json\n{\"id\":\"j3\"}\n",
		"j-big.txt":           big,
		"k-nul-inside.txt":    "---\nid: nul\n---\nA\x00B",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(in, name), content)
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "empty-folder"), 0o755))
	out := filepath.Join(dir, "out.jsonl")
	code, _, stderr := runCLI(t, "", "extract", in, filepath.Join(dir, "does-not-exist"), filepath.Join(dir, "empty-folder"), "-o", out)

	assert.Equal(t, 1, code)
	assert.NotContains(t, stderr, "panic:")
	assert.NotContains(t, stderr, "goroutine")
	for _, want := range []string{
		filepath.Join(in, "d-badutf8.txt") + ": invalid UTF-8 replaced by U+FFFD (warning)",
		filepath.Join(in, "e-binary.txt") + ": binary file (NUL bytes), skipped",
		filepath.Join(in, "f-empty.txt") + ":1: no article text",
		filepath.Join(in, "g-unterminated.md") + ":1: front matter: opened on line 1 and never closed with ---",
		filepath.Join(in, "h-baddate.txt") + `:3: published: not a usable publication date: "2024-02-30" (want YYYY-MM-DD)`,
		filepath.Join(in, "i-corpus.jsonl") + ":2: not a JSON object",
		filepath.Join(in, "i-corpus.jsonl") + `:3: no "text" field`,
		filepath.Join(in, "k-nul-inside.txt") + ": binary file (NUL bytes), skipped",
		filepath.Join(dir, "does-not-exist") + ": no such file or directory",
		filepath.Join(dir, "empty-folder") + ": no articles found",
	} {
		assert.Contains(t, stderr, want)
	}

	// The output is valid JSON Lines holding the good articles' events.
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	docs := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var e events.Event
		require.NoError(t, json.Unmarshal(sc.Bytes(), &e))
		assert.Empty(t, e.Validate(), e.ID)
		docs[e.DocID]++
	}
	require.NoError(t, sc.Err())
	for _, id := range []string{"good-en", "good-ar", "cr", "badutf8", "baddate", "j1", "big"} {
		assert.Greater(t, docs[id], 0, "events of %s", id)
	}
}
