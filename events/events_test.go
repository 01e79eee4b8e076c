package events

import (
	"encoding/json"
	"errors"
	"go/build"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldsMatchContract(t *testing.T) {
	want := strings.Fields(`id doc_id published date date_end date_precision date_text event_type actor1 actor2
		location country latitude longitude count count_qualifier count_unit fatalities injuries quote lang source url
		sentence_index char_start char_end sentence acled_event_type acled_sub_event_type plover confidence trigger context`)
	assert.Len(t, Fields, 33)
	assert.Equal(t, want, FieldNames())
}

func TestTaxonomyMapping(t *testing.T) {
	tests := []struct {
		typ                EventType
		acled, sub, plover string
	}{
		{Attack, "Battles", "Armed clash", "ASSAULT"},
		{DroneAttack, "Explosions/Remote violence", "Air/drone strike", "ASSAULT"},
		{RocketAttack, "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"},
		{Airstrike, "Explosions/Remote violence", "Air/drone strike", "ASSAULT"},
		{Bombing, "Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT"},
		{ArmedClash, "Battles", "Armed clash", "ASSAULT"},
		{Interception, "Strategic developments", "Disrupted weapons use", ""},
		{Claim, "Strategic developments", "Other", ""},
		{Statement, "", "", ""},
		{Announcement, "Strategic developments", "Agreement", "AGREE"},
		{Meeting, "", "", "CONSULT"},
		{Demand, "", "", "REQUEST"},
		{Threat, "", "", "THREATEN"},
		{Deployment, "", "", "MOBILIZE"},
		{Protest, "Protests", "Peaceful protest", "PROTEST"},
	}
	require.Len(t, Taxonomy, len(tests))
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			var e Event
			e.SetType(tt.typ, false)
			assert.Equal(t, tt.acled, e.ACLEDEventType)
			assert.Equal(t, tt.sub, e.ACLEDSubEventType)
			assert.Equal(t, tt.plover, e.PLOVER)
		})
	}
	var w Event
	w.SetType(Deployment, true)
	assert.Equal(t, "RETREAT", w.PLOVER)
	_, err := ParseEventType("raid")
	assert.True(t, errors.Is(err, ErrInvalidEnum))
	assert.EqualError(t, err, `"raid" is not one of `+strings.Join(TypeNames(), ", "))
}

func TestMakeID(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		sentence  int
		n         int
		want      string
	}{
		{"small", "afp-1", 12, 0, "afp-1-s12-e0"},
		{"large numbers", "afp-1", 1234, 105, "afp-1-s1234-e105"},
		{"empty doc", "", 0, 0, "-s0-e0"},
		{"long doc", strings.Repeat("x", 100), 7, 3, strings.Repeat("x", 100) + "-s7-e3"},
		{"arabic doc", "خبر-١", 3, 1, "خبر-١-s3-e1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, MakeID(tc.doc, tc.sentence, tc.n))
			assert.Equal(t, tc.doc+"-s"+strconv.Itoa(tc.sentence)+"-e"+strconv.Itoa(tc.n), MakeID(tc.doc, tc.sentence, tc.n))
		})
	}
}

func TestCompareTimelineOrder(t *testing.T) {
	evs := []Event{
		{ID: "b-s0-e0", DocID: "b", Date: "2024-01-02", DateEnd: "2024-01-02"},
		{ID: "a-s3-e10", DocID: "a", SentenceIndex: 3, Date: "2024-01-01", DateEnd: "2024-01-01"},
		{ID: "a-s3-e9", DocID: "a", SentenceIndex: 3, Date: "2024-01-01", DateEnd: "2024-01-01"},
		{ID: "x-s0-e0", DocID: "x"}, // no date: last
		{ID: "a-s1-e0", DocID: "a", SentenceIndex: 1, Date: "2024-01-01", DateEnd: "2024-01-31"},
		{ID: "c-s0-e0", DocID: "c", Date: "2023-10-11", DateEnd: "2024-01-25"},
	}
	sort.Slice(evs, func(i, j int) bool { return Less(&evs[i], &evs[j]) })
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"c-s0-e0", "a-s3-e9", "a-s3-e10", "a-s1-e0", "b-s0-e0", "x-s0-e0"}, ids)
}

func valid() Event {
	e := Event{ID: "d-s0-e0", DocID: "d", Published: "2024-01-25", Date: "2024-01-23", DateEnd: "2024-01-23",
		DatePrecision: PrecisionDay, Sentence: "s", Trigger: "t", Context: Reported, Confidence: 0.8, CharEnd: 1,
		Latitude: Float(36.2), Longitude: Float(44.0), Count: Int(150), CountQualifier: MoreThan}
	e.SetType(Airstrike, false)
	return e
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Event)
		want   []string
	}{
		{"valid", func(*Event) {}, nil},
		{"bad enum", func(e *Event) { e.DatePrecision = "dayy" }, []string{`date_precision: "dayy" is not one of day, week, month, year, range, unknown`}},
		{"bad date", func(e *Event) { e.Date = "2024-02-30"; e.DateEnd = "2024-02-30" }, []string{
			`date: invalid date: "2024-02-30" is not a YYYY-MM-DD date`, `date_end: invalid date: "2024-02-30" is not a YYYY-MM-DD date`}},
		{"end before start", func(e *Event) { e.DateEnd = "2024-01-20" }, []string{"date_end: 2024-01-20 is before date 2024-01-23"}},
		{"precision too narrow", func(e *Event) { e.DateEnd = "2024-01-25" }, []string{`date_precision: "day" allows at most 1 days, the interval 2024-01-23..2024-01-25 has 3`}},
		{"unknown needs published", func(e *Event) { e.DatePrecision = PrecisionUnknown }, []string{"date: precision unknown needs date = date_end = published (2024-01-25)"}},
		{"latitude out of range", func(e *Event) { e.Latitude = Float(123) }, []string{"latitude: 123 is out of range [-90, 90]"}},
		{"missing required", func(e *Event) { e.Trigger = "" }, []string{"trigger: is required"}},
		{"qualifier without count", func(e *Event) { e.Count = nil }, []string{"count_qualifier: is set but count is empty"}},
		{"wrong mapping", func(e *Event) { e.PLOVER = "PROTEST" }, []string{`plover: "PROTEST" is not the mapping of airstrike ("ASSAULT")`}},
		{"confidence", func(e *Event) { e.Confidence = 1.5 }, []string{"confidence: 1.5 is out of range [0, 1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := valid()
			tt.change(&e)
			var got []string
			for _, err := range e.Validate() {
				got = append(got, err.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	e := valid()
	e.Sentence = "قال \"نحن هنا\" <b> & \u2028 \t"
	e.Quote = "نحن هنا"
	data, err := e.MarshalJSON() // json.Marshal would re-escape HTML; the writers call MarshalJSON
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), `{"id":"d-s0-e0","doc_id":"d","published":"2024-01-25"`))
	assert.Contains(t, string(data), `"actor1":null`)
	assert.Contains(t, string(data), `"count":150`)
	assert.Contains(t, string(data), `<b> &`, "no HTML escaping")
	var back Event
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, e, back)

	var bad Event
	err = json.Unmarshal([]byte(`{"id":"x","count":"many"}`), &bad)
	assert.EqualError(t, err, `count: "many" is not an integer`)
	err = json.Unmarshal([]byte(`{"id":"x","colour":"red"}`), &bad)
	assert.EqualError(t, err, `colour: is not a field of the record`)
}

// TestLeafPackage keeps events free of the project's other packages and of
// third-party code: everything else depends on it, not the reverse.
func TestLeafPackage(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	require.NoError(t, err)
	for _, imp := range pkg.Imports {
		assert.False(t, strings.Contains(imp, "."), "events imports %s", imp)
	}
}

func FuzzUnmarshal(f *testing.F) {
	data, _ := json.Marshal(valid())
	for _, s := range []string{string(data), "{}", "null", `{"count":1e400}`, `{"latitude":"NaN"}`, `{"id":[]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var e Event
		if json.Unmarshal([]byte(s), &e) != nil {
			return
		}
		out, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var back Event
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("re-read of %s: %v", out, err)
		}
	})
}
