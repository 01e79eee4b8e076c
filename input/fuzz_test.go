package input

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
)

// drain reads every article of a reader over stdin data and checks the
// invariants a caller relies on.
func drain(t *testing.T, data []byte) {
	r := NewReader([]string{"-"}, bytes.NewReader(data), Options{Report: func(p Problem) {
		if p.Error() == "" {
			t.Fatal("empty problem message")
		}
	}})
	defer r.Close()
	for i := 0; i < 1_000_000; i++ {
		a, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("Next returned %v", err)
		}
		checkArticle(t, a)
	}
	t.Fatal("reader did not end")
}

func checkArticle(t *testing.T, a *events.Article) {
	if a.ID == "" {
		t.Fatal("article without id")
	}
	if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, '\r') {
		t.Fatalf("body not cleaned: %q", a.Text)
	}
	if a.Published != "" {
		if _, err := events.ParseDate(a.Published); err != nil {
			t.Fatalf("bad published %q", a.Published)
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\nid: x\n---\nbody", "---\nid: [\n---\nx", "---\n...\nbody",
		"\ufeff---\r\nid: a\r\npublished: 2024-02-30\r\n---\r\nنص", "---\npublished: 2024-01-25T10:00:00Z\nlang: ar\n---\n٢٠٢٤",
		"---\n- a\n- b\n---\nx", "---\nid: &a x\nsource: *a\n---\ny", "\x00\x01", "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && data[0] == '{' {
			data = append([]byte(" "), data...) // keep this target on text articles
		}
		drain(t, data)
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"{}", "{\"text\":\"x\"}\n", "{\"text\":null}", "{\"id\":1.5,\"text\":\"a\"}\nnot json\n{",
		"{\"text\":\"a\\u0000b\",\"published\":\"2024-01-25\"}", "{\"text\":\"\xff\"}\n\n\n", "{\"text\":[1]}", "{\"id\":{},\"text\":\"x\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		drain(t, append([]byte("{\"text\":\"first\"}\n"), data...))
	})
}
