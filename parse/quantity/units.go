package quantity

import (
	"strings"

	"github.com/eventline/eventline/parse/textnorm"
)

// unitMatch is a counted noun: tokens [first, last) and its row of units.tsv
// (after modifiers: صاروخ بالستي → missile).
type unitMatch struct {
	first, last int
	info        unitInfo
}

// maxNounGap bounds how far after an English number its noun may be
// (2,500 U.S. troops; 150 rocket and drone attacks).
const maxNounGap = 8

// unitAfter finds the counted noun of a number that ends at token j.
func (c *scan) unitAfter(j int) (unitMatch, bool) {
	if c.lang == "ar" {
		return c.arUnitAfter(j)
	}
	return c.enUnitAfter(j)
}

// unitAt matches a counted noun starting at token j.
func (c *scan) unitAt(j int) (unitMatch, bool) {
	if j < 0 || j >= len(c.toks) || c.used[j] || c.skipped(j) || c.toks[j].Kind != textnorm.Word {
		return unitMatch{}, false
	}
	end, info, ok := matchAt(c, c.lx.units, j)
	if !ok {
		return unitMatch{}, false
	}
	return unitMatch{first: j, last: end, info: info}, true
}

// arUnitAfter: the noun follows the number, maybe after من (عشرات من
// الجنود); a modifier up to two words after it may change the unit
// (صواريخ بالستية → missile).
func (c *scan) arUnitAfter(j int) (unitMatch, bool) {
	u, ok := c.unitAt(j)
	if !ok && c.isWord(j, clsOf) {
		u, ok = c.unitAt(j + 1)
	}
	if !ok {
		return c.peopleNoun(j)
	}
	for k := u.last; k < u.last+3 && k < len(c.toks); k++ {
		if c.toks[k].Kind != textnorm.Word || c.used[k] {
			break
		}
		if end, m, ok := matchAt(c, c.lx.modifiers, k); ok && m.from == u.info.unit {
			u.info.unit = m.to
			if k <= u.last+1 {
				u.last = end
			}
			break
		}
	}
	return u, true
}

// peopleNoun reads an Arabic plural of a relative adjective that units.tsv
// does not list (فلسطينيين، عراقيين) as a count of people.
func (c *scan) peopleNoun(j int) (unitMatch, bool) {
	if j >= len(c.toks) || c.used[j] || c.skipped(j) || c.toks[j].Kind != textnorm.Word {
		return unitMatch{}, false
	}
	if !c.infos[j].people {
		return unitMatch{}, false
	}
	return unitMatch{first: j, last: j + 1, info: unitInfo{unit: "person", number: "pl", class: "person"}}, true
}

// enUnitAfter: the noun may follow "of (the)" and modifiers — capitalised
// words (U.S., Iraqi), words.tsv adjectives, hyphenated compounds
// (Iran-backed) and other nouns used attributively: in "150 rocket and drone
// attacks" the singular rocket and drone modify attacks, the head.
func (c *scan) enUnitAfter(j int) (unitMatch, bool) {
	k := j
	if c.isWord(k, clsOf) {
		k++
		if c.isWord(k, clsDet) {
			k++
		}
	}
	var head unitMatch
	found := false
	var mods []modInfo
	for limit := k + maxNounGap; k < len(c.toks) && k < limit; {
		t := c.toks[k]
		if c.used[k] || c.skipped(k) {
			break
		}
		if t.Kind == textnorm.Number && c.partOfName(k) {
			k++ // two F-16 jets
			continue
		}
		if t.Kind == textnorm.Number {
			break
		}
		if end, m, ok := matchAt(c, c.lx.modifiers, k); ok {
			mods = append(mods, m)
			k = end
			continue
		}
		if u, ok := c.unitAt(k); ok {
			head, found = u, true
			k = u.last
			if u.info.number != "sg" {
				break // a plural noun is the head
			}
			continue
		}
		switch {
		case t.Norm == "-" && c.glued(k-1) && c.glued(k):
			k++
			continue
		case t.Norm == "." && c.glued(k-1) && len([]rune(c.norm(k-1))) == 1 && c.isLatinWord(k-1):
			k++ // U.S.
			continue
		case found && (c.isWord(k, clsConj) || t.Norm == "," || t.Norm == "/"):
			k++ // rocket and drone attacks
			continue
		case !found && t.Kind == textnorm.Word && (c.capitalised(k) || c.isWord(k, clsAdjective)):
			k++
			continue
		}
		break
	}
	if !found {
		return head, false
	}
	for _, m := range mods {
		if m.from == head.info.unit {
			head.info.unit = m.to
		}
	}
	return head, true
}

// dualAt reads an Arabic dual noun standing alone (جنديين، صاروخين) as a
// count of 2.
func (c *scan) dualAt(i int) (unitMatch, bool) {
	if c.lang != "ar" {
		return unitMatch{}, false
	}
	u, ok := c.arUnitAfter(i)
	if !ok || u.first != i || u.info.number != "du" {
		return unitMatch{}, false
	}
	return u, true
}

// definiteAfterNoun reads a definite number word after a definite plural
// noun: الجنود الثلاثة (the three soldiers). The number comes second, so the
// count starts at the noun.
func (c *scan) definiteAfterNoun(i int) (numPhrase, unitMatch, bool) {
	if c.lang != "ar" || i < 1 || c.toks[i].Kind != textnorm.Word || c.skipped(i) {
		return numPhrase{}, unitMatch{}, false
	}
	// the number word without its article
	w, ok := c.infos[i].noAl.word()
	if !ok || (w.kind != kUnit && w.kind != kTen) || w.value < 2 {
		return numPhrase{}, unitMatch{}, false
	}
	s, info, ok := matchEndingAt(c, c.lx.units, i-1)
	if !ok || info.number != "pl" || c.anyUsed(s, i) || !c.infos[s].article {
		return numPhrase{}, unitMatch{}, false
	}
	np := numPhrase{first: s, last: i + 1, num: i, value: w.value, words: true}
	return np, unitMatch{first: s, last: i, info: info}, true
}

// hasArticle reports whether a folded Arabic word carries the article, maybe
// after a proclitic: الجنود، والجنود، للجنود.
func hasArticle(w string) bool {
	for _, p := range []string{"ال", "وال", "فال", "بال", "وبال", "كال", "لل", "ولل", "فلل"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
