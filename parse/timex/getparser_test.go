package timex

import (
	"strconv"
	"strings"
	"testing"

	"github.com/eventline/eventline/parse/textnorm"
	"github.com/stretchr/testify/require"
)

// refTables is what getParser works out of a segment's tokens, by the
// loop it had before its fast paths (fillRecords, lex.number, intOf on
// bytes, memo tables not cleared), kept as the reference of
// TestGetParserMatchesReference and FuzzGetParser.
type refTables struct {
	info     []tokInfo
	starts   []int32
	lastDash int
	memos    int // memo entries
}

func refGetParser(lx *lex, toks []textnorm.Token) refTables {
	r := refTables{info: make([]tokInfo, len(toks)), starts: []int32{}, lastDash: -1}
	n := 0
	for i := range toks {
		t := &toks[i]
		var can classSet
		if w := t.Record(); w != nil && lx.embedded { // a Word
			in := infoSlot.Load(w)
			if in == nil {
				in = lx.recordInfo(t, w)
			}
			r.info[i] = tokInfo{forms: in.forms, can: in.can, arabic: in.arabic, memo: int32(n)}
			n += int(in.hits)
			can = in.can
		} else {
			var hits int
			can, hits = r.plainInfo(lx, t, i, n)
			n += hits
		}
		if can&^innerClasses != 0 { // mayStart
			r.starts = append(r.starts, int32(i))
		}
	}
	r.memos = n
	return r
}

func (r *refTables) plainInfo(lx *lex, t *textnorm.Token, i, n int) (classSet, int) {
	if rn, size := textnorm.DecodeRune(t.Norm); t.Kind == textnorm.Punct && rn < maxPunctRune && size == len(t.Norm) {
		ti := &lx.punct[rn]
		r.info[i] = tokInfo{forms: ti.forms, can: ti.can, arabic: ti.arabic, memo: int32(n)}
		if ti.dash {
			r.lastDash = i
		}
		return ti.can, int(ti.hits)
	}
	ti := lx.infoOf(t, true)
	r.info[i] = tokInfo{forms: ti.forms, can: ti.can, arabic: ti.arabic, memo: int32(n)}
	if t.Kind == textnorm.Number {
		r.info[i].num, r.info[i].isInt = refIntOf(*t)
	} else if t.Kind == textnorm.Punct && strings.ContainsFunc(t.Norm, isDash) {
		r.lastDash = i
	}
	return ti.can, int(ti.hits)
}

// refIntOf is intOf as it was: strings.ContainsFunc and strconv.Atoi.
func refIntOf(t textnorm.Token) (int32, bool) {
	if t.Kind != textnorm.Number || len(t.Norm) == 0 || len(t.Norm) > 6 || strings.ContainsFunc(t.Text, isNumberSeparator) {
		return 0, false
	}
	n, err := strconv.Atoi(t.Norm)
	return int32(n), err == nil
}

// isNumberSeparator reports whether r separates the digits of a number:
// , . ٬ ٫ (hasNumberSeparator's reference).
func isNumberSeparator(r rune) bool { return r == ',' || r == '.' || r == '٬' || r == '٫' }

// requireTablesMatch checks getParser's tables for toks against
// refGetParser's.
func requireTablesMatch(t testing.TB, toks []textnorm.Token) {
	t.Helper()
	lx, err := loadLexicon()
	require.NoError(t, err)
	want := refGetParser(lx, toks)
	p := getParser(lx, toks)
	defer putParser(p)
	require.Equal(t, want.info, append([]tokInfo{}, p.info...), "info")
	require.Equal(t, want.starts, append([]int32{}, p.starts...), "starts")
	require.Equal(t, want.lastDash, p.lastDash, "lastDash")
	require.Len(t, p.memo, want.memos, "memo entries")
	for k := range p.memo {
		require.NotEqual(t, p.gen, p.memo[k].gen, "memo entry %d looks valid before any match", k)
	}
}

// getParserCases are texts for TestGetParserMatchesReference: punctuation
// of one, two and three bytes, dashes, invalid UTF-8, numbers with and
// without separators, signs and points.
var getParserCases = []string{
	"",
	"في 25 كانون الثاني/يناير 2024، قال - المسؤول – إن الهجوم — وقع",
	"Jan. 20-25, 2014–2017 (؟) « » “quoted” … ؛ ، ٪ % $ +5 -3",
	"٢٥/١/٢٠٢٤ و٢٥٬٠٠٠ و١٫٥ 2,500 2.5 1.2.3 999999 1000000 0000001 007",
	"\xff\xfe \xd9 \xd9\xac \xc2 \xe2\x80\x94 \xe2\x80 ..",
	"الـ48 ساعة الماضية منذ العام 2014 between Monday and Wednesday",
}

// TestGetParserMatchesReference checks getParser's per-token tables
// against the loop they came from, on the fixture sentences and the cases
// above, with and without word records.
func TestGetParserMatchesReference(t *testing.T) {
	var segs []textnorm.Segment
	for _, lang := range []string{"ar", "en"} {
		segs = append(segs, fixtureSegments(t, lang)...)
	}
	for _, s := range getParserCases {
		segs = append(segs, textnorm.NewSegment(s, 0))
	}
	for i := range segs {
		requireTablesMatch(t, segs[i].Tokens)
		requireTablesMatch(t, textnorm.AppendTokens(nil, segs[i].Text, 0)) // no records
	}
}

// TestIntOf checks intOf against refIntOf, for tokens made by hand too
// (Find takes any segment).
func TestIntOf(t *testing.T) {
	for _, tc := range []struct{ text, norm string }{
		{"25", "25"}, {"٢٥", "25"}, {"2,500", "2500"}, {"٢٥٬٠٠٠", "25000"}, {"١٫٥", "1.5"}, {"2.5", "2.5"},
		{"123456", "123456"}, {"1234567", "1234567"}, {"+5", "+5"}, {"-5", "-5"}, {"-", "-"}, {"", ""},
		{"5", "5x"}, {"\xd9", "1"}, {"\xd9\xac", "1"}, {"\xd9\xab", "1"}, {"\xd9\xad", "1"}, {"0", "000000"},
	} {
		for _, kind := range []textnorm.Kind{textnorm.Number, textnorm.Word} {
			tok := textnorm.Token{Text: tc.text, Norm: tc.norm, Kind: kind}
			n, ok := intOf(tok)
			wn, wok := refIntOf(tok)
			require.Equal(t, [2]any{wn, wok}, [2]any{n, ok}, "%q %q", tc.text, tc.norm)
		}
	}
}

// TestNumberInfo checks that lex.number is what infoOf gives a Number
// token that starts with a digit.
func TestNumberInfo(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	require.False(t, lx.digitWords)
	for _, norm := range []string{"0", "25", "2024", "2.5", "1000000"} {
		tok := textnorm.Token{Text: norm, Norm: norm, Kind: textnorm.Number}
		require.Equal(t, lx.infoOf(&tok, true), lx.number, norm)
	}
}

// FuzzGetParser compares getParser's tables and intOf with their
// references on any text.
func FuzzGetParser(f *testing.F) {
	for _, s := range getParserCases {
		f.Add(s, "")
	}
	f.Add("25", "+7")
	f.Fuzz(func(t *testing.T, s, norm string) {
		seg := textnorm.NewSegment(s, 0)
		requireTablesMatch(t, seg.Tokens)
		requireTablesMatch(t, textnorm.AppendTokens(nil, s, 0))
		tok := textnorm.Token{Text: s, Norm: norm, Kind: textnorm.Number}
		n, ok := intOf(tok)
		wn, wok := refIntOf(tok)
		if n != wn || ok != wok {
			t.Fatalf("intOf(%q, %q) = %d, %v; want %d, %v", s, norm, n, ok, wn, wok)
		}
	})
}
