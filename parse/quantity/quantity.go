// Package quantity finds counts in Arabic and English news sentences: the
// number, its hedge (qualifier), what it counts (unit) and whether it counts
// people killed or wounded (role). It implements the "Counts" section of
// EVENTS.md and the count and casualty rules of "Claims, roles, counts and
// places".
//
// # What is a count
//
// Digits in either script, with separators and scale words (150, ٢٥٠٠,
// 2,500, 2.5 million, 1.5 مليون); Arabic number words with gender, case,
// dual and the proclitics و ف ب ل (ثلاثة، اثنتين، مئة وخمسون، ألفي، وثلاثة);
// English number words (three, twenty-five, a hundred, two dozen); vague
// quantities (dozens/عشرات 12, hundreds/مئات 100, thousands/آلاف 1000, all
// at_least; عشرات الآلاف and tens of thousands 10000, مئات الآلاف and hundreds
// of thousands 100000; scores of 20); an Arabic dual noun standing alone
// (جنديين = 2 soldiers); and stated zeros ("no casualties", من دون وقوع
// إصابات), which are counts of 0.
//
// Words that give no number — several, a few, many, عدة، بضعة — are not
// counts (EVENTS.md lists only dozens, hundreds and thousands as vague).
// A stated zero is a Count of Value 0, exact, unit person, with role
// Casualties ("no casualties", لم تسفر عن إصابات، دون وقوع ضحايا), Killed
// ("no one was killed", لم يقتل أحد) or Wounded ("no injuries", لم يصب أحد).
//
// Not counts: a bare "one"/واحد/"a single"; years and dates (the skip
// callback, plus a year 1900–2100 after عام/in or with no hedge and no
// noun, and numbers beside a month name); ages; names with numbers (Tower 22,
// القرار 2334, M4, F-16); percentages; times of day (10:30, الساعة 10);
// durations (ثلاثة أيام, 48 hours); measures (20 km) and money ($5 million);
// a decimal without a scale word (2.5); anything above MaxValue.
//
// # Hedges, units and roles
//
// A hedge before the number (نحو، أكثر من، ما لا يقل عن، about, more than, up
// to …) or after the noun (على الأقل، تقريباً، at least, or more) sets
// Qualifier; with none a count is exact, a vague one at_least. A range (20 to
// 30, two or three, بين 20 و30) is its lower end, at_least.
//
// The counted noun follows the number (in Arabic it may follow من, in
// English "of" and modifiers: 2,500 U.S. troops, 150 rocket and drone
// attacks → attack) and is mapped to a singular English noun by
// data/units.tsv. An unknown noun gives Unit "" (ثلاثة عوامل رئيسية → 3,
// exact, no unit): a unit is never made up.
//
// Role is Killed, Wounded or Casualties (both) when the noun says so
// (قتلى، جرحى، casualties) or a cue word stands next to the count (قتل ثلاثة
// جنود، three soldiers were killed, killing two civilians, 34 wounded). Only
// counts of people, or counts without a noun, take a role. Killed or wounded
// fighters, civilians, protesters, women and children are counted in unit
// person; soldiers stay soldier (EVENTS.md; column casualty_unit of
// data/units.tsv). A casualty count with no noun borrows the noun of an
// earlier count of people in the clause ("three soldiers were killed and 34
// wounded" → 34 soldier), else it is person.
//
// # Invariants
//
// Counts come in text order and do not overlap; Text is always
// seg.Slice(First, Last) and [Start, End) are the article offsets of that
// range; 0 ≤ Value ≤ MaxValue. Tokens are the unit of Text, so an attached
// proclitic stays in it (وثلاثة جنود). Find never panics and keeps no state
// between calls; all language knowledge is in data/*.tsv, read once.
//
// # Example
//
//	seg := textnorm.NewSegment("ونفذت الجماعات أكثر من 150 هجوماً صاروخياً", 0)
//	for _, c := range quantity.Find(&seg, "ar", nil) {
//		fmt.Println(c.Value, c.Qualifier, c.Unit, c.Text)
//	}
//	// Output: 150 more_than attack أكثر من 150 هجوماً
package quantity

import (
	"cmp"
	"math"
	"slices"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// Role says whether a count is of people killed, wounded, or both.
type Role uint8

// Roles.
const (
	None       Role = iota // not a casualty count
	Killed                 // people killed (fatalities)
	Wounded                // people wounded (injuries)
	Casualties             // killed and wounded together ("no casualties", قتلى وجرحى)
)

// String returns the role's name: "", "killed", "wounded" or "casualties".
func (r Role) String() string {
	switch r {
	case Killed:
		return "killed"
	case Wounded:
		return "wounded"
	case Casualties:
		return "casualties"
	}
	return ""
}

// Count is a number found in a segment, with what it counts.
type Count struct {
	// Text is the count as written, hedge and noun included:
	// seg.Slice(First, Last) ("أكثر من 150 هجوماً", "more than 150 attacks").
	Text string
	// First and Last are the token range [First, Last) in seg.Tokens, covering
	// the hedge, the number and the counted noun.
	First, Last int
	// Start and End are the article code-point offsets of that range.
	Start, End int
	// Value is the number (0 for a stated zero), at most MaxValue.
	Value int
	// Qualifier is how the number is hedged: exact unless a hedge says
	// otherwise; at_least for a vague or range count without a hedge.
	Qualifier events.Qualifier
	// Unit is what is counted, a singular English noun (attack, strike,
	// soldier, drone, rocket, missile, person, protester …), or "" when the
	// text names no counted noun the unit table knows.
	Unit string
	// UnitFirst and UnitLast are the token range of the counted noun, or
	// -1, -1 when the unit is not written next to the number (inherited,
	// implied by a casualty cue, or a stated zero).
	UnitFirst, UnitLast int
	// Role says whether the count is of people killed or wounded.
	Role Role
	// Vague is true for عشرات، مئات، آلاف، dozens, hundreds, thousands ….
	Vague bool
}

// found is a Count with what the finder knows about its noun.
type found struct {
	Count
	class        string // units.tsv class of the noun, "" without one
	casualtyUnit string
	zero         bool
	others       bool // followed by "others"/آخرون
}

// Find returns the counts of seg in order. skip(i) reports token indices
// that belong to a time expression (found by another package) and must not
// be read as numbers; it may be nil. lang is "ar" or "en"; any other value
// is decided by the script of the segment's words.
func Find(seg *textnorm.Segment, lang string, skip func(tok int) bool) []Count {
	c := find(seg, lang, skip)
	if c == nil {
		return nil
	}
	defer c.release()
	out := make([]Count, len(c.counts))
	for k := range c.counts {
		out[k] = c.count(k)
	}
	return out
}

// FindEach calls f with each count that Find returns, in order, without
// making a slice of them: for a caller that keeps them in a slice of its
// own.
func FindEach(seg *textnorm.Segment, lang string, skip func(tok int) bool, f func(Count)) {
	c := find(seg, lang, skip)
	if c == nil {
		return
	}
	defer c.release()
	for k := range c.counts {
		f(c.count(k))
	}
}

// count returns the k-th count found, with its text and offsets.
func (c *scan) count(k int) Count {
	o := c.counts[k].Count
	o.Text = c.seg.Slice(o.First, o.Last)
	o.Start, o.End = c.toks[o.First].Start, c.toks[o.Last-1].End
	return o
}

// find finds the counts of Find and returns the scan that holds them, with
// their roles, or nil when there are none; release gives it back.
func find(seg *textnorm.Segment, lang string, skip func(tok int) bool) *scan {
	if seg == nil || len(seg.Tokens) == 0 {
		return nil
	}
	lx, err := loadLexicon()
	if err != nil {
		return nil
	}
	if lang != "ar" && lang != "en" {
		lang = guessLang(seg.Tokens)
	}
	ll := lx.en
	if lang == "ar" {
		ll = lx.ar
	}
	c := newScan(seg, lang, ll, skip)
	if len(c.starts) == 0 {
		c.release()
		return nil // no digits, number word, dual noun or zero phrase
	}
	c.findZeros()
	// countAt finds nothing where no count may start (mayStartCount), so
	// only c.starts are tried; pos is where the scan goes on
	pos := 0
	for _, i32 := range c.starts {
		i := int(i32)
		if i < pos || c.used[i] || !c.mayStartCount(i) {
			continue
		}
		f, next, ok := c.countAt(i)
		if ok {
			c.counts = append(c.counts, f)
			for k := f.First; k < f.Last; k++ {
				c.used[k] = true
			}
		}
		pos = max(next, i+1)
	}
	if c.zeros > 0 {
		// the zeros came first; the counts after them are in order
		slices.SortStableFunc(c.counts, func(a, b found) int { return cmp.Compare(a.First, b.First) })
	}
	if len(c.counts) == 0 {
		c.release()
		return nil
	}
	c.assignRoles()
	return c
}

// guessLang returns "ar" when the segment has more Arabic words than Latin
// ones, else "en".
func guessLang(toks []textnorm.Token) string {
	ar, en := 0, 0
	for _, t := range toks {
		if t.Kind != textnorm.Word {
			continue
		}
		if isArabicWord(t.Norm) {
			ar++
		} else {
			en++
		}
	}
	if ar > en {
		return "ar"
	}
	return "en"
}

// mayStartCount reports whether a count may begin at token i: digits, or a
// word that may (tokInfo.mayStart). countAt finds nothing elsewhere.
func (c *scan) mayStartCount(i int) bool {
	return c.toks[i].Kind == textnorm.Number || c.infos[i].mayStart
}

// findZeros records the stated zeros (no casualties, لم تسفر عن إصابات).
func (c *scan) findZeros() {
	zeros := c.lx.zeros
	pos := 0 // tokens before pos are in a zero
	for _, i32 := range c.starts {
		i := int(i32)
		if i < pos || c.infos[i].starts&zeros.bit == 0 {
			continue // matchAt's own test, without the call (a generic function is not inlined)
		}
		end, role, ok := matchFrom(c, zeros, i)
		if !ok {
			continue
		}
		c.counts = append(c.counts, found{
			Count: Count{First: i, Last: end, Value: 0, Qualifier: events.Exact, Unit: "person",
				UnitFirst: -1, UnitLast: -1, Role: role},
			class: "person", zero: true,
		})
		c.zeros++
		for k := i; k < end; k++ {
			c.used[k] = true
		}
		pos = end
	}
}

// floorBefore returns the first token a hedge or a range word before token
// i may use: not inside an earlier count, and at most lookBack tokens back
// (a hedge is a few words), so that the scan stays linear.
func (c *scan) floorBefore(i int) int {
	const lookBack = 8
	k := i
	for k > 0 && k > i-lookBack && !c.used[k-1] {
		k--
	}
	return k
}

// countAt reads the count that starts at token i. next is where scanning
// goes on (past a number that was read but is not a count).
func (c *scan) countAt(i int) (f found, next int, ok bool) {
	np, isNum := c.number(i)
	var u unitMatch
	hasUnit := false
	switch {
	case isNum:
		next = np.last
		if np.decimal || c.notCount(np) {
			return f, next, false
		}
	default:
		// an Arabic dual noun alone: جنديين = 2 soldiers
		if dm, ok := c.dualAt(i); ok {
			np = numPhrase{first: i, last: dm.last, num: i, value: 2, words: true}
			u, hasUnit = dm, true
			next = dm.last
			break
		}
		// the definite number after its noun: الجنود الثلاثة
		if p, um, ok := c.definiteAfterNoun(i); ok {
			np, u, hasUnit = p, um, true
			next = p.last
			break
		}
		return f, i + 1, false
	}

	first, last := np.first, np.last
	value := np.value
	qual := events.Exact
	qualSet := false
	floor := c.floorBefore(np.first)
	isRange := false

	// a range: 20 to 30, two or three, بين 20 و30
	if !hasUnit {
		if np2, between, ok := c.rangeAfter(np, floor); ok {
			last = np2.last
			next = np2.last
			np.vague = np.vague || np2.vague
			qual, qualSet, isRange = events.AtLeast, true, true
			if between >= 0 {
				first = between
				if c.notBefore(between-1, np) {
					return f, next, false // aged between 18 and 25
				}
			}
			np.last = np2.last
		}
	}

	// a hedge before
	if first-1 >= floor {
		if s, q, ok := matchEndingAt(c, c.lx.qualBefore, first-1); ok && s >= floor && !c.anyUsed(s, first) {
			first, qual, qualSet = s, q, true
		}
	}

	// the counted noun
	if !hasUnit {
		u, hasUnit = c.unitAfter(np.last)
	}
	if hasUnit && u.first >= np.last {
		last = u.last
	}

	// a hedge after (على الأقل، at least, or more)
	if !qualSet {
		if end, q, ok := c.qualifierAfter(last); ok {
			last, qual, qualSet = end, q, true
		}
	}

	if !qualSet && np.vague {
		qual = events.AtLeast
	}
	// "one", واحد, "a single": not counts (EVENTS.md); a dual noun is 2,
	// "one or two" a range.
	if np.words && value == 1 && !np.vague && !isRange {
		return f, next, false
	}
	if value > int64(math.MaxInt) {
		return f, next, false // only on 32-bit platforms: MaxValue does not fit an int
	}
	// a bare year: 1900–2100 in four digits, with no hedge and no noun
	if !qualSet && !hasUnit && c.isYearValue(np) {
		return f, next, false
	}
	// a name: a capitalised English word before bare digits (Boeing 737,
	// Camp 7), not at the start of the sentence
	if c.lang == "en" && !qualSet && !hasUnit && c.toks[np.num].Kind == textnorm.Number && np.first == np.num &&
		np.first > 1 && c.isLatinWord(np.first-1) && c.capitalised(np.first-1) {
		return f, next, false
	}
	f = found{Count: Count{First: first, Last: last, Value: int(value), Qualifier: qual,
		UnitFirst: -1, UnitLast: -1, Vague: np.vague}}
	if hasUnit {
		f.Unit, f.UnitFirst, f.UnitLast = u.info.unit, u.first, u.last
		f.Role, f.class, f.casualtyUnit = u.info.role, u.info.class, u.info.casualtyUnit
	} else if c.isWord(last, clsOthers) {
		f.others = true
	}
	if last > next {
		next = last
	}
	return f, next, true
}

// anyUsed reports whether a token in [a, b) is already in a count.
func (c *scan) anyUsed(a, b int) bool {
	for k := a; k < b; k++ {
		if k >= 0 && k < len(c.used) && c.used[k] {
			return true
		}
	}
	return false
}

// qualifierAfter finds a hedge after the count ending at token j (in
// Arabic one adjective may stand between: ثلاثة جنود أميركيين على الأقل).
func (c *scan) qualifierAfter(j int) (int, events.Qualifier, bool) {
	if end, q, ok := matchAt(c, c.lx.qualAfter, j); ok {
		return end, q, true
	}
	if c.lang == "ar" && j < len(c.toks) && c.toks[j].Kind == textnorm.Word && !c.used[j] {
		if _, isNum := c.numberWord(j); !isNum {
			if end, q, ok := matchAt(c, c.lx.qualAfter, j+1); ok {
				return end, q, true
			}
		}
	}
	var q events.Qualifier
	return 0, q, false
}

// rangeAfter reads the upper end of a range that starts with np: "20 to
// 30", "20-30", "two or three", "between 20 and 30", "بين 20 و30". between
// is the index of between/بين, or -1.
func (c *scan) rangeAfter(np numPhrase, floor int) (numPhrase, int, bool) {
	j := np.last
	if j+1 >= len(c.toks) || c.skipped(j) {
		return numPhrase{}, -1, false
	}
	between := -1
	if b := np.first - 1; b >= floor && c.isWord(b, clsBetween) {
		between = b
		if b-1 >= floor && c.norm(b-1) == "ما" {
			between = b - 1
		}
	}
	w := c.norm(j)
	isRange := c.isWord(j, clsRange)
	if w == "و" || w == "and" {
		isRange = between >= 0 // only "between 20 and 30"
	}
	if !isRange {
		return numPhrase{}, -1, false
	}
	if w == "-" || w == "–" {
		// 20-30 is a range; F-16 and 25-year-old are caught elsewhere
		if c.toks[np.num].Kind != textnorm.Number {
			return numPhrase{}, -1, false
		}
	}
	// "from 20 to 30" is a change, not a range
	if b := np.first - 1; b >= 0 && (c.norm(b) == "from" || c.norm(b) == "من" && w != "و") {
		return numPhrase{}, -1, false
	}
	np2, ok := c.number(j + 1)
	if !ok || np2.decimal || np2.value <= np.value || c.notCount(np2) {
		return numPhrase{}, -1, false
	}
	return np2, between, true
}

func containsSeparator(s string) bool {
	for _, r := range s {
		if r == ',' || r == '٬' || r == '.' || r == '٫' {
			return true
		}
	}
	return false
}

// isYearValue reports a number that may be a year: four digits without
// separators, 1900–2100. With no hedge and no noun it is a year ("since
// 2014"); after عام/in it is one too.
func (c *scan) isYearValue(np numPhrase) bool {
	if np.last-np.num != 1 || c.toks[np.num].Kind != textnorm.Number {
		return false
	}
	t := c.toks[np.num]
	return len(t.Norm) == 4 && !containsSeparator(t.Text) && np.value >= 1900 && np.value <= 2100
}

// partOfName reports digits glued to Latin letters before them (M4, G20)
// or through a hyphen, slash or plus (F-16, MQ-9, P5+1): a name, not a
// count.
func (c *scan) partOfName(i int) bool {
	for k := 0; k < 3 && i > 0; k++ { // P5+1: look through a few glued pieces
		if c.glued(i-1) && c.isLatinWord(i-1) {
			return true
		}
		sep := c.norm(i - 1)
		if !c.glued(i-1) || (sep != "-" && sep != "/" && sep != "+") || !c.glued(i-2) {
			return false
		}
		if c.isLatinWord(i - 2) {
			return true
		}
		if i-2 < 0 || c.toks[i-2].Kind != textnorm.Number {
			return false
		}
		i -= 2
	}
	return false
}

// hyphenated reports a number joined by a hyphen to what follows: a score
// (3-2, the second not larger), or a compound adjective (two-state,
// five-member). A range (20-30) is read before this check.
func (c *scan) hyphenated(np numPhrase) bool {
	e := np.last
	if !c.glued(e-1) || c.norm(e) != "-" || !c.glued(e) || e+1 >= len(c.toks) {
		return false
	}
	next := c.toks[e+1]
	switch next.Kind {
	case textnorm.Word:
		_, isNum := c.numberWord(e + 1)
		return !isNum
	case textnorm.Number:
		v, _, ok := parseDigits(next.Norm, 1)
		return ok && v <= np.value
	}
	return false
}

// afterScore reports the second number of a score (3-2): digits glued by a
// hyphen to larger or equal digits before them. In a range (20-30) the
// second is larger.
func (c *scan) afterScore(np numPhrase) bool {
	i := np.num
	if !c.glued(i-1) || c.norm(i-1) != "-" || !c.glued(i-2) || c.toks[i-2].Kind != textnorm.Number {
		return false
	}
	v, _, ok := parseDigits(c.toks[i-2].Norm, 1)
	return ok && v >= np.value
}

// notBefore reports a phrase ending at token j that makes np no count
// (aged, القرار, Tower, عام before a year …).
func (c *scan) notBefore(j int, np numPhrase) bool {
	s, info, ok := matchEndingAt(c, c.lx.notBefore, j)
	if !ok {
		return false
	}
	switch {
	case info.reason == "year":
		return c.isYearValue(np)
	case info.reason == "date" && c.lang == "en":
		return c.capitalised(s)
	}
	return true
}

// notCount reports a number that is not a count because of what stands
// around it: a name (M4, F-16, Tower 22), a time (10:30), a date, an age, a
// percentage, a duration, a measure or money.
func (c *scan) notCount(np numPhrase) bool {
	i, e := np.num, np.last
	for k := np.first; k < e; k++ {
		if c.skipped(k) {
			return true
		}
	}
	if c.toks[i].Kind == textnorm.Number {
		if c.partOfName(i) {
			return true
		}
		// 10:30, 25/01/2024, 1.5/2: digits glued by ':' or '/'
		if c.glued(i-1) && (c.norm(i-1) == ":" || c.norm(i-1) == "/") && i-2 >= 0 && c.glued(i-2) && c.toks[i-2].Kind == textnorm.Number {
			return true
		}
		if c.glued(i) && (c.norm(i+1) == ":" || c.norm(i+1) == "/") && c.glued(i+1) && i+2 < len(c.toks) && c.toks[i+2].Kind == textnorm.Number {
			return true
		}
	}
	if last := e - 1; c.toks[last].Kind == textnorm.Number && c.glued(last) && c.isLatinWord(last+1) {
		return true // 1st, 155mm, 4x4
	}
	if c.notBefore(np.first-1, np) || c.hyphenated(np) || c.afterScore(np) {
		return true
	}
	if _, info, ok := matchAt(c, c.lx.notAfter, e); ok {
		if !(info.reason == "date" && c.lang == "en" && !c.capitalised(e)) {
			return true
		}
	}
	return false
}
