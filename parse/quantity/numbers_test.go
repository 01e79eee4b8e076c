package quantity

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

// TestNumberValues checks the grammar of numbers written in words and
// digits: each text must give exactly these values, in order.
func TestNumberValues(t *testing.T) {
	require.NoError(t, Check())
	tests := []struct {
		name string
		lang string
		text string
		want []int
	}{
		{"ar two nominative", "ar", "اثنان", []int{2}},
		{"ar two feminine genitive", "ar", "اثنتين", []int{2}},
		{"ar three masculine", "ar", "ثلاثة", []int{3}},
		{"ar three feminine", "ar", "ثلاث", []int{3}},
		{"ar eight", "ar", "ثماني", []int{8}},
		{"ar ten feminine", "ar", "عشر", []int{10}},
		{"ar eleven feminine", "ar", "إحدى عشرة", []int{11}},
		{"ar nineteen", "ar", "تسعة عشر", []int{19}},
		{"ar ninety genitive", "ar", "تسعين", []int{90}},
		{"ar ninety nine", "ar", "تسعة وتسعون", []int{99}},
		{"ar hundred alt spelling", "ar", "مائة", []int{100}},
		{"ar two hundred construct", "ar", "مائتي", []int{200}},
		{"ar hundred and five", "ar", "مئة وخمسة", []int{105}},
		{"ar hundred five and twenty", "ar", "مئة وخمسة وعشرون", []int{125}},
		{"ar nine hundred", "ar", "تسعمئة", []int{900}},
		{"ar thousand", "ar", "ألف", []int{1000}},
		{"ar two thousand nominative", "ar", "ألفان", []int{2000}},
		{"ar eleven thousand", "ar", "أحد عشر ألفاً", []int{11000}},
		{"ar hundred thousand", "ar", "مئة ألف", []int{100000}},
		{"ar thousand and five hundred", "ar", "ألف وخمسمئة", []int{1500}},
		{"ar ten thousand", "ar", "عشرة آلاف", []int{10000}},
		{"ar million", "ar", "مليون", []int{1000000}},
		{"ar two million", "ar", "مليونين", []int{2000000}},
		{"ar three million", "ar", "ثلاثة ملايين", []int{3000000}},
		{"ar million and half a million words", "ar", "مليون وخمسمئة ألف", []int{1500000}},
		{"ar billion", "ar", "مليار", []int{1000000000}},
		{"ar tens of millions", "ar", "عشرات الملايين", []int{10000000}},
		{"ar units do not add", "ar", "ثلاثة وأربعة", []int{3, 4}},
		{"ar tens then units is no compound", "ar", "عشرون خمسة", []int{20, 5}},
		{"ar digits thousands", "ar", "3 آلاف", []int{3000}},
		{"ar digits million decimal", "ar", "٢٫٥ مليون", []int{2500000}},
		{"ar clitic fa", "ar", "فخمسة", []int{5}},
		{"ar clitic li", "ar", "لخمسة", []int{5}},
		{"en teens", "en", "nineteen", []int{19}},
		{"en ninety nine spaced", "en", "ninety nine", []int{99}},
		{"en one hundred", "en", "one hundred", []int{100}},
		{"en hundred alone is nothing", "en", "hundred", nil},
		{"en thousand alone is nothing", "en", "thousand", nil},
		{"en a thousand", "en", "a thousand", []int{1000}},
		{"en thousand and one", "en", "a thousand and one", []int{1001}},
		{"en twenty thousand", "en", "twenty thousand", []int{20000}},
		{"en two hundred thousand", "en", "two hundred thousand", []int{200000}},
		{"en three million", "en", "three million", []int{3000000}},
		{"en billions", "en", "billions", []int{1000000000}},
		{"en digits thousand", "en", "5 thousand", []int{5000}},
		{"en digits dozen", "en", "3 dozen", []int{36}},
		{"en a alone is nothing", "en", "a", nil},
		{"en units do not join", "en", "three four", []int{3, 4}},
		{"en separate numbers", "en", "7 and 8", []int{7, 8}},
		{"en comma thousands", "en", "1,000,000", []int{1000000}},
		{"max value", "en", "1000000000000", []int{MaxValue}},
		{"above max", "en", "1000000000001", nil},
		{"scale overflow", "en", "999999 billion", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := textnorm.NewSegment(tt.text, 0)
			var got []int
			for _, c := range Find(&seg, tt.lang, nil) {
				got = append(got, c.Value)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
