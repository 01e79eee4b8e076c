package lexicon

import "strings"

// englishForms returns the folded English forms of one written form of
// triggers.tsv or cues.tsv (see the header of triggers.tsv):
//
//   - verb: "attack" gives attack, attacks, attacked, attacking; the
//     irregular past, participle and gerund follow slashes, "strike/struck",
//     "withdraw/withdrew/withdrawn", "repel/repelled/repelled/repelling"; in
//     a phrase only the first word is inflected ("shoot down/shot down" gives
//     shoots down, shooting down …).
//   - noun: the singular and its plural ("strike" gives strikes, "air
//     strike" air strikes); an irregular plural follows a slash
//     ("personnel/personnel", "gunman/gunmen").
//   - exact: the form as written.
//
// f is already folded (lower case).
func englishForms(pos, f string) []string {
	parts := strings.Split(f, "/")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	base := parts[0]
	if base == "" {
		return nil
	}
	head, tail := base, ""
	if i := strings.IndexByte(base, ' '); i > 0 {
		head, tail = base[:i], base[i:]
	}
	firstWord := func(p string) string {
		if i := strings.IndexByte(p, ' '); i > 0 {
			return p[:i]
		}
		return p
	}
	var out []string
	add := func(w string) {
		if w == "" {
			return
		}
		s := w + tail
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	switch pos {
	case "verb":
		past, part := englishPast(head), ""
		if len(parts) > 1 && parts[1] != "" {
			past = firstWord(parts[1])
		}
		part = past
		if len(parts) > 2 && parts[2] != "" {
			part = firstWord(parts[2])
		}
		gerund := englishGerund(head)
		if len(parts) > 3 && parts[3] != "" {
			gerund = firstWord(parts[3])
		}
		add(head)
		add(englishPlural(head)) // third person singular: attacks, pushes, carries
		add(past)
		add(part)
		add(gerund)
	case "noun":
		// a noun phrase inflects its last word: air strike → air strikes
		lead, last := "", base
		if i := strings.LastIndexByte(base, ' '); i > 0 {
			lead, last = base[:i+1], base[i+1:]
		}
		out = append(out, base)
		plural := lead + englishPlural(last)
		if len(parts) > 1 && parts[1] != "" {
			plural = parts[1]
		}
		if plural != base {
			out = append(out, plural)
		}
	default:
		return []string{f}
	}
	return out
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// englishPlural adds -s, -es after a sibilant, -ies after a consonant + y.
func englishPlural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case w[n-1] == 'y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// englishPast adds -d after e, -ied after a consonant + y, else -ed; final
// consonants are not doubled (list "ban/banned" in the data).
func englishPast(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case w[n-1] == 'e':
		return w + "d"
	case w[n-1] == 'y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	}
	return w + "ed"
}

// englishGerund drops a silent final e (strike → striking, but see → seeing).
func englishGerund(w string) string {
	n := len(w)
	if n > 2 && w[n-1] == 'e' && w[n-2] != 'e' && w[n-2] != 'y' && w[n-2] != 'o' {
		return w[:n-1] + "ing"
	}
	return w + "ing"
}
