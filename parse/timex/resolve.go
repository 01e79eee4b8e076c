package timex

import (
	"time"
)

// kind is the shape of a parsed time expression, before it is resolved
// against the anchor.
type kind uint8

const (
	kDate      kind = iota + 1 // y, m, d: any of them may be 0 (unknown); third; mod for a month without a year
	kWeekday                   // wd with mod: -1 last, 0 latest on or before the anchor, +1 next
	kRelDay                    // the anchor + off days
	kCalUnit                   // the week, month or year u, mod units from the anchor's; d: a day in that month
	kAgo                       // n units u before the anchor: one day
	kBack                      // from n units u before the anchor to the anchor
	kNight                     // the night ending on weekday wd: that day and the day before
	kOvernight                 // the night ending on the anchor
	kSince                     // from the start of sub[0] to the anchor
	kInterval                  // from the start of sub[0] to the end of sub[1]
	kEventRel                  // relative to another event: not resolved here
	kBlock                     // looks like a time expression but is not: skipped
)

// tx is a parsed time expression.
type tx struct {
	kind    kind
	y, m, d int // kDate; d also for kCalUnit months
	third   int // 1 early, 2 mid, 3 late: applies to a month or a year
	mod     int // -1 last / past, 0 this, +1 next
	wd      int // weekday, 0 = Sunday
	off     int // kRelDay
	u       unit
	n       int
	sub     [2]*tx
}

// relative reports whether resolving t needs the anchor.
func (t *tx) relative() bool {
	switch t.kind {
	case kDate:
		return t.y == 0
	case kInterval:
		return t.sub[0].relative() || t.sub[1].relative()
	case kEventRel, kBlock:
		return false
	}
	return true
}

func civil(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	switch {
	case m == time.February && y%4 == 0 && (y%100 != 0 || y%400 == 0):
		return 29
	case m >= time.January && m <= time.December:
		return monthDays[m-1]
	}
	return civil(y, m+1, 0).Day()
}

var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// addDays is t.AddDate(0, 0, n) for a UTC time t, whose days are all 24
// hours long.
func addDays(t time.Time, n int) time.Time { return t.Add(time.Duration(n) * 24 * time.Hour) }

// monthYear picks the year of month m without a year: the latest such month
// that does not start after the anchor a (mod 0), the latest one that starts
// before a's month (mod -1, "أكتوبر الماضي", "last October"), or the first
// one that starts after a's month (mod +1).
func monthYear(a time.Time, m, mod int) int {
	y, am := a.Year(), int(a.Month())
	switch {
	case mod == 0 && m > am, mod < 0 && m >= am:
		return y - 1
	case mod > 0 && m <= am:
		return y + 1
	}
	return y
}

// weekdayFrom is the weekday wd latest on or before a (mod 0), strictly
// before a (mod -1), or first strictly after a (mod +1).
func weekdayFrom(a time.Time, wd, mod int) time.Time {
	aw := int(a.Weekday())
	if mod > 0 {
		fwd := (wd - aw + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return addDays(a, fwd)
	}
	diff := (aw - wd + 7) % 7
	if mod < 0 && diff == 0 {
		diff = 7
	}
	return addDays(a, -diff)
}

// back is n units u before a. Hours count in started days: 24 hours is one
// day back, 48 two, 36 two.
func back(a time.Time, u unit, n int) time.Time {
	switch u {
	case uHour:
		return addDays(a, -((n + 23) / 24))
	case uDay:
		return addDays(a, -n)
	case uWeek:
		return addDays(a, -7*n)
	case uMonth:
		return a.AddDate(0, -n, 0)
	case uYear:
		return a.AddDate(-n, 0, 0)
	}
	return a
}

// monthThird narrows a month to its third: days 1–10, 11–20, 21–last.
func monthThird(y int, m time.Month, third int) (time.Time, time.Time) {
	switch third {
	case 1:
		return civil(y, m, 1), civil(y, m, 10)
	case 2:
		return civil(y, m, 11), civil(y, m, 20)
	case 3:
		return civil(y, m, 21), civil(y, m, daysIn(y, m))
	}
	return civil(y, m, 1), civil(y, m, daysIn(y, m))
}

// yearThird narrows a year to its third: Jan–Apr, May–Aug, Sep–Dec.
func yearThird(y, third int) (time.Time, time.Time) {
	switch third {
	case 1:
		return civil(y, 1, 1), civil(y, 4, 30)
	case 2:
		return civil(y, 5, 1), civil(y, 8, 31)
	case 3:
		return civil(y, 9, 1), civil(y, 12, 31)
	}
	return civil(y, 1, 1), civil(y, 12, 31)
}

// resolve gives the interval t stands for, first and last day inclusive,
// with a the anchor as a UTC midnight. known is false when there is no
// anchor: then only absolute expressions resolve. ok is false when t does
// not resolve (no anchor, an invalid date, an interval that ends before it
// starts, or an expression relative to another event).
func (t *tx) resolve(a time.Time, known bool) (first, last time.Time, ok bool) {
	if !known && t.relative() {
		return first, last, false
	}
	switch t.kind {
	case kDate:
		if t.m == 0 {
			if t.y == 0 || t.d != 0 {
				return first, last, false
			}
			first, last = yearThird(t.y, t.third)
			return first, last, true
		}
		y := t.y
		if y == 0 {
			y = monthYear(a, t.m, t.mod)
		}
		m := time.Month(t.m)
		if t.d == 0 {
			first, last = monthThird(y, m, t.third)
			return first, last, true
		}
		if t.d > daysIn(y, m) {
			return first, last, false
		}
		first = civil(y, m, t.d)
		return first, first, true
	case kWeekday:
		first = weekdayFrom(a, t.wd, t.mod)
		return first, first, true
	case kRelDay:
		first = addDays(a, t.off)
		return first, first, true
	case kCalUnit:
		switch t.u {
		case uWeek:
			first = addDays(a, -(int(a.Weekday())+6)%7+7*t.mod)
			return first, addDays(first, 6), true
		case uMonth:
			start := civil(a.Year(), a.Month()+time.Month(t.mod), 1)
			y, m := start.Year(), start.Month()
			if t.d > 0 {
				if t.d > daysIn(y, m) {
					return first, last, false
				}
				first = civil(y, m, t.d)
				return first, first, true
			}
			first, last = monthThird(y, m, t.third)
			return first, last, true
		case uYear:
			first, last = yearThird(a.Year()+t.mod, t.third)
			return first, last, true
		}
	case kAgo:
		first = back(a, t.u, t.n)
		return first, first, true
	case kBack:
		return back(a, t.u, t.n), a, true
	case kNight:
		last = weekdayFrom(a, t.wd, t.mod)
		return addDays(last, -1), last, true
	case kOvernight:
		return addDays(a, -1), a, true
	case kSince:
		f, _, ok := t.sub[0].resolve(a, known)
		if !ok || f.After(a) {
			return first, last, false
		}
		return f, a, true
	case kInterval:
		f, _, ok1 := t.sub[0].resolve(a, known)
		end := t.sub[1]
		if ok1 && end.kind == kDate && end.y == 0 && end.m > 0 {
			// from Jan. 20 to Feb. 3: the end month is the first one on or after the start
			e := *end
			e.y, e.mod = f.Year(), 0
			if time.Month(e.m) < f.Month() {
				e.y++
			}
			end = &e
		}
		_, l, ok2 := end.resolve(a, known)
		if !ok1 || !ok2 {
			return first, last, false
		}
		if l.Before(f) && t.sub[0].kind == kWeekday && t.sub[0].mod == 0 {
			// من الاثنين إلى الأربعاء read on a Tuesday: last week's Monday
			f = addDays(f, -7)
		}
		if l.Before(f) {
			return first, last, false
		}
		return f, l, true
	}
	return first, last, false
}

// txArena hands out the tx values of one Find call: a parse tries many
// rules at every token, and the ones that lose are dropped, so allocating
// them one by one would make most of Find's garbage. The blocks are reused
// by the next Find of the pooled parser.
type txArena struct {
	blocks []*[txBlock]tx
	n      int // tx values handed out
}

const txBlock = 64

// new returns a pointer to a copy of t, valid until reset.
func (a *txArena) new(t tx) *tx {
	if a.n == len(a.blocks)*txBlock {
		a.grow()
	}
	x := &a.blocks[a.n/txBlock][a.n%txBlock]
	*x = t
	a.n++
	return x
}

func (a *txArena) grow() { a.blocks = append(a.blocks, new([txBlock]tx)) }

// maxKeptBlocks bounds the blocks an arena keeps across a reset.
const maxKeptBlocks = 16

// reset makes all the values handed out free for reuse, and lets go of
// the blocks beyond maxKeptBlocks that a long segment needed.
func (a *txArena) reset() {
	a.n = 0
	if len(a.blocks) > maxKeptBlocks {
		clear(a.blocks[maxKeptBlocks:])
		a.blocks = a.blocks[:maxKeptBlocks]
	}
}
