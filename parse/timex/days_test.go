package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// The functions of time.Time that makeExpr and results used before they
// worked on day numbers (dayOf), kept as the references of the tests below.

// precisionOf is the precision of an interval by its length in days,
// counted inclusively, as EVENTS.md defines them: 1 day, ≤7 week, ≤31
// month, ≤366 year, longer range.
func precisionOf(first, last time.Time) events.Precision {
	days := int(last.Sub(first).Hours()/24) + 1
	switch {
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

// appendDate appends t as events.FormatDate writes it, for a year in
// 1–9999: yyyy-mm-dd.
func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+d/10), byte('0'+d%10))
}

// TestAppendDay checks appendDay against time.Time.Date on every day of
// the years 1–9999, and events.FormatDate on one day in a thousand, and
// dayOf against the days from 1970-01-01.
func TestAppendDay(t *testing.T) {
	first, end := civil(1, time.January, 1), civil(10000, time.January, 1)
	require.Equal(t, minDay, dayOf(first))
	require.Equal(t, endDay, dayOf(end))
	require.Equal(t, int64(0), dayOf(civil(1970, time.January, 1)))
	require.Equal(t, int64(-1), dayOf(civil(1969, time.December, 31)))
	day := minDay
	var got, want []byte
	for d := first; d.Before(end); d = addDays(d, 1) {
		require.Equal(t, day, dayOf(d), "dayOf %v", d)
		got, want = appendDay(got[:0], day), appendDate(want[:0], d)
		if string(got) != string(want) {
			t.Fatalf("appendDay(%d) = %s, want %s", day, got, want)
		}
		if day%1000 == 0 {
			require.Equal(t, events.FormatDate(d), string(got))
		}
		day++
	}
	require.Equal(t, endDay, day)
}

// TestDayOfNotMidnight checks dayOf on times within a day, either side of
// 1970.
func TestDayOfNotMidnight(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want int64
	}{
		{time.Date(1970, 1, 1, 23, 59, 59, 999, time.UTC), 0},
		{time.Date(1969, 12, 31, 0, 0, 1, 0, time.UTC), -1},
		{time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), -1},
		{time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC), minDay},
		{time.Date(2024, 1, 25, 6, 0, 0, 0, time.UTC), 19747},
	} {
		require.Equal(t, tc.want, dayOf(tc.t), "%v", tc.t)
	}
}

// TestPrecisionOfDays checks precisionOfDays against precisionOf on
// intervals of midnights from one day to longer than time.Duration holds
// (where Sub saturates).
func TestPrecisionOfDays(t *testing.T) {
	starts := []time.Time{civil(1, 1, 1), civil(1900, 2, 28), civil(1969, 12, 31), civil(2024, 1, 25), civil(9000, 6, 1)}
	lengths := []int{0, 1, 2, 6, 7, 8, 30, 31, 32, 364, 365, 366, 367, 1000, 106750, 106751, 106752, 200000, 3000000}
	for _, s := range starts {
		for _, n := range lengths {
			l := addDays(s, n)
			if !l.Before(civil(10000, 1, 1)) {
				continue
			}
			require.Equal(t, precisionOf(s, l), precisionOfDays(dayOf(s), dayOf(l)), "%v + %d days", s, n)
		}
	}
}

// FuzzResolveMidnights checks the premise of makeExpr's day numbers:
// whatever it parses, resolve gives UTC midnights, for any anchor.
func FuzzResolveMidnights(f *testing.F) {
	f.Add(uint8(1), 2024, 1, 25, 0, 0, 0, 0, uint8(0), 0, int16(0))
	f.Add(uint8(4), 0, 0, 31, 2, 1, 3, -2, uint8(4), 3, int16(-400))
	f.Add(uint8(5), 0, 0, 0, 0, 0, 0, 0, uint8(5), 30, int16(9000))
	f.Fuzz(func(t *testing.T, k uint8, y, m, d, third, mod, wd, off int, u uint8, n int, shift int16) {
		clamp := func(v, lo, hi int) int { return lo + ((v-lo)%(hi-lo+1)+(hi-lo+1))%(hi-lo+1) }
		x := tx{kind: kind(1 + int(k)%int(kBlock)), y: clamp(y, 0, 2200), m: clamp(m, 0, 12), d: clamp(d, 0, 31),
			third: clamp(third, 0, 3), mod: clamp(mod, -1, 1), wd: clamp(wd, 0, 6), off: clamp(off, -7, 7),
			u: unit(int(u) % int(uYear+1)), n: clamp(n, 0, 10000)}
		sub := tx{kind: kDate, y: x.y, m: x.m, d: x.d}
		sub2 := tx{kind: kWeekday, wd: x.wd, mod: x.mod}
		x.sub = [2]*tx{&sub, &sub2}
		a := addDays(seedAnchor, int(shift))
		for _, known := range []bool{true, false} {
			first, last, ok := x.resolve(a, known)
			if !ok {
				continue
			}
			for _, v := range []time.Time{first, last} {
				if v.Location() != time.UTC || v.Unix()%secondsPerDay != 0 {
					t.Fatalf("resolve(%+v, %v) gave %v, no UTC midnight", x, a, v)
				}
			}
		}
	})
}
