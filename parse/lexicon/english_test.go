package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEnglishForms(t *testing.T) {
	tests := []struct {
		name, pos, form string
		want            []string
	}{
		{"regular verb", "verb", "attack", []string{"attack", "attacks", "attacked", "attacking"}},
		{"final e", "verb", "strike/struck", []string{"strike", "strikes", "struck", "striking"}},
		{"consonant y", "verb", "deny", []string{"deny", "denies", "denied", "denying"}},
		{"sibilant", "verb", "clash", []string{"clash", "clashes", "clashed", "clashing"}},
		{"irregular participle", "verb", "withdraw/withdrew/withdrawn", []string{"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"}},
		{"doubled consonant", "verb", "repel/repelled/repelled/repelling", []string{"repel", "repels", "repelled", "repelling"}},
		{"phrasal verb", "verb", "shoot down/shot down", []string{"shoot down", "shoots down", "shot down", "shooting down"}},
		{"noun", "noun", "strike", []string{"strike", "strikes"}},
		{"noun phrase inflects its last word", "noun", "air strike", []string{"air strike", "air strikes"}},
		{"irregular plural", "noun", "gunman/gunmen", []string{"gunman", "gunmen"}},
		{"exact", "exact", "claimed responsibility", []string{"claimed responsibility"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, generate("en", tt.pos, tt.form))
		})
	}
}

func TestEnglishMatch(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"possessive alias", "Iraq's foreign ministry", []string{"Iraq's foreign ministry=actor:Iraqi Ministry of Foreign Affairs"}},
		{"abbreviation alias", "U.S. Central Command", []string{"U.S. Central Command=actor:United States Central Command"}},
		{"one entity, English aliases", "Yemen's Houthis", []string{"Yemen's Houthis=actor:Houthis"}},
		{"inflected trigger", "targeted", []string{"targeted=trigger:strike/airstrike"}},
		{"place alias", "Erbil air base", []string{"Erbil air base=place:Erbil International Airport"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe(l, tt.text, "en"))
		})
	}
}
