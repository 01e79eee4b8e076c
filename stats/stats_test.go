package stats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// ev builds an event of type t on date d (precision day, context reported).
func ev(id string, t events.EventType, d string, opts ...func(*events.Event)) events.Event {
	e := events.Event{ID: id, DocID: "doc", Published: d, Date: d, DateEnd: d, DatePrecision: events.PrecisionDay,
		Sentence: "s", Trigger: "t", Context: events.Reported, Confidence: 1}
	e.SetType(t, false)
	for _, o := range opts {
		o(&e)
	}
	return e
}

func withCount(n int, unit string) func(*events.Event) {
	return func(e *events.Event) { e.Count, e.CountUnit, e.CountQualifier = events.Int(n), unit, events.Exact }
}

func withActor(a string) func(*events.Event) { return func(e *events.Event) { e.Actor1 = a } }

func withCountry(c string) func(*events.Event) { return func(e *events.Event) { e.Country = c } }

func withContext(c events.Context) func(*events.Event) {
	return func(e *events.Event) { e.Context = c }
}

func unknownDate(published string) func(*events.Event) {
	return func(e *events.Event) {
		e.Published, e.Date, e.DateEnd, e.DatePrecision = published, published, published, events.PrecisionUnknown
	}
}

func count(t *testing.T, opts Options, evs ...events.Event) *Counter {
	t.Helper()
	c, err := NewCounter(opts)
	require.NoError(t, err)
	for i := range evs {
		c.Add(&evs[i])
	}
	return c
}

func rows(t *testing.T, c *Counter) []Row {
	t.Helper()
	r, err := c.Rows()
	require.NoError(t, err)
	return r
}

func day(s string) time.Time {
	t, err := events.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodStart(t *testing.T) {
	tests := []struct {
		name string
		by   Period
		date string
		want string
	}{
		{name: "day", by: Day, date: "2024-01-25", want: "2024-01-25"},
		{name: "week of a Thursday", by: Week, date: "2024-01-25", want: "2024-01-22"},
		{name: "a Monday starts its week", by: Week, date: "2024-01-22", want: "2024-01-22"},
		{name: "a Sunday ends its week", by: Week, date: "2024-01-28", want: "2024-01-22"},
		{name: "1 January 2025 is in the week of 30 December 2024", by: Week, date: "2025-01-01", want: "2024-12-30"},
		{name: "Sunday 3 January 2021 is in ISO week 2020-W53", by: Week, date: "2021-01-03", want: "2020-12-28"},
		{name: "leap day", by: Week, date: "2024-02-29", want: "2024-02-26"},
		{name: "month", by: Month, date: "2024-02-29", want: "2024-02-01"},
		{name: "month of 31 December", by: Month, date: "2023-12-31", want: "2023-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.by.Start(day(tt.date))
			assert.Equal(t, tt.want, events.FormatDate(got))
			if tt.by == Week {
				assert.Equal(t, time.Monday, got.Weekday())
				// The ISO week number of the start is that of the date.
				y1, w1 := got.ISOWeek()
				y2, w2 := day(tt.date).ISOWeek()
				assert.Equal(t, [2]int{y2, w2}, [2]int{y1, w1})
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		period  string
		split   string
		want    Period
		wantSp  Split
		wantErr string
	}{
		{name: "week", period: "week", want: Week},
		{name: "upper case", period: "MONTH", split: "Actor1", want: Month, wantSp: SplitActor1},
		{name: "none split", period: "day", split: "none", want: Day, wantSp: NoSplit},
		{name: "bad period", period: "year", wantErr: `stats: unknown period "year" (want one of day, week, month)`},
		{name: "bad split", period: "day", split: "location", wantErr: `stats: unknown split "location" (want one of event_type, actor1, country)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePeriod(tt.period)
			if err == nil {
				var sp Split
				sp, err = ParseSplit(tt.split)
				if err == nil {
					assert.Equal(t, tt.wantSp, sp)
				}
			}
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, p)
		})
	}
}

func TestAttacks(t *testing.T) {
	tests := []struct {
		name string
		e    events.Event
		want int
	}{
		{name: "an attack counted in attacks", e: ev("a", events.Attack, "2024-01-25", withCount(150, "attack")), want: 150},
		{name: "strikes count", e: ev("a", events.Airstrike, "2024-01-25", withCount(3, "strike")), want: 3},
		{name: "a casualty count is one attack", e: ev("a", events.DroneAttack, "2024-01-25", withCount(3, "soldier")), want: 1},
		{name: "no count is one attack", e: ev("a", events.Bombing, "2024-01-25"), want: 1},
		{name: "armed clash", e: ev("a", events.ArmedClash, "2024-01-25"), want: 1},
		{name: "rocket attack with rockets counted is one attack", e: ev("a", events.RocketAttack, "2024-01-25", withCount(18, "rocket")), want: 1},
		{name: "a stated zero", e: ev("a", events.Attack, "2024-01-25", withCount(0, "attack")), want: 0},
		{name: "an interception is no attack", e: ev("a", events.Interception, "2024-01-25", withCount(2, "drone")), want: 0},
		{name: "a claim carries no count of its own", e: ev("a", events.Claim, "2024-01-25", withCount(5, "attack")), want: 0},
		{name: "a statement", e: ev("a", events.Statement, "2024-01-25"), want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Attacks(&tt.e))
		})
	}
}

func TestZeroFilledWeeks(t *testing.T) {
	c := count(t, Options{By: Week},
		ev("a", events.Attack, "2024-01-03", withCount(150, "attack")), // week of 2024-01-01
		ev("b", events.Airstrike, "2024-01-23"),                        // week of 2024-01-22
		ev("c", events.Statement, "2024-01-28"),                        // the same week, Sunday
	)
	assert.Equal(t, []Row{
		{Period: "2024-01-01", Events: 1, Attacks: 150},
		{Period: "2024-01-08"},
		{Period: "2024-01-15"},
		{Period: "2024-01-22", Events: 2, Attacks: 1},
	}, rows(t, c))
	assert.Equal(t, 3, c.Counted())
	assert.Equal(t, 4, c.Periods())
}

func TestWeeksAcrossYearBoundary(t *testing.T) {
	c := count(t, Options{By: Week},
		ev("a", events.Attack, "2020-12-27"), // Sunday: week of 2020-12-21
		ev("b", events.Attack, "2021-01-03"), // Sunday: week of 2020-12-28 (2020-W53)
		ev("c", events.Attack, "2021-01-04"), // Monday: 2021-W01
	)
	assert.Equal(t, []Row{
		{Period: "2020-12-21", Events: 1, Attacks: 1},
		{Period: "2020-12-28", Events: 1, Attacks: 1},
		{Period: "2021-01-04", Events: 1, Attacks: 1},
	}, rows(t, c))
}

func TestMonthsAndDays(t *testing.T) {
	evs := []events.Event{ev("a", events.Attack, "2023-11-30"), ev("b", events.Attack, "2024-02-01")}
	t.Run("months", func(t *testing.T) {
		got := rows(t, count(t, Options{By: Month}, evs...))
		assert.Equal(t, []string{"2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"}, periods(got))
		assert.Equal(t, []int{1, 0, 0, 1}, eventCounts(got))
	})
	t.Run("days", func(t *testing.T) {
		got := rows(t, count(t, Options{By: Day}, evs...))
		require.Len(t, got, 64) // 30 Nov, 31 days of December, 31 of January, 1 Feb
		assert.Equal(t, "2023-11-30", got[0].Period)
		assert.Equal(t, "2024-02-01", got[63].Period)
		assert.Equal(t, "2024-01-01", got[32].Period)
		total := 0
		for _, r := range got {
			total += r.Events
		}
		assert.Equal(t, 2, total)
	})
}

func periods(rs []Row) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Period)
	}
	return out
}

func eventCounts(rs []Row) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.Events)
	}
	return out
}

func TestSplits(t *testing.T) {
	evs := []events.Event{
		ev("a", events.Airstrike, "2024-01-23", withActor("United States"), withCountry("IQ")),
		ev("b", events.Attack, "2024-01-10", withActor("Kataib Hezbollah"), withCountry("IQ"), withCount(4, "attack")),
		ev("c", events.Airstrike, "2024-01-24", withActor("United States"), withCountry("SY")),
		ev("d", events.Statement, "2024-01-24", withCountry("")),
	}
	tests := []struct {
		name   string
		split  Split
		types  []events.EventType
		values []string
		want   map[[2]string][2]int // {period, value} → {events, attacks}; absent = zero
	}{
		{name: "event type in taxonomy order", split: SplitEventType,
			values: []string{"attack", "airstrike", "statement"},
			want: map[[2]string][2]int{
				{"2024-01-08", "attack"}:    {1, 4},
				{"2024-01-22", "airstrike"}: {2, 2},
				{"2024-01-22", "statement"}: {1, 0},
			}},
		{name: "actor1 with an empty one last", split: SplitActor1,
			values: []string{"Kataib Hezbollah", "United States", NoValue},
			want: map[[2]string][2]int{
				{"2024-01-08", "Kataib Hezbollah"}: {1, 4},
				{"2024-01-22", "United States"}:    {2, 2},
				{"2024-01-22", NoValue}:            {1, 0},
			}},
		{name: "country", split: SplitCountry,
			values: []string{"IQ", "SY", NoValue},
			want: map[[2]string][2]int{
				{"2024-01-08", "IQ"}:    {1, 4},
				{"2024-01-22", "IQ"}:    {1, 1},
				{"2024-01-22", "SY"}:    {1, 1},
				{"2024-01-22", NoValue}: {1, 0},
			}},
		{name: "types asked for are rows even without events", split: SplitEventType,
			types:  []events.EventType{events.DroneAttack, events.Airstrike},
			values: []string{"drone_attack", "airstrike"},
			want: map[[2]string][2]int{
				{"2024-01-22", "airstrike"}: {2, 2},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := count(t, Options{By: Week, Split: tt.split, Types: tt.types}, evs...)
			assert.Equal(t, tt.values, c.Values())
			got := rows(t, c)
			weeks := []string{"2024-01-08", "2024-01-15", "2024-01-22"}
			if tt.types != nil {
				weeks = []string{"2024-01-22"}
			}
			require.Len(t, got, len(weeks)*len(tt.values), "every period × value")
			i := 0
			for _, w := range weeks {
				for _, v := range tt.values {
					r := got[i]
					i++
					assert.Equal(t, w, r.Period)
					assert.Equal(t, v, r.Value)
					want := tt.want[[2]string{w, v}]
					assert.Equal(t, want, [2]int{r.Events, r.Attacks}, "%s %s", w, v)
				}
			}
		})
	}
}

func TestFilters(t *testing.T) {
	evs := []events.Event{
		ev("reported", events.Attack, "2024-01-23"),
		ev("claimed", events.Attack, "2024-01-23", withContext(events.Claimed)),
		ev("denied", events.Attack, "2024-01-23", withContext(events.Denied)),
		ev("future", events.Meeting, "2024-01-30", withContext(events.Future)),
		ev("undated", events.Deployment, "2024-01-25", unknownDate("2024-01-25")),
		ev("nodate", events.Attack, ""),
		ev("baddate", events.Attack, "2024-02-30"),
		ev("old", events.Attack, "2023-12-01"),
	}
	tests := []struct {
		name  string
		opts  Options
		want  int
		skips Skips
		first string
		last  string
	}{
		{name: "defaults: reported and claimed, unknown dates at publication", opts: Options{},
			want: 4, skips: Skips{Context: 2, NoDate: 2}, first: "2023-11-27", last: "2024-01-22"},
		{name: "known dates only", opts: Options{KnownDatesOnly: true},
			want: 3, skips: Skips{Context: 2, UnknownDate: 1, NoDate: 2}, first: "2023-11-27", last: "2024-01-22"},
		{name: "every context", opts: Options{Contexts: []events.Context{events.Reported, events.Claimed, events.Denied, events.Future, events.Hypothetical}},
			want: 6, skips: Skips{NoDate: 2}, first: "2023-11-27", last: "2024-01-29"},
		{name: "types", opts: Options{Types: []events.EventType{events.Deployment}},
			want: 1, skips: Skips{Type: 7}, first: "2024-01-22", last: "2024-01-22"},
		{name: "from and to", opts: Options{From: "2024-01-01", To: "2024-01-31"},
			want: 3, skips: Skips{Context: 2, NoDate: 2, OutOfRange: 1}, first: "2024-01-01", last: "2024-01-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := count(t, tt.opts, evs...)
			assert.Equal(t, tt.want, c.Counted())
			assert.Equal(t, tt.skips, c.Skips())
			assert.Equal(t, len(evs), c.Counted()+c.Skips().Total())
			got := rows(t, c)
			require.NotEmpty(t, got)
			assert.Equal(t, tt.first, got[0].Period)
			assert.Equal(t, tt.last, got[len(got)-1].Period)
			total := 0
			for _, r := range got {
				total += r.Events
			}
			assert.Equal(t, tt.want, total)
		})
	}
}

func TestRangeWithoutEvents(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{name: "nothing counted", opts: Options{By: Month}},
		{name: "from and to", opts: Options{By: Month, From: "2024-01-15", To: "2024-03-02"}, want: []string{"2024-01-01", "2024-02-01", "2024-03-01"}},
		{name: "from only", opts: Options{By: Month, From: "2024-01-15"}, want: []string{"2024-01-01"}},
		{name: "a split with no value has no row", opts: Options{By: Month, Split: SplitActor1, From: "2024-01-15", To: "2024-03-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := count(t, tt.opts)
			got := rows(t, c)
			assert.Equal(t, tt.want, periods(got))
		})
	}
}

func TestNewCounterErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{name: "period", opts: Options{By: "year"}, want: `unknown period "year"`},
		{name: "split", opts: Options{Split: "source"}, want: `unknown split "source"`},
		{name: "type", opts: Options{Types: []events.EventType{"raid"}}, want: `unknown event type "raid"`},
		{name: "context", opts: Options{Contexts: []events.Context{"rumoured"}}, want: `unknown context "rumoured"`},
		{name: "from", opts: Options{From: "2024-13-01"}, want: "stats: from: invalid date"},
		{name: "inverted", opts: Options{From: "2024-02-01", To: "2024-01-01"}, want: "to 2024-01-01 is before from 2024-02-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCounter(tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestTooManyRows(t *testing.T) {
	c := count(t, Options{By: Day}, ev("a", events.Attack, "0001-01-01"), ev("b", events.Attack, "9999-12-31"))
	_, err := c.Rows()
	assert.True(t, errors.Is(err, ErrTooManyRows), "%v", err)
	var buf bytes.Buffer
	assert.ErrorIs(t, c.WriteCSV(&buf, false), ErrTooManyRows)
	assert.Zero(t, buf.Len(), "nothing written")
	// By month the same span is fine.
	c = count(t, Options{By: Month}, ev("a", events.Attack, "0001-01-01"), ev("b", events.Attack, "9999-12-31"))
	n, err := c.Len()
	require.NoError(t, err)
	assert.Equal(t, 9999*12, n)
}

func TestWriteCSV(t *testing.T) {
	c := count(t, Options{By: Week, Split: SplitActor1},
		ev("a", events.Airstrike, "2024-01-23", withActor("الولايات المتحدة")),
		ev("b", events.Attack, "2024-01-10", withActor(`Group "A", B`), withCount(150, "attack")),
	)
	var buf bytes.Buffer
	require.NoError(t, c.WriteCSV(&buf, true))
	out := buf.String()
	require.True(t, strings.HasPrefix(out, "\uFEFFperiod,actor1,events,attacks_counted\r\n"), out)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"period", "actor1", "events", "attacks_counted"},
		{"2024-01-08", `Group "A", B`, "1", "150"},
		{"2024-01-08", "الولايات المتحدة", "0", "0"},
		{"2024-01-15", `Group "A", B`, "0", "0"},
		{"2024-01-15", "الولايات المتحدة", "0", "0"},
		{"2024-01-22", `Group "A", B`, "0", "0"},
		{"2024-01-22", "الولايات المتحدة", "1", "1"},
	}, recs)

	t.Run("no split", func(t *testing.T) {
		c := count(t, Options{By: Month}, ev("a", events.Airstrike, "2024-01-23"))
		var buf bytes.Buffer
		require.NoError(t, c.WriteCSV(&buf, false))
		assert.Equal(t, "period,events,attacks_counted\r\n2024-01-01,1,1\r\n", buf.String())
	})
	t.Run("empty", func(t *testing.T) {
		c := count(t, Options{})
		var buf bytes.Buffer
		require.NoError(t, c.WriteCSV(&buf, false))
		assert.Equal(t, "period,events,attacks_counted\r\n", buf.String())
	})
}

func TestOrderIndependent(t *testing.T) {
	evs := []events.Event{
		ev("a", events.Airstrike, "2024-01-23", withActor("B")),
		ev("b", events.Attack, "2024-01-10", withActor("A")),
		ev("c", events.Attack, "2024-02-10", withActor("")),
	}
	var outs []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		c, err := NewCounter(Options{By: Week, Split: SplitActor1})
		require.NoError(t, err)
		for _, i := range order {
			c.Add(&evs[i])
		}
		var buf bytes.Buffer
		require.NoError(t, c.WriteCSV(&buf, false))
		outs = append(outs, buf.String())
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
}

func BenchmarkCounterAdd(b *testing.B) {
	evs := make([]events.Event, 1000)
	for i := range evs {
		evs[i] = ev("a", events.Taxonomy[i%len(events.Taxonomy)].Type, events.FormatDate(day("2023-01-01").AddDate(0, 0, i%700)), withActor([]string{"A", "B", "C"}[i%3]))
	}
	b.ReportAllocs()
	for b.Loop() {
		c, _ := NewCounter(Options{By: Week, Split: SplitEventType})
		for i := range evs {
			c.Add(&evs[i])
		}
		_ = c.Each(func(Row) error { return nil })
	}
}
