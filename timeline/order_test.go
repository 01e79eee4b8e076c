package timeline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
)

func TestDateCode(t *testing.T) {
	tests := []struct {
		in   string
		code uint64
		ok   bool
	}{
		{"2024-01-25", 20240125, true},
		{"0001-01-01", 10101, true},
		{"9999-12-31", 99991231, true},
		{"", noDate, true},
		{"2024-01", 0, false},
		{"2024-01-2x", 0, false},
		{"2024/01/25", 0, false},
		{"2024-01-250", 0, false},
		{"٢٠٢٤-01-25", 0, false},
	}
	for _, tt := range tests {
		code, ok := dateCode(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if tt.ok {
			assert.Equal(t, tt.code, code, tt.in)
		}
	}
}

// chunkItems makes n items with keys as a corpus gives them: articles one
// after another, their events on a few dates, with odd keys mixed in when
// odd is set (dates that are not ISO days, empty dates, ids without an event
// number, indexes past what a ref packs, repeated articles).
func chunkItems(n int, seed uint64, odd bool) []item {
	rng := rand.New(rand.NewPCG(seed, 3))
	items := make([]item, 0, n)
	for len(items) < n {
		doc := fmt.Sprintf("bench-%07d", rng.IntN(n/4+1))
		sentences := 1 + rng.IntN(20)
		for s := 0; s < sentences && len(items) < n; s++ {
			date := fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(15), 1+rng.IntN(12), 1+rng.IntN(28))
			end := date
			if rng.IntN(4) == 0 {
				end = date[:8] + "28"
			}
			sentence, num := s, rng.IntN(3)
			id := events.MakeID(doc, sentence, num)
			if odd {
				switch rng.IntN(12) {
				case 0:
					date, end = "", ""
				case 1:
					date = date[:7]
				case 2:
					id = doc + "-x"
				case 3:
					sentence = fieldLimit + 1 + rng.IntN(3)
				case 4:
					id = events.MakeID(doc, sentence, fieldLimit+rng.IntN(3))
				case 5:
					end = ""
				}
			}
			key := events.OrderKey{Date: date, DateEnd: end, DocID: doc, SentenceIndex: sentence, ID: id}
			items = append(items, item{seq: int64(len(items)), key: key})
		}
	}
	return items
}

// TestSortedOrderIsLess: the packed refs order a chunk exactly as less does.
func TestSortedOrderIsLess(t *testing.T) {
	for _, tt := range []struct {
		name string
		n    int
		odd  bool
	}{
		{"empty", 0, false},
		{"one", 1, false},
		{"corpus-like", 5000, false},
		{"odd keys", 5000, true},
		{"odd keys, small", 40, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(4) {
				items := chunkItems(tt.n, seed, tt.odd)
				want := slices.Clone(items)
				slices.SortFunc(want, func(a, b item) int { return less(&a, &b) })
				order := sortedOrder(items)
				got := make([]int64, len(order))
				for k, i := range order {
					got[k] = items[i].seq
				}
				wantSeq := make([]int64, len(want))
				for k := range want {
					wantSeq[k] = want[k].seq
				}
				assert.Equal(t, wantSeq, got, "seed %d", seed)
			}
		})
	}
}

// BenchmarkSortChunk sorts a chunk of the size the Sorter spills.
func BenchmarkSortChunk(b *testing.B) {
	items := chunkItems(DefaultChunkSize, 1, false)
	b.ReportAllocs()
	for b.Loop() {
		sortedOrder(items)
	}
}
