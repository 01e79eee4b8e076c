package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/dataset"
)

func reportProblems() []dataset.Problem {
	return []dataset.Problem{
		{Place: dataset.Place{File: "timeline.csv", Line: 14}, Field: "date_precision", Err: errors.New(`"dayy" is not one of day, week`)},
		{Place: dataset.Place{File: "dir,1/time:line.xlsx", Line: 12, Sheet: "events", Cell: "F12"}, Field: "date", Err: errors.New("100% bad\r\nreally")},
		{Place: dataset.Place{File: "t.xlsx", Line: 1, Sheet: "events"}, Err: errors.New(`missing column "x"`)},
		{Place: dataset.Place{File: "gone.csv"}, Err: errors.New("cannot read: no such file or directory")},
	}
}

func TestPrinters(t *testing.T) {
	tests := []struct {
		name   string
		format string
		want   string
	}{
		{
			name: "text", format: FormatText,
			want: `timeline.csv:14: date_precision: "dayy" is not one of day, week` + "\n" +
				"dir,1/time:line.xlsx:events!F12: date: 100% bad\r\nreally\n" +
				`t.xlsx:events!1:1: missing column "x"` + "\n" +
				"gone.csv: cannot read: no such file or directory\n",
		},
		{
			name: "github", format: FormatGitHub,
			want: `::error file=timeline.csv,line=14,title=eventline date_precision::timeline.csv:14: date_precision: "dayy" is not one of day, week` + "\n" +
				"::error file=dir%2C1/time%3Aline.xlsx,title=eventline events!F12 date::dir,1/time:line.xlsx:events!F12: date: 100%25 bad%0D%0Areally\n" +
				`::error file=t.xlsx,title=eventline events!1%3A1::t.xlsx:events!1:1: missing column "x"` + "\n" +
				"::error file=gone.csv,title=eventline::gone.csv: cannot read: no such file or directory\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			p, err := NewPrinter(tt.format, &b)
			require.NoError(t, err)
			for _, pr := range reportProblems() {
				require.NoError(t, p.Print(pr))
			}
			require.NoError(t, p.Close())
			assert.Equal(t, tt.want, b.String())
		})
	}
}

func TestJSONPrinter(t *testing.T) {
	tests := []struct {
		name     string
		problems []dataset.Problem
		want     []JSONProblem
	}{
		{name: "none", problems: nil, want: []JSONProblem{}},
		{name: "all kinds of place", problems: reportProblems(), want: []JSONProblem{
			{File: "timeline.csv", Line: 14, Field: "date_precision", Message: `"dayy" is not one of day, week`},
			{File: "dir,1/time:line.xlsx", Line: 12, Sheet: "events", Cell: "F12", Field: "date", Message: "100% bad\r\nreally"},
			{File: "t.xlsx", Line: 1, Sheet: "events", Message: `missing column "x"`},
			{File: "gone.csv", Message: "cannot read: no such file or directory"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			p, err := NewPrinter(FormatJSON, &b)
			require.NoError(t, err)
			for _, pr := range tt.problems {
				require.NoError(t, p.Print(pr))
			}
			require.NoError(t, p.Close())
			var got []JSONProblem
			require.NoError(t, json.Unmarshal(b.Bytes(), &got), b.String())
			assert.Equal(t, tt.want, got)
			// Every key is always present.
			var raw []map[string]any
			require.NoError(t, json.Unmarshal(b.Bytes(), &raw))
			for _, obj := range raw {
				assert.Len(t, obj, 6)
			}
		})
	}
}

func TestNewPrinterUnknown(t *testing.T) {
	_, err := NewPrinter("xml", &bytes.Buffer{})
	assert.ErrorIs(t, err, ErrUnknownFormat)
}

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, data, prop string
	}{
		{"plain", "abc", "abc", "abc"},
		{"percent first", "%0A", "%250A", "%250A"},
		{"line ends", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"colon and comma", "a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"arabic", "تاريخ: خطأ", "تاريخ: خطأ", "تاريخ%3A خطأ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.data, EscapeData(tt.in))
			assert.Equal(t, tt.prop, EscapeProperty(tt.in))
		})
	}
}

func TestSummary(t *testing.T) {
	one := dataset.Problem{Place: dataset.Place{File: "a"}}
	tests := []struct {
		name    string
		results []Result
		want    string
	}{
		{"no files", nil, "no problems in 0 files"},
		{"clean", []Result{{}, {}}, "no problems in 2 files"},
		{"one", []Result{{Problems: []dataset.Problem{one}}}, "1 problem in 1 of 1 file"},
		{"several", []Result{{Problems: []dataset.Problem{one, one}}, {}, {Problems: []dataset.Problem{one}}, {}}, "3 problems in 2 of 4 files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Summary(tt.results))
		})
	}
}
