package stats

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes the table as CSV: the Header row, then one row per Each
// row (nothing is written when the table has more than MaxRows rows). Lines end in CRLF like eventline's events CSV (RFC 4180); bom starts
// the output with a UTF-8 byte-order mark, for Excel. Invalid UTF-8 in a
// split value becomes U+FFFD.
func (c *Counter) WriteCSV(w io.Writer, bom bool) error {
	if _, err := c.Len(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(c.Header()); err != nil {
		return err
	}
	split := c.opts.Split != NoSplit
	rec := make([]string, 0, 4)
	err := c.Each(func(r Row) error {
		rec = append(rec[:0], r.Period)
		if split {
			rec = append(rec, strings.ToValidUTF8(r.Value, "\uFFFD"))
		}
		rec = append(rec, strconv.Itoa(r.Events), strconv.Itoa(r.Attacks))
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
