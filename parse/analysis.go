package parse

import (
	"github.com/eventline/eventline/events"
)

// Analysis is what the parser saw in one article, for `eventline explain`:
// every list is in sentence order and never nil, so that JSON shows empty
// lists rather than null.
type Analysis struct {
	DocID     string         `json:"doc_id"`
	Lang      string         `json:"lang"`
	Published string         `json:"published"`
	Sentences []SentenceInfo `json:"sentences"`
	Times     []TimeInfo     `json:"times"`
	Counts    []CountInfo    `json:"counts"`
	Actors    []ActorInfo    `json:"actors"`
	Places    []PlaceInfo    `json:"places"`
	Triggers  []TriggerInfo  `json:"triggers"`
	Events    []events.Event `json:"events"`
}

// SentenceInfo is one sentence with its offsets in the body (code points).
type SentenceInfo struct {
	Index     int    `json:"index"`
	Text      string `json:"text"`
	CharStart int    `json:"char_start"`
	CharEnd   int    `json:"char_end"`
}

// TimeInfo is one time expression; Date and DateEnd are nil when it could
// not be resolved.
type TimeInfo struct {
	Sentence  int              `json:"sentence"`
	Text      string           `json:"text"`
	Date      *string          `json:"date"`
	DateEnd   *string          `json:"date_end"`
	Precision events.Precision `json:"date_precision"`
}

// CountInfo is one count; Role is "killed", "wounded" or "casualties" for
// casualty counts.
type CountInfo struct {
	Sentence  int              `json:"sentence"`
	Text      string           `json:"text"`
	Count     int              `json:"count"`
	Qualifier events.Qualifier `json:"count_qualifier"`
	Unit      string           `json:"count_unit"`
	Role      string           `json:"role,omitempty"`
}

// ActorInfo is one actor named in a sentence: the text as written and its
// canonical entry; a noun phrase the lexicon lacks has Fallback set and its
// text for name.
type ActorInfo struct {
	Sentence    int    `json:"sentence"`
	Text        string `json:"text"`
	Name        string `json:"name"`
	Kind        string `json:"kind,omitempty"`
	Country     string `json:"country,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Fallback    bool   `json:"fallback,omitempty"`
}

// PlaceInfo is one place named in a sentence.
type PlaceInfo struct {
	Sentence int      `json:"sentence"`
	Text     string   `json:"text"`
	Name     string   `json:"name"`
	Country  string   `json:"country"`
	Lat      *float64 `json:"lat"`
	Lon      *float64 `json:"lon"`
	Fallback bool     `json:"fallback,omitempty"`
}

// TriggerInfo is one trigger word found, with why it made no event of its
// own when it did not.
type TriggerInfo struct {
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	Class    string `json:"class"`
	Type     string `json:"type"`
	Dropped  string `json:"dropped,omitempty"`
}

var roleNames = map[countRole]string{roleKilled: "killed", roleWounded: "wounded", roleCasualties: "casualties"}

// add records one sentence's findings.
func (an *Analysis) add(s *sent, ds []draft, evs []events.Event) {
	an.Sentences = append(an.Sentences, SentenceInfo{Index: s.idx, Text: s.s.Text, CharStart: s.s.Start, CharEnd: s.s.End})
	for _, t := range s.times {
		ti := TimeInfo{Sentence: s.idx, Text: t.Text, Precision: t.Precision}
		if t.Date != "" {
			d, e := t.Date, t.DateEnd
			ti.Date, ti.DateEnd = &d, &e
		}
		if ti.Precision == "" {
			ti.Precision = events.PrecisionUnknown
		}
		an.Times = append(an.Times, ti)
	}
	for k, c := range s.counts {
		if s.cdrop[k] {
			continue
		}
		an.Counts = append(an.Counts, CountInfo{Sentence: s.idx, Text: c.Text, Count: c.Value, Qualifier: c.Qualifier, Unit: c.Unit, Role: roleNames[c.Role]})
	}
	for _, m := range s.ments {
		switch {
		case m.isPlace && m.place != nil:
			pi := PlaceInfo{Sentence: s.idx, Text: s.seg.Slice(m.first, m.last), Name: m.place.Name, Country: m.place.Country}
			if m.place.HasCoords {
				pi.Lat, pi.Lon = events.Float(m.place.Lat), events.Float(m.place.Lon)
			}
			an.Places = append(an.Places, pi)
		case m.isPlace:
			an.Places = append(an.Places, PlaceInfo{Sentence: s.idx, Text: s.seg.Slice(m.first, m.last), Name: s.textOf(&m), Fallback: true})
		case m.actor != nil:
			an.Actors = append(an.Actors, ActorInfo{Sentence: s.idx, Text: s.seg.Slice(m.first, m.last), Name: m.actor.Name,
				Kind: string(m.actor.Kind), Country: m.actor.Country, Affiliation: m.actor.Affiliation})
		case m.fallback:
			an.Actors = append(an.Actors, ActorInfo{Sentence: s.idx, Text: s.seg.Slice(m.first, m.last), Name: s.textOf(&m), Fallback: true})
		}
	}
	// noun phrases that became actors of events
	seen := map[string]bool{}
	for _, a := range an.Actors {
		if a.Sentence == s.idx {
			seen[a.Name] = true
		}
	}
	for _, d := range ds {
		for _, r := range []ref{d.actor1, d.actor2} {
			if r.ok() && r.actor == nil && r.ment < 0 && !seen[r.name] && d.kept() {
				seen[r.name] = true
				an.Actors = append(an.Actors, ActorInfo{Sentence: s.idx, Text: r.name, Name: r.name, Fallback: true})
			}
		}
	}
	for k, h := range s.trigs {
		ti := TriggerInfo{Sentence: s.idx, Text: s.seg.Slice(h.first, h.last), Class: h.t.Class.String(), Type: string(h.t.Type), Dropped: h.why}
		for _, d := range ds {
			if d.trig == k && !d.kept() {
				ti.Dropped = d.why
			}
			if d.trig == k && d.kept() {
				ti.Type = string(d.typ)
			}
		}
		an.Triggers = append(an.Triggers, ti)
	}
}

// normalize turns nil lists into empty ones.
func (an *Analysis) normalize() {
	if an.Sentences == nil {
		an.Sentences = []SentenceInfo{}
	}
	if an.Times == nil {
		an.Times = []TimeInfo{}
	}
	if an.Counts == nil {
		an.Counts = []CountInfo{}
	}
	if an.Actors == nil {
		an.Actors = []ActorInfo{}
	}
	if an.Places == nil {
		an.Places = []PlaceInfo{}
	}
	if an.Triggers == nil {
		an.Triggers = []TriggerInfo{}
	}
	if an.Events == nil {
		an.Events = []events.Event{}
	}
}
