package textnorm

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// ArabicStems returns the folded Arabic word w and the forms left when its
// proclitics come off, longest first and without duplicates: the
// conjunctions و and ف, the prepositions ب ل ك, the article ال, and their
// combinations (وبال، فال، للـ as in للتحالف → التحالف → تحالف). Every form
// keeps at least two letters. Lexicon look-ups try each form in turn.
//
// The forms are slices of w (or, for للـ, new strings). They are not
// cached: the callers compute what they make of a word once per word (in
// the word's WordRecord, or in a WordCache of their own), so a cache here
// would only hold every word a second time.
func ArabicStems(w string) []string {
	out := []string{w}
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 2 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	rest := []string{w}
	// conjunction
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(w, c) {
			rest = append(rest, strings.TrimPrefix(w, c))
		}
	}
	var withPrep []string
	for _, r := range rest {
		withPrep = append(withPrep, r)
		for _, p := range []string{"ب", "ك"} {
			if strings.HasPrefix(r, p) {
				withPrep = append(withPrep, strings.TrimPrefix(r, p))
			}
		}
		if strings.HasPrefix(r, "لل") {
			// لل = ل + ال with the alef dropped: للتحالف → التحالف
			withPrep = append(withPrep, "ال"+strings.TrimPrefix(r, "لل"))
		} else if strings.HasPrefix(r, "ل") {
			withPrep = append(withPrep, strings.TrimPrefix(r, "ل"))
		}
	}
	for _, r := range withPrep {
		add(r)
	}
	for _, r := range withPrep {
		if strings.HasPrefix(r, "ال") {
			add(strings.TrimPrefix(r, "ال"))
		}
	}
	return slices.Clip(out)
}

// arabicObjectSuffixes are the object and possessive pronouns that attach to
// verbs and nouns, longest first.
var arabicObjectSuffixes = []string{"كما", "هما", "كم", "هم", "هن", "نا", "ني", "ها", "ه", "ك"}

// ArabicSuffixStems returns w without an attached pronoun (استهدفتها →
// استهدفت, مسؤوليته → مسؤولي and مسؤوليت… the caller's lexicon decides which
// form exists), longest remainder first. The word itself is not included.
func ArabicSuffixStems(w string) []string {
	var out []string
	for _, s := range arabicObjectSuffixes {
		if strings.HasSuffix(w, s) && len([]rune(w))-len([]rune(s)) >= 3 {
			stem := strings.TrimSuffix(w, s)
			out = append(out, stem)
			// a feminine -t before the pronoun was ة (folded to ه): مسؤوليته → مسؤوليه
			if strings.HasSuffix(stem, "ت") {
				out = append(out, strings.TrimSuffix(stem, "ت")+"ه")
			}
		}
	}
	return out
}
