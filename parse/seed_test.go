package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// moduleRoot walks up from the test's directory to the folder holding go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "no go.mod above the test directory")
		dir = parent
	}
}

// seedArticle reads the seed article, skipping the test only when the
// shared folder is absent.
func seedArticle(t testing.TB) *events.Article {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "..", "shared", "seeds")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		t.Skipf("no seed folder at %s", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, "000_213c061cbfe19d7b.txt"))
	require.NoError(t, err)
	return &events.Article{ID: "000_213c061cbfe19d7b", Published: "2024-01-25", Lang: "ar", Source: "AFP",
		URL: "https://example.org/afp/000_213c061cbfe19d7b", Text: string(data)}
}

func newParser(t testing.TB) *Parser {
	t.Helper()
	p, err := New()
	require.NoError(t, err)
	return p
}

// find returns the first event of type typ whose sentence holds sub (and
// whose trigger holds trig, when given).
func find(evs []events.Event, typ events.EventType, sub, trig string) *events.Event {
	for i := range evs {
		e := &evs[i]
		if e.EventType == typ && strings.Contains(e.Sentence, sub) && strings.Contains(e.Trigger, trig) {
			return e
		}
	}
	return nil
}

func intp(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestSeedArticle(t *testing.T) {
	a := seedArticle(t)
	evs := newParser(t).Extract(a)
	require.NotEmpty(t, evs)
	type want struct {
		actor1, actor2      string
		date, dateEnd       string
		precision           events.Precision
		count               any // int or nil
		qualifier           events.Qualifier
		unit                string
		context             events.Context
		location, country   string
		quoteHas            string
		participants        []string // for meetings: actor1 and actor2 in either order
		skipActor2, skipLoc bool
	}
	tests := []struct {
		name, sub, trig string
		typ             events.EventType
		want            want
	}{
		{"a: 2,500 US soldiers in Iraq", "ما يقرب من 2500 جندي", "يتواجد", events.Deployment, want{actor1: "United States", date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown,
			count: 2500, qualifier: events.Approx, unit: "soldier", context: events.Reported, location: "Iraq", country: "IQ"}},
		{"b: working groups announced Thursday", "إطلاق \"مجاميع العمل\"", "", events.Announcement, want{actor1: "Iraqi Ministry of Foreign Affairs", date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionDay, context: events.Reported, skipLoc: true}},
		{"c: more than 150 rocket and drone attacks", "أكثر من 150 هجوماً", "", events.Attack, want{actor1: "Iran-aligned armed groups", actor2: "United States",
			date: "2023-10-11", dateEnd: "2024-01-25", precision: events.PrecisionRange, count: 150, qualifier: events.MoreThan, unit: "attack", context: events.Reported}},
		{"d: drone shot down at Erbil airport", "إسقاط طائرة مسيرة", "", events.Interception, want{actor1: "Kurdistan Counter-Terrorism Service", date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionDay, context: events.Reported, location: "Erbil International Airport", country: "IQ", skipActor2: true}},
		{"e: Washington targeted Kataib Hezbollah on Tuesday", "أنّها استهدفت الثلاثاء", "استهدفت", events.Airstrike, want{actor1: "United States", actor2: "Kataib Hezbollah",
			date: "2024-01-23", dateEnd: "2024-01-23", precision: events.PrecisionDay, context: events.Reported, skipLoc: true}},
		{"f: victory over IS at the end of 2017", "انتصارها", "", events.Announcement, want{actor1: "Iraq", actor2: "Islamic State", date: "2017-09-01", dateEnd: "2017-12-31",
			precision: events.PrecisionYear, context: events.Reported}},
		{"coalition launched by Washington in 2014", "أطلقته واشنطن", "", events.Announcement, want{actor1: "United States", date: "2014-01-01", dateEnd: "2014-12-31",
			precision: events.PrecisionYear, context: events.Reported, skipActor2: true}},
		{"al-Sudani meets Albares in Baghdad", "لقائه وزير الخارجية الإسباني", "", events.Meeting, want{participants: []string{"Mohammed Shia al-Sudani", "José Manuel Albares"},
			date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown, context: events.Reported, location: "Baghdad", country: "IQ"}},
		{"Albares: attacks must stop", "شدّد وزير الخارجية الإسباني", "", events.Statement, want{actor1: "José Manuel Albares", date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionUnknown, context: events.Reported, quoteHas: "الهجمات ضد القوات الأجنبية يجب أن تتوقف"}},
		{"Albares: we are here", "نحن هنا بناء على طلب", "", events.Statement, want{actor1: "José Manuel Albares", date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionUnknown, context: events.Reported, quoteHas: "وسنغادر"}},
		{"Austin's statement", "لويد أوستن", "", events.Statement, want{actor1: "Lloyd Austin", date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionUnknown, context: events.Reported, quoteHas: "اجتماعات"}},
		{"working groups to meet in the coming days", "في الأيام المقبلة", "اجتماعات", events.Meeting, want{date: "2024-01-25", dateEnd: "2024-01-25",
			precision: events.PrecisionUnknown, context: events.Future, actor1: "فرق العمل"}},
		{"claim by the Islamic Resistance in Iraq", "مسؤوليته عن الهجمات", "", events.Claim, want{actor1: "Islamic Resistance in Iraq", actor2: "International coalition against the Islamic State",
			date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown, context: events.Reported}},
		{"the attacks claimed", "مسؤوليته عن الهجمات", "", events.Attack, want{actor1: "Islamic Resistance in Iraq", actor2: "International coalition against the Islamic State",
			date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown, context: events.Claimed}},
		{"air strikes on Tuesday night", "غارات جوية استهدفت ليل الثلاثاء", "غارات", events.Airstrike, want{actor2: "Iran-aligned armed groups",
			date: "2024-01-23", dateEnd: "2024-01-23", precision: events.PrecisionDay, context: events.Reported}},
		{"US strikes in Iraq against these groups", "نفّذت واشنطن ضربات", "", events.Airstrike, want{actor1: "United States", actor2: "Iran-aligned armed groups",
			date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown, context: events.Reported, location: "Iraq", country: "IQ"}},
		{"al-Sudani calls for the coalition's withdrawal", "الدعوة إلى انسحاب", "", events.Demand, want{actor1: "Mohammed Shia al-Sudani", actor2: "International coalition against the Islamic State",
			date: "2024-01-25", dateEnd: "2024-01-25", precision: events.PrecisionUnknown, context: events.Reported}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := find(evs, tt.typ, tt.sub, tt.trig)
			require.NotNil(t, e, "no %s event in a sentence holding %q", tt.typ, tt.sub)
			w := tt.want
			if w.participants != nil {
				assert.ElementsMatch(t, w.participants, []string{e.Actor1, e.Actor2})
			} else {
				assert.Equal(t, w.actor1, e.Actor1, "actor1")
				if !w.skipActor2 {
					assert.Equal(t, w.actor2, e.Actor2, "actor2")
				}
			}
			assert.Equal(t, w.date, e.Date, "date")
			assert.Equal(t, w.dateEnd, e.DateEnd, "date_end")
			assert.Equal(t, w.precision, e.DatePrecision, "date_precision")
			assert.Equal(t, w.count, intp(e.Count), "count")
			assert.Equal(t, w.qualifier, e.CountQualifier, "count_qualifier")
			assert.Equal(t, w.unit, e.CountUnit, "count_unit")
			assert.Equal(t, w.context, e.Context, "context")
			if !w.skipLoc {
				assert.Equal(t, w.location, e.Location, "location")
				assert.Equal(t, w.country, e.Country, "country")
			}
			if w.quoteHas != "" {
				assert.Contains(t, e.Quote, w.quoteHas, "quote")
			}
			assert.Equal(t, "AFP", e.Source)
			assert.Equal(t, "ar", e.Lang)
			assert.NotEmpty(t, e.Trigger)
			assert.Contains(t, e.Sentence, e.Trigger, "the trigger is written in the sentence")
		})
	}
	t.Run("no attack from a quotation", func(t *testing.T) {
		for _, e := range evs {
			if strings.Contains(e.Sentence, "شدّد وزير الخارجية الإسباني") {
				assert.Equal(t, events.Statement, e.EventType, "only the statement: %s", e)
			}
		}
	})
	t.Run("records are valid and point at their sentence", func(t *testing.T) {
		runes := []rune(a.Text)
		for _, e := range evs {
			assert.Empty(t, e.Validate(), "%s", e)
			assert.Equal(t, e.Sentence, string(runes[e.CharStart:e.CharEnd]))
			assert.Equal(t, events.MakeID(a.ID, e.SentenceIndex, eventN(evs, e)), e.ID)
		}
	})
}

// eventN returns the position of e among the events of its sentence.
func eventN(evs []events.Event, e events.Event) int {
	n := 0
	for _, o := range evs {
		if o.SentenceIndex == e.SentenceIndex {
			if o.ID == e.ID {
				return n
			}
			n++
		}
	}
	return -1
}
