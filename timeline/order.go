package timeline

import (
	"slices"
	"strings"

	"github.com/eventline/eventline/events"
)

// A chunk is sorted through refs, not by moving its items: an item is about
// a hundred bytes, and comparing two of them compares up to five strings.
// A ref packs an item's place in timeline order into two words where it
// can, so that most comparisons are of integers:
//
//	hi: date (YYYYMMDD) << 32 | date_end (YYYYMMDD)  — "" is noDate, after every date
//	lo: rank of doc_id among the chunk's doc_ids << 40 | sentence_index << 20 | event number + 1
//
// Two refs whose words differ are in the order of their words, which is
// timeline order by construction; refs with equal words, and any item
// whose key does not fit (a date that is not YYYY-MM-DD, a sentence index
// or event number past 2^20 − 1, more than 2^24 doc_ids), compare by the
// full key with less. So the order is exactly less's.
type ref struct {
	hi, lo uint64
	i      int32
	packed bool
}

const (
	noDate     = 1<<32 - 1 // an empty date: after every date, as in events.CompareKeys
	fieldBits  = 20        // sentence index and event number
	fieldLimit = 1<<fieldBits - 1
	rankLimit  = 1<<24 - 1
)

// dateCode packs an ISO date YYYY-MM-DD into the number YYYYMMDD, whose order
// is the text's, and "" into noDate; ok is false for any other text.
func dateCode(s string) (code uint64, ok bool) {
	if s == "" {
		return noDate, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		code = code*10 + uint64(c-'0')
	}
	return code, true
}

// sortedOrder returns the indexes of items in timeline order (less's).
func sortedOrder(items []item) []int32 {
	refs := make([]ref, len(items))
	ranks := docRanks(items)
	for i := range items {
		refs[i] = packRef(&items[i], ranks)
		refs[i].i = int32(i)
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.packed && b.packed {
			switch {
			case a.hi < b.hi:
				return -1
			case a.hi > b.hi:
				return 1
			case a.lo < b.lo:
				return -1
			case a.lo > b.lo:
				return 1
			}
		}
		return less(&items[a.i], &items[b.i])
	})
	order := make([]int32, len(refs))
	for k := range refs {
		order[k] = refs[k].i
	}
	return order
}

// packRef packs an item's key, or leaves the ref unpacked when it does not fit.
func packRef(it *item, ranks map[string]uint64) ref {
	date, ok1 := dateCode(it.key.Date)
	end, ok2 := dateCode(it.key.DateEnd)
	rank, ok3 := ranks[it.key.DocID]
	sentence := it.key.SentenceIndex
	seq := events.EventNumber(it.key.ID) + 1 // 0 for an id without an event number
	if !ok1 || !ok2 || !ok3 || sentence < 0 || sentence > fieldLimit || seq < 0 || seq > fieldLimit {
		return ref{}
	}
	return ref{
		hi:     date<<32 | end,
		lo:     rank<<(2*fieldBits) | uint64(sentence)<<fieldBits | uint64(seq),
		packed: true,
	}
}

// docRanks numbers the chunk's distinct doc_ids in their order; nil when
// there are too many to pack. An article's events come one after another,
// so a doc_id is mostly the one just seen.
func docRanks(items []item) map[string]uint64 {
	var ids []string
	seen := map[string]bool{}
	for i := range items {
		id := items[i].key.DocID
		if i > 0 && id == items[i-1].key.DocID {
			continue
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) > rankLimit {
		return nil
	}
	slices.SortFunc(ids, strings.Compare)
	ranks := make(map[string]uint64, len(ids))
	for k, id := range ids {
		ranks[id] = uint64(k)
	}
	return ranks
}
