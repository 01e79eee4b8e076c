package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/golden"
	"github.com/eventline/eventline/validate"
)

// cliEvents returns valid records that exercise every kind of cell:
// Arabic and English text, a quote with a comma, quotes and a line break,
// unknown values next to zeros, negative coordinates, a date before
// Excel's serial range, and a record with only the required fields.
func cliEvents() []events.Event {
	ar := events.Event{
		ID: "afp-s7-e0", DocID: "afp", Published: "2024-01-25",
		Date: "2024-01-23", DateEnd: "2024-01-23", DatePrecision: events.PrecisionDay, DateText: "الثلاثاء",
		Actor1: "United States", Actor2: "Kataib Hezbollah", Location: "Jurf al-Sakhar", Country: "IQ",
		Latitude: events.Float(-32.8125), Longitude: events.Float(-44.1), Fatalities: events.Int(0), Injuries: events.Int(3),
		Quote: "He said: \"we, the people,\nwill respond\"", Lang: "ar", Source: "AFP", URL: "https://example.org/a?b=1,c=2",
		SentenceIndex: 7, CharStart: 1200, CharEnd: 1248,
		Sentence: "واستهدفت واشنطن \"كتائب حزب الله\"، يوم الثلاثاء.", Confidence: 0.875, Trigger: "استهدفت", Context: events.Reported,
	}
	ar.SetType(events.Airstrike, false)
	dep := events.Event{
		ID: "afp-s0-e0", DocID: "afp", Published: "2024-01-25",
		Date: "2024-01-25", DateEnd: "2024-01-25", DatePrecision: events.PrecisionUnknown,
		Actor1: "United States", Location: "Iraq", Country: "IQ", Latitude: events.Float(33.2232), Longitude: events.Float(43.6793),
		Count: events.Int(2500), CountQualifier: events.Approx, CountUnit: "soldier", Lang: "ar", Source: "AFP",
		Sentence: "ويتواجد في العراق ما يقرب من 2500 جندي أميركي.", CharEnd: 46, Confidence: 1, Trigger: "يتواجد", Context: events.Reported,
	}
	dep.SetType(events.Deployment, true)
	en := events.Event{
		ID: "reuters-2017-s3-e1", DocID: "reuters-2017", Published: "2017-12-10",
		Date: "2017-09-01", DateEnd: "2017-12-31", DatePrecision: events.PrecisionYear, DateText: "at the end of 2017",
		Actor1: "Iraq", Actor2: "Islamic State", Lang: "en", Source: "Reuters", SentenceIndex: 3, CharStart: 10, CharEnd: 20,
		Sentence: "Iraq declared victory, at last, over \"IS\" at the end of 2017.", Confidence: 0.5, Trigger: "declared victory", Context: events.Claimed,
	}
	en.SetType(events.Announcement, false)
	old := events.Event{
		ID: "archive-s0-e0", DocID: "archive", Published: "1899-07-01",
		Date: "1899-06-30", DateEnd: "1899-06-30", DatePrecision: events.PrecisionDay, DateText: "yesterday",
		Lang: "en", Sentence: "An old\tone.", Confidence: 0.25, Trigger: "fighting", Context: events.Future,
	}
	old.SetType(events.ArmedClash, false)
	bare := events.Event{ID: "x-s1-e0", DocID: "x", SentenceIndex: 1, Sentence: "s", Trigger: "t", Context: events.Denied,
		DatePrecision: events.PrecisionUnknown, EventType: events.Statement}
	return []events.Event{ar, dep, en, old, bare}
}

// writeEvents writes evs at path in the format of its extension.
func writeEvents(t *testing.T, path string, evs []events.Event, bom bool) string {
	t.Helper()
	format, err := export.FormatFromPath(path)
	require.NoError(t, err)
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	w, err := export.New(format, f, export.Options{BOM: bom})
	require.NoError(t, err)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	return path
}

// badFiles writes three events files: a CSV whose third record has a bad
// precision, a clean JSON Lines file, and a JSON file with a duplicate id.
func badFiles(t *testing.T, dir string) (csvPath, jsonlPath, jsonPath string) {
	evs := cliEvents()
	bad := append([]events.Event(nil), evs...)
	bad[2].DatePrecision = "dayy"
	csvPath = writeEvents(t, filepath.Join(dir, "timeline.csv"), bad, true)
	jsonlPath = writeEvents(t, filepath.Join(dir, "clean.jsonl"), evs, false)
	dup := append([]events.Event(nil), evs...)
	dup[3].ID = dup[0].ID
	jsonPath = writeEvents(t, filepath.Join(dir, "dup.json"), dup, false)
	return
}

func TestValidateOutputFormats(t *testing.T) {
	dir := t.TempDir()
	csvPath, jsonlPath, jsonPath := badFiles(t, dir)
	// The CSV: header line 1, the first record spans lines 2-3 (its quote
	// has a line break), so the third record is on line 5.
	csvProblem := csvPath + `:5: date_precision: "dayy" is not one of day, week, month, year, range, unknown`
	jsonProblem := jsonPath + `:5: id: duplicate id "afp-s7-e0", first at ` + jsonPath + ":2"

	t.Run("text", func(t *testing.T) {
		code, out, errOut := runCLI(t, "", "validate", csvPath, jsonlPath, jsonPath)
		assert.Equal(t, 1, code)
		assert.Equal(t, csvProblem+"\n"+jsonProblem+"\n", out)
		assert.Equal(t, "eventline: 2 problems in 2 of 3 files\n", errOut)
	})
	t.Run("json", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "validate", "--format", "json", csvPath, jsonlPath, jsonPath)
		assert.Equal(t, 1, code)
		var got []validate.JSONProblem
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		assert.Equal(t, []validate.JSONProblem{
			{File: csvPath, Line: 5, Field: "date_precision", Message: `"dayy" is not one of day, week, month, year, range, unknown`},
			{File: jsonPath, Line: 5, Field: "id", Message: `duplicate id "afp-s7-e0", first at ` + jsonPath + ":2"},
		}, got)
	})
	t.Run("github", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "validate", "--format", "github", csvPath, jsonlPath, jsonPath)
		assert.Equal(t, 1, code)
		file := validate.EscapeProperty(csvPath)
		assert.Equal(t,
			"::error file="+file+",line=5,title=eventline date_precision::"+csvProblem+"\n"+
				"::error file="+validate.EscapeProperty(jsonPath)+",line=5,title=eventline id::"+jsonProblem+"\n", out)
	})
	t.Run("json, no problems", func(t *testing.T) {
		code, out, errOut := runCLI(t, "", "validate", "--format", "json", jsonlPath)
		assert.Equal(t, 0, code, errOut)
		assert.Equal(t, "[]\n", out)
		assert.Empty(t, errOut)
	})
}

func TestValidateXLSXPlaces(t *testing.T) {
	dir := t.TempDir()
	evs := cliEvents()
	evs[1].DateEnd = "2024-01-26" // after its date 2024-01-25, with precision unknown
	evs[2].DateEnd = "2017-08-31" // before its date 2017-09-01
	path := writeEvents(t, filepath.Join(dir, "timeline.xlsx"), evs, false)
	code, out, _ := runCLI(t, "", "validate", path)
	assert.Equal(t, 1, code)
	// Rows 3 and 4 (a header, then the records); date is column D, date_end E.
	assert.Equal(t, path+":events!D3: date: precision unknown needs date = date_end = published (2024-01-25)\n"+
		path+":events!E4: date_end: 2017-08-31 is before date 2017-09-01\n", out)
}

func TestValidateClean(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.csv", "b.json", "c.jsonl", "d.xlsx"} {
		paths = append(paths, writeEvents(t, filepath.Join(dir, name), cliEvents(), name == "a.csv"))
	}
	code, out, errOut := runCLI(t, "", append([]string{"validate"}, paths...)...)
	assert.Equal(t, 0, code, out)
	assert.Empty(t, out)
	assert.Equal(t, "eventline: no problems in 4 files (20 records)\n", errOut)
}

func TestValidateStdin(t *testing.T) {
	dir := t.TempDir()
	evs := cliEvents()
	evs[4].Context = "rumoured"
	path := writeEvents(t, filepath.Join(dir, "t.jsonl"), evs, false)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	code, out, _ := runCLI(t, string(data), "validate", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, `<stdin>:5: context: "rumoured" is not one of reported, claimed, denied, future, hypothetical`+"\n", out)
}

func TestValidateUnreadableIsAProblemOfTheData(t *testing.T) {
	dir := t.TempDir()
	ok := writeEvents(t, filepath.Join(dir, "ok.csv"), cliEvents(), false)
	missing := filepath.Join(dir, "missing.csv")
	code, out, errOut := runCLI(t, "", "validate", ok, missing)
	assert.Equal(t, 1, code)
	assert.Equal(t, missing+": cannot read: no such file or directory\n", out)
	assert.Equal(t, "eventline: 1 problem in 1 of 2 files\n", errOut)
}

func TestValidateUsage(t *testing.T) {
	dir := t.TempDir()
	ok := writeEvents(t, filepath.Join(dir, "ok.csv"), cliEvents(), false)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no files", []string{"validate"}, "name the events files to validate"},
		{"unknown output format", []string{"validate", "--format", "xml", ok}, `--format: validate: unknown output format "xml"`},
		{"unknown input format", []string{"validate", "--from", "yaml", ok}, `--from: unknown format "yaml"`},
		{"fixtures with files", []string{"validate", "--fixtures", dir, ok}, "takes no DATASET arguments"},
		{"update without fixtures", []string{"validate", "--update", ok}, "--update rewrites golden files and needs --fixtures DIR"},
		{"stdin twice", []string{"validate", "-", "-"}, "standard input (-) can be read only once"},
		{"unknown flag", []string{"validate", "--colour", ok}, "unknown flag: --colour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

// TestValidateFixtures runs the real parser on a temporary fixture folder:
// the goldens are written with --update first, then changed by hand, so
// the test holds whatever the parser extracts.
func TestValidateFixtures(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "---\nid: a\npublished: 2024-01-25\nlang: en\nsource: AP\n---\n"+
		"U.S. warplanes struck Kataib Hezbollah positions in Iraq on Tuesday, the Pentagon said. Two people were killed.\n")
	writeFile(t, filepath.Join(dir, "b.txt"), "---\nid: b\npublished: 2024-01-24\nlang: en\n---\nProtesters gathered in Khartoum on Monday.\n")
	goldenA := filepath.Join(dir, "a.events.json")

	code, out, errOut := runCLI(t, "", "validate", "--fixtures", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "FAIL "+filepath.Join(dir, "a.txt")+": "+goldenA+": no golden file (run with --update to create it)")
	assert.Contains(t, errOut, "eventline: 2 of 2 fixtures differ from their goldens")

	code, out, errOut = runCLI(t, "", "validate", "--fixtures", dir, "--update")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "updated "+goldenA)
	assert.Equal(t, "eventline: 2 of 2 golden files updated in "+dir+"\n", errOut)

	code, out, errOut = runCLI(t, "", "validate", "--fixtures", dir)
	assert.Equal(t, 0, code, out)
	assert.Empty(t, out)
	assert.Equal(t, "eventline: all 2 fixtures match their goldens\n", errOut)

	// Change the golden by hand: one more event the parser does not find,
	// and (when the parser found any) a changed field of the first.
	want, err := golden.Read(goldenA)
	require.NoError(t, err)
	wantLines := []string{}
	if len(want) > 0 {
		wantLines = append(wantLines, want[0].ID+`: actor1: expected "Somebody Else", got "`+want[0].Actor1+`"`)
		want[0].Actor1 = "Somebody Else"
	}
	extra := cliEvents()[2]
	extra.ID, extra.DocID = "a-s9-e0", "a"
	want = append(want, extra)
	wantLines = append(wantLines, `missing event a-s9-e0 (announcement, trigger "declared victory"): `+extra.Sentence)
	require.NoError(t, golden.Write(goldenA, want))

	t.Run("text", func(t *testing.T) {
		code, out, errOut := runCLI(t, "", "validate", "--fixtures", dir)
		assert.Equal(t, 1, code)
		for _, l := range wantLines {
			assert.Contains(t, out, "  "+l+"\n")
		}
		assert.Contains(t, out, "FAIL "+filepath.Join(dir, "a.txt"))
		assert.NotContains(t, out, "b.txt")
		assert.Contains(t, errOut, "eventline: 1 of 2 fixtures differ from their goldens (review the differences; --update rewrites the goldens)")
	})
	t.Run("json", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "validate", "--fixtures", dir, "--format", "json")
		assert.Equal(t, 1, code)
		var got []validate.FixtureJSON
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		require.Len(t, got, 2)
		assert.Equal(t, validate.FixtureDiffers, got[0].Status)
		assert.Equal(t, validate.FixtureOK, got[1].Status)
		var texts []string
		for _, d := range got[0].Diffs {
			texts = append(texts, d.Text)
		}
		assert.Equal(t, wantLines, texts)
	})
	t.Run("github", func(t *testing.T) {
		code, out, _ := runCLI(t, "", "validate", "--fixtures", dir, "--format", "github")
		assert.Equal(t, 1, code)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, lines, len(wantLines))
		// The missing event is the golden file's last record: its line is
		// the line of its id (after "[" and the other records).
		assert.Contains(t, lines[len(lines)-1], "::error file="+validate.EscapeProperty(goldenA)+fmtLine(len(want)+1)+",title=fixture a%3A missing a-s9-e0::")
	})

	code, _, errOut = runCLI(t, "", "validate", "--fixtures", dir, "--update")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "eventline: 1 of 2 golden files updated in "+dir+"\n", errOut)
	code, _, _ = runCLI(t, "", "validate", "--fixtures", dir)
	assert.Equal(t, 0, code)
}

func fmtLine(n int) string { return ",line=" + itoa(n) }

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestValidateFixturesMissingFolder(t *testing.T) {
	code, _, errOut := runCLI(t, "", "validate", "--fixtures", filepath.Join(t.TempDir(), "none"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no fixture could be checked in")
}
