// Package input reads articles: text or Markdown files with YAML front
// matter, JSON Lines corpora (one article per line), directories walked
// recursively in sorted order, and standard input ("-").
//
// Reading streams: a JSONL corpus is read one line at a time, so a 1 GB
// corpus never sits in memory whole. Problems are reported through
// Options.Report, one per problem, each naming the file and line
// (`corpus.jsonl:12: no "text" field`), and reading goes on with the next
// article; Next only ever returns io.EOF as its error.
//
// Bodies are cleaned before anyone counts offsets in them: a UTF-8 byte-order
// mark is dropped, CRLF and lone CR line ends become LF, and invalid UTF-8 is
// replaced by U+FFFD (reported once per file). Character offsets of the
// record (char_start, char_end) count code points in that cleaned body.
package input

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Severity says whether a problem lost data.
type Severity uint8

const (
	// Warning: the article went through, with something repaired or missing
	// (invalid UTF-8 replaced, no publication date).
	Warning Severity = iota + 1
	// Error: an article or file could not be read, or its metadata is wrong;
	// the command's exit code becomes 1.
	Error
)

// Problem is one thing wrong with the input, at a place.
type Problem struct {
	Path     string
	Line     int // 1-based; 0 when the problem concerns the whole file
	Severity Severity
	Err      error
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

// Unwrap returns the underlying error.
func (p Problem) Unwrap() error { return p.Err }

// Errors that problems wrap.
var (
	ErrBinary       = errors.New("binary file (NUL bytes), skipped")
	ErrEmpty        = errors.New("no article text")
	ErrNoArticles   = errors.New("no articles found (.txt, .md, .jsonl)")
	ErrFrontMatter  = errors.New("front matter")
	ErrBadJSON      = errors.New("not a JSON object")
	ErrBadPublished = errors.New("not a usable publication date")
	ErrBadLang      = errors.New("unsupported language")
)

// Options fill what an article's metadata lacks and receive problems.
type Options struct {
	Published string // ISO date for articles without one
	Lang      string // "ar", "en" or "auto" for articles without one
	Source    string // outlet for articles without one
	// Report receives every problem; nil drops them.
	Report func(Problem)
}

// ParsePublished reads a publication date: an ISO date (2024-01-25), an
// RFC 3339 timestamp (2024-01-25T08:30:00+03:00, the date as written in its
// own zone) or "2024-01-25 08:30[:00]". It returns the ISO date.
func ParsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%w: %q (want YYYY-MM-DD)", ErrBadPublished, s)
}

// ParseLang checks a language code: "ar", "en", "auto" or empty.
func ParseLang(s string) (string, error) {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case "", "auto", "ar", "en":
		return l, nil
	case "ara", "arabic":
		return "ar", nil
	case "eng", "english":
		return "en", nil
	}
	return "", fmt.Errorf("%w: %q (want ar, en or auto)", ErrBadLang, s)
}
