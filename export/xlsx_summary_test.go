package export

import (
	"archive/zip"
	"bytes"
	"html"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eventline/eventline/events"
)

// weekEvent returns an event of type t on date d with context c.
func weekEvent(id string, t events.EventType, d string, c events.Context) events.Event {
	e := events.Event{ID: id, DocID: "doc", Published: d, Date: d, DateEnd: d, DatePrecision: events.PrecisionDay,
		Sentence: "s", Trigger: "t", Context: c, Confidence: 1}
	e.SetType(t, false)
	return e
}

func zipNames(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

func TestXLSXSummary(t *testing.T) {
	evs := []events.Event{
		weekEvent("a-s0-e0", events.Airstrike, "2024-01-23", events.Reported), // week of 2024-01-22
		weekEvent("a-s1-e0", events.Airstrike, "2024-01-28", events.Reported), // Sunday, same week
		weekEvent("a-s2-e0", events.Attack, "2024-01-02", events.Claimed),     // week of 2024-01-01
		weekEvent("a-s3-e0", events.Statement, "2024-01-24", events.Reported),
		weekEvent("a-s4-e0", events.Attack, "2024-01-24", events.Denied),  // not counted
		weekEvent("a-s5-e0", events.Meeting, "2024-03-01", events.Future), // not counted
		weekEvent("a-s6-e0", events.Attack, "", events.Reported),          // no date
	}
	data, f := writeXLSX(t, evs, nil)

	rows, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(rows), 6)
	assert.Equal(t, []string{"week", "attack", "airstrike", "statement", "total"}, rows[0], "types present, in taxonomy order, then the total")
	assert.Equal(t, [][]string{
		{"2024-01-01", "1", "0", "0", "1"},
		{"2024-01-08", "0", "0", "0", "0"},
		{"2024-01-15", "0", "0", "0", "0"},
		{"2024-01-22", "0", "2", "1", "3"},
	}, rows[1:5], "every week, zeros included")
	assert.Empty(t, rows[5], "a blank row before the note")
	require.Len(t, rows, 7)
	assert.Equal(t, SummaryNote, rows[6][0])

	t.Run("typed cells", func(t *testing.T) {
		raw, err := f.GetCellValue(SheetSummary, "A2", excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		assert.Equal(t, "45292", raw, "the week is an Excel date (2024-01-01)")
		s := cellStyle(t, f, SheetSummary, "A2")
		require.NotNil(t, s.CustomNumFmt)
		assert.Equal(t, DateNumFmt, *s.CustomNumFmt)
		for _, cell := range []string{"B2", "E5"} {
			typ, err := f.GetCellType(SheetSummary, cell)
			require.NoError(t, err)
			assert.Equal(t, excelize.CellTypeUnset, typ, "%s is a number", cell)
		}
		p, err := f.GetPanes(SheetSummary)
		require.NoError(t, err)
		assert.True(t, p.Freeze)
	})

	t.Run("chart", func(t *testing.T) {
		names := zipNames(t, data)
		assert.Contains(t, names, "xl/charts/chart1.xml")
		assert.Contains(t, names, "xl/drawings/drawing1.xml")
		chart := html.UnescapeString(zipEntry(t, data, "xl/charts/chart1.xml"))
		has := func(sub, msg string) {
			assert.True(t, strings.Contains(chart, sub), "chart1.xml lacks %s (%s)", sub, msg)
		}
		has(`<barDir val="col">`, "columns")
		has(`<grouping val="stacked">`, "stacked")
		has(`<varyColors val="0">`, "one colour per series")
		for _, col := range []string{"B", "C", "D"} {
			has("<f>'summary'!$"+col+"$1</f>", "series named by its header")
			has("<f>'summary'!$"+col+"$2:$"+col+"$5</f>", "series values")
		}
		has("<f>'summary'!$A$2:$A$5</f>", "weeks are the categories")
		assert.False(t, strings.Contains(chart, "$E$"), "the total is not stacked")
		// The drawing belongs to the summary sheet (sheet2.xml).
		rels := zipEntry(t, data, "xl/worksheets/_rels/sheet2.xml.rels")
		assert.Contains(t, rels, "drawing1.xml")
		assert.NotContains(t, names, "xl/worksheets/_rels/sheet1.xml.rels", "the streamed events sheet has no drawing")
	})

	t.Run("events sheet unchanged", func(t *testing.T) {
		ev, err := f.GetRows(SheetEvents)
		require.NoError(t, err)
		assert.Len(t, ev, len(evs)+1)
	})
}

func TestXLSXSummaryEmpty(t *testing.T) {
	data, f := writeXLSX(t, nil, nil)
	rows, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"week", "total"}, nil, {SummaryNote}}, rows)
	for _, n := range zipNames(t, data) {
		assert.False(t, strings.HasPrefix(n, "xl/charts/"), "no chart without a week: %s", n)
	}
}

func TestXLSXSummaryTooLong(t *testing.T) {
	evs := []events.Event{
		weekEvent("a-s0-e0", events.Attack, "1950-01-02", events.Reported),
		weekEvent("a-s1-e0", events.Attack, "2024-01-01", events.Reported),
	}
	data, f := writeXLSX(t, evs, nil)
	rows, err := f.GetRows(SheetSummary)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Contains(t, rows[0][0], "more than this sheet tabulates ("+strconv.Itoa(MaxSummaryWeeks)+")")
	assert.NotContains(t, zipNames(t, data), "xl/charts/chart1.xml")
}

func TestXLSXSummaryDeterministicWithChart(t *testing.T) {
	var evs []events.Event
	types := []events.EventType{events.Attack, events.DroneAttack, events.Airstrike, events.Interception, events.Statement}
	for i := range 200 {
		d := events.FormatDate(mustDate(t, "2023-10-07").AddDate(0, 0, i%120))
		evs = append(evs, weekEvent("d-s"+strconv.Itoa(i)+"-e0", types[i%len(types)], d, events.Reported))
	}
	var outs [][]byte
	for range 5 {
		data, _ := writeXLSX(t, evs, sampleArticles())
		require.Contains(t, zipNames(t, data), "xl/charts/chart1.xml")
		outs = append(outs, data)
	}
	for i := 1; i < len(outs); i++ {
		assert.True(t, bytes.Equal(outs[0], outs[i]), "run %d gives other bytes", i)
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := events.ParseDate(s)
	require.NoError(t, err)
	return d
}
