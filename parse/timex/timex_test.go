package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// seedAnchor is the publication date of the seed article, a Thursday.
var seedAnchor = time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC)

// want is one expected expression: its text and its resolution.
type want struct {
	text, date, end string
	prec            events.Precision
}

func day(text, date string) want { return want{text, date, date, events.PrecisionDay} }

func span(text, date, end string, prec events.Precision) want { return want{text, date, end, prec} }

func unresolved(text string) want { return want{text, "", "", events.PrecisionUnknown} }

type findCase struct {
	name   string
	text   string
	anchor string // ISO; empty means seedAnchor
	want   []want
}

func runFindCases(t *testing.T, lang string, cases []findCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			anchor := seedAnchor
			if tt.anchor != "" {
				var err error
				anchor, err = events.ParseDate(tt.anchor)
				require.NoError(t, err)
			}
			seg := textnorm.NewSegment(tt.text, 0)
			got := Find(&seg, lang, anchor)
			requireGatesSkipOnly(t, &seg, lang, anchor)
			require.Len(t, got, len(tt.want), "expressions of %q: %+v", tt.text, got)
			for i, w := range tt.want {
				assert.Equal(t, w.text, got[i].Text, "text")
				assert.Equal(t, w.date, got[i].Date, "date of %q", w.text)
				assert.Equal(t, w.end, got[i].DateEnd, "date_end of %q", w.text)
				assert.Equal(t, w.prec, got[i].Precision, "precision of %q", w.text)
			}
		})
	}
}

func TestFindArabic(t *testing.T) {
	const (
		week  = events.PrecisionWeek
		month = events.PrecisionMonth
		year  = events.PrecisionYear
		rng   = events.PrecisionRange
	)
	runFindCases(t, "ar", []findCase{
		// weekdays and parts of the day
		{name: "weekday on the anchor", text: "أعلنت الوزارة في بيان الخميس إطلاق مجاميع العمل", want: []want{day("الخميس", "2024-01-25")}},
		{name: "evening of a weekday with clitic", text: "ومساء الخميس أفاد بيان", want: []want{day("ومساء الخميس", "2024-01-25")}},
		{name: "evening of a weekday", text: "أفاد بيان مساء الخميس", want: []want{day("مساء الخميس", "2024-01-25")}},
		{name: "night of Tuesday", text: "غارات جوية استهدفت ليل الثلاثاء مواقع", want: []want{day("ليل الثلاثاء", "2024-01-23")}},
		{name: "dawn of Sunday", text: "وقع الهجوم فجر الأحد", want: []want{day("فجر الأحد", "2024-01-21")}},
		{name: "bare Tuesday", text: "استهدفت الثلاثاء كتائب حزب الله", want: []want{day("الثلاثاء", "2024-01-23")}},
		{name: "weekday with conjunction clitic", text: "والثلاثاء قتل جنديان", want: []want{day("والثلاثاء", "2024-01-23")}},
		{name: "yawm before weekday", text: "وصل يوم الجمعة إلى بغداد", want: []want{day("يوم الجمعة", "2024-01-19")}},
		{name: "diacritics and hamza", text: "وقع الهجومُ يومَ الأَحَدِ", want: []want{day("يومَ الأَحَدِ", "2024-01-21")}},
		{name: "late on Tuesday night", text: "في وقت متأخر من ليل الثلاثاء", want: []want{day("في وقت متأخر من ليل الثلاثاء", "2024-01-23")}},
		{name: "early hours of Sunday morning", text: "في الساعات الأولى من صباح الأحد", want: []want{day("في الساعات الأولى من صباح الأحد", "2024-01-21")}},
		{name: "last Thursday on a Thursday is a week back", text: "التقى نظيره الخميس الماضي", want: []want{day("الخميس الماضي", "2024-01-18")}},
		{name: "last Wednesday", text: "وقع الهجوم الأربعاء الفائت", want: []want{day("الأربعاء الفائت", "2024-01-24")}},
		{name: "last Friday feminine", text: "وقع الهجوم الجمعة الماضية", want: []want{day("الجمعة الماضية", "2024-01-19")}},
		{name: "next Thursday", text: "سيلتقي نظيره الخميس المقبل", want: []want{day("الخميس المقبل", "2024-02-01")}},
		{name: "next Saturday", text: "تعقد القمة السبت القادم", want: []want{day("السبت القادم", "2024-01-27")}},
		{name: "morning of last Thursday", text: "صباح الخميس الماضي", want: []want{day("صباح الخميس الماضي", "2024-01-18")}},
		{name: "weekday on another anchor", text: "قصف الجيش الاثنين مواقع", anchor: "2024-03-01", want: []want{day("الاثنين", "2024-02-26")}},
		// nights over two days
		{name: "night of Sunday to Monday", text: "وقع الانفجار ليل الأحد الاثنين", want: []want{span("ليل الأحد الاثنين", "2024-01-21", "2024-01-22", week)}},
		{name: "night of Sunday into Monday with ila", text: "ليل الأحد إلى الاثنين", want: []want{span("ليل الأحد إلى الاثنين", "2024-01-21", "2024-01-22", week)}},
		{name: "night ending on the anchor", text: "ليلة الأربعاء الخميس", want: []want{span("ليلة الأربعاء الخميس", "2024-01-24", "2024-01-25", week)}},
		{name: "bare night", text: "سمعت انفجارات خلال الليل", want: []want{span("خلال الليل", "2024-01-24", "2024-01-25", week)}},
		// relative days
		{name: "today", text: "وصل الوزير اليوم إلى بغداد", want: []want{day("اليوم", "2024-01-25")}},
		{name: "this morning", text: "وصل الوزير صباح اليوم", want: []want{day("صباح اليوم", "2024-01-25")}},
		{name: "yesterday with weekday", text: "قتل ثلاثة أشخاص أمس الأربعاء", want: []want{day("أمس الأربعاء", "2024-01-24")}},
		{name: "yesterday decides over a wrong weekday", text: "قتل ثلاثة أشخاص أمس الاثنين", want: []want{day("أمس الاثنين", "2024-01-24")}},
		{name: "bil-ams", text: "وقع الهجوم بالأمس", want: []want{day("بالأمس", "2024-01-24")}},
		{name: "day before yesterday", text: "قتل ثلاثة أشخاص أول أمس", want: []want{day("أول أمس", "2024-01-23")}},
		{name: "day before yesterday variant", text: "قتل ثلاثة أشخاص أمس الأول", want: []want{day("أمس الأول", "2024-01-23")}},
		{name: "last night", text: "قالت الشرطة البارحة", want: []want{day("البارحة", "2024-01-24")}},
		{name: "evening of yesterday", text: "وقع الهجوم مساء أمس", want: []want{day("مساء أمس", "2024-01-24")}},
		{name: "the past night", text: "وقع الهجوم الليلة الماضية", want: []want{day("الليلة الماضية", "2024-01-24")}},
		{name: "tomorrow", text: "تعقد القمة غداً في الرياض", want: []want{day("غداً", "2024-01-26")}},
		{name: "days ago in words", text: "وقع الهجوم قبل ثلاثة أيام", want: []want{day("قبل ثلاثة أيام", "2024-01-22")}},
		{name: "days ago in digits", text: "وقع الهجوم قبل ٣ أيام", want: []want{day("قبل ٣ أيام", "2024-01-22")}},
		{name: "two days ago dual", text: "وقع الهجوم قبل يومين", want: []want{day("قبل يومين", "2024-01-23")}},
		{name: "eleven days ago", text: "وقع الهجوم قبل 11 يوما", want: []want{day("قبل 11 يوما", "2024-01-14")}},
		{name: "a week ago", text: "وقع الهجوم قبل أسبوع", want: []want{day("قبل أسبوع", "2024-01-18")}},
		// calendar units
		{name: "last week", text: "شهد الأسبوع الماضي هجمات عدة", want: []want{span("الأسبوع الماضي", "2024-01-15", "2024-01-21", week)}},
		{name: "last week on a Monday", text: "شهد الأسبوع الماضي هجمات", anchor: "2024-01-22", want: []want{span("الأسبوع الماضي", "2024-01-15", "2024-01-21", week)}},
		{name: "next week", text: "في الأسبوع المقبل", want: []want{span("في الأسبوع المقبل", "2024-01-29", "2024-02-04", week)}},
		{name: "last month", text: "في الشهر الماضي قتل", want: []want{span("في الشهر الماضي", "2023-12-01", "2023-12-31", month)}},
		{name: "last year", text: "في العام الماضي قتل", want: []want{span("في العام الماضي", "2023-01-01", "2023-12-31", year)}},
		{name: "last year sana", text: "خلال السنة الماضية", want: []want{span("خلال السنة الماضية", "2023-01-01", "2023-12-31", year)}},
		{name: "this month", text: "هذا الشهر شهد تصعيدا", want: []want{span("هذا الشهر", "2024-01-01", "2024-01-31", month)}},
		{name: "current year", text: "منذ بداية العام الحالي", want: []want{span("منذ بداية العام الحالي", "2024-01-01", "2024-01-25", rng)}},
		{name: "next year", text: "ستجرى الانتخابات العام المقبل", want: []want{span("العام المقبل", "2025-01-01", "2025-12-31", year)}},
		// months without a year
		{name: "Levantine/Western pair", text: "وقع الهجوم في تشرين الأول/أكتوبر", want: []want{span("في تشرين الأول/أكتوبر", "2023-10-01", "2023-10-31", month)}},
		{name: "pair of the anchor's month", text: "في كانون الثاني/يناير", want: []want{span("في كانون الثاني/يناير", "2024-01-01", "2024-01-31", month)}},
		{name: "Egyptian name", text: "وقع الهجوم في أكتوبر", want: []want{span("في أكتوبر", "2023-10-01", "2023-10-31", month)}},
		{name: "Levantine name with clitic", text: "وبحزيران شهدت المدينة", want: []want{span("وبحزيران", "2023-06-01", "2023-06-30", month)}},
		{name: "Ab with cue", text: "في آب الماضي", want: []want{span("في آب الماضي", "2023-08-01", "2023-08-31", month)}},
		{name: "Maghreb name", text: "في جانفي", want: []want{span("في جانفي", "2024-01-01", "2024-01-31", month)}},
		{name: "Maarch with cue", text: "منذ مارس", want: []want{span("منذ مارس", "2023-03-01", "2024-01-25", rng)}},
		{name: "month and year", text: "في آذار/مارس 2023", want: []want{span("في آذار/مارس 2023", "2023-03-01", "2023-03-31", month)}},
		{name: "month and year egyptian", text: "في فبراير 2024", want: []want{span("في فبراير 2024", "2024-02-01", "2024-02-29", month)}},
		{name: "next month name", text: "في يونيو المقبل", want: []want{span("في يونيو المقبل", "2024-06-01", "2024-06-30", month)}},
		// thirds
		{name: "early December", text: "في أوائل كانون الأول/ديسمبر", want: []want{span("في أوائل كانون الأول/ديسمبر", "2023-12-01", "2023-12-10", month)}},
		{name: "start of the month", text: "مطلع تشرين الثاني/نوفمبر", want: []want{span("مطلع تشرين الثاني/نوفمبر", "2023-11-01", "2023-11-10", month)}},
		{name: "bidaya", text: "بداية أيلول", want: []want{span("بداية أيلول", "2023-09-01", "2023-09-10", month)}},
		{name: "mid October since", text: "ومنذ منتصف تشرين الأول/أكتوبر، شنت الجماعات", want: []want{span("ومنذ منتصف تشرين الأول/أكتوبر", "2023-10-11", "2024-01-25", rng)}},
		{name: "awasit", text: "أواسط شباط", want: []want{span("أواسط شباط", "2023-02-11", "2023-02-20", month)}},
		{name: "late November", text: "في أواخر تشرين الثاني/نوفمبر", want: []want{span("في أواخر تشرين الثاني/نوفمبر", "2023-11-21", "2023-11-30", month)}},
		{name: "end of February leap year", text: "نهاية شباط/فبراير 2024", want: []want{span("نهاية شباط/فبراير 2024", "2024-02-21", "2024-02-29", month)}},
		{name: "mid last month", text: "في منتصف الشهر الماضي", want: []want{span("في منتصف الشهر الماضي", "2023-12-11", "2023-12-20", month)}},
		// years
		{name: "in the year 2014", text: "أطلقته واشنطن في العام 2014.", want: []want{span("في العام 2014", "2014-01-01", "2014-12-31", year)}},
		{name: "aam without article", text: "عام 2003 غزت", want: []want{span("عام 2003", "2003-01-01", "2003-12-31", year)}},
		{name: "year with bi-al clitic", text: "بالعام 2014", want: []want{span("بالعام 2014", "2014-01-01", "2014-12-31", year)}},
		{name: "arabic-indic year", text: "في العام ٢٠١٤", want: []want{span("في العام ٢٠١٤", "2014-01-01", "2014-12-31", year)}},
		{name: "bare year after fi", text: "قتل 2000 شخص في 2014", want: []want{span("في 2014", "2014-01-01", "2014-12-31", year)}},
		{name: "end of 2017", text: "وأعلنت السلطات انتصارها في نهاية العام 2017.", want: []want{span("في نهاية العام 2017", "2017-09-01", "2017-12-31", year)}},
		{name: "early 2017", text: "مطلع العام 2017", want: []want{span("مطلع العام 2017", "2017-01-01", "2017-04-30", year)}},
		{name: "mid 2015", text: "في أواسط العام 2015", want: []want{span("في أواسط العام 2015", "2015-05-01", "2015-08-31", year)}},
		{name: "late last year", text: "أواخر العام الماضي", want: []want{span("أواخر العام الماضي", "2023-09-01", "2023-12-31", year)}},
		{name: "start of the year bare", text: "في بداية العام", want: []want{span("في بداية العام", "2024-01-01", "2024-04-30", year)}},
		// full dates
		{name: "full Levantine pair", text: "وقع الهجوم في 25 كانون الثاني/يناير 2024", want: []want{day("في 25 كانون الثاني/يناير 2024", "2024-01-25")}},
		{name: "full Egyptian", text: "25 يناير 2024", want: []want{day("25 يناير 2024", "2024-01-25")}},
		{name: "arabic-indic digits", text: "وقع الهجوم في ٢٥ يناير ٢٠٢٤", want: []want{day("في ٢٥ يناير ٢٠٢٤", "2024-01-25")}},
		{name: "ordinal day word", text: "هاجمت حماس إسرائيل في السابع من تشرين الأول/أكتوبر", want: []want{day("في السابع من تشرين الأول/أكتوبر", "2023-10-07")}},
		{name: "ordinal day compound", text: "الحادي والعشرين من آذار", want: []want{day("الحادي والعشرين من آذار", "2023-03-21")}},
		{name: "ordinal first", text: "الأول من أيار/مايو", want: []want{day("الأول من أيار/مايو", "2023-05-01")}},
		{name: "day month last", text: "في 7 أكتوبر الماضي", want: []want{day("في 7 أكتوبر الماضي", "2023-10-07")}},
		{name: "day min month", text: "في 20 من كانون الثاني/يناير", want: []want{day("في 20 من كانون الثاني/يناير", "2024-01-20")}},
		{name: "day of the current month", text: "في الـ20 من الشهر الجاري", want: []want{day("في الـ20 من الشهر الجاري", "2024-01-20")}},
		{name: "ordinal day of last month", text: "في العاشر من الشهر الماضي", want: []want{day("في العاشر من الشهر الماضي", "2023-12-10")}},
		{name: "weekday with explicit date", text: "أعلنت الوزارة الخميس الموافق 25 كانون الثاني/يناير 2024", want: []want{day("الخميس الموافق 25 كانون الثاني/يناير 2024", "2024-01-25")}},
		{name: "date wins over weekday", text: "الثلاثاء 25 كانون الثاني/يناير 2022", want: []want{day("الثلاثاء 25 كانون الثاني/يناير 2022", "2022-01-25")}},
		{name: "numeric day first", text: "في 05/01/2024 وقع", want: []want{day("في 05/01/2024", "2024-01-05")}},
		{name: "numeric arabic-indic", text: "بتاريخ ٢٥/١/٢٠٢٤", want: []want{day("٢٥/١/٢٠٢٤", "2024-01-25")}},
		{name: "iso", text: "في 2024-01-25 وقع", want: []want{day("في 2024-01-25", "2024-01-25")}},
		{name: "invalid date", text: "قتل في 31 شباط", want: []want{unresolved("في 31 شباط")}},
		{name: "invalid 29 February", text: "29 شباط/فبراير 2023", want: []want{unresolved("29 شباط/فبراير 2023")}},
		// intervals
		{name: "between days", text: "وقعت المعارك بين 20 و25 كانون الثاني", want: []want{span("بين 20 و25 كانون الثاني", "2024-01-20", "2024-01-25", week)}},
		{name: "from to days", text: "من 20 إلى 25 كانون الثاني", want: []want{span("من 20 إلى 25 كانون الثاني", "2024-01-20", "2024-01-25", week)}},
		{name: "across months", text: "من 28 كانون الأول/ديسمبر إلى 3 كانون الثاني/يناير", want: []want{span("من 28 كانون الأول/ديسمبر إلى 3 كانون الثاني/يناير", "2023-12-28", "2024-01-03", week)}},
		{name: "long interval", text: "بين 1 و20 كانون الثاني 2024", want: []want{span("بين 1 و20 كانون الثاني 2024", "2024-01-01", "2024-01-20", month)}},
		{name: "between weekdays", text: "بين الاثنين والأربعاء", want: []want{span("بين الاثنين والأربعاء", "2024-01-22", "2024-01-24", week)}},
		{name: "from Monday to Wednesday on a Tuesday", text: "من الاثنين إلى الأربعاء", anchor: "2024-01-23", want: []want{span("من الاثنين إلى الأربعاء", "2024-01-15", "2024-01-17", week)}},
		{name: "between years", text: "بين عامي 2014 و2017", want: []want{span("بين عامي 2014 و2017", "2014-01-01", "2017-12-31", rng)}},
		{name: "between two months", text: "بين تشرين الأول وكانون الأول 2023", want: []want{span("بين تشرين الأول وكانون الأول 2023", "2023-10-01", "2023-12-31", year)}},
		// since
		{name: "since yesterday", text: "منذ أمس قتل عشرة أشخاص", want: []want{span("منذ أمس", "2024-01-24", "2024-01-25", rng)}},
		{name: "since the start of the year", text: "منذ بداية العام قتل", want: []want{span("منذ بداية العام", "2024-01-01", "2024-01-25", rng)}},
		{name: "since early this month", text: "منذ مطلع الشهر الجاري", want: []want{span("منذ مطلع الشهر الجاري", "2024-01-01", "2024-01-25", rng)}},
		{name: "since 7 October", text: "منذ السابع من تشرين الأول/أكتوبر", want: []want{span("منذ السابع من تشرين الأول/أكتوبر", "2023-10-07", "2024-01-25", rng)}},
		{name: "since a year", text: "منذ العام 2014", want: []want{span("منذ العام 2014", "2014-01-01", "2024-01-25", rng)}},
		{name: "since Thursday is a range on the anchor", text: "منذ الخميس", want: []want{span("منذ الخميس", "2024-01-25", "2024-01-25", rng)}},
		{name: "since last week", text: "منذ الأسبوع الماضي", want: []want{span("منذ الأسبوع الماضي", "2024-01-15", "2024-01-25", rng)}},
		{name: "since three days", text: "منذ ثلاثة أيام يحاصر الجيش المدينة", want: []want{span("منذ ثلاثة أيام", "2024-01-22", "2024-01-25", rng)}},
		{name: "since two years", text: "منذ عامين", want: []want{span("منذ عامين", "2022-01-25", "2024-01-25", rng)}},
		// windows back from the anchor
		{name: "past 48 hours", text: "قتل 20 شخصا خلال الساعات الـ48 الماضية", want: []want{span("خلال الساعات الـ48 الماضية", "2024-01-23", "2024-01-25", week)}},
		{name: "past 24 hours", text: "خلال الـ24 ساعة الماضية", want: []want{span("خلال الـ24 ساعة الماضية", "2024-01-24", "2024-01-25", week)}},
		{name: "past 24 hours in words", text: "في الساعات الأربع والعشرين الأخيرة", want: []want{span("في الساعات الأربع والعشرين الأخيرة", "2024-01-24", "2024-01-25", week)}},
		{name: "past three days", text: "خلال الأيام الثلاثة الماضية", want: []want{span("خلال الأيام الثلاثة الماضية", "2024-01-22", "2024-01-25", week)}},
		{name: "past two days dual", text: "خلال اليومين الماضيين", want: []want{span("خلال اليومين الماضيين", "2024-01-23", "2024-01-25", week)}},
		{name: "past ten days", text: "خلال الأيام العشرة الماضية", want: []want{span("خلال الأيام العشرة الماضية", "2024-01-15", "2024-01-25", month)}},
		// relative to another event
		{name: "ghadat", text: "غداة الهجوم أعلنت الحكومة", want: []want{unresolved("غداة")}},
		{name: "the next day", text: "في اليوم التالي أعلنت", want: []want{unresolved("في اليوم التالي")}},
		{name: "two days after", text: "بعد يومين من الهجوم", want: []want{unresolved("بعد يومين من")}},
		{name: "hours after", text: "بعد ساعات من الهجوم", want: []want{unresolved("بعد ساعات من")}},
		{name: "days before an event", text: "قبل ثلاثة أيام من الانتخابات", want: []want{unresolved("قبل ثلاثة أيام من")}},
		{name: "eve", text: "عشية الانتخابات", want: []want{unresolved("عشية")}},
		// more wire-copy forms
		{name: "night with a dash", text: "وقع الانفجار ليل السبت-الأحد", want: []want{span("ليل السبت-الأحد", "2024-01-20", "2024-01-21", week)}},
		{name: "dawn today Thursday", text: "فجر اليوم الخميس", want: []want{day("فجر اليوم الخميس", "2024-01-25")}},
		{name: "weekday with date without year", text: "يوم الاثنين 22 كانون الثاني/يناير", want: []want{day("يوم الاثنين 22 كانون الثاني/يناير", "2024-01-22")}},
		{name: "until the end of the year: cue stays out", text: "يستمر العمل حتى نهاية العام", want: []want{span("نهاية العام", "2024-09-01", "2024-12-31", year)}},
		{name: "past two years", text: "في العامين الماضيين قتل الآلاف", want: []want{span("في العامين الماضيين", "2022-01-25", "2024-01-25", rng)}},
		{name: "9/11 with year", text: "هجمات 11 أيلول/سبتمبر 2001", want: []want{day("11 أيلول/سبتمبر 2001", "2001-09-11")}},
		{name: "weekday then part of the day", text: "وقع الهجوم الأحد مساءً", want: []want{day("الأحد مساءً", "2024-01-21")}},
		{name: "two weekdays", text: "الجمعة والسبت", want: []want{day("الجمعة", "2024-01-19"), day("والسبت", "2024-01-20")}},
		{name: "same day", text: "في اليوم نفسه", want: []want{unresolved("في اليوم نفسه")}},
		{name: "a year after an event", text: "بعد عام من الحرب", want: []want{unresolved("بعد عام من")}},
		{name: "weekday after counts", text: "أصيب 12 شخصا في 3 هجمات الخميس", want: []want{day("الخميس", "2024-01-25")}},
		// several in one sentence
		{name: "two expressions", text: "قال مسؤول الخميس إن الهجوم وقع فجر الأحد", want: []want{day("الخميس", "2024-01-25"), day("فجر الأحد", "2024-01-21")}},
	})
}

func TestFindEnglish(t *testing.T) {
	const (
		week  = events.PrecisionWeek
		month = events.PrecisionMonth
		year  = events.PrecisionYear
		rng   = events.PrecisionRange
	)
	runFindCases(t, "en", []findCase{
		// weekdays
		{name: "on Thursday", text: "The ministry said on Thursday that talks would start.", want: []want{day("on Thursday", "2024-01-25")}},
		{name: "bare weekday", text: "Washington targeted Kataib Hezbollah Tuesday.", want: []want{day("Tuesday", "2024-01-23")}},
		{name: "Tuesday night", text: "A drone was shot down Tuesday night near Erbil", want: []want{day("Tuesday night", "2024-01-23")}},
		{name: "early Sunday", text: "The attack happened early Sunday", want: []want{day("early Sunday", "2024-01-21")}},
		{name: "late Monday", text: "The strike happened late Monday, officials said", want: []want{day("late Monday", "2024-01-22")}},
		{name: "early on Tuesday", text: "Rockets were fired early on Tuesday", want: []want{day("early on Tuesday", "2024-01-23")}},
		{name: "early Tuesday morning", text: "Rockets were fired early Tuesday morning", want: []want{day("early Tuesday morning", "2024-01-23")}},
		{name: "early hours", text: "Israel launched strikes in the early hours of Sunday", want: []want{day("in the early hours of Sunday", "2024-01-21")}},
		{name: "earlier Thursday", text: "The ministry said earlier Thursday", want: []want{day("earlier Thursday", "2024-01-25")}},
		{name: "last Thursday", text: "Last Thursday the group said it would retaliate", want: []want{day("Last Thursday", "2024-01-18")}},
		{name: "next Monday", text: "The talks will resume next Monday", want: []want{day("next Monday", "2024-01-29")}},
		{name: "next Thursday on a Thursday", text: "They meet next Thursday", want: []want{day("next Thursday", "2024-02-01")}},
		{name: "weekday with date: date wins", text: "The attack took place on Thursday, Jan. 18", want: []want{day("on Thursday, Jan. 18", "2024-01-18")}},
		{name: "weekday then a count", text: "On Tuesday, 25 people were killed", want: []want{day("On Tuesday", "2024-01-23")}},
		// nights
		{name: "overnight into", text: "Fighting raged overnight Saturday into Sunday", want: []want{span("overnight Saturday into Sunday", "2024-01-20", "2024-01-21", week)}},
		{name: "night into", text: "Fighting raged Saturday night into Sunday", want: []want{span("Saturday night into Sunday", "2024-01-20", "2024-01-21", week)}},
		{name: "overnight into only", text: "Strikes continued overnight into Wednesday", want: []want{span("overnight into Wednesday", "2024-01-23", "2024-01-24", week)}},
		{name: "bare overnight", text: "Explosions were heard overnight in Baghdad", want: []want{span("overnight", "2024-01-24", "2024-01-25", week)}},
		// relative days
		{name: "yesterday and tomorrow", text: "He arrived yesterday and will leave tomorrow", want: []want{day("yesterday", "2024-01-24"), day("tomorrow", "2024-01-26")}},
		{name: "today", text: "Iraq today announced talks", want: []want{day("today", "2024-01-25")}},
		{name: "this morning", text: "The group struck again this morning", want: []want{day("this morning", "2024-01-25")}},
		{name: "last night", text: "Sirens sounded last night", want: []want{day("last night", "2024-01-24")}},
		{name: "yesterday morning", text: "Sirens sounded yesterday morning", want: []want{day("yesterday morning", "2024-01-24")}},
		{name: "day before yesterday", text: "The body was found the day before yesterday", want: []want{day("the day before yesterday", "2024-01-23")}},
		{name: "days ago", text: "The attack happened three days ago", want: []want{day("three days ago", "2024-01-22")}},
		{name: "days ago digits", text: "The attack happened 10 days ago", want: []want{day("10 days ago", "2024-01-15")}},
		{name: "a week ago", text: "The attack happened a week ago", want: []want{day("a week ago", "2024-01-18")}},
		// calendar units
		{name: "last week", text: "Last week the militia launched ten attacks", want: []want{span("Last week", "2024-01-15", "2024-01-21", week)}},
		{name: "last month and last year", text: "Last month was the deadliest, and last year was worse", want: []want{span("Last month", "2023-12-01", "2023-12-31", month), span("last year", "2023-01-01", "2023-12-31", year)}},
		{name: "this month this year", text: "This month and this year have been quiet", want: []want{span("This month", "2024-01-01", "2024-01-31", month), span("this year", "2024-01-01", "2024-12-31", year)}},
		{name: "earlier this month", text: "Earlier this month the group said", want: []want{span("Earlier this month", "2024-01-01", "2024-01-31", month)}},
		// months
		{name: "in October", text: "The attack took place in October", want: []want{span("in October", "2023-10-01", "2023-10-31", month)}},
		{name: "abbreviation with period", text: "The attack took place in Oct.", want: []want{span("in Oct.", "2023-10-01", "2023-10-31", month)}},
		{name: "month of the anchor", text: "The attack took place in January", want: []want{span("in January", "2024-01-01", "2024-01-31", month)}},
		{name: "month and year", text: "The war began in March 2011", want: []want{span("in March 2011", "2011-03-01", "2011-03-31", month)}},
		{name: "last October", text: "The war began last October", want: []want{span("last October", "2022-10-01", "2022-10-31", month)}, anchor: "2023-10-15"},
		{name: "weak May with a cue", text: "It may rain in May", want: []want{span("in May", "2023-05-01", "2023-05-31", month)}},
		{name: "early December", text: "in early December", want: []want{span("in early December", "2023-12-01", "2023-12-10", month)}},
		{name: "mid-October", text: "in mid-October", want: []want{span("in mid-October", "2023-10-11", "2023-10-20", month)}},
		{name: "late November", text: "in late November", want: []want{span("in late November", "2023-11-21", "2023-11-30", month)}},
		{name: "the end of October", text: "by the end of October", want: []want{span("the end of October", "2023-10-21", "2023-10-31", month)}},
		// years
		{name: "in 2014", text: "The coalition was formed in 2014", want: []want{span("in 2014", "2014-01-01", "2014-12-31", year)}},
		{name: "at the end of 2017", text: "Iraq declared victory over IS at the end of 2017", want: []want{span("at the end of 2017", "2017-09-01", "2017-12-31", year)}},
		{name: "late 2017", text: "Iraq declared victory over IS in late 2017", want: []want{span("in late 2017", "2017-09-01", "2017-12-31", year)}},
		{name: "early 2017", text: "early 2017", want: []want{span("early 2017", "2017-01-01", "2017-04-30", year)}},
		{name: "mid-2015", text: "by mid-2015", want: []want{span("mid-2015", "2015-05-01", "2015-08-31", year)}},
		{name: "the end of last year", text: "at the end of last year", want: []want{span("at the end of last year", "2023-09-01", "2023-12-31", year)}},
		{name: "summer of a year", text: "in the summer of 2014", want: []want{span("2014", "2014-01-01", "2014-12-31", year)}},
		// full dates
		{name: "AP date", text: "The attack took place on Jan. 25, 2024", want: []want{day("on Jan. 25, 2024", "2024-01-25")}},
		{name: "day month year", text: "The attack took place on 25 January 2024", want: []want{day("on 25 January 2024", "2024-01-25")}},
		{name: "ordinal suffix", text: "on January 25th, 2024", want: []want{day("on January 25th, 2024", "2024-01-25")}},
		{name: "day month without year", text: "The attack took place on Jan. 25", want: []want{day("on Jan. 25", "2024-01-25")}},
		{name: "Sept. abbreviation", text: "on Sept. 11, 2001", want: []want{day("on Sept. 11, 2001", "2001-09-11")}},
		{name: "the 7th of October", text: "on the 7th of October", want: []want{day("on the 7th of October", "2023-10-07")}},
		{name: "weak May with a day", text: "The May 5 attack killed ten", want: []want{day("May 5", "2023-05-05")}},
		{name: "invalid date", text: "The invalid date Feb. 31, 2024 was cited", want: []want{unresolved("Feb. 31, 2024")}},
		{name: "iso date", text: "Report dated 2023-12-31.", want: []want{day("2023-12-31", "2023-12-31")}},
		// intervals
		{name: "between Jan. 20 and 25", text: "Fighting took place between Jan. 20 and 25", want: []want{span("between Jan. 20 and 25", "2024-01-20", "2024-01-25", week)}},
		{name: "from Jan. 20 to Feb. 3", text: "from Jan. 20 to Feb. 3", want: []want{span("from Jan. 20 to Feb. 3", "2024-01-20", "2024-02-03", month)}},
		{name: "between Dec. 28 and Jan. 3", text: "between Dec. 28 and Jan. 3", want: []want{span("between Dec. 28 and Jan. 3", "2023-12-28", "2024-01-03", week)}},
		{name: "dash days", text: "Fighting took place Jan. 20-25", want: []want{span("Jan. 20-25", "2024-01-20", "2024-01-25", week)}},
		{name: "from 1 to 10 January 2024", text: "the period from 1 to 10 January 2024", want: []want{span("from 1 to 10 January 2024", "2024-01-01", "2024-01-10", month)}},
		{name: "between years", text: "between 2014 and 2017", want: []want{span("between 2014 and 2017", "2014-01-01", "2017-12-31", rng)}},
		// since
		{name: "since mid-October", text: "Since mid-October, more than 150 attacks have targeted U.S. forces", want: []want{span("Since mid-October", "2023-10-11", "2024-01-25", rng)}},
		{name: "since Oct. 17", text: "attacked more than 150 times since Oct. 17", want: []want{span("since Oct. 17", "2023-10-17", "2024-01-25", rng)}},
		{name: "since Oct. 7", text: "since Oct. 7.", want: []want{span("since Oct. 7", "2023-10-07", "2024-01-25", rng)}},
		{name: "since the start of the year", text: "Since the start of the year, 20 people have died", want: []want{span("Since the start of the year", "2024-01-01", "2024-01-25", rng)}},
		{name: "since yesterday", text: "Since yesterday, 20 people have died", want: []want{span("Since yesterday", "2024-01-24", "2024-01-25", rng)}},
		{name: "since 2014", text: "in power since 2014", want: []want{span("since 2014", "2014-01-01", "2024-01-25", rng)}},
		// windows
		{name: "past 48 hours", text: "At least 20 people were killed in the past 48 hours", want: []want{span("in the past 48 hours", "2024-01-23", "2024-01-25", week)}},
		{name: "last 24 hours", text: "over the last 24 hours", want: []want{span("over the last 24 hours", "2024-01-24", "2024-01-25", week)}},
		{name: "past two days", text: "in the past two days", want: []want{span("in the past two days", "2024-01-23", "2024-01-25", week)}},
		{name: "past week is eight days", text: "in the past week", want: []want{span("in the past week", "2024-01-18", "2024-01-25", month)}},
		// more wire-copy forms
		{name: "by a year: cue stays out", text: "The U.S. will withdraw by 2026", want: []want{span("2026", "2026-01-01", "2026-12-31", year)}},
		{name: "set for a weak month", text: "The meeting is set for March", want: []want{span("March", "2023-03-01", "2023-03-31", month)}},
		{name: "month and year after by", text: "The U.S. will withdraw by September 2025", want: []want{span("September 2025", "2025-09-01", "2025-09-30", month)}},
		{name: "day after tomorrow", text: "The day after tomorrow the talks resume", want: []want{day("The day after tomorrow", "2024-01-27")}},
		{name: "weekday with date without year", text: "On Monday, Jan. 22, the strikes began", want: []want{day("On Monday, Jan. 22", "2024-01-22")}},
		{name: "two-day date", text: "They met in Doha on Jan. 5-6", want: []want{span("on Jan. 5-6", "2024-01-05", "2024-01-06", week)}},
		{name: "since Sunday", text: "The group has fired 18 drones since Sunday", want: []want{span("since Sunday", "2024-01-21", "2024-01-25", rng)}},
		{name: "Oct. 7 as an adjective", text: "Hamas's Oct. 7 attack killed 1,200 people", want: []want{day("Oct. 7", "2023-10-07")}},
		{name: "year then a count", text: "On Jan. 25, 2000 people marched", want: []want{day("On Jan. 25", "2024-01-25")}},
		{name: "weeks after", text: "Two weeks after the vote, turnout figures came out", want: []want{unresolved("Two weeks after")}},
		{name: "a week after", text: "The strikes came a week after a drone attack", want: []want{unresolved("a week after")}},
		// relative to another event
		{name: "the day after", text: "The day after the attack, officials met", want: []want{unresolved("The day after")}},
		{name: "hours after", text: "Hours after the strike, the group claimed it", want: []want{unresolved("Hours after")}},
		{name: "three days later", text: "Three days later, the army withdrew", want: []want{unresolved("Three days later")}},
		{name: "on the eve of", text: "on the eve of the vote", want: []want{unresolved("on the eve of")}},
	})
}

func TestFindNothing(t *testing.T) {
	tests := []struct{ name, lang, text string }{
		{"seed: soldiers count", "ar", "ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي"},
		{"seed: attacks count", "ar", "شنت الجماعات المسلحة أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار"},
		{"seed: several weeks", "ar", "أجبر الوضع المتقلب الذي يشهده العراق والمنطقة منذ عدة أسابيع السوداني على ممارسة فعل توازن"},
		{"seed: coming days", "ar", "مكتفيا بتأكيد بدء اجتماعات فرق العمل في الأيام المقبلة"},
		{"vague recently", "ar", "قتل مؤخراً عشرة جنود"},
		{"vague since days", "ar", "يحاصر الجيش المدينة منذ أيام"},
		{"unanchored duration", "ar", "قصفت الطائرات المدينة لمدة ثلاثة أيام"},
		{"hours ago is vague", "ar", "وقع الانفجار قبل ساعات"},
		{"count after fi", "ar", "قتل عشرة في 2000 غارة"},
		{"count 2500", "ar", "نشر 2500 جندي"},
		{"maaris the verb", "ar", "مارس الجيش ضغطا على المدينة"},
		{"father and door", "ar", "وصل الأب فرنسيس إلى باب المندب"},
		{"world day", "ar", "يحتفل العالم باليوم العالمي للسلام"},
		{"until today means so far", "ar", "قتل مئة شخص حتى اليوم"},
		{"first day", "ar", "في اليوم الأول من الحرب"},
		{"between the two", "ar", "الخلاف بين الاثنين قديم"},
		{"ahad means one", "ar", "لم يصب أحد بأذى"},
		{"english vague", "en", "The attack came recently and more are expected soon"},
		{"for three days", "en", "The siege lasted for three days"},
		{"several weeks", "en", "For several weeks the town was besieged"},
		{"the past few days", "en", "in the past few days"},
		{"counts with separators", "en", "About 2,500 troops are deployed and 150 attacks were recorded"},
		{"year-like count", "en", "In 2000 attacks, 300 people died"},
		{"count out of year range", "en", "in 2500 raids"},
		{"march the verb", "en", "The protesters march on the capital"},
		{"may the verb", "en", "It may rain"},
		{"a name Jan", "en", "Jan Egeland said aid was blocked"},
		{"tower number", "en", "The attack on Tower 22 killed three U.S. soldiers"},
		{"age", "en", "The 38-year-old was killed"},
		{"score", "en", "The vote passed 13-2"},
		{"resolution number", "en", "Resolution 2334 was adopted"},
		{"empty", "en", ""},
		{"punctuation only", "ar", "...،؛!؟"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.text, 0)
			assert.Empty(t, Find(&seg, tt.lang, seedAnchor))
		})
	}
}

// TestSeedOffsets checks Text, First/Last and Start/End against the seed
// article's sentences, placed at non-zero article offsets.
func TestSeedOffsets(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		start    int
		want     []want
	}{
		{"year 2014", "ويتواجد في العراق نحو 2500 جندي أميركي في إطار عمل التحالف الدولي الذي أطلقته واشنطن في العام 2014.", 0,
			[]want{span("في العام 2014", "2014-01-01", "2014-12-31", events.PrecisionYear)}},
		{"statement on Thursday", "وفي هذا الإطار، أعلنت وزارة الخارجية العراقية في بيان الخميس، إطلاق \"مجاميع العمل\".", 1203,
			[]want{day("الخميس", "2024-01-25")}},
		{"end of 2017", "وأعلنت السلطات العراقية \"انتصارها\" على التنظيم المتطرّف في نهاية العام 2017.", 2987,
			[]want{span("في نهاية العام 2017", "2017-09-01", "2017-12-31", events.PrecisionYear)}},
		{"since mid-October", "ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً.", 4211,
			[]want{span("ومنذ منتصف تشرين الأول/أكتوبر", "2023-10-11", "2024-01-25", events.PrecisionRange)}},
		{"Thursday evening", "ومساء الخميس أفاد بيان لجهاز مكافحة الارهاب في كردستان العراق ب\"إسقاط طائرة مسيرة مفخخة\".", 5000,
			[]want{day("ومساء الخميس", "2024-01-25")}},
		{"Tuesday and Tuesday night", "أعلنت واشنطن أنّها استهدفت الثلاثاء كتائب حزب الله، بينما أفاد مسؤول أمني بأنّ غارات جوية استهدفت ليل الثلاثاء مواقع لفصائل مسلّحة موالية لإيران.", 5321,
			[]want{day("الثلاثاء", "2024-01-23"), day("ليل الثلاثاء", "2024-01-23")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.sentence, tt.start)
			got := Find(&seg, "ar", seedAnchor)
			require.Len(t, got, len(tt.want))
			runes := []rune(tt.sentence)
			for i, x := range got {
				assert.Equal(t, tt.want[i].text, x.Text)
				assert.Equal(t, tt.want[i].date, x.Date)
				assert.Equal(t, tt.want[i].end, x.DateEnd)
				assert.Equal(t, tt.want[i].prec, x.Precision)
				require.True(t, x.First < x.Last && x.Last <= len(seg.Tokens))
				assert.Equal(t, seg.Tokens[x.First].Start, x.Start)
				assert.Equal(t, seg.Tokens[x.Last-1].End, x.End)
				assert.Equal(t, seg.Slice(x.First, x.Last), x.Text)
				assert.Equal(t, x.Text, string(runes[x.Start-tt.start:x.End-tt.start]), "offsets point at the text in the article")
				if i > 0 {
					assert.LessOrEqual(t, got[i-1].Last, x.First, "in order, not overlapping")
				}
			}
		})
	}
}

func TestUnknownAnchor(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             want
		relative         bool
	}{
		{"weekday", "ar", "استهدفت ليل الثلاثاء مواقع", unresolved("ليل الثلاثاء"), true},
		{"yesterday", "en", "He arrived yesterday", unresolved("yesterday"), true},
		{"month without year", "ar", "في تشرين الأول/أكتوبر", unresolved("في تشرين الأول/أكتوبر"), true},
		{"since an absolute date still needs the anchor", "en", "since 2014", unresolved("since 2014"), true},
		{"last week", "ar", "الأسبوع الماضي", unresolved("الأسبوع الماضي"), true},
		{"absolute year resolves", "ar", "في العام 2014", span("في العام 2014", "2014-01-01", "2014-12-31", events.PrecisionYear), false},
		{"absolute date resolves", "en", "on Jan. 25, 2024", day("on Jan. 25, 2024", "2024-01-25"), false},
		{"absolute third resolves", "ar", "في نهاية العام 2017", span("في نهاية العام 2017", "2017-09-01", "2017-12-31", events.PrecisionYear), false},
		{"weekday with full date resolves", "ar", "الخميس الموافق 25 كانون الثاني/يناير 2024", day("الخميس الموافق 25 كانون الثاني/يناير 2024", "2024-01-25"), false},
		{"absolute interval resolves", "en", "between 2014 and 2017", span("between 2014 and 2017", "2014-01-01", "2017-12-31", events.PrecisionRange), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.text, 0)
			got := Find(&seg, tt.lang, time.Time{})
			require.Len(t, got, 1)
			assert.Equal(t, tt.want.text, got[0].Text)
			assert.Equal(t, tt.want.date, got[0].Date)
			assert.Equal(t, tt.want.end, got[0].DateEnd)
			assert.Equal(t, tt.want.prec, got[0].Precision)
			assert.Equal(t, tt.relative, got[0].Relative)
		})
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name, text              string
		relative, eventRelative bool
	}{
		{"weekday is relative", "الخميس", true, false},
		{"month without year is relative", "October", true, false},
		{"full date is absolute", "25 January 2024", false, false},
		{"year is absolute", "العام 2014", false, false},
		{"since is relative", "منذ العام 2014", true, false},
		{"event-relative", "غداة الهجوم", false, true},
		{"the day after", "the day after the attack", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.text, 0)
			got := Find(&seg, "ar", seedAnchor)
			require.Len(t, got, 1)
			assert.Equal(t, tt.relative, got[0].Relative)
			assert.Equal(t, tt.eventRelative, got[0].EventRelative)
		})
	}
}

// TestAnchorTimeOfDay checks that only the anchor's calendar date counts.
func TestAnchorTimeOfDay(t *testing.T) {
	seg := textnorm.NewSegment("yesterday", 0)
	late := time.Date(2024, 1, 25, 23, 59, 0, 0, time.FixedZone("AST", 3*3600))
	got := Find(&seg, "en", late)
	require.Len(t, got, 1)
	assert.Equal(t, "2024-01-24", got[0].Date)
}

// TestValidRecords checks that every resolved expression makes a valid
// date triple for events.Event.Validate's precision rule.
func TestValidRecords(t *testing.T) {
	texts := []string{
		"ليل الأحد الاثنين", "منذ منتصف تشرين الأول/أكتوبر", "في نهاية العام 2017", "خلال الساعات الـ48 الماضية",
		"in the past week", "between 2014 and 2017", "الأسبوع الماضي", "مطلع العام 2017", "from Jan. 20 to Feb. 3",
		"خلال الأيام العشرة الماضية", "overnight",
	}
	for _, text := range texts {
		seg := textnorm.NewSegment(text, 0)
		for _, x := range Find(&seg, "ar", seedAnchor) {
			f, err := events.ParseDate(x.Date)
			require.NoError(t, err, text)
			l, err := events.ParseDate(x.DateEnd)
			require.NoError(t, err, text)
			days := int(l.Sub(f).Hours()/24) + 1
			limit := map[events.Precision]int{events.PrecisionDay: 1, events.PrecisionWeek: 7, events.PrecisionMonth: 31, events.PrecisionYear: 366, events.PrecisionRange: 1 << 30}[x.Precision]
			assert.LessOrEqual(t, days, limit, "%q: %s..%s is %d days, too long for %s", text, x.Date, x.DateEnd, days, x.Precision)
		}
	}
}

func TestNilAndEmptySegment(t *testing.T) {
	assert.Empty(t, Find(nil, "ar", seedAnchor))
	seg := textnorm.NewSegment("", 10)
	assert.Empty(t, Find(&seg, "en", seedAnchor))
}

func TestCheck(t *testing.T) {
	require.NoError(t, Check())
}
