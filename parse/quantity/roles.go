package quantity

import "github.com/eventline/eventline/parse/textnorm"

// Cue windows: how many words before or after a count a casualty cue may
// stand.
const (
	cueBefore     = 4  // قتلت غارة إسرائيلية ثلاثة…
	cueAfterAr    = 2  // ثلاثة جنود أميركيين قتلى
	cueAfterEn    = 4  // three soldiers were later killed
	inheritWindow = 15 // how far back a count without noun looks for one
)

// assignRoles sets the casualty role of every count and, for a count of
// people killed or wounded, its unit (person unless soldier; a count with no
// noun borrows an earlier noun).
func (c *scan) assignRoles() {
	for k := range c.counts {
		f := &c.counts[k]
		if f.zero {
			continue
		}
		if f.Unit != "" && f.class != "person" {
			f.Role = None
			continue
		}
		lo, hi := 0, len(c.toks)
		if k > 0 {
			lo = c.counts[k-1].Last
		}
		if k+1 < len(c.counts) {
			hi = c.counts[k+1].First
		}
		if f.Role == None {
			f.Role = c.cueRole(f, lo, hi)
		} else if f.UnitLast > 0 {
			f.Role = c.joinedRole(f.Role, f.UnitLast, hi, +1) // عشرات القتلى والجرحى
		}
		if f.Unit == "" && (f.Role != None || f.others) {
			if u, cu, ok := c.inheritUnit(f.First); ok {
				f.Unit, f.casualtyUnit, f.class = u, cu, "person"
			} else if f.Role != None {
				f.Unit, f.class = "person", "person"
			}
		}
		if f.Role != None && f.casualtyUnit != "" {
			f.Unit = f.casualtyUnit
		}
	}
}

// cueRole looks for a casualty cue next to the count f, not past the counts
// around it ([lo, hi) is the gap between them). Arabic puts the verb first
// (قتل ثلاثة جنود), English after (three soldiers were killed), so each
// language looks on its usual side first.
func (c *scan) cueRole(f *found, lo, hi int) Role {
	if c.lang == "ar" {
		if r := c.cueBeforeRole(f.First, lo); r != None {
			return r
		}
		return c.cueAfterRole(f.Last, hi)
	}
	if r := c.cueAfterRole(f.Last, hi); r != None {
		return r
	}
	return c.cueBeforeRole(f.First, lo)
}

// cueAfterRole looks right after a count ending at token j.
func (c *scan) cueAfterRole(j, hi int) Role {
	limit := cueAfterEn
	if c.lang == "ar" {
		limit = cueAfterAr
	}
	for k := j; k < hi && k < j+limit; k++ {
		if c.toks[k].Kind != textnorm.Word {
			return None
		}
		if end, role, ok := matchAt(c, c.lx.rolesAfter, k); ok {
			return c.joinedRole(role, end, hi, +1)
		}
		if c.lang == "en" && !c.isWord(k, clsBridgeAfter) {
			return None
		}
	}
	return None
}

// cueBeforeRole looks right before a count starting at token j.
func (c *scan) cueBeforeRole(j, lo int) Role {
	for k := j - 1; k >= lo && k >= j-cueBefore; k-- {
		if c.toks[k].Kind != textnorm.Word {
			return None
		}
		if s, role, ok := matchEndingAt(c, c.lx.rolesBefore, k); ok && s >= lo {
			return c.joinedRole(role, s-1, lo, -1)
		}
		if c.lang == "en" && !c.isWord(k, clsBridgeBefore) {
			return None
		}
	}
	return None
}

// joinedRole turns a cue into Casualties when a cue of the other role is
// joined to it (قتل وجرح، killed or wounded). j is the token next to the cue
// in direction dir.
func (c *scan) joinedRole(r Role, j, bound, dir int) Role {
	other := func(k int) bool {
		if k < 0 || k >= len(c.toks) || (dir > 0 && k >= bound) || (dir < 0 && k < bound) {
			return false
		}
		var role Role
		var ok bool
		if dir > 0 {
			_, role, ok = matchAt(c, c.lx.rolesAfter, k)
		} else {
			_, role, ok = matchEndingAt(c, c.lx.rolesBefore, k)
		}
		return ok && role != r
	}
	if dir > 0 {
		// "killed and wounded", قتلى وجرحى (the و is on the next word)
		if (startsWithWaw(c.norm(j)) && other(j)) || (c.isWord(j, clsConj) && other(j+1)) {
			return Casualties
		}
		return r
	}
	// before the count: the cue found is the later one (at j+1); in قتل
	// وجرح the و is on it, in "killed or wounded" a conjunction precedes it.
	if (startsWithWaw(c.norm(j+1)) && other(j)) || (c.isWord(j, clsConj) && other(j-1)) {
		return Casualties
	}
	return r
}

// startsWithWaw reports an Arabic word with the conjunction و attached.
func startsWithWaw(w string) bool { return len(w) > len("و") && w[:len("و")] == "و" }

// inheritUnit finds the nearest counted noun of people before token i in the
// same clause ("three soldiers were killed and 34 wounded").
func (c *scan) inheritUnit(i int) (unit, casualtyUnit string, ok bool) {
	for k := i - 1; k >= 0 && k >= i-inheritWindow; k-- {
		if c.clauseEnd(k) {
			return "", "", false
		}
		if _, info, ok := matchEndingAt(c, c.lx.units, k); ok && info.class == "person" && info.role == None {
			return info.unit, info.casualtyUnit, true
		}
	}
	return "", "", false
}
