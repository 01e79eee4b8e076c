package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/eventline/eventline/events"
)

func TestWeekdayFrom(t *testing.T) {
	thu := seedAnchor // 2024-01-25, a Thursday
	tests := []struct {
		name    string
		wd, mod int
		want    string
	}{
		{"same day", int(time.Thursday), 0, "2024-01-25"},
		{"day before", int(time.Wednesday), 0, "2024-01-24"},
		{"day after wraps back a week", int(time.Friday), 0, "2024-01-19"},
		{"last same day", int(time.Thursday), -1, "2024-01-18"},
		{"last Wednesday", int(time.Wednesday), -1, "2024-01-24"},
		{"next same day", int(time.Thursday), 1, "2024-02-01"},
		{"next Friday", int(time.Friday), 1, "2024-01-26"},
		{"next Wednesday", int(time.Wednesday), 1, "2024-01-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, events.FormatDate(weekdayFrom(thu, tt.wd, tt.mod)))
		})
	}
}

func TestMonthYear(t *testing.T) {
	tests := []struct {
		name     string
		m, mod   int
		anchor   string
		wantYear int
	}{
		{"earlier month this year", 1, 0, "2024-03-10", 2024},
		{"the anchor's month", 3, 0, "2024-03-10", 2024},
		{"later month is last year", 10, 0, "2024-01-25", 2023},
		{"last: the anchor's month is a year back", 1, -1, "2024-01-25", 2023},
		{"last: an earlier month", 1, -1, "2024-03-10", 2024},
		{"next: a later month", 6, 1, "2024-01-25", 2024},
		{"next: the anchor's month is a year on", 1, 1, "2024-01-25", 2025},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := events.ParseDate(tt.anchor)
			assert.NoError(t, err)
			assert.Equal(t, tt.wantYear, monthYear(a, tt.m, tt.mod))
		})
	}
}

func TestThirds(t *testing.T) {
	tests := []struct {
		name        string
		first, last time.Time
		want        [2]string
	}{
		{"early month", civil(2023, 12, 1), civil(2023, 12, 10), [2]string{"2023-12-01", "2023-12-10"}},
	}
	for third, want := range map[int][2]string{1: {"2024-02-01", "2024-02-10"}, 2: {"2024-02-11", "2024-02-20"}, 3: {"2024-02-21", "2024-02-29"}, 0: {"2024-02-01", "2024-02-29"}} {
		f, l := monthThird(2024, 2, third)
		tests = append(tests, struct {
			name        string
			first, last time.Time
			want        [2]string
		}{"february third " + string(rune('0'+third)), f, l, want})
	}
	for third, want := range map[int][2]string{1: {"2017-01-01", "2017-04-30"}, 2: {"2017-05-01", "2017-08-31"}, 3: {"2017-09-01", "2017-12-31"}} {
		f, l := yearThird(2017, third)
		tests = append(tests, struct {
			name        string
			first, last time.Time
			want        [2]string
		}{"year third " + string(rune('0'+third)), f, l, want})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, [2]string{events.FormatDate(tt.first), events.FormatDate(tt.last)})
		})
	}
}

func TestBack(t *testing.T) {
	tests := []struct {
		name string
		u    unit
		n    int
		want string
	}{
		{"24 hours", uHour, 24, "2024-01-24"},
		{"36 hours start two days back", uHour, 36, "2024-01-23"},
		{"48 hours", uHour, 48, "2024-01-23"},
		{"12 hours", uHour, 12, "2024-01-24"},
		{"3 days", uDay, 3, "2024-01-22"},
		{"2 weeks", uWeek, 2, "2024-01-11"},
		{"1 month", uMonth, 1, "2023-12-25"},
		{"2 years", uYear, 2, "2022-01-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, events.FormatDate(back(seedAnchor, tt.u, tt.n)))
		})
	}
}

func TestPrecisionOf(t *testing.T) {
	d := func(s string) time.Time { t, _ := events.ParseDate(s); return t }
	tests := []struct {
		name, first, last string
		want              events.Precision
	}{
		{"one day", "2024-01-25", "2024-01-25", events.PrecisionDay},
		{"two days", "2024-01-24", "2024-01-25", events.PrecisionWeek},
		{"seven days", "2024-01-15", "2024-01-21", events.PrecisionWeek},
		{"eight days", "2024-01-18", "2024-01-25", events.PrecisionMonth},
		{"thirty-one days", "2024-01-01", "2024-01-31", events.PrecisionMonth},
		{"a leap year", "2024-01-01", "2024-12-31", events.PrecisionYear},
		{"over a year", "2014-01-01", "2017-12-31", events.PrecisionRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, precisionOf(d(tt.first), d(tt.last)))
			assert.Equal(t, tt.want, precisionOfDays(dayOf(d(tt.first)), dayOf(d(tt.last))))
		})
	}
}

// TestDaysIn checks daysIn against the calendar of package time.
func TestDaysIn(t *testing.T) {
	for _, y := range []int{1, 1900, 1999, 2000, 2023, 2024, 2100, 9999} {
		for m := time.Month(0); m <= 13; m++ {
			assert.Equal(t, civil(y, m+1, 0).Day(), daysIn(y, m), "%d-%02d", y, m)
		}
	}
}

// TestAddDays checks addDays against AddDate, across months, years and a
// leap day.
func TestAddDays(t *testing.T) {
	for _, a := range []time.Time{seedAnchor, civil(2024, 2, 28), civil(2000, 12, 31), civil(1900, 3, 1)} {
		for _, n := range []int{-70000, -366, -31, -7, -1, 0, 1, 6, 29, 365, 70000} {
			assert.Equal(t, a.AddDate(0, 0, n), addDays(a, n), "%s + %d", events.FormatDate(a), n)
		}
	}
}

// TestDateBounds checks that minDate and endDate keep the years 1–9999 of
// UTC days, as makeExpr takes them to.
func TestDateBounds(t *testing.T) {
	tests := []struct {
		name string
		day  time.Time
		want bool // within years 1–9999
	}{
		{"the first day", civil(1, time.January, 1), true},
		{"the day before", civil(0, time.December, 31), false},
		{"the last day", civil(9999, time.December, 31), true},
		{"the day after", civil(10000, time.January, 1), false},
		{"a day of 2024", civil(2024, time.January, 25), true},
		{"far back", addDays(civil(1, time.January, 1), -400), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := dayOf(tc.day) >= minDay && dayOf(tc.day) < endDay
			assert.Equal(t, tc.want, in)
			assert.Equal(t, tc.day.Year() >= 1 && tc.day.Year() <= 9999, in)
		})
	}
}
