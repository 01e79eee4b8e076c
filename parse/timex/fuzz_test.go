package timex

import (
	"reflect"
	"testing"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// requireEachIsFind checks that FindEach yields xs, what Find returned.
func requireEachIsFind(t testing.TB, seg *textnorm.Segment, lang string, anchor time.Time, xs []Expr) {
	t.Helper()
	var each []Expr
	FindEach(seg, lang, anchor, func(x Expr) { each = append(each, x) })
	if !reflect.DeepEqual(xs, each) {
		t.Fatalf("FindEach gave %+v, Find %+v", each, xs)
	}
}

// FuzzFind checks that Find never panics and that its expressions keep the
// invariants: First < Last, in order and not overlapping, Text and offsets
// those of the tokens, both dates or neither, Date <= DateEnd, and a
// precision that is unknown exactly when there is no date; and that tokens
// with word records read the same as tokens without, and that FindEach
// yields what Find returns.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"",
		"...،؛!؟ - / ( ) —",
		"قال المسؤول on Thursday إن الهجوم وقع ليل الثلاثاء since Oct. 7",
		"في ٢٥ يناير ٢٠٢٤ و٢٥/١/٢٠٢٤ وخلال الساعات الـ٤٨ الماضية",
		"ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات أكثر من 150 هجوماً",
		"between Jan. 20 and 25, from 2014 to 2017, 2024-01-25, 31/02/2024",
		"ليل الأحد الاثنين overnight Saturday into Sunday بين الاثنين والأربعاء",
		"\xff\xfe invalid utf-8 الخميس \x80",
		"الـ الـ48 ال 9999999999999 ٩٩٩٩٩٩٩٩ 1.2.3 99.99.9999",
	}
	for _, s := range seeds {
		f.Add(s, int16(0), true)
	}
	f.Add("yesterday", int16(-30000), true)
	f.Add("منذ العام 2014", int16(0), false)
	f.Fuzz(func(t *testing.T, s string, shift int16, known bool) {
		anchor := seedAnchor.AddDate(0, 0, int(shift))
		if !known {
			anchor = time.Time{}
		}
		seg := textnorm.NewSegment(s, 7)
		requireGatesSkipOnly(t, &seg, "ar", anchor)
		xs := Find(&seg, "ar", anchor)
		requireEachIsFind(t, &seg, "ar", anchor, xs)
		plain := textnorm.Segment{Text: s, Start: 7, Tokens: textnorm.AppendTokens(nil, s, 7)}
		if !reflect.DeepEqual(xs, Find(&plain, "ar", anchor)) {
			t.Fatalf("tokens with word records read %+v, without %+v", xs, Find(&plain, "ar", anchor))
		}
		prev := 0
		for _, x := range xs {
			if x.First >= x.Last || x.First < prev || x.Last > len(seg.Tokens) {
				t.Fatalf("bad token range %d..%d after %d in %q", x.First, x.Last, prev, s)
			}
			prev = x.Last
			if x.Text != seg.Slice(x.First, x.Last) || x.Start != seg.Tokens[x.First].Start || x.End != seg.Tokens[x.Last-1].End {
				t.Fatalf("text or offsets of %+v do not match the tokens in %q", x, s)
			}
			if (x.Date == "") != (x.DateEnd == "") || (x.Date == "") != (x.Precision == events.PrecisionUnknown) {
				t.Fatalf("dates and precision disagree: %+v", x)
			}
			if x.Date != "" {
				first, err1 := events.ParseDate(x.Date)
				last, err2 := events.ParseDate(x.DateEnd)
				if err1 != nil || err2 != nil || last.Before(first) {
					t.Fatalf("bad interval %s..%s for %q", x.Date, x.DateEnd, x.Text)
				}
			}
		}
	})
}
