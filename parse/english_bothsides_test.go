package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// bothSidesRef is bothSides as it was first written: the reference the
// ASCII search must agree with.
func bothSidesRef(np string) bool {
	w := strings.ToLower(np)
	for _, p := range []string{"two countries", "two sides", "both sides", "both countries", "two governments", "both governments", "the allies"} {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

func TestBothSides(t *testing.T) {
	s := &sent{}
	for _, tc := range []struct {
		np   string
		want bool
	}{
		{"", false},
		{"the two countries", true},
		{"The Two Countries", true},
		{"BOTH SIDES", true},
		{"both governments", true},
		{"the allies", true},
		{"the allie", false},
		{"two  sides", false},
		{"network sides", false},
		{"antwo sides", true}, // a substring, as the reference reads it
		{"both sidesteps", true},
		{"the two", false},
		{"the allİes", true}, // İ lower-cases to i
		{"the allıes", false},
		{"both sıdes and the two countrıes", false},
		{"Kurdish forces", false},
		{"tt bb TT BB", false},
		{"\xff both sides", true},
		{"both si\xffdes", false},
		{"both sides é", true}, // found before the first other byte
		{"é both sides", true},
		{"two sİdes", true},
		{"Two Sİde", false},
	} {
		t.Run(tc.np, func(t *testing.T) {
			assert.Equal(t, tc.want, s.bothSides(tc.np))
			assert.Equal(t, bothSidesRef(tc.np), s.bothSides(tc.np))
		})
	}
}

// FuzzBothSides holds bothSides to its reference on any text.
func FuzzBothSides(f *testing.F) {
	for _, seed := range []string{"", "the two countries", "BOTH SIDES", "the allİes", "antwo sides", "\xffboth sides", "Two Governments met"} {
		f.Add(seed)
	}
	s := &sent{}
	f.Fuzz(func(t *testing.T, np string) {
		if got, want := s.bothSides(np), bothSidesRef(np); got != want {
			t.Fatalf("bothSides(%q) = %v, want %v", np, got, want)
		}
	})
}
