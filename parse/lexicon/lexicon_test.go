package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

func mustDefault(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	require.NoError(t, err)
	return l
}

// describe renders the matches of text as "written=reading" items.
func describe(l *Lexicon, text, lang string) []string {
	toks := textnorm.Tokenize(text)
	var out []string
	for _, m := range l.Match(toks, lang) {
		seg := textnorm.Segment{Text: text, Tokens: toks}
		out = append(out, seg.Slice(m.First, m.Last)+"="+m.Entries[0].String())
	}
	return out
}

func TestDefaultLoads(t *testing.T) {
	l := mustDefault(t)
	assert.NotEmpty(t, l.Actors)
	assert.NotEmpty(t, l.Places)
	austin := l.Actor("Lloyd Austin")
	require.NotNil(t, austin)
	assert.Equal(t, "United States", austin.StateOf().Name)
	assert.True(t, austin.StateActor())
	kh := l.Actor("Kataib Hezbollah")
	require.NotNil(t, kh)
	assert.False(t, kh.StateActor(), "a group acts for no state, whoever backs it")
	cts := l.Actor("Kurdistan Counter-Terrorism Service")
	require.NotNil(t, cts)
	assert.Equal(t, "Iraq", cts.StateOf().Name)
	airport := l.Place("Erbil International Airport")
	require.NotNil(t, airport)
	assert.True(t, l.Place("Iraq").Contains(airport))
	assert.False(t, l.Place("Syria").Contains(airport))
	assert.Equal(t, 3, airport.Depth())
	red := l.Place("Red Sea")
	require.NotNil(t, red)
	assert.Empty(t, red.Country)
	for _, a := range l.Actors {
		assert.NotEmpty(t, a.AliasesAR, "actor %s has no Arabic alias", a.Name)
		assert.NotEmpty(t, a.AliasesEN, "actor %s has no English alias", a.Name)
	}
	for _, p := range l.Places {
		assert.True(t, p.HasCoords, "place %s has no coordinates", p.Name)
		assert.NotEmpty(t, p.AliasesEN, "place %s has no English alias", p.Name)
	}
}

func TestMatchArabic(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"conjunction", "وواشنطن", []string{"وواشنطن=actor:United States"}},
		{"preposition and article", "بالعراق", []string{"بالعراق=actor:Iraq"}},
		{"lam-lam", "للتحالف الدولي", []string{"للتحالف الدولي=actor:International coalition against the Islamic State"}},
		{"wa-bi-al", "وبالتحالف الدولي", []string{"وبالتحالف الدولي=actor:International coalition against the Islamic State"}},
		{"ministry as a phrase", "أعلنت وزارة الخارجية العراقية", []string{"أعلنت=trigger:announce/announcement", "وزارة الخارجية العراقية=actor:Iraqi Ministry of Foreign Affairs"}},
		{"name holding a place", "المقاومة الإسلامية في العراق", []string{"المقاومة الإسلامية في العراق=actor:Islamic Resistance in Iraq"}},
		{"longest first", "كتائب حزب الله", []string{"كتائب حزب الله=actor:Kataib Hezbollah"}},
		{"hezbollah alone", "وحزب الله", []string{"وحزب الله=actor:Hezbollah"}},
		{"definiteness agreement", "الجماعات المسلّحة الموالية لإيران", []string{"الجماعات المسلّحة الموالية لإيران=actor:Iran-aligned armed groups"}},
		{"indefinite alias", "جماعات مسلّحة موالية لإيران", []string{"جماعات مسلّحة موالية لإيران=actor:Iran-aligned armed groups"}},
		{"drone", "بطائرة مسيّرة", []string{"بطائرة مسيّرة=cue:drone"}},
		{"drone without pilot", "بطائرات من دون طيار", []string{"بطائرات من دون طيار=cue:drone"}},
		{"object pronoun", "استهدفتها", []string{"استهدفتها=trigger:strike/airstrike"}},
		{"verb with tashkeel", "شنّت هجوماً", []string{"شنّت=cue:support", "هجوماً=trigger:attack/attack"}},
		{"future verb", "سيزور", []string{"سيزور=trigger:meet/meeting"}},
		{"noun with pronoun", "مسؤوليته", []string{"مسؤوليته=trigger:claim/claim"}},
		{"hamza seat", "لقائه", []string{"لقائه=trigger:meet/meeting"}},
		{"no verb after the article", "الحذر", nil},
		{"shield", "غير أن", []string{"غير أن=cue:shield"}},
		{"release is not a launch", "إطلاق سراح", []string{"إطلاق سراح=cue:shield"}},
		{"name with a number", "البرج 22", []string{"البرج 22=place:Tower 22"}},
		{"person by title", "وزير الدفاع الأميركي لويد أوستن", []string{"وزير الدفاع الأميركي=actor:Lloyd Austin", "لويد أوستن=actor:Lloyd Austin"}},
		{"name beats a place inside it", "ألباريس", []string{"ألباريس=actor:José Manuel Albares"}},
		{"demonym", "جنود أميركيون", []string{"جنود=cue:force", "أميركيون=demonym:United States"}},
		{"airport", "في مطار أربيل الدولي", []string{"في=cue:loc", "مطار أربيل الدولي=place:Erbil International Airport"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe(l, tt.text, "ar"))
		})
	}
}

func TestMatchEnglish(t *testing.T) {
	l := mustDefault(t)
	assert.Equal(t, []string{"Kataib Hezbollah=actor:Kataib Hezbollah"}, describe(l, "Kataib Hezbollah", "en"))
	assert.Equal(t, []string{"Erbil airport=place:Erbil International Airport"}, describe(l, "Erbil airport", "en"))
}

func TestLoadErrors(t *testing.T) {
	good := map[string]string{
		ActorsFile:   "A\tstate\tIQ\t\tا ب\tA\n",
		PlacesFile:   "P\tcountry\tIQ\t\t1\t2\tب ت\tP\n",
		TriggersFile: "ar\tقصف\tverb\tshell\trocket_attack\n",
		CuesFile:     "ar\tفي\texact\tloc\n",
	}
	tests := []struct {
		name, file, data, want string
	}{
		{"bad actor kind", ActorsFile, "A\tgod\t\t\tا ب\tA\n", "actors.tsv:1: malformed lexicon file: kind \"god\""},
		{"unknown affiliation", ActorsFile, "A\tperson\t\tB\tا ب\tA\n", "affiliation \"B\" is not an actor"},
		{"bad country", ActorsFile, "A\tstate\tIraq\t\tا ب\tA\n", "not an ISO 3166-1 alpha-2 code"},
		{"bad coordinates", PlacesFile, "P\tcity\tIQ\t\t100\t2\tب\tP\n", "are not a latitude and a longitude"},
		{"unknown parent", PlacesFile, "P\tcity\tIQ\tQ\t1\t2\tب\tP\n", "parent \"Q\" is not a place"},
		{"bad class", TriggersFile, "ar\tقصف\tverb\tbombard\trocket_attack\n", "class \"bombard\" is not one of"},
		{"bad type", TriggersFile, "ar\tقصف\tverb\tshell\tshelling\n", "type:"},
		{"bad flag", TriggersFile, "ar\tقصف\tverb\tshell\trocket_attack\tloud\n", "unknown flag"},
		{"bad cue", CuesFile, "ar\tفي\texact\tplace\n", "class \"place\" is not one of"},
		{"bad lang", CuesFile, "fr\tdans\texact\tloc\n", "lang \"fr\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range good {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := Load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "lexicon: "+tt.file), err.Error())
		})
	}
	fsys := fstest.MapFS{}
	for k, v := range good {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	l, err := Load(fsys)
	require.NoError(t, err)
	assert.Equal(t, events.RocketAttack, l.Triggers[0].Type)
}

func TestGenerate(t *testing.T) {
	assert.Contains(t, generate("ar", "verb", "يقصف"), "تقصف")
	assert.Contains(t, generate("ar", "verb", "يقصف"), "يقصفون")
	assert.Contains(t, generate("ar", "verb", "قصف"), "قصفت")
	assert.Contains(t, generate("ar", "verb", "قصف"), "قصفوا")
	assert.Contains(t, generate("ar", "noun", "غارة"), "غارتين")
	assert.Contains(t, generate("ar", "noun", "هجوم"), "هجوما")
	assert.Equal(t, []string{"شن غاره"}, generate("ar", "noun", "شن غارة"), "phrases are not inflected")
}

func BenchmarkMatch(b *testing.B) {
	l := mustDefault(b)
	text := "ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، ضدّ جنود أميركيين وقوات التحالف في العراق وسوريا."
	toks := textnorm.NewSegment(text, 0).Tokens // with word records, as the parser has them
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		l.Match(toks, "ar")
	}
}
