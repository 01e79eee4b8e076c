package sentence

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSplitEnglishWire covers the abbreviations and quotations of English
// wire copy: a period in them ends no sentence.
func TestSplitEnglishWire(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"month before a day", "Washington and Baghdad agreed on Jan. 25 to begin talks. They met later.",
			[]string{"Washington and Baghdad agreed on Jan. 25 to begin talks.", "They met later."}},
		{"Sept. in a dateline", "AMMAN, Sept. 25 (Reuters) - A car bomb exploded. Eight died.",
			[]string{"AMMAN, Sept. 25 (Reuters) - A car bomb exploded.", "Eight died."}},
		{"general and colonel", "Gen. Michael Kurilla met Lt. Col. Eyal Dror. Both spoke.",
			[]string{"Gen. Michael Kurilla met Lt. Col. Eyal Dror.", "Both spoke."}},
		{"U.S. before a hyphen", "The U.S.-led coalition denied it. No one was hurt.",
			[]string{"The U.S.-led coalition denied it.", "No one was hurt."}},
		{"U.N. mid sentence", "The U.N. envoy called for a truce. Fighting went on.",
			[]string{"The U.N. envoy called for a truce.", "Fighting went on."}},
		{"No. before a number", "in line with Resolution No. 2254. The council met.",
			[]string{"in line with Resolution No. 2254.", "The council met."}},
		{"period inside a closing quote", `Hezbollah said it attacked a position, "inflicting confirmed casualties." The army replied.`,
			[]string{`Hezbollah said it attacked a position, "inflicting confirmed casualties."`, "The army replied."}},
		{"quotation with inner sentences", `He said: "We will respond. It will be severe." Then he left.`,
			[]string{`He said: "We will respond. It will be severe."`, "Then he left."}},
		{"initial in a name", "The USS Dwight D. Eisenhower sailed. It returned.",
			[]string{"The USS Dwight D. Eisenhower sailed.", "It returned."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, texts(Split(tt.in)))
		})
	}
}
