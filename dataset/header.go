package dataset

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
)

// header maps the columns of a CSV or Excel header row to fields.
type header struct {
	field []int // per column: index into events.Fields, -1 to ignore the column
}

// checkHeader reads a header row. cellAt gives the place of column i (0-based)
// and rowAt the place of the header row as a whole, for missing columns.
// Every missing, unknown, duplicate or misplaced column is one problem:
// first those of the columns present, in column order, then the missing
// ones in EVENTS.md order.
func checkHeader(names []string, cellAt func(i int) Place, rowAt Place) (header, []Problem) {
	h := header{field: make([]int, len(names))}
	seen := make([]bool, len(events.Fields))
	var known []int // columns holding a field for the first time, in file order
	for i, name := range names {
		h.field[i] = -1
		if f, ok := fieldIndex(name); ok && !seen[f] {
			seen[f] = true
			h.field[i] = f
			known = append(known, i)
		}
	}
	inOrder := longestIncreasing(known, h.field)
	var problems []Problem
	for i, name := range names {
		f := h.field[i]
		var err error
		switch _, isField := fieldIndex(name); {
		case !isField:
			err = fmt.Errorf("%w %s", ErrUnknownColumn, quoteName(name))
		case f < 0:
			err = fmt.Errorf("%w %q", ErrDuplicateColumn, name)
		case !inOrder[i]:
			where := "first"
			if f > 0 {
				where = fmt.Sprintf("%s, after %q", ordinal(f+1), events.Fields[f-1].Name)
			}
			err = fmt.Errorf("%w: %q comes %s", ErrColumnOrder, name, where)
		}
		if err != nil {
			problems = append(problems, Problem{Place: cellAt(i), Err: err})
		}
	}
	for f, ok := range seen {
		if !ok {
			problems = append(problems, Problem{Place: rowAt, Err: fmt.Errorf("%w %q", ErrMissingColumn, events.Fields[f].Name)})
		}
	}
	return h, problems
}

var fieldIndexes = func() map[string]int {
	m := make(map[string]int, len(events.Fields))
	for i, f := range events.Fields {
		m[f.Name] = i
	}
	return m
}()

func fieldIndex(name string) (int, bool) {
	i, ok := fieldIndexes[name]
	return i, ok
}

// quoteName quotes a column name for a message, marking invalid UTF-8.
func quoteName(s string) string {
	if !utf8.ValidString(s) {
		return fmt.Sprintf("%q (invalid UTF-8)", s)
	}
	return fmt.Sprintf("%q", s)
}

// longestIncreasing returns the columns (indexes into field) that form the
// longest run of cols whose fields ascend: the columns in order. The others
// are the fewest columns to move. Ties keep the earliest columns.
func longestIncreasing(cols []int, field []int) map[int]bool {
	// Patience sorting with predecessor links.
	var tails []int // tails[k]: position in cols of the smallest tail of a run of length k+1
	prev := make([]int, len(cols))
	for p, c := range cols {
		v := field[c]
		k := sort.Search(len(tails), func(k int) bool { return field[cols[tails[k]]] >= v })
		if k > 0 {
			prev[p] = tails[k-1]
		} else {
			prev[p] = -1
		}
		if k == len(tails) {
			tails = append(tails, p)
		} else {
			tails[k] = p
		}
	}
	in := make(map[int]bool, len(tails))
	if len(tails) == 0 {
		return in
	}
	for p := tails[len(tails)-1]; p >= 0; p = prev[p] {
		in[cols[p]] = true
	}
	return in
}

// ordinal writes 1st, 2nd, 3rd, 4th … 33rd.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
