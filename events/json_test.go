package events

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONStringEscapes checks the string writer against encoding/json
// (which also escapes <, > and &, left as they are here).
func TestJSONStringEscapes(t *testing.T) {
	for _, s := range []string{
		"", "plain", "قال \"مسؤول\" إنّ\n3 طائرات\t\\ مسيّرة", "line\u2028sep\u2029par", "ctl\x01\x1f\x7f",
		"\xe2\x80\xa8", "<a href='x'>&</a>",
	} {
		got := appendJSONString(nil, s)
		want, err := json.Marshal(s)
		require.NoError(t, err)
		w := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(want))
		assert.Equal(t, w, string(got), "%q", s)
	}
	// invalid UTF-8: each bad byte is one \ufffd
	for s, want := range map[string]string{
		"bad\xffutf8\xe2\x80": `"bad\ufffdutf8\ufffd\ufffd"`,
		"\xe2\x80\xa8\xff\n":  `"\u2028\ufffd\n"`,
	} {
		assert.Equal(t, want, string(appendJSONString(nil, s)), "%q", s)
	}
}

// TestAppendNumberMatchesGet checks that every numeric field appends the
// text Get returns, and says unknown exactly when Get returns "".
func TestAppendNumberMatchesGet(t *testing.T) {
	evs := []Event{{}, {Latitude: Float(33.3125), Longitude: Float(-44.5), Count: Int(150), Fatalities: Int(0),
		Injuries: Int(12345678), SentenceIndex: 7, CharStart: 1234567, CharEnd: 1234600, Confidence: 0.85}}
	for _, f := range Fields {
		if f.Kind != KindInteger && f.Kind != KindNumber {
			continue
		}
		require.NotNil(t, f.appendNumber, f.Name)
		for i := range evs {
			got, ok := f.appendNumber([]byte("x"), &evs[i])
			want := f.Get(&evs[i])
			assert.Equal(t, want != "", ok, f.Name)
			assert.Equal(t, "x"+want, string(got), f.Name)
		}
	}
}
