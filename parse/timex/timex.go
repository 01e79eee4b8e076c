// Package timex finds the time expressions of an Arabic or English sentence
// and resolves them to intervals of calendar days, following the "Date
// resolution" and "Finer date rules" of EVENTS.md, against an anchor: the
// article's publication date.
//
// Find works on the folded tokens of a textnorm.Segment, so diacritics,
// hamza forms, tatweel, Arabic clitics (وفي، بالعام، والثلاثاء) and
// Arabic-Indic digits (٢٠٢٤) do not matter, and it reports each expression
// on the original text: Text is seg.Slice(First, Last), and Start/End are
// article code-point offsets. The language knowledge (month and weekday
// names, number words, parts of the day, vague and blocking phrases) lives in
// data/*.tsv, embedded and loaded once; Check reports a malformed file.
//
// # Output
//
// Each Expr gives the interval [Date, DateEnd] (ISO dates, inclusive) and its
// precision by length as EVENTS.md defines it: 1 day `day`, ≤7 days `week`,
// ≤31 `month`, ≤366 `year`, longer `range`; "since X" is always `range`.
// An expression that cannot be resolved has empty dates and
// PrecisionUnknown: a relative one when the anchor is unknown, an invalid
// date (31 February), or one relative to another event (EventRelative).
//
// # Choices where EVENTS.md is silent
//
//   - A preposition right before an expression is part of its text (في العام
//     2014, on Thursday, خلال الساعات الـ48 الماضية); a token carrying a clitic
//     is kept whole (ومساء الخميس), since Text is a slice of whole tokens.
//     Prepositions marked "cue" in words.tsv (by, until, حتى, of) make a bare
//     year count but stay out of the text.
//   - Windows back from the anchor ("the past 48 hours", الأيام الثلاثة الماضية):
//     anchor − N days to the anchor, hours counted in started days (24 hours: 1
//     day, 36: 2); the precision follows the length, so 48 hours (3 days) is
//     `week` and "the past week" (8 days) is `month`.
//   - "N days ago" and "قبل N أيام": days and weeks only, `day`; "three months
//     ago" is too vague and is not returned. "منذ N أيام" is "since": a range
//     from anchor − N to the anchor (the Arabic reads both "N days ago" and
//     "for N days", and the range holds both).
//   - Vague expressions are not returned at all: مؤخراً, recently, soon, في
//     الأيام المقبلة, منذ عدة أسابيع, منذ أيام, for several weeks, the past few
//     days, as are unanchored durations (لمدة ثلاثة أيام, for three days).
//   - Expressions relative to another event (غداة، عشية، اليوم التالي، بعد يومين
//     من، the day after, three days later, hours after) are returned with
//     EventRelative set, PrecisionUnknown and empty dates: the caller dates
//     them from the event they refer to, or leaves the event undated.
//   - A weekday, or a day and month without a year, may resolve after the
//     anchor only when the rules say so (the next Thursday; "Jan. 30" read on
//     Jan. 25 is Jan. 30 of the same year, by the month rule).
//   - An interval resolves its start by the rules above and takes the end's
//     missing year from the start: "from Jan. 20 to Feb. 3" read on 25 January
//     2024 ends on 3 February 2024; "between Dec. 28 and Jan. 3" starts in
//     December 2023. "from Monday to Wednesday" read on a Tuesday starts on
//     last week's Monday.
//   - Hijri dates are not read.
//
// # Example
//
//	seg := textnorm.NewSegment("استهدفت غارات ليل الثلاثاء مواقع لفصائل مسلحة", 0)
//	anchor := time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC) // a Thursday
//	for _, x := range timex.Find(&seg, "ar", anchor) {
//		fmt.Println(x.Text, x.Date, x.DateEnd, x.Precision)
//	}
//	// Output: ليل الثلاثاء 2024-01-23 2024-01-23 day
//
// # Invariants
//
// Find never panics; its expressions are in text order, do not overlap, and
// have First < Last, Start < End, and Date <= DateEnd when resolved. The
// output depends only on the segment, the language and the anchor's date.
package timex

import (
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// Expr is a time expression found in a segment.
type Expr struct {
	Text        string           // as written: seg.Slice(First, Last)
	First, Last int              // token range [First, Last) in seg.Tokens
	Start, End  int              // article code-point offsets: seg.Tokens[First].Start, seg.Tokens[Last-1].End
	Date        string           // ISO first day of the interval; "" when it cannot be resolved (relative, and no anchor)
	DateEnd     string           // ISO last day, inclusive
	Precision   events.Precision // day, week, month, year, range; PrecisionUnknown when not resolvable
	// Relative reports that resolving it needed the anchor (a weekday,
	// yesterday, a month without a year, since …).
	Relative bool
	// EventRelative reports an expression relative to another event (غداة،
	// the day after, three days later): it is never resolved here.
	EventRelative bool
}

// Find returns the time expressions of seg, in order, non-overlapping,
// longest match first. lang is "ar" or "en"; both scripts are read either
// way, since wire copy quotes the other language. anchor is the article's
// publication date (only its calendar date counts); anchor.IsZero() means
// unknown, and then relative expressions come back with Precision unknown
// and empty dates (absolute ones still resolve).
func Find(seg *textnorm.Segment, lang string, anchor time.Time) []Expr {
	p := find(seg, lang, anchor)
	if p == nil {
		return nil
	}
	defer putParser(p)
	out := make([]Expr, len(p.found))
	for i := range p.found {
		out[i] = p.found[i].x
	}
	return out
}

// FindEach calls f with each expression that Find returns, in order,
// without making a slice of them: for a caller that keeps them in a
// slice of its own.
func FindEach(seg *textnorm.Segment, lang string, anchor time.Time, f func(Expr)) {
	p := find(seg, lang, anchor)
	if p == nil {
		return
	}
	defer putParser(p)
	for i := range p.found {
		f(p.found[i].x)
	}
}

// find finds the expressions of Find and returns the parser that holds
// them in found, with their dates (see setDates), or nil when there are
// none; putParser gives it back.
func find(seg *textnorm.Segment, lang string, anchor time.Time) *parser {
	_ = lang // the lexicon holds both languages; a word of either is read in both
	lx, err := loadLexicon()
	if err != nil || seg == nil || len(seg.Tokens) == 0 {
		return nil
	}
	known := !anchor.IsZero()
	p := getParser(lx, seg.Tokens)
	pos := 0 // where the last expression ends
	for _, i32 := range p.starts {
		i := int(i32)
		if i < pos || !p.canStart(i) {
			continue
		}
		t, start, end := p.expr(i)
		if t == nil || end <= start {
			continue
		}
		if t.kind != kBlock {
			p.found = append(p.found, makeExpr(seg, t, start, end, p.midnight(anchor), known))
		}
		pos = end
	}
	if len(p.found) == 0 {
		putParser(p)
		return nil
	}
	p.setDates()
	return p
}

// midnight returns the anchor's date as a UTC midnight. The parser keeps
// the last one, since the sentences of an article share their anchor.
func (p *parser) midnight(anchor time.Time) time.Time {
	if !p.anchorSet || anchor != p.anchor {
		y, m, d := anchor.Date()
		p.anchor, p.midnightOf, p.anchorSet = anchor, civil(y, m, d), true
	}
	return p.midnightOf
}

// found is an expression found, with the interval it resolved to.
type found struct {
	x           Expr  // without its dates
	first, last int64 // the interval's days (see dayOf)
	dated       bool  // whether it resolved
}

func makeExpr(seg *textnorm.Segment, t *tx, first, last int, a time.Time, known bool) found {
	x := Expr{
		Text:          seg.Slice(first, last),
		First:         first,
		Last:          last,
		Start:         seg.Tokens[first].Start,
		End:           seg.Tokens[last-1].End,
		Precision:     events.PrecisionUnknown,
		Relative:      t.relative(),
		EventRelative: t.kind == kEventRel,
	}
	f, l, ok := t.resolve(a, known)
	// resolve's times are all UTC midnights, so comparing their days is
	// comparing them
	fd, ld := dayOf(f), dayOf(l)
	if !ok || fd < minDay || ld >= endDay || ld < fd {
		return found{x: x}
	}
	x.Precision = precisionOfDays(fd, ld)
	if t.kind == kSince {
		x.Precision = events.PrecisionRange
	}
	return found{x: x, first: fd, last: ld, dated: true}
}

// minDay and endDay bound the days that makeExpr keeps, years 1–9999.
var minDay, endDay = dayOf(civil(1, time.January, 1)), dayOf(civil(10000, time.January, 1))

// dayOf is the day of the UTC time t, counted from 1970-01-01 (day 0).
func dayOf(t time.Time) int64 {
	s := t.Unix()
	d := s / secondsPerDay
	if s%secondsPerDay < 0 {
		d-- // before 1970: round down
	}
	return d
}

const secondsPerDay = 24 * 60 * 60

// precisionOfDays is precisionOf for the interval of days [first, last]:
// the same, as resolve's times are all midnights.
func precisionOfDays(first, last int64) events.Precision {
	switch days := last - first + 1; {
	case days <= 1:
		return events.PrecisionDay
	case days <= 7:
		return events.PrecisionWeek
	case days <= 31:
		return events.PrecisionMonth
	case days <= 366:
		return events.PrecisionYear
	}
	return events.PrecisionRange
}

// setDates sets the dates of the expressions found. They are substrings
// of one string, so that they cost one allocation in all; a date of one
// day is both Date and DateEnd.
func (p *parser) setDates() {
	buf := p.dates[:0]
	for _, f := range p.found {
		if f.dated {
			buf = appendDay(buf, f.first)
			if f.last != f.first {
				buf = appendDay(buf, f.last)
			}
		}
	}
	p.dates = buf
	dates := string(buf)
	for i := range p.found {
		f := &p.found[i]
		if f.dated {
			f.x.Date, dates = dates[:dateLen], dates[dateLen:]
			f.x.DateEnd = f.x.Date
			if f.last != f.first {
				f.x.DateEnd, dates = dates[:dateLen], dates[dateLen:]
			}
		}
	}
}

// dateLen is the length of an ISO date.
const dateLen = len("2006-01-02")

// appendDay appends day (see dayOf) as events.FormatDate writes it, for a
// day of the years 1–9999 (minDay ≤ day < endDay): yyyy-mm-dd. It works the
// date out by the civil-from-days arithmetic of H. Hinnant's
// "chrono-compatible low-level date algorithms" (in 400-year eras from
// 0000-03-01, so that a leap day ends its year), without time.Time.Date's
// general case; on those days every term is small and not negative, so it
// computes in uint32.
func appendDay(b []byte, day int64) []byte {
	z := uint32(day + 719468)                              // days from 0000-03-01
	era := z / 146097                                      // [0, 24]
	doe := z - era*146097                                  // day of the era, [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1, [0, 365]
	mp := (5*doy + 2) / 153                                // month from March, [0, 11]
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+d/10), byte('0'+d%10))
}
