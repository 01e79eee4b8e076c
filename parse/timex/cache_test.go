package timex

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormCache checks that the forms of a word come from the shared cache.
func TestFormCache(t *testing.T) {
	require.NoError(t, Check())
	for _, w := range []string{"والخميس", "بالعام", "الاحد"} {
		got := formCache.Get(w, stemForms)
		assert.Equal(t, stemForms(w), got, w)
		assert.Same(t, got, formCache.Get(w, stemForms), "a cached word gives the shared value")
	}
}
