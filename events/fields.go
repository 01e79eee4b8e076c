package events

import (
	"fmt"
	"math"
	"strconv"
)

// Kind is the type of a field's values.
type Kind int

// The kinds of field values.
const (
	KindString  Kind = iota // free text
	KindDate                // ISO 8601 calendar date, YYYY-MM-DD
	KindEnum                // one of Field.Enum
	KindInteger             // whole number
	KindNumber              // decimal number
)

// String names the kind as EVENTS.md does.
func (k Kind) String() string {
	return [...]string{"string", "date", "enum", "integer", "number"}[k]
}

// Field describes one column of the record: its name, type and meaning, and
// how to read and write it as text. Get returns "" for an unknown value; Set
// parses text ("" sets the value to unknown) and reports malformed text.
type Field struct {
	Name    string
	Kind    Kind
	Enum    []string // allowed values for KindEnum
	Meaning string
	// Required fields may not be empty in a valid record.
	Required bool
	get      func(*Event) string
	set      func(*Event, string) error
	// shared marks a field whose value the events of one article or of
	// one sentence have in common (the article's url, the sentence), so
	// that JSONEncoder escapes it once for all of them.
	shared bool
}

// Get returns the field's value in e as text, "" when unknown.
func (f Field) Get(e *Event) string { return f.get(e) }

// Set parses s into the field of e. An empty s makes the value unknown.
func (f Field) Set(e *Event, s string) error { return f.set(e, s) }

// Fields lists the 33 fields of the record in the order of EVENTS.md.
var Fields = []Field{
	str("id", true, "deterministic: <doc_id>-s<sentence_index>-e<n>", func(e *Event) *string { return &e.ID }),
	shared(str("doc_id", true, "the article's id: from its metadata, else its file name without extension", func(e *Event) *string { return &e.DocID })),
	shared(date("published", "the article's publication date; the anchor for relative dates", func(e *Event) *string { return &e.Published })),
	date("date", "first day of the interval in which the event happened", func(e *Event) *string { return &e.Date }),
	date("date_end", "last day of that interval, inclusive", func(e *Event) *string { return &e.DateEnd }),
	enum("date_precision", true, PrecisionNames, "day, week (≤7 days), month (≤31 days), year (≤366 days), range (longer or open-ended), unknown (no time expression)",
		func(e *Event) *string { return (*string)(&e.DatePrecision) }),
	str("date_text", false, "the time expression as written in the sentence", func(e *Event) *string { return &e.DateText }),
	enum("event_type", true, TypeNames(), "the event's type in eventline's taxonomy", func(e *Event) *string { return (*string)(&e.EventType) }),
	str("actor1", false, "canonical English name of who acted, spoke or announced", func(e *Event) *string { return &e.Actor1 }),
	str("actor2", false, "canonical name of the target or counterpart", func(e *Event) *string { return &e.Actor2 }),
	str("location", false, "canonical name of the most specific place of the event", func(e *Event) *string { return &e.Location }),
	str("country", false, "ISO 3166-1 alpha-2 code of that place", func(e *Event) *string { return &e.Country }),
	number("latitude", -90, 90, "latitude of the place from the gazetteer, WGS84", func(e *Event) **float64 { return &e.Latitude }),
	number("longitude", -180, 180, "longitude of the place from the gazetteer, WGS84", func(e *Event) **float64 { return &e.Longitude }),
	integer("count", "the headline number the sentence gives for the event", func(e *Event) **int { return &e.Count }),
	enum("count_qualifier", false, QualifierNames, "how the count is hedged", func(e *Event) *string { return (*string)(&e.CountQualifier) }),
	str("count_unit", false, "what is counted, a singular English noun", func(e *Event) *string { return &e.CountUnit }),
	integer("fatalities", "people killed, where stated", func(e *Event) **int { return &e.Fatalities }),
	integer("injuries", "people wounded, where stated", func(e *Event) **int { return &e.Injuries }),
	str("quote", false, "for statement-like events, the quoted words as written", func(e *Event) *string { return &e.Quote }),
	shared(str("lang", false, "the article's language, ISO 639-1 (ar or en)", func(e *Event) *string { return &e.Lang })),
	shared(str("source", false, "the outlet, from metadata", func(e *Event) *string { return &e.Source })),
	shared(str("url", false, "the article's address, from metadata", func(e *Event) *string { return &e.URL })),
	integerField("sentence_index", "0-based index of the sentence in the article", func(e *Event) *int { return &e.SentenceIndex }),
	integerField("char_start", "offset of the sentence in the article body, in Unicode code points", func(e *Event) *int { return &e.CharStart }),
	integerField("char_end", "end offset of the sentence, exclusive, in code points", func(e *Event) *int { return &e.CharEnd }),
	shared(str("sentence", true, "the sentence exactly as written", func(e *Event) *string { return &e.Sentence })),
	str("acled_event_type", false, "ACLED event type of the event type", func(e *Event) *string { return &e.ACLEDEventType }),
	str("acled_sub_event_type", false, "ACLED sub-event type of the event type", func(e *Event) *string { return &e.ACLEDSubEventType }),
	str("plover", false, "PLOVER event type of the event type", func(e *Event) *string { return &e.PLOVER }),
	{Name: "confidence", Kind: KindNumber, Meaning: "0–1, how sure the parser is", Required: true,
		get: func(e *Event) string { return FormatNumber(e.Confidence) },
		set: func(e *Event, s string) error {
			f, err := parseNumber(s, 0, 1)
			e.Confidence = f
			return err
		}},
	str("trigger", true, "the word or words that made this an event of this type, as written", func(e *Event) *string { return &e.Trigger }),
	enum("context", true, ContextNames, "reported, claimed, denied, future or hypothetical", func(e *Event) *string { return (*string)(&e.Context) }),
}

// FieldNames lists the field names in order.
func FieldNames() []string {
	out := make([]string, len(Fields))
	for i, f := range Fields {
		out[i] = f.Name
	}
	return out
}

// FieldByName returns the field called name.
func FieldByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// shared returns f marked as a field that the events of one article or one
// sentence share.
func shared(f Field) Field {
	f.shared = true
	return f
}

func str(name string, required bool, meaning string, p func(*Event) *string) Field {
	return Field{Name: name, Kind: KindString, Meaning: meaning, Required: required,
		get: func(e *Event) string { return *p(e) },
		set: func(e *Event, s string) error { *p(e) = s; return nil }}
}

func enum(name string, required bool, allowed []string, meaning string, p func(*Event) *string) Field {
	return Field{Name: name, Kind: KindEnum, Enum: allowed, Meaning: meaning, Required: required,
		get: func(e *Event) string { return *p(e) },
		set: func(e *Event, s string) error {
			*p(e) = s
			if s == "" {
				return nil
			}
			for _, a := range allowed {
				if a == s {
					return nil
				}
			}
			return enumError(s, allowed)
		}}
}

func date(name, meaning string, p func(*Event) *string) Field {
	return Field{Name: name, Kind: KindDate, Meaning: meaning,
		get: func(e *Event) string { return *p(e) },
		set: func(e *Event, s string) error {
			*p(e) = s
			if s == "" {
				return nil
			}
			return CheckDate(s)
		}}
}

func integer(name, meaning string, p func(*Event) **int) Field {
	return Field{Name: name, Kind: KindInteger, Meaning: meaning,
		get: func(e *Event) string {
			if v := *p(e); v != nil {
				return strconv.Itoa(*v)
			}
			return ""
		},
		set: func(e *Event, s string) error {
			if s == "" {
				*p(e) = nil
				return nil
			}
			n, err := parseInt(s)
			if err != nil {
				return err
			}
			*p(e) = &n
			return nil
		}}
}

func integerField(name, meaning string, p func(*Event) *int) Field {
	return Field{Name: name, Kind: KindInteger, Meaning: meaning, Required: true,
		get: func(e *Event) string { return strconv.Itoa(*p(e)) },
		set: func(e *Event, s string) error {
			n, err := parseInt(s)
			*p(e) = n
			return err
		}}
}

func number(name string, lo, hi float64, meaning string, p func(*Event) **float64) Field {
	return Field{Name: name, Kind: KindNumber, Meaning: meaning,
		get: func(e *Event) string {
			if v := *p(e); v != nil {
				return FormatNumber(*v)
			}
			return ""
		},
		set: func(e *Event, s string) error {
			if s == "" {
				*p(e) = nil
				return nil
			}
			f, err := parseNumber(s, lo, hi)
			if err != nil {
				return err
			}
			*p(e) = &f
			return nil
		}}
}

// FormatNumber writes f in the shortest form that reads back exactly.
func FormatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// appendNumber appends FormatNumber(f) to dst.
func appendNumber(dst []byte, f float64) []byte { return strconv.AppendFloat(dst, f, 'f', -1, 64) }

// appendInteger appends strconv.Itoa(n), an integer field's text, to dst.
func appendInteger(dst []byte, n int) []byte { return strconv.AppendInt(dst, int64(n), 10) }

func parseInt(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		// Spreadsheets may hand back integers as "12.0".
		if f, ferr := strconv.ParseFloat(s, 64); ferr == nil && f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return int(f), nil
		}
		return 0, fmt.Errorf("%q is not an integer", s)
	}
	return n, nil
}

func parseNumber(s string, lo, hi float64) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if f < lo || f > hi {
		return f, fmt.Errorf("%s is out of range [%s, %s]", s, FormatNumber(lo), FormatNumber(hi))
	}
	return f, nil
}
