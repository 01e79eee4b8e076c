package sentence

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/textnorm"
)

// differentialInputs are texts on which Split must agree with splitReference:
// the package's test strings, wire sentences with every kind of quotation,
// abbreviations and ellipses, run-on texts longer than MaxRunes, line breaks
// of all kinds and invalid UTF-8.
func differentialInputs() []string {
	in := []string{
		"", " ", "  \n\n ", ".", "...", "…", "?!", "«»“”\"", "a. b. c.", "٢٫٥. x", "قال «لا. نعم", "U.S.\n\n\r",
		"قصفت الطائرات المدينة. وقتل ثلاثة أشخاص.",
		"هل انتهت الحرب؟ لا؛ بل اشتدت",
		"وقال «لن نتراجع. سنواصل» مضيفاً أن القتال مستمر.",
		`وأضاف "نحن هنا. وسنغادر" قبل أن يغادر.`,
		`وقال "نحن هنا". وأضاف المسؤول.`,
		`He said: "We will leave." Then he left.`,
		`"Why now?" he asked. Nobody answered.`,
		"The rate rose 3.5 percent. It fell later.",
		"ارتفع بنسبة ٣٫٥ بالمئة. ثم انخفض.",
		"Attacks began on Oct. 17 and continued. More followed.",
		"Lt. Col. John Smith and Gen. Ali met Mr. Brown on No. 10 street.",
		"U.S. forces were attacked. The U.S. military said so.",
		"The drones were sent to the U.S. The Pentagon declined to comment.",
		"J. Smith reported it. Others agreed.",
		"تقييم التهديد... وتعزيز القدرات.",
		"First line without stop\nSecond line.\r\n\r\nThird.",
		`أفاد مسؤول أن الأمر لا يتعلق بمفاوضات". وأكد المسؤول "ضرورة الانتقال". وقال آخر.`,
		"He said \"never.\nNext paragraph. Another.",
		"  ويتواجد في العراق ما يقرب من 2500 جندي أميركي.   وشارك الكثير من الدول.\nU.S. forces left. “Done.” Yes!",
		`وقالت إنّ هذه "المجاميع" ستقوم بـ"تقييم تهديد داعش وخطره... وتعزيز قدرات القوات الأمنية العراقية". فعل توازن في واشنطن.`,
		"Washington and Baghdad agreed on Jan. 25 to begin talks. They met later.",
		"AMMAN, Sept. 25 (Reuters) - A car bomb exploded. Eight died.",
		"Gen. Michael Kurilla met Lt. Col. Eyal Dror. Both spoke.",
		"The U.S.-led coalition denied it. No one was hurt.",
		"The U.N. envoy called for a truce. Fighting went on.",
		"in line with Resolution No. 2254. The council met.",
		`Hezbollah said it attacked a position, "inflicting confirmed casualties." The army replied.`,
		`He said: "We will respond. It will be severe." Then he left.`,
		"The USS Dwight D. Eisenhower sailed. It returned.",
		`ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي. وقال "نحن هنا. وسنغادر". U.S. forces have been attacked more than 150 times since Oct. 17, officials said. `,
		"قال د. أحمد إن م. علي وصل. ثم غادر.",
		"It happened at 5 p.m. The army said. They met at 9 a.m. in Gaza.",
		"“Why?” he asked. “Because.” She left. (He agreed.) [Done.] 'Yes.' Next.",
		"Wait... what? No!! Really?! Yes.",
		"He said \"wait...\" Then he left. «انتظر...» ثم غادر. “So...” Then.",
		"He said \"no\". \"Yes,\" she said; \"maybe\": \"never\"» end.",
		"x\"y\" z\". \"a\"",
		"It is 。 done。 Next",
		"Para one.\u2029Para two.\u2028Line two. \ufeffBOM start. \u00a0NBSP.",
		"tab\tsep.\vvert.\fform. \u0085nel. \u3000ideo.",
		"«" + strings.Repeat("كلام طويل ", 80) + ". بعده» ثم. انتهى.",
		"“" + strings.Repeat("a long quote ", 60) + ". After” it. Ends.",
		strings.Repeat("x", 4500),
		strings.Repeat("ج", 2600) + " " + strings.Repeat("ب", 10) + ".",
		strings.Repeat("a", 1500) + " " + strings.Repeat("b", 1000),
		strings.Repeat("a", 999) + " " + strings.Repeat("b", 1002) + " c",
		strings.Repeat("a", 1000) + " " + strings.Repeat("b", 1100),
		strings.Repeat("a", 1001) + " " + strings.Repeat("b", 1100),
		strings.Repeat("a", 2000) + " " + strings.Repeat("b", 10),
		strings.Repeat("a", 2001) + " " + strings.Repeat("b", 10),
		strings.Repeat("word ", 399) + "end" + strings.Repeat(" ", 10) + "more",
		// words before a period near the length of the longest abbreviation,
		// abbreviations glued to longer words, openers and two-byte letters
		// before them, initials of two-byte capitals
		"xU.S. The end. approx. 5. Xapprox. The. (Sheikh. Ali) «Dr. No» \"Mr. X\" [p.m. The]",
		"éU.S. The. ÉU.N. In. É. Smith. Ω. The. Ж. It. Ωmega. the ط. ثم. د. أحمد م. علي",
		"Sept. 5. Sept. The. Sept. x. Sept.\n5 U.S.\nThe a.m.\n\nIt. e.g. no. Nos. 3.",
		"\u00a0Dr. X\u00a0U.S. The\u2003p.m. It\u3000vs. The",
		"word. \u00c9cole. word. éa. word. \u0250a. word. \u024fa. word. ǅa.",
		// invalid UTF-8: each bad byte is a U+FFFD of its own
		"\xff", "\xe2\x80", "a\xe2\x80. B\xc2. C", "\xc2\xab lo. \xc2\xbb.", "\xe2\x80\x9cno. \xe2\x80\x9d x",
		"bad \xd8. good.", "\xd8\x9f\xd8 x\xd8\x9b y", "U.S\xff. The end.", "\xf0\x9f\x98. Ok.", "\xed\xa0\x80 s. T",
		"\x80\x80. \x80", "U.S\xc3. The", "\xc3U.S. The", "a\xd8\xa0. b", "\xa0U.S. The", "x\xe2\x80\xafU.S. The", "ok \"\xff\" yes. No.", "\xef\xbb\xbf lead. \xef\xbf\xbd rep.",
		strings.Repeat("\xff", 2100) + " " + strings.Repeat("a ", 1100),
		strings.Repeat("ab\xe2 ", 900),
	}
	return in
}

// slowInputs are differential inputs too slow to seed the fuzzer with: long
// texts, and a long word of periods, each of which looks back over the whole
// word (in the reference as in Split).
func slowInputs() []string {
	return []string{strings.Repeat("a.", 1100), strings.Repeat("The militia attacked the base ", 400),
		strings.Repeat("هاجم مسلحون مجهولون موقعاً للجيش وقتلوا ثلاثة جنود و", 400)}
}

// fixtureTexts returns the article texts of the repository's fixtures.
func fixtureTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func checkMatchesReference(t *testing.T, s string) {
	t.Helper()
	got, want := Split(s), splitReference(s)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Split(%q):\n got %+v\nwant %+v", s, got, want)
	}
}

func TestSplitMatchesReference(t *testing.T) {
	inputs := append(append(differentialInputs(), slowInputs()...), fixtureTexts(t)...)
	if len(inputs) < 100 {
		t.Fatalf("only %d inputs: fixtures missing?", len(inputs))
	}
	for _, s := range inputs {
		checkMatchesReference(t, s)
		// every prefix and suffix cut at a byte, so that boundaries fall
		// everywhere, inside multi-byte characters too
		if len(s) <= 400 {
			for k := range len(s) {
				checkMatchesReference(t, s[:k])
				checkMatchesReference(t, s[k:])
			}
		}
	}
}

func FuzzSplitMatchesReference(f *testing.F) {
	for _, s := range append(differentialInputs(), fixtureTexts(f)...) {
		f.Add(s)
	}
	f.Fuzz(checkMatchesReference)
}

// checkSkipPlain compares skipPlain with skipPlainReference from every byte
// of s.
func checkSkipPlain(t *testing.T, s string) {
	t.Helper()
	for b := range len(s) + 1 {
		at := pos{b, 3 * b}
		if got, want := skipPlain(s, at), skipPlainReference(s, at); got != want {
			t.Fatalf("skipPlain(%q, %v) = %v, want %v", s, at, got, want)
		}
	}
}

// skipPlainInputs are texts for skipPlain: every byte next to every kind of
// byte at each place in an eight-byte word, ASCII stops and their
// neighbours, lead bytes C0 … C3, D7 … D9, DF, E0 and their continuations.
func skipPlainInputs() []string {
	in := []string{"abcdefgh ijklmnop", "abcdefg\nhijklmnop", "\v\f\t\x00\x1f !\"#-./09:;<=>?@AZ[`az{~\x7f"}
	bytes := []string{" ", "a", "0", ",", ".", "?", "!", "\"", "\n", "\r", "\v", "\f", "\x09", "\x0e", "\x20", "\x21", "\x23", "\x2d", "\x2f", "\x3e", "\x40",
		"\x80", "\x9b", "\x9f", "\xa0", "\xbf", "\xc0", "\xc1", "\xc2", "\xc3", "\xd7", "\xd8", "\xd9", "\xdf", "\xe0", "\xe2", "\xf0", "\xff",
		"é", "ا", "،", "؛", "؟", "«", "»", "“", "”", "\u2029", "😀"}
	for _, x := range bytes {
		for _, y := range bytes {
			for k := range 9 {
				in = append(in, strings.Repeat("ب", k/2)+strings.Repeat("a", k%2)+x+y+"ججججججججabcdefgh")
			}
		}
	}
	return in
}

func TestSkipPlainMatchesReference(t *testing.T) {
	for _, s := range append(append(skipPlainInputs(), differentialInputs()...), fixtureTexts(t)...) {
		checkSkipPlain(t, s)
	}
}

func FuzzSkipPlainMatchesReference(f *testing.F) {
	for _, s := range append(skipPlainInputs()[:200], differentialInputs()...) {
		f.Add(s)
	}
	f.Fuzz(checkSkipPlain)
}

// TestIsSpaceMatchesUnicode checks the shortcut of isSpace against
// unicode.IsSpace on every code point.
func TestIsSpaceMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != (unicode.IsSpace(r) || r == '\ufeff') {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestDecodeMatchesUTF8 checks textnorm.DecodeRune and lastRune against the standard
// decoders on every one- and two-byte string.
func TestDecodeMatchesUTF8(t *testing.T) {
	for a := range 256 {
		for b := -1; b < 256; b++ {
			s := string([]byte{byte(a)})
			if b >= 0 {
				s += string([]byte{byte(b)})
			}
			r1, n1 := textnorm.DecodeRune(s)
			r2, n2 := utf8.DecodeRuneInString(s)
			l1, m1 := lastRune(s)
			l2, m2 := utf8.DecodeLastRuneInString(s)
			if r1 != r2 || n1 != n2 || l1 != l2 || m1 != m2 {
				t.Fatalf("%q: DecodeRune %U %d, want %U %d; lastRune %U %d, want %U %d", s, r1, n1, r2, n2, l1, m1, l2, m2)
			}
		}
	}
}
