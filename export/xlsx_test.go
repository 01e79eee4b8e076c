package export

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/events"
)

// writeXLSX writes evs and arts to a workbook and opens it again.
func writeXLSX(t testing.TB, evs []events.Event, arts []events.ArticleSummary) ([]byte, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewXLSX(&buf)
	require.NoError(t, err)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	for _, a := range arts {
		require.NoError(t, w.WriteArticle(a))
	}
	require.NoError(t, w.Close())
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return buf.Bytes(), f
}

func sampleArticles() []events.ArticleSummary {
	return []events.ArticleSummary{
		{ID: "000_213c061cbfe19d7b", Title: "العراق يطلق محادثات مع واشنطن", Published: "2024-01-25", Source: "AFP", URL: "https://example.org/1", Lang: "ar", Events: 12},
		{ID: "reuters-2017", Title: "Iraq declares victory", Published: "2017-12-10", Source: "Reuters", Lang: "en", Events: 1},
		{ID: "undated", Title: "No date", Lang: "en"},
	}
}

func TestXLSXSheets(t *testing.T) {
	_, f := writeXLSX(t, nil, nil)
	assert.Equal(t, []string{SheetEvents, SheetSummary, SheetArticles, SheetCodebook}, f.GetSheetList())
	assert.Equal(t, 0, f.GetActiveSheetIndex())
	rows, err := f.GetRows(SheetEvents)
	require.NoError(t, err)
	assert.Equal(t, [][]string{events.FieldNames()}, rows, "an empty timeline is the header alone")
}

func TestXLSXRoundTrip(t *testing.T) {
	evs := sampleEvents()
	_, f := writeXLSX(t, evs, nil)
	rows, err := f.GetRows(SheetEvents)
	require.NoError(t, err)
	require.Len(t, rows, len(evs)+1)
	// GetRows drops trailing empty cells; pad to the header's width.
	for i := range rows {
		for len(rows[i]) < len(events.Fields) {
			rows[i] = append(rows[i], "")
		}
	}
	assert.Equal(t, evs, roundTripFields(t, rows), "formatted cell values read back as the same events")

	for r, e := range evs {
		for c, fl := range events.Fields {
			ref, err := excelize.CoordinatesToCellName(c+1, r+2)
			require.NoError(t, err)
			want := fl.Get(&e)
			got, err := f.GetCellValue(SheetEvents, ref)
			require.NoError(t, err)
			assert.Equal(t, want, got, ref)
			typ, err := f.GetCellType(SheetEvents, ref)
			require.NoError(t, err)
			_, isSerial := excelSerial(want)
			switch {
			case want == "":
				assert.Equal(t, excelize.CellTypeUnset, typ, "%s (%s) is empty", ref, fl.Name)
			case fl.Kind == events.KindInteger || fl.Kind == events.KindNumber || fl.Kind == events.KindDate && isSerial:
				assert.Equal(t, excelize.CellTypeUnset, typ, "%s (%s) is a number", ref, fl.Name)
				raw, err := f.GetCellValue(SheetEvents, ref, excelize.Options{RawCellValue: true})
				require.NoError(t, err)
				_, err = strconv.ParseFloat(raw, 64)
				assert.NoError(t, err, "%s (%s) holds a number, got %q", ref, fl.Name, raw)
			default:
				assert.Equal(t, excelize.CellTypeInlineString, typ, "%s (%s) is text", ref, fl.Name)
			}
		}
	}
}

func TestXLSXDates(t *testing.T) {
	evs := sampleEvents()
	_, f := writeXLSX(t, evs, nil)
	tests := []struct {
		name    string
		cell    string
		wantRaw string
		date    bool
	}{
		{name: "published", cell: "C2", wantRaw: "45316", date: true}, // 2024-01-25
		{name: "date", cell: "D3", wantRaw: "45314", date: true},      // 2024-01-23
		{name: "leap year", cell: "E4", wantRaw: "43100", date: true}, // 2017-12-31
		{name: "before 1900-03-01 is text", cell: "D5", wantRaw: "1899-06-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := f.GetCellValue(SheetEvents, tt.cell, excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			assert.Equal(t, tt.wantRaw, raw)
			if !tt.date {
				return
			}
			serial, err := strconv.ParseFloat(raw, 64)
			require.NoError(t, err)
			tm, err := excelize.ExcelDateToTime(serial, false)
			require.NoError(t, err)
			formatted, err := f.GetCellValue(SheetEvents, tt.cell)
			require.NoError(t, err)
			assert.Equal(t, events.FormatDate(tm), formatted, "excelize's own date conversion agrees")
			style := cellStyle(t, f, SheetEvents, tt.cell)
			require.NotNil(t, style.CustomNumFmt)
			assert.Equal(t, DateNumFmt, *style.CustomNumFmt)
		})
	}
}

func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	s, err := f.GetStyle(id)
	require.NoError(t, err)
	return s
}

func TestXLSXLayout(t *testing.T) {
	evs := sampleEvents()
	data, f := writeXLSX(t, evs, sampleArticles())

	t.Run("bold header", func(t *testing.T) {
		for _, cell := range []string{"A1", "AG1"} {
			s := cellStyle(t, f, SheetEvents, cell)
			require.NotNil(t, s.Font, cell)
			assert.True(t, s.Font.Bold, cell)
		}
		assert.False(t, cellStyle(t, f, SheetEvents, "A2").Font != nil && cellStyle(t, f, SheetEvents, "A2").Font.Bold)
	})
	t.Run("frozen header", func(t *testing.T) {
		for _, sheet := range []string{SheetEvents, SheetArticles} {
			p, err := f.GetPanes(sheet)
			require.NoError(t, err)
			assert.True(t, p.Freeze, sheet)
			assert.Equal(t, 1, p.YSplit, sheet)
			assert.Equal(t, "A2", p.TopLeftCell, sheet)
		}
	})
	t.Run("autofilter", func(t *testing.T) {
		sheetXML := zipEntry(t, data, "xl/worksheets/sheet1.xml")
		assert.Contains(t, sheetXML, `<autoFilter ref="$A$1:$AG$6"`)
		var refs []string
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" {
				refs = append(refs, dn.RefersTo)
			}
		}
		assert.Equal(t, []string{"'events'!$A$1:$AG$6", "'articles'!$A$1:$G$4"}, refs)
	})
	t.Run("col elements ascend", func(t *testing.T) {
		// Excel reports a workbook as damaged when <col> elements are out of order.
		for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"} {
			xml := zipEntry(t, data, name)
			var mins []int
			for _, m := range colMin.FindAllStringSubmatch(xml, -1) {
				n, err := strconv.Atoi(m[1])
				require.NoError(t, err)
				mins = append(mins, n)
			}
			require.NotEmpty(t, mins, name)
			for i := 1; i < len(mins); i++ {
				assert.Less(t, mins[i-1], mins[i], "%s: <col> %d after %d", name, mins[i], mins[i-1])
			}
		}
	})
	t.Run("column widths", func(t *testing.T) {
		tests := []struct {
			field string
			want  float64
		}{
			{"sentence", 80}, {"quote", 50}, {"id", 26}, {"date", 11}, {"count", 10}, {"country", 8},
		}
		for _, tt := range tests {
			col, err := excelize.ColumnNumberToName(indexOf(events.FieldNames(), tt.field) + 1)
			require.NoError(t, err)
			got, err := f.GetColWidth(SheetEvents, col)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, tt.field)
		}
	})
	t.Run("arabic right to left", func(t *testing.T) {
		sentenceCol, _ := excelize.ColumnNumberToName(indexOf(events.FieldNames(), "sentence") + 1)
		ar := cellStyle(t, f, SheetEvents, sentenceCol+"2")
		require.NotNil(t, ar.Alignment)
		assert.Equal(t, "right", ar.Alignment.Horizontal)
		assert.Equal(t, uint64(2), ar.Alignment.ReadingOrder)
		en := cellStyle(t, f, SheetEvents, sentenceCol+"4")
		assert.True(t, en.Alignment == nil || en.Alignment.ReadingOrder == 0, "English text keeps the default direction")
		title := cellStyle(t, f, SheetArticles, "B2")
		require.NotNil(t, title.Alignment)
		assert.Equal(t, uint64(2), title.Alignment.ReadingOrder)
	})
	t.Run("no Sheet1", func(t *testing.T) {
		assert.NotContains(t, f.GetSheetList(), "Sheet1")
	})
}

func TestXLSXArticles(t *testing.T) {
	arts := sampleArticles()
	_, f := writeXLSX(t, nil, arts)
	rows, err := f.GetRows(SheetArticles)
	require.NoError(t, err)
	require.Len(t, rows, len(arts)+1)
	assert.Equal(t, ArticleColumns, rows[0])
	for i, a := range arts {
		want := []string{a.ID, a.Title, a.Published, a.Source, a.URL, a.Lang, strconv.Itoa(a.Events)}
		assert.Equal(t, want, pad(rows[i+1], len(want)), a.ID)
	}
	raw, err := f.GetCellValue(SheetArticles, "C2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "45316", raw, "published is a date serial")
	typ, err := f.GetCellType(SheetArticles, "G2")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeUnset, typ, "events is a number")
}

var colMin = regexp.MustCompile(`<col [^>]*\bmin="(\d+)"`)

func pad(row []string, n int) []string {
	for len(row) < n {
		row = append(row, "")
	}
	return row
}

func TestXLSXCodebook(t *testing.T) {
	_, f := writeXLSX(t, nil, nil)
	rows, err := f.GetRows(SheetCodebook)
	require.NoError(t, err)
	require.Len(t, rows, 1+len(events.Fields)+1+1+len(events.Taxonomy))
	assert.Equal(t, []string{"field", "type", "meaning", "allowed values", "required"}, rows[0])
	for i, fl := range events.Fields {
		row := pad(rows[i+1], 5)
		assert.Equal(t, fl.Name, row[0])
		assert.True(t, strings.HasPrefix(row[1], fl.Kind.String()), row[1])
		assert.Equal(t, fl.Meaning, row[2])
		assert.Equal(t, strings.Join(fl.Enum, ", "), row[3])
		assert.Equal(t, fl.Required, row[4] == "yes", fl.Name)
	}
	assert.Empty(t, rows[1+len(events.Fields)], "a blank row between the tables")
	tax := rows[2+len(events.Fields):]
	assert.Equal(t, []string{"event_type", "covers", "ACLED event type", "ACLED sub-event type", "PLOVER", "PLOVER for withdrawal"}, tax[0])
	for i, ti := range events.Taxonomy {
		want := []string{string(ti.Type), ti.Covers, ti.ACLEDEventType, ti.ACLEDSubEventType, ti.PLOVER, ti.PLOVERWithdrawal}
		assert.Equal(t, want, pad(tax[i+1], 6))
	}
	assert.Contains(t, tax[len(tax)-2], "RETREAT", "deployment's withdrawal code")
}

func TestXLSXDeterministic(t *testing.T) {
	evs := manyEvents(200)
	a, _ := writeXLSX(t, evs, sampleArticles())
	b, _ := writeXLSX(t, evs, sampleArticles())
	assert.True(t, bytes.Equal(a, b), "two runs give the same bytes")

	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	require.NoError(t, err)
	for _, zf := range zr.File {
		assert.True(t, zf.Modified.Equal(fixedTime), "%s stamped %v", zf.Name, zf.Modified)
	}
	core := zipEntry(t, a, "docProps/core.xml")
	assert.Contains(t, core, "1980-01-01T00:00:00Z")
	assert.NotContains(t, core, "2006-09-16", "excelize's template date is replaced")
	assert.Contains(t, zipEntry(t, a, "docProps/app.xml"), "<Application>eventline</Application>")
}

func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			require.NoError(t, err)
			defer rc.Close()
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			return string(b)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

func TestXLSXInvalidText(t *testing.T) {
	e := sampleEvents()[4]
	e.Quote = "bad\xff\x00byte"
	_, f := writeXLSX(t, []events.Event{e}, nil)
	col, _ := excelize.ColumnNumberToName(indexOf(events.FieldNames(), "quote") + 1)
	got, err := f.GetCellValue(SheetEvents, col+"2")
	require.NoError(t, err)
	assert.Equal(t, "bad\uFFFD\uFFFDbyte", got, "invalid UTF-8 and XML-invalid bytes become U+FFFD")
}
