package parse

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// extract runs the parser over one Arabic text published on Thursday 25
// January 2024.
func extract(t *testing.T, text string) []events.Event {
	t.Helper()
	return newParser(t).Extract(&events.Article{ID: "t", Published: "2024-01-25", Lang: "ar", Source: "test", Text: text})
}

// summary writes an event as "type actor1→actor2 @location context".
func summary(e events.Event) string {
	s := string(e.EventType) + " " + e.Actor1 + "→" + e.Actor2
	if e.Location != "" {
		s += " @" + e.Location
	}
	return s + " " + string(e.Context)
}

func summaries(evs []events.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = summary(e)
	}
	return out
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"pronoun subject after أنها", "أعلنت واشنطن أنها استهدفت الثلاثاء كتائب حزب الله.",
			[]string{"airstrike United States→Kataib Hezbollah reported"}},
		{"demonym after a force noun, a state's shelling from the air", "قصفت الطائرات الإسرائيلية مدينة رفح.",
			[]string{"airstrike Israel→ @Rafah reported"}},
		{"VSO with an object place", "هاجمت قوات الدعم السريع مدينة الفاشر.",
			[]string{"attack Rapid Support Forces→ @El Fasher reported"}},
		{"SVO after أن", "وقالت الشرطة إن مسلحين مجهولين هاجموا حاجزاً أمنياً في كركوك.",
			[]string{"statement الشرطة→ reported", "attack مسلحين مجهولين→ @Kirkuk reported"}},
		{"the one met", "التقى رئيس الوزراء العراقي محمد شياع السوداني وزير الخارجية الإسباني في بغداد.",
			[]string{"meeting Mohammed Shia al-Sudani→José Manuel Albares @Baghdad reported"}},
		{"the one asked, as written", "دعا الأمين العام للأمم المتحدة الطرفين إلى وقف القتال.",
			[]string{"demand António Guterres→الطرفين reported"}},
		{"the target after ضد", "نفّذت واشنطن ضربات في العراق ضد فصائل موالية لإيران.",
			[]string{"airstrike United States→Iran-aligned armed groups @Iraq reported"}},
		{"an unknown group as written, a light verb", "نفذت ميليشيا محلية هجوماً بطائرة مسيرة على مطار أربيل.",
			[]string{"drone_attack ميليشيا محلية→ @Erbil International Airport reported"}},
		{"unknown actor and place of another conflict", "هاجم مسلحون من حركة تحرير ماسينا قرية في منطقة موبتي.",
			[]string{"attack حركة تحرير ماسينا→ @Mopti reported"}},
		{"a genitive agent", "أسفرت هجمات الحوثيين على السفن في البحر الأحمر عن أضرار.",
			[]string{"attack Houthis→ @Red Sea reported"}},
		{"the victims are the target", "قُتل ثلاثة جنود أميركيين في هجوم بطائرة مسيرة على قاعدة في الأردن.",
			[]string{"drone_attack →United States @Jordan reported"}},
		{"the seed's mixed means: one attack", "ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، ضدّ جنود أميركيين وقوات التحالف في العراق وسوريا.",
			[]string{"attack Iran-aligned armed groups→United States reported"}},
		{"previous speaker", "وقال وزير الخارجية الإسباني إن الوضع خطير. وأضاف أن بلاده ستبقى.",
			[]string{"statement José Manuel Albares→ reported", "statement José Manuel Albares→ reported"}},
		{"exchange of fire", "وتبادل حزب الله والجيش الإسرائيلي القصف عبر الحدود.",
			[]string{"armed_clash Hezbollah→Israel Defense Forces reported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, summaries(extract(t, tt.text)))
		})
	}
}

func TestContext(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"negation", "لم تقع هجمات على القوات الأميركية.", []string{}},
		{"negation with a verb of occurring", "ولم تُسجَّل أي هجمات جديدة في العراق.", []string{}},
		{"a claim and the attack claimed", "تبنّت كتائب حزب الله الهجوم على قاعدة التنف.",
			[]string{"claim Kataib Hezbollah→ reported", "attack Kataib Hezbollah→ @Al-Tanf claimed"}},
		{"claim after أعلن … مسؤوليته", "وأعلن تشكيل يسمى \"المقاومة الإسلامية في العراق\" مسؤوليته عن الهجمات ضدّ قوات التحالف.",
			[]string{"claim Islamic Resistance in Iraq→International coalition against the Islamic State reported",
				"attack Islamic Resistance in Iraq→International coalition against the Islamic State claimed"}},
		{"a group saying it struck claims", "قالت حركة حماس إنها قصفت تل أبيب بالصواريخ.",
			[]string{"claim Hamas→ reported", "rocket_attack Hamas→ @Tel Aviv claimed"}},
		{"a state saying it struck reports", "قالت وزارة الدفاع الأميركية إن قواتها أسقطت 20 طائرة مسيرة فوق البحر الأحمر.",
			[]string{"statement United States Department of Defense→ reported", "interception United States Department of Defense→ @Red Sea reported"}},
		{"a denial", "نفت حركة حماس مسؤوليتها عن الهجوم على الحاجز.",
			[]string{"statement Hamas→ reported", "attack Hamas→ denied"}},
		{"a threat and the threatened attack", "هدد الحوثيون باستهداف السفن الأميركية في البحر الأحمر.",
			[]string{"threat Houthis→United States reported", "attack Houthis→United States @Red Sea hypothetical"}},
		{"future: من المقرر", "ومن المقرر أن يزور وزير الخارجية العراقي واشنطن الأسبوع المقبل.",
			[]string{"meeting Fuad Hussein→United States @Washington future"}},
		{"future: سـ", "وسيلتقي الرئيس الأميركي جو بايدن رئيس الوزراء العراقي.",
			[]string{"meeting Joe Biden→Mohammed Shia al-Sudani future"}},
		{"the word attack inside a quotation", "وشدد الوزير على أن \"الهجمات ضد القوات الأجنبية يجب أن تتوقف فوراً\".",
			[]string{"statement → reported"}},
		{"the events of a condition are hypothetical", "وقالت الحركة إنها سترد إذا استمرت الغارات على غزة.",
			[]string{"statement الحركة→ reported", "airstrike → @Gaza Strip hypothetical"}},
		{"background after ردا على", "ورداً على الهجمات، نشرت واشنطن تعزيزات في المنطقة.",
			[]string{"deployment United States→ reported"}},
		{"a topic of talks", "وبحث الجانبان انسحاب القوات الأميركية من العراق.",
			[]string{"meeting الجانبان→ reported"}},
		{"a source is no statement", "قتل خمسة مدنيين في قصف على قرية، بحسب ما أفاد مصدر طبي.",
			[]string{"rocket_attack → reported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, summaries(extract(t, tt.text)))
		})
	}
}

func TestDatesAndCounts(t *testing.T) {
	type got struct {
		typ             events.EventType
		date, end       string
		precision       events.Precision
		count, fat, inj any
		unit            string
		qualifier       events.Qualifier
	}
	tests := []struct {
		name string
		text string
		want []got
	}{
		{"a time on the verb of saying dates only the statement", "وقال الجيش الأحد إن مسلحين هاجموا حاجزاً.",
			[]got{{events.Statement, "2024-01-21", "2024-01-21", events.PrecisionDay, nil, nil, nil, "", ""},
				{events.Attack, "2024-01-25", "2024-01-25", events.PrecisionUnknown, nil, nil, nil, "", ""}}},
		{"coordinated clauses share the time", "قصفت الطائرات الأميركية الثلاثاء مواقع للفصائل واستهدفت مستودعاً للأسلحة.",
			[]got{{events.Airstrike, "2024-01-23", "2024-01-23", events.PrecisionDay, nil, nil, nil, "", ""},
				{events.Airstrike, "2024-01-23", "2024-01-23", events.PrecisionDay, nil, nil, nil, "", ""}}},
		{"no time: unknown, never inherited", "وكان الجيش قد شنّ هجوماً واسعاً.",
			[]got{{events.Attack, "2024-01-25", "2024-01-25", events.PrecisionUnknown, nil, nil, nil, "", ""}}},
		{"casualties are the count", "قُتل ثلاثة جنود أميركيين وأصيب 34 آخرون في هجوم بطائرة مسيرة.",
			[]got{{events.DroneAttack, "2024-01-25", "2024-01-25", events.PrecisionUnknown, 3, 3, 34, "soldier", events.Exact}}},
		{"a stated zero", "وأكد المسؤول أن الغارة لم تسفر عن إصابات.",
			[]got{{events.Statement, "2024-01-25", "2024-01-25", events.PrecisionUnknown, nil, nil, nil, "", ""},
				{events.Airstrike, "2024-01-25", "2024-01-25", events.PrecisionUnknown, nil, 0, 0, "", ""}}},
		{"a name with a number and a year are no counts", "استهدف هجوم بطائرة مسيرة البرج 22 في العام 2024.",
			[]got{{events.DroneAttack, "2024-01-01", "2024-12-31", events.PrecisionYear, nil, nil, nil, "", ""}}},
		{"a count of deployed soldiers", "وينتشر في العراق نحو 2500 جندي أميركي.",
			[]got{{events.Deployment, "2024-01-25", "2024-01-25", events.PrecisionUnknown, 2500, nil, nil, "soldier", events.Approx}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extract(t, tt.text)
			require.Len(t, evs, len(tt.want), "%v", summaries(evs))
			for i, w := range tt.want {
				e := evs[i]
				assert.Equal(t, w, got{e.EventType, e.Date, e.DateEnd, e.DatePrecision, intp(e.Count), intp(e.Fatalities), intp(e.Injuries), e.CountUnit, e.CountQualifier})
			}
		})
	}
}

func TestClitics(t *testing.T) {
	an := newParser(t).Analyze(&events.Article{ID: "t", Published: "2024-01-25", Lang: "ar",
		Text: "وحذّرت وواشنطن وبالتحالف الدولي للتحالف الدولي من التصعيد بالعراق، وقالت وزارة الخارجية العراقية إن المقاومة الإسلامية في العراق استهدفتها بطائرة مسيرة."})
	var actors, places []string
	for _, a := range an.Actors {
		actors = append(actors, a.Name)
	}
	for _, p := range an.Places {
		places = append(places, p.Name)
	}
	sort.Strings(actors)
	assert.Contains(t, actors, "United States")
	assert.Contains(t, actors, "International coalition against the Islamic State")
	assert.Contains(t, actors, "Iraqi Ministry of Foreign Affairs")
	assert.Contains(t, actors, "Islamic Resistance in Iraq")
	assert.Equal(t, []string{"Iraq"}, places, "في العراق inside the group's name is no place")
	var triggers []string
	for _, tr := range an.Triggers {
		triggers = append(triggers, tr.Text)
	}
	assert.Contains(t, triggers, "استهدفتها", "an object pronoun does not hide the verb")
}

func TestEveryFieldFilled(t *testing.T) {
	a := &events.Article{ID: "doc-7", Published: "2024-01-25", Lang: "ar", Source: "AFP", URL: "https://example.org/7",
		Text: "سطر أول بلا أحداث.\nوأعلنت واشنطن أنها استهدفت الثلاثاء كتائب حزب الله في العراق."}
	evs := newParser(t).Extract(a)
	require.Len(t, evs, 1)
	e := evs[0]
	assert.Equal(t, "doc-7-s1-e0", e.ID)
	assert.Equal(t, "doc-7", e.DocID)
	assert.Equal(t, "2024-01-25", e.Published)
	assert.Equal(t, "ar", e.Lang)
	assert.Equal(t, "AFP", e.Source)
	assert.Equal(t, "https://example.org/7", e.URL)
	assert.Equal(t, 1, e.SentenceIndex)
	assert.Equal(t, a.Text[len("سطر أول بلا أحداث.\n"):], e.Sentence)
	assert.Equal(t, e.Sentence, string([]rune(a.Text)[e.CharStart:e.CharEnd]))
	assert.Equal(t, "Explosions/Remote violence", e.ACLEDEventType)
	assert.Equal(t, "Air/drone strike", e.ACLEDSubEventType)
	assert.Equal(t, "ASSAULT", e.PLOVER)
	assert.Equal(t, "الثلاثاء", e.DateText)
	assert.Equal(t, "استهدفت", e.Trigger)
	assert.Equal(t, "IQ", e.Country)
	require.NotNil(t, e.Latitude)
	assert.InDelta(t, 33.0, *e.Latitude, 1e-9)
	assert.Greater(t, e.Confidence, 0.5)
	assert.LessOrEqual(t, e.Confidence, 1.0)
	assert.Empty(t, e.Validate())
}

func TestNoPublishedDate(t *testing.T) {
	evs := newParser(t).Extract(&events.Article{ID: "x", Lang: "ar", Text: "قصفت الطائرات الإسرائيلية رفح الثلاثاء وفي العام 2014."})
	require.NotEmpty(t, evs)
	for _, e := range evs {
		assert.Empty(t, e.Validate(), e.String())
	}
	assert.Equal(t, events.PrecisionUnknown, evs[0].DatePrecision, "a weekday needs an anchor")
	assert.Equal(t, "", evs[0].Date)
}

func TestLangDetection(t *testing.T) {
	assert.Equal(t, "ar", DetectLang("قصفت الطائرات مواقع في غزة"))
	assert.Equal(t, "en", DetectLang("Drones attacked the base"))
	assert.Equal(t, "ar", Lang(&events.Article{Lang: "auto", Text: "قال الوزير"}))
	assert.Equal(t, "en", Lang(&events.Article{Lang: "en", Text: "قال الوزير"}))
	assert.True(t, strings.HasPrefix(DetectLang(""), "en"))
}
