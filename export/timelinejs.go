package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventline/eventline/events"
)

// TimelineJSTitleID is the unique_id of the title slide. Event ids always
// end in -s<n>-e<n>, so it cannot collide with one.
const TimelineJSTitleID = "eventline-title"

// maxTitleSources is the number of outlets the title slide names.
const maxTitleSources = 8

// TimelineJSWriter writes a TimelineJS3 JSON document
// (https://timeline.knightlab.com/docs/json-format.html) that the
// TimelineJS3 library loads as it is: new TL.Timeline(el, "timeline.json").
// It is chosen with --format timelinejs only; it has no file extension of
// its own, because .json already means eventline's array of records.
//
// One slide per event, in the order written (extract writes timeline
// order; TimelineJS sorts by date anyway):
//
//   - unique_id: the event id.
//   - start_date and end_date: {year, month, day}, as JSON numbers, with
//     only the parts the precision allows. day: year, month, day. week and
//     range: start and end days. month and year: the coarsest unit that
//     states the interval exactly — a whole calendar year is {year}, whole
//     months {year, month} (with an end month when it spans several), a
//     part of a month ("early October", days 1–10) is days. unknown (no
//     time expression; date = published): the publication day, marked in
//     display_date as a publication date. end_date is written only for an
//     interval.
//   - display_date: the interval in words ("22–28 January 2024",
//     "September–December 2017", "25 January 2024 (publication date; no
//     date given)").
//   - text.headline: type, actors and place: "Airstrike: United States →
//     Kataib Hezbollah, Jurf al-Sakhar"; a context other than reported is
//     marked: "Attack (claimed): …".
//   - text.text: HTML — the sentence (dir="auto", so Arabic reads right to
//     left), the count, casualties and the date as written when known, and
//     the source: the outlet linked to the article's url (http and https
//     only), the publication date, the doc_id and sentence number. Every
//     value is HTML-escaped.
//   - group: the event type in words ("Drone attack"), so TimelineJS draws
//     one row per type.
//
// The document also holds "scale": "human" and a title slide (unique_id
// TimelineJSTitleID) giving the number of events, their span and outlets.
// Slides are streamed as they come — the events array first, the title
// last (JSON objects are unordered, and TimelineJS reads the title from
// its key) — so memory does not grow with the timeline. Each slide is on
// a line of its own; output is deterministic.
//
// An event whose date is empty or malformed cannot be placed on a
// timeline: it is left out and counted by Skipped.
type TimelineJSWriter struct {
	bw       *bufio.Writer
	buf      bytes.Buffer
	enc      *json.Encoder
	n        int // slides written
	skipped  int
	first    string // earliest date
	last     string // latest date_end
	sources  []string
	moreSrcs bool
	closed   bool
	err      error
}

// NewTimelineJS returns a TimelineJS writer to w.
func NewTimelineJS(w io.Writer) *TimelineJSWriter {
	t := &TimelineJSWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	t.enc = json.NewEncoder(&t.buf)
	t.enc.SetEscapeHTML(false)
	return t
}

// tlDate is a TimelineJS date: the parts beyond the precision are left out.
type tlDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tlSlide struct {
	UniqueID    string  `json:"unique_id"`
	StartDate   *tlDate `json:"start_date,omitempty"`
	EndDate     *tlDate `json:"end_date,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	Text        tlText  `json:"text"`
	Group       string  `json:"group,omitempty"`
}

// Write adds the slide of one event, or counts it as skipped when it has no usable date.
func (t *TimelineJSWriter) Write(e *events.Event) error {
	if t.closed {
		return errClosed
	}
	if e == nil {
		return errNilEvent
	}
	if t.err != nil {
		return t.err
	}
	s, ok := timelineJSSlide(e)
	if !ok {
		t.skipped++
		return nil
	}
	t.note(e)
	sep := ",\n"
	if t.n == 0 {
		sep = `{"scale":"human","events":[` + "\n"
	}
	t.n++
	if err := t.encode(sep, s); err != nil {
		t.err = err
	}
	return t.err
}

// encode writes prefix and v as one line of compact JSON.
func (t *TimelineJSWriter) encode(prefix string, v any) error {
	t.buf.Reset()
	if err := t.enc.Encode(v); err != nil {
		return err
	}
	b := bytes.TrimSuffix(t.buf.Bytes(), []byte("\n"))
	if _, err := t.bw.WriteString(prefix); err != nil {
		return err
	}
	_, err := t.bw.Write(b)
	return err
}

// note keeps what the title slide says: the span and the outlets.
func (t *TimelineJSWriter) note(e *events.Event) {
	if t.first == "" || e.Date < t.first {
		t.first = e.Date
	}
	end := e.DateEnd
	if events.CheckDate(end) != nil {
		end = e.Date
	}
	if end > t.last {
		t.last = end
	}
	if src := strings.TrimSpace(validUTF8(e.Source)); src != "" {
		i, found := slices.BinarySearch(t.sources, src)
		switch {
		case found:
		case len(t.sources) < maxTitleSources:
			t.sources = slices.Insert(t.sources, i, src)
		default:
			t.moreSrcs = true
		}
	}
}

// Skipped returns the number of events left out for want of a date.
func (t *TimelineJSWriter) Skipped() int { return t.skipped }

// SkipReason says why events were left out.
func (t *TimelineJSWriter) SkipReason() string { return "without a date" }

// Close writes the title slide and ends the document; it returns the
// first error met. It does not close the underlying writer.
func (t *TimelineJSWriter) Close() error {
	if t.closed {
		return t.err
	}
	t.closed = true
	if t.err != nil {
		return t.err
	}
	prefix := "\n],\"title\":"
	if t.n == 0 {
		prefix = `{"scale":"human","events":[],"title":`
	}
	if err := t.encode(prefix, t.titleSlide()); err != nil {
		t.err = err
		return err
	}
	if _, err := t.bw.WriteString("}\n"); err != nil {
		t.err = err
		return err
	}
	t.err = t.bw.Flush()
	return t.err
}

func (t *TimelineJSWriter) titleSlide() tlSlide {
	var b strings.Builder
	b.WriteString("<p>")
	b.WriteString(plural(t.n, "event"))
	if t.n > 0 {
		first, _ := events.ParseDate(t.first)
		last, _ := events.ParseDate(t.last)
		b.WriteString(", ")
		b.WriteString(html.EscapeString(formatSpan(first, last, unitDay)))
	}
	if len(t.sources) > 0 {
		b.WriteString(", reported by ")
		b.WriteString(html.EscapeString(strings.Join(t.sources, ", ")))
		if t.moreSrcs {
			b.WriteString(" and others")
		}
	}
	b.WriteString(".</p><p>Extracted by eventline: each slide quotes the sentence it comes from. ")
	b.WriteString("Events a party claims, denies, plans or threatens are marked so in their headline.</p>")
	return tlSlide{UniqueID: TimelineJSTitleID, Text: tlText{Headline: "Timeline of events", Text: b.String()}}
}

// timelineJSSlide returns the TimelineJS slide of e (see
// TimelineJSWriter); ok is false when e has no usable date.
func timelineJSSlide(e *events.Event) (s tlSlide, ok bool) {
	start, err := events.ParseDate(e.Date)
	if err != nil {
		return tlSlide{}, false
	}
	end, err := events.ParseDate(e.DateEnd)
	if err != nil || end.Before(start) {
		end = start
	}
	s.UniqueID = validUTF8(e.ID)
	s.Group = typeLabel(e.EventType)
	u := unitDay
	switch e.DatePrecision {
	case events.PrecisionDay, events.PrecisionUnknown:
		end = start
	case events.PrecisionWeek, events.PrecisionRange:
	default: // month, year, or a precision this version does not know
		u = coarsestUnit(start, end)
	}
	s.StartDate = u.date(start)
	if !u.same(start, end) {
		s.EndDate = u.date(end)
	}
	s.DisplayDate = formatSpan(start, end, u)
	if e.DatePrecision == events.PrecisionUnknown {
		s.DisplayDate += " (publication date; no date given)"
	}
	s.Text = tlText{Headline: html.EscapeString(headline(e)), Text: slideText(e)}
	return s, true
}

// unit is the granularity a date is written in.
type unit int

const (
	unitDay unit = iota
	unitMonth
	unitYear
)

// coarsestUnit returns the coarsest unit that states [start, end] exactly.
func coarsestUnit(start, end time.Time) unit {
	lastOfMonth := end.AddDate(0, 0, 1).Day() == 1
	switch {
	case start.YearDay() == 1 && lastOfMonth && end.Month() == time.December:
		return unitYear
	case start.Day() == 1 && lastOfMonth:
		return unitMonth
	}
	return unitDay
}

func (u unit) date(t time.Time) *tlDate {
	switch u {
	case unitYear:
		return &tlDate{Year: t.Year()}
	case unitMonth:
		return &tlDate{Year: t.Year(), Month: int(t.Month())}
	}
	return &tlDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// same reports whether a and b fall in the same unit.
func (u unit) same(a, b time.Time) bool {
	switch u {
	case unitYear:
		return a.Year() == b.Year()
	case unitMonth:
		return a.Year() == b.Year() && a.Month() == b.Month()
	}
	return a.Equal(b)
}

// formatSpan writes [start, end] in words at unit u, sharing what the two
// ends share: "23 January 2024", "22–28 January 2024", "30 January – 2
// February 2024", "September–December 2017", "2017–2019".
func formatSpan(start, end time.Time, u unit) string {
	y1, y2 := strconv.Itoa(start.Year()), strconv.Itoa(end.Year())
	m1, m2 := start.Month().String(), end.Month().String()
	d1, d2 := strconv.Itoa(start.Day()), strconv.Itoa(end.Day())
	switch u {
	case unitYear:
		if y1 == y2 {
			return y1
		}
		return y1 + "–" + y2
	case unitMonth:
		switch {
		case start.Year() != end.Year():
			return m1 + " " + y1 + " – " + m2 + " " + y2
		case start.Month() != end.Month():
			return m1 + "–" + m2 + " " + y1
		}
		return m1 + " " + y1
	}
	switch {
	case start.Year() != end.Year():
		return d1 + " " + m1 + " " + y1 + " – " + d2 + " " + m2 + " " + y2
	case start.Month() != end.Month():
		return d1 + " " + m1 + " – " + d2 + " " + m2 + " " + y1
	case start.Day() != end.Day():
		return d1 + "–" + d2 + " " + m1 + " " + y1
	}
	return d1 + " " + m1 + " " + y1
}

// typeLabel writes an event type in words: "drone_attack" → "Drone attack".
func typeLabel(t events.EventType) string {
	s := strings.ReplaceAll(validUTF8(string(t)), "_", " ")
	if s == "" {
		return "Event"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// headline writes "Type (context): actor1 → actor2, place" with the parts
// the event has.
func headline(e *events.Event) string {
	var b strings.Builder
	b.WriteString(typeLabel(e.EventType))
	if e.Context != "" && e.Context != events.Reported {
		b.WriteString(" (" + validUTF8(string(e.Context)) + ")")
	}
	var who string
	a1, a2 := oneLine(e.Actor1), oneLine(e.Actor2)
	switch {
	case a1 != "" && a2 != "":
		who = a1 + " → " + a2
	case a1 != "":
		who = a1
	case a2 != "":
		who = "→ " + a2
	}
	place := oneLine(e.Location)
	if place == "" {
		place = oneLine(e.Country)
	}
	switch {
	case who != "" && place != "":
		b.WriteString(": " + who + ", " + place)
	case who != "":
		b.WriteString(": " + who)
	case place != "":
		b.WriteString(": " + place)
	}
	return b.String()
}

// oneLine returns s trimmed, valid UTF-8, with runs of white space as one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(validUTF8(s)), " ")
}

// qualifierWords are the words before a hedged count.
var qualifierWords = map[events.Qualifier]string{
	events.Approx: "about", events.AtLeast: "at least", events.MoreThan: "more than",
	events.AtMost: "up to", events.LessThan: "fewer than",
}

// slideText writes the HTML body of a slide: the sentence, the facts and the source.
func slideText(e *events.Event) string {
	esc := func(s string) string { return html.EscapeString(validUTF8(s)) }
	var b strings.Builder
	b.WriteString(`<p dir="auto">`)
	b.WriteString(esc(e.Sentence))
	b.WriteString("</p>")

	var facts []string
	if e.Count != nil {
		c := strconv.Itoa(*e.Count)
		if unit := oneLine(e.CountUnit); unit != "" {
			c = plural(*e.Count, unit)
		}
		if w := qualifierWords[e.CountQualifier]; w != "" {
			c = w + " " + c
		}
		facts = append(facts, esc(c))
	}
	if e.Fatalities != nil {
		facts = append(facts, strconv.Itoa(*e.Fatalities)+" killed")
	}
	if e.Injuries != nil {
		facts = append(facts, strconv.Itoa(*e.Injuries)+" wounded")
	}
	if dt := oneLine(e.DateText); dt != "" {
		facts = append(facts, `date as written: <span dir="auto">`+esc(dt)+"</span>")
	}
	if len(facts) > 0 {
		b.WriteString("<p>" + strings.Join(facts, " · ") + "</p>")
	}

	var src []string
	outlet := oneLine(e.Source)
	if link := httpURL(e.URL); link != "" {
		label := outlet
		if label == "" {
			label = "article"
		}
		src = append(src, `<a href="`+esc(link)+`">`+esc(label)+"</a>")
	} else if outlet != "" {
		src = append(src, esc(outlet))
	}
	if p, err := events.ParseDate(e.Published); err == nil {
		src = append(src, "published "+formatSpan(p, p, unitDay))
	}
	src = append(src, esc(e.DocID)+", sentence "+strconv.Itoa(e.SentenceIndex+1))
	b.WriteString("<p><small>" + strings.Join(src, " · ") + "</small></p>")
	return b.String()
}

// httpURL returns s when it is an absolute http or https URL, else "".
func httpURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return s
}

// plural writes n and a singular English noun, in the plural when n is not 1.
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " "
	if n == 1 || n == -1 {
		return s + noun
	}
	switch {
	case noun == "person":
		return s + "people"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return s + noun + "es"
	case strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return s + noun[:len(noun)-1] + "ies"
	}
	return s + noun + "s"
}
