package textnorm

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTokenRecord checks that NewSegment gives the tokens of one folded
// word one record, and words only.
func TestTokenRecord(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		same      [][2]int // token pairs that share a record
		different [][2]int // token pairs with different records
		none      []int    // tokens without a record
	}{
		{"one word twice", "قصف قصف", [][2]int{{0, 1}}, nil, nil},
		{"the same folded form", "الجامعة الجامعه", [][2]int{{0, 1}}, nil, nil},
		{"diacritics folded", "هجوماً هجوما", [][2]int{{0, 1}}, nil, nil},
		{"latin case", "Iraq iraq", [][2]int{{0, 1}}, nil, nil},
		{"different words", "قصف غارة", nil, [][2]int{{0, 1}}, nil},
		{"numbers and marks", "قتل 25 ، .", nil, nil, []int{1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := NewSegment(tt.text, 0)
			for _, p := range tt.same {
				a, b := seg.Tokens[p[0]].Record(), seg.Tokens[p[1]].Record()
				require.NotNil(t, a)
				assert.Same(t, a, b)
			}
			for _, p := range tt.different {
				a, b := seg.Tokens[p[0]].Record(), seg.Tokens[p[1]].Record()
				require.NotNil(t, a)
				require.NotNil(t, b)
				assert.NotSame(t, a, b)
			}
			for _, i := range tt.none {
				assert.Nil(t, seg.Tokens[i].Record(), "token %d %q", i, seg.Tokens[i].Text)
			}
			for _, tok := range Tokenize(tt.text) {
				assert.Nil(t, tok.Record(), "Tokenize interns nothing")
			}
		})
	}
}

// TestSlot checks that a slot keeps one value per record, shared by all
// goroutines.
func TestSlot(t *testing.T) {
	s := NewSlot[string]()
	a, b := NewSegment("قصف", 0).Tokens[0].Record(), NewSegment("غارة", 0).Tokens[0].Record()
	assert.Nil(t, s.Load(a))
	v := "قصف"
	s.Store(a, &v)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			assert.Same(t, &v, s.Load(a))
			assert.Nil(t, s.Load(b))
		})
	}
	wg.Wait()
}

// TestWordCacheFull checks that full tells when a cache stores no more words.
func TestWordCacheFull(t *testing.T) {
	c := WordCache[int]{Max: 2}
	f := func(w string) int { return len(w) }
	assert.False(t, c.full())
	c.Get("a", f)
	assert.False(t, c.full())
	c.Get("bb", f)
	assert.True(t, c.full())
	assert.Equal(t, 3, c.Get("ccc", f), "a full cache still computes")
	assert.Equal(t, 1, c.Get("a", f), "and keeps what it holds")
	assert.Nil(t, c.dirty)
	assert.Len(t, *c.read.Load(), 2)
}
