// Package stats counts events per period — day, ISO week or month — for
// charts: the number of events and the number of attacks they count, per
// period and optionally per event type, actor or country, with every period
// of the range present (zeros included). Its CSV is tidy (long): one row per
// period, or per period × split value, that Datawrapper and Flourish import
// without edits:
//
//	period,event_type,events,attacks_counted
//	2024-01-15,airstrike,0,0
//	2024-01-15,attack,1,150
//	2024-01-22,airstrike,2,2
//	2024-01-22,attack,0,0
//
// # Rules
//
//   - An event is dated by its date field, the first day of its interval: a
//     multi-day interval ("since mid-October", a week, a month) counts in the
//     period where it starts, once.
//   - Periods are named by their first day, as an ISO 8601 date: the day
//     itself; the Monday of the ISO 8601 week (weeks start on Monday, so a
//     week can straddle two years: 2024-12-30 is the week of 1 January 2025);
//     the first of the month.
//   - Events of unknown date (date_precision unknown: the sentence has no
//     time expression, so date = published) are counted at their date, the
//     publication date, unless Options.KnownDatesOnly leaves them out. An
//     event without a usable date (empty or malformed) cannot be placed and
//     is left out; Skips counts it.
//   - By default only events the text holds as having happened are counted:
//     context reported or claimed (DefaultContexts). Denied, future and
//     hypothetical events are left out unless Options.Contexts names them.
//   - attacks_counted is the number of attacks an event stands for (Attacks):
//     0 for an event that is not an attack (AttackTypes); for an attack, its
//     count when the count counts attacks (count_unit attack or strike:
//     "more than 150 attacks" → 150), else 1 (one reported attack, whatever
//     its count measures: casualties, drones, troops).
//   - The range runs from the period of the earliest counted event to that
//     of the latest, or from Options.From to Options.To when given (events
//     outside are left out). With a split, every period has a row for every
//     split value seen (for event_type with Options.Types: every type asked
//     for), zeros included. An empty split value is written NoValue.
//
// Each row is one report: the same strike told by two articles is two
// events. Output is deterministic: periods ascend, split values come in
// taxonomy order (event_type) or byte order (actor1, country) with NoValue
// last.
//
// Example:
//
//	c, err := stats.NewCounter(stats.Options{By: stats.Week, Split: stats.SplitEventType})
//	if err != nil {
//		return err
//	}
//	for i := range evs {
//		c.Add(&evs[i])
//	}
//	return c.WriteCSV(os.Stdout, false)
package stats

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/eventline/eventline/events"
)

// ErrTooManyRows is returned when a table would have more than MaxRows rows
// (a range of centuries counted by day, or thousands of split values).
var ErrTooManyRows = errors.New("stats: too many rows")

// MaxRows is the largest number of rows a table may have: Excel's row limit.
const MaxRows = 1 << 20

// NoValue stands for an empty split value (an event without actor1, a
// place without a country such as a sea).
const NoValue = "(none)"

// Period is the unit events are counted in.
type Period string

// The periods.
const (
	Day   Period = "day"
	Week  Period = "week" // ISO 8601: Monday to Sunday
	Month Period = "month"
)

// PeriodNames lists the periods ParsePeriod accepts.
var PeriodNames = []string{string(Day), string(Week), string(Month)}

// ParsePeriod returns the period named s (day, week or month).
func ParsePeriod(s string) (Period, error) {
	switch p := Period(strings.ToLower(s)); p {
	case Day, Week, Month:
		return p, nil
	}
	return "", fmt.Errorf("stats: unknown period %q (want one of %s)", s, strings.Join(PeriodNames, ", "))
}

// Start returns the first day of the period containing t (a UTC midnight).
func (p Period) Start(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch p {
	case Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Next returns the first day of the period after the one starting at start.
func (p Period) Next(start time.Time) time.Time {
	switch p {
	case Week:
		return start.AddDate(0, 0, 7)
	case Month:
		return start.AddDate(0, 1, 0)
	}
	return start.AddDate(0, 0, 1)
}

// count returns the number of periods from the one starting at a to the one
// starting at b, inclusive (b not before a).
// Days are counted from Unix seconds: time.Duration saturates at 292 years.
func (p Period) count(a, b time.Time) int {
	days := int((b.Unix() - a.Unix()) / 86400)
	switch p {
	case Week:
		return days/7 + 1
	case Month:
		return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month()) + 1
	}
	return days + 1
}

// Split is the field a table is broken down by, besides the period.
type Split string

// The splits.
const (
	NoSplit        Split = ""
	SplitEventType Split = "event_type"
	SplitActor1    Split = "actor1"
	SplitCountry   Split = "country"
)

// SplitNames lists the splits ParseSplit accepts (besides "" for none).
var SplitNames = []string{string(SplitEventType), string(SplitActor1), string(SplitCountry)}

// ParseSplit returns the split named s; "" and "none" are NoSplit.
func ParseSplit(s string) (Split, error) {
	switch sp := Split(strings.ToLower(s)); sp {
	case NoSplit, SplitEventType, SplitActor1, SplitCountry:
		return sp, nil
	case "none":
		return NoSplit, nil
	}
	return "", fmt.Errorf("stats: unknown split %q (want one of %s)", s, strings.Join(SplitNames, ", "))
}

// value returns e's value of the split field.
func (s Split) value(e *events.Event) string {
	switch s {
	case SplitEventType:
		return string(e.EventType)
	case SplitActor1:
		return e.Actor1
	case SplitCountry:
		return e.Country
	}
	return ""
}

// AttackTypes are the event types that are attacks: the armed-violence
// types of the taxonomy (the ones PLOVER codes ASSAULT).
var AttackTypes = []events.EventType{
	events.Attack, events.DroneAttack, events.RocketAttack, events.Airstrike, events.Bombing, events.ArmedClash,
}

// AttackUnits are the count units whose count is a number of attacks.
var AttackUnits = []string{"attack", "strike"}

// IsAttack reports whether t is one of AttackTypes.
func IsAttack(t events.EventType) bool { return slices.Contains(AttackTypes, t) }

// Attacks returns the number of attacks e stands for: 0 when it is not an
// attack, its count when count_unit is one of AttackUnits, else 1.
func Attacks(e *events.Event) int {
	if !IsAttack(e.EventType) {
		return 0
	}
	if e.Count != nil && *e.Count >= 0 && slices.Contains(AttackUnits, e.CountUnit) {
		return *e.Count
	}
	return 1
}

// DefaultContexts are the contexts counted when Options.Contexts is empty:
// what the text holds as having happened.
var DefaultContexts = []events.Context{events.Reported, events.Claimed}

// Options say what a Counter counts.
type Options struct {
	// By is the period; empty means Week.
	By Period
	// Split breaks each period down by a field; NoSplit gives one row per period.
	Split Split
	// Types, when not empty, counts only events of these types.
	Types []events.EventType
	// Contexts, when not empty, counts only events with these contexts;
	// empty means DefaultContexts.
	Contexts []events.Context
	// KnownDatesOnly leaves out events of date_precision unknown.
	KnownDatesOnly bool
	// From and To, ISO dates, bound the range (inclusive); "" leaves that
	// end to the events.
	From, To string
}

// Skips counts the events a Counter left out, by reason.
type Skips struct {
	Type        int // not one of Options.Types
	Context     int // context not counted
	UnknownDate int // date_precision unknown, with KnownDatesOnly
	NoDate      int // no usable date: cannot be placed
	OutOfRange  int // before From or after To
}

// Total returns the number of events left out.
func (s Skips) Total() int { return s.Type + s.Context + s.UnknownDate + s.NoDate + s.OutOfRange }

// Row is one row of a table: a period (its first day), a split value ("" without a split) and the counts.
type Row struct {
	Period  string
	Value   string
	Events  int
	Attacks int
}

type cellKey struct {
	period int64 // Unix seconds of the period's first day
	value  string
}

type tally struct{ events, attacks int }

// Counter accumulates the counts of events passed to Add. Only the
// non-zero cells are held; the zeros are filled in when the table is read.
type Counter struct {
	opts     Options
	from, to time.Time // zero when open
	types    map[events.EventType]bool
	contexts map[events.Context]bool
	cells    map[cellKey]*tally
	values   map[string]bool
	min, max time.Time // period starts of the counted events
	counted  int
	skips    Skips
}

// NewCounter returns a Counter for opts. It rejects an unknown period,
// split, event type or context and a malformed or inverted From/To.
func NewCounter(opts Options) (*Counter, error) {
	if opts.By == "" {
		opts.By = Week
	}
	if _, err := ParsePeriod(string(opts.By)); err != nil {
		return nil, err
	}
	if _, err := ParseSplit(string(opts.Split)); err != nil {
		return nil, err
	}
	c := &Counter{opts: opts, cells: make(map[cellKey]*tally), values: make(map[string]bool)}
	if len(opts.Types) > 0 {
		c.types = make(map[events.EventType]bool)
		for _, t := range opts.Types {
			if !t.Valid() {
				return nil, fmt.Errorf("stats: unknown event type %q (want one of %s)", t, strings.Join(events.TypeNames(), ", "))
			}
			c.types[t] = true
		}
	}
	contexts := opts.Contexts
	if len(contexts) == 0 {
		contexts = DefaultContexts
	}
	c.contexts = make(map[events.Context]bool)
	for _, x := range contexts {
		if !slices.Contains(events.ContextNames, string(x)) {
			return nil, fmt.Errorf("stats: unknown context %q (want one of %s)", x, strings.Join(events.ContextNames, ", "))
		}
		c.contexts[x] = true
	}
	var err error
	if opts.From != "" {
		if c.from, err = events.ParseDate(opts.From); err != nil {
			return nil, fmt.Errorf("stats: from: %w", err)
		}
	}
	if opts.To != "" {
		if c.to, err = events.ParseDate(opts.To); err != nil {
			return nil, fmt.Errorf("stats: to: %w", err)
		}
	}
	if !c.from.IsZero() && !c.to.IsZero() && c.to.Before(c.from) {
		return nil, fmt.Errorf("stats: to %s is before from %s", opts.To, opts.From)
	}
	if opts.Split == SplitEventType {
		for t := range c.types {
			c.values[string(t)] = true
		}
	}
	return c, nil
}

// Options returns the options the Counter counts with (By filled in).
func (c *Counter) Options() Options { return c.opts }

// Add counts e, or leaves it out (see Skips), and reports whether it was counted.
func (c *Counter) Add(e *events.Event) bool {
	if e == nil {
		return false
	}
	if c.types != nil && !c.types[e.EventType] {
		c.skips.Type++
		return false
	}
	if !c.contexts[e.Context] {
		c.skips.Context++
		return false
	}
	if c.opts.KnownDatesOnly && e.DatePrecision == events.PrecisionUnknown {
		c.skips.UnknownDate++
		return false
	}
	d, err := events.ParseDate(e.Date)
	if err != nil {
		c.skips.NoDate++
		return false
	}
	if !c.from.IsZero() && d.Before(c.from) || !c.to.IsZero() && d.After(c.to) {
		c.skips.OutOfRange++
		return false
	}
	start := c.opts.By.Start(d)
	v := c.opts.Split.value(e)
	if c.opts.Split != NoSplit && v == "" {
		v = NoValue
	}
	k := cellKey{start.Unix(), v}
	t := c.cells[k]
	if t == nil {
		t = &tally{}
		c.cells[k] = t
	}
	t.events++
	t.attacks += Attacks(e)
	c.values[v] = true
	if c.counted == 0 || start.Before(c.min) {
		c.min = start
	}
	if c.counted == 0 || start.After(c.max) {
		c.max = start
	}
	c.counted++
	return true
}

// Counted returns the number of events counted.
func (c *Counter) Counted() int { return c.counted }

// Skips returns the events left out so far, by reason.
func (c *Counter) Skips() Skips { return c.skips }

// Values returns the split values of the table in order: event types in
// taxonomy order (others after them, sorted), other values in byte order,
// NoValue last. Without a split it is [""].
func (c *Counter) Values() []string {
	if c.opts.Split == NoSplit {
		return []string{""}
	}
	out := make([]string, 0, len(c.values))
	for v := range c.values {
		out = append(out, v)
	}
	rank := func(v string) int {
		if v == NoValue {
			return 1 << 30
		}
		if c.opts.Split == SplitEventType {
			if i := slices.Index(events.TypeNames(), v); i >= 0 {
				return i
			}
			return len(events.Taxonomy)
		}
		return 0
	}
	slices.SortFunc(out, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return out
}

// Range returns the first days of the first and last periods of the
// table; ok is false when the table has no period (nothing counted and no
// From/To).
func (c *Counter) Range() (first, last time.Time, ok bool) {
	first, last = c.min, c.max
	if !c.from.IsZero() {
		first = c.opts.By.Start(c.from)
	}
	if !c.to.IsZero() {
		last = c.opts.By.Start(c.to)
	}
	switch {
	case c.counted > 0:
	case !c.from.IsZero() && !c.to.IsZero():
	case !c.from.IsZero():
		last = first
	case !c.to.IsZero():
		first = last
	default:
		return time.Time{}, time.Time{}, false
	}
	return first, last, true
}

// Periods returns the number of periods of the table.
func (c *Counter) Periods() int {
	first, last, ok := c.Range()
	if !ok {
		return 0
	}
	return c.opts.By.count(first, last)
}

// Len returns the number of rows of the table, or ErrTooManyRows when it
// would have more than MaxRows.
func (c *Counter) Len() (int, error) {
	periods := c.Periods()
	values := len(c.Values())
	if values == 0 { // a split with no value: nothing counted
		return 0, nil
	}
	if periods > MaxRows/values {
		return 0, fmt.Errorf("%w: %d periods × %d values is more than %d", ErrTooManyRows, periods, values, MaxRows)
	}
	return periods * values, nil
}

// Each calls fn with every row of the table in order — periods ascending,
// split values in Values order — zeros included. It stops at fn's first
// error and returns it; it returns ErrTooManyRows, before any call, for a
// table of more than MaxRows rows.
func (c *Counter) Each(fn func(Row) error) error {
	if _, err := c.Len(); err != nil {
		return err
	}
	first, last, ok := c.Range()
	if !ok {
		return nil
	}
	values := c.Values()
	for p := first; !p.After(last); p = c.opts.By.Next(p) {
		name := events.FormatDate(p)
		for _, v := range values {
			r := Row{Period: name, Value: v}
			if t := c.cells[cellKey{p.Unix(), v}]; t != nil {
				r.Events, r.Attacks = t.events, t.attacks
			}
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// Rows returns the rows of the table (see Each).
func (c *Counter) Rows() ([]Row, error) {
	var rows []Row
	err := c.Each(func(r Row) error {
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// Header returns the CSV header: period, the split's field name when
// split, events, attacks_counted.
func (c *Counter) Header() []string {
	if c.opts.Split == NoSplit {
		return []string{"period", "events", "attacks_counted"}
	}
	return []string{"period", string(c.opts.Split), "events", "attacks_counted"}
}
