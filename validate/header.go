package validate

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/export"
)

// readHeader returns the header row of a CSV or Excel file as dataset
// reads it — in CSV the first row that parses (after a byte-order mark), in
// Excel the first non-empty row of the events sheet without its trailing
// empty cells — or nil when there is none. Its problems are dataset's to
// report; this only learns which column holds which field.
func readHeader(format string, r io.Reader) (names []string) {
	switch format {
	case export.FormatCSV:
		br := bufio.NewReader(r)
		if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xEF\xBB\xBF")) {
			_, _ = br.Discard(3)
		}
		cr := csv.NewReader(br)
		cr.FieldsPerRecord = -1
		for {
			row, err := cr.Read()
			if err == nil {
				return row
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil
			}
		}
	case export.FormatXLSX:
		defer func() {
			if recover() != nil { // a damaged workbook: dataset reports it
				names = nil
			}
		}()
		f, err := excelize.OpenReader(r)
		if err != nil {
			return nil
		}
		defer f.Close()
		rows, err := f.Rows(export.SheetEvents)
		if err != nil {
			return nil
		}
		defer rows.Close()
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				continue
			}
			n := len(cells)
			for n > 0 && cells[n-1] == "" {
				n--
			}
			if n > 0 {
				return cells[:n]
			}
		}
	}
	return nil
}
