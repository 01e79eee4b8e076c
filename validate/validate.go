// Package validate checks events files against eventline's output contract
// (EVENTS.md) and reports every problem at its exact place, so that a
// timeline corrected by hand, or one written by another tool, can be checked
// in CI before anyone relies on it.
//
// It reads a file with package dataset (CSV with or without a byte-order
// mark, JSON, JSON Lines, Excel), which finds the problems of the file's
// shape and of single cells: missing, unknown, duplicate or misplaced
// columns, bad enums, bad dates, text in an integer column, coordinates out
// of range. To those it adds the problems of the record as a whole, from
// events.Event.Validate (required fields, date ≤ date_end, the precision
// consistent with the interval, latitude and longitude given together, the
// ACLED and PLOVER codes of the event type …), and ids that are not unique
// in the file (each duplicate is reported with the place of the first).
//
// Places: a record-level problem is placed at the cell of its field — for
// Excel the field's column letter and the record's row (`t.xlsx:events!F12`),
// for CSV, JSON and JSON Lines the line where the record starts (`t.csv:14`,
// `t.jsonl:3`). Problems are never reported twice: a field whose cell
// dataset already found unparseable, or whose column is missing, gets no
// further record-level problem, and neither do the cross-field checks that
// involve it (a bad date does not also make "date_end is before date").
//
// Invariants: the problems of a file come back sorted by place (line, then
// column), so the output is the same on every run; a file that cannot be
// read at all (missing, a directory, an unknown extension, not a workbook)
// is one problem at the file's place, not an error.
//
// Example:
//
//	res := validate.Check("timeline.csv", validate.Options{})
//	for _, p := range res.Problems {
//		fmt.Println(p) // timeline.csv:14: date_precision: "dayy" is not one of day, week, month, year, range, unknown
//	}
package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// Errors that problems of this package wrap.
var (
	// ErrDuplicateID marks an id seen earlier in the same file.
	ErrDuplicateID = errors.New("duplicate id")
	// ErrUnreadable marks a path that cannot be read as an events file.
	ErrUnreadable = errors.New("cannot read")
)

// Options select how a file is read.
type Options struct {
	// Format is one of export.Formats; "" takes it from the extension (for
	// "-", from the first bytes).
	Format string
	// Stdin is read for the path "-"; nil reads os.Stdin.
	Stdin io.Reader
}

// Result is the outcome of checking one file.
type Result struct {
	File     string
	Records  int               // records read
	Problems []dataset.Problem // sorted by place
}

// Check reads the events file at path and returns all its problems, sorted
// by place. A file that cannot be read gives a single problem.
func Check(path string, opts Options) Result {
	res := Result{File: path}
	fileProblems, err := Read(path, opts, func(r dataset.Record) error {
		res.Records++
		res.Problems = append(res.Problems, r.Problems...)
		return nil
	})
	res.Problems = append(res.Problems, fileProblems...)
	if err != nil {
		res.Problems = append(res.Problems, unreadable(path, err))
	}
	Sort(res.Problems)
	return res
}

// Read reads the events file at path like dataset.ReadFormat and calls fn
// with each record in file order; each record's Problems hold its cell
// problems (from dataset) and its record-level problems (from
// events.Event.Validate and the id check), unsorted. It returns the
// file-level problems. The error is non-nil when the file cannot be read at
// all (see Unreadable) or fn returns one.
//
// For CSV and Excel the header row is read first, in a short separate
// pass, to learn which column holds which field (the cell a record-level
// problem is placed at, the columns that are missing). The path "-" reads
// Options.Stdin, which is held in memory whole.
func Read(path string, opts Options, fn func(dataset.Record) error) ([]dataset.Problem, error) {
	c := &checker{firstID: map[string]dataset.Place{}}
	onRecord := func(r dataset.Record) error {
		c.check(&r)
		return fn(r)
	}
	if path == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		data, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		format := opts.Format
		if format == "" {
			format = sniff(data)
		}
		c.format = strings.ToLower(format)
		c.setHeader(headerOf(c.format, data))
		return dataset.ReadFrom(bytes.NewReader(data), dataset.StdinName, format, onRecord)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a directory; name the events files in it (e.g. dir/*.csv)")
	}
	format := opts.Format
	if format == "" {
		if format, err = export.FormatFromPath(path); err != nil {
			return nil, fmt.Errorf("%w; give the format with --from", err)
		}
	}
	c.format = strings.ToLower(format)
	switch c.format {
	case export.FormatCSV, export.FormatXLSX:
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		names := readHeader(c.format, f)
		f.Close()
		c.setHeader(names)
	}
	return dataset.ReadFormat(path, format, onRecord)
}

// Unreadable turns an error of Read into the problem reported for the
// file: its place is the file, its message says why it cannot be read,
// without the package prefixes and the repeated file name.
func unreadable(path string, err error) dataset.Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	for _, prefix := range []string{"dataset: ", "export: ", path + ": ", dataset.StdinName + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	if path == "-" {
		path = dataset.StdinName
	}
	return dataset.Problem{Place: dataset.Place{File: path}, Err: fmt.Errorf("%w: %s", ErrUnreadable, msg)}
}

// Unreadable returns the problem Check reports for a file that Read could
// not read (err is Read's error).
func Unreadable(path string, err error) dataset.Problem { return unreadable(path, err) }

// sniff recognises a format from the first bytes as dataset does: a zip
// archive is xlsx, "[" json, "{" jsonl, anything else csv.
func sniff(data []byte) string {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return export.FormatXLSX
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(t) > 0 {
		switch t[0] {
		case '[':
			return export.FormatJSON
		case '{':
			return export.FormatJSONL
		}
	}
	return export.FormatCSV
}

// headerOf returns the header row of an in-memory CSV or Excel file.
func headerOf(format string, data []byte) []string {
	switch format {
	case export.FormatCSV, export.FormatXLSX:
		return readHeader(format, bytes.NewReader(data))
	}
	return nil
}

// Sort orders problems by place: file, line (row), then column (the Excel
// cell's column, else the field's position in the record); the order of
// equal places is kept.
func Sort(ps []dataset.Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Place.File != b.Place.File {
			return a.Place.File < b.Place.File
		}
		if a.Place.Line != b.Place.Line {
			return a.Place.Line < b.Place.Line
		}
		return column(a) < column(b)
	})
}

// column is the sort key of a problem within its line.
func column(p dataset.Problem) int {
	if p.Place.Cell != "" {
		if c, _, err := excelize.CellNameToCoordinates(p.Place.Cell); err == nil {
			return c
		}
	}
	if p.Field == "" {
		return 0
	}
	for i, f := range events.Fields {
		if f.Name == p.Field {
			return i + 1
		}
	}
	return len(events.Fields) + 1
}

// checker adds the record-level problems of one file's records.
type checker struct {
	format  string
	columns map[string]int // field → 0-based column of a CSV or Excel header; nil for JSON
	firstID map[string]dataset.Place
}

// setHeader records which column holds each field, as dataset reads them:
// the first column of that name.
func (c *checker) setHeader(names []string) {
	c.columns = make(map[string]int, len(names))
	for i, n := range names {
		if _, ok := events.FieldByName(n); ok {
			if _, seen := c.columns[n]; !seen {
				c.columns[n] = i
			}
		}
	}
}

// missing reports whether a CSV or Excel file has no column for field.
func (c *checker) missing(field string) bool {
	if c.columns == nil {
		return false
	}
	_, ok := c.columns[field]
	return !ok
}

// place returns the place of field's cell in r.
func (c *checker) place(r *dataset.Record, field string) dataset.Place {
	p := r.Place
	if p.Sheet == "" {
		return p
	}
	p.Cell = ""
	if col, ok := c.columns[field]; ok {
		if ref, err := excelize.CoordinatesToCellName(col+1, p.Line); err == nil {
			p.Cell = ref
		}
	}
	return p
}

// groups lists, for the fields of Validate's cross-field checks, the fields
// those checks read: a check is not reported when any of them was found
// unparseable or has no column (its problem is already reported).
var groups = func() map[string][]string {
	sets := [][]string{
		{"published", "date", "date_end", "date_precision"},
		{"latitude", "longitude"},
		{"count", "count_qualifier"},
		{"char_start", "char_end"},
		{"event_type", "acled_event_type", "acled_sub_event_type", "plover"},
	}
	m := map[string][]string{}
	for _, s := range sets {
		for _, f := range s {
			m[f] = s
		}
	}
	return m
}()

// check appends r's record-level problems to r.Problems.
func (c *checker) check(r *dataset.Record) {
	flagged := map[string]bool{}
	for _, p := range r.Problems {
		if p.Field != "" {
			flagged[p.Field] = true
		}
	}
	bad := func(field string) bool { return flagged[field] || c.missing(field) }
	e := &r.Event
	for _, err := range e.Validate() {
		var fe *events.FieldError
		if !errors.As(err, &fe) {
			r.Problems = append(r.Problems, dataset.Problem{Place: r.Place, Err: err})
			continue
		}
		if bad(fe.Field) {
			continue
		}
		if !cellError(e, fe) {
			skip := false
			for _, g := range groups[fe.Field] {
				if bad(g) {
					skip = true
					break
				}
			}
			if skip {
				continue
			}
		}
		r.Problems = append(r.Problems, dataset.Problem{Place: c.place(r, fe.Field), Field: fe.Field, Err: fe.Err})
	}
	if e.ID != "" && !bad("id") {
		at := c.place(r, "id")
		if first, ok := c.firstID[e.ID]; ok {
			r.Problems = append(r.Problems, dataset.Problem{Place: at, Field: "id",
				Err: fmt.Errorf("%w %q, first at %s", ErrDuplicateID, e.ID, first)})
		} else {
			c.firstID[e.ID] = at
		}
	}
}

// cellError reports whether fe is the problem of its field's value alone
// (empty but required, or malformed), as opposed to a cross-field check.
func cellError(e *events.Event, fe *events.FieldError) bool {
	f, ok := events.FieldByName(fe.Field)
	if !ok {
		return true
	}
	v := f.Get(e)
	msg := fe.Err.Error()
	if f.Required && v == "" && msg == "is required" {
		return true
	}
	var probe events.Event
	if err := f.Set(&probe, v); err != nil && err.Error() == msg {
		return true
	}
	return false
}
