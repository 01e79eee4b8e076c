package sentence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func texts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"spaces only", "  \n\n ", []string{}},
		{"arabic period", "قصفت الطائرات المدينة. وقتل ثلاثة أشخاص.", []string{"قصفت الطائرات المدينة.", "وقتل ثلاثة أشخاص."}},
		{"arabic question and semicolon", "هل انتهت الحرب؟ لا؛ بل اشتدت", []string{"هل انتهت الحرب؟", "لا؛", "بل اشتدت"}},
		{"guillemets keep inner period", "وقال «لن نتراجع. سنواصل» مضيفاً أن القتال مستمر.", []string{"وقال «لن نتراجع. سنواصل» مضيفاً أن القتال مستمر."}},
		{"ascii quotes keep inner period", `وأضاف "نحن هنا. وسنغادر" قبل أن يغادر.`, []string{`وأضاف "نحن هنا. وسنغادر" قبل أن يغادر.`}},
		{"period after closing quote", `وقال "نحن هنا". وأضاف المسؤول.`, []string{`وقال "نحن هنا".`, `وأضاف المسؤول.`}},
		{"quote ends with period", `He said: "We will leave." Then he left.`, []string{`He said: "We will leave."`, `Then he left.`}},
		{"question inside quote then lower case", `"Why now?" he asked. Nobody answered.`, []string{`"Why now?" he asked.`, `Nobody answered.`}},
		{"decimal", "The rate rose 3.5 percent. It fell later.", []string{"The rate rose 3.5 percent.", "It fell later."}},
		{"arabic decimal", "ارتفع بنسبة ٣٫٥ بالمئة. ثم انخفض.", []string{"ارتفع بنسبة ٣٫٥ بالمئة.", "ثم انخفض."}},
		{"month abbreviation", "Attacks began on Oct. 17 and continued. More followed.", []string{"Attacks began on Oct. 17 and continued.", "More followed."}},
		{"titles", "Lt. Col. John Smith and Gen. Ali met Mr. Brown on No. 10 street.", []string{"Lt. Col. John Smith and Gen. Ali met Mr. Brown on No. 10 street."}},
		{"us mid sentence", "U.S. forces were attacked. The U.S. military said so.", []string{"U.S. forces were attacked.", "The U.S. military said so."}},
		{"us at end", "The drones were sent to the U.S. The Pentagon declined to comment.", []string{"The drones were sent to the U.S.", "The Pentagon declined to comment."}},
		{"initials", "J. Smith reported it. Others agreed.", []string{"J. Smith reported it.", "Others agreed."}},
		{"ellipsis inside", "تقييم التهديد... وتعزيز القدرات.", []string{"تقييم التهديد... وتعزيز القدرات."}},
		{"paragraphs", "First line without stop\nSecond line.\r\n\r\nThird.", []string{"First line without stop", "Second line.", "Third."}},
		{"stray closing quote", `أفاد مسؤول أن الأمر لا يتعلق بمفاوضات". وأكد المسؤول "ضرورة الانتقال". وقال آخر.`, []string{`أفاد مسؤول أن الأمر لا يتعلق بمفاوضات".`, `وأكد المسؤول "ضرورة الانتقال".`, `وقال آخر.`}},
		{"unbalanced quote does not swallow lines", "He said \"never.\nNext paragraph. Another.", []string{"He said \"never.", "Next paragraph.", "Another."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, texts(Split(tt.in)))
		})
	}
}

func TestSplitOffsets(t *testing.T) {
	in := "  ويتواجد في العراق ما يقرب من 2500 جندي أميركي.   وشارك الكثير من الدول.\nU.S. forces left. “Done.” Yes!"
	runes := []rune(in)
	ss := Split(in)
	require.NotEmpty(t, ss)
	for i, s := range ss {
		assert.Equal(t, i, s.Index)
		assert.Equal(t, s.Text, string(runes[s.Start:s.End]))
	}
}

func TestSplitSeed(t *testing.T) {
	// Quotes in the seed article hold "..." and ". " that must not split.
	in := `وقالت إنّ هذه "المجاميع" ستقوم بـ"تقييم تهديد داعش وخطره... وتعزيز قدرات القوات الأمنية العراقية". فعل توازن في واشنطن.`
	assert.Equal(t, []string{
		`وقالت إنّ هذه "المجاميع" ستقوم بـ"تقييم تهديد داعش وخطره... وتعزيز قدرات القوات الأمنية العراقية".`,
		`فعل توازن في واشنطن.`,
	}, texts(Split(in)))
}

func TestSplitRunOn(t *testing.T) {
	in := strings.Repeat("The militia attacked the base ", 400) // 12,000 runes, no end mark
	runes := []rune(in)
	ss := Split(in)
	require.Greater(t, len(ss), 5)
	for _, s := range ss {
		assert.LessOrEqual(t, s.End-s.Start, MaxRunes)
		assert.Equal(t, s.Text, string(runes[s.Start:s.End]))
		assert.NotEqual(t, ' ', runes[s.Start])
	}
	assert.Equal(t, len(runes)-1, ss[len(ss)-1].End, "nothing lost but the final space")
}

func TestRulesLoad(t *testing.T) {
	r, err := loadRules()
	require.NoError(t, err)
	assert.Equal(t, abbrevMonth, r.abbrevs["Oct."])
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", ".", "...", "«»“”\"", "a. b. c.", "٢٫٥. x", "قال «لا. نعم", "U.S.\n\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		prevEnd := 0
		for i, sen := range Split(s) {
			if sen.Index != i || sen.Start < prevEnd || sen.End <= sen.Start || sen.End > len(runes) {
				t.Fatalf("bad sentence %+v after %d in %q", sen, prevEnd, s)
			}
			if string(runes[sen.Start:sen.End]) != sen.Text {
				t.Fatalf("offsets do not match text: %+v", sen)
			}
			prevEnd = sen.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := `ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي. وقال "نحن هنا. وسنغادر". U.S. forces have been attacked more than 150 times since Oct. 17, officials said. `
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}

// TestSkipPlain: where skipPlain stops, in bytes and characters.
func TestSkipPlain(t *testing.T) {
	tests := []struct {
		text  string
		b, n  int
		about string
	}{
		{"", 0, 0, "empty"},
		{"plain words", 11, 11, "ASCII to the end"},
		{"قصف عنيف. ثم", 15, 8, "stops at the full stop"},
		{"قال \"نعم\"", 7, 4, "stops at a quotation mark"},
		{"هل؟", 4, 2, "stops at ؟ (U+061F, below U+0620)"},
		{"نعم؛ لا", 6, 3, "stops at ؛ (U+061B)"},
		{"«نص»", 0, 0, "stops at « (U+00AB, below U+00C0)"},
		{"été\nnext", 5, 3, "Latin letters, stops at the line break"},
		{"ok \xd9", 3, 3, "stops at a lead byte without its second byte"},
		{"ok\xd8\x41", 2, 2, "stops at 0xD8 followed by ASCII"},
		{"ok😀", 2, 2, "stops at a four-byte character"},
	}
	for _, tt := range tests {
		got := skipPlain(tt.text, pos{})
		assert.Equal(t, pos{tt.b, tt.n}, got, tt.about)
	}
}
