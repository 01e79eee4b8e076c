package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// tlDoc is a TimelineJS document read back.
type tlDoc struct {
	Scale  string           `json:"scale"`
	Events []map[string]any `json:"events"`
	Title  map[string]any   `json:"title"`
}

func writeTimelineJS(t *testing.T, evs []events.Event) ([]byte, tlDoc, *TimelineJSWriter) {
	t.Helper()
	var buf bytes.Buffer
	w := NewTimelineJS(&buf)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	var doc tlDoc
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc), buf.String())
	return buf.Bytes(), doc, w
}

// dated returns an event with the given interval and precision.
func dated(id, date, end string, p events.Precision) events.Event {
	e := events.Event{ID: id, DocID: "doc", Published: "2024-01-25", Date: date, DateEnd: end, DatePrecision: p,
		Sentence: "s", Trigger: "t", Context: events.Reported, Confidence: 1}
	e.SetType(events.Attack, false)
	return e
}

func TestTimelineJSStructure(t *testing.T) {
	evs := sampleEvents()
	undated := dated("nodate-s0-e0", "", "", events.PrecisionUnknown)
	malformed := dated("bad-s0-e0", "2024-02-30", "2024-02-30", events.PrecisionDay)
	all := append(append([]events.Event{}, evs...), undated, malformed)
	data, doc, w := writeTimelineJS(t, all)

	assert.Equal(t, "human", doc.Scale)
	// Every dated event is a slide, in order, with its id; the bare sample event has no date either.
	var ids []string
	for _, s := range doc.Events {
		ids = append(ids, s["unique_id"].(string))
	}
	var want []string
	for _, e := range evs {
		if e.Date != "" {
			want = append(want, e.ID)
		}
	}
	assert.Equal(t, want, ids)
	assert.Equal(t, len(all)-len(want), w.Skipped(), "events without a usable date are counted")
	assert.Equal(t, "without a date", w.SkipReason())

	require.NotNil(t, doc.Title)
	assert.Equal(t, TimelineJSTitleID, doc.Title["unique_id"])
	assert.Nil(t, doc.Title["start_date"], "the title slide has no date")
	title := doc.Title["text"].(map[string]any)
	assert.Equal(t, "Timeline of events", title["headline"])
	assert.Contains(t, title["text"], "<p>4 events, 30 June 1899 – 25 January 2024, reported by AFP, Reuters.</p>")

	for _, s := range doc.Events {
		text := s["text"].(map[string]any)
		assert.NotEmpty(t, text["headline"])
		assert.NotEmpty(t, text["text"])
		sd := s["start_date"].(map[string]any)
		assert.IsType(t, float64(0), sd["year"], "year is a number")
	}
	// One slide per line, between the opening and the title.
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	assert.Equal(t, len(want)+2, len(lines))
	assert.Equal(t, `{"scale":"human","events":[`, lines[0])
	assert.True(t, strings.HasPrefix(lines[len(lines)-1], `],"title":{`))
}

func TestTimelineJSDates(t *testing.T) {
	type d = map[string]any
	tests := []struct {
		name    string
		e       events.Event
		start   d
		end     d // nil: no end_date
		display string
	}{
		{name: "day", e: dated("a-s0-e0", "2024-01-23", "2024-01-23", events.PrecisionDay),
			start: d{"year": 2024.0, "month": 1.0, "day": 23.0}, display: "23 January 2024"},
		{name: "week", e: dated("a-s0-e0", "2024-01-22", "2024-01-28", events.PrecisionWeek),
			start: d{"year": 2024.0, "month": 1.0, "day": 22.0}, end: d{"year": 2024.0, "month": 1.0, "day": 28.0}, display: "22–28 January 2024"},
		{name: "a night over two days", e: dated("a-s0-e0", "2024-01-31", "2024-02-01", events.PrecisionWeek),
			start: d{"year": 2024.0, "month": 1.0, "day": 31.0}, end: d{"year": 2024.0, "month": 2.0, "day": 1.0}, display: "31 January – 1 February 2024"},
		{name: "range over a year end", e: dated("a-s0-e0", "2023-10-11", "2024-01-25", events.PrecisionRange),
			start: d{"year": 2023.0, "month": 10.0, "day": 11.0}, end: d{"year": 2024.0, "month": 1.0, "day": 25.0}, display: "11 October 2023 – 25 January 2024"},
		{name: "whole month", e: dated("a-s0-e0", "2023-10-01", "2023-10-31", events.PrecisionMonth),
			start: d{"year": 2023.0, "month": 10.0}, display: "October 2023"},
		{name: "whole February of a leap year", e: dated("a-s0-e0", "2024-02-01", "2024-02-29", events.PrecisionMonth),
			start: d{"year": 2024.0, "month": 2.0}, display: "February 2024"},
		{name: "early October is days", e: dated("a-s0-e0", "2023-10-01", "2023-10-10", events.PrecisionMonth),
			start: d{"year": 2023.0, "month": 10.0, "day": 1.0}, end: d{"year": 2023.0, "month": 10.0, "day": 10.0}, display: "1–10 October 2023"},
		{name: "whole year", e: dated("a-s0-e0", "2014-01-01", "2014-12-31", events.PrecisionYear),
			start: d{"year": 2014.0}, display: "2014"},
		{name: "end of a year is months", e: dated("a-s0-e0", "2017-09-01", "2017-12-31", events.PrecisionYear),
			start: d{"year": 2017.0, "month": 9.0}, end: d{"year": 2017.0, "month": 12.0}, display: "September–December 2017"},
		{name: "unknown is the publication day", e: dated("a-s0-e0", "2024-01-25", "2024-01-25", events.PrecisionUnknown),
			start: d{"year": 2024.0, "month": 1.0, "day": 25.0}, display: "25 January 2024 (publication date; no date given)"},
		{name: "day precision ignores a stray end", e: dated("a-s0-e0", "2024-01-23", "2024-01-29", events.PrecisionDay),
			start: d{"year": 2024.0, "month": 1.0, "day": 23.0}, display: "23 January 2024"},
		{name: "malformed end is the start", e: dated("a-s0-e0", "2024-01-23", "soon", events.PrecisionWeek),
			start: d{"year": 2024.0, "month": 1.0, "day": 23.0}, display: "23 January 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, doc, w := writeTimelineJS(t, []events.Event{tt.e})
			require.Len(t, doc.Events, 1)
			assert.Zero(t, w.Skipped())
			s := doc.Events[0]
			assert.Equal(t, tt.start, s["start_date"])
			if tt.end == nil {
				assert.NotContains(t, s, "end_date")
			} else {
				assert.Equal(t, tt.end, s["end_date"])
			}
			assert.Equal(t, tt.display, s["display_date"])
		})
	}
}

func TestTimelineJSText(t *testing.T) {
	base := dated("doc-s4-e1", "2024-01-23", "2024-01-23", events.PrecisionDay)
	base.SentenceIndex = 4
	tests := []struct {
		name     string
		edit     func(*events.Event)
		headline string
		group    string
		contains []string
		absent   []string
	}{
		{name: "actors and place", edit: func(e *events.Event) {
			e.SetType(events.Airstrike, false)
			e.Actor1, e.Actor2, e.Location = "United States", "Kataib Hezbollah", "Baghdad"
		}, headline: "Airstrike: United States → Kataib Hezbollah, Baghdad", group: "Airstrike"},
		{name: "claimed, actor only", edit: func(e *events.Event) {
			e.SetType(events.DroneAttack, false)
			e.Actor1, e.Context = "Islamic Resistance in Iraq", events.Claimed
		}, headline: "Drone attack (claimed): Islamic Resistance in Iraq", group: "Drone attack"},
		{name: "target only, country for a place", edit: func(e *events.Event) {
			e.Actor2, e.Country = "United States", "IQ"
		}, headline: "Attack: → United States, IQ", group: "Attack"},
		{name: "nothing but the type", edit: func(e *events.Event) {}, headline: "Attack", group: "Attack"},
		{name: "html is escaped", edit: func(e *events.Event) {
			e.Actor1 = "<b>A & B</b>"
			e.Sentence = `He said "<script>alert(1)</script>" & left.`
		}, headline: "Attack: &lt;b&gt;A &amp; B&lt;/b&gt;", group: "Attack",
			contains: []string{`<p dir="auto">He said &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; left.</p>`},
			absent:   []string{"<script>", "<b>"}},
		{name: "source linked", edit: func(e *events.Event) {
			e.Source, e.URL = "AFP", "https://example.org/a?x=1&y=2"
			e.Sentence = "واستهدفت واشنطن"
		}, headline: "Attack", group: "Attack",
			contains: []string{`<p dir="auto">واستهدفت واشنطن</p>`, `<a href="https://example.org/a?x=1&amp;y=2">AFP</a>`,
				"published 25 January 2024", "doc, sentence 5"}},
		{name: "no link for other schemes", edit: func(e *events.Event) {
			e.Source, e.URL = "AFP", "javascript:alert(1)"
		}, headline: "Attack", group: "Attack", contains: []string{"<p><small>AFP · published"}, absent: []string{"href", "javascript"}},
		{name: "link without an outlet", edit: func(e *events.Event) {
			e.URL = "http://example.org/x"
		}, headline: "Attack", group: "Attack", contains: []string{`<a href="http://example.org/x">article</a>`}},
		{name: "counts, casualties and the date as written", edit: func(e *events.Event) {
			e.Count, e.CountQualifier, e.CountUnit = events.Int(150), events.MoreThan, "attack"
			e.Fatalities, e.Injuries = events.Int(0), events.Int(1)
			e.DateText = "منذ منتصف تشرين الأول"
		}, headline: "Attack", group: "Attack",
			contains: []string{`<p>more than 150 attacks · 0 killed · 1 wounded · date as written: <span dir="auto">منذ منتصف تشرين الأول</span></p>`}},
		{name: "people", edit: func(e *events.Event) {
			e.Count, e.CountQualifier, e.CountUnit = events.Int(2500), events.Approx, "person"
		}, headline: "Attack", group: "Attack", contains: []string{"<p>about 2500 people</p>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := base
			tt.edit(&e)
			_, doc, _ := writeTimelineJS(t, []events.Event{e})
			require.Len(t, doc.Events, 1)
			s := doc.Events[0]
			text := s["text"].(map[string]any)
			assert.Equal(t, tt.headline, text["headline"])
			assert.Equal(t, tt.group, s["group"])
			assert.Equal(t, "doc-s4-e1", s["unique_id"])
			body := text["text"].(string)
			for _, c := range tt.contains {
				assert.Contains(t, body, c)
			}
			for _, c := range tt.absent {
				assert.NotContains(t, body+text["headline"].(string), c)
			}
		})
	}
}

func TestTimelineJSEmptyAndInvalid(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		data, doc, w := writeTimelineJS(t, nil)
		assert.Empty(t, doc.Events)
		assert.NotNil(t, doc.Events, "events is [] not null")
		assert.Contains(t, doc.Title["text"].(map[string]any)["text"], "<p>0 events.")
		assert.Zero(t, w.Skipped())
		assert.True(t, strings.HasPrefix(string(data), `{"scale":"human","events":[],"title":`))
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		e := dated("bad\xff-s0-e0", "2024-01-23", "2024-01-23", events.PrecisionDay)
		e.Sentence, e.Actor1, e.Source = "a\xffb", "x\xfe", "AF\xffP"
		data, doc, _ := writeTimelineJS(t, []events.Event{e})
		assert.True(t, json.Valid(data))
		require.Len(t, doc.Events, 1)
		assert.Equal(t, "bad\uFFFD-s0-e0", doc.Events[0]["unique_id"])
		assert.Contains(t, doc.Events[0]["text"].(map[string]any)["text"], "a\uFFFDb")
	})
	t.Run("after close", func(t *testing.T) {
		w := NewTimelineJS(&bytes.Buffer{})
		require.NoError(t, w.Close())
		e := sampleEvents()[0]
		assert.Error(t, w.Write(&e))
		assert.Error(t, w.Write(nil))
		assert.NoError(t, w.Close())
	})
}

func TestTimelineJSDeterministic(t *testing.T) {
	evs := manyEvents(300)
	a, _, _ := writeTimelineJS(t, evs)
	b, _, _ := writeTimelineJS(t, evs)
	assert.Equal(t, a, b)
}

func TestTimelineJSTitleSources(t *testing.T) {
	var evs []events.Event
	for _, src := range []string{"Reuters", "AFP", "AP", "Reuters", "BBC", "CNN", "DW", "NYT", "WSJ", "Zeit", "AFP"} {
		e := dated("x-s0-e0", "2024-01-23", "2024-01-23", events.PrecisionDay)
		e.Source = src
		evs = append(evs, e)
	}
	_, doc, _ := writeTimelineJS(t, evs)
	assert.Contains(t, doc.Title["text"].(map[string]any)["text"], "reported by AFP, AP, BBC, CNN, DW, NYT, Reuters, WSJ and others.")
}

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "attack", "1 attack"}, {2, "attack", "2 attacks"}, {0, "soldier", "0 soldiers"},
		{3, "person", "3 people"}, {2, "bus", "2 buses"}, {4, "militia", "4 militias"},
		{5, "casualty", "5 casualties"}, {2, "day", "2 days"}, {2, "missile", "2 missiles"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, plural(tt.n, tt.noun))
		})
	}
}

func BenchmarkTimelineJS(b *testing.B) {
	evs := manyEvents(1000)
	b.ReportAllocs()
	for b.Loop() {
		w := NewTimelineJS(&bytes.Buffer{})
		for i := range evs {
			_ = w.Write(&evs[i])
		}
		_ = w.Close()
	}
}
