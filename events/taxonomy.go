package events

import (
	"fmt"
	"strings"
)

// EventType is the closed set of event types of the taxonomy in EVENTS.md.
type EventType string

// The event types. The set is closed: Validate rejects any other value.
const (
	Attack       EventType = "attack"
	DroneAttack  EventType = "drone_attack"
	RocketAttack EventType = "rocket_attack"
	Airstrike    EventType = "airstrike"
	Bombing      EventType = "bombing"
	ArmedClash   EventType = "armed_clash"
	Interception EventType = "interception"
	Claim        EventType = "claim"
	Statement    EventType = "statement"
	Announcement EventType = "announcement"
	Meeting      EventType = "meeting"
	Demand       EventType = "demand"
	Threat       EventType = "threat"
	Deployment   EventType = "deployment"
	Protest      EventType = "protest"
)

// TypeInfo describes one event type: what it covers and its ACLED and PLOVER codes.
type TypeInfo struct {
	Type              EventType
	Covers            string
	ACLEDEventType    string
	ACLEDSubEventType string
	PLOVER            string
	// PLOVERWithdrawal is the PLOVER code used instead of PLOVER when a
	// deployment is a withdrawal (RETREAT); empty for the other types.
	PLOVERWithdrawal string
}

// Taxonomy lists every event type in the order of EVENTS.md.
var Taxonomy = []TypeInfo{
	{Attack, "armed attack whose means are unstated or mixed, ground assaults", "Battles", "Armed clash", "ASSAULT", ""},
	{DroneAttack, "attack by drones operated by a non-state armed group", "Explosions/Remote violence", "Air/drone strike", "ASSAULT", ""},
	{RocketAttack, "rockets, missiles, mortars, shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", ""},
	{Airstrike, "strikes or raids by a state's aircraft or drones", "Explosions/Remote violence", "Air/drone strike", "ASSAULT", ""},
	{Bombing, "IED, car bomb, suicide bomb, explosive device", "Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", ""},
	{ArmedClash, "fighting between two armed sides", "Battles", "Armed clash", "ASSAULT", ""},
	{Interception, "a drone, rocket or missile shot down or intercepted", "Strategic developments", "Disrupted weapons use", "", ""},
	{Claim, "a claim of responsibility", "Strategic developments", "Other", "", ""},
	{Statement, "a public statement or quotation", "", "", "", ""},
	{Announcement, "an official decision, launch or agreement made public", "Strategic developments", "Agreement", "AGREE", ""},
	{Meeting, "meetings, visits, talks, negotiations", "", "", "CONSULT", ""},
	{Demand, "calls, demands, appeals (e.g. for withdrawal)", "", "", "REQUEST", ""},
	{Threat, "threats and warnings", "", "", "THREATEN", ""},
	{Deployment, "forces stationed, deployed, sent, or withdrawn", "", "", "MOBILIZE", "RETREAT"},
	{Protest, "demonstrations, sit-ins, riots", "Protests", "Peaceful protest", "PROTEST", ""},
}

var typeIndex = func() map[EventType]int {
	m := make(map[EventType]int, len(Taxonomy))
	for i, t := range Taxonomy {
		m[t.Type] = i
	}
	return m
}()

// Info returns the taxonomy entry of t and whether t is a known type.
func (t EventType) Info() (TypeInfo, bool) {
	i, ok := typeIndex[t]
	if !ok {
		return TypeInfo{}, false
	}
	return Taxonomy[i], true
}

// Valid reports whether t is one of the taxonomy's types.
func (t EventType) Valid() bool { _, ok := typeIndex[t]; return ok }

// ParseEventType returns the EventType named s, or ErrInvalidEnum.
func ParseEventType(s string) (EventType, error) {
	t := EventType(s)
	if !t.Valid() {
		return "", enumError(s, TypeNames())
	}
	return t, nil
}

// TypeNames lists the event type names in taxonomy order.
func TypeNames() []string {
	out := make([]string, len(Taxonomy))
	for i, t := range Taxonomy {
		out[i] = string(t.Type)
	}
	return out
}

// Precision is how precisely an event's date is known (date_precision).
type Precision string

// The date precisions of EVENTS.md.
const (
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionYear    Precision = "year"
	PrecisionRange   Precision = "range"
	PrecisionUnknown Precision = "unknown"
)

// PrecisionNames lists the precisions in the order of EVENTS.md.
var PrecisionNames = []string{"day", "week", "month", "year", "range", "unknown"}

// Qualifier says how a count is hedged (count_qualifier).
type Qualifier string

// The count qualifiers of EVENTS.md.
const (
	Exact    Qualifier = "exact"
	Approx   Qualifier = "approx"
	AtLeast  Qualifier = "at_least"
	MoreThan Qualifier = "more_than"
	AtMost   Qualifier = "at_most"
	LessThan Qualifier = "less_than"
)

// QualifierNames lists the qualifiers in the order of EVENTS.md.
var QualifierNames = []string{"exact", "approx", "at_least", "more_than", "at_most", "less_than"}

// Context says how the text holds an event (context).
type Context string

// The contexts of EVENTS.md.
const (
	Reported     Context = "reported"
	Claimed      Context = "claimed"
	Denied       Context = "denied"
	Future       Context = "future"
	Hypothetical Context = "hypothetical"
)

// ContextNames lists the contexts in the order of EVENTS.md.
var ContextNames = []string{"reported", "claimed", "denied", "future", "hypothetical"}

// EnumError reports a value outside a closed set. It wraps ErrInvalidEnum.
type EnumError struct {
	Value   string
	Allowed []string
}

func (e *EnumError) Error() string {
	return fmt.Sprintf("%q is not one of %s", e.Value, strings.Join(e.Allowed, ", "))
}

// Unwrap returns ErrInvalidEnum.
func (e *EnumError) Unwrap() error { return ErrInvalidEnum }

func enumError(got string, allowed []string) error {
	return &EnumError{Value: got, Allowed: allowed}
}
