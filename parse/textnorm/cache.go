package textnorm

import (
	"strings"
	"sync"
	"sync/atomic"
)

// WordCache memoizes a pure function of a folded word, shared by all
// goroutines. News repeats its vocabulary, so most look-ups hit; the cache
// stops growing at Max entries, after which new words are computed every
// time (memory stays bounded on any corpus). Cached values are shared:
// callers must not modify them (slices are returned with len == cap, so an
// append copies).
type WordCache[T any] struct {
	Max int // entries kept at most; 0 means 1<<18
	m   sync.Map
	n   atomic.Int64
}

// Get returns f(w), from the cache when it holds w.
func (c *WordCache[T]) Get(w string, f func(string) T) T {
	if v, ok := c.m.Load(w); ok {
		return v.(T)
	}
	v := f(w)
	limit := c.Max
	if limit == 0 {
		limit = 1 << 18
	}
	if c.n.Load() < int64(limit) {
		// Clone the key: w may be a slice of a whole article.
		if _, loaded := c.m.LoadOrStore(strings.Clone(w), v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}
