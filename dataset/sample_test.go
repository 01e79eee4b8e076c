package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

// sampleEvents returns a small timeline with Arabic and English text,
// commas, quotes and a line break inside cells, unknown values, a stated
// zero, negative coordinates and a date before Excel's serial range.
func sampleEvents() []events.Event {
	ar := events.Event{
		ID: "000_213c061cbfe19d7b-s0-e0", DocID: "000_213c061cbfe19d7b", Published: "2024-01-25",
		Date: "2024-01-25", DateEnd: "2024-01-25", DatePrecision: events.PrecisionUnknown,
		Actor1: "United States", Location: "Iraq", Country: "IQ",
		Latitude: events.Float(33.2232), Longitude: events.Float(43.6793),
		Count: events.Int(2500), CountQualifier: events.Approx, CountUnit: "soldier",
		Lang: "ar", Source: "AFP", URL: "https://example.org/afp/1?a=1,b=2", CharEnd: 150,
		Sentence:   "ويتواجد في العراق ما يقرب من 2500 جندي أميركي، وذلك في إطار عمل التحالف الدولي.",
		Confidence: 0.85, Trigger: "يتواجد", Context: events.Reported,
	}
	ar.SetType(events.Deployment, false)

	strike := events.Event{
		ID: "000_213c061cbfe19d7b-s7-e0", DocID: "000_213c061cbfe19d7b", Published: "2024-01-25",
		Date: "2024-01-23", DateEnd: "2024-01-23", DatePrecision: events.PrecisionDay, DateText: "الثلاثاء",
		Actor1: "United States", Actor2: "Kataib Hezbollah", Country: "IQ",
		Latitude: events.Float(-32.8), Longitude: events.Float(-44.1),
		Fatalities: events.Int(0), Injuries: events.Int(3),
		Quote: "He said: \"we, the people,\nwill respond\"",
		Lang:  "ar", Source: "AFP", SentenceIndex: 7, CharStart: 1200, CharEnd: 1311,
		Sentence:   "واستهدفت واشنطن \"كتائب حزب الله\"، يوم الثلاثاء.",
		Confidence: 1, Trigger: "استهدفت", Context: events.Reported,
	}
	strike.SetType(events.Airstrike, false)

	en := events.Event{
		ID: "reuters-2017-s3-e1", DocID: "reuters-2017", Published: "2017-12-10",
		Date: "2017-09-01", DateEnd: "2017-12-31", DatePrecision: events.PrecisionYear, DateText: "at the end of 2017",
		Actor1: "Iraq", Actor2: "Islamic State", Lang: "en", Source: "Reuters",
		SentenceIndex: 3, CharStart: 10, CharEnd: 20,
		Sentence:   "Iraq declared victory, at last, over \"IS\" at the end of 2017.",
		Confidence: 0.5, Trigger: "declared victory", Context: events.Claimed,
	}
	en.SetType(events.Announcement, false)

	old := events.Event{
		ID: "archive-s0-e0", DocID: "archive", Published: "1899-07-01",
		Date: "1899-06-30", DateEnd: "1899-06-30", DatePrecision: events.PrecisionDay, DateText: "yesterday",
		Lang: "en", Sentence: "An old\tone.", Confidence: 0.25, Trigger: "fighting", Context: events.Future,
	}
	old.SetType(events.ArmedClash, false)

	bare := events.Event{ID: "x-s1-e0", DocID: "x", SentenceIndex: 1, Sentence: "s", Trigger: "t",
		Context: events.Denied, DatePrecision: events.PrecisionUnknown, EventType: events.Statement}

	return []events.Event{ar, strike, en, old, bare}
}

// encode writes evs in a format with package export.
func encode(t testing.TB, format string, opts export.Options, evs []events.Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.New(format, &buf, opts)
	require.NoError(t, err)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// writeFile writes data to name in a new temporary directory and returns its path.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// readAll reads a file and returns its records and the file problems.
func readAll(t testing.TB, path string) ([]Record, []Problem) {
	t.Helper()
	var recs []Record
	problems, err := Read(path, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	require.NoError(t, err)
	return recs, problems
}

// strs turns places or problems into their strings.
func strs[T interface{ String() string }](xs []T) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, x.String())
	}
	return out
}
