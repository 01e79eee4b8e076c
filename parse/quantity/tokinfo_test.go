package quantity

import (
	"reflect"
	"sync"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// TestFindConcurrent runs Find from several goroutines at once (the token
// cache and the scan pool are shared); with -race it checks they are safe.
func TestFindConcurrent(t *testing.T) {
	texts := []string{
		"ونفذت الجماعات أكثر من 150 هجوماً صاروخياً وقتل ثلاثة جنود أميركيين وأصيب 34 آخرون",
		"Three U.S. service members were killed and more than 30 injured in a drone attack.",
		"قتل جنديين في هجوم، ولم تسفر الغارة عن وقوع إصابات",
		"there were no casualties; about 900 U.S. troops are in Syria",
	}
	want := make([][]Count, len(texts))
	for k, s := range texts {
		seg := textnorm.NewSegment(s, 0)
		want[k] = Find(&seg, "", nil)
		require.NotEmpty(t, want[k], s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 50; n++ {
				for k, s := range texts {
					seg := textnorm.NewSegment(s, 0)
					assert.Equal(t, want[k], Find(&seg, "", nil), s)
				}
			}
		}()
	}
	wg.Wait()
}

// TestTokenCacheBounded checks that full token caches still give every
// token its info.
func TestTokenCacheBounded(t *testing.T) {
	lx, err := readLexicon(dataFS)
	require.NoError(t, err)
	l := lx.langs["ar"]
	l.wordInfos.Max, l.otherInfos.Max = 2, 1
	for _, text := range []string{"قتل ثلاثة جنود، و150 هجوماً", "أصيب خمسة مدنيين، و3 آخرون"} {
		seg := textnorm.NewSegment(text, 0)
		infos := make([]*tokInfo, len(seg.Tokens))
		l.fillInfos(seg.Tokens, infos, nil)
		for j, tok := range seg.Tokens {
			require.NotNil(t, infos[j])
			assert.Equal(t, l.newTokInfo(tok.Norm, tok.Kind == textnorm.Word), infos[j], tok.Norm)
		}
	}
}

// TestMayStart checks which words Find tries as the start of a count:
// number words and dual nouns, not the other counted nouns.
func TestMayStart(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"ar", "ثلاثة", true},
		{"ar", "وثلاثة", true},
		{"ar", "العشرات", true}, // a vague word with the article
		{"ar", "الثلاثة", true}, // a definite number after its noun
		{"ar", "جنديين", true},  // a dual noun
		{"ar", "وغارتين", true},
		{"ar", "جنود", false}, // a plural noun needs a number before it
		{"ar", "هجوماً", false},
		{"ar", "في", false},
		{"en", "three", true},
		{"en", "dozens", true},
		{"en", "soldiers", false},
	}
	for _, tt := range tests {
		seg := textnorm.NewSegment(tt.word, 0)
		require.Len(t, seg.Tokens, 1, tt.word)
		tok := seg.Tokens[0]
		in := lx.langs[tt.lang].newTokInfo(tok.Norm, tok.Kind == textnorm.Word)
		assert.Equal(t, tt.want, in.mayStart, "%s %s", tt.lang, tt.word)
	}
}

// TestFillInfosStarts checks the tokens fillInfos gives Find to try: digits,
// number words, dual nouns and the first words of zero phrases.
func TestFillInfosStarts(t *testing.T) {
	lx, err := loadLexicon()
	require.NoError(t, err)
	tests := []struct {
		lang, text string
		want       []int32
	}{
		{"ar", "قتل ثلاثة جنود ولم تسفر الغارة عن إصابات في 2024", []int32{1, 3, 9}},
		{"ar", "وأصيب جنديين من دون وقوع قتلى", []int32{1, 2, 3}},
		{"ar", "وقال المتحدث إن الهجوم استهدف موقعا", nil},
		{"en", "three soldiers were killed, 34 wounded; there were no casualties", []int32{0, 3, 5, 10}}, // killed: "killed no one",
		{"en", "the soldiers were wounded", nil},
	}
	for _, tt := range tests {
		seg := textnorm.NewSegment(tt.text, 0)
		infos := make([]*tokInfo, len(seg.Tokens))
		got := lx.langs[tt.lang].fillInfos(seg.Tokens, infos, nil)
		assert.Equal(t, tt.want, append([]int32(nil), got...), tt.text) // nil when empty
	}
}

// TestPlainIndexSeesEveryField sets each field of a tokInfo in turn: only
// the three flags may leave it plain (shared), so that a field added later
// cannot be lost to the sharing.
func TestPlainIndexSeesEveryField(t *testing.T) {
	flags := map[string]bool{"latin": true, "article": true, "people": true}
	typ := reflect.TypeFor[tokInfo]()
	var leaves func(v reflect.Value, path string, set func())
	count := 0
	leaves = func(v reflect.Value, path string, set func()) {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem() // settable, though unexported
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				leaves(v.Field(i), path+"."+v.Type().Field(i).Name, set)
			}
			return
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			v.SetInt(1)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			v.SetUint(1)
		default:
			t.Fatalf("%s: kind %s not handled by the test", path, v.Kind())
		}
		set()
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		var in tokInfo
		v := reflect.ValueOf(&in).Elem().Field(i)
		leaves(v, f.Name, func() {
			count++
			_, plain := plainIndex(&in)
			assert.Equal(t, flags[f.Name], plain, "tokInfo.%s set", f.Name)
			in = tokInfo{}
		})
	}
	assert.Greater(t, count, 10)
}
