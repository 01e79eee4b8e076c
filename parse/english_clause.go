package parse

import (
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// segmentEN splits an English sentence into the clauses of clause.go:
//
//   - comp: after "that" following a verb of saying, announcing, denying or
//     threatening (said on Thursday that …), after such a verb directly
//     ("said it had targeted", "denied attacking": a zero complementizer; a
//     pronoun or a gerund there takes the subject of the verb above), and
//     an infinitive ("threatened to strike", "agreed to begin talks": its
//     subject is the one above);
//   - rel: who, which, where, whose, and "that" after a noun;
//   - conj: but, while, when, after, because … open a new main clause;
//   - coord: "and" or a comma before a verb (blamed … and vowed), or before
//     a subject and its verb (…, and the Israeli army responded);
//   - bound and frame: as for Arabic (according to, in support of; during),
//     up to the next comma; quote: direct speech.
func (s *sent) segmentEN() {
	if s.clauses == nil {
		s.clauses = s.en.clauses // the storage of the article's last sentence
	}
	s.clauses = append(s.clauses[:0], clause{kind: clMain, parent: -1, sibling: -1, opener: -1})
	cur := 0
	n := s.n()
	open := func(k clauseKind, parent, at int) int {
		s.clauses = append(s.clauses, clause{kind: k, parent: parent, sibling: -1, first: at, opener: at})
		return len(s.clauses) - 1
	}
	resume := make([]int, 0, 8) // on the stack unless more nest
	quoteEnd := -1
	// a reported clause without "that" needs a verb of saying, denying,
	// threatening or announcing before it (zeroComp): else none is looked for
	reports := false
	for k := range s.trigs {
		if h := &s.trigs[k]; h.verb && reportsClause(h.t.Class) {
			reports = true
			break
		}
	}
	for i := 0; i < n; i++ {
		t := &s.toks[i]
		tk := &s.seg.Tokens[i]
		if quoteEnd >= 0 && i > quoteEnd {
			quoteEnd = -1
			cur = resume[len(resume)-1]
			resume = resume[:len(resume)-1]
		}
		if tk.Kind != textnorm.Punct && !t.cueHead && t.trig < 0 {
			// most words open nothing and end nothing: they come in runs,
			// which plainRunEN marks in a loop of its own (see plainRun)
			if j := s.plainRunEN(i, cur, reports && quoteEnd < 0); j > i {
				i = j - 1
				continue
			}
		}
		if quoteEnd < 0 && len(s.quotes) > 0 && tk.Kind == textnorm.Punct && isQuoteMark(tk.Text) {
			for _, q := range s.quotes {
				if q.open == i && q.long && !q.name {
					resume = append(resume, cur)
					cur = open(clQuote, cur, i)
					quoteEnd = q.close
				}
			}
		}
		if i < s.en.initial {
			t.clause = cur
			continue
		}
		opened := false
		if t.cueHead && t.cues.any(clauseCuesEN) && t.time < 0 && t.ment < 0 && t.trig < 0 {
			c := t.cues
			switch {
			case c.has(lexicon.CueComp):
				if s.governorBefore(i) >= 0 {
					cur = open(clComp, cur, i)
					opened = true
				} else if i > s.en.initial && s.seg.Tokens[i-1].Kind == textnorm.Word && s.toks[i-1].trig < 0 && !s.toks[i-1].cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueAbout|1<<lexicon.CueTo) {
					cur = open(clRel, cur, i)
					opened = true
				}
			case c.has(lexicon.CueRel):
				cur = open(clRel, cur, i)
				opened = true
			case c.has(lexicon.CueConj):
				if s.norm(i) == "when" && i > 0 && (s.toks[i-1].time >= 0 || s.isPunct(i-1) && i > 1 && s.toks[i-2].time >= 0) {
					cur = open(clRel, cur, i) // Since Oct. 7, when Hamas attacked …
				} else {
					cur = open(clConj, -1, i)
				}
				opened = true
			case c.has(lexicon.CueCond):
				cur = open(clConj, cur, i) // if it attacked …: a clause of its own under the one before
				opened = true
			case c.has(lexicon.CueBound):
				resume = append(resume, cur)
				cur = open(clBound, cur, i)
				opened = true
			case c.has(lexicon.CueFrame):
				resume = append(resume, cur)
				cur = open(clFrame, cur, i)
				opened = true
			}
		}
		if !opened && quoteEnd < 0 {
			switch {
			case tk.Norm == "to" && s.infinitiveAt(i):
				cur = open(clComp, cur, i)
				s.clauses[cur].pron = true
				s.en.inf.add(cur)
				opened = true
			case reports && s.mayFollowGovernor(i) && s.zeroComp(i):
				cur = open(clComp, cur, i)
				s.clauses[cur].opener = -1
				if s.toks[i].cues.has(lexicon.CuePron) && !s.toks[i].cues.has(lexicon.CueDet) || s.gerundAt(i) {
					s.clauses[cur].pron = true
				}
				opened = true
			}
		}
		if (t.trig >= 0 || t.cueHead) && s.startsVerbEN(i) {
			withVerb := cur
			for !s.clauses[withVerb].hasVerb && s.clauses[withVerb].parent >= 0 && s.clauses[withVerb].kind != clQuote {
				withVerb = s.clauses[withVerb].parent
			}
			if s.clauses[withVerb].hasVerb && s.coordinatedEN(i) {
				sib := withVerb
				parent := s.clauses[withVerb].parent
				if h := s.toks[i].trig; h >= 0 && speechLike(s.trigs[h].t.Class) {
					// a second verb of saying goes with the first one: said … that …, and described …
					if c := s.speechClause(i); c >= 0 {
						sib, parent = c, s.clauses[c].parent
					}
				}
				cur = open(clCoord, parent, i)
				s.clauses[cur].sibling = sib
				s.clauses[cur].opener = -1
			}
			s.clauses[cur].hasVerb = true
		} else if w := tk.Norm; (w == "and" || w == "but") && !opened && s.clauseAhead(i+1) {
			// "…, and the army responded": after a comma, coordinated with the main clause
			sib := cur
			comma := i > 0 && s.seg.Tokens[i-1].Text == ","
			if comma {
				for s.clauses[sib].parent >= 0 && s.clauses[sib].kind != clCoord {
					sib = s.clauses[sib].parent
				}
			}
			if s.clauses[cur].hasVerb || comma && s.clauses[sib].hasVerb {
				cur = open(clCoord, s.clauses[sib].parent, i)
				s.clauses[cur].sibling = sib
				s.clauses[cur].opener = -1
			}
		}
		t.clause = cur
		if tk.Kind == textnorm.Punct && clauseCommaEN(tk.Text) {
			for cur >= 0 && quoteEnd < 0 {
				k := s.clauses[cur].kind
				if k == clBound || k == clFrame {
					if len(resume) > 0 {
						cur = resume[len(resume)-1]
						resume = resume[:len(resume)-1]
					} else {
						cur = 0
					}
					continue
				}
				if (k == clRel || k == clComp && s.en.inf.has(cur)) && s.clauses[cur].parent >= 0 && !s.listComma(i) {
					cur = s.clauses[cur].parent
					continue
				}
				break
			}
		}
	}
	s.en.clauses = s.clauses
}

// plainRunEN puts the tokens from i on that segmentEN would only put in
// clause cur into it, and returns the first token that is not one: a
// punctuation mark, a cue head, a trigger, a word that may open a clause
// ("to", "and", "but") and, when zeroComp is looked for (zero), a word
// right after a possible governor.
func (s *sent) plainRunEN(i, cur int, zero bool) int {
	toks, tokens := s.toks, s.seg.Tokens[:len(s.toks)]
	for ; i < len(toks); i++ {
		tk, t := &tokens[i], &toks[i]
		if tk.Kind == textnorm.Punct || t.cueHead || t.trig >= 0 || zero && s.mayFollowGovernor(i) {
			break
		}
		if w := tk.Norm; w == "to" || w == "and" || w == "but" {
			break
		}
		t.clause = cur
	}
	return i
}

// clauseCuesEN are the cue classes that may open a clause (segmentEN).
const clauseCuesEN = cueSet(1<<lexicon.CueComp | 1<<lexicon.CueRel | 1<<lexicon.CueConj | 1<<lexicon.CueCond |
	1<<lexicon.CueBound | 1<<lexicon.CueFrame)

// clauseCommaEN reports whether a punctuation mark ends a background,
// circumstance or relative clause: a comma, a semicolon or a colon.
func clauseCommaEN(text string) bool {
	switch text {
	case ",", ";", ":":
		return true
	}
	return false
}

// listComma reports whether the comma at token i separates the items of a
// list of names (in Iraq, Syria and Jordan) rather than clauses.
func (s *sent) listComma(i int) bool {
	return i > 0 && i+1 < s.n() && s.toks[i-1].ment >= 0 && s.toks[i+1].ment >= 0
}

// speechClause returns the clause of the nearest verb of saying before
// token i, or -1.
func (s *sent) speechClause(i int) int {
	for j := i - 1; j >= 0; j-- {
		if h := s.toks[j].trig; h >= 0 && speechLike(s.trigs[h].t.Class) && s.trigs[h].verb && !s.trigs[h].dropped {
			return s.toks[j].clause
		}
	}
	return -1
}

// governorBefore returns the trigger of a verb of saying, announcing,
// denying or threatening that token i follows, past a time expression and
// "in a statement" (said on Thursday that), or -1.
func (s *sent) governorBefore(i int) int {
	for j := i - 1; j >= s.en.initial; j-- {
		t := &s.toks[j]
		if t.time >= 0 || t.cues.has(lexicon.CueStmt) {
			continue
		}
		if k := t.trig; k >= 0 && s.trigs[k].last == j+1 && s.governsClause(k) {
			return k
		}
		return -1
	}
	return -1
}

// mayFollowGovernor is governorBefore's first step, small enough to be
// inlined where most words are asked: false when the word before token i
// can neither be skipped nor end a trigger, so that no governor is found.
func (s *sent) mayFollowGovernor(i int) bool {
	j := i - 1
	if j < s.en.initial {
		return false
	}
	t := &s.toks[j]
	return t.time >= 0 || t.trig >= 0 || t.cues.has(lexicon.CueStmt)
}

// governsClause reports whether trigger k takes a clause: a verb of saying,
// announcing, denying, threatening or claiming.
func (s *sent) governsClause(k int) bool {
	h := &s.trigs[k]
	if !h.verb || s.en.passive.has(k) || s.norm(h.last-1) == "by" {
		return false // claimed by X: no clause follows
	}
	switch h.t.Class {
	case lexicon.ClassSay, lexicon.ClassAnnounce, lexicon.ClassDeny, lexicon.ClassThreat, lexicon.ClassClaim:
		return true
	}
	return false
}

// zeroComp reports whether a reported clause without "that" starts at token
// i: right after a verb that takes a clause (past its time and "in a
// statement"), with a word that can start a clause (said it targeted, said
// artillery had shelled, denied attacking).
func (s *sent) zeroComp(i int) bool {
	g := s.governorBefore(i)
	if g < 0 || !reportsClause(s.trigs[g].t.Class) {
		return false
	}
	switch s.norm(s.trigs[g].first) {
	case "tell", "tells", "told", "telling", "blame", "blamed", "blames", "blaming", "condemn", "condemned", "condemns",
		"accuse", "accused", "accuses", "call", "called", "calls", "describe", "described", "describes", "criticised",
		"criticized", "criticise", "criticize":
		return false // these take an object first
	}
	tk := &s.seg.Tokens[i]
	if tk.Kind == textnorm.Punct {
		return false
	}
	t := &s.toks[i]
	if t.time >= 0 || t.cues.has(lexicon.CueStmt) {
		return false
	}
	if t.cues.any(1<<lexicon.CueComp|1<<lexicon.CueTo|1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueAgent|1<<lexicon.CueAbout) && t.ment < 0 && !t.cues.has(lexicon.CueDet) {
		return false
	}
	switch s.norm(i) {
	case "for", "as", "of", "again", "also", "earlier", "later":
		return false
	}
	// warned Washington against …, told AFP that …: a name the verb takes as object
	if k := t.ment; k >= 0 {
		if e := s.ments[k].last; e < s.n() {
			switch s.norm(e) {
			case "that", "to", "against", "of", "not", "on", "over", "about":
				return false
			}
		}
	}
	return true
}

// reportsClause reports whether a verb of class c may take a reported
// clause without "that" (zeroComp).
func reportsClause(c lexicon.TriggerClass) bool {
	switch c {
	case lexicon.ClassSay, lexicon.ClassDeny, lexicon.ClassThreat, lexicon.ClassAnnounce:
		return true
	}
	return false
}

// gerundAt reports whether token i is a verb in -ing (denied attacking).
func (s *sent) gerundAt(i int) bool {
	if h := s.toks[i].trig; h >= 0 && s.trigs[h].verb {
		w := s.norm(i)
		return len(w) > 4 && w[len(w)-3:] == "ing"
	}
	return false
}

// infinitiveAt reports whether "to" at token i opens an infinitive: a verb
// follows (to strike, to demand), or a plain word does after a verb that
// takes one (agreed to begin talks, urged the military to stop).
func (s *sent) infinitiveAt(i int) bool {
	if i+1 >= s.n() {
		return false
	}
	if s.verbAt(i + 1) {
		return true
	}
	if !s.plainWord(i+1) && !s.toks[i+1].cues.has(lexicon.CueSupport) {
		return false
	}
	// a plain word: an infinitive only when a verb of saying, demanding or agreeing is near before
	for j := i - 1; j >= s.en.initial && j >= i-6; j-- {
		if h := s.toks[j].trig; h >= 0 && s.trigs[h].verb {
			switch s.trigs[h].t.Class {
			case lexicon.ClassDemand, lexicon.ClassThreat, lexicon.ClassAnnounce, lexicon.ClassSay, lexicon.ClassProtest, lexicon.ClassDeploy:
				return true
			}
			return false
		}
		if s.toks[j].time >= 0 {
			continue
		}
		if s.isPunct(j) {
			return false
		}
	}
	return false
}

// verbAt reports whether a verb starts at token i: a trigger read as a verb
// or a light verb.
func (s *sent) verbAt(i int) bool {
	t := &s.toks[i]
	if t.trig >= 0 && s.trigs[t.trig].first == i && s.trigs[t.trig].verb {
		return true
	}
	return t.cueHead && t.cues.has(lexicon.CueSupport) && t.ment < 0 && t.trig < 0
}

// startsVerbEN reports whether a verb starts at token i (a trigger verb, a
// participle of saying, a light verb).
func (s *sent) startsVerbEN(i int) bool {
	if s.verbAt(i) {
		return true
	}
	t := &s.toks[i]
	return t.trig >= 0 && s.trigs[t.trig].first == i && s.trigs[t.trig].t.Participle
}

// coordinatedEN reports whether the verb at token i is joined to the one
// before by "and", "or", "but", "then" or a comma (blamed … and vowed).
func (s *sent) coordinatedEN(i int) bool {
	j := i - 1
	for j >= s.en.initial && (s.toks[j].cues.any(1<<lexicon.CueAux|1<<lexicon.CueBe) || s.norm(j) == "also" || s.norm(j) == "later") {
		j--
	}
	if j < s.en.initial {
		return false
	}
	switch s.norm(j) {
	case "and", "or", "but", "then":
		return true
	}
	if t := s.toks[i].trig; t >= 0 && s.trigs[t].t.Participle {
		return true
	}
	return s.isPunct(j) && (s.seg.Tokens[j].Text == "," || s.seg.Tokens[j].Text == ";")
}

// clauseAhead reports whether a subject and its verb follow token i: a noun
// phrase of at most eight tokens, then a verb.
func (s *sent) clauseAhead(i int) bool {
	n := s.n()
	words := 0
	for j := i; j < n && j < i+9; j++ {
		t := &s.toks[j]
		if s.verbAt(j) || t.cues.any(1<<lexicon.CueBe|1<<lexicon.CueAux) && words > 0 {
			return words > 0
		}
		if s.isPunct(j) && s.seg.Tokens[j].Text != "-" && s.seg.Tokens[j].Text != "'" && s.seg.Tokens[j].Text != "." {
			return false
		}
		if t.trig >= 0 && !s.trigs[t.trig].verb {
			return false
		}
		if t.cues.any(1<<lexicon.CueLoc|1<<lexicon.CueAgainst|1<<lexicon.CueWith|1<<lexicon.CueTo|1<<lexicon.CueComp|1<<lexicon.CueRel|1<<lexicon.CueConj) && t.ment < 0 {
			return false
		}
		words++
	}
	return false
}
