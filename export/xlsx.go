package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/stats"
)

// The sheets of the Excel workbook, in order.
const (
	SheetEvents   = "events"
	SheetSummary  = "summary"
	SheetArticles = "articles"
	SheetCodebook = "codebook"
)

// MaxSummaryWeeks is the longest span, in weeks, the summary sheet
// tabulates (about 38 years); a longer one gets a note instead (count it
// with eventline stats).
const MaxSummaryWeeks = 2000

// SummaryNote is the note under the summary table: how its events are counted.
const SummaryNote = "Events per week (weeks start on Monday; each row is named by its Monday) by event type, " +
	"counted as `eventline stats --by week --split event_type` counts them: only events reported or claimed " +
	"(denied, planned and threatened ones are left out), an event of unknown date at its publication date, " +
	"an event over several days in the week it starts, an event without a date not at all. " +
	"Each event is one report: the same strike told by two articles counts twice."

// ArticleColumns are the header of the articles sheet.
var ArticleColumns = []string{"id", "title", "published", "source", "url", "lang", "events"}

// DateNumFmt is the number format of date cells.
const DateNumFmt = "yyyy-mm-dd"

// MaxXLSXEvents is the number of events one events sheet holds: Excel's row
// limit less the header row.
const MaxXLSXEvents = excelize.TotalRows - 1

// fixedTime is the time stamped on the workbook's properties and on its zip
// entries, so that the same events give the same bytes on every run. It is
// the zip format's own epoch (MS-DOS dates start in 1980).
var fixedTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// excelEpoch is the day Excel's serial 0 stands for, for dates from
// 1900-03-01 on (Excel counts a 29 February 1900 that did not exist).
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// firstSerialDate is the first date this writer stores as an Excel serial
// number; earlier dates fall into the 1900 leap-year bug and are written as text.
var firstSerialDate = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)

// XLSXWriter writes an Excel workbook with four sheets:
//
//   - events: one row per event under a bold, frozen header row with an
//     autofilter. Cells are typed: dates are Excel dates shown yyyy-mm-dd,
//     integers and numbers are numbers, an unknown value is an empty cell;
//     text containing Arabic script is right-aligned and right-to-left.
//     Dates before 1900-03-01 (outside Excel's reliable range) and malformed
//     dates are written as text, as they are.
//   - summary: events per week by type — the week's Monday, one column per
//     event type present (taxonomy order) and a total, every week of the
//     span present (zeros included) — counted by package stats with its
//     defaults (see SummaryNote, written under the table), and a native
//     stacked column chart of it. A span of more than MaxSummaryWeeks weeks
//     gets the note alone; an empty timeline, the header and the note.
//   - articles: one row per WriteArticle call (id, title, published,
//     source, url, lang, events), typed the same way.
//   - codebook: every field (name, type, meaning, allowed values, required),
//     then the taxonomy with its ACLED and PLOVER codes.
//
// The events sheet is written with excelize's StreamWriter, which moves rows
// to a temporary file beyond 16 MB, and the finished workbook is written
// straight to the destination, so a large timeline does not sit in memory.
// The articles and codebook sheets are small and kept in memory until Close;
// so is the summary, which is written at Close in excelize's normal mode
// (charts cannot go on a streamed sheet): Write only adds the event to
// the week × type tallies of a stats.Counter, which hold one cell per
// week and type seen.
// One sheet holds at most MaxXLSXEvents events; Excel truncates a cell at
// 32,767 characters.
//
// Output is byte-identical for identical input: the document properties and
// every zip entry carry fixedTime, and no map order reaches the file.
type XLSXWriter struct {
	w        io.Writer
	f        *excelize.File
	sw       *excelize.StreamWriter
	styles   xlsxStyles
	rows     int // events written
	articles int // articles written
	summary  *stats.Counter
	cells    []any
	closed   bool
	err      error
}

// xlsxStyles are the style ids of the workbook.
type xlsxStyles struct {
	header, date, rtl int
}

// NewXLSX returns an Excel writer to w. Nothing reaches w before Close.
func NewXLSX(w io.Writer) (*XLSXWriter, error) {
	f := excelize.NewFile()
	summary, err := stats.NewCounter(stats.Options{By: stats.Week, Split: stats.SplitEventType})
	if err != nil {
		return nil, fmt.Errorf("export: xlsx: %w", err)
	}
	x := &XLSXWriter{w: w, f: f, cells: make([]any, len(events.Fields)), summary: summary}
	if err := x.init(); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("export: xlsx: %w", err)
	}
	return x, nil
}

func (x *XLSXWriter) init() error {
	f := x.f
	if err := f.SetSheetName("Sheet1", SheetEvents); err != nil {
		return err
	}
	for _, name := range []string{SheetSummary, SheetArticles, SheetCodebook} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Set before streaming: after Flush, SetActiveSheet would read the whole
	// streamed sheet back into memory.
	f.SetActiveSheet(0)
	var err error
	if x.styles.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	}); err != nil {
		return err
	}
	numFmt := DateNumFmt
	if x.styles.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &numFmt}); err != nil {
		return err
	}
	if x.styles.rtl, err = f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Horizontal: "right", ReadingOrder: 2},
	}); err != nil {
		return err
	}

	if x.sw, err = f.NewStreamWriter(SheetEvents); err != nil {
		return err
	}
	// excelize prepends each new column to the list; going from the last
	// column to the first leaves the <col> elements ascending, as Excel
	// requires (out of order, it reports the file as damaged).
	for i := len(events.Fields) - 1; i >= 0; i-- {
		if err := x.sw.SetColWidth(i+1, i+1, columnWidth(events.Fields[i])); err != nil {
			return err
		}
	}
	if err := x.sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	if err := x.sw.SetRow("A1", x.headerRow(events.FieldNames())); err != nil {
		return err
	}
	return x.initArticles()
}

// frozenHeader freezes the first row.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
}

func (x *XLSXWriter) headerRow(names []string) []any {
	row := make([]any, len(names))
	for i, n := range names {
		row[i] = excelize.Cell{StyleID: x.styles.header, Value: n}
	}
	return row
}

// columnWidth is the width, in characters, of a field's column: narrow for
// ids, codes, dates and numbers, wide for the sentence and the quote.
func columnWidth(f events.Field) float64 {
	switch f.Name {
	case "sentence":
		return 80
	case "quote":
		return 50
	case "url", "acled_sub_event_type":
		return 32
	case "id":
		return 26
	case "actor1", "actor2", "acled_event_type", "date_text", "location":
		return 24
	case "doc_id", "trigger":
		return 18
	case "event_type", "count_qualifier", "date_precision", "context", "count_unit", "plover":
		return 14
	case "country", "lang":
		return 8
	}
	switch f.Kind {
	case events.KindDate:
		return 11
	case events.KindInteger, events.KindNumber:
		return 10
	}
	return 16
}

// Write adds one row to the events sheet.
func (x *XLSXWriter) Write(e *events.Event) error {
	if x.closed {
		return errClosed
	}
	if e == nil {
		return errNilEvent
	}
	if x.err != nil {
		return x.err
	}
	if x.rows >= MaxXLSXEvents {
		x.err = fmt.Errorf("export: xlsx: the %s sheet holds at most %d events", SheetEvents, MaxXLSXEvents)
		return x.err
	}
	x.rows++
	x.summary.Add(e)
	for i, f := range events.Fields {
		x.cells[i] = x.cellValue(f.Kind, f.Get(e))
	}
	if err := x.sw.SetRow("A"+strconv.Itoa(x.rows+1), x.cells); err != nil {
		x.err = fmt.Errorf("export: xlsx: %w", err)
	}
	return x.err
}

// cellValue returns the typed cell of a value given as text: nil (an empty
// cell) for "", a date serial for a date, a number for an integer or a
// number, else the text, right-to-left when it holds Arabic script.
func (x *XLSXWriter) cellValue(k events.Kind, v string) any {
	if v == "" {
		return nil
	}
	switch k {
	case events.KindDate:
		if serial, ok := excelSerial(v); ok {
			return excelize.Cell{StyleID: x.styles.date, Value: serial}
		}
	case events.KindInteger:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
	case events.KindNumber:
		if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	v = validUTF8(v)
	if hasArabic(v) {
		return excelize.Cell{StyleID: x.styles.rtl, Value: v}
	}
	return v
}

// excelSerial returns Excel's serial day number of an ISO date from
// 1900-03-01 on.
func excelSerial(s string) (int64, bool) {
	t, err := events.ParseDate(s)
	if err != nil || t.Before(firstSerialDate) {
		return 0, false
	}
	return (t.Unix() - excelEpoch.Unix()) / 86400, true
}

// hasArabic reports whether s contains a letter of the Arabic script.
func hasArabic(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
		i += size
	}
	return false
}

func (x *XLSXWriter) initArticles() error {
	f := x.f
	if err := f.SetSheetRow(SheetArticles, "A1", &ArticleColumns); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(ArticleColumns), 1)
	if err := f.SetCellStyle(SheetArticles, "A1", last, x.styles.header); err != nil {
		return err
	}
	if err := setColWidths(f, SheetArticles, []float64{22, 60, 11, 16, 40, 6, 8}); err != nil {
		return err
	}
	return f.SetPanes(SheetArticles, frozenHeader())
}

// WriteArticle adds one row to the articles sheet.
func (x *XLSXWriter) WriteArticle(a events.ArticleSummary) error {
	if x.closed {
		return errClosed
	}
	if x.err != nil {
		return x.err
	}
	if x.articles >= excelize.TotalRows-1 {
		x.err = fmt.Errorf("export: xlsx: the %s sheet holds at most %d articles", SheetArticles, excelize.TotalRows-1)
		return x.err
	}
	x.articles++
	row := x.articles + 1
	values := []any{
		x.cellValue(events.KindString, a.ID),
		x.cellValue(events.KindString, a.Title),
		x.cellValue(events.KindDate, a.Published),
		x.cellValue(events.KindString, a.Source),
		x.cellValue(events.KindString, a.URL),
		x.cellValue(events.KindString, a.Lang),
		int64(a.Events),
	}
	for i, v := range values {
		if v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		style := 0
		if c, ok := v.(excelize.Cell); ok {
			style, v = c.StyleID, c.Value
		}
		if err := x.f.SetCellValue(SheetArticles, ref, v); err != nil {
			x.err = fmt.Errorf("export: xlsx: %w", err)
			return x.err
		}
		if style != 0 {
			if err := x.f.SetCellStyle(SheetArticles, ref, ref, style); err != nil {
				x.err = fmt.Errorf("export: xlsx: %w", err)
				return x.err
			}
		}
	}
	return nil
}

// writeCodebook fills the codebook sheet: the fields, a blank row, then
// the taxonomy.
func (x *XLSXWriter) writeCodebook() error {
	f := x.f
	const sheet = SheetCodebook
	row := 1
	put := func(values []string, header bool) error {
		for i, v := range values {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := f.SetCellStr(sheet, ref, v); err != nil {
				return err
			}
			style := 0
			if header {
				style = x.styles.header
			} else if hasArabic(v) {
				style = x.styles.rtl
			}
			if style != 0 {
				if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
					return err
				}
			}
		}
		row++
		return nil
	}
	if err := put([]string{"field", "type", "meaning", "allowed values", "required"}, true); err != nil {
		return err
	}
	for _, fl := range events.Fields {
		kind := fl.Kind.String()
		if fl.Kind == events.KindDate {
			kind += " (" + DateNumFmt + ")"
		}
		req := ""
		if fl.Required {
			req = "yes"
		}
		if err := put([]string{fl.Name, kind, fl.Meaning, strings.Join(fl.Enum, ", "), req}, false); err != nil {
			return err
		}
	}
	row++ // a blank row between the two tables
	if err := put([]string{"event_type", "covers", "ACLED event type", "ACLED sub-event type", "PLOVER", "PLOVER for withdrawal"}, true); err != nil {
		return err
	}
	for _, t := range events.Taxonomy {
		if err := put([]string{string(t.Type), t.Covers, t.ACLEDEventType, t.ACLEDSubEventType, t.PLOVER, t.PLOVERWithdrawal}, false); err != nil {
			return err
		}
	}
	return setColWidths(f, sheet, []float64{22, 60, 28, 40, 12, 22})
}

// writeSummary fills the summary sheet: the table of events per week by
// type, the note under it, and the chart beside it.
func (x *XLSXWriter) writeSummary() error {
	f := x.f
	const sheet = SheetSummary
	c := x.summary
	types := c.Values()
	weeks := c.Periods()
	if weeks > MaxSummaryWeeks {
		note := fmt.Sprintf("The events span %d weeks, more than this sheet tabulates (%d): count them with eventline stats. ", weeks, MaxSummaryWeeks)
		return f.SetCellStr(sheet, "A1", note+SummaryNote)
	}
	header := make([]string, 0, len(types)+2)
	header = append(header, "week")
	header = append(header, types...)
	header = append(header, "total")
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", x.styles.header); err != nil {
		return err
	}
	widths := make([]float64, len(header))
	widths[0] = 11
	for i := 1; i < len(widths); i++ {
		widths[i] = max(8, float64(len(header[i]))+2)
	}
	if err := setColWidths(f, sheet, widths); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, frozenHeader()); err != nil {
		return err
	}

	row := make([]any, len(header))
	r, i, total := 1, 0, 0
	err := c.Each(func(cell stats.Row) error {
		if i == 0 {
			r++
			total = 0
			row[0] = cell.Period
			if serial, ok := excelSerial(cell.Period); ok {
				row[0] = serial
			}
		}
		i++
		row[i] = cell.Events
		total += cell.Events
		if i < len(types) {
			return nil
		}
		i = 0
		row[len(row)-1] = total
		return f.SetSheetRow(sheet, "A"+strconv.Itoa(r), &row)
	})
	if err != nil {
		return err
	}
	if r > 1 {
		if err := f.SetCellStyle(sheet, "A2", "A"+strconv.Itoa(r), x.styles.date); err != nil {
			return err
		}
	}
	if err := f.SetCellStr(sheet, "A"+strconv.Itoa(r+2), SummaryNote); err != nil {
		return err
	}
	if r == 1 || len(types) == 0 {
		return nil // no week: no chart
	}
	return x.addSummaryChart(types, r, len(header))
}

// addSummaryChart puts a stacked column chart of the summary's type
// columns (not the total) right of the table; lastRow is the table's last row.
func (x *XLSXWriter) addSummaryChart(types []string, lastRow, columns int) error {
	const sheet = SheetSummary
	last := strconv.Itoa(lastRow)
	series := make([]excelize.ChartSeries, len(types))
	for i := range types {
		col, _ := excelize.ColumnNumberToName(i + 2)
		series[i] = excelize.ChartSeries{
			Name:       "'" + sheet + "'!$" + col + "$1",
			Categories: "'" + sheet + "'!$A$2:$A$" + last,
			Values:     "'" + sheet + "'!$" + col + "$2:$" + col + "$" + last,
		}
	}
	anchor, _ := excelize.CoordinatesToCellName(columns+2, 2)
	err := x.f.AddChart(sheet, anchor, &excelize.Chart{
		Type:       excelize.ColStacked,
		Series:     series,
		VaryColors: new(bool),
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Events per week by type"}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 800, Height: 400},
		XAxis:      excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: DateNumFmt}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "events"}}}},
		Format:     excelize.GraphicOptions{AltText: "Stacked column chart of events per week by type", Name: "events per week"},
	})
	if err != nil {
		return err
	}
	// Adding a drawing makes excelize declare the image content types from
	// a map, in random order; sort them so that the workbook's bytes stay
	// the same from run to run. (The order of Default entries in
	// [Content_Types].xml carries no meaning.)
	if ct := x.f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	return nil
}

// setColWidths sets the widths of the first columns of a sheet, last
// column first so that the <col> elements come out ascending (see init).
func setColWidths(f *excelize.File, sheet string, widths []float64) error {
	for i := len(widths) - 1; i >= 0; i-- {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, widths[i]); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the four sheets and writes the workbook to the
// underlying writer; it returns the first error met. It does not close the
// underlying writer. The temporary files of the stream are removed.
func (x *XLSXWriter) Close() error {
	if x.closed {
		return x.err
	}
	x.closed = true
	defer func() { _ = x.f.Close() }()
	if x.err != nil {
		return x.err
	}
	if err := x.finish(); err != nil {
		x.err = fmt.Errorf("export: xlsx: %w", err)
	}
	return x.err
}

func (x *XLSXWriter) finish() error {
	f := x.f
	lastCol, _ := excelize.ColumnNumberToName(len(events.Fields))
	// The autofilter goes on the stream's worksheet before Flush writes it out.
	if err := f.AutoFilter(SheetEvents, "A1:"+lastCol+strconv.Itoa(x.rows+1), nil); err != nil {
		return err
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	lastCol, _ = excelize.ColumnNumberToName(len(ArticleColumns))
	if err := f.AutoFilter(SheetArticles, "A1:"+lastCol+strconv.Itoa(x.articles+1), nil); err != nil {
		return err
	}
	if err := x.writeSummary(); err != nil {
		return err
	}
	if err := x.writeCodebook(); err != nil {
		return err
	}
	stamp := fixedTime.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "eventline", LastModifiedBy: "eventline", Title: "eventline timeline",
		Created: stamp, Modified: stamp,
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "eventline"}); err != nil {
		return err
	}
	dst := &stickyWriter{w: x.w}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return fixedTimeZip{zip.NewWriter(dst)} })
	// With the zip writer bound to dst, WriteToBuffer streams the workbook
	// to dst and leaves its own buffer empty.
	if _, err := f.WriteToBuffer(); err != nil {
		return err
	}
	return dst.err
}

// fixedTimeZip is an excelize.ZipWriter whose entries all carry fixedTime.
type fixedTimeZip struct{ zw *zip.Writer }

func (z fixedTimeZip) Create(name string) (io.Writer, error) {
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
}

func (z fixedTimeZip) AddFS(fs.FS) error {
	return errors.New("export: xlsx: AddFS is not supported")
}

func (z fixedTimeZip) Close() error { return z.zw.Close() }

// stickyWriter remembers the first write error, which excelize may drop.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}
