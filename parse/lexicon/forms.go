package lexicon

import (
	"strings"

	"github.com/eventline/eventline/parse/textnorm"
)

// generate returns the folded forms of one written form for matching: the
// form itself, and for Arabic verbs and nouns its regular inflections (see
// the header of triggers.tsv). Phrases (with spaces) are never inflected.
func generate(lang, pos, form string) []string {
	f := textnorm.Fold(strings.TrimSpace(form))
	if f == "" {
		return nil
	}
	if lang == "en" {
		return englishForms(pos, f)
	}
	if lang != "ar" || strings.ContainsRune(f, ' ') || pos == "exactverb" {
		return []string{f}
	}
	switch pos {
	case "verb":
		return verbForms(f)
	case "noun":
		return nounForms(f)
	}
	return []string{f}
}

// verbForms inflects a folded 3rd person masculine singular verb: a present
// (يفعل) gets the other persons of the present, a past (فعل) the suffixes of
// the past.
func verbForms(v string) []string {
	out := []string{v}
	if strings.HasPrefix(v, "ي") && len([]rune(v)) >= 3 {
		r := strings.TrimPrefix(v, "ي")
		for _, p := range []string{"ت", "ن", "ا"} {
			out = append(out, p+r)
		}
		out = append(out, v+"ون", v+"ان", v+"وا", v+"ن", "ت"+r+"ان", "ت"+r+"ين", "ت"+r+"وا", "ت"+r+"ون")
		return out
	}
	for _, s := range []string{"ت", "ا", "تا", "وا", "ن", "نا", "تم", "تن"} {
		out = append(out, v+s)
	}
	return out
}

// nounForms inflects a folded noun: the accusative alef of tanwin, the dual,
// and for a final ة (folded ه) its construct form in ت before a pronoun; a
// final hamza gets its seats ئ and ؤ before a pronoun (لقائه).
func nounForms(n string) []string {
	out := []string{n}
	switch {
	case strings.HasSuffix(n, "ه"):
		s := strings.TrimSuffix(n, "ه")
		out = append(out, s+"ت", s+"تان", s+"تين", s+"تا")
	case strings.HasSuffix(n, "ات"):
		// a plural: no dual, no accusative alef
	default:
		out = append(out, n+"ا", n+"ان", n+"ين")
		if strings.HasSuffix(n, "ء") {
			s := strings.TrimSuffix(n, "ء")
			out = append(out, s+"ئ", s+"ؤ")
		}
	}
	return out
}

// demonymForms inflects a nisba adjective (أميركي): feminine, plurals, dual
// and accusative. Other forms (إسبان) are listed in the data as they are.
func demonymForms(d string) []string {
	f := textnorm.Fold(strings.TrimSpace(d))
	if f == "" {
		return nil
	}
	if !strings.HasSuffix(f, "ي") {
		return []string{f}
	}
	return []string{f, f + "ه", f + "ين", f + "ون", f + "ان", f + "ا", f + "تين", f + "تان"}
}
