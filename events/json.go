package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"unicode/utf8"
)

// MarshalJSON writes the record as one JSON object with the 33 fields in
// EVENTS.md order; unknown values are null, integers and numbers are JSON
// numbers.
func (e Event) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(make([]byte, 0, 512+len(e.Sentence)*2)), nil
}

// AppendJSON appends the record as MarshalJSON writes it to dst and returns
// the extended slice.
func (e *Event) AppendJSON(dst []byte) []byte { return appendJSONFixed(dst, e, nil) }

//go:generate go test -run ^TestJSONWriterGenerated$ -update

// JSONEncoder appends records as AppendJSON does, faster for a run of events
// of one article: it escapes a shared field (the article's doc_id, url,
// source…, the sentence) once for the events in a row that have the same
// value. It is not safe for concurrent use; the zero value is ready to use.
type JSONEncoder struct {
	slots [jsonSharedFields]jsonSlot
}

// jsonSlot holds the last value of a shared field and its escaped text.
type jsonSlot struct {
	s   string
	esc []byte
}

// Append appends the record of e to dst, as e.AppendJSON(dst) does, and
// returns the extended slice.
func (c *JSONEncoder) Append(dst []byte, e *Event) []byte { return appendJSONFixed(dst, e, c) }

// appendShared appends the escaped text of s, the value of the shared field
// of slot k, from the slot when s is its last value. A nil c escapes s.
func (c *JSONEncoder) appendShared(dst []byte, k int, s string) []byte {
	if c == nil {
		return appendJSONBody(dst, s)
	}
	sl := &c.slots[k]
	if s == sl.s { // the same text (one comparison of pointers when it is the same string) has the same escape
		return append(dst, sl.esc...)
	}
	start := len(dst)
	dst = appendJSONBody(dst, s)
	sl.s = s
	sl.esc = append(sl.esc[:0], dst[start:]...)
	return dst
}

// appendJSONString appends s as a JSON string without escaping HTML
// characters or non-ASCII text, so Arabic stays readable. Invalid UTF-8
// becomes U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONBody(dst, s)
	return append(dst, '"')
}

// appendJSONBody appends s as the text between the quotes of a JSON string
// (appendJSONString). Runs that need no escape, found by plainPrefix, are
// copied whole; the bytes between them are handled one by one.
func appendJSONBody(dst []byte, s string) []byte {
	start := 0
	for i := 0; ; {
		i += plainPrefix(s[i:])
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			dst = appendEscape(append(dst, s[start:i]...), c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(append(dst, s[start:i]...), `\u202`...)
			dst = append(dst, hexDigits[r&0xF])
		default:
			i += size // a longer sequence, valid
			continue
		}
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}

// plainPrefix returns the length of the longest prefix of s made of ASCII
// bytes that need no escape and valid two-byte sequences (Arabic), which
// appendJSONBody copies as they are. It checks them inline, in a loop kept
// apart so that it holds its few variables in registers.
func plainPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if jsonSafe[c] {
			i++
			continue
		}
		for c >= 0xC2 && c < 0xE0 { // a run of two-byte sequences, as Arabic words are
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return i
			}
			if i += 2; i >= len(s) {
				return i
			}
			c = s[i]
		}
		if !jsonSafe[c] {
			return i
		}
	}
	return i
}

// jsonSafe tells the bytes written as they are in a JSON string on their
// own: the ASCII ones but quote, backslash and control characters.
var jsonSafe = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendEscape appends the escape of the ASCII byte c (a quote, a backslash
// or a control character).
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, `\n`...)
	case '\r':
		return append(dst, `\r`...)
	case '\t':
		return append(dst, `\t`...)
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// UnmarshalJSON reads a record written by MarshalJSON. Fields may be absent
// or null (unknown); numbers may also be given as strings. Unknown keys are
// an error, as is a value of the wrong type or outside its field's set.
func (e *Event) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	*e = Event{}
	errs := DecodeFields(e, raw)
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// DecodeFields sets e's fields from the raw JSON values of an object and
// returns a *FieldError for each key that is unknown or whose value is
// malformed, in field order (unknown keys last, sorted).
func DecodeFields(e *Event, raw map[string]json.RawMessage) []error {
	var errs []error
	for _, f := range Fields {
		msg, ok := raw[f.Name]
		if !ok {
			continue
		}
		s, err := jsonScalar(msg, f.Kind)
		if err == nil {
			err = f.Set(e, s)
		}
		if err != nil {
			errs = append(errs, &FieldError{f.Name, err})
		}
	}
	var unknown []string
	for k := range raw {
		if _, ok := FieldByName(k); !ok {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		errs = append(errs, &FieldError{k, fmt.Errorf("is not a field of the record")})
	}
	return errs
}

// jsonScalar turns a JSON value into the text form Field.Set reads.
func jsonScalar(msg json.RawMessage, k Kind) (string, error) {
	t := bytes.TrimSpace(msg)
	if len(t) == 0 || string(t) == "null" {
		return "", nil
	}
	switch t[0] {
	case '"':
		var s string
		if err := json.Unmarshal(t, &s); err != nil {
			return "", err
		}
		return s, nil
	case '{', '[':
		return "", fmt.Errorf("want a %s, got %s", k, kindOfJSON(t[0]))
	case 't', 'f':
		return "", fmt.Errorf("want a %s, got a boolean", k)
	}
	if k != KindInteger && k != KindNumber {
		return "", fmt.Errorf("want a %s, got the number %s", k, t)
	}
	return string(t), nil
}

func kindOfJSON(c byte) string {
	if c == '{' {
		return "an object"
	}
	return "an array"
}
