package dataset

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// readJSON reads one JSON array of records, decoding one record at a time.
// Each record's place is the line where it starts. Malformed JSON stops the
// reading with a problem at the line of the fault: a JSON decoder cannot
// resynchronise after it.
func readJSON(r io.Reader, name string, fn func(Record) error) ([]Problem, error) {
	lr := &lineReader{r: r}
	dec := json.NewDecoder(lr)
	var problems []Problem
	fail := func(err error) ([]Problem, error) {
		var se *json.SyntaxError
		var off int64
		switch {
		case errors.As(err, &se):
			off = se.Offset - 1
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			off = lr.off - 1
			err = errors.New("unexpected end of file (truncated?)")
		default:
			var rerr *readError
			if errors.As(err, &rerr) {
				return problems, fmt.Errorf("dataset: %s: %w", name, rerr.err)
			}
			off = dec.InputOffset()
		}
		problems = append(problems, Problem{Place: Place{File: name, Line: lr.line(max(off, 0))}, Err: fmt.Errorf("%w JSON: %v", ErrSyntax, jsonMessage(err))})
		return problems, nil
	}
	tok, err := dec.Token()
	if err == io.EOF {
		problems = append(problems, Problem{Place: Place{File: name, Line: 1}, Err: fmt.Errorf("%w: want a JSON array of records, the file is empty", ErrNotRecord)})
		return problems, nil
	}
	if err != nil {
		return fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		what := fmt.Sprintf("%v", tok)
		if ok && d == '{' {
			what = "an object (JSON Lines files end in .jsonl)"
		}
		problems = append(problems, Problem{Place: Place{File: name, Line: lr.line(dec.InputOffset() - 1)},
			Err: fmt.Errorf("%w: want a JSON array of records, got %s", ErrNotRecord, what)})
		return problems, nil
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(err)
		}
		start := dec.InputOffset() - int64(len(raw))
		rec, p := decodeRecord(raw, Place{File: name, Line: lr.line(start)})
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		if err := fn(rec); err != nil {
			return problems, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return fail(err)
	}
	if tok, err := dec.Token(); err != io.EOF {
		if err != nil {
			return fail(err)
		}
		problems = append(problems, Problem{Place: Place{File: name, Line: lr.line(dec.InputOffset() - 1)},
			Err: fmt.Errorf("%w JSON: %v after the array", ErrSyntax, tok)})
	}
	return problems, nil
}

// lineReader counts lines as a JSON decoder reads through it, so that byte
// offsets (json.Decoder.InputOffset) map to line numbers. Queries must not
// go backwards; it keeps only the newlines not yet passed.
type lineReader struct {
	r    io.Reader
	off  int64   // bytes read so far
	nls  []int64 // offsets of the newlines read and not yet passed
	base int     // newlines passed
}

// readError marks an error of the underlying reader, as opposed to bad JSON.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.nls = append(l.nls, l.off+int64(i))
		}
	}
	l.off += int64(n)
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

// line returns the 1-based line of byte offset off.
func (l *lineReader) line(off int64) int {
	i := 0
	for i < len(l.nls) && l.nls[i] < off {
		i++
	}
	l.base += i
	l.nls = l.nls[i:]
	return l.base + 1
}
