package quantity

import (
	"sync"
	"testing"

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

// TestTokenCacheBounded checks that a full token cache stops growing and
// still gives every token its info.
func TestTokenCacheBounded(t *testing.T) {
	lx, err := readLexicon(dataFS)
	require.NoError(t, err)
	l := lx.langs["ar"]
	seg := textnorm.NewSegment("قتل ثلاثة جنود، و150 هجوماً", 0)
	infos := make([]*tokInfo, len(seg.Tokens))

	l.fillInfos(seg.Tokens, infos)
	n := l.cache.n
	assert.Equal(t, len(l.cache.words)+len(l.cache.others), n)
	assert.Positive(t, n)

	l.cache.n = tokenCacheMax // pretend the cache is full
	seg2 := textnorm.NewSegment("أصيب خمسة مدنيين", 0)
	infos2 := make([]*tokInfo, len(seg2.Tokens))
	l.fillInfos(seg2.Tokens, infos2)
	assert.Equal(t, n, len(l.cache.words)+len(l.cache.others), "a full cache must not grow")
	for j, tok := range seg2.Tokens {
		require.NotNil(t, infos2[j])
		assert.Equal(t, l.newTokInfo(tok.Norm, tok.Kind == textnorm.Word), infos2[j], tok.Norm)
	}
}
