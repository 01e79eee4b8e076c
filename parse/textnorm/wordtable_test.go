package textnorm

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mapTable is the reference for wordTable: a plain map that gives each new
// word a record until it holds max of them.
type mapTable struct {
	max int
	m   map[string]*WordRecord
}

func (r *mapTable) lookup(s string) *WordRecord {
	if rec, ok := r.m[s]; ok {
		return rec
	}
	if len(r.m) >= r.max {
		return nil
	}
	rec := new(WordRecord)
	r.m[s] = rec
	return rec
}

// tableChecker looks words up in a wordTable and in a mapTable and checks
// that they agree: a record in one when in the other, and the same record
// of the table for the same record of the map.
type tableChecker struct {
	t     testing.TB
	table *wordTable
	ref   mapTable
	same  map[*WordRecord]*WordRecord // the map's record → the table's
}

func newTableChecker(t testing.TB, max int) *tableChecker {
	return &tableChecker{t: t, table: &wordTable{max: max}, ref: mapTable{max: max, m: map[string]*WordRecord{}},
		same: map[*WordRecord]*WordRecord{}}
}

func (c *tableChecker) lookup(s string) {
	c.t.Helper()
	got, want := c.table.lookup(c.table.index(), s), c.ref.lookup(s)
	if (got == nil) != (want == nil) {
		c.t.Fatalf("lookup(%q) = %p, the map's %p", s, got, want)
	}
	if want == nil {
		return
	}
	if prev, ok := c.same[want]; !ok {
		c.same[want] = got
	} else if prev != got {
		c.t.Fatalf("lookup(%q) = %p, was %p", s, got, prev)
	}
}

// check checks the table's counts once all is looked up.
func (c *tableChecker) check() {
	c.t.Helper()
	tb := c.table
	if tb.n != len(c.ref.m) || tb.readLen()+len(tb.dirty) != tb.n {
		c.t.Fatalf("table holds %d words (%d + %d dirty), the map %d", tb.n, tb.readLen(), len(tb.dirty), len(c.ref.m))
	}
	if len(c.same) != len(c.ref.m) {
		c.t.Fatalf("%d records for %d words", len(c.same), len(c.ref.m))
	}
	seen := map[*WordRecord]bool{}
	for _, r := range c.same {
		if seen[r] {
			c.t.Fatalf("two words share record %p", r)
		}
		seen[r] = true
	}
	if tb.filled.Load() != (tb.n >= tb.max) {
		c.t.Fatalf("filled = %v with %d of %d words", tb.filled.Load(), tb.n, tb.max)
	}
}

// randomWord returns a word that is most often like others: of a few
// letters (ASCII and Arabic), or a long word that shares its first and
// last eight bytes with others of its length and differs in between.
func randomWord(rng *rand.Rand) string {
	letters := []string{"a", "b", "ا", "ل", "ه"}
	var b strings.Builder
	switch rng.IntN(4) {
	case 0: // long, shared ends
		b.WriteString("الاسلام")
		for range rng.IntN(6) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		b.WriteString("بالكامل")
	default:
		for range rng.IntN(12) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
	}
	return b.String()
}

// TestWordTableMatchesMap checks wordTable against a plain map on random
// words: new words, hits of words in the index and of words not merged
// yet, and misses once the table is full.
func TestWordTableMatchesMap(t *testing.T) {
	tests := []struct {
		name   string
		max    int
		words  int // distinct words drawn from, about
		lookup int
	}{
		{"never full", 1 << 20, 3000, 20000},
		{"fills", 500, 3000, 20000},
		{"one word", 1, 10, 100},
		{"many words", 1 << 20, 1 << 30, 30000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tt.max)))
			c := newTableChecker(t, tt.max)
			var vocab []string
			for range tt.lookup {
				var w string
				if len(vocab) > 0 && rng.IntN(3) > 0 {
					w = vocab[rng.IntN(len(vocab))] // a hit, or a miss of a full table
				} else {
					w = randomWord(rng)
					if rng.IntN(2) == 0 {
						w += fmt.Sprint(rng.IntN(tt.words))
					}
					vocab = append(vocab, w)
				}
				c.lookup(w)
			}
			c.check()
			for _, w := range vocab {
				c.lookup(w) // all again, after the last merge
			}
			c.check()
		})
	}
}

// TestWordKey checks that the words wordKey tells apart by their bytes and
// length alone, those of up to 16 bytes, get different keys, and that find
// hashes as slotOf does.
func TestWordKey(t *testing.T) {
	words := []string{"", "a", "b", "aa", "ab", "ba", "aab", "aba", "baa", "abc", "abcd", "abcde", "abdce",
		"abcdefg", "abcdefgh", "abcdefghi", "abcdefghabcdefgh", "\x00", "\x00\x00", "\x00\x00\x00", "\x00\x00\x00\x00",
		"\x00\x00\x00\x00\x00\x00\x00\x00", "قال", "قالت", "الجيش", "الاسرائيلي", "والاسرائيليه"}
	type key struct {
		lo, hi uint64
		n      int
	}
	seen := map[key]string{}
	var x wordTable
	x.max = 1 << 10
	recs := map[string]*WordRecord{}
	for _, w := range words {
		lo, hi, _ := wordKey(w)
		k := key{lo, hi, len(w)}
		if prev, ok := seen[k]; ok {
			t.Errorf("%q and %q have one key", prev, w)
		}
		seen[k] = w
		recs[w] = x.lookup(x.index(), w)
	}
	x.mu.Lock()
	x.merge()
	x.mu.Unlock()
	for _, w := range words {
		assert.Same(t, recs[w], x.index().find(w), "%q", w)
	}
	assert.Nil(t, x.index().find("abcdefghabcdefgi"))
}

// TestWordTableCopiesWords checks that the table keeps no byte of the text
// its words come from.
func TestWordTableCopiesWords(t *testing.T) {
	text := "قال مسؤول في الاسرائيليين أمس"
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= start && p < start+uintptr(len(text))
	}
	x := wordTable{max: 100}
	for _, w := range strings.Fields(text) {
		require.NotNil(t, x.lookup(x.index(), w))
	}
	require.NotEmpty(t, x.dirty)
	for w, r := range x.dirty {
		assert.False(t, inText(w), "the kept word is a copy")
		if len(w) > 16 {
			assert.False(t, inText((*longRecord)(unsafe.Pointer(r)).key), "the kept word is a copy")
		}
	}
}

// TestWordTableConcurrent looks words up from several goroutines: each
// word has one record, whichever goroutine added it.
func TestWordTableConcurrent(t *testing.T) {
	for _, max := range []int{1 << 20, 700} {
		x := wordTable{max: max}
		got := make([][]*WordRecord, 4)
		var wg sync.WaitGroup
		for g := range got {
			wg.Go(func() {
				for i := range 5000 {
					w := fmt.Sprint("word", (i*7+g)%1500)
					if i%3 == 0 {
						w = strings.Repeat("الاسرائيلي", 2) + w
					}
					got[g] = append(got[g], x.lookup(x.index(), w))
				}
			})
		}
		wg.Wait()
		byWord := map[string]*WordRecord{}
		records := 0
		for g := range got {
			for i, r := range got[g] {
				w := fmt.Sprint("word", (i*7+g)%1500)
				if i%3 == 0 {
					w = strings.Repeat("الاسرائيلي", 2) + w
				}
				if r == nil {
					continue
				}
				if prev, ok := byWord[w]; ok {
					require.Same(t, prev, r, "%q", w)
				} else {
					byWord[w] = r
					records++
				}
			}
		}
		assert.LessOrEqual(t, x.n, max)
		assert.Equal(t, x.n, records, "every word kept was given to a caller")
	}
}

// FuzzWordTable checks wordTable against a plain map on the words of the
// input (split at spaces), looked up twice, in a table of room for
// max(8, first byte) of them.
func FuzzWordTable(f *testing.F) {
	f.Add("\x20a b a c abcdefghabcdefgh abcdefghabcdefgi abcdefgh")
	f.Add("\x08قال قالت قال الاسرائيليين والاسرائيليين   x")
	f.Fuzz(func(t *testing.T, s string) {
		max := 8
		if s != "" {
			max = 8 + int(s[0])
		}
		c := newTableChecker(t, max)
		words := strings.Split(s, " ")
		for range 2 {
			for _, w := range words {
				c.lookup(w)
			}
		}
		c.check()
	})
}

// TestFindComparesWholeKey checks find on slots made to collide with the
// word looked up: the same hash (so the same home slot), and all but one
// part of the key the same. find must walk past them to the word's slot.
func TestFindComparesWholeKey(t *testing.T) {
	for _, w := range []string{"abc", "قالت", "الاسرائيلي", "الاسرائيليين بالكامل"} {
		rec := new(WordRecord)
		if len(w) > 16 {
			rec = &(&longRecord{key: w}).WordRecord
		}
		want := slotOf(w, rec)
		var decoys []wordSlot
		for _, change := range []func(*wordSlot){
			func(e *wordSlot) { e.lo ^= 1 },
			func(e *wordSlot) { e.hi ^= 1 << 40 },
			func(e *wordSlot) { e.meta ^= 1 }, // the length
			func(e *wordSlot) { e.meta ^= 1 << 31 },
			func(e *wordSlot) { e.rec = &(&longRecord{key: w[:len(w)-1] + "x"}).WordRecord },
		} {
			e := want
			e.rec = &(&longRecord{key: w}).WordRecord
			change(&e)
			if len(w) <= 16 && e.lo == want.lo && e.hi == want.hi && e.meta == want.meta {
				continue // a short word's slot is compared on lo, hi and meta only
			}
			decoys = append(decoys, e)
		}
		x := newIndex(10)
		for _, e := range decoys {
			x.put(e)
		}
		assert.Nil(t, x.find(w), "%q is not in the index yet", w)
		x.put(want)
		assert.Same(t, rec, x.find(w), "%q", w)
	}
}
