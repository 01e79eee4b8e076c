// Package eventsfile reads the events files `eventline extract` writes —
// JSON Lines (.jsonl, .ndjson), JSON (.json, one array of records) and CSV
// (.csv, with or without a UTF-8 byte-order mark) — one event at a time,
// for `eventline stats`.
//
// It is a small stand-in for package dataset, which reads every format
// (Excel too) with exact places; the stats command will switch to dataset
// once it is on main. A record that does not parse is reported as a
// Problem at its line ("timeline.jsonl:3: …") and skipped; the others go
// through. Files are streamed: a JSON array is decoded one record at a
// time, never held whole.
//
//	problems, err := eventsfile.Read("timeline.jsonl", func(e *events.Event) error {
//		counter.Add(e)
//		return nil
//	})
package eventsfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/events"
)

// ErrFormat is wrapped by the error for a file name whose extension is not
// an events format this package reads.
var ErrFormat = errors.New("not an events file")

// StdinName is the name problems carry for records read from standard input.
const StdinName = "<stdin>"

// Problem is one record that could not be read, at its line (1-based; 0
// for the file as a whole).
type Problem struct {
	Path string
	Line int
	Err  error
}

// Error writes the problem as "path:line: message".
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }

// Format returns the format of path from its extension: "jsonl", "json"
// or "csv"; otherwise an error wrapping ErrFormat.
func Format(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	}
	return "", fmt.Errorf("eventsfile: %s: %w (want .jsonl, .ndjson, .json or .csv)", path, ErrFormat)
}

// Read reads the events file at path ("-" for standard input, whose format
// is recognised from its first byte: "[" JSON, "{" JSON Lines, else CSV)
// and calls fn with each event in file order. It returns the records that
// could not be read; the error is non-nil when the file cannot be read at
// all or fn fails (fn's error is returned as is).
func Read(path string, fn func(*events.Event) error) ([]Problem, error) {
	if path == "-" {
		return ReadFrom(os.Stdin, StdinName, "", fn)
	}
	format, err := Format(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadFrom(f, path, format, fn)
}

// ReadFrom reads events from r; name is used in problems, format is
// "jsonl", "json", "csv" or "" to recognise it from the first byte.
func ReadFrom(r io.Reader, name, format string, fn func(*events.Event) error) ([]Problem, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xEF\xBB\xBF")) {
		_, _ = br.Discard(3)
	}
	if format == "" {
		format = sniff(br)
	}
	switch format {
	case "jsonl":
		return readJSONL(br, name, fn)
	case "json":
		return readJSON(br, name, fn)
	case "csv":
		return readCSV(br, name, fn)
	}
	return nil, fmt.Errorf("eventsfile: %s: %w: format %q", name, ErrFormat, format)
}

func sniff(br *bufio.Reader) string {
	for n := 1; n <= 4096; n++ {
		head, err := br.Peek(n)
		if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 {
			switch t[0] {
			case '[':
				return "json"
			case '{':
				return "jsonl"
			}
			return "csv"
		}
		if err != nil {
			break
		}
	}
	return "csv"
}

func readJSONL(br *bufio.Reader, name string, fn func(*events.Event) error) ([]Problem, error) {
	var problems []Problem
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line++
			if t := bytes.TrimSpace(b); len(t) > 0 {
				var e events.Event
				if uerr := json.Unmarshal(t, &e); uerr != nil {
					problems = append(problems, Problem{name, line, uerr})
				} else if ferr := fn(&e); ferr != nil {
					return problems, ferr
				}
			}
		}
		if err == io.EOF {
			return problems, nil
		}
		if err != nil {
			return problems, err
		}
	}
}

// lineCounter counts the newlines read through it, so that a JSON array's
// records can be placed on their line. Offsets are asked for in ascending
// order, so the newlines before the last one asked for are only counted.
type lineCounter struct {
	r     io.Reader
	lines []int64 // offsets just after each newline read and not yet passed
	off   int64
	base  int // newlines passed
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.lines = append(l.lines, l.off+int64(i)+1)
		}
	}
	l.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of byte offset off; off must not be
// less than in the previous call.
func (l *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(l.lines) && l.lines[i] <= off {
		i++
	}
	l.base += i
	l.lines = append(l.lines[:0], l.lines[i:]...)
	return l.base + 1
}

func readJSON(br *bufio.Reader, name string, fn func(*events.Event) error) ([]Problem, error) {
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	tok, err := dec.Token()
	if err != nil {
		return []Problem{{name, 1, fmt.Errorf("malformed JSON: %w", err)}}, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return []Problem{{name, 1, errors.New("not a JSON array of records")}}, nil
	}
	var problems []Problem
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			problems = append(problems, Problem{name, lc.lineAt(start), fmt.Errorf("malformed JSON: %w", err)})
			return problems, nil
		}
		// raw holds the value's own bytes, so it starts len(raw) before the decoder's offset.
		line := lc.lineAt(dec.InputOffset() - int64(len(raw)))
		var e events.Event
		if err := json.Unmarshal(raw, &e); err != nil {
			problems = append(problems, Problem{name, line, err})
			continue
		}
		if err := fn(&e); err != nil {
			return problems, err
		}
	}
	return problems, nil
}

func readCSV(br *bufio.Reader, name string, fn func(*events.Event) error) ([]Problem, error) {
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return []Problem{{name, 1, fmt.Errorf("malformed CSV: %w", err)}}, nil
	}
	cols := make([]events.Field, len(header))
	known := make([]bool, len(header))
	var problems []Problem
	for i, h := range header {
		if f, ok := events.FieldByName(strings.TrimSpace(h)); ok {
			cols[i], known[i] = f, true
		} else {
			problems = append(problems, Problem{name, 1, fmt.Errorf("unknown column %q", h)})
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return problems, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// encoding/csv goes on with the next record after a syntax error.
				problems = append(problems, Problem{name, pe.StartLine, fmt.Errorf("malformed CSV: %w", pe.Err)})
				continue
			}
			return problems, err
		}
		line, _ := cr.FieldPos(0)
		var e events.Event
		var bad error
		for i, v := range rec {
			if i >= len(cols) || !known[i] {
				continue
			}
			if err := cols[i].Set(&e, v); err != nil && bad == nil {
				bad = fmt.Errorf("%s: %w", cols[i].Name, err)
			}
		}
		if bad != nil {
			problems = append(problems, Problem{name, line, bad})
			continue
		}
		if err := fn(&e); err != nil {
			return problems, err
		}
	}
}
