package dataset

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// maxExcelSerial is the serial number of 9999-12-31, Excel's last date.
const maxExcelSerial = 2958465

// readXLSXFile reads the events sheet of the workbook at path.
func readXLSXFile(path string, fn func(Record) error) ([]Problem, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("dataset: %s: not a readable Excel workbook: %w", path, err)
	}
	defer f.Close()
	return readXLSX(f, path, fn)
}

// readXLSXReader reads a workbook from r, which it holds in memory.
func readXLSXReader(r io.Reader, name string, fn func(Record) error) ([]Problem, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("dataset: %s: not a readable Excel workbook: %w", name, err)
	}
	defer f.Close()
	return readXLSX(f, name, fn)
}

// readXLSX reads the sheet "events" row by row with excelize's iterator.
// The first non-empty row is the header; empty rows are skipped. Cells are
// read raw (unformatted), then: a number in a date column is an Excel date
// serial and reads as its ISO date (whatever the cell's number format), an
// ISO date-time reads as its date, and numbers read as written, so an
// integer stored as 12 or 12.0 reads as 12.
func readXLSX(f *excelize.File, name string, fn func(Record) error) (problems []Problem, err error) {
	const sheet = export.SheetEvents
	// A damaged workbook must not crash the reader: a panic inside excelize
	// becomes an error. A panic in fn is fn's own and goes on.
	inFn := false
	defer func() {
		if r := recover(); r != nil {
			if inFn {
				panic(r)
			}
			err = fmt.Errorf("dataset: %s: damaged Excel workbook: %v", name, r)
		}
	}()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		if _, ok := err.(excelize.ErrSheetNotExist); ok {
			problems = append(problems, Problem{Place: Place{File: name}, Err: fmt.Errorf("%w %q (the workbook has %s)", ErrNoSheet, sheet, strings.Join(quoteAll(f.GetSheetList()), ", "))})
			return problems, nil
		}
		return nil, fmt.Errorf("dataset: %s: %w", name, err)
	}
	defer rows.Close()
	cellPlace := func(col, row int) Place {
		ref, _ := excelize.CoordinatesToCellName(col+1, row)
		return Place{File: name, Line: row, Sheet: sheet, Cell: ref}
	}
	var (
		h        header
		haveHead bool
	)
	for row := 1; rows.Next(); row++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			problems = append(problems, Problem{Place: Place{File: name, Line: row, Sheet: sheet}, Err: fmt.Errorf("%w row: %v", ErrSyntax, err)})
			continue
		}
		if isEmpty(cells) {
			continue
		}
		if !haveHead {
			haveHead = true
			headRow := row
			var hp []Problem
			h, hp = checkHeader(trimTrailingEmpty(cells), func(i int) Place { return cellPlace(i, headRow) },
				Place{File: name, Line: row, Sheet: sheet})
			problems = append(problems, hp...)
			continue
		}
		rec := Record{Place: cellPlace(0, row)}
		for i, v := range cells {
			if i >= len(h.field) {
				if v != "" {
					rec.Problems = append(rec.Problems, Problem{Place: cellPlace(i, row), Err: ErrExtraCell})
				}
				continue
			}
			if h.field[i] < 0 {
				continue
			}
			fl := events.Fields[h.field[i]]
			if fl.Kind == events.KindDate {
				v = excelDate(v, date1904)
			}
			setCell(&rec.Event, fl, v, cellPlace(i, row), &rec.Problems)
		}
		inFn = true
		ferr := fn(rec)
		inFn = false
		if ferr != nil {
			return problems, ferr
		}
	}
	if err := rows.Error(); err != nil {
		return problems, fmt.Errorf("dataset: %s: %w", name, err)
	}
	if !haveHead {
		problems = append(problems, Problem{Place: Place{File: name, Line: 1, Sheet: sheet}, Err: fmt.Errorf("%w: the sheet is empty", ErrNoHeader)})
	}
	return problems, nil
}

// excelDate turns a date cell's raw value into an ISO date: a serial number
// (a date typed or formatted in Excel) or an ISO date-time (a cell of type
// date) becomes YYYY-MM-DD; anything else is returned as it is, for
// Field.Set to judge.
func excelDate(v string, date1904 bool) string {
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		if serial >= 1 && serial < maxExcelSerial+1 && !math.IsNaN(serial) {
			if t, err := excelize.ExcelDateToTime(serial, date1904); err == nil {
				return events.FormatDate(t)
			}
		}
		return v
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return events.FormatDate(t)
		}
	}
	return v
}

func isEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// trimTrailingEmpty drops empty cells at the end of a header row (Excel
// may list formatted but empty cells).
func trimTrailingEmpty(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strconv.Quote(n)
	}
	return out
}
