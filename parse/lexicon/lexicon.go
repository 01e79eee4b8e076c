package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

//go:embed data/*.tsv
var dataFS embed.FS

// The data files Load reads, in the file system it is given.
const (
	ActorsFile   = "actors.tsv"
	PlacesFile   = "places.tsv"
	TriggersFile = "triggers.tsv"
	CuesFile     = "cues.tsv"
)

// ActorKind is what an actor is.
type ActorKind string

// The actor kinds of actors.tsv.
const (
	Person       ActorKind = "person"
	Organisation ActorKind = "organisation"
	State        ActorKind = "state"
	Group        ActorKind = "group" // a non-state armed group or movement
)

// Actor is one line of actors.tsv: an entity with its names in every language.
type Actor struct {
	Name        string // canonical English name
	Kind        ActorKind
	Country     string // ISO 3166-1 alpha-2, or ""
	Affiliation string // canonical name of the actor it belongs to, or ""
	AliasesAR   []string
	AliasesEN   []string
	DemonymsAR  []string
	DemonymsEN  []string
	Line        int // line in actors.tsv

	affiliation *Actor
}

// Rank orders actors by specificity: a person (3) before an organisation or
// a group (2) before a state (1), as EVENTS.md asks for actor1 and actor2.
func (a *Actor) Rank() int {
	switch a.Kind {
	case Person:
		return 3
	case Organisation, Group:
		return 2
	}
	return 1
}

// AffiliatedTo returns the actor a belongs to, or nil.
func (a *Actor) AffiliatedTo() *Actor { return a.affiliation }

// StateOf returns the state a belongs to, following affiliations (Lloyd
// Austin → United States), or nil when the chain reaches no state.
func (a *Actor) StateOf() *Actor {
	for i, x := 0, a; x != nil && i < 8; i, x = i+1, x.affiliation {
		if x.Kind == State {
			return x
		}
	}
	return nil
}

// StateActor reports whether a acts for a state: a state, or a person or an
// organisation affiliated to one. Groups never do, whoever backs them, nor
// their members (Yahya Saree → Houthis → … → Iran is no state actor).
func (a *Actor) StateActor() bool {
	for i, x := 0, a; x != nil && i < 8; i, x = i+1, x.affiliation {
		switch x.Kind {
		case Group:
			return false
		case State:
			return true
		}
	}
	return false
}

// PlaceKind is what a place is.
type PlaceKind string

// The place kinds of places.tsv.
const (
	Country PlaceKind = "country"
	Region  PlaceKind = "region"
	City    PlaceKind = "city"
	Site    PlaceKind = "site"
	Sea     PlaceKind = "sea"
)

// Place is one line of places.tsv.
type Place struct {
	Name      string
	Kind      PlaceKind
	Country   string // ISO 3166-1 alpha-2; "" for a sea
	Parent    string // canonical name of the containing place, or ""
	Lat, Lon  float64
	HasCoords bool
	AliasesAR []string
	AliasesEN []string
	Line      int

	parent *Place
}

// ParentPlace returns the place that contains p, or nil.
func (p *Place) ParentPlace() *Place { return p.parent }

// Contains reports whether q is p or lies inside p.
func (p *Place) Contains(q *Place) bool {
	for i, x := 0, q; x != nil && i < 16; i, x = i+1, x.parent {
		if x == p {
			return true
		}
	}
	return false
}

// Depth is the number of places above p (0 for a country or a sea).
func (p *Place) Depth() int {
	d := 0
	for x := p.parent; x != nil && d < 16; x = x.parent {
		d++
	}
	return d
}

// TriggerClass is what a trigger does; the rules of package parse work on
// classes, never on words.
type TriggerClass uint8

// The trigger classes of triggers.tsv.
const (
	ClassAttack TriggerClass = iota + 1
	ClassStrike
	ClassShell
	ClassLaunch
	ClassBomb
	ClassClash
	ClassCasualty
	ClassIntercept
	ClassClaim
	ClassSay
	ClassAnnounce
	ClassDeny
	ClassMeet
	ClassDemand
	ClassThreat
	ClassDeploy
	ClassWithdraw
	ClassProtest
	ClassOperation
)

var classNames = []string{"", "attack", "strike", "shell", "launch", "bomb", "clash", "casualty", "intercept",
	"claim", "say", "announce", "deny", "meet", "demand", "threat", "deploy", "withdraw", "protest", "operation"}

// String returns the class's name in triggers.tsv.
func (c TriggerClass) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class(" + strconv.Itoa(int(c)) + ")"
}

// Violent reports whether the class names armed violence.
func (c TriggerClass) Violent() bool {
	switch c {
	case ClassAttack, ClassStrike, ClassShell, ClassLaunch, ClassBomb, ClassClash, ClassCasualty, ClassOperation:
		return true
	}
	return false
}

// Speech reports whether the class is a verb of saying, announcing or denying.
func (c TriggerClass) Speech() bool {
	return c == ClassSay || c == ClassAnnounce || c == ClassDeny
}

// Need is a condition a trigger puts on its surroundings.
type Need uint8

// The needs of triggers.tsv's flags.
const (
	NeedNone     Need = iota
	NeedForce         // forces named nearby
	NeedMeans         // a weapon named nearby
	NeedGovernor      // under a verb of announcing or claiming
)

// Trigger is one line of triggers.tsv.
type Trigger struct {
	Lang       string
	Forms      []string
	POS        string // verb, noun, exact or exactverb
	Class      TriggerClass
	Type       events.EventType
	Report     bool // reports what its complement names (أعلن، أفاد)
	Participle bool // continues the previous verb of saying (مضيفا)
	// Object marks a verbal noun whose genitive is its object, not its agent
	// (استهداف القوات = the targeting of the forces; هجمات الجماعات = the
	// groups' attacks).
	Object bool
	// Topic marks a verb of judging (دان، اتهم): the events it names are
	// its topic, not events of the sentence.
	Topic bool
	// Source marks a verb of saying that often only names a source
	// ("…, officials said"): the English parser makes it a statement only
	// when it is dated, names a formal statement or introduces a quotation.
	Source bool
	Needs  Need
	Line   int
}

// Verb reports whether the trigger's forms are verbs.
func (t *Trigger) Verb() bool { return t.POS == "verb" || t.POS == "exactverb" }

// CueClass is the role of a cue word.
type CueClass uint8

// The cue classes of cues.tsv.
const (
	CueNeg CueClass = iota + 1
	CueShield
	CueFuture
	CueCond
	CueHyp
	CueComp
	CueCompPron
	CueRel
	CueConj
	CueBound
	CueFrame
	CueAgainst
	CueWith
	CueTo
	CueAbout
	CueLoc
	CueAgent
	CueSupport
	CueExist
	CueDemonstr
	CueDrone
	CueRocket
	CueMissile
	CueArtillery
	CueAir
	CueBomb
	CueForce
	CuePlaceHead
	CueGroupHead
	CueRoleHead
	CueVictim
	CueAttrib
	CueUndergo
	CueGeneric
	CueExchange
	CueTarget
	CueTitle
	CueFunction
	CueNaming
	CueSource
	// English grammar words (see parse/english.go)
	CueDet     // a determiner or possessive: a, the, its
	CueBe      // a form of be: a passive after it
	CueAux     // an auxiliary or modal other than be: has, had, did
	CuePron    // a pronoun that refers back: it, they, its, their
	CueOrgHead // a noun ending an organisation's name: Network, Council
	CueStmt    // a phrase naming a formal statement: in a statement
	CueRepel   // a verb whose subject is the target of the event noun after it: repelled an attack
	numCueClasses
)

var cueNames = []string{"", "neg", "shield", "future", "cond", "hyp", "comp", "comppron", "rel", "conj", "bound", "frame",
	"against", "with", "to", "about", "loc", "agent", "support", "exist", "demonstr",
	"drone", "rocket", "missile", "artillery", "air", "bomb", "force", "placehead", "grouphead", "rolehead", "victim",
	"attrib", "undergo", "generic", "exchange", "target", "title", "function", "naming", "source",
	"det", "be", "aux", "pron", "orghead", "stmt", "repel"}

// String returns the class's name in cues.tsv.
func (c CueClass) String() string {
	if int(c) < len(cueNames) {
		return cueNames[c]
	}
	return "cue(" + strconv.Itoa(int(c)) + ")"
}

// Means reports whether the cue names a weapon.
func (c CueClass) Means() bool { return c >= CueDrone && c <= CueBomb }

// Cue is one line of cues.tsv.
type Cue struct {
	Lang  string
	Forms []string
	Class CueClass
	Line  int
}

// Lexicon holds every data file, loaded and indexed. It is read-only after
// Load and safe for concurrent use.
type Lexicon struct {
	Actors   []*Actor
	Places   []*Place
	Triggers []*Trigger
	Cues     []*Cue

	actors    map[string]*Actor
	places    map[string]*Place
	countries map[string]*Place // country places by ISO code
	roots     [numLangs]*node   // phrase index per language (see langIndex)
	// words caches what the index makes of a word that has no record (see
	// slotReadings), by slot number (see wordSlots).
	words [numSlots]textnorm.WordCache[*wordReadings]
	// useRecords tells that the readings of a word are kept in its
	// textnorm.WordRecord instead (wordSlots): only Default does, as the
	// records are shared by all lexicons.
	useRecords bool
	// innerIDs number, per language, the keys of the index after the
	// first word of a phrase (see node.kids).
	innerIDs [numLangs]map[string]int32
}

// Default returns the lexicon of the embedded data files, loaded once.
var Default = sync.OnceValues(func() (*Lexicon, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, err
	}
	l, err := Load(sub)
	if err != nil {
		return nil, err
	}
	l.useRecords = true
	return l, nil
})

// resetWords empties the caches of Lexicon.words.
func (l *Lexicon) resetWords() {
	for i := range l.words {
		l.words[i] = textnorm.WordCache[*wordReadings]{Max: textnorm.OverflowCacheMax}
	}
}

// Load reads actors.tsv, places.tsv, triggers.tsv and cues.tsv from fsys and
// indexes them. Errors name the file and line.
func Load(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{actors: map[string]*Actor{}, places: map[string]*Place{}, countries: map[string]*Place{}}
	l.resetWords()
	if err := l.loadActors(fsys); err != nil {
		return nil, err
	}
	if err := l.loadPlaces(fsys); err != nil {
		return nil, err
	}
	if err := l.loadTriggers(fsys); err != nil {
		return nil, err
	}
	if err := l.loadCues(fsys); err != nil {
		return nil, err
	}
	return l, nil
}

// Actor returns the actor with the canonical name, or nil.
func (l *Lexicon) Actor(name string) *Actor { return l.actors[name] }

// Place returns the place with the canonical name, or nil.
func (l *Lexicon) Place(name string) *Place { return l.places[name] }

func (l *Lexicon) loadActors(fsys fs.FS) error {
	rows, err := ReadTSV(fsys, ActorsFile, 6)
	if err != nil {
		return err
	}
	for _, r := range rows {
		a := &Actor{Name: r.Cell(0), Kind: ActorKind(r.Cell(1)), Country: r.Cell(2), Affiliation: r.Cell(3),
			AliasesAR: Split(r.Cell(4)), AliasesEN: Split(r.Cell(5)), DemonymsAR: Split(r.Cell(6)), DemonymsEN: Split(r.Cell(7)), Line: r.Line}
		switch a.Kind {
		case Person, Organisation, State, Group:
		default:
			return r.Errorf("kind %q is not one of person, organisation, state, group", a.Kind)
		}
		if a.Name == "" {
			return r.Errorf("empty name")
		}
		if err := checkCountry(r, a.Country); err != nil {
			return err
		}
		if l.actors[a.Name] != nil {
			return r.Errorf("actor %q is listed twice", a.Name)
		}
		l.actors[a.Name] = a
		l.Actors = append(l.Actors, a)
	}
	for i, a := range l.Actors {
		if a.Affiliation == "" {
			continue
		}
		if a.affiliation = l.actors[a.Affiliation]; a.affiliation == nil {
			return rows[i].Errorf("affiliation %q is not an actor of %s", a.Affiliation, ActorsFile)
		}
	}
	for _, a := range l.Actors {
		for _, s := range a.AliasesAR {
			l.addPhrase("ar", s, Entry{Actor: a}, true)
		}
		for _, s := range a.AliasesEN {
			l.addPhrase("en", s, Entry{Actor: a}, true)
		}
		for _, d := range a.DemonymsAR {
			for _, f := range demonymForms(d) {
				l.addPhrase("ar", f, Entry{Actor: a, Demonym: true}, false)
			}
		}
		for _, d := range a.DemonymsEN {
			l.addPhrase("en", d, Entry{Actor: a, Demonym: true}, false)
		}
	}
	return nil
}

func checkCountry(r Row, c string) error {
	if c == "" {
		return nil
	}
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return r.Errorf("country %q is not an ISO 3166-1 alpha-2 code", c)
	}
	return nil
}

func (l *Lexicon) loadPlaces(fsys fs.FS) error {
	rows, err := ReadTSV(fsys, PlacesFile, 8)
	if err != nil {
		return err
	}
	for _, r := range rows {
		p := &Place{Name: r.Cell(0), Kind: PlaceKind(r.Cell(1)), Country: r.Cell(2), Parent: r.Cell(3),
			AliasesAR: Split(r.Cell(6)), AliasesEN: Split(r.Cell(7)), Line: r.Line}
		switch p.Kind {
		case Country, Region, City, Site, Sea:
		default:
			return r.Errorf("kind %q is not one of country, region, city, site, sea", p.Kind)
		}
		if err := checkCountry(r, p.Country); err != nil {
			return err
		}
		if lat, lon := r.Cell(4), r.Cell(5); lat != "" || lon != "" {
			var e1, e2 error
			p.Lat, e1 = strconv.ParseFloat(lat, 64)
			p.Lon, e2 = strconv.ParseFloat(lon, 64)
			if e1 != nil || e2 != nil || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				return r.Errorf("coordinates %q, %q are not a latitude and a longitude", lat, lon)
			}
			p.HasCoords = true
		}
		if l.places[p.Name] != nil {
			return r.Errorf("place %q is listed twice", p.Name)
		}
		l.places[p.Name] = p
		l.Places = append(l.Places, p)
		if p.Kind == Country && p.Country != "" && l.countries[p.Country] == nil {
			l.countries[p.Country] = p
		}
	}
	for i, p := range l.Places {
		if p.Parent == "" {
			continue
		}
		if p.parent = l.places[p.Parent]; p.parent == nil {
			return rows[i].Errorf("parent %q is not a place of %s", p.Parent, PlacesFile)
		}
		if p.Contains(p.parent) {
			return rows[i].Errorf("place %q contains itself through its parents", p.Name)
		}
	}
	for _, p := range l.Places {
		for _, s := range p.AliasesAR {
			l.addPhrase("ar", s, Entry{Place: p}, true)
		}
		for _, s := range p.AliasesEN {
			l.addPhrase("en", s, Entry{Place: p}, true)
		}
	}
	return nil
}

func checkLang(r Row, lang string) error {
	if lang != "ar" && lang != "en" {
		return r.Errorf("lang %q is not ar or en", lang)
	}
	return nil
}

func parsePOS(r Row, pos string) error {
	switch pos {
	case "verb", "noun", "exact", "exactverb":
		return nil
	}
	return r.Errorf("pos %q is not one of verb, noun, exact, exactverb", pos)
}

func (l *Lexicon) loadTriggers(fsys fs.FS) error {
	rows, err := ReadTSV(fsys, TriggersFile, 5)
	if err != nil {
		return err
	}
	for _, r := range rows {
		t := &Trigger{Lang: r.Cell(0), Forms: Split(r.Cell(1)), POS: r.Cell(2), Line: r.Line}
		if err := checkLang(r, t.Lang); err != nil {
			return err
		}
		if err := parsePOS(r, t.POS); err != nil {
			return err
		}
		if len(t.Forms) == 0 {
			return r.Errorf("no forms")
		}
		for i, n := range classNames {
			if i > 0 && n == r.Cell(3) {
				t.Class = TriggerClass(i)
			}
		}
		if t.Class == 0 {
			return r.Errorf("class %q is not one of %s", r.Cell(3), strings.Join(classNames[1:], ", "))
		}
		typ, err := events.ParseEventType(r.Cell(4))
		if err != nil {
			return r.Errorf("type: %v", err)
		}
		t.Type = typ
		for _, f := range strings.Split(r.Cell(5), ",") {
			switch strings.TrimSpace(f) {
			case "":
			case "report":
				t.Report = true
			case "participle":
				t.Participle = true
			case "object":
				t.Object = true
			case "topic":
				t.Topic = true
			case "source":
				t.Source = true
			case "needs=force":
				t.Needs = NeedForce
			case "needs=means":
				t.Needs = NeedMeans
			case "needs=governor":
				t.Needs = NeedGovernor
			default:
				return r.Errorf("unknown flag %q", f)
			}
		}
		l.Triggers = append(l.Triggers, t)
		for _, f := range t.Forms {
			for _, g := range generate(t.Lang, t.POS, f) {
				l.addPhrase(t.Lang, g, Entry{Trigger: t, verbal: t.Verb()}, false)
			}
		}
	}
	return nil
}

func (l *Lexicon) loadCues(fsys fs.FS) error {
	rows, err := ReadTSV(fsys, CuesFile, 4)
	if err != nil {
		return err
	}
	for _, r := range rows {
		c := &Cue{Lang: r.Cell(0), Forms: Split(r.Cell(1)), Line: r.Line}
		if err := checkLang(r, c.Lang); err != nil {
			return err
		}
		pos := r.Cell(2)
		if err := parsePOS(r, pos); err != nil {
			return err
		}
		for i, n := range cueNames {
			if i > 0 && n == r.Cell(3) {
				c.Class = CueClass(i)
			}
		}
		if c.Class == 0 {
			return r.Errorf("class %q is not one of %s", r.Cell(3), strings.Join(cueNames[1:], ", "))
		}
		l.Cues = append(l.Cues, c)
		for _, f := range c.Forms {
			for _, g := range generate(c.Lang, pos, f) {
				l.addPhrase(c.Lang, g, Entry{Cue: c, verbal: pos == "verb" || pos == "exactverb"}, false)
			}
		}
	}
	return nil
}

// String describes an entry for messages and explain output.
func (e Entry) String() string {
	switch {
	case e.Actor != nil && e.Demonym:
		return "demonym:" + e.Actor.Name
	case e.Actor != nil:
		return "actor:" + e.Actor.Name
	case e.Place != nil:
		return "place:" + e.Place.Name
	case e.Trigger != nil:
		return fmt.Sprintf("trigger:%s/%s", e.Trigger.Class, e.Trigger.Type)
	case e.Cue != nil:
		return "cue:" + e.Cue.Class.String()
	}
	return "?"
}
