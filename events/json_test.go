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

// jsonTestEvents returns events that give every field each of its forms:
// unknown, zero, empty, escaped, Arabic, invalid UTF-8, negative.
func jsonTestEvents() []Event {
	full := Event{ID: "d-s7-e0", DocID: "d", Published: "2024-01-25", Date: "2024-01-23", DateEnd: "2024-01-24",
		DatePrecision: PrecisionDay, DateText: "الثلاثاء", EventType: Airstrike, Actor1: "United States", Actor2: "Kataib \"Hezbollah\"",
		Location: "Jurf al-Sakhar", Country: "IQ", Latitude: Float(33.3125), Longitude: Float(-44.5), Count: Int(150),
		CountQualifier: Approx, CountUnit: "soldier", Fatalities: Int(0), Injuries: Int(12345678), Quote: "he said:\n\"no\"",
		Lang: "ar", Source: "AFP", URL: "https://example.org/a?b=1&c=<2>", SentenceIndex: 7, CharStart: 1234567, CharEnd: 1234600,
		Sentence: "واستهدفت واشنطن \"كتائب حزب الله\"،\tيوم الثلاثاء\u2028.", ACLEDEventType: "Explosions/Remote violence",
		ACLEDSubEventType: "Air/drone strike", PLOVER: "AERIAL", Confidence: 0.85, Trigger: "استهدفت", Context: Reported}
	odd := full
	odd.Sentence, odd.Trigger, odd.DocID, odd.URL = "bad\xffutf8\xe2\x80", "\x01\x1f", "", ""
	odd.Latitude, odd.Longitude, odd.Confidence, odd.SentenceIndex, odd.CharStart = Float(-0.000001), Float(180), 1, -3, 0
	return []Event{{}, full, odd, {ID: "x", Sentence: "s", Confidence: 0.25, Lang: "en"}}
}

// TestAppendJSONMatchesGeneric checks the generated writer, with and without
// a JSONEncoder, against the one that reads Fields (appendJSONGeneric), for
// events alone and in runs that share some values and not others.
func TestAppendJSONMatchesGeneric(t *testing.T) {
	evs := jsonTestEvents()
	var c JSONEncoder
	for _, i := range []int{1, 1, 0, 2, 2, 1, 3, 0, 0, 1, 2, 3, 3} {
		e := &evs[i]
		want := string(appendJSONGeneric([]byte("x"), e))
		assert.Equal(t, want, string(e.AppendJSON([]byte("x"))), "event %d", i)
		assert.Equal(t, want, string(c.Append([]byte("x"), e)), "event %d with an encoder", i)
		require.True(t, json.Valid([]byte(want[1:])), want)
	}
	// the same text in another string, and a string changed in place of
	// the encoder's last value, are escaped as themselves
	e := evs[1]
	e.Sentence = string([]byte(evs[1].Sentence))
	assert.Equal(t, string(appendJSONGeneric(nil, &e)), string(c.Append(nil, &e)))
	e.Sentence = e.Sentence[:len(e.Sentence)-3]
	e.URL = evs[1].URL[:10]
	assert.Equal(t, string(appendJSONGeneric(nil, &e)), string(c.Append(nil, &e)))
}

// FuzzAppendJSON checks the generated writer against appendJSONGeneric on
// arbitrary text in the string fields, shared or not.
func FuzzAppendJSON(f *testing.F) {
	f.Add("واستهدفت \"x\"", "d", "https://x/\u2028", 3, 0.5, true)
	f.Add("bad\xff", "", "", -1, 1e-9, false)
	f.Fuzz(func(t *testing.T, sentence, doc, url string, n int, conf float64, withCount bool) {
		var c JSONEncoder
		evs := jsonTestEvents()
		for i := range evs {
			e := &evs[i]
			e.Sentence, e.DocID, e.URL, e.Quote, e.CharEnd, e.Confidence = sentence, doc, url, sentence[len(sentence)/2:], n, conf
			if withCount {
				e.Count = Int(n)
			}
			want := string(appendJSONGeneric(nil, e))
			assert.Equal(t, want, string(e.AppendJSON(nil)))
			assert.Equal(t, want, string(c.Append(nil, e)))
			assert.Equal(t, want, string(c.Append(nil, e)))
		}
	})
}
