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
func (e *Event) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i := range Fields {
		f := &Fields[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, jsonKeys[i]...)
		if f.appendNumber != nil {
			num, ok := f.appendNumber(dst, e)
			switch {
			case ok || f.Required:
				dst = num
			default:
				dst = append(dst, "null"...)
			}
			continue
		}
		v := f.Get(e)
		switch {
		case v == "" && !f.Required:
			dst = append(dst, "null"...)
		case f.Kind == KindInteger || f.Kind == KindNumber:
			dst = append(dst, v...)
		default:
			dst = appendJSONString(dst, v)
		}
	}
	return append(dst, '}')
}

// appendJSONString appends s as a JSON string without escaping HTML
// characters or non-ASCII text, so Arabic stays readable. Invalid UTF-8
// becomes U+FFFD. It is one pass over the bytes: ASCII and two-byte
// sequences (Arabic) are checked inline, longer sequences by the utf8
// package; runs that need no escape are copied whole.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if jsonSafe[c] {
				i++
				continue
			}
			dst = appendEscape(append(dst, s[start:i]...), c)
			i++
			start = i
			continue
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // a valid two-byte sequence
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
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonKeys holds each field's key as AppendJSON writes it: "name":.
var jsonKeys = func() []string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = string(appendJSONString(nil, f.Name)) + ":"
	}
	return keys
}()

// jsonSafe tells the ASCII bytes written as they are in a JSON string.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
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
