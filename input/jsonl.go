package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// jsonlRecord is one article of a JSON Lines corpus, as encoding/json
// decodes it.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Published json.RawMessage `json:"published"`
	Lang      *string         `json:"lang"`
	Source    *string         `json:"source"`
	URL       *string         `json:"url"`
	Title     *string         `json:"title"`
}

// jsonlFields are the fields of one JSON Lines record, decoded: the string
// fields are nil when absent or null, id and published are read as text
// (scalarText), with the error of a value of the wrong kind.
type jsonlFields struct {
	text, lang, source, url, title *string
	id, published                  string
	idErr, publishedErr            error
}

// jsonlDecoder decodes JSON Lines records. encoding/json is the reference:
// its meaning of every line and its error messages are what the reader
// reports. Most lines take a path about ten times faster (valyala/fastjson):
// a line of valid UTF-8 and valid JSON, one object whose keys are the
// record's field names or unrelated names, each field at most once, with a
// value of its kind. Anything else (invalid UTF-8, control bytes, \u escapes
// of surrogates, keys that differ from a field name only in case, repeated
// fields, values of the wrong kind, syntax errors) goes to encoding/json.
// FuzzJSONLDecoders checks that the two agree on every line the fast path
// takes.
type jsonlDecoder struct {
	p fastjson.Parser
}

// decode decodes line, which is valid UTF-8 if valid; err is encoding/json's
// error for a line that is not a JSON object of the record's shape.
func (d *jsonlDecoder) decode(line []byte, valid bool) (jsonlFields, error) {
	if !valid {
		return decodeStd(line)
	}
	if f, ok := d.fast(line); ok {
		return f, nil
	}
	return decodeStd(line)
}

// decodeStd decodes line with encoding/json.
func decodeStd(line []byte) (jsonlFields, error) {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return jsonlFields{}, err
	}
	f := jsonlFields{text: rec.Text, lang: rec.Lang, source: rec.Source, url: rec.URL, title: rec.Title}
	f.id, f.idErr = scalarText(rec.ID)
	f.published, f.publishedErr = scalarText(rec.Published)
	return f, nil
}

// fast decodes line, which must be valid UTF-8, with fastjson when it can
// mean only what encoding/json makes of it; ok is false otherwise.
func (d *jsonlDecoder) fast(line []byte) (f jsonlFields, ok bool) {
	if !plainJSONText(line) || fastjson.ValidateBytes(line) != nil {
		return f, false
	}
	v, err := d.p.ParseBytes(line)
	if err != nil {
		return f, false
	}
	obj, err := v.Object()
	if err != nil {
		return f, false
	}
	var seen [7]bool
	ok = true
	obj.Visit(func(key []byte, v *fastjson.Value) {
		if !ok {
			return
		}
		i := fieldIndex(key)
		if i < 0 {
			ok = !foldsToField(key)
			return
		}
		if seen[i] {
			ok = false
			return
		}
		seen[i] = true
		switch i {
		case 0, 2: // id, published: a string or a number as text, or null
			var s string
			switch v.Type() {
			case fastjson.TypeString:
				s = string(v.GetStringBytes())
			case fastjson.TypeNumber:
				s = string(v.MarshalTo(nil))
			case fastjson.TypeNull:
			default:
				ok = false
				return
			}
			if i == 0 {
				f.id = s
			} else {
				f.published = s
			}
		default: // a string or null
			var p *string
			switch v.Type() {
			case fastjson.TypeString:
				s := string(v.GetStringBytes())
				p = &s
			case fastjson.TypeNull:
			default:
				ok = false
				return
			}
			switch i {
			case 1:
				f.text = p
			case 3:
				f.lang = p
			case 4:
				f.source = p
			case 5:
				f.url = p
			case 6:
				f.title = p
			}
		}
	})
	return f, ok
}

// jsonlFieldNames are the record's keys, in the index order of fast.
var jsonlFieldNames = [7]string{"id", "text", "published", "lang", "source", "url", "title"}

// fieldIndex is the index of key in jsonlFieldNames, or -1.
func fieldIndex(key []byte) int {
	for i, name := range jsonlFieldNames {
		if string(key) == name {
			return i
		}
	}
	return -1
}

// foldsToField reports whether encoding/json could take key for one of the
// record's fields: it matches names without regard to case (with Unicode's
// folds, so any non-ASCII key is left to it).
func foldsToField(key []byte) bool {
	for _, c := range key {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	for _, name := range jsonlFieldNames {
		if bytes.EqualFold(key, []byte(name)) {
			return true
		}
	}
	return false
}

// plainJSONText reports whether line (valid UTF-8) has no control bytes and
// no \u escape of a UTF-16 surrogate: the lines on which fastjson and
// encoding/json cannot differ in what a string means.
func plainJSONText(line []byte) bool {
	for _, c := range line {
		if c < 0x20 {
			return false
		}
	}
	for rest := line; ; {
		i := bytes.Index(rest, []byte(`\u`))
		if i < 0 {
			return true
		}
		rest = rest[i+2:]
		if len(rest) >= 2 && (rest[0] == 'd' || rest[0] == 'D') && isSurrogateNibble(rest[1]) {
			return false
		}
	}
}

// isSurrogateNibble reports whether c is the second hex digit of a UTF-16
// surrogate (D800–DFFF).
func isSurrogateNibble(c byte) bool {
	return (c >= '8' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// scalarText reads a JSON string or number as text; null and absent are "".
func scalarText(raw json.RawMessage) (string, error) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || string(t) == "null" {
		return "", nil
	}
	if t[0] == '"' {
		var s string
		err := json.Unmarshal(t, &s)
		return s, err
	}
	if (t[0] >= '0' && t[0] <= '9') || t[0] == '-' {
		return string(t), nil
	}
	return "", fmt.Errorf("want a string, got %s", t)
}
