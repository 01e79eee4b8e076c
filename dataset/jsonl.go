package dataset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
)

// readJSONL reads JSON Lines: one object per line; blank lines are skipped.
// A line that is not a JSON object is a file problem and gives no record.
func readJSONL(br *bufio.Reader, name string, fn func(Record) error) ([]Problem, error) {
	var problems []Problem
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return problems, fmt.Errorf("dataset: %s: %w", name, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			at := Place{File: name, Line: line}
			rec, p := decodeRecord(t, at)
			if p != nil {
				problems = append(problems, *p)
			} else if ferr := fn(rec); ferr != nil {
				return problems, ferr
			}
		}
		if err == io.EOF {
			return problems, nil
		}
	}
}

// decodeRecord decodes one JSON object into a record at a place. A value
// that is not a valid JSON object gives a problem and no record.
func decodeRecord(b []byte, at Place) (Record, *Problem) {
	if len(b) == 0 || b[0] != '{' {
		return Record{}, &Problem{Place: at, Err: fmt.Errorf("%w: want a JSON object, got %s", ErrNotRecord, jsonKind(b))}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return Record{}, &Problem{Place: at, Err: fmt.Errorf("%w JSON: %v", ErrSyntax, jsonMessage(err))}
	}
	rec := Record{Place: at}
	for _, f := range events.Fields {
		if v, ok := raw[f.Name]; ok && !utf8.Valid(v) {
			rec.Problems = append(rec.Problems, Problem{Place: at, Field: f.Name, Err: ErrEncoding})
		}
	}
	for _, err := range events.DecodeFields(&rec.Event, raw) {
		var fe *events.FieldError
		if !errors.As(err, &fe) {
			rec.Problems = append(rec.Problems, Problem{Place: at, Err: err})
			continue
		}
		if _, known := fieldIndex(fe.Field); !known {
			rec.Problems = append(rec.Problems, Problem{Place: at, Field: fe.Field, Err: ErrUnknownField})
			continue
		}
		rec.Problems = append(rec.Problems, Problem{Place: at, Field: fe.Field, Err: fe.Err})
	}
	return rec, nil
}

// jsonKind names the kind of JSON value b starts with, for messages.
func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	switch c := b[0]; {
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return fmt.Sprintf("%q", firstRune(b))
}

func firstRune(b []byte) string {
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		return string(b[:1])
	}
	return string(r)
}

// jsonMessage drops encoding/json's Go type names from an error.
func jsonMessage(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error()
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "want an object of fields, got " + te.Value
	}
	return err.Error()
}
