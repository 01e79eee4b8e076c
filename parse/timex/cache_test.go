package timex

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/parse/textnorm"
)

func TestFormsCache(t *testing.T) {
	require.NoError(t, Check())
	c := formsCache{max: 1000}
	words := []string{"والخميس", "بالعام", "الاحد", "وفي", "والعشرين"}
	for i := range 3000 {
		words = append(words, fmt.Sprintf("ال%d", i))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range words {
				w := words[(k+g*97)%len(words)]
				assert.Equal(t, stemForms(w), c.get(w), w)
			}
		}()
	}
	wg.Wait()
	n := len(c.fresh)
	if snap := c.snap.Load(); snap != nil {
		n += len(*snap)
	}
	assert.Equal(t, 1000, n, "the cache stops growing at max words")

	var c2 formsCache
	c2.max = 10
	assert.Same(t, c2.get("والخميس"), c2.get("والخميس"), "a cached word gives the shared value")
}

// TestTextCursor checks that the cursor gives seg.Slice for every range,
// also with invalid UTF-8 and a segment that does not start the article.
func TestTextCursor(t *testing.T) {
	for _, s := range []string{
		"في 25 كانون الثاني/يناير 2024، on Jan. 25",
		"مساء \xffالخميس \x80 ١٢ Sept. \xe2\x80 آذار",
		"日本 and € sign, ﻻ presentation ﷲ",
	} {
		seg := textnorm.NewSegment(s, 5)
		for first := range seg.Tokens {
			for last := first + 1; last <= len(seg.Tokens); last++ {
				var c textCursor
				assert.Equal(t, seg.Slice(first, last), c.slice(&seg, first, last), "%q [%d, %d)", s, first, last)
			}
		}
		var c textCursor
		for k := 0; k+1 < len(seg.Tokens); k += 2 {
			assert.Equal(t, seg.Slice(k, k+2), c.slice(&seg, k, k+2), "%q left to right at %d", s, k)
		}
	}
}
