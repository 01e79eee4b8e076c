package textnorm

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// wordTable interns folded words: it gives each word one WordRecord, at
// most max of them. It is WordCache's scheme specialized to the hot path of
// NewSegmentIn, one look-up per word token: a hit reads an immutable
// open-addressing index (wordIndex) without locks; new words wait in a
// locked map and join a new index in batches, once they are a quarter of
// its size or have been looked up as many times as it has words, so that
// rebuilding costs O(1) per word added or read. Once max words are in, the
// index holds all of them and a miss takes no lock.
//
// A hit costs one hash of the word's bytes, loaded eight at a time, and a
// comparison of its length and of its first and last eight bytes with the
// slot's, which for a word of up to 16 bytes (most words: eight Arabic
// letters) is the whole comparison; a Go map hashes and then compares the
// bytes again.
//
// The index keeps no string of its own but for longer words, and those are
// copies (strings.Clone): no slot holds on to an article.
type wordTable struct {
	max int // words interned at most

	read   atomic.Pointer[wordIndex] // never modified once stored
	filled atomic.Bool               // max words are interned: read holds them all, dirty none
	mu     sync.Mutex
	dirty  map[string]*WordRecord // words not in read yet; the keys are copies
	reads  int                    // look-ups of dirty words since the last rebuild
	n      int                    // words in read and dirty
}

// wordIndex is an open-addressing hash table with linear probing, at most
// half full, built once and then only read.
type wordIndex struct {
	slots []wordSlot // a power of two of them
	mask  uint64     // len(slots) - 1
	n     int        // words held
}

// wordSlot is one word of a wordIndex, or an empty slot (rec == nil).
type wordSlot struct {
	lo, hi uint64 // the word's bytes, as wordBytes gives them
	// meta is the high half of the word's hash, which also picks its slot,
	// then bit 31 set (meta is never 0, an empty slot's), then the word's
	// length in the low 31 bits (at most 1<<31-1: longer words are compared
	// as a whole, as all words of more than 16 bytes are).
	meta uint64
	rec  *WordRecord // for a word of more than 16 bytes, the WordRecord of a longRecord
}

// longRecord is the record of a word of more than 16 bytes, which lo and hi
// do not hold all of: the slot's record keeps the word itself to compare.
type longRecord struct {
	WordRecord // first, so that a *WordRecord of a longRecord points to it
	key        string
}

// wordSeed makes hashes differ between processes, so that no set of words
// collides by design (each hit would then probe many slots).
var wordSeed = [3]uint64{rand.Uint64() | 1, rand.Uint64() | 1, rand.Uint64() | 1}

// load64 reads s[:8] as a little-endian word (the compiler makes it one
// load); load32 reads s[:4].
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// wordKey returns what a slot holds of s, a word of at most 16 bytes: its
// first and last eight bytes (fewer of a shorter word, see below), which
// with its length tell it from any other word, and its hash. It is small
// enough to be inlined in find.
func wordKey(s string) (lo, hi, h uint64) {
	switch n := len(s); {
	case n >= 8:
		lo, hi = load64(s), load64(s[n-8:])
	case n >= 4:
		lo, hi = load32(s), load32(s[n-4:])
	case n > 0:
		lo = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	return lo, hi, mix(lo^wordSeed[0], hi^wordSeed[1]^uint64(len(s)))
}

// longKey is wordKey for a word of more than 16 bytes: lo and hi are its
// first and last eight bytes, h a hash of all of them.
func longKey(s string) (lo, hi, h uint64) {
	n := len(s)
	lo, hi = load64(s), load64(s[n-8:])
	acc := wordSeed[2]
	for i := 0; i < n-16; i += 16 {
		acc = mix(load64(s[i:])^wordSeed[0], load64(s[i+8:])^acc)
	}
	return lo, hi, mix(load64(s[n-16:])^wordSeed[0], hi^wordSeed[1]^uint64(n)^acc)
}

// mix is the 128-bit multiply-and-fold step of wyhash.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// slotMeta is the meta of a word of hash h and length n (see wordSlot).
func slotMeta(h uint64, n int) uint64 {
	return h&^(1<<32-1) | 1<<31 | uint64(min(n, 1<<31-1))
}

// slotOf returns the slot of s with the record r.
func slotOf(s string, r *WordRecord) wordSlot {
	lo, hi, h := wordKey(s)
	if len(s) > 16 {
		lo, hi, h = longKey(s)
	}
	return wordSlot{lo: lo, hi: hi, meta: slotMeta(h, len(s)), rec: r}
}

// emptyIndex is the index before any word is added.
var emptyIndex = wordIndex{slots: make([]wordSlot, 1)}

// find returns the record of s, or nil when x does not hold s.
func (x *wordIndex) find(s string) *WordRecord {
	if len(s) > 16 {
		return x.findLong(s)
	}
	// wordKey and slotMeta, inlined by hand (wordKey is over the budget)
	var lo, hi uint64
	switch n := len(s); {
	case n >= 8:
		lo, hi = load64(s), load64(s[n-8:])
	case n >= 4:
		lo, hi = load32(s), load32(s[n-4:])
	case n > 0:
		lo = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	h := mix(lo^wordSeed[0], hi^wordSeed[1]^uint64(len(s)))
	meta := h&^(1<<32-1) | 1<<31 | uint64(len(s))
	slots, mask := x.slots, x.mask
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		e := &slots[i]
		if e.meta == meta && e.lo == lo && e.hi == hi {
			return e.rec
		}
		if e.rec == nil {
			return nil
		}
	}
}

// findLong is find for a word of more than 16 bytes, which it compares
// whole.
func (x *wordIndex) findLong(s string) *WordRecord {
	lo, hi, h := longKey(s)
	meta := slotMeta(h, len(s))
	for i := h >> 32 & x.mask; ; i = (i + 1) & x.mask {
		e := &x.slots[i]
		if e.meta == meta && e.lo == lo && e.hi == hi && (*longRecord)(unsafe.Pointer(e.rec)).key == s {
			return e.rec
		}
		if e.rec == nil {
			return nil
		}
	}
}

// put stores a slot in x, which does not hold its word and has room.
func (x *wordIndex) put(e wordSlot) {
	i := e.meta >> 32 & x.mask
	for x.slots[i].rec != nil {
		i = (i + 1) & x.mask
	}
	x.slots[i] = e
	x.n++
}

// newIndex returns an empty index with room for n words.
func newIndex(n int) *wordIndex {
	size := 1024
	for size < 2*n {
		size *= 2
	}
	return &wordIndex{slots: make([]wordSlot, size), mask: uint64(size - 1)}
}

// index returns the current index, for the look-ups of many words.
func (t *wordTable) index() *wordIndex {
	if x := t.read.Load(); x != nil {
		return x
	}
	return &emptyIndex
}

// lookup returns the record of the folded word s, adding one when s has
// none yet; nil once max words are interned. x is t.index(), loaded by the
// caller once for many words (it may be stale).
func (t *wordTable) lookup(x *wordIndex, s string) *WordRecord {
	if r := x.find(s); r != nil {
		return r
	}
	return t.miss(s)
}

// miss is lookup of a word that the caller's index does not hold.
func (t *wordTable) miss(s string) *WordRecord {
	if t.filled.Load() {
		return nil // no word joins a full table: a miss takes no lock
	}
	return t.slow(s)
}

// slow looks s up in the dirty words and the current index, with the lock
// held, and adds it when it is in neither.
func (t *wordTable) slow(s string) *WordRecord {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r, ok := t.dirty[s]; ok {
		t.reads++
		if t.reads >= minBatch+t.readLen() {
			t.merge()
		}
		return r
	}
	if x := t.read.Load(); x != nil {
		if r := x.find(s); r != nil {
			return r // added since the caller loaded its index
		}
	}
	if t.n >= t.max {
		return nil
	}
	s = strings.Clone(s) // the caller's word is most often a slice of an article
	var r *WordRecord
	if len(s) > 16 {
		r = &(&longRecord{key: s}).WordRecord
	} else {
		r = new(WordRecord)
	}
	if t.dirty == nil {
		t.dirty = map[string]*WordRecord{}
	}
	t.dirty[s] = r
	t.n++
	if len(t.dirty) >= max(minBatch, t.readLen()/4) || t.n >= t.max {
		t.merge()
	}
	return r
}

// readLen is the number of words in the index.
func (t *wordTable) readLen() int {
	if x := t.read.Load(); x != nil {
		return x.n
	}
	return 0
}

// merge stores a new index with the dirty words, with t.mu held.
func (t *wordTable) merge() {
	old := t.read.Load()
	x := newIndex(t.readLen() + len(t.dirty))
	if old != nil {
		for _, e := range old.slots {
			if e.rec != nil {
				x.put(e)
			}
		}
	}
	for s, r := range t.dirty {
		x.put(slotOf(s, r))
	}
	t.read.Store(x)
	t.dirty = nil
	t.reads = 0
	if t.n >= t.max {
		t.filled.Store(true) // slow merges at once when the table fills
	}
}
