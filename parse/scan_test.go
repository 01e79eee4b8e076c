package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/eventline/eventline/parse/textnorm"
)

// stripProcliticsRunes is stripProclitics as it was written on a rune
// slice: the reference the byte version must agree with.
func (s *sent) stripProcliticsRunes(w string) string {
	rs := []rune(w)
	next := func(i int) (rune, int) {
		for i < len(rs) && textnorm.FoldRune(rs[i]) == "" {
			i++
		}
		if i >= len(rs) {
			return 0, i
		}
		return rs[i], i
	}
	ok := func(from int) bool {
		rest := textnorm.Fold(string(rs[from:]))
		if strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "لل") || s.lex != nil && s.lex.Known(s.lang, rest) {
			return true
		}
		if r, size := utf8.DecodeRuneInString(rest); (r == 'ب' || r == 'ل') && len(rest) > size {
			r2 := rest[size:]
			return strings.HasPrefix(r2, "ال") || s.lex != nil && s.lex.Known(s.lang, r2)
		}
		return false
	}
	i := 0
	if r, j := next(0); (r == 'و' || r == 'ف') && len(rs)-j > 3 && ok(j+1) {
		i = j + 1
	}
	if r, j := next(i); (r == 'ب' || r == 'ل') && len(rs)-j > 3 {
		r2, _ := next(j + 1)
		if !(r == 'ل' && r2 == 'ل') && ok(j+1) {
			i = j + 1
		}
	}
	for i < len(rs) && textnorm.FoldRune(rs[i]) == "" {
		i++
	}
	return string(rs[i:])
}

func TestStripProclitics(t *testing.T) {
	s := &sent{lex: newParser(t).lex, lang: "ar"}
	for _, tc := range []struct{ in, want string }{
		{"وبمدينة", "مدينة"},
		{"بمدينة", "مدينة"},
		{"وَبِمَدِينَةِ", "مَدِينَةِ"}, // the marks after a clitic go with it
		{"والجيش", "الجيش"},
		{"فالقوات", "القوات"},
		{"للجيش", "للجيش"}, // لل is the article after لـ: kept whole
		{"وزارة", "وزارة"}, // و is the word's own letter
		{"وفد", "وفد"},
		{"بلد", "بلد"},         // too short to lose a letter
		{"ـبالعراق", "العراق"}, // a tatweel before the clitic
		{"", ""},
		{"ab", "ab"},
		{"و\xffبالعراق", "و\uFFFDبالعراق"}, // a bad byte reads as U+FFFD
		{"\u064eوبالعراق", "العراق"},
	} {
		got := s.stripProclitics(tc.in)
		assert.Equal(t, tc.want, got, "%q", tc.in)
		assert.Equal(t, s.stripProcliticsRunes(tc.in), got, "%q: the rune version", tc.in)
	}
}

// FuzzStripProclitics checks the byte version against the rune version.
func FuzzStripProclitics(f *testing.F) {
	for _, w := range []string{"وبمدينة", "وَبِمَدِينَةِ", "للجيش", "والجيش", "و\xffب", "ـبالعراق", "ab"} {
		f.Add(w)
	}
	s := &sent{lex: newParser(f).lex, lang: "ar"}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := s.stripProclitics(w), s.stripProcliticsRunes(w); got != want {
			t.Fatalf("%q: %q, want %q", w, got, want)
		}
	})
}

func TestFoldsAway(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := foldsAway(r), textnorm.FoldRune(r) == ""; got != want {
			t.Fatalf("foldsAway(%U) = %v, want %v", r, got, want)
		}
	}
}

// checkTextAfter compares textAfter with the code-point slice it stands for
// over every phrase of up to six tokens of text.
func checkTextAfter(t *testing.T, text string, start int) {
	t.Helper()
	s := &sent{seg: textnorm.NewSegment(text, start)}
	toks := s.seg.Tokens
	for i := range toks {
		for j := i + 2; j <= len(toks) && j <= i+6; j++ {
			want := s.seg.SliceOffsets(toks[i].End, toks[j-1].End)
			if got := s.textAfter(i, j); got != want {
				t.Fatalf("%q [%d,%d): %q, want %q", text, i, j, got, want)
			}
		}
	}
}

func TestTextAfter(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		start      int
	}{
		{"arabic", "قصفت الطائرات الإسرائيلية مواقع في مدينة كادقلي، فجر الأربعاء.", 0},
		{"marks", "وَبِمَدِينَةِ الحُدَيْدَةِ ـ اليوم", 7},
		{"glued punctuation", "قال: «إن الهجوم وقع»؛ (رويترز) -الخرطوم/الأناضول", 3},
		{"mixed scripts", "هاجم مسلحون Mali's army في 2024 و٣ جنود", 0},
		{"bad bytes", "قتل \xff ثلاثة جنود\xfe في الهجوم", 12},
		{"bad byte in a word", "مدي\xffنة كادقلي الجديدة", 0},
		{"bad byte that begins U+FFFD", "\xef0", 0}, // a prefix of the replacement character's bytes
		{"english", "U.S. forces struck three sites in Iraq, officials said.", 40},
		{"empty", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) { checkTextAfter(t, tc.text, tc.start) })
	}
}

// FuzzTextAfter checks textAfter against the code-point slice.
func FuzzTextAfter(f *testing.F) {
	for _, w := range []string{"في مدينة كادقلي الجديدة", "و\xffب مدينة", "«»", "a b c", "٣ جنود، و ٤"} {
		f.Add(w, 0)
	}
	f.Fuzz(func(t *testing.T, text string, start int) {
		if start < 0 || start > 1<<20 {
			return
		}
		checkTextAfter(t, text, start)
	})
}

func TestRoleCueSet(t *testing.T) {
	var want cueSet
	for _, k := range roleCues {
		want |= 1 << k
	}
	assert.Equal(t, want, cueSet(roleCueSet))
}

func TestBlankInfos(t *testing.T) {
	b := &sentBuffers{}
	for _, tc := range []struct {
		name  string
		text  string
		prep  bool
		marks uint8
		preps []int // tokens marked prepB
	}{
		{"empty", "", true, 0, nil},
		{"first", "قصفت الطائرات مواقع", true, 0, nil},
		{"longer", strings.Repeat("قال مسؤول أمني في بغداد إن الهجوم وقع فجر الأربعاء، ", 5), true, 0, nil},
		{"shorter", "قتل جنديان", true, 0, nil},
		{"lone preposition", `أفاد ب"إسقاط طائرة" ل قوات`, true, markQuote, []int{1, 6}},
		{"English: no prepB", `أفاد ب"إسقاط طائرة"`, false, markQuote, nil},
		{"dateline", "واشنطن (رويترز) - قال", true, markDash, nil},
		{"em dash and guillemets", "الخرطوم — قال «إن الهجوم وقع»", true, markDash | markQuote, nil},
		{"curly", "said “we struck”", false, markQuote | markDash, nil}, // E2: may be a dash too
		{"longer again", strings.Repeat("هاجم مسلحون مجهولون موقعاً للجيش وقتلوا ثلاثة جنود و", 10), true, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tc.text, 0)
			infos, marks := b.blankInfos(seg.Tokens, tc.prep)
			assert.Len(t, infos, len(seg.Tokens))
			assert.Equal(t, tc.marks, marks)
			var preps []int
			for i := range infos {
				want := blankTok
				if infos[i].prepB {
					preps = append(preps, i)
					want.prepB = true
				}
				assert.Equal(t, want, infos[i], "token %d", i)
				infos[i] = tokInfo{cues: 1, cueHead: true, ment: 7, clause: 3, prepB: true} // as a scan leaves them
			}
			assert.Equal(t, tc.preps, preps)
			b.infos = infos
		})
	}
}

// TestPunctMarks checks that punctMarks keeps every mark it stands for:
// each of isQuoteMark's marks, and each dash of a dateline, starts with a
// byte it maps to the mark.
func TestPunctMarks(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		w := string(r)
		if isQuoteMark(w) {
			assert.NotZero(t, punctMarks[w[0]]&markQuote, "%U", r)
		}
		if w == "-" || w == "–" || w == "—" {
			assert.NotZero(t, punctMarks[w[0]]&markDash, "%U", r)
		}
	}
	for _, m := range quoteMarks {
		assert.True(t, isQuoteMark(m), m)
	}
}
