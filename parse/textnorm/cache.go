package textnorm

import (
	"math/bits"
	"math/rand/v2"
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
// A hit is one probe of an immutable hash table, without locks (sync.Map
// costs several times more per look-up, and look-ups are the hot path of
// the parser; the table's own string hash and linear probing cost about a
// third of a Go map's look-up for the short keys of words). New words wait
// in a locked map and join the read table once they are a quarter of its
// size, or have been looked up as many times as it has words, so copying it
// costs O(1) per word added or read.
type WordCache[T any] struct {
	Max int // entries kept at most; 0 means 1<<18

	read  atomic.Pointer[table[T]] // never modified once stored
	mu    sync.Mutex
	dirty map[string]T // words not in read yet
	reads int          // look-ups of dirty words since the last merge
	n     int          // entries in read and dirty
}

// minBatch is the fewest new words that make a new read map.
const minBatch = 256

// Get returns f(w), from the cache when it holds w.
func (c *WordCache[T]) Get(w string, f func(string) T) T {
	if t := c.read.Load(); t != nil {
		if v, ok := t.get(w); ok {
			return v
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
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(w) // outside the lock: f may be slow, and two goroutines computing one word agree
	c.add(w, v)
	return v
}

// add stores w's value unless the cache is full or holds w already.
func (c *WordCache[T]) add(w string, v T) {
	limit := c.Max
	if limit == 0 {
		limit = 1 << 18
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= limit {
		return
	}
	read := c.read.Load()
	if read != nil {
		if _, ok := read.get(w); ok {
			return
		}
	}
	if _, ok := c.dirty[w]; ok {
		return
	}
	if c.dirty == nil {
		c.dirty = map[string]T{}
	}
	c.dirty[strings.Clone(w)] = v // w may be a slice of a whole article
	c.n++
	if len(c.dirty) >= max(minBatch, c.readLen()/4) || c.n >= limit {
		c.merge()
	}
}

// readLen is the number of words in the read map.
func (c *WordCache[T]) readLen() int {
	if read := c.read.Load(); read != nil {
		return read.n
	}
	return 0
}

// merge stores a new read table with the dirty words, with c.mu held.
func (c *WordCache[T]) merge() {
	read := c.read.Load()
	n := len(c.dirty)
	if read != nil {
		n += read.n
	}
	next := newTable[T](n)
	if read != nil {
		for i := range read.slots {
			if e := &read.slots[i]; e.hash != 0 {
				next.insert(e.hash, e.key, e.val)
			}
		}
	}
	for w, v := range c.dirty {
		next.insert(hashString(w), w, v)
	}
	c.read.Store(next)
	c.dirty = nil
	c.reads = 0
}

// table is an open-addressing hash table of words with linear probing; it
// is filled by merge and never modified once stored in a WordCache.
type table[T any] struct {
	slots []slot[T] // a power of two of them, at most three quarters used
	n     int       // used slots
}

// slot is one entry of a table; hash is 0 in an empty slot (hashString
// never returns 0).
type slot[T any] struct {
	hash uint64
	key  string
	val  T
}

// newTable returns an empty table with room for n words.
func newTable[T any](n int) *table[T] {
	size := 8
	for size*3 < n*4 {
		size *= 2
	}
	return &table[T]{slots: make([]slot[T], size)}
}

// insert adds a word that is not in t yet; t must have room for it.
func (t *table[T]) insert(h uint64, w string, v T) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot[T]{hash: h, key: w, val: v}
	t.n++
}

// get returns the value of w and whether t holds it.
func (t *table[T]) get(w string) (T, bool) {
	h := hashString(w)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &t.slots[i]
		if e.hash == h && sameWord(e.key, w) {
			return e.val, true
		}
		if e.hash == 0 {
			var zero T
			return zero, false
		}
	}
}

// hashSeed makes the tables' hashes differ from process to process, so that
// no fixed text can make the words of a table collide.
var hashSeed = rand.Uint64()

// Multipliers of wyhash.
const (
	hashK0 = 0xa0761d6478bd642f
	hashK1 = 0xe7037ed1a0b428db
	hashK2 = 0x8ebc6af09c88c6e3
)

// hashMix folds the 128-bit product of a and b to 64 bits.
func hashMix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// hashString hashes a word in the manner of wyhash: short words (nearly
// all of them) take two overlapping loads and one multiplication. It never
// returns 0, the mark of an empty slot.
func hashString(s string) uint64 {
	n := len(s)
	seed := hashSeed ^ uint64(n)*hashK2
	var a, b uint64
	switch {
	case n > 16:
		for p := s; len(p) > 16; p = p[16:] {
			seed = hashMix(load64(p)^hashK1, load64(p[8:])^seed)
		}
		a, b = load64(s[n-16:]), load64(s[n-8:])
	case n >= 8:
		a, b = load64(s), load64(s[n-8:])
	case n >= 4:
		a, b = uint64(load32(s)), uint64(load32(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return hashMix(a^hashK1, b^seed^hashK0) | 1<<63
}

// sameWord is a == b, with the words of up to 16 bytes compared by two
// loads each instead of a call.
func sameWord(a, b string) bool {
	n := len(a)
	if n != len(b) {
		return false
	}
	switch {
	case n > 16:
		return a == b
	case n >= 8:
		return load64(a) == load64(b) && load64(a[n-8:]) == load64(b[n-8:])
	case n >= 4:
		return load32(a) == load32(b) && load32(a[n-4:]) == load32(b[n-4:])
	}
	return a == b
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
