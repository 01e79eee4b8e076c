package input

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
	fastutf8 "github.com/segmentio/asm/utf8"
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

// FuzzValidUTF8: the vectorised check the reader uses (segmentio/asm)
// agrees with the standard library on every input, the overlong forms,
// surrogates and code points past U+10FFFF included.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{
		"", "ascii only", "قصف إسرائيلي على غزة", "a\xffb", "\xc0\xaf", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xf0\x9f\x98\x80", strings.Repeat("نص ", 40) + "\xd8",
		strings.Repeat("x", 63) + "\xe2\x82", "\xef\xbb\xbf{\"text\":\"\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := fastutf8.Valid(b), utf8.Valid(b); got != want {
			t.Fatalf("Valid(%q) = %v, want %v", b, got, want)
		}
	})
}
