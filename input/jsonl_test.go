package input

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONLDecoderPaths(t *testing.T) {
	tests := []struct {
		name, line string
		fast       bool // the fast path takes the line
		text, id   string
	}{
		{"plain", `{"id":"a","text":"نص \"مقتبس\"\nسطر","published":"2024-01-25","lang":"ar"}`, true, "نص \"مقتبس\"\nسطر", "a"},
		{"numeric id", `{"id":7,"text":"x"}`, true, "x", "7"},
		{"null id", `{"id":null,"text":"x"}`, true, "x", ""},
		{"escapes", `{"text":"\u0646\u0635 \/ \\ \t"}`, true, "نص / \\ \t", ""},
		{"other keys", `{"extra":[1,{"a":"\u0041"}],"n":-1.5e3,"text":"x","ok":true}`, true, "x", ""},
		{"key in another case", `{"Text":"x"}`, false, "x", ""},
		{"both cases", `{"text":"x","TEXT":"y"}`, false, "y", ""},
		{"repeated key", `{"text":"x","text":"y"}`, false, "y", ""},
		{"non-ASCII key", `{"teſt":"x","text":"y"}`, false, "y", ""},
		{"surrogate pair", `{"text":"\ud83d\ude00"}`, false, "😀", ""},
		{"lone surrogate", `{"text":"a\ud800b"}`, false, "a\ufffdb", ""},
		{"control byte", "{\"text\":\"a\tb\"}", false, "", ""},
		{"invalid UTF-8", "{\"text\":\"a\xffb\"}", false, "a\ufffdb", ""},
		{"text not a string", `{"text":5}`, false, "", ""},
		{"id an array", `{"id":[1],"text":"x"}`, false, "x", ""},
		{"not an object", `["text"]`, false, "", ""},
		{"syntax error", `{"text":"x",}`, false, "", ""},
	}
	var d jsonlDecoder
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fast := d.fast([]byte(tt.line))
			fast = fast && utf8.Valid([]byte(tt.line))
			assert.Equal(t, tt.fast, fast)
			got, err := d.decode([]byte(tt.line), utf8.Valid([]byte(tt.line)))
			want, wantErr := decodeStd([]byte(tt.line))
			assert.Equal(t, want, got)
			assert.Equal(t, wantErr, err)
			if err == nil && got.text != nil {
				assert.Equal(t, tt.text, *got.text)
				assert.Equal(t, tt.id, got.id)
			}
		})
	}
}

// FuzzJSONLDecoders checks that the fast path means what encoding/json
// means on every line it takes.
func FuzzJSONLDecoders(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x\u0627","published":"2024-01-25","lang":"en","source":"AP","url":"u","title":"t"}`,
		`{"id":7,"text":"a\nb"}`, `{"TEXT":"x","text":"y"}`, "{\"text\":\"\xff\"}", `{"text":"\ud800"}`,
		`{"text":null,"lang":null}`, `{"id":[1]}`, `{"x":{"y":[1,2,{"z":null}]},"text":"q"}`, `{"id":-0.5e+3}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) {
			return
		}
		var d jsonlDecoder
		got, ok := d.fast(line)
		if !ok {
			return
		}
		want, err := decodeStd(line)
		require.NoError(t, err, "the fast path took a line encoding/json rejects: %q", line)
		require.Equal(t, want, got, "%q", line)
	})
}
