package parse

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// isAdjectiveLike reports whether token i may sit between a preposition and
// the name it governs: a determiner, an ordinary word, a hyphen, a count.
func (s *sent) isAdjectiveLike(i int) bool {
	t := &s.toks[i]
	if t.ment >= 0 || t.trig >= 0 {
		return false
	}
	if s.seg.Tokens[i].Text == "-" || t.count >= 0 || t.unit >= 0 || s.seg.Tokens[i].Kind == textnorm.Number {
		return true
	}
	if t.cues.has(lexicon.CueDet) && !t.cues.any(1<<lexicon.CueComp|1<<lexicon.CuePron) || s.norm(i) == "the" {
		return true
	}
	return s.plainWord(i)
}

// prepBeforeEN sets the role preposition of a mention: the cue before it,
// past its determiner and adjectives (in the southern city of, on three
// U.S. bases, at northern Israel).
func (s *sent) prepBeforeEN(m *mention) {
	for j := m.first - 1; j >= 0 && j >= m.first-8; j-- {
		t := &s.toks[j]
		if s.isPunct(j) && isQuoteMark(s.seg.Tokens[j].Text) {
			continue
		}
		if t.count >= 0 {
			continue // About 350 U.S. troops: a hedge, no preposition
		}
		if t.ment < 0 && t.trig < 0 && t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueTo|1<<lexicon.CueAbout|1<<lexicon.CueAgent) {
			for _, k := range []lexicon.CueClass{lexicon.CueAgent, lexicon.CueLoc, lexicon.CueAgainst, lexicon.CueWith, lexicon.CueTo, lexicon.CueAbout} {
				if t.cues.has(k) {
					m.pp = k
					return
				}
			}
		}
		if !s.isAdjectiveLike(j) {
			return
		}
	}
}

// ofBefore reports whether "of" governs the mention (three members of the
// SDF, the head of U.S. Central Command): a genitive, no subject.
func (s *sent) ofBefore(m *mention) bool {
	for j := m.first - 1; j >= 0 && j >= m.first-4; j-- {
		if s.norm(j) == "of" {
			return true
		}
		if !s.isAdjectiveLike(j) {
			return false
		}
	}
	return false
}

// readPlacesEN decides, for names that are both an actor and a place, which
// one the sentence means: a place after a locative preposition or a compass
// adjective (in Iraq, southern Israel), or a city as the object of a violent
// verb (strike Beirut); an actor elsewhere (Washington said).
func (s *sent) readPlacesEN() {
	for k := range s.ments {
		m := &s.ments[k]
		m.pp = 0
		s.prepBeforeEN(m)
		if m.place == nil || m.actor == nil || m.demonym {
			continue
		}
		m.isPlace = m.pp == lexicon.CueLoc || m.pp == lexicon.CueTo && (s.motionBefore(m.first) || s.norm(s.prepTok(m)) == "into") ||
			m.first > 0 && s.norm(m.first-1) == "from" && s.motionBefore(m.first-1) // withdrew from Niger
		if m.isPlace && m.last < s.n() && s.plainWord(m.last) && !s.capitalized(m.last) && !s.toks[m.last].cues.has(lexicon.CuePlaceHead) {
			m.isPlace = false // outside the U.S. embassy: a name that modifies a noun is no place
		}
		if !m.isPlace && m.place.Kind != lexicon.Country {
			// strike Beirut: a city after a violent verb is the place struck
			for j := m.first - 1; j >= 0 && j >= m.first-2; j-- {
				if h := s.toks[j].trig; h >= 0 {
					m.isPlace = s.trigs[h].verb && s.trigs[h].t.Class.Violent()
					break
				}
				if !s.isAdjectiveLike(j) {
					break
				}
			}
		}
		// coordinated with a place: in Iraq, Syria and Jordan
		if !m.isPlace && k > 0 && s.ments[k-1].isPlace && m.first-s.ments[k-1].last == 1 {
			if w := &s.seg.Tokens[m.first-1]; w.Norm == "and" || w.Text == "," {
				m.isPlace = true
			}
		}
	}
}

// prepTok returns the token of the preposition before a mention, past its
// determiner and adjectives, or -1.
func (s *sent) prepTok(m *mention) int {
	for j := m.first - 1; j >= 0 && j >= m.first-8; j-- {
		if s.toks[j].cues.any(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueTo |
			1<<lexicon.CueAbout | 1<<lexicon.CueAgent) {
			return j
		}
		if !s.isAdjectiveLike(j) {
			return -1
		}
	}
	return -1
}

// motionBefore reports whether a deployment or withdrawal verb governs the
// phrase at token i (deploy to Iraq, withdrew from Menaka).
func (s *sent) motionBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if h := s.toks[j].trig; h >= 0 {
			c := s.trigs[h].t.Class
			return c == lexicon.ClassDeploy || c == lexicon.ClassWithdraw
		}
	}
	return false
}

// buildChainsEN groups mentions that name one participant: adjacent ones,
// or joined by a possessive and a title (Iran's foreign ministry spokesman
// Nasser Kanaani, the UN peacekeeping mission MINUSMA). The best of a chain
// is the most specific; of equals, the later one (English puts the head
// last).
func (s *sent) buildChainsEN() {
	if s.chains == nil {
		s.chains = s.en.chains // the storage of the article's last sentence
	}
	s.chains = s.chains[:0]
	// the chains' mentions, chain after chain; only the last chain grows, and
	// the array never does
	all := slices.Grow(s.en.chainOf[:0], len(s.ments))
	for k := range s.ments {
		m := &s.ments[k]
		if m.isPlace || m.actor == nil && !m.fallback {
			m.chain = -1
			continue
		}
		if c := len(s.chains) - 1; c >= 0 {
			ch := &s.chains[c]
			if m.pp == 0 && s.joinsEN(ch.last, m.first) {
				all = append(all, k)
				ch.ments = all[len(all)-len(ch.ments)-1 : len(all) : len(all)]
				ch.last = m.last
				m.chain = c
				if s.rank(k) >= s.rank(ch.best) {
					ch.best = k
				}
				continue
			}
		}
		coord := false
		if j := m.first - 1; j >= 0 {
			for j > 0 && (s.norm(j) == "the" || s.plainWord(j) && !s.capitalized(j)) && j >= m.first-3 {
				j-- // and the paramilitary Rapid Support Forces
			}
			coord = s.norm(j) == "and" || s.norm(j) == "or" ||
				s.seg.Tokens[j].Text == "," && j > 0 && s.toks[j-1].ment >= 0 && s.listContinues(m.last)
		}
		all = append(all, k)
		s.chains = append(s.chains, chain{first: m.first, last: m.last, ments: all[len(all)-1 : len(all) : len(all)], best: k, coord: coord})
		m.chain = len(s.chains) - 1
	}
	s.en.chains, s.en.chainOf = s.chains, all
}

// listContinues reports whether a list of names goes on after token i
// (Israel, the US, Egypt and Qatar): a comma or "and" and another name,
// not the comma that closes an apposition (…, Geir Pedersen, called).
func (s *sent) listContinues(i int) bool {
	for step := 0; step < 4 && i < s.n(); step++ {
		w := s.norm(i)
		if w != "," && w != "and" && w != "or" {
			return false
		}
		j := i + 1
		for j < s.n() && s.norm(j) == "the" {
			j++
		}
		if j >= s.n() || s.toks[j].ment < 0 {
			return false
		}
		if w == "and" || w == "or" {
			return true
		}
		i = s.ments[s.toks[j].ment].last
	}
	return false
}

// joinsEN reports whether the tokens [a, b) between two names leave them one
// participant: nothing, or a possessive, titles and ordinary words.
func (s *sent) joinsEN(a, b int) bool {
	if b < a || b-a > 6 {
		return false
	}
	for i := a; i < b; i++ {
		tk := &s.seg.Tokens[i]
		t := &s.toks[i]
		if tk.Kind == textnorm.Punct {
			if tk.Text == "'" || tk.Text == "." && i > a {
				continue
			}
			return false
		}
		if tk.Norm == "s" && i > a && s.seg.Tokens[i-1].Text == "'" {
			continue
		}
		if t.trig >= 0 || t.time >= 0 || t.count >= 0 || t.ment >= 0 {
			return false
		}
		if t.cues != 0 && !t.cues.any(1<<lexicon.CueTitle|1<<lexicon.CueForce|1<<lexicon.CueOrgHead|1<<lexicon.CueGroupHead) {
			return false
		}
		if t.cues.any(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueDet | 1<<lexicon.CueConj) {
			return false
		}
	}
	return true
}

// usableSubject reports whether chain c may be a subject or an object: not
// a place, not inside a prepositional phrase or a genitive.
func (s *sent) usableChain(c int) bool {
	ch := &s.chains[c]
	m0 := &s.ments[ch.ments[0]]
	return m0.pp == 0 && !s.ments[ch.best].isPlace && !s.ofBefore(m0)
}

// firstConjunct walks back from chain c to the first of the chains
// coordinated with it (Israel, the US, Egypt and Qatar → Israel).
func (s *sent) firstConjunct(c int) int {
	for c > 0 && s.chains[c].coord {
		p := c - 1
		gap := s.chains[c].first - s.chains[p].last
		if gap < 1 || gap > 2 || !s.usableChain(p) {
			break
		}
		c = p
	}
	return c
}

// secondConjunct returns the chain coordinated right after chain c, or -1.
func (s *sent) secondConjunct(c int) int {
	if c+1 < len(s.chains) && s.chains[c+1].coord {
		gap := s.chains[c+1].first - s.chains[c].last
		if gap >= 1 && gap <= 4 {
			return c + 1
		}
	}
	return -1
}

// subjectEN is what the search for a subject found: a chain, a pronoun to
// resolve, or a noun phrase as written.
type subjectEN struct {
	chain int
	pron  int // token of a pronoun subject (it, its fighters), or -1
	np    ref
	instr bool // the subject is a weapon (air defences, artillery): its user is the actor
}

// subjectBeforeEN finds the subject of the verb at token v: the nearest
// usable chain before it in its clause, past times, auxiliaries, adverbs,
// prepositional phrases, relative clauses and an apposition between commas
// (of the head and the apposition the more specific wins: Gen. Michael
// Kurilla, the head of U.S. Central Command → Michael Kurilla); the first of
// coordinated subjects. A comma with words after it ends the search (…,
// both sides said).
func (s *sent) subjectBeforeEN(v int) subjectEN {
	res := subjectEN{chain: -1, pron: -1}
	cl := s.clauseOf(v)
	npEnd := -1 // end of the noun phrase right before the verb
	afterComma := false
	for j := v - 1; j >= s.en.initial; j-- {
		t := &s.toks[j]
		tc := t.clause
		if tc != cl {
			if s.ancestor(tc, cl) {
				break // the clause above
			}
			continue // a clause inside ours (which …, who …)
		}
		tk := &s.seg.Tokens[j]
		if tk.Kind == textnorm.Punct {
			switch tk.Text {
			case "'", "-", ".", "\"", "“", "”", "(", ")":
				continue
			case ",":
				afterComma = true
				if npEnd >= 0 {
					// X, an umbrella group of …, claimed: the name before the apposition
					if j > 0 && s.toks[j-1].ment >= 0 {
						if c := s.ments[s.toks[j-1].ment].chain; c >= 0 && s.usableChain(c) && s.toks[j+1].cues.has(lexicon.CueDet) {
							res.chain = s.firstConjunct(c)
							return res
						}
					}
					return s.npSubject(res, j+1, npEnd)
				}
				continue
			}
			break
		}
		if k := t.ment; k >= 0 {
			m := &s.ments[k]
			if m.chain < 0 || m.victim && !s.passiveAt(v) {
				if m.isPlace {
					continue
				}
				npEnd = max(npEnd, j+1)
				j = m.first
				continue
			}
			c := m.chain
			if !s.usableChain(c) {
				j = s.chains[c].first
				continue
			}
			if afterComma {
				// The Arakan Army, an ethnic armed group seeking …, said: the name before the apposition
				if h := s.appositionHead(c); h >= 0 {
					res.chain = s.firstConjunct(h)
					return res
				}
			}
			c = s.apposition(c, v)
			res.chain = s.firstConjunct(c)
			return res
		}
		if t.time >= 0 {
			continue
		}
		if h := t.trig; h >= 0 {
			if s.trigs[h].verb && !s.trigs[h].dropped && s.trigs[h].last <= v {
				break // another verb: the subject is its own
			}
			if !s.trigs[h].verb {
				npEnd = max(npEnd, j+1)
				j = s.trigs[h].first
				continue
			}
			continue
		}
		if s.norm(j) == "and" || s.norm(j) == "or" {
			continue
		}
		if t.cues.has(lexicon.CuePron) && !t.cues.has(lexicon.CueDet) {
			res.pron = j
			return res
		}
		if t.cues.has(lexicon.CuePron) && t.cues.has(lexicon.CueDet) {
			// its fighters, his forces, their convoy
			res.pron = j
			return res
		}
		if t.cues.any(1<<lexicon.CueAux | 1<<lexicon.CueBe | 1<<lexicon.CueNeg | 1<<lexicon.CueFuture | 1<<lexicon.CueHyp) {
			if npEnd >= 0 {
				break
			}
			continue
		}
		if t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueBound) && npEnd < 0 {
			break
		}
		if t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueTo|1<<lexicon.CueAgent|1<<lexicon.CueAbout) || s.norm(j) == "of" {
			// a prepositional phrase: what we read was its object
			npEnd = -1
			continue
		}
		if t.cues.has(lexicon.CueSupport) {
			break
		}
		if s.norm(j) == "and" || s.norm(j) == "or" {
			continue
		}
		if npEnd < 0 && (s.norm(j) == "also" || s.norm(j) == "reportedly" || s.norm(j) == "again" || s.norm(j) == "earlier") {
			continue
		}
		if npEnd < 0 {
			npEnd = j + 1
		}
	}
	if npEnd >= 0 {
		return s.npSubject(res, s.npStartFrom(npEnd), npEnd)
	}
	return res
}

// npStartFrom returns the start of the noun phrase ending at end (exclusive).
func (s *sent) npStartFrom(end int) int {
	i := end
	for i-1 >= s.en.initial && i-1 >= end-6 {
		j := i - 1
		t := &s.toks[j]
		if s.seg.Tokens[j].Text == "-" || s.seg.Tokens[j].Text == "'" || s.plainWord(j) || t.count >= 0 || t.unit >= 0 ||
			t.cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead|1<<lexicon.CueVictim|1<<lexicon.CueDet|1<<lexicon.CueOrgHead|1<<lexicon.CueTitle) && t.ment < 0 && t.trig < 0 ||
			s.weaponAt(j) && t.ment < 0 && t.trig < 0 || s.seg.Tokens[j].Kind == textnorm.Number ||
			s.norm(j) == "s" && j > 0 && s.seg.Tokens[j-1].Text == "'" {
			i = j
			continue
		}
		break
	}
	return i
}

// npSubject reads the noun phrase [start, end) as a subject written out:
// only when its head names people, forces or a group (Gunmen, a local
// rescue group, Kurdish forces), never a weapon or a thing.
func (s *sent) npSubject(res subjectEN, start, end int) subjectEN {
	if r := s.agentNP(start, end); r.ok() {
		res.np = r
	} else if txt := s.seg.Slice(start, end); s.bothSides(txt) {
		res.np = ref{name: txt, ment: -1, how: "both sides"}
	} else if end > start && s.toks[end-1].cues.any(1<<lexicon.CueDrone|1<<lexicon.CueRocket|1<<lexicon.CueMissile|1<<lexicon.CueAir|1<<lexicon.CueArtillery) {
		res.instr = true
	}
	return res
}

// isOrderWord reports the adjectives of order that do not name a party
// (the last blue helmets → blue helmets).
func isOrderWord(w string) bool {
	switch w {
	case "last", "first", "remaining", "final", "latest", "other":
		return true
	}
	return false
}

// agentNPEnd returns the longest noun phrase from start within [start,
// end) that agentNP accepts (a commercial vessel | bound for Israel), and
// its end.
func (s *sent) agentNPEnd(start, end int) (ref, int) {
	for e := end; e > start; e-- {
		if r := s.agentNP(start, e); r.ok() {
			return r, e
		}
	}
	return ref{}, start
}

// agentNP returns the noun phrase [start, end) as written, without its
// determiner, when its last word names people, forces, a group or vessels.
func (s *sent) agentNP(start, end int) ref {
	if end > start && end-start <= 4 {
		if txt := s.seg.Slice(start, end); s.bothSides(txt) {
			return ref{name: txt, ment: -1, how: "both sides"}
		}
	}
	for start < end && (s.toks[start].cues.has(lexicon.CueDet) || s.toks[start].count >= 0 && s.toks[start].unit < 0 || isOrderWord(s.norm(start))) && s.toks[start].ment < 0 {
		start++
	}
	if start >= end || end-start > 5 {
		return ref{}
	}
	head := end - 1
	t := &s.toks[head]
	if t.ment >= 0 || t.trig >= 0 || s.seg.Tokens[head].Kind != textnorm.Word {
		return ref{}
	}
	switch s.norm(head) {
	case "people", "person", "persons", "others", "individuals":
		return ref{} // too general to name a party
	}
	if !t.cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead|1<<lexicon.CueVictim|1<<lexicon.CueOrgHead) ||
		t.cues.any(1<<lexicon.CueDrone|1<<lexicon.CueRocket|1<<lexicon.CueMissile|1<<lexicon.CueAir|1<<lexicon.CueArtillery|1<<lexicon.CueBomb) {
		return ref{}
	}
	for i := start; i < end; i++ {
		if s.toks[i].trig >= 0 || s.toks[i].time >= 0 {
			return ref{}
		}
	}
	return ref{name: s.seg.Slice(start, end), ment: -1, how: "noun phrase"}
}

// appositionHead returns, for a chain inside an apposition that opens with
// a determiner after a comma (X, an ethnic armed group seeking autonomy
// for …,), the usable chain right before that comma, or -1.
func (s *sent) appositionHead(c int) int {
	for j := s.chains[c].first - 1; j >= s.en.initial && j >= s.chains[c].first-16; j-- {
		tk := &s.seg.Tokens[j]
		if tk.Text == "," {
			if j+1 < s.n() && s.toks[j+1].cues.has(lexicon.CueDet) && s.toks[j+1].ment < 0 && j > 0 {
				if k := s.toks[j-1].ment; k >= 0 {
					if h := s.ments[k].chain; h >= 0 && h != c && s.usableChain(h) {
						return h
					}
				}
			}
			return -1
		}
		if s.toks[j].trig >= 0 && s.trigs[s.toks[j].trig].verb || s.toks[j].cues.any(1<<lexicon.CueBe|1<<lexicon.CueAux|1<<lexicon.CueComp|1<<lexicon.CueRel) {
			return -1
		}
	}
	return -1
}

// apposition returns, for a chain found between commas right before a verb
// (X, an Israeli army spokesman, said), the more specific of it and the
// chain before the first comma; of equals, the one before (the head).
func (s *sent) apposition(c, v int) int {
	ch := &s.chains[c]
	// a comma after the chain, before the verb, with nothing but words between
	comma2 := -1
	for j := ch.last; j < v; j++ {
		if s.seg.Tokens[j].Text == "," {
			comma2 = j
			break
		}
		if !s.isAdjectiveLike(j) && !s.toks[j].cues.any(1<<lexicon.CueTitle|1<<lexicon.CueForce|1<<lexicon.CueOrgHead|1<<lexicon.CueGroupHead) && s.norm(j) != "of" {
			return c
		}
	}
	if comma2 < 0 {
		return c
	}
	// the comma that opens the apposition
	comma1 := -1
	for j := ch.first - 1; j >= s.en.initial && j >= ch.first-6; j-- {
		if s.seg.Tokens[j].Text == "," {
			comma1 = j
			break
		}
		if !s.isAdjectiveLike(j) && !s.toks[j].cues.any(1<<lexicon.CueTitle|1<<lexicon.CueForce|1<<lexicon.CueOrgHead|1<<lexicon.CueGroupHead) &&
			s.norm(j) != "of" && !(s.toks[j].ment >= 0 && s.ments[s.toks[j].ment].chain == c) {
			return c
		}
	}
	if comma1 < 0 {
		return c
	}
	// the head: a chain ending shortly before the first comma
	for h := c - 1; h >= 0; h-- {
		hc := &s.chains[h]
		if hc.last > comma1 {
			continue
		}
		if comma1-hc.last > 5 || !s.usableChain(h) {
			return c
		}
		for j := hc.last; j < comma1; j++ {
			if !s.isAdjectiveLike(j) && !s.toks[j].cues.any(1<<lexicon.CueTitle|1<<lexicon.CueForce|1<<lexicon.CueOrgHead) &&
				s.seg.Tokens[j].Text != "'" && s.norm(j) != "s" {
				return c
			}
		}
		if s.rank(s.chains[h].best) >= s.rank(ch.best) {
			return h
		}
		return c
	}
	return c
}

// passiveAt reports whether the verb trigger at token v is passive.
func (s *sent) passiveAt(v int) bool {
	h := s.toks[v].trig
	return h >= 0 && s.en.passive.has(h)
}

// objectAfterEN finds the object of the trigger: the first usable chain
// after it in its clause, past determiners, adjectives and counts, and —
// for an attack — past "on", "against", "at" or "targeting"; for a meeting
// past "with"; "used by X" leads to X. It returns the chain, or -1 and a
// noun phrase as written when the object names people, forces or vessels.
func (s *sent) objectAfterEN(h *trigHit, preps ...lexicon.CueClass) (int, ref) {
	n := s.n()
	cl := s.clauseOf(h.first)
	start := h.last
	allowPrep := len(preps) > 0
	afterPrep := false
	for j := start; j < n && j < start+12; j++ {
		t := &s.toks[j]
		if t.clause != cl && !(t.clause > cl && s.ancestor(cl, t.clause) && s.clauses[t.clause].kind == clRel && afterPrep) {
			break
		}
		tk := &s.seg.Tokens[j]
		if tk.Kind == textnorm.Punct {
			if tk.Text == "-" || tk.Text == "'" || isQuoteMark(tk.Text) || tk.Text == "." {
				continue
			}
			break
		}
		if k := t.ment; k >= 0 {
			m := &s.ments[k]
			if m.chain >= 0 && !s.ments[s.chains[m.chain].best].isPlace && (m.pp == 0 || afterPrep || s.prepIn(m.pp, preps)) && (!s.ofBefore(m) || s.topicGenitive(m)) {
				return m.chain, ref{}
			}
			j = m.last - 1
			continue
		}
		if t.unit >= 0 && t.cues.any(1<<lexicon.CueVictim|1<<lexicon.CueForce|1<<lexicon.CueGroupHead) && (j+1 >= n || s.toks[j+1].unit != t.unit) {
			// killed three civilians: the counted people
			u := j
			for u > start && s.toks[u-1].unit == t.unit {
				u--
			}
			if r := s.agentNP(u, j+1); r.ok() {
				r.how = "object"
				return -1, r
			}
			return -1, ref{}
		}
		if t.time >= 0 || t.count >= 0 || t.unit >= 0 {
			continue
		}
		if t.trig >= 0 && t.trig != s.toks[h.first].trig {
			o := &s.trigs[t.trig]
			if !o.dropped && o.verb && !(j > 0 && s.toks[j-1].unit >= 0) {
				break
			}
			j = o.last - 1
			continue
		}
		if t.cues.has(lexicon.CueAgent) && j > 0 && (s.plainWord(j-1) || s.toks[j-1].trig >= 0 && s.trigs[s.toks[j-1].trig].dropped) {
			afterPrep = true // sites used by X; drones launched by X
			continue
		}
		if t.cues.any(1<<lexicon.CueLoc | 1<<lexicon.CueAgainst | 1<<lexicon.CueWith | 1<<lexicon.CueTo | 1<<lexicon.CueAbout | 1<<lexicon.CueAgent) {
			ok := false
			for _, p := range preps {
				if t.cues.has(p) {
					ok = true
				}
			}
			if !ok || !allowPrep {
				break
			}
			afterPrep = true
			if r, end := s.agentNPEnd(j+1, s.npEndFrom(j+1)); r.ok() {
				if end < n {
					if k := s.toks[end].ment; k >= 0 && s.ments[k].chain >= 0 && !s.ments[k].isPlace {
						return s.ments[k].chain, ref{}
					}
				}
				r.how = "object"
				return -1, r
			}
			continue
		}
		if t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueRel|1<<lexicon.CueConj|1<<lexicon.CueBound|1<<lexicon.CueBe|1<<lexicon.CueAux|1<<lexicon.CueSupport|1<<lexicon.CueCond) && t.ment < 0 {
			break
		}
		if j == start || afterPrep && s.toks[j-1].cues.any(cueMask(preps...)) {
			if r, end := s.agentNPEnd(j, s.npEndFrom(j)); r.ok() {
				// the tanker Sea Falcon: a name right after the noun is the name
				if end < n {
					if k := s.toks[end].ment; k >= 0 && s.ments[k].chain >= 0 && !s.ments[k].isPlace {
						return s.ments[k].chain, ref{}
					}
				}
				r.how = "object"
				return -1, r
			}
		}
	}
	return -1, ref{}
}

// topicGenitive reports whether a mention is the genitive of an event noun
// (the withdrawal of Israeli troops): the party the event is asked of.
func (s *sent) topicGenitive(m *mention) bool {
	for j := m.first - 1; j >= 1 && j >= m.first-4; j-- {
		if s.norm(j) == "of" {
			t := s.toks[j-1].trig
			return t >= 0 && !s.trigs[t].verb
		}
	}
	return false
}

// prepIn reports whether pp is one of preps.
func (s *sent) prepIn(pp lexicon.CueClass, preps []lexicon.CueClass) bool {
	for _, p := range preps {
		if p == pp {
			return true
		}
	}
	return false
}

// npEndFrom returns the end of the noun phrase starting at token i.
func (s *sent) npEndFrom(i int) int {
	n := s.n()
	j := i
	for j < n && j < i+6 {
		t := &s.toks[j]
		if s.seg.Tokens[j].Text == "-" || s.plainWord(j) || t.count >= 0 || t.unit >= 0 ||
			t.cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead|1<<lexicon.CueVictim|1<<lexicon.CueDet|1<<lexicon.CueOrgHead) && t.ment < 0 && t.trig < 0 && !t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst) {
			j++
			continue
		}
		break
	}
	return j
}

// byAgent finds the agent after "by" following the trigger (shot down
// by Kurdish forces, an attack by Turkish-backed factions): a chain, or a
// noun phrase as written.
func (s *sent) byAgent(h *trigHit) ref {
	n := s.n()
	cl := s.clauseOf(h.first)
	for j := h.last; j < n && j < h.last+8; j++ {
		t := &s.toks[j]
		if t.clause != cl || s.isPunct(j) && s.seg.Tokens[j].Text != "-" && s.seg.Tokens[j].Text != "." {
			return ref{}
		}
		if t.cues.has(lexicon.CueAgent) && t.ment < 0 {
			if w := s.norm(j - 1); j-1 >= h.last && strings.HasSuffix(w, "ed") && s.plainWord(j-1) {
				return ref{} // sites used by X: the agent of "used", not of the event
			}
			for k := j + 1; k < n && k < j+5; k++ {
				if m := s.toks[k].ment; m >= 0 {
					if c := s.ments[m].chain; c >= 0 {
						return s.chainRef(c, "agent")
					}
					return ref{}
				}
				if !s.isAdjectiveLike(k) {
					break
				}
			}
			if r := s.agentNP(j+1, s.npEndFrom(j+1)); r.ok() {
				r.how = "agent"
				return r
			}
			return ref{}
		}
		if t.ment >= 0 || t.trig >= 0 && t.trig != s.toks[h.first].trig && s.trigs[t.trig].verb {
			return ref{}
		}
	}
	return ref{}
}

// premodifier finds an actor right before a noun trigger, past weapons and
// adjectives: a U.S. drone strike, Houthi missile attacks, Russia's attack.
func (s *sent) premodifier(h *trigHit) int {
	for j := h.first - 1; j >= s.en.initial && j >= h.first-4; j-- {
		t := &s.toks[j]
		if k := t.ment; k >= 0 {
			m := &s.ments[k]
			if m.chain >= 0 && !m.isPlace && (m.demonym || m.actor != nil || m.fallback) {
				return m.chain
			}
			return -1
		}
		if s.seg.Tokens[j].Text == "'" || s.norm(j) == "s" && j > 0 && s.seg.Tokens[j-1].Text == "'" || s.seg.Tokens[j].Text == "-" {
			continue
		}
		if t.cues.any(1<<lexicon.CueDrone | 1<<lexicon.CueRocket | 1<<lexicon.CueMissile | 1<<lexicon.CueArtillery |
			1<<lexicon.CueAir | 1<<lexicon.CueBomb) {
			continue
		}
		if s.plainWord(j) {
			continue
		}
		return -1
	}
	return -1
}

// supportVerbBefore returns the light verb before a noun trigger (carried
// out strikes, launched dozens of attacks, responded with air strikes), or
// -1: a support cue within six tokens of its clause, with only determiners,
// counts, adjectives and weapons between.
func (s *sent) supportVerbBefore(h *trigHit) int {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= s.en.initial && j >= h.first-7; j-- {
		t := &s.toks[j]
		if t.clause != cl {
			return -1
		}
		if t.cues.has(lexicon.CueSupport) && t.ment < 0 {
			for j > 0 && s.toks[j-1].cues.has(lexicon.CueSupport) && !s.toks[j].cueHead {
				j--
			}
			return j
		}
		if tr := t.trig; tr >= 0 && s.trigs[tr].verb && s.trigs[tr].t.Class == lexicon.ClassLaunch {
			return s.trigs[tr].first
		}
		if s.isAdjectiveLike(j) || t.cues.any(1<<lexicon.CueDrone|1<<lexicon.CueRocket|1<<lexicon.CueMissile|1<<lexicon.CueArtillery|1<<lexicon.CueAir|1<<lexicon.CueBomb) ||
			s.norm(j) == "of" || s.norm(j) == "and" || t.time >= 0 {
			continue
		}
		if t.ment >= 0 && s.ments[t.ment].demonym {
			continue
		}
		return -1
	}
	return -1
}

// repelBefore returns the token of a repel verb before a noun trigger
// (repelled an attack, repelled dozens of Russian assaults), or -1.
func (s *sent) repelBefore(h *trigHit) int {
	cl := s.clauseOf(h.first)
	for j := h.first - 1; j >= s.en.initial && j >= h.first-6; j-- {
		t := &s.toks[j]
		if t.clause != cl {
			return -1
		}
		if t.cues.has(lexicon.CueRepel) && t.ment < 0 {
			for j > 0 && s.toks[j-1].cues.has(lexicon.CueRepel) && !s.toks[j].cueHead {
				j--
			}
			return j
		}
		if s.isAdjectiveLike(j) || s.norm(j) == "of" || t.ment >= 0 && s.ments[t.ment].demonym {
			continue
		}
		return -1
	}
	return -1
}

// firstFreeChainEN returns the first usable chain of clause cl before
// token limit, or -1.
func (s *sent) firstFreeChainEN(cl, limit int) int {
	for c := range s.chains {
		ch := &s.chains[c]
		if ch.first >= limit {
			break
		}
		if s.clauseOf(ch.first) == cl && s.usableChain(c) && !s.ments[ch.best].victim {
			return c
		}
	}
	return -1
}

// takesObjectEN reports whether a verb's direct object fills actor2.
func takesObjectEN(c lexicon.TriggerClass) bool {
	switch c {
	case lexicon.ClassAttack, lexicon.ClassStrike, lexicon.ClassShell, lexicon.ClassMeet, lexicon.ClassDemand,
		lexicon.ClassThreat, lexicon.ClassBomb, lexicon.ClassCasualty, lexicon.ClassLaunch, lexicon.ClassClash,
		lexicon.ClassIntercept, lexicon.ClassSay:
		return true
	}
	return false
}

// targetPreps are the prepositions that lead to the target of a class.
func targetPreps(c lexicon.TriggerClass) []lexicon.CueClass {
	switch c {
	case lexicon.ClassMeet:
		return []lexicon.CueClass{lexicon.CueWith}
	case lexicon.ClassClash:
		return []lexicon.CueClass{lexicon.CueWith, lexicon.CueAgainst}
	case lexicon.ClassDemand:
		return nil
	case lexicon.ClassSay, lexicon.ClassThreat, lexicon.ClassIntercept:
		return nil
	}
	return []lexicon.CueClass{lexicon.CueAgainst, lexicon.CueLoc}
}

// ownRolesEN fills actor1 and actor2 from the trigger's own surroundings.
func (s *sent) ownRolesEN(d *draft) {
	h := &s.trigs[d.trig]
	if ex := s.exchangeBefore(h); ex >= 0 {
		// Hezbollah and Israel have exchanged fire: an armed clash between the two
		d.class, d.violent = lexicon.ClassClash, true
		if subj := s.subjectBeforeEN(ex); subj.chain >= 0 {
			d.actor1 = s.chainRef(subj.chain, "subject")
			if c2 := s.secondConjunct(subj.chain); c2 >= 0 {
				d.actor2 = s.chainRef(c2, "the other side")
			}
		}
		return
	}
	if h.verb {
		s.verbRoles(d, h)
	} else {
		s.nounRoles(d, h)
	}
	// between X and Y: both sides (fighting broke out between …)
	if d.class == lexicon.ClassMeet || d.class == lexicon.ClassClash {
		for j := h.last; j < s.n() && j < h.last+6; j++ {
			if s.norm(j) != "between" {
				continue
			}
			for k := j + 1; k < s.n() && k < j+5; k++ {
				if m := s.toks[k].ment; m >= 0 && s.ments[m].chain >= 0 {
					c := s.ments[m].chain
					d.actor1 = s.chainRef(c, "between")
					if c2 := s.secondConjunct(c); c2 >= 0 {
						d.actor2 = s.chainRef(c2, "between")
					}
					break
				}
				if !s.isAdjectiveLike(k) {
					break
				}
			}
			break
		}
	}
	// victims: Three U.S. soldiers were killed; killing three members of the SDF;
	// killing at least 23 civilians
	if !d.actor2.ok() && d.violent {
		defer func() {
			if d.actor2.ok() {
				return
			}
			for c := range s.counts {
				C := s.counts[c]
				if (C.Role == roleKilled || C.Role == roleWounded) && C.UnitFirst >= 0 && s.inLongQuote(C.First) < 0 &&
					s.toks[C.UnitLast-1].cues.has(lexicon.CueVictim) && !s.toks[C.UnitLast-1].cues.any(1<<lexicon.CueForce|1<<lexicon.CueGroupHead) {
					if r := s.agentNP(C.UnitFirst, C.UnitLast); r.ok() {
						r.how = "victims"
						d.actor2 = r
						return
					}
				}
			}
		}()
		for k := range s.ments {
			m := &s.ments[k]
			if m.victim && m.chain >= 0 && s.inLongQuote(m.first) < 0 {
				if d.actor1.ok() && d.actor1.ment >= 0 && s.ments[d.actor1.ment].chain == m.chain {
					continue
				}
				d.actor2 = s.refOf(s.chains[m.chain].best, "victims")
				break
			}
		}
	}
}

// verbRoles fills the roles of a verb trigger.
func (s *sent) verbRoles(d *draft, h *trigHit) {
	passive := s.en.passive.has(d.trig)
	subj := s.subjectBeforeEN(s.causativeHave(h))
	if subj.chain < 0 && subj.np.ok() && s.bothSides(subj.np.name) {
		// the two countries said: the actors the sentence coordinates
		for c := range s.chains {
			if s.secondConjunct(c) >= 0 && s.usableChain(c) {
				subj.chain, subj.np = c, ref{}
				break
			}
		}
	}
	subjRef := ref{}
	if subj.chain >= 0 {
		subjRef = s.chainRef(subj.chain, "subject")
	} else if subj.np.ok() {
		subjRef = subj.np
	}
	if subj.pron >= 0 {
		s.en.pronSubj.set(d.trig, subj.pron)
	}
	if subj.instr && !passive {
		s.en.instr.add(d.trig)
	}
	if passive {
		switch d.class {
		case lexicon.ClassDeploy, lexicon.ClassWithdraw, lexicon.ClassSay, lexicon.ClassAnnounce:
			d.actor1 = subjRef // troops are stationed; it was announced
			if subj.pron >= 0 {
				d.actor1 = ref{}
			}
		default:
			if a := s.byAgent(h); a.ok() {
				d.actor1 = a
			}
			if subj.chain >= 0 || subj.np.ok() {
				subjRef.how = "passive subject"
				d.actor2 = subjRef
			}
			if subj.pron >= 0 {
				// its convoys had been hit: the pronoun is the target
				s.en.pronSubj.del(d.trig)
				s.en.pronObj(d.trig, subj.pron)
			}
		}
		return
	}
	d.actor1 = subjRef
	if takesObjectEN(d.class) {
		c, np := s.objectAfterEN(h, targetPreps(d.class)...)
		switch {
		case c >= 0 && (subj.chain < 0 || c != subj.chain):
			d.actor2 = s.chainRef(c, "object")
			if m := &s.ments[s.chains[c].best]; d.class == lexicon.ClassDemand && m.actor != nil && s.topicGenitive(&s.ments[s.chains[c].ments[0]]) {
				// demanded the withdrawal of Israeli troops: the demand goes to the state
				if st := m.actor.StateOf(); st != nil {
					d.actor2 = ref{actor: st, name: st.Name, ment: -1, how: "asked"}
				}
			}
		case np.ok() && s.bothSides(np.name):
			if p := s.en.mem.lastPair; p != nil && d.class == lexicon.ClassDemand {
				d.actor2 = *p
				d.actor2.how = "both sides"
			}
		case np.ok() && d.class != lexicon.ClassSay:
			d.actor2 = np
		}
	}
	// Washington and Baghdad agreed; X and Y will meet: the second is the counterpart
	if !d.actor2.ok() && subj.chain >= 0 && (d.class == lexicon.ClassMeet || d.class == lexicon.ClassClash || d.class == lexicon.ClassAnnounce) {
		if c2 := s.secondConjunct(subj.chain); c2 >= 0 {
			d.actor2 = s.chainRef(c2, "with")
		}
	}
}

// causativeHave returns where to look for the subject of a participle: for
// "The US has had the carrier group stationed in the Red Sea", before "has";
// else the participle itself.
func (s *sent) causativeHave(h *trigHit) int {
	w := s.norm(h.first)
	if !strings.HasSuffix(w, "ed") || s.en.passive.has(s.toks[h.first].trig) {
		return h.first
	}
	for j := h.first - 1; j >= s.en.initial && j >= h.first-10; j-- {
		t := &s.toks[j]
		if s.isPunct(j) && s.seg.Tokens[j].Text != "." || t.trig >= 0 {
			return h.first
		}
		if w := s.norm(j); (w == "had" || w == "has" || w == "have") && j+1 < h.first && !s.toks[j+1].cues.any(1<<lexicon.CueBe|1<<lexicon.CueAux) {
			if j+2 < h.first || !s.plainWord(j+1) {
				return j
			}
		}
	}
	return h.first
}

// bothSidesPhrases are the phrases, in lower case, that make a noun phrase
// refer to the parties named together before it (bothSides).
var bothSidesPhrases = []string{"two countries", "two sides", "both sides", "both countries", "two governments", "both governments", "the allies"}

// bothSidesByFirst lists the phrases of bothSidesPhrases by their first
// byte, upper and lower case.
var bothSidesByFirst = func() (by [256][]string) {
	for _, p := range bothSidesPhrases {
		by[p[0]] = append(by[p[0]], p)
		by[p[0]-'a'+'A'] = append(by[p[0]-'a'+'A'], p)
	}
	return by
}()

// bothSides reports whether a noun phrase refers to the parties named
// together before it: the two countries, both sides. It holds whether
// strings.ToLower(np) contains a phrase of bothSidesPhrases. ASCII text
// (nearly all) is searched as it is, without the lower-case copy: the
// phrases are ASCII, and an ASCII letter lower-cases alone, so a phrase
// found before the first other byte is in the copy too; from that byte on,
// the text is lower-cased first (İ lower-cases to i).
func (s *sent) bothSides(np string) bool {
	for i := 0; i < len(np); i++ {
		c := np[i]
		if c >= utf8.RuneSelf {
			return bothSidesFolded(strings.ToLower(np))
		}
		for _, p := range bothSidesByFirst[c] {
			if hasPrefixLowerASCII(np[i:], p) {
				return true
			}
		}
	}
	return false
}

// hasPrefixLowerASCII reports whether the ASCII s, lower-cased, starts with
// p.
func hasPrefixLowerASCII(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for j := 0; j < len(p); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[j] {
			return false
		}
	}
	return true
}

// bothSidesFolded reports whether the lower-case w contains a phrase of
// bothSidesPhrases.
func bothSidesFolded(w string) bool {
	for _, p := range bothSidesPhrases {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// pronObj records a pronoun that stands for actor2 (its convoys had been
// hit), resolved with the subjects.
func (e *enSent) pronObj(trig, tok int) {
	e.pronTarget.set(trig, tok)
}

// nounRoles fills the roles of a noun trigger.
func (s *sent) nounRoles(d *draft, h *trigHit) {
	if a := s.byAgent(h); a.ok() {
		d.actor1 = a
	}
	if !d.actor1.ok() {
		if c := s.premodifier(h); c >= 0 {
			d.actor1 = s.chainRef(c, "modifier")
		}
	}
	if r := s.repelBefore(h); r >= 0 {
		// repelled an attack: the subject of repel is the target
		subj := s.subjectBeforeEN(r)
		switch {
		case subj.chain >= 0:
			d.actor2 = s.chainRef(subj.chain, "repelled")
		case subj.pron >= 0:
			s.en.pronObj(d.trig, subj.pron)
		}
	}
	if !d.actor1.ok() {
		if sv := s.supportVerbBefore(h); sv >= 0 {
			subj := s.subjectBeforeEN(sv)
			switch {
			case subj.chain >= 0:
				d.actor1 = s.chainRef(subj.chain, "subject")
			case subj.pron >= 0:
				s.en.pronSubj.set(d.trig, subj.pron)
			case subj.np.ok():
				d.actor1 = subj.np
			}
		}
	}
	if _, pron := s.en.pronSubj.get(d.trig); !d.actor1.ok() && !pron {
		// a noun subject of a verb: Heavy fighting broke out …; a meeting's noun alone
		if d.class == lexicon.ClassMeet || d.class == lexicon.ClassProtest || d.class == lexicon.ClassClash {
			if subj := s.subjectBeforeEN(h.first); subj.chain >= 0 {
				d.actor1 = s.chainRef(subj.chain, "subject")
			} else if d.class == lexicon.ClassMeet {
				// Blinken will travel to Cairo for talks with …: the clause's subject goes to the talks
				if c := s.firstFreeChainEN(s.clauseOf(h.first), h.first); c >= 0 {
					d.actor1 = s.chainRef(c, "subject")
				}
			}
		}
	}
	if !d.actor2.ok() && takesObjectEN(d.class) {
		preps := targetPreps(d.class)
		if d.class == lexicon.ClassDemand {
			preps = []lexicon.CueClass{lexicon.CueAgainst, lexicon.CueTo}
		}
		if len(preps) > 0 {
			if c, np := s.objectAfterEN(h, preps...); c >= 0 && (!d.actor1.ok() || d.actor1.ment < 0 || s.ments[d.actor1.ment].chain != c) {
				d.actor2 = s.chainRef(c, "against")
			} else if np.ok() && d.violent {
				d.actor2 = np
			}
		}
	}
	// denied that Tehran had any role in the attack: the reported clause's subject
	if !d.actor1.ok() && d.violent {
		cl := s.clauseOf(h.first)
		if c := s.clauses[cl]; c.kind == clComp && !c.pron {
			if cc := s.firstFreeChainEN(cl, h.first); cc >= 0 && (!d.actor2.ok() || d.actor2.ment < 0 || s.ments[d.actor2.ment].chain != cc) {
				d.actor1 = s.chainRef(cc, "subject of the clause")
			}
		}
	}
	// a meeting, at which X and Y discussed …
	if d.class == lexicon.ClassMeet && !d.actor1.ok() {
		for j := h.last; j < s.n() && j < h.last+12; j++ {
			c := s.toks[j].clause
			if s.clauses[c].kind != clRel || !s.ancestor(s.clauseOf(h.first), c) {
				continue
			}
			for k := j; k < s.n() && s.toks[k].clause == c; k++ {
				if m := s.toks[k].ment; m >= 0 && s.ments[m].chain >= 0 {
					ch := s.ments[m].chain
					d.actor1 = s.chainRef(ch, "subject")
					if c2 := s.secondConjunct(ch); c2 >= 0 {
						d.actor2 = s.chainRef(c2, "with")
					}
					break
				}
			}
			break
		}
	}
}
