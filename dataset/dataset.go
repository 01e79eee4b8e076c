// Package dataset reads events files back — CSV (with or without a UTF-8
// byte-order mark), JSON (one array of records), JSON Lines and Excel (the
// sheet "events") — in any format package export writes, one record at a
// time, each with its exact place in the file and the problems found in its
// cells. It is the reading half of `eventline validate` and
// `eventline convert`.
//
// Reading streams: a CSV or JSON Lines file is never held in memory whole,
// a JSON array is decoded one record at a time, and an Excel sheet is read
// with excelize's row iterator (large sheets are unpacked to a temporary
// file, not to memory).
//
// Places name what a researcher opens the file at: the line of a CSV row
// (of the cell, for a cell that spans lines), the line of a JSON Lines
// record, the line where a record of a JSON array starts, the cell of an
// Excel sheet:
//
//	timeline.csv:14
//	timeline.jsonl:3
//	timeline.json:7
//	timeline.xlsx:events!F12
//
// Problems are of two kinds. Cell problems (a value that does not parse as
// its field: a bad enum, date, integer or number, a coordinate out of range,
// invalid UTF-8) travel with their Record, each at its cell's own place.
// File problems (missing, unknown, duplicate or misplaced columns, a row
// that is not a record, malformed CSV or JSON) are returned by Read. An
// error is returned only when the file cannot be read at all, or when the
// callback returns one. Read parses; it does not check the record against
// the contract as a whole — call events.Event.Validate for that.
//
// Header rules for CSV and Excel: the 33 columns of events.Fields, by name,
// in EVENTS.md order. Values are taken by column name, so a file with
// misplaced columns still reads correctly, but each missing, unknown,
// duplicate or misplaced column is one Problem naming it. JSON records are
// objects whose keys may come in any order and may be absent (unknown).
//
// Example:
//
//	problems, err := dataset.Read("timeline.csv", func(r dataset.Record) error {
//		for _, p := range r.Problems {
//			fmt.Fprintln(os.Stderr, p)
//		}
//		return nil
//	})
package dataset

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// Problem kinds; each Problem's Err wraps one of these or is an error from
// events.Field.Set (a malformed value).
var (
	ErrNoHeader        = errors.New("no header row")
	ErrMissingColumn   = errors.New("missing column")
	ErrUnknownColumn   = errors.New("unknown column")
	ErrDuplicateColumn = errors.New("duplicate column")
	ErrColumnOrder     = errors.New("column out of order")
	ErrCellCount       = errors.New("wrong number of cells")
	ErrExtraCell       = errors.New("cell outside the header's columns")
	ErrSyntax          = errors.New("malformed")
	ErrNotRecord       = errors.New("not a record")
	ErrUnknownField    = errors.New("is not a field of the record")
	ErrEncoding        = errors.New("invalid UTF-8")
	ErrNoSheet         = errors.New("no sheet")
)

// StdinName is the file name places carry for records read from standard input.
const StdinName = "<stdin>"

// Place is where something is in an events file: a line (CSV, JSON, JSON
// Lines) or a sheet and a cell (Excel; Line is then the row).
type Place struct {
	File  string
	Line  int    // 1-based; 0 when unknown
	Sheet string // Excel only
	Cell  string // Excel only: "F12"; empty for a whole row
}

// String writes the place as "file:line", or for Excel "file:sheet!F12"
// (a cell) or "file:sheet!12:12" (a whole row, in Excel's notation).
func (p Place) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Sheet != "":
		b.WriteByte(':')
		b.WriteString(sheetRef(p.Sheet))
		b.WriteByte('!')
		if p.Cell != "" {
			b.WriteString(p.Cell)
		} else if p.Line > 0 {
			b.WriteString(strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Line))
		}
	case p.Line > 0:
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
	}
	return b.String()
}

// sheetRef quotes a sheet name as Excel formulas do when it is not a plain word.
func sheetRef(s string) string {
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
	}
	return s
}

// Problem is one thing wrong in an events file, at a place, about a field
// (empty when it concerns a row or the file).
type Problem struct {
	Place Place
	Field string
	Err   error
}

// String writes the problem as "place: field: message", e.g.
// `timeline.csv:14: date_precision: "dayy" is not one of day, week, month, year, range, unknown`.
func (p Problem) String() string {
	s := p.Place.String() + ": "
	if p.Field != "" {
		s += p.Field + ": "
	}
	if p.Err != nil {
		s += p.Err.Error()
	}
	return s
}

// Error returns String, so that a Problem can travel as an error.
func (p Problem) Error() string { return p.String() }

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }

// Record is one event read back, with its place (the line of the row or
// record; for Excel the row's first cell) and the problems found in its
// cells, in column order. A field whose cell had a problem is left unknown,
// except an enum, which keeps the text read.
type Record struct {
	Event    events.Event
	Place    Place
	Problems []Problem
}

// Read reads the events file at path, calling fn with each record in file
// order. The format comes from the extension (see export.FormatFromPath);
// path "-" reads standard input and recognises the format from its first
// bytes. It returns the file-level problems; the error is non-nil only when
// the file cannot be read at all or fn returns an error (which stops the
// reading and is returned as is).
func Read(path string, fn func(Record) error) ([]Problem, error) {
	return ReadFormat(path, "", fn)
}

// ReadFormat is Read with an explicit format (one of export.Formats); ""
// takes it from the extension, or for "-" from the first bytes.
func ReadFormat(path, format string, fn func(Record) error) ([]Problem, error) {
	if path == "-" {
		return ReadFrom(os.Stdin, StdinName, format, fn)
	}
	if format == "" {
		var err error
		if format, err = export.FormatFromPath(path); err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
		}
	}
	if strings.EqualFold(format, export.FormatXLSX) {
		return readXLSXFile(path, fn)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer f.Close()
	return ReadFrom(f, path, format, fn)
}

// ReadFrom reads an events file from r; name is the file name places
// carry, format one of export.Formats or "" to recognise it from the first
// bytes (a zip archive is xlsx, "[" json, "{" jsonl, anything else csv). An
// Excel workbook read this way is held in memory whole (excelize needs
// random access); Read streams it from disk.
func ReadFrom(r io.Reader, name, format string, fn func(Record) error) ([]Problem, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if format == "" {
		format = sniff(br)
	}
	var (
		problems []Problem
		err      error
	)
	switch strings.ToLower(format) {
	case export.FormatCSV:
		skipBOM(br)
		problems, err = readCSV(br, name, fn)
	case export.FormatJSON:
		skipBOM(br)
		problems, err = readJSON(br, name, fn)
	case export.FormatJSONL, "ndjson":
		skipBOM(br)
		problems, err = readJSONL(br, name, fn)
	case export.FormatXLSX:
		problems, err = readXLSXReader(br, name, fn)
	default:
		return nil, fmt.Errorf("dataset: %s: %w %q (want one of %s)", name, export.ErrUnknownFormat, format, strings.Join(export.Formats(), ", "))
	}
	return problems, err
}

// sniff recognises a format from the first bytes of br. It peeks only as
// far as it needs (past a BOM and leading white space), so that a stream
// is not held up waiting for more input.
func sniff(br *bufio.Reader) string {
	if head, _ := br.Peek(4); bytes.Equal(head, []byte("PK\x03\x04")) {
		return export.FormatXLSX
	}
	for n := 1; n <= 4096; n++ {
		head, err := br.Peek(n)
		if err != nil {
			break
		}
		head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
		head = bytes.TrimLeft(head, " \t\r\n")
		if len(head) == 0 || bytes.Equal(head, []byte("\xEF")) || bytes.Equal(head, []byte("\xEF\xBB")) {
			continue // only a BOM (or part of one) and white space so far
		}
		switch head[0] {
		case '[':
			return export.FormatJSON
		case '{':
			return export.FormatJSONL
		}
		break
	}
	return export.FormatCSV
}

// skipBOM drops a UTF-8 byte-order mark at the start of br.
func skipBOM(br *bufio.Reader) {
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xEF\xBB\xBF")) {
		_, _ = br.Discard(3)
	}
}

// setCell parses one cell's text into its field of e, reporting invalid
// UTF-8 (the text is then read with U+FFFD) and malformed values.
func setCell(e *events.Event, f events.Field, v string, at Place, problems *[]Problem) {
	if !utf8.ValidString(v) {
		*problems = append(*problems, Problem{Place: at, Field: f.Name, Err: ErrEncoding})
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	if err := f.Set(e, v); err != nil {
		*problems = append(*problems, Problem{Place: at, Field: f.Name, Err: err})
	}
}
