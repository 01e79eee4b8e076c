package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventline/eventline/dataset"
)

// The output formats of a Printer.
const (
	FormatText   = "text"   // one problem per line: place: field: message
	FormatJSON   = "json"   // one JSON array of objects {file, line, sheet, cell, field, message}
	FormatGitHub = "github" // GitHub Actions workflow commands: ::error file=…,line=…,title=…::…
)

// ErrUnknownFormat is wrapped by NewPrinter's error for a format it does not know.
var ErrUnknownFormat = errors.New("unknown output format")

// Formats lists the output formats, for --help.
func Formats() []string { return []string{FormatText, FormatJSON, FormatGitHub} }

// Printer writes problems as they come, in one output format.
type Printer interface {
	// Print writes one problem.
	Print(p dataset.Problem) error
	// Close finishes the output (the JSON array's closing bracket) and
	// returns the first write error.
	Close() error
}

// NewPrinter returns a Printer of the named format writing to w.
func NewPrinter(format string, w io.Writer) (Printer, error) {
	switch strings.ToLower(format) {
	case FormatText, "":
		return &textPrinter{w: w}, nil
	case FormatJSON:
		return &jsonPrinter{w: w}, nil
	case FormatGitHub:
		return &githubPrinter{w: w}, nil
	}
	return nil, fmt.Errorf("validate: %w %q (want one of %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
}

// stickyErr keeps the first write error.
type stickyErr struct{ err error }

func (s *stickyErr) write(w io.Writer, text string) error {
	if s.err == nil {
		_, s.err = io.WriteString(w, text)
	}
	return s.err
}

type textPrinter struct {
	w io.Writer
	stickyErr
}

func (t *textPrinter) Print(p dataset.Problem) error { return t.write(t.w, p.String()+"\n") }
func (t *textPrinter) Close() error                  { return t.err }

// JSONProblem is one problem in the json output format. Line is the line
// (CSV, JSON, JSON Lines) or the row (Excel), 0 when the problem concerns
// the whole file; Sheet and Cell are set for Excel only; Field is empty
// for a problem of a row or of the file.
type JSONProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Sheet   string `json:"sheet"`
	Cell    string `json:"cell"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ToJSON returns p in the json output format's shape.
func ToJSON(p dataset.Problem) JSONProblem {
	msg := ""
	if p.Err != nil {
		msg = p.Err.Error()
	}
	return JSONProblem{File: p.Place.File, Line: p.Place.Line, Sheet: p.Place.Sheet, Cell: p.Place.Cell, Field: p.Field, Message: msg}
}

type jsonPrinter struct {
	w io.Writer
	n int
	stickyErr
}

func (j *jsonPrinter) Print(p dataset.Problem) error {
	b, err := json.Marshal(ToJSON(p))
	if err != nil {
		return err
	}
	sep := ",\n"
	if j.n == 0 {
		sep = "[\n"
	}
	j.n++
	return j.write(j.w, sep+string(b))
}

func (j *jsonPrinter) Close() error {
	if j.n == 0 {
		return j.write(j.w, "[]\n")
	}
	return j.write(j.w, "\n]\n")
}

type githubPrinter struct {
	w io.Writer
	stickyErr
}

// Print writes an error annotation. A line-based file gets its line; an
// Excel file has no lines GitHub can show, so the annotation is on the file
// and the cell is in the title and the message.
func (g *githubPrinter) Print(p dataset.Problem) error {
	title := "eventline"
	if p.Place.Sheet != "" {
		ref := p.Place.Sheet + "!" + p.Place.Cell
		if p.Place.Cell == "" && p.Place.Line > 0 {
			ref = p.Place.Sheet + "!" + strconv.Itoa(p.Place.Line) + ":" + strconv.Itoa(p.Place.Line)
		}
		title += " " + ref
	}
	if p.Field != "" {
		title += " " + p.Field
	}
	props := []string{"file=" + EscapeProperty(p.Place.File)}
	if p.Place.Sheet == "" && p.Place.Line > 0 {
		props = append(props, "line="+strconv.Itoa(p.Place.Line))
	}
	props = append(props, "title="+EscapeProperty(title))
	return g.write(g.w, Annotation("error", props, p.String()))
}

func (g *githubPrinter) Close() error { return g.err }

// Annotation returns one GitHub Actions workflow command line,
// "::level prop,prop::message\n"; props must be escaped with
// EscapeProperty already, the message is escaped here.
func Annotation(level string, props []string, message string) string {
	s := "::" + level
	if len(props) > 0 {
		s += " " + strings.Join(props, ",")
	}
	return s + "::" + EscapeData(message) + "\n"
}

// EscapeData escapes the message of a workflow command as the Actions
// toolkit does: % → %25, CR → %0D, LF → %0A.
func EscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// EscapeProperty escapes a property value of a workflow command: as
// EscapeData, and also : → %3A and , → %2C.
func EscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary returns the one-line summary of a run: "3 problems in 2 of 4
// files", or "no problems in 4 files".
func Summary(results []Result) string {
	problems, bad := 0, 0
	for _, r := range results {
		problems += len(r.Problems)
		if len(r.Problems) > 0 {
			bad++
		}
	}
	files := plural(len(results), "file", "files")
	if problems == 0 {
		return "no problems in " + files
	}
	return fmt.Sprintf("%s in %d of %s", plural(problems, "problem", "problems"), bad, files)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
