// Package events defines eventline's output contract: the 33-field event
// record of EVENTS.md, the closed taxonomy of event types with its ACLED and
// PLOVER mappings, deterministic ids, timeline order and validation.
//
// It is a leaf package: it imports nothing of parse/, export/, the CLI or any
// third-party library, so every other package can depend on it.
//
// Dates are ISO 8601 calendar dates ("2024-01-23") held as strings; an empty
// string, a nil pointer or an empty enum means "unknown" and is written as an
// empty CSV cell or a JSON null — never as a made-up value.
package events

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Errors reported by this package, wrapped with context by the functions that return them.
var (
	// ErrInvalidEnum is wrapped by errors for a value outside a closed set.
	ErrInvalidEnum = errors.New("invalid enum value")
	// ErrInvalidDate is wrapped by errors for a date that is not an ISO 8601 calendar date.
	ErrInvalidDate = errors.New("invalid date")
)

// Event is one event that one sentence of one article reports. Its fields
// are those of EVENTS.md, in that order.
type Event struct {
	ID                string
	DocID             string
	Published         string
	Date              string
	DateEnd           string
	DatePrecision     Precision
	DateText          string
	EventType         EventType
	Actor1            string
	Actor2            string
	Location          string
	Country           string
	Latitude          *float64
	Longitude         *float64
	Count             *int
	CountQualifier    Qualifier
	CountUnit         string
	Fatalities        *int
	Injuries          *int
	Quote             string
	Lang              string
	Source            string
	URL               string
	SentenceIndex     int
	CharStart         int
	CharEnd           int
	Sentence          string
	ACLEDEventType    string
	ACLEDSubEventType string
	PLOVER            string
	Confidence        float64
	Trigger           string
	Context           Context
}

// Article is one input article: its metadata and its body.
type Article struct {
	ID        string // from metadata, else the file name without extension
	Published string // ISO date, empty when unknown
	Lang      string // "ar", "en", or empty/"auto" to detect
	Source    string
	URL       string
	Title     string
	Text      string // the body, front matter removed
	Path      string // where it was read from, for messages
	Line      int    // 1-based line of the body's start (or of the JSONL record) in Path
}

// ArticleSummary is one row of the articles sheet: an article's metadata and
// how many events were extracted from it.
type ArticleSummary struct {
	ID        string
	Title     string
	Published string
	Source    string
	URL       string
	Lang      string
	Events    int
}

// Summary returns the article's summary row for n events.
func (a Article) Summary(n int) ArticleSummary {
	return ArticleSummary{ID: a.ID, Title: a.Title, Published: a.Published, Source: a.Source, URL: a.URL, Lang: a.Lang, Events: n}
}

// MakeID returns the deterministic id `<doc_id>-s<sentence_index>-e<n>`.
func MakeID(docID string, sentenceIndex, n int) string {
	// written into a stack buffer and copied once: the string is the only
	// allocation (a concatenation of Itoa's strings also allocates each
	// number above 99)
	var buf [64]byte
	b := append(buf[:0], docID...)
	b = append(b, "-s"...)
	b = strconv.AppendInt(b, int64(sentenceIndex), 10)
	b = append(b, "-e"...)
	b = strconv.AppendInt(b, int64(n), 10)
	return string(b)
}

// SetType sets the event type and fills the ACLED and PLOVER codes from the
// taxonomy. withdrawal selects PLOVER's RETREAT for a deployment that is a
// withdrawal.
func (e *Event) SetType(t EventType, withdrawal bool) {
	e.EventType = t
	info, ok := t.Info()
	if !ok {
		e.ACLEDEventType, e.ACLEDSubEventType, e.PLOVER = "", "", ""
		return
	}
	e.ACLEDEventType, e.ACLEDSubEventType, e.PLOVER = info.ACLEDEventType, info.ACLEDSubEventType, info.PLOVER
	if withdrawal && info.PLOVERWithdrawal != "" {
		e.PLOVER = info.PLOVERWithdrawal
	}
}

// EventNumber returns the event number n of an id ending "-e<n>" (as
// MakeID makes them), or -1; timeline order compares ids of one sentence by it.
func EventNumber(id string) int {
	i := strings.LastIndex(id, "-e")
	if i < 0 {
		return -1
	}
	n, err := strconv.Atoi(id[i+2:])
	if err != nil {
		return -1
	}
	return n
}

// Less reports whether a comes before b in timeline order: date, date_end,
// doc_id, sentence_index, id. Events without a date come last; ids of one
// sentence compare by their event number, so e10 follows e9.
func Less(a, b *Event) bool { return Compare(a, b) < 0 }

// Compare orders events in timeline order (see Less); it returns -1, 0 or 1.
func Compare(a, b *Event) int {
	ka, kb := a.OrderKey(), b.OrderKey()
	return CompareKeys(&ka, &kb)
}

// OrderKey holds what timeline order reads of an event, so that a sorter
// can order records without keeping whole events.
type OrderKey struct {
	Date, DateEnd string
	DocID         string
	SentenceIndex int
	ID            string
}

// OrderKey returns the event's place in timeline order.
func (e *Event) OrderKey() OrderKey {
	return OrderKey{Date: e.Date, DateEnd: e.DateEnd, DocID: e.DocID, SentenceIndex: e.SentenceIndex, ID: e.ID}
}

// CompareKeys orders keys as Compare orders their events; it returns -1, 0 or 1.
func CompareKeys(a, b *OrderKey) int {
	if c := compareDate(a.Date, b.Date); c != 0 {
		return c
	}
	if c := compareDate(a.DateEnd, b.DateEnd); c != 0 {
		return c
	}
	if c := strings.Compare(a.DocID, b.DocID); c != 0 {
		return c
	}
	if a.SentenceIndex != b.SentenceIndex {
		if a.SentenceIndex < b.SentenceIndex {
			return -1
		}
		return 1
	}
	na, nb := EventNumber(a.ID), EventNumber(b.ID)
	if na != nb {
		if na < nb {
			return -1
		}
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// compareDate orders ISO dates, empty last.
func compareDate(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}

// Int returns a pointer to n, for the optional integer fields.
func Int(n int) *int { return &n }

// Float returns a pointer to f, for the optional number fields.
func Float(f float64) *float64 { return &f }

// String returns a one-line description of the event, for messages and tests.
func (e Event) String() string {
	return fmt.Sprintf("%s %s %s..%s %s→%s", e.ID, e.EventType, e.Date, e.DateEnd, e.Actor1, e.Actor2)
}
