package dataset

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/eventline/eventline/events"
)

// readCSV reads RFC 4180 CSV (any line ends; the BOM is already skipped):
// a header row, then one record per row. Blank lines are skipped.
func readCSV(r io.Reader, name string, fn func(Record) error) ([]Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, as a problem
	cr.ReuseRecord = true
	var (
		problems []Problem
		h        header
		haveHead bool
	)
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return problems, fmt.Errorf("dataset: %s: %w", name, err)
			}
			// The place is the row's first line (an unclosed quote runs to
			// the end of the file); the reader resumes after the row.
			problems = append(problems, Problem{Place: Place{File: name, Line: pe.StartLine}, Err: fmt.Errorf("%w CSV: %v", ErrSyntax, pe.Err)})
			continue
		}
		line, _ := cr.FieldPos(0)
		if !haveHead {
			haveHead = true
			at := Place{File: name, Line: line}
			var hp []Problem
			h, hp = checkHeader(row, func(int) Place { return at }, at)
			problems = append(problems, hp...)
			continue
		}
		rec := Record{Place: Place{File: name, Line: line}}
		if len(row) != len(h.field) {
			rec.Problems = append(rec.Problems, Problem{Place: rec.Place,
				Err: fmt.Errorf("%w: %d, the header has %d", ErrCellCount, len(row), len(h.field))})
		}
		for i, v := range row {
			if i >= len(h.field) || h.field[i] < 0 {
				continue
			}
			cellLine, _ := cr.FieldPos(i)
			setCell(&rec.Event, events.Fields[h.field[i]], v, Place{File: name, Line: cellLine}, &rec.Problems)
		}
		if err := fn(rec); err != nil {
			return problems, err
		}
	}
	if !haveHead {
		problems = append(problems, Problem{Place: Place{File: name, Line: 1}, Err: fmt.Errorf("%w: the file is empty", ErrNoHeader)})
	}
	return problems, nil
}
