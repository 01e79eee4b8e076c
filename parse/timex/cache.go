package timex

import (
	"strings"
	"sync"
	"sync/atomic"
)

// formsCache memoizes stemForms for the Arabic words seen, shared by all
// goroutines. Find looks up every Arabic word that starts with a proclitic
// letter, so the look-up must be cheap: a hit reads a snapshot map that is
// never written, without a lock. New words go to a small map under a
// mutex, which is merged into a new snapshot once it holds a quarter as
// many words, or has been read as many times as the snapshot has words
// (so a merge costs O(1) per word added or read). The cache stops growing
// at max words, after which new words are computed every time: memory
// stays bounded on any corpus. Values are shared: callers must not modify
// them.
type formsCache struct {
	max   int                                    // words kept at most
	snap  atomic.Pointer[map[string]*tokenForms] // read-only once stored
	mu    sync.Mutex
	fresh map[string]*tokenForms // words not yet in snap
	reads int                    // look-ups of fresh since the last merge
}

// minMerge is the fewest new words, or look-ups of them, that make a new
// snapshot.
const minMerge = 256

// get returns stemForms(w), from the cache when it holds w.
func (c *formsCache) get(w string) *tokenForms {
	snap := c.snap.Load()
	if snap != nil {
		if v, ok := (*snap)[w]; ok {
			return v
		}
	}
	c.mu.Lock()
	v, ok := c.fresh[w]
	if ok {
		c.reads++
		if c.reads >= minMerge+len(c.snapMap()) {
			c.merge()
		}
	}
	c.mu.Unlock()
	if ok {
		return v
	}
	v = stemForms(w)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(w, v)
	return v
}

// snapMap returns the current snapshot, nil before the first.
func (c *formsCache) snapMap() map[string]*tokenForms {
	if snap := c.snap.Load(); snap != nil {
		return *snap
	}
	return nil
}

// add stores v for w, with c.mu held.
func (c *formsCache) add(w string, v *tokenForms) {
	old := c.snapMap()
	if _, ok := c.fresh[w]; ok || len(old)+len(c.fresh) >= c.max {
		return
	}
	if c.fresh == nil {
		c.fresh = map[string]*tokenForms{}
	}
	c.fresh[strings.Clone(w)] = v // w may be a slice of a whole article
	if len(c.fresh) >= max(minMerge, len(old)/4) {
		c.merge()
	}
}

// merge stores a new snapshot with the fresh words, with c.mu held.
func (c *formsCache) merge() {
	old := c.snapMap()
	m := make(map[string]*tokenForms, len(old)+len(c.fresh))
	for k, v := range old {
		m[k] = v
	}
	for k, v := range c.fresh {
		m[k] = v
	}
	c.snap.Store(&m)
	clear(c.fresh)
	c.reads = 0
}
