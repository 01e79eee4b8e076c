package parse

import "slices"

// The English rules keep a few facts per trigger, clause or token of a
// sentence (passive triggers, infinitive clauses, pronoun subjects …).
// The indices are small and dense, so the facts live in slices indexed by
// them rather than in maps, and the slices are kept for the article's next
// sentence (enSent.reset).

// idxSet is a set of the small non-negative indices of one sentence
// (triggers, clauses or tokens). The zero value is an empty set.
type idxSet []bool

// has reports whether i is in the set; a negative index never is.
func (x idxSet) has(i int) bool { return i >= 0 && i < len(x) && x[i] }

// add puts i (non-negative) in the set.
func (x *idxSet) add(i int) {
	if i >= len(*x) {
		*x = grown(*x, i+1)
	}
	(*x)[i] = true
}

// reset empties the set, keeping its storage.
func (x *idxSet) reset() {
	clear(*x)
	*x = (*x)[:0]
}

// idxMap maps the small non-negative indices of one sentence to
// non-negative values (a trigger to a token, a clause to a time). The zero
// value is an empty map.
type idxMap []int32 // value+1; 0 is no value

// get returns the value of i and whether it has one.
func (x idxMap) get(i int) (int, bool) {
	if i < 0 || i >= len(x) || x[i] == 0 {
		return 0, false
	}
	return int(x[i]) - 1, true
}

// set gives i (non-negative) the value v (non-negative).
func (x *idxMap) set(i, v int) {
	if i >= len(*x) {
		*x = grown(*x, i+1)
	}
	(*x)[i] = int32(v) + 1
}

// del removes the value of i.
func (x idxMap) del(i int) {
	if i >= 0 && i < len(x) {
		x[i] = 0
	}
}

// reset empties the map, keeping its storage.
func (x *idxMap) reset() {
	clear(*x)
	*x = (*x)[:0]
}

// grown returns s extended with zero values to length n (n > len(s)).
func grown[T any](s []T, n int) []T {
	old := len(s)
	s = slices.Grow(s, n-old)[:n]
	clear(s[old:])
	return s
}
