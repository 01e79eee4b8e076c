package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads every article of paths and returns them with the problems as strings.
func readAll(t testing.TB, paths []string, stdin io.Reader, opts Options) ([]*events.Article, []string) {
	t.Helper()
	var problems []string
	opts.Report = func(p Problem) {
		sev := "error"
		if p.Severity == Warning {
			sev = "warning"
		}
		problems = append(problems, sev+": "+p.Error())
	}
	r := NewReader(paths, stdin, opts)
	defer r.Close()
	var out []*events.Article
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		out = append(out, a)
	}
	return out, problems
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestTextArticleFrontMatter(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a1.txt", "---\nid: ar-1\npublished: 2024-01-25\nlang: ar\nsource: AFP\nurl: https://example.org/1\ntitle: \"عنوان: تجريبي\"\ntags: [x, y]\n---\nالسطر الأول.\nالسطر الثاني.\n")
	arts, problems := readAll(t, []string{p}, nil, Options{})
	require.Len(t, arts, 1)
	assert.Empty(t, problems)
	a := arts[0]
	assert.Equal(t, "ar-1", a.ID)
	assert.Equal(t, "2024-01-25", a.Published)
	assert.Equal(t, "ar", a.Lang)
	assert.Equal(t, "AFP", a.Source)
	assert.Equal(t, "https://example.org/1", a.URL)
	assert.Equal(t, "عنوان: تجريبي", a.Title)
	assert.Equal(t, "السطر الأول.\nالسطر الثاني.\n", a.Text)
	assert.Equal(t, 10, a.Line)
}

func TestDefaultsFromOptions(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "story-7.md", "Body only.")
	arts, problems := readAll(t, []string{p}, nil, Options{Published: "2024-02-01", Lang: "en", Source: "Reuters"})
	require.Len(t, arts, 1)
	assert.Empty(t, problems)
	assert.Equal(t, "story-7", arts[0].ID)
	assert.Equal(t, "2024-02-01", arts[0].Published)
	assert.Equal(t, "en", arts[0].Lang)
	assert.Equal(t, "Reuters", arts[0].Source)
}

func TestMetadataWinsOverFlags(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "x.txt", "---\npublished: 2024-01-25T23:30:00+03:00\nsource: AFP\n---\nنص.")
	arts, _ := readAll(t, []string{p}, nil, Options{Published: "2020-01-01", Source: "Other"})
	require.Len(t, arts, 1)
	assert.Equal(t, "2024-01-25", arts[0].Published)
	assert.Equal(t, "AFP", arts[0].Source)
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "corpus.jsonl", strings.Join([]string{
		`{"id":"a","text":"First.","published":"2024-01-25","lang":"en","source":"AP","url":"u","title":"t"}`,
		``,
		`not json`,
		`{"id":"b"}`,
		`{"id":7,"text":"Seventh.","published":"2024-02-30"}`,
		`{"text":"No id.","published":"2024-01-01"}`,
	}, "\n")+"\n")
	arts, problems := readAll(t, []string{p}, nil, Options{})
	require.Len(t, arts, 3)
	assert.Equal(t, "a", arts[0].ID)
	assert.Equal(t, "AP", arts[0].Source)
	assert.Equal(t, 1, arts[0].Line)
	assert.Equal(t, "7", arts[1].ID)
	assert.Equal(t, "", arts[1].Published, "an impossible date is not used")
	assert.Equal(t, "corpus-6", arts[2].ID)
	assert.Equal(t, []string{
		"error: " + p + ":3: not a JSON object: invalid character 'o' in literal null (expecting 'u') (at byte 2)",
		"error: " + p + `:4: no "text" field`,
		"error: " + p + `:5: published: not a usable publication date: "2024-02-30" (want YYYY-MM-DD)`,
		"warning: " + p + ":5: article 7 has no publication date: relative dates stay unknown",
	}, problems)
}

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a-good.txt", "---\nid: good\npublished: 2024-01-25\n---\nGood text.")
	write(t, dir, "b-binary.txt", "abc\x00\x01\x02")
	write(t, dir, "c-empty.txt", "")
	write(t, dir, "d-unterminated.md", "---\nid: x\npublished: 2024-01-25\nBody without closing.")
	write(t, dir, "e-badutf8.txt", "---\npublished: 2024-01-25\n---\nbad \xff\xfe bytes\r\nline two\rline three")
	write(t, dir, "f-bom.txt", "\ufeff---\nid: bom\npublished: 2024-01-25\n---\nWith BOM.")
	write(t, dir, "g-baddate.txt", "---\nid: g\npublished: 2024-02-30\n---\nText.")
	write(t, dir, "ignored.json", "{}")
	write(t, dir, ".hidden/h.txt", "hidden")
	write(t, dir, "sub/z.txt", "---\nid: z\npublished: 2024-01-25\n---\nNested.")
	arts, problems := readAll(t, []string{dir, filepath.Join(dir, "missing.txt")}, nil, Options{})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"good", "e-badutf8", "bom", "g", "z"}, ids)
	assert.Equal(t, "bad \ufffd bytes\nline two\nline three", arts[1].Text)
	assert.Equal(t, "With BOM.", arts[2].Text)
	assert.Equal(t, []string{
		"error: " + filepath.Join(dir, "b-binary.txt") + ": binary file (NUL bytes), skipped",
		"error: " + filepath.Join(dir, "c-empty.txt") + ":1: no article text",
		"error: " + filepath.Join(dir, "d-unterminated.md") + ":1: front matter: opened on line 1 and never closed with ---",
		"warning: " + filepath.Join(dir, "e-badutf8.txt") + ": invalid UTF-8 replaced by U+FFFD",
		"error: " + filepath.Join(dir, "g-baddate.txt") + `:3: published: not a usable publication date: "2024-02-30" (want YYYY-MM-DD)`,
		"warning: " + filepath.Join(dir, "g-baddate.txt") + ": article g has no publication date: relative dates stay unknown",
		"error: " + filepath.Join(dir, "missing.txt") + ": no such file or directory",
	}, problems)
}

func TestEmptyFolderAndBadYAML(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))
	bad := write(t, dir, "bad.txt", "---\nid: [unclosed\n---\nText.")
	badLang := write(t, dir, "lang.txt", "---\nlang: fr\n---\nTexte.")
	arts, problems := readAll(t, []string{empty, bad, badLang}, nil, Options{Published: "2024-01-01"})
	assert.Len(t, arts, 2, "bad metadata is reported, the text still goes through")
	require.Len(t, problems, 3)
	assert.Equal(t, "error: "+empty+": no articles found (.txt, .md, .jsonl)", problems[0])
	assert.True(t, strings.HasPrefix(problems[1], "error: "+bad+":"), problems[1])
	assert.Equal(t, "error: "+badLang+`:2: lang: unsupported language: "fr" (want ar, en or auto)`, problems[2])
}

func TestStdin(t *testing.T) {
	arts, _ := readAll(t, []string{"-"}, strings.NewReader("---\nid: s\n---\nFrom stdin."), Options{Published: "2024-01-01"})
	require.Len(t, arts, 1)
	assert.Equal(t, "s", arts[0].ID)
	arts, _ = readAll(t, []string{"-"}, strings.NewReader("{\"text\":\"one\"}\n{\"text\":\"two\"}\n"), Options{Published: "2024-01-01"})
	require.Len(t, arts, 2)
	assert.Equal(t, "stdin-2", arts[1].ID)
}

func TestLongLine(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("كلمة ", 300000) // 3 MB on one line
	p := write(t, dir, "big.jsonl", `{"id":"big","text":"`+long+`"}`+"\n"+`{"id":"next","text":"x"}`)
	arts, _ := readAll(t, []string{p}, nil, Options{})
	require.Len(t, arts, 2)
	assert.Equal(t, len(long), len(arts[0].Text))
	assert.Equal(t, "next", arts[1].ID)
}

func TestParsePublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-01-25", "2024-01-25"},
		{"2024-01-25T08:30:00Z", "2024-01-25"},
		{"2024-01-25 08:30", "2024-01-25"},
		{"2024-02-30", ""},
		{"25/01/2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePublished(tt.in)
			if tt.want == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestJSONLCleaning(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "clean.jsonl", "\ufeff"+strings.Join([]string{
		"{\"id\":\"bad\",\"text\":\"bad \xff\xfe bytes\"}",
		`{"id":"cr","text":"\ufeffone\r\ntwo\rthree"}`,
		"{\"id\":\"bad2\",\"text\":\"again \xff\"}",
		`{"id":"last","text":"no final line end"}`,
	}, "\r\n"))
	arts, problems := readAll(t, []string{p}, nil, Options{Published: "2024-01-01"})
	require.Len(t, arts, 4)
	tests := []struct{ id, text string }{
		{"bad", "bad \ufffd\ufffd bytes"},
		{"cr", "one\ntwo\nthree"},
		{"bad2", "again \ufffd"},
		{"last", "no final line end"},
	}
	for i, tt := range tests {
		assert.Equal(t, tt.id, arts[i].ID)
		assert.Equal(t, tt.text, arts[i].Text, tt.id)
		assert.Equal(t, i+1, arts[i].Line, tt.id)
	}
	assert.Equal(t, []string{"warning: " + p + ":1: invalid UTF-8 replaced by U+FFFD (reported once per file)"}, problems)
}

// TestRepeatedIDs checks the warning for an article id used twice: within
// a JSON Lines file, across files, and for a text file's id from its name.
func TestRepeatedIDs(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.jsonl", `{"id":"x","published":"2024-01-05","text":"one"}
{"id":"y","published":"2024-01-05","text":"two"}
{"id":"x","published":"2024-01-05","text":"three"}
`)
	b := write(t, dir, "b.jsonl", `{"id":"y","published":"2024-01-05","text":"four"}
{"id":"z","published":"2024-01-05","text":"five"}
{"id":"note","published":"2024-01-05","text":"six"}
`)
	c := write(t, dir, "note.txt", "---\npublished: 2024-01-05\n---\nseven\n")
	arts, problems := readAll(t, []string{a, b, c}, nil, Options{})
	require.Len(t, arts, 7, "a repeated id is a warning: the article is read")
	assert.Equal(t, []string{
		"warning: " + a + `:3: article id "x" was already used by ` + a + ":1: event ids will repeat",
		"warning: " + b + `:1: article id "y" was already used by ` + a + ":2: event ids will repeat",
		"warning: " + c + `: article id "note" was already used by ` + b + ":3: event ids will repeat",
	}, problems)
}

// TestRepeatedIDsBounded checks that past maxSeenIDs ids the Reader keeps
// no more, says so once, and still checks the ids it kept.
func TestRepeatedIDsBounded(t *testing.T) {
	defer func(n int) { maxSeenIDs = n }(maxSeenIDs)
	maxSeenIDs = 2
	dir := t.TempDir()
	a := write(t, dir, "a.jsonl", `{"id":"x","published":"2024-01-05","text":"one"}
{"id":"y","published":"2024-01-05","text":"two"}
{"id":"z","published":"2024-01-05","text":"three"}
{"id":"z","published":"2024-01-05","text":"four"}
{"id":"x","published":"2024-01-05","text":"five"}
`)
	arts, problems := readAll(t, []string{a}, nil, Options{})
	require.Len(t, arts, 5)
	assert.Equal(t, []string{
		"warning: " + a + ":3: 2 article ids read: the later ones are checked against these only, not against each other, so that memory stays bounded",
		"warning: " + a + `:5: article id "x" was already used by ` + a + ":1: event ids will repeat",
	}, problems, "z, not kept, repeats unnoticed; x, kept, does not")
}
