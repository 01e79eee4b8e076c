package textnorm

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"diacritics and shadda", "شنّ هجوماً", "شن هجوما"},
		{"tatweel", "الـتحالف", "التحالف"},
		{"alef forms", "أإآٱ", "اااا"},
		{"alef maqsura and ta marbuta", "مستشفى الجامعة", "مستشفي الجامعه"},
		{"arabic-indic digits", "٢٥٠٠", "2500"},
		{"persian digits", "۱۵۰", "150"},
		{"separators", "٢٬٥٠٠٫٥", "2,500.5"},
		{"latin lower", "U.S. Forces", "u.s. forces"},
		{"presentation form lam-alef", "\uFEFB", "لا"},
		{"apostrophe", "Iraq’s", "iraq's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Fold(tt.in))
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	texts := []string{
		"ونفذت جماعات مسلّحة موالية لإيران أكثر من 150 هجوماً، ضدّ «الجنود».",
		"U.S. forces have been attacked more than 2,500 times since Oct. 17, Iraq's ministry said.",
		"قتل ٢٬٥٠٠ شخص و٣٫٥ بالمئة",
		"",
		"!!! ...",
	}
	for _, s := range texts {
		runes := []rune(s)
		for _, tok := range Tokenize(s) {
			assert.Equal(t, tok.Text, string(runes[tok.Start:tok.End]), "token %+v of %q", tok, s)
		}
	}
}

func TestTokenizeNumbers(t *testing.T) {
	toks := Tokenize("more than 2,500 troops, ٢٬٥٠٠ جندي و3.5 and 17.")
	var nums []string
	for _, tok := range toks {
		if tok.Kind == Number {
			nums = append(nums, tok.Norm)
		}
	}
	assert.Equal(t, []string{"2500", "2500", "3.5", "17"}, nums)
}

func TestTokenizePossessive(t *testing.T) {
	toks := Tokenize("Iraq's o'clock")
	var words []string
	for _, tok := range toks {
		words = append(words, tok.Norm)
	}
	assert.Equal(t, []string{"iraq", "'", "s", "o'clock"}, words)
}

func TestArabicStems(t *testing.T) {
	tests := []struct {
		in       string
		contains string
	}{
		{"وواشنطن", "واشنطن"},
		{"بالعراق", "العراق"},
		{"بالعراق", "عراق"},
		{"للتحالف", "التحالف"},
		{"وبالتحالف", "التحالف"},
		{"فالجيش", "جيش"},
		{"كالعاده", "العاده"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Contains(t, ArabicStems(Fold(tt.in)), Fold(tt.contains))
		})
	}
	assert.Equal(t, "واشنطن", ArabicStems("واشنطن")[0], "the word itself comes first")
}

func TestArabicSuffixStems(t *testing.T) {
	assert.Contains(t, ArabicSuffixStems(Fold("استهدفتها")), Fold("استهدفت"))
	assert.Contains(t, ArabicSuffixStems(Fold("مسؤوليته")), Fold("مسؤوليه"))
}

func TestFoldUnassignedPresentationForm(t *testing.T) {
	// NFKC leaves U+FDEA unchanged; folding must not recurse on it.
	assert.Equal(t, "\uFDEA", Fold("\uFDEA"))
	assert.Len(t, Tokenize("\uFDEA\uFEFF\uFB50"), 2)
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "...", "\uFDEA", "٢٬٥٠٠٫٥", "Iraq's U.S.", "شنّ هجوماً", "\xff\xfe",
		"ﻻ ﷺ أَحمد\u200cـي O'Brien's", "إِنَّ «الأُمَّة» ﺍﻟﻌﺮﺍﻕ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // article bodies are cleaned to valid UTF-8 before tokenizing
		}
		runes := []rune(s)
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(runes) {
				t.Fatalf("bad token %+v", tok)
			}
			if string(runes[tok.Start:tok.End]) != tok.Text {
				t.Fatalf("token text %q does not match offsets %d..%d", tok.Text, tok.Start, tok.End)
			}
			if tok.Kind == Word && tok.Norm != Fold(tok.Text) {
				t.Fatalf("Norm %q of %q is not Fold %q", tok.Norm, tok.Text, Fold(tok.Text))
			}
			prev = tok.End
		}
	})
}

var benchText = "ونفذت جماعات مسلّحة موالية لإيران في العراق أكثر من ١٥٠ هجوماً ضدّ الجنود الأميركيين وجنود التحالف الدولي. " +
	"U.S. forces have been attacked more than 150 times since Oct. 17, Iraq's foreign ministry said on Thursday. "

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(benchText)
	}
}

func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(benchText)
	}
}

// TestSliceMatchesRunes checks that slicing by token byte offsets gives the
// text that code-point offsets give, for every span of tokens and for
// offsets that fall between tokens.
func TestSliceMatchesRunes(t *testing.T) {
	for _, text := range []string{
		"قال مسؤول أمنيّ لـ\"فرانس برس\" إنّ 3 طائرات مسيّرة، استهدفت  قاعدة «عين الأسد» فجر الخميس.",
		"KYIV — Russia fired 25 drones at Kyiv overnight, the air force said; ﻻ ٢٬٥٠٠ here.",
	} {
		base := 7
		seg := NewSegment(text, base)
		runes := []rune(text)
		byRunes := func(a, b int) string { return string(runes[a-base : b-base]) }
		for i := range seg.Tokens {
			for j := i + 1; j <= len(seg.Tokens); j++ {
				want := byRunes(seg.Tokens[i].Start, seg.Tokens[j-1].End)
				require.Equal(t, want, seg.Slice(i, j), "tokens %d..%d", i, j)
				require.Equal(t, want, seg.SliceOffsets(seg.Tokens[i].Start, seg.Tokens[j-1].End))
			}
		}
		for a := base; a < base+len(runes); a += 3 {
			for b := a + 1; b <= base+len(runes); b += 5 {
				require.Equal(t, byRunes(a, b), seg.SliceOffsets(a, b), "offsets %d..%d", a, b)
			}
		}
	}
}

func TestWordCache(t *testing.T) {
	var c WordCache[int]
	c.Max = 3000
	calls := 0
	double := func(w string) int { calls++; return 2 * len(w) }
	for round := 0; round < 2; round++ {
		for i := 0; i < 5000; i++ {
			w := strings.Repeat("x", i%4000+1)
			require.Equal(t, 2*len(w), c.Get(w, double))
		}
	}
	assert.Equal(t, 3000, c.n, "stops growing at Max")
	// 4000 distinct words in the first round; the 1000 beyond Max again in the second
	assert.Equal(t, 4000+1000, calls, "words beyond Max are computed every time")
}

// TestWordCacheCopiesKeptWords checks that a word the cache keeps is a copy,
// also in the value computed from it, so that no entry holds on to the
// caller's text; a word past Max is not copied.
func TestWordCacheCopiesKeptWords(t *testing.T) {
	text := "قال مسؤول أمس"
	word := text[len("قال "):len("قال مسؤول")]
	var c WordCache[string]
	c.Max = 1
	stem := func(w string) string { return w[2:] } // a slice of its word, as stems are
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= start && p < start+uintptr(len(text))
	}
	got := c.Get(word, stem)
	assert.Equal(t, word[2:], got)
	assert.False(t, inText(got), "the kept value is made from a copy of the word")
	for w := range *c.read.Load() {
		assert.False(t, inText(w), "the kept word is a copy")
	}
	for w := range c.dirty {
		assert.False(t, inText(w), "the kept word is a copy")
	}
	other := text[:len("قال")]
	assert.True(t, inText(c.Get(other, stem)), "past Max nothing is kept, so nothing is copied")
}

func TestWordCacheConcurrent(t *testing.T) {
	var c WordCache[string]
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i := 0; i < 3000; i++ {
				w := fmt.Sprint("w", (i*7+g)%1500)
				if got := c.Get(w, strings.ToUpper); got != strings.ToUpper(w) {
					t.Errorf("Get(%q) = %q", w, got)
					return
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 1500, c.n)
}

// TestSliceInvalidUTF8 checks that a segment of invalid UTF-8 is sliced as
// its runes are: each bad byte is U+FFFD.
func TestSliceInvalidUTF8(t *testing.T) {
	text := "قال \xff مسؤول \xe2\x80 أمس"
	seg := NewSegment(text, 0)
	runes := []rune(text)
	for i := range seg.Tokens {
		for j := i + 1; j <= len(seg.Tokens); j++ {
			want := string(runes[seg.Tokens[i].Start:seg.Tokens[j-1].End])
			assert.Equal(t, want, seg.Slice(i, j))
		}
	}
}

func TestScanLetters(t *testing.T) {
	tests := []struct {
		name, s   string
		from      int
		end, runs int
		folds     bool
	}{
		{"empty", "", 0, 0, 0, false},
		{"arabic word then space", "قوات الجيش", 0, len("قوات"), 4, false},
		{"lower-case latin", "forces said", 0, len("forces"), 6, false},
		{"a capital folds", "aBc", 0, 3, 3, true},
		{"a final capital", "abC", 0, 3, 3, true},
		{"a folding letter", "مدينة", 0, len("مدينة"), 5, true},
		{"an alef with hamza", "أعلن", 0, len("أعلن"), 4, true},
		{"a diacritic", "شنّ", 0, len("شنّ"), 3, true},
		{"stops at arabic punctuation", "قال،", 0, len("قال"), 3, false},
		{"stops at an arabic digit", "قال٣", 0, len("قال"), 3, false},
		{"stops at a presentation form", "قالﻻ", 0, len("قال"), 3, false},
		{"stops at an apostrophe", "o'clock", 0, 1, 1, false},
		{"mixed scripts", "abcقوات", 0, len("abcقوات"), 7, false},
		{"from the middle", "و قوات", len("و "), len("و قوات"), 4, false},
		{"a lone lead byte", "قا\xd8", 0, len("قا"), 2, false},
		{"a lead byte before ascii", "قا\xd8a", 0, len("قا"), 2, false},
		{"final ascii letter", "قاz", 0, len("قاz"), 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			end, runes, flags := scanLetters(tt.s, tt.from)
			assert.Equal(t, tt.end, end)
			assert.Equal(t, tt.runs, runes)
			assert.Equal(t, tt.folds, flags&pairFolds != 0)
			if got := string(appendFolded(nil, tt.s[tt.from:end])); got != Fold(tt.s[tt.from:end]) {
				t.Errorf("appendFolded(%q) = %q, want Fold's %q", tt.s[tt.from:end], got, Fold(tt.s[tt.from:end]))
			}
		})
	}
}

// TestAppendFoldedBlock checks appendFolded against Fold on every letter
// of the Arabic block that scanLetters takes.
func TestAppendFoldedBlock(t *testing.T) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		w := string(r) + "ب" + string(r)
		if end, _, _ := scanLetters(w, 0); end != len(w) {
			continue
		}
		assert.Equal(t, Fold(w), string(appendFolded(nil, w)), "%U", r)
	}
}

func TestArenaString(t *testing.T) {
	var arena []byte
	var got []string
	words := []string{"", "مدينه", "a", strings.Repeat("x", 100), "الجماعات"}
	for _, w := range words {
		var s string
		s, arena = arenaString(arena, []byte(w), 10)
		got = append(got, s)
	}
	assert.Equal(t, words, got, "strings stay as made when the arena grows")
}

// TestTokenizeFoldedNorms checks the Norms of a text where most words fold
// (they share arenas): each is Fold of its text.
func TestTokenizeFoldedNorms(t *testing.T) {
	text := strings.Repeat("أعلنت الحكومة العراقيّة إنّ مدينةً كبيرةً ﻻ ٢٬٥٠٠ U.S. Forces ", 20)
	toks := Tokenize(text)
	for _, tok := range toks {
		if tok.Kind == Word {
			require.Equal(t, Fold(tok.Text), tok.Norm, "%q", tok.Text)
		}
	}
	assert.Equal(t, "2500", toks[7].Norm)
}

// TestTokenizeByteClasses checks the first-byte dispatch of the tokenizer
// (asciiClass) on a token of each class, alone and between other tokens.
func TestTokenizeByteClasses(t *testing.T) {
	tests := []struct {
		s    string
		kind Kind // 0: no token
		norm string
	}{
		{" ", 0, ""}, {"\t", 0, ""}, {"\n", 0, ""}, {"\r", 0, ""}, {"\v", 0, ""}, {"\f", 0, ""},
		{"a", Word, "a"}, {"Z", Word, "z"}, {"qaeda", Word, "qaeda"}, {"Qaeda", Word, "qaeda"},
		{".", Punct, "."}, {"'", Punct, "'"}, {"\"", Punct, "\""}, {"\x00", Punct, "\x00"}, {"~", Punct, "~"},
		{"7", Number, "7"}, {"2,500", Number, "2500"},
		{"قال", Word, "قال"}, {"أعلن", Word, "اعلن"}, {"شنّ", Word, "شن"}, {"،", Punct, "،"}, {"٬", Punct, ","},
		{"٢٥", Number, "25"}, {"؟", Punct, "؟"}, {"٪", Punct, "٪"}, {"\u064E", Word, ""}, {"é", Word, "é"}, {"\u00a0", 0, ""},
	}
	for _, tt := range tests {
		for _, s := range []string{tt.s, "x " + tt.s + " y", "(" + tt.s + ")"} {
			toks := Tokenize(s)
			var got []Token
			for _, tok := range toks {
				if tok.Text == tt.s || tok.Text != "x" && tok.Text != "y" && tok.Text != "(" && tok.Text != ")" {
					got = append(got, tok)
				}
			}
			if tt.kind == 0 {
				assert.Empty(t, got, "%q", s)
				continue
			}
			if assert.Len(t, got, 1, "%q", s) {
				assert.Equal(t, tt.kind, got[0].Kind, "%q", s)
				assert.Equal(t, tt.norm, got[0].Norm, "%q", s)
				assert.Equal(t, tt.s, got[0].Text, "%q", s)
			}
		}
	}
}
