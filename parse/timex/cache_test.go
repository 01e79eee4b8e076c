package timex

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
