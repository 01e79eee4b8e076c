package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/golden"
	"github.com/eventline/eventline/parse/lexicon"
	"github.com/eventline/eventline/parse/textnorm"
)

// wantEvent is what a test expects of one event; empty strings and nil
// pointers are not checked unless the field is listed in none.
type wantEvent struct {
	typ       events.EventType
	trigger   string // a substring of the trigger, to pick the event
	ctx       events.Context
	actor1    string
	actor2    string
	location  string
	date      string
	dateEnd   string
	precision events.Precision
	count     *int
	qualifier events.Qualifier
	unit      string
	fatal     *int
	injured   *int
	none      []string // fields that must be empty: actor1, actor2, location, count
}

func num(n int) *int { return &n }

// extractEN extracts the events of an English text published on Thursday
// 25 January 2024.
func extractEN(t *testing.T, p *Parser, text string) []events.Event {
	t.Helper()
	return p.Extract(&events.Article{ID: "t", Published: "2024-01-25", Lang: "en", Text: text})
}

// pick returns the event of type typ whose trigger holds trig.
func pick(evs []events.Event, typ events.EventType, trig string) *events.Event {
	for i := range evs {
		if evs[i].EventType == typ && strings.Contains(evs[i].Trigger, trig) {
			return &evs[i]
		}
	}
	return nil
}

func describeEvents(evs []events.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(string(e.EventType) + "(" + e.Trigger + ", " + string(e.Context) + ", " + e.Actor1 + " → " + e.Actor2 + ") ")
	}
	return b.String()
}

func checkEvent(t *testing.T, evs []events.Event, w wantEvent) {
	t.Helper()
	e := pick(evs, w.typ, w.trigger)
	require.NotNil(t, e, "no %s event with trigger %q among %s", w.typ, w.trigger, describeEvents(evs))
	ctx := w.ctx
	if ctx == "" {
		ctx = events.Reported
	}
	assert.Equal(t, ctx, e.Context, "context")
	if w.actor1 != "" {
		assert.Equal(t, w.actor1, e.Actor1, "actor1")
	}
	if w.actor2 != "" {
		assert.Equal(t, w.actor2, e.Actor2, "actor2")
	}
	if w.location != "" {
		assert.Equal(t, w.location, e.Location, "location")
	}
	if w.date != "" {
		assert.Equal(t, w.date, e.Date, "date")
		end := w.dateEnd
		if end == "" {
			end = w.date
		}
		assert.Equal(t, end, e.DateEnd, "date_end")
	}
	if w.precision != "" {
		assert.Equal(t, w.precision, e.DatePrecision, "date_precision")
	}
	if w.count != nil {
		require.NotNil(t, e.Count, "count")
		assert.Equal(t, *w.count, *e.Count, "count")
	}
	if w.qualifier != "" {
		assert.Equal(t, w.qualifier, e.CountQualifier, "count_qualifier")
	}
	if w.unit != "" {
		assert.Equal(t, w.unit, e.CountUnit, "count_unit")
	}
	if w.fatal != nil {
		require.NotNil(t, e.Fatalities, "fatalities")
		assert.Equal(t, *w.fatal, *e.Fatalities, "fatalities")
	}
	if w.injured != nil {
		require.NotNil(t, e.Injuries, "injuries")
		assert.Equal(t, *w.injured, *e.Injuries, "injuries")
	}
	for _, f := range w.none {
		switch f {
		case "actor1":
			assert.Empty(t, e.Actor1, "actor1")
		case "actor2":
			assert.Empty(t, e.Actor2, "actor2")
		case "location":
			assert.Empty(t, e.Location, "location")
		case "count":
			assert.Nil(t, e.Count, "count")
		}
	}
}

// TestEnglishRoles covers the roles, contexts and dates of the English
// constructions the parser reads: passives with and without an agent,
// attribution, claims, denials, plans, threats, negation, joint actors.
func TestEnglishRoles(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []wantEvent
		types []events.EventType // the types of all events, in order, when given
	}{
		{
			name: "passive with agent",
			text: "An explosive-laden drone was shot down by Kurdish forces near Erbil airport on Thursday.",
			want: []wantEvent{{typ: events.Interception, trigger: "shot down", actor1: "Kurdish forces", location: "Erbil International Airport",
				date: "2024-01-25", precision: events.PrecisionDay, none: []string{"actor2"}}},
			types: []events.EventType{events.Interception},
		},
		{
			name: "passive without agent, the subject is the target",
			text: "U.S. forces in Iraq and Syria have been attacked more than 150 times since mid-October, officials said.",
			want: []wantEvent{{typ: events.Attack, trigger: "attacked", actor2: "United States", date: "2023-10-11", dateEnd: "2024-01-25",
				precision: events.PrecisionRange, count: num(150), qualifier: events.MoreThan, unit: "attack", none: []string{"actor1", "location"}}},
			types: []events.EventType{events.Attack},
		},
		{
			name: "the time on the verb of saying dates the statement only",
			text: "Iraq's foreign ministry said on Tuesday that a U.S. drone strike in Baghdad killed two members of Kataib Hezbollah.",
			want: []wantEvent{
				{typ: events.Statement, trigger: "said", actor1: "Iraqi Ministry of Foreign Affairs", date: "2024-01-23", precision: events.PrecisionDay},
				{typ: events.Airstrike, trigger: "strike", actor1: "United States", actor2: "Kataib Hezbollah", location: "Baghdad",
					precision: events.PrecisionUnknown, count: num(2), unit: "person", fatal: num(2)},
			},
		},
		{
			name: "a group saying it struck is a claim and the claimed attack",
			text: "The Islamic Resistance in Iraq said it had targeted Ain al-Asad air base with two drones on Wednesday night.",
			want: []wantEvent{
				{typ: events.Claim, trigger: "said", actor1: "Islamic Resistance in Iraq", location: "Ain al-Asad Air Base", precision: events.PrecisionUnknown},
				{typ: events.DroneAttack, trigger: "targeted", ctx: events.Claimed, actor1: "Islamic Resistance in Iraq", location: "Ain al-Asad Air Base",
					date: "2024-01-24", precision: events.PrecisionDay, count: num(2), unit: "drone"},
			},
			types: []events.EventType{events.Claim, events.DroneAttack},
		},
		{
			name: "claimed responsibility for attacks",
			text: "Kataib Hezbollah claimed responsibility for drone attacks on two U.S. bases.",
			want: []wantEvent{
				{typ: events.Claim, trigger: "claimed responsibility", actor1: "Kataib Hezbollah", actor2: "United States"},
				{typ: events.DroneAttack, trigger: "attacks", ctx: events.Claimed, actor1: "Kataib Hezbollah", actor2: "United States", count: num(2), unit: "base"},
			},
		},
		{
			name: "denied attacking",
			text: "Kataib Hezbollah denied attacking the base.",
			want: []wantEvent{
				{typ: events.Statement, trigger: "denied", actor1: "Kataib Hezbollah"},
				{typ: events.Attack, trigger: "attacking", ctx: events.Denied, actor1: "Kataib Hezbollah"},
			},
		},
		{
			name: "denied that someone else did it",
			text: "Iran's foreign ministry spokesman, Nasser Kanaani, denied on Monday that Tehran had any role in the attack.",
			want: []wantEvent{
				{typ: events.Statement, trigger: "denied", actor1: "Nasser Kanaani", date: "2024-01-22"},
				{typ: events.Attack, trigger: "attack", ctx: events.Denied, actor1: "Iran", precision: events.PrecisionUnknown},
			},
		},
		{
			name: "will meet next week",
			text: "Iraqi and U.S. officials will meet in Baghdad next week.",
			want: []wantEvent{{typ: events.Meeting, trigger: "meet", ctx: events.Future, actor1: "Iraq", actor2: "United States", location: "Baghdad",
				date: "2024-01-29", dateEnd: "2024-02-04", precision: events.PrecisionWeek}},
		},
		{
			name: "threatened to strike",
			text: "Iran threatened on Wednesday to strike Israel.",
			want: []wantEvent{
				{typ: events.Threat, trigger: "threatened", actor1: "Iran", actor2: "Israel", date: "2024-01-24"},
				{typ: events.Airstrike, trigger: "strike", ctx: events.Hypothetical, actor1: "Iran", actor2: "Israel", precision: events.PrecisionUnknown},
			},
		},
		{
			name:  "no attacks were reported",
			text:  "No attacks were reported on Friday.",
			types: []events.EventType{},
		},
		{
			name:  "a negated withdrawal",
			text:  "Netanyahu said Israel would not withdraw its forces from Gaza.",
			types: []events.EventType{},
		},
		{
			name:  "trailing attribution names a source, not a statement",
			text:  "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.",
			want:  []wantEvent{{typ: events.RocketAttack, trigger: "shelled", actor1: "Russia", location: "Kharkiv", date: "2024-01-22"}},
			types: []events.EventType{events.RocketAttack},
		},
		{
			name: "said in a statement is a statement",
			text: "Two dozen rockets were fired at the base on Tuesday night, the Pentagon said in a statement.",
			want: []wantEvent{
				{typ: events.RocketAttack, trigger: "fired", date: "2024-01-23", count: num(24), qualifier: events.Exact, unit: "rocket"},
				{typ: events.Statement, trigger: "said", actor1: "United States Department of Defense", precision: events.PrecisionUnknown},
			},
		},
		{
			name:  "a direct quotation makes a statement",
			text:  `Biden said: "We will respond at a time and place of our choosing."`,
			want:  []wantEvent{{typ: events.Statement, trigger: "said", actor1: "Joe Biden"}},
			types: []events.EventType{events.Statement},
		},
		{
			name: "joint actors: the first named acts",
			text: "The United States and Britain struck 36 Houthi targets in Yemen on Saturday.",
			want: []wantEvent{{typ: events.Airstrike, trigger: "struck", actor1: "United States", actor2: "Houthis", location: "Yemen",
				date: "2024-01-20", count: num(36), unit: "target"}},
		},
		{
			name: "apposition: the more specific name",
			text: "Gen. Michael Kurilla, the head of U.S. Central Command, visited U.S. troops in northeastern Syria last week.",
			want: []wantEvent{{typ: events.Meeting, trigger: "visited", actor1: "Michael Kurilla", actor2: "United States", location: "Syria",
				date: "2024-01-15", dateEnd: "2024-01-21", precision: events.PrecisionWeek}},
		},
		{
			name: "a light verb's subject acts",
			text: "The Houthis have carried out more than 30 attacks on shipping since Nov. 19.",
			want: []wantEvent{{typ: events.Attack, trigger: "attacks", actor1: "Houthis", actor2: "shipping", date: "2023-11-19", dateEnd: "2024-01-25",
				precision: events.PrecisionRange, count: num(30), qualifier: events.MoreThan}},
		},
		{
			name: "a name the lexicon lacks is reported as written",
			text: "Gunmen on motorbikes killed three civilians in Tidermene on Saturday, residents said.",
			want: []wantEvent{{typ: events.Attack, trigger: "killed", actor1: "Gunmen", actor2: "civilians", location: "Tidermene",
				date: "2024-01-20", count: num(3), unit: "person", fatal: num(3)}},
			types: []events.EventType{events.Attack},
		},
		{
			name: "casualties and an event in a when clause",
			text: "Three U.S. soldiers were killed and 34 wounded early Sunday when a drone struck Tower 22, a small outpost in Jordan.",
			want: []wantEvent{{typ: events.DroneAttack, trigger: "struck", actor2: "United States", location: "Tower 22", date: "2024-01-21",
				count: num(3), unit: "soldier", fatal: num(3), injured: num(34), none: []string{"actor1"}}},
			types: []events.EventType{events.DroneAttack},
		},
		{
			name: "a protest counts its crowd in protesters",
			text: "Thousands of people rallied in the southern city of Sidon on Wednesday.",
			want: []wantEvent{{typ: events.Protest, trigger: "rallied", location: "Sidon", date: "2024-01-24", count: num(1000),
				qualifier: events.AtLeast, unit: "protester"}},
		},
		{
			name: "a withdrawal is a deployment",
			text: "French troops withdrew from Niger in late 2023.",
			want: []wantEvent{{typ: events.Deployment, trigger: "withdrew", actor1: "France", location: "Niger", date: "2023-09-01", dateEnd: "2023-12-31",
				precision: events.PrecisionYear}},
		},
		{
			name:  "a demand and its topic",
			text:  "U.N. human rights chief Volker Türk urged the military to stop air strikes on civilian areas.",
			want:  []wantEvent{{typ: events.Demand, trigger: "urged", actor1: "Volker Türk"}},
			types: []events.EventType{events.Demand},
		},
		{
			name:  "a dateline is no part of the story",
			text:  "ERBIL, Iraq, Jan 5 (Reuters) - Rebels attacked a checkpoint in Mopti on Monday.",
			want:  []wantEvent{{typ: events.Attack, trigger: "attacked", actor1: "Rebels", location: "Mopti", date: "2024-01-22"}},
			types: []events.EventType{events.Attack},
		},
		{
			name:  "definite event nouns refer back",
			text:  "Iran's foreign ministry spokesman Nasser Kanaani condemned the strikes on Sunday.",
			want:  []wantEvent{{typ: events.Statement, trigger: "condemned", actor1: "Nasser Kanaani", date: "2024-01-21"}},
			types: []events.EventType{events.Statement},
		},
	}
	p := newParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractEN(t, p, tt.text)
			if tt.types != nil {
				got := []events.EventType{}
				for _, e := range evs {
					got = append(got, e.EventType)
				}
				assert.Equal(t, tt.types, got, describeEvents(evs))
			}
			for _, w := range tt.want {
				checkEvent(t, evs, w)
			}
			for _, e := range evs {
				assert.Equal(t, "en", e.Lang)
				assert.Empty(t, e.Validate(), e.ID)
			}
		})
	}
}

// TestEnglishInflections checks that every inflection of a trigger verb
// makes its event, and that a word that is both a noun and a verb is read
// from the words before it.
func TestEnglishInflections(t *testing.T) {
	tests := []struct {
		name string
		text string
		typ  events.EventType
		verb bool // read as a verb: its subject is actor1
	}{
		{"base form", "Rebels attack the town every night.", events.Attack, true},
		{"third person", "The militia attacks the town every night.", events.Attack, true},
		{"past", "Rebels attacked the town.", events.Attack, true},
		{"progressive", "Rebels were attacking the town.", events.Attack, true},
		{"noun after a determiner", "The town came under an attack by rebels.", events.Attack, false},
		{"plural noun after a number", "Rebels carried out 12 attacks on the town.", events.Attack, false},
		{"irregular past", "Turkish drones struck two vehicles near Qamishli.", events.Airstrike, true},
		{"phrasal verb", "Ukraine's air force shot down 34 cruise missiles.", events.Interception, true},
		{"phrasal verb, present", "The navy shoots down drones every day.", events.Interception, true},
		{"noun phrase", "A U.S. drone strike hit Baghdad.", events.Airstrike, false},
	}
	p := newParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractEN(t, p, tt.text)
			require.NotEmpty(t, evs, tt.text)
			var e *events.Event
			for i := range evs {
				if evs[i].EventType == tt.typ {
					e = &evs[i]
				}
			}
			require.NotNil(t, e, "no %s in %s", tt.typ, describeEvents(evs))
			assert.NotEmpty(t, e.Actor1, "actor1 of %q", e.Trigger)
		})
	}
}

// TestEnglishDates runs the time expressions of English wire copy through
// Extract: each dates the attack of its sentence (published Thursday 25
// January 2024).
func TestEnglishDates(t *testing.T) {
	tests := []struct {
		name      string
		when      string
		date, end string
		precision events.Precision
	}{
		{"weekday", "on Tuesday", "2024-01-23", "", events.PrecisionDay},
		{"weekday night", "on Tuesday night", "2024-01-23", "", events.PrecisionDay},
		{"early weekday", "early Sunday", "2024-01-21", "", events.PrecisionDay},
		{"today", "today", "2024-01-25", "", events.PrecisionDay},
		{"yesterday", "yesterday", "2024-01-24", "", events.PrecisionDay},
		{"last week", "last week", "2024-01-15", "2024-01-21", events.PrecisionWeek},
		{"mid-month", "in mid-October", "2023-10-11", "2023-10-20", events.PrecisionMonth},
		{"late year", "in late 2017", "2017-09-01", "2017-12-31", events.PrecisionYear},
		{"since a day", "since Oct. 17", "2023-10-17", "2024-01-25", events.PrecisionRange},
		{"abbreviated month", "on Jan. 23", "2024-01-23", "", events.PrecisionDay},
		{"day month year", "on 23 January 2024", "2024-01-23", "", events.PrecisionDay},
		{"ordinal with year", "on January 23rd, 2024", "2024-01-23", "", events.PrecisionDay},
		{"overnight", "overnight", "2024-01-24", "2024-01-25", events.PrecisionWeek},
		{"days ago", "two days ago", "2024-01-23", "", events.PrecisionDay},
	}
	p := newParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractEN(t, p, "Rebels attacked the town "+tt.when+".")
			checkEvent(t, evs, wantEvent{typ: events.Attack, trigger: "attacked", date: tt.date, dateEnd: tt.end, precision: tt.precision})
		})
	}
}

// TestEnglishCounts checks the headline count of an English sentence:
// digits with separators, number words, dozens, and the hedges.
func TestEnglishCounts(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		typ       events.EventType
		count     int
		qualifier events.Qualifier
		unit      string
	}{
		{"separators and a hedge", "About 2,500 U.S. troops are deployed in Iraq.", events.Deployment, 2500, events.Approx, "soldier"},
		{"number word", "Militants fired three rockets at the base.", events.RocketAttack, 3, events.Exact, "rocket"},
		{"two dozen", "Militants fired two dozen rockets at the base.", events.RocketAttack, 24, events.Exact, "rocket"},
		{"dozens", "The Houthis launched dozens of drones at ships.", events.DroneAttack, 12, events.AtLeast, "drone"},
		{"nearly", "Militants fired nearly 20 rockets at the base.", events.RocketAttack, 20, events.Approx, "rocket"},
		{"more than", "Rebels carried out more than 150 attacks.", events.Attack, 150, events.MoreThan, "attack"},
		{"at least, casualties", "A car bomb killed at least eight people in al-Bab.", events.Bombing, 8, events.AtLeast, "person"},
		{"up to", "Up to 30 people were killed in the attack.", events.Attack, 30, events.AtMost, "person"},
		{"part of a whole", "Ukraine said it shot down 20 of 25 drones.", events.Interception, 20, events.Exact, "drone"},
	}
	p := newParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractEN(t, p, tt.text)
			var e *events.Event
			for i := range evs {
				if evs[i].EventType == tt.typ {
					e = &evs[i]
				}
			}
			require.NotNil(t, e, "no %s in %s", tt.typ, describeEvents(evs))
			require.NotNil(t, e.Count, "count")
			assert.Equal(t, tt.count, *e.Count)
			assert.Equal(t, tt.qualifier, e.CountQualifier)
			assert.Equal(t, tt.unit, e.CountUnit)
		})
	}
}

// TestEnglishFixturesSplit checks that the English fixtures split into one
// sentence per line of wire copy, past the abbreviations (Oct., U.S., Gen.,
// Lt. Col., Mr, No.) and quotations they hold.
func TestEnglishFixturesSplit(t *testing.T) {
	fixtures, errs := golden.Load(moduleRoot(t) + "/fixtures")
	require.Empty(t, errs)
	p := newParser(t)
	n := 0
	for _, fx := range fixtures {
		a := fx.Article
		if a.Lang != "en" {
			continue
		}
		n++
		t.Run(a.ID, func(t *testing.T) {
			var lines []string
			for _, l := range strings.Split(a.Text, "\n") {
				if strings.TrimSpace(l) != "" {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
			var got []string
			for _, s := range p.Sentences(a) {
				got = append(got, s.Text)
			}
			assert.Equal(t, lines, got)
		})
	}
	assert.GreaterOrEqual(t, n, 8, "English fixtures")
}

// TestDetectLang checks the detection behind --lang auto.
func TestDetectLangEnglish(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"English wire copy", "BEIRUT (AFP) - Hezbollah fired rockets at northern Israel on Tuesday.", "en"},
		{"Arabic wire copy", "قصفت الطائرات الإسرائيلية مواقع في جنوب لبنان الثلاثاء.", "ar"},
		{"Arabic with English names", "قال المتحدث باسم CENTCOM إن قوات US أسقطت طائرة مسيرة فوق البحر الأحمر.", "ar"},
		{"English with an Arabic name", "The group, known as كتائب حزب الله, said it attacked the base.", "en"},
		{"digits only", "2024 150 2,500", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, DetectLang(tt.text))
			a := &events.Article{ID: "x", Lang: "auto", Text: tt.text}
			assert.Equal(t, tt.want, Lang(a))
		})
	}
}

// TestEnglishWireSentences runs sentences in the style of AP, Reuters and
// AFP copy that none of the fixtures holds.
func TestEnglishWireSentences(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []wantEvent
		types []events.EventType
	}{
		{
			name:  "exchanged fire is a clash between the two",
			text:  "Hezbollah and Israel have exchanged fire almost daily since Oct. 8.",
			want:  []wantEvent{{typ: events.ArmedClash, trigger: "fire", actor1: "Hezbollah", actor2: "Israel", date: "2023-10-08", dateEnd: "2024-01-25", precision: events.PrecisionRange}},
			types: []events.EventType{events.ArmedClash},
		},
		{
			name: "a state's military by its possessive",
			text: "Israel's military said Monday it had killed a senior Hamas commander in an airstrike in Gaza City.",
			want: []wantEvent{
				{typ: events.Statement, trigger: "said", actor1: "Israel Defense Forces", date: "2024-01-22"},
				{typ: events.Airstrike, trigger: "airstrike", actor1: "Israel Defense Forces", location: "Gaza City", precision: events.PrecisionUnknown},
			},
		},
		{
			name:  "what a protest demands is no event",
			text:  "Hundreds of protesters marched through Baghdad on Sunday, demanding the resignation of the prime minister.",
			want:  []wantEvent{{typ: events.Protest, trigger: "marched", location: "Baghdad", date: "2024-01-21", count: num(100), qualifier: events.AtLeast, unit: "protester"}},
			types: []events.EventType{events.Protest},
		},
		{
			name: "a quotation before a trailing verb of saying",
			text: `"We will not stop until the aggression stops," Houthi leader Abdul-Malik al-Houthi said in a televised speech on Thursday.`,
			want: []wantEvent{{typ: events.Statement, trigger: "said", actor1: "Abdul-Malik al-Houthi", date: "2024-01-25"}},
		},
		{
			name: "claimed by",
			text: "The attack, claimed by the Islamic State group, killed up to 30 people in Kidal on Monday.",
			want: []wantEvent{
				{typ: events.Attack, trigger: "attack", ctx: events.Claimed, actor1: "Islamic State", location: "Kidal", date: "2024-01-22",
					count: num(30), qualifier: events.AtMost, unit: "person", fatal: num(30)},
				{typ: events.Claim, trigger: "claimed by", actor1: "Islamic State"},
			},
		},
		{
			name:  "a claim to have taken a town",
			text:  "Sudan's army said on Tuesday it had recaptured the town of Wad Madani.",
			want:  []wantEvent{{typ: events.Claim, trigger: "recaptured", actor1: "Sudanese Armed Forces", location: "Wad Madani", date: "2024-01-23"}},
			types: []events.EventType{events.Claim},
		},
		{
			name:  "the subject of a casualty verb acts in the clash",
			text:  "Nigerian troops killed 30 insurgents in clashes on Tuesday, the army said.",
			want:  []wantEvent{{typ: events.ArmedClash, trigger: "clashes", actor1: "Nigerian troops", date: "2024-01-23", count: num(30), fatal: num(30)}},
			types: []events.EventType{events.ArmedClash},
		},
		{
			name:  "rockets fired toward a place",
			text:  "Several rockets were fired from Syria toward the Golan Heights on Wednesday, the army said.",
			want:  []wantEvent{{typ: events.RocketAttack, trigger: "fired", date: "2024-01-24", none: []string{"actor1"}}},
			types: []events.EventType{events.RocketAttack},
		},
		{
			name:  "no one fired",
			text:  "He was fired from his job on Monday.",
			types: []events.EventType{},
		},
	}
	p := newParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractEN(t, p, tt.text)
			if tt.types != nil {
				got := []events.EventType{}
				for _, e := range evs {
					got = append(got, e.EventType)
				}
				assert.Equal(t, tt.types, got, describeEvents(evs))
			}
			for _, w := range tt.want {
				checkEvent(t, evs, w)
			}
		})
	}
}

func TestCachedArmyOf(t *testing.T) {
	p := newParser(t)
	state := func(name string) *lexicon.Actor {
		for _, m := range p.lex.Match(textnorm.Tokenize(name), "en") {
			for _, e := range m.Entries {
				if e.Actor != nil && !e.Demonym && e.Actor.Kind == lexicon.State {
					return e.Actor
				}
			}
		}
		t.Fatalf("no state %q", name)
		return nil
	}
	for _, tc := range []struct {
		demonym, state string
		army           bool
	}{
		{"Sudanese", "Sudan", true},
		{"Malian", "Mali", true},
		{"Xyzian", "Sudan", false},
	} {
		st := state(tc.state)
		want := p.armyOf(tc.demonym, st)
		assert.Equal(t, tc.army, want != nil, tc.demonym)
		for range 2 { // the answer, then the answer remembered
			assert.Same(t, want, p.cachedArmyOf(tc.demonym, st), tc.demonym)
		}
	}
}
