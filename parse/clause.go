package parse

import (
	"strings"

	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// clauseKind is how a clause hangs on the sentence.
type clauseKind uint8

const (
	clMain  clauseKind = iota // the sentence's first main clause
	clComp                    // a reported clause after أن/إن: its events have their own time
	clRel                     // a relative clause after الذي/التي
	clConj                    // a new main clause after بينما، فيما، حيث
	clCoord                   // a clause coordinated with the one before it (و + verb): shares its time
	clBound                   // background after على خلفية، ردا على، بهدف: no events of its own
	clFrame                   // a circumstance after خلال، جراء، إثر: its events are real
	clQuote                   // direct speech in a long quotation
)

var clauseKindNames = []string{"main", "comp", "rel", "conj", "coord", "bound", "frame", "quote"}

func (k clauseKind) String() string { return clauseKindNames[k] }

// clause is one clause of a sentence. Tokens carry their clause index;
// a clause need not be contiguous (a quotation may interrupt it).
type clause struct {
	kind    clauseKind
	parent  int  // -1 for top-level clauses
	sibling int  // for clCoord: the clause it is coordinated with, else -1
	first   int  // first token
	pron    bool // opened by a complementizer that carries the subject (أنها، إنه)
	opener  int  // token of the cue that opened it, -1 for none
	hasVerb bool
}

// segment splits the sentence into clauses at complementizers, relative
// pronouns, clause conjunctions, background and circumstance phrases (which
// end at the next comma), long quotations, and a verb coordinated with the
// verb before it (و/، + verb).
func (s *sent) segment() {
	s.clauses = append(s.clauses[:0], clause{kind: clMain, parent: -1, sibling: -1, opener: -1})
	cur := 0
	n := s.n()
	open := func(k clauseKind, parent, at int) int {
		s.clauses = append(s.clauses, clause{kind: k, parent: parent, sibling: -1, first: at, opener: at})
		return len(s.clauses) - 1
	}
	resume := make([]int, 0, 8) // clauses to go back to when a background clause or a quotation ends (on the stack unless more nest)
	quoteEnd := -1
	toks, tokens := s.toks[:n], s.seg.Tokens[:n]
	for i := 0; i < n; i++ {
		t := &toks[i]
		tk := &tokens[i]
		if quoteEnd >= 0 && i > quoteEnd {
			quoteEnd = -1
			cur = resume[len(resume)-1]
			resume = resume[:len(resume)-1]
		}
		if tk.Kind != textnorm.Punct && !t.cueHead && t.trig < 0 {
			// most words: no quotation mark, no cue opening a clause, no verb, no comma
			t.clause = cur
			continue
		}
		if tk.Kind == textnorm.Punct && quoteEnd < 0 && s.marks&markQuote != 0 && isQuoteMark(tk.Text) {
			for _, q := range s.quotes {
				if q.open == i && q.long && !q.name {
					resume = append(resume, cur)
					cur = open(clQuote, cur, i)
					quoteEnd = q.close
				}
			}
		}
		if t.cueHead && t.cues.any(clauseCues) && t.time < 0 && t.ment < 0 {
			c := t.cues
			switch {
			case c.has(lexicon.CueCompPron):
				cur = open(clComp, cur, i)
				s.clauses[cur].pron = true
			case c.has(lexicon.CueComp):
				cur = open(clComp, cur, i)
			case c.has(lexicon.CueRel):
				cur = open(clRel, cur, i)
			case c.has(lexicon.CueConj):
				cur = open(clConj, -1, i)
			case c.has(lexicon.CueBound):
				resume = append(resume, cur)
				cur = open(clBound, cur, i)
			case c.has(lexicon.CueFrame):
				resume = append(resume, cur)
				cur = open(clFrame, cur, i)
			}
		}
		if s.startsVerb(i) {
			if s.clauses[cur].hasVerb && s.coordinated(i) {
				parent := s.clauses[cur].parent
				sib := cur
				cur = open(clCoord, parent, i)
				s.clauses[cur].sibling = sib
				s.clauses[cur].opener = -1
			}
			s.clauses[cur].hasVerb = true
		}
		t.clause = cur
		if tk.Kind == textnorm.Punct && clauseComma(tk.Text) {
			// a background, circumstance or relative clause ends at a comma
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
				if k == clRel && s.clauses[cur].parent >= 0 {
					cur = s.clauses[cur].parent
					continue
				}
				break
			}
		}
	}
}

// clauseCues are the cue classes that open a clause (segment).
const clauseCues = cueSet(1<<lexicon.CueCompPron | 1<<lexicon.CueComp | 1<<lexicon.CueRel | 1<<lexicon.CueConj |
	1<<lexicon.CueBound | 1<<lexicon.CueFrame)

// clauseComma reports whether a punctuation mark ends a background,
// circumstance or relative clause: a comma, a semicolon or a colon.
func clauseComma(text string) bool {
	switch text {
	case "،", ",", "؛", ";", ":":
		return true
	}
	return false
}

// startsVerb reports whether a verb starts at token i: a trigger read as a
// verb, a participle of saying, or a light verb (شن، نفذ).
func (s *sent) startsVerb(i int) bool {
	t := &s.toks[i]
	if t.trig >= 0 && s.trigs[t.trig].first == i && (s.trigs[t.trig].verb || s.trigs[t.trig].t.Participle) {
		// casualty verbs (قُتل ثلاثة وأصيب 34) describe one event: no new clause
		return s.trigs[t.trig].t.Class != lexicon.ClassCasualty
	}
	return t.cueHead && t.cues.has(lexicon.CueSupport) && t.ment < 0 && t.trig < 0
}

// coordinated reports whether the verb at token i is joined to what comes
// before by a comma or the conjunction و/ف.
func (s *sent) coordinated(i int) bool {
	if t := s.toks[i].trig; t >= 0 && s.trigs[t].t.Participle {
		return true
	}
	if j := i - 1; j >= 0 && s.isPunct(j) && s.seg.Tokens[j].Norm != "\"" {
		return true
	}
	if t := s.toks[i].trig; t >= 0 {
		return s.trigs[t].clitics.Conj != 0
	}
	w := s.norm(i)
	return (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && !strings.HasPrefix(w, "واصل") && !strings.HasPrefix(w, "وقع")
}

// ancestor reports whether clause a is clause b or contains it.
func (s *sent) ancestor(a, b int) bool {
	for i := 0; b >= 0 && i < len(s.clauses); i++ {
		if a == b {
			return true
		}
		b = s.clauses[b].parent
	}
	return false
}

// clauseOf returns the clause of token i.
func (s *sent) clauseOf(i int) int {
	if i < 0 || i >= len(s.toks) {
		return 0
	}
	return s.toks[i].clause
}
