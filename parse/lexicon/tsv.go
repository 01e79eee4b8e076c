// Package lexicon reads eventline's language data: UTF-8 TSV files with `#`
// comments, embedded with go:embed so that a researcher can extend them
// without touching Go. Errors name the file and line:
//
//	lexicon: actors.tsv:12: want at least 3 columns, got 2
//
// A TSV file here has one record per line, columns separated by tabs. Blank
// lines and lines whose first non-space character is '#' are skipped; a
// trailing '\r' is dropped. A cell may list alternatives separated by '|'
// (aliases); Split splits them.
//
// # The parser's data
//
// Default loads the embedded data/*.tsv, each documented in its header:
// actors.tsv (one entity a line, whatever the language: canonical English
// name, kind, country, affiliation, Arabic and English aliases, demonyms),
// places.tsv (the gazetteer: kind, country, containing place, coordinates,
// aliases), triggers.tsv (event words with a lang column, the class the
// parser's rules work on, the default event type and flags) and cues.tsv
// (the small words that decide roles, scope and context). Lexicon.Match
// finds their phrases in a token sequence, longest first, with Arabic
// proclitics (و ف ب ل ك ال, a future سـ) and attached pronouns taken off.
// The lexicon only normalizes names: whether a sentence reports an event is
// decided by triggers and rules, never by a name being known.
//
// Example:
//
//	lex, err := lexicon.Default()
//	if err != nil { … }
//	for _, m := range lex.Match(textnorm.Tokenize("وأعلنت وزارة الخارجية العراقية"), "ar") {
//		fmt.Println(m.First, m.Last, m.Entries[0])
//	}
//	// 0 1 trigger:announce/announcement
//	// 1 4 actor:Iraqi Ministry of Foreign Affairs
package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ErrFormat is wrapped by every error about a malformed data file.
var ErrFormat = errors.New("malformed lexicon file")

// Error is a problem at one line of a data file.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("lexicon: %s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Row is one record of a TSV file.
type Row struct {
	File  string
	Line  int
	Cells []string
}

// Cell returns cell i trimmed of spaces, or "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < len(r.Cells) {
		return strings.TrimSpace(r.Cells[i])
	}
	return ""
}

// Errorf returns an *Error at this row.
func (r Row) Errorf(format string, args ...any) error {
	return &Error{File: r.File, Line: r.Line, Err: fmt.Errorf("%w: "+format, append([]any{ErrFormat}, args...)...)}
}

// ReadTSV reads the TSV file name from fsys. Every row must have at least
// minCols columns.
func ReadTSV(fsys fs.FS, name string, minCols int) ([]Row, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	return ParseTSV(name, data, minCols)
}

// ParseTSV parses TSV data read from the file called name.
func ParseTSV(name string, data []byte, minCols int) ([]Row, error) {
	var rows []Row
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		row := Row{File: name, Line: line, Cells: cells}
		if len(cells) < minCols {
			return nil, row.Errorf("want at least %d columns, got %d", minCols, len(cells))
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{File: name, Line: line + 1, Err: err}
	}
	return rows, nil
}

// Split splits a cell of alternatives separated by '|', trimming each and
// dropping empty ones.
func Split(cell string) []string {
	var out []string
	for _, p := range strings.Split(cell, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
