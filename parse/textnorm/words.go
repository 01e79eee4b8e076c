package textnorm

import (
	"sync/atomic"
	"unsafe"
)

// WordRecord is the record of one folded word, shared by all the tokens
// that fold to it. The analyzers keep in its slots what they compute from
// the folded word alone (see Slot), so that a token costs one table look-up,
// when NewSegmentIn interns it, instead of one per analyzer.
//
// Records are never freed: at most maxWords words get one (after that,
// Token.Record returns nil and callers fall back to their own caches), so
// memory stays bounded on any corpus.
type WordRecord struct {
	slots [maxSlots]unsafe.Pointer // each a *T of the Slot[T] with its index
}

// maxSlots is the number of slots of a WordRecord: the lexicon takes three
// (Arabic readings with and without a final ة, English), the count finder
// two (a language each), the time finder one.
const maxSlots = 6

// maxWords bounds the words interned.
const maxWords = 1 << 18

// OverflowCacheMax is the Max of the WordCache an analyzer keeps for the
// words that get no record once maxWords are interned: words that turn
// frequent late in a long corpus (a new name in the news) are still
// computed once, and the caches stay small, since each entry also costs
// the collector work on every cycle.
const OverflowCacheMax = 1 << 15

// Slot is one analyzer's memo in every WordRecord: a *T per word, nil until
// stored. Values are shared by all goroutines and must not be modified once
// stored; two goroutines that compute a word's value at once must agree, as
// either may win. A value lives as long as the process, while the token's
// Norm it is computed from is most often a slice of an article: it must
// hold no slice of it (copy with strings.Clone what it keeps), else the
// whole article stays in memory (parse's TestExtractKeepsNoArticle checks
// this for the parser's analyzers).
type Slot[T any] struct{ i int }

// slotCount is the number of slots reserved.
var slotCount atomic.Int32

// NewSlot reserves a slot of every WordRecord. Call it once per analyzer,
// from a package-level variable; it panics when all slots are taken (at
// start-up, then).
func NewSlot[T any]() Slot[T] {
	i := int(slotCount.Add(1)) - 1
	if i >= maxSlots {
		panic("textnorm: NewSlot: all WordRecord slots are taken (raise maxSlots)")
	}
	return Slot[T]{i}
}

// Load returns w's value, or nil when none is stored.
func (s Slot[T]) Load(w *WordRecord) *T { return (*T)(atomic.LoadPointer(&w.slots[s.i])) }

// Store sets w's value.
func (s Slot[T]) Store(w *WordRecord, v *T) { atomic.StorePointer(&w.slots[s.i], unsafe.Pointer(v)) }

// words interns the words of the segments.
var words = wordTable{max: maxWords}

// Record returns the record of t's folded form, shared with every token of
// the same form, or nil: t is no Word, was not made by NewSegmentIn, or
// came after the records ran out.
func (t *Token) Record() *WordRecord { return t.record }
