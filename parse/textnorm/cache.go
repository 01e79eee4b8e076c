package textnorm

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// WordCache memoizes a pure function of a folded word, shared by all
// goroutines. News repeats its vocabulary, so most look-ups hit; the cache
// stops growing at Max entries, after which new words are computed every
// time (memory stays bounded on any corpus). Cached values are shared:
// callers must not modify them (slices are returned with len == cap, so an
// append copies). The zero WordCache is empty and ready to use.
//
// The word a caller looks up is most often a slice of a whole article. A
// word the cache keeps is therefore copied first, and the function is given
// the copy: a value that holds slices of its word (stems, say) then holds
// a few bytes, not the article, which would otherwise stay in memory for as
// long as the cache (the process).
//
// A hit is one read of an immutable map, without locks (sync.Map costs
// several times more per look-up, and look-ups are the hot path of the
// parser). New words wait in a locked map and join the read map once they
// are a quarter of its size, or have been looked up as many times as it
// has words, so copying it costs O(1) per word added or read.
type WordCache[T any] struct {
	Max int // entries kept at most; 0 means 1<<18

	read   atomic.Pointer[map[string]T] // never modified once stored
	filled atomic.Bool                  // the cache is full: read holds every word, dirty none
	mu     sync.Mutex
	dirty  map[string]T // words not in read yet
	reads  int          // look-ups of dirty words since the last merge
	n      int          // entries in read and dirty
}

// minBatch is the fewest new words that make a new read map.
const minBatch = 256

// Get returns f(w), from the cache when it holds w.
func (c *WordCache[T]) Get(w string, f func(string) T) T {
	if m := c.read.Load(); m != nil {
		if v, ok := (*m)[w]; ok {
			return v
		}
		if c.filled.Load() {
			return f(w) // no word joins a full cache: a miss takes no lock
		}
	}
	c.mu.Lock()
	v, ok := c.dirty[w]
	if ok {
		c.reads++
		if c.reads >= minBatch+c.readLen() {
			c.merge()
		}
	}
	full := c.n >= c.limit()
	c.mu.Unlock()
	if ok {
		return v
	}
	if full {
		return f(w) // not kept: nothing to copy
	}
	// outside the lock: f may be slow, and two goroutines computing one word agree
	w = strings.Clone(w)
	v = f(w)
	c.add(w, v)
	return v
}

// limit is the number of entries kept at most.
func (c *WordCache[T]) limit() int {
	if c.Max == 0 {
		return 1 << 18
	}
	return c.Max
}

// add stores w's value unless the cache is full or holds w already; w is
// the cache's own copy.
func (c *WordCache[T]) add(w string, v T) {
	limit := c.limit()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= limit {
		return
	}
	read := c.read.Load()
	if read != nil {
		if _, ok := (*read)[w]; ok {
			return
		}
	}
	if _, ok := c.dirty[w]; ok {
		return
	}
	if c.dirty == nil {
		c.dirty = map[string]T{}
	}
	c.dirty[w] = v
	c.n++
	if len(c.dirty) >= max(minBatch, c.readLen()/4) || c.n >= limit {
		c.merge()
	}
}

// full reports whether the cache stores no more words.
func (c *WordCache[T]) full() bool { return c.filled.Load() }

// readLen is the number of words in the read map.
func (c *WordCache[T]) readLen() int {
	if read := c.read.Load(); read != nil {
		return len(*read)
	}
	return 0
}

// merge stores a new read map with the dirty words, with c.mu held.
func (c *WordCache[T]) merge() {
	next := make(map[string]T, c.readLen()+len(c.dirty))
	if read := c.read.Load(); read != nil {
		maps.Copy(next, *read)
	}
	maps.Copy(next, c.dirty)
	c.read.Store(&next)
	c.dirty = nil
	c.reads = 0
	if c.n >= c.limit() {
		c.filled.Store(true) // add merges at once when the cache fills
	}
}
