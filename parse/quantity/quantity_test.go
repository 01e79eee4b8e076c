package quantity

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/textnorm"
)

// want is the part of a Count a test checks; Text is compared with the
// count's Text and must also be what the offsets point at.
type want struct {
	text  string
	value int
	qual  events.Qualifier
	unit  string
	role  Role
	vague bool
}

const (
	ex  = events.Exact
	apx = events.Approx
	atl = events.AtLeast
	mt  = events.MoreThan
	atm = events.AtMost
	lt  = events.LessThan
)

type findCase struct {
	name string
	lang string
	text string
	want []want
}

// checkFind runs Find on text placed at a non-zero article offset and
// compares the counts with want, checking the offset invariants of every
// count.
func checkFind(t *testing.T, lang, text string, skip func(int) bool, wants []want) {
	t.Helper()
	const prefix = "Lead paragraph. فقرة أولى. "
	article := prefix + text
	base := len([]rune(prefix))
	seg := textnorm.NewSegment(text, base)
	got := Find(&seg, lang, skip)
	runes := []rune(article)
	for _, c := range got {
		require.True(t, 0 <= c.First && c.First < c.Last && c.Last <= len(seg.Tokens), "token range %+v", c)
		assert.Equal(t, seg.Slice(c.First, c.Last), c.Text, "Text is seg.Slice(First, Last)")
		assert.Equal(t, string(runes[c.Start:c.End]), c.Text, "offsets point at Text in the article")
		if c.UnitFirst >= 0 {
			assert.True(t, c.First <= c.UnitFirst && c.UnitFirst < c.UnitLast && c.UnitLast <= c.Last, "unit range %+v", c)
		} else {
			assert.Equal(t, -1, c.UnitLast)
		}
	}
	var gotW []want
	for _, c := range got {
		gotW = append(gotW, want{c.Text, c.Value, c.Qualifier, c.Unit, c.Role, c.Vague})
	}
	assert.Equal(t, wants, gotW)
}

func runCases(t *testing.T, cases []findCase) {
	t.Helper()
	require.NoError(t, Check())
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, tt.lang, tt.text, nil, tt.want)
		})
	}
}

func TestFindSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../../../shared/seeds/000_213c061cbfe19d7b.txt")
	if err != nil {
		data, err = os.ReadFile("/work/shared/seeds/000_213c061cbfe19d7b.txt")
	}
	require.NoError(t, err, "the seed article")
	body, _, _ := strings.Cut(string(data), "\nمشاركة")
	checkFind(t, "ar", body, nil, []want{
		{"ما يقرب من 2500 جندي", 2500, apx, "soldier", None, false},
		{"نحو 900 جندي", 900, apx, "soldier", None, false},
		{"ثلاثة", 3, ex, "", None, false}, // ثلاثة عوامل رئيسية: "factors" is no unit
		{"أكثر من 150 هجوماً", 150, mt, "attack", None, false},
	})
}

func TestFindArabic(t *testing.T) {
	runCases(t, []findCase{
		{"approx soldiers", "ar", "ويتواجد في العراق ما يقرب من 2500 جندي أميركي", []want{{"ما يقرب من 2500 جندي", 2500, apx, "soldier", None, false}}},
		{"nahw", "ar", "ينتشر في سوريا نحو 900 جندي أميركي", []want{{"نحو 900 جندي", 900, apx, "soldier", None, false}}},
		{"mixed attacks", "ar", "شنّت الجماعات أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار", []want{{"أكثر من 150 هجوماً", 150, mt, "attack", None, false}}},
		{"three factors", "ar", "سيتمّ التحقّق من \"ثلاثة عوامل رئيسية\"", []want{{"ثلاثة", 3, ex, "", None, false}}},
		{"three soldiers", "ar", "ثلاثة جنود", []want{{"ثلاثة جنود", 3, ex, "soldier", None, false}}},
		{"dual soldiers genitive", "ar", "نشر جنديين", []want{{"جنديين", 2, ex, "soldier", None, false}}},
		{"dual soldiers nominative killed", "ar", "قتل جنديان أميركيان", []want{{"جنديان", 2, ex, "soldier", Killed, false}}},
		{"dual rockets", "ar", "أطلقوا صاروخين على القاعدة", []want{{"صاروخين", 2, ex, "rocket", None, false}}},
		{"dual attacks", "ar", "وقع هجومين", []want{{"هجومين", 2, ex, "attack", None, false}}},
		{"dual drones", "ar", "أسقطت طائرتين مسيرتين", []want{{"طائرتين مسيرتين", 2, ex, "drone", None, false}}},
		{"hundred and fifty", "ar", "اعتقل مئة وخمسون شخصاً", []want{{"مئة وخمسون شخصاً", 150, ex, "person", None, false}}},
		{"two thousand genitive", "ar", "نشر ألفي جندي", []want{{"ألفي جندي", 2000, ex, "soldier", None, false}}},
		{"dozens", "ar", "أصيب عشرات", []want{{"عشرات", 12, atl, "person", Wounded, true}}},
		{"dozens of soldiers", "ar", "عشرات الجنود", []want{{"عشرات الجنود", 12, atl, "soldier", None, true}}},
		{"dozens min soldiers", "ar", "عشرات من الجنود", []want{{"عشرات من الجنود", 12, atl, "soldier", None, true}}},
		{"hundreds", "ar", "مئات المتظاهرين", []want{{"مئات المتظاهرين", 100, atl, "protester", None, true}}},
		{"thousands", "ar", "تظاهر آلاف العراقيين", []want{{"آلاف العراقيين", 1000, atl, "person", None, true}}},
		{"nisba plural is people", "ar", "قتل 5 فلسطينيين", []want{{"5 فلسطينيين", 5, ex, "person", Killed, false}}},
		{"tens of thousands", "ar", "عشرات الآلاف من المتظاهرين", []want{{"عشرات الآلاف من المتظاهرين", 10000, atl, "protester", None, true}}},
		{"hundreds of thousands", "ar", "مئات الآلاف من الأشخاص", []want{{"مئات الآلاف من الأشخاص", 100000, atl, "person", None, true}}},
		{"units and tens", "ar", "خمسة وعشرين جندياً", []want{{"خمسة وعشرين جندياً", 25, ex, "soldier", None, false}}},
		{"clitic wa", "ar", "قتل جندي وثلاثة مدنيين", []want{{"وثلاثة مدنيين", 3, ex, "person", Killed, false}}},
		{"clitic ba", "ar", "استهدفت القاعدة بثلاثة صواريخ", []want{{"بثلاثة صواريخ", 3, ex, "rocket", None, false}}},
		{"thousands and hundreds", "ar", "ثلاثة آلاف وخمسمئة جندي", []want{{"ثلاثة آلاف وخمسمئة جندي", 3500, ex, "soldier", None, false}}},
		{"two thousand five hundred", "ar", "ألفين وخمسمئة جندي", []want{{"ألفين وخمسمئة جندي", 2500, ex, "soldier", None, false}}},
		{"twenty thousand accusative", "ar", "عشرين ألفاً", []want{{"عشرين ألفاً", 20000, ex, "", None, false}}},
		{"digits thousand", "ar", "150 ألف شخص", []want{{"150 ألف شخص", 150000, ex, "person", None, false}}},
		{"decimal million", "ar", "نزوح 1.5 مليون شخص", []want{{"1.5 مليون شخص", 1500000, ex, "person", None, false}}},
		{"arabic-indic digits", "ar", "٢٥٠٠ جندي", []want{{"٢٥٠٠ جندي", 2500, ex, "soldier", None, false}}},
		{"arabic separator", "ar", "2٬500 جندي", []want{{"2٬500 جندي", 2500, ex, "soldier", None, false}}},
		{"eleven", "ar", "أحد عشر جندياً", []want{{"أحد عشر جندياً", 11, ex, "soldier", None, false}}},
		{"thirteen feminine", "ar", "ثلاث عشرة غارة", []want{{"ثلاث عشرة غارة", 13, ex, "strike", None, false}}},
		{"twelve", "ar", "اثنا عشر صاروخاً", []want{{"اثنا عشر صاروخاً", 12, ex, "rocket", None, false}}},
		{"three hundred one word", "ar", "ثلاثمائة صاروخ", []want{{"ثلاثمائة صاروخ", 300, ex, "rocket", None, false}}},
		{"three hundred two words", "ar", "ثلاث مئة صاروخ", []want{{"ثلاث مئة صاروخ", 300, ex, "rocket", None, false}}},
		{"two hundred thousand", "ar", "مئتي ألف نازح", []want{{"مئتي ألف", 200000, ex, "", None, false}}},
		{"twenty one", "ar", "واحد وعشرون جندياً", []want{{"واحد وعشرون جندياً", 21, ex, "soldier", None, false}}},
		{"ballistic", "ar", "نحو 30 صاروخاً بالستياً", []want{{"نحو 30 صاروخاً بالستياً", 30, apx, "missile", None, false}}},
		{"drones", "ar", "ثلاث طائرات مسيرة", []want{{"ثلاث طائرات مسيرة", 3, ex, "drone", None, false}}},
		{"drones without pilot", "ar", "أطلق 5 طائرات من دون طيار", []want{{"5 طائرات من دون طيار", 5, ex, "drone", None, false}}},
		{"strikes", "ar", "نفذت واشنطن 85 ضربة", []want{{"85 ضربة", 85, ex, "strike", None, false}}},
		{"raids", "ar", "شن الطيران عشرات الغارات", []want{{"عشرات الغارات", 12, atl, "strike", None, true}}},
		{"killed verb", "ar", "قتل ثلاثة جنود", []want{{"ثلاثة جنود", 3, ex, "soldier", Killed, false}}},
		{"killed masdar", "ar", "أعلن مقتل ثلاثة جنود أميركيين", []want{{"ثلاثة جنود", 3, ex, "soldier", Killed, false}}},
		{"dead noun", "ar", "سقوط ثلاثة قتلى وخمسة جرحى", []want{
			{"ثلاثة قتلى", 3, ex, "person", Killed, false},
			{"وخمسة جرحى", 5, ex, "person", Wounded, false},
		}},
		{"fighters killed are persons", "ar", "قتل 12 مقاتلاً", []want{{"12 مقاتلاً", 12, ex, "person", Killed, false}}},
		{"fighters not killed", "ar", "يضم 300 مقاتل", []want{{"300 مقاتل", 300, ex, "fighter", None, false}}},
		{"wounded", "ar", "أصيب خمسة مدنيين بجروح", []want{{"خمسة مدنيين", 5, ex, "person", Wounded, false}}},
		{"killed and wounded", "ar", "قتل وجرح عشرات المدنيين", []want{{"عشرات المدنيين", 12, atl, "person", Casualties, true}}},
		{"killed then wounded others", "ar", "أسفر عن مقتل 3 أشخاص وإصابة 10 آخرين", []want{
			{"3 أشخاص", 3, ex, "person", Killed, false},
			{"10", 10, ex, "person", Wounded, false},
		}},
		{"others inherit", "ar", "قتل جندي وأصيب ثلاثة آخرون", []want{{"ثلاثة", 3, ex, "soldier", Wounded, false}}},
		{"met their death", "ar", "لقي ثلاثة جنود أميركيين حتفهم", []want{{"ثلاثة جنود", 3, ex, "soldier", Killed, false}}},
		{"verb before subject", "ar", "قتلت غارة إسرائيلية ثلاثة مدنيين", []want{{"ثلاثة مدنيين", 3, ex, "person", Killed, false}}},
		{"means take no role", "ar", "قتل جندي في هجوم بثلاثة صواريخ", []want{{"بثلاثة صواريخ", 3, ex, "rocket", None, false}}},
		{"definite after noun", "ar", "قتل الجنود الثلاثة", []want{{"الجنود الثلاثة", 3, ex, "soldier", Killed, false}}},
		{"at least after", "ar", "قتل ثلاثة جنود على الأقل", []want{{"ثلاثة جنود على الأقل", 3, atl, "soldier", Killed, false}}},
		{"at least after adjective", "ar", "ثلاثة جنود أميركيين على الأقل", []want{{"ثلاثة جنود أميركيين على الأقل", 3, atl, "soldier", None, false}}},
		{"approx after", "ar", "2500 جندي تقريباً", []want{{"2500 جندي تقريباً", 2500, apx, "soldier", None, false}}},
		{"no less than", "ar", "ما لا يقل عن 20 شخصاً", []want{{"ما لا يقل عن 20 شخصاً", 20, atl, "person", None, false}}},
		{"more than", "ar", "ما يزيد على 100 شخص", []want{{"ما يزيد على 100 شخص", 100, mt, "person", None, false}}},
		{"up to", "ar", "ما يصل إلى 40 صاروخاً", []want{{"ما يصل إلى 40 صاروخاً", 40, atm, "rocket", None, false}}},
		{"less than", "ar", "أقل من 10 أشخاص", []want{{"أقل من 10 أشخاص", 10, lt, "person", None, false}}},
		{"qaraba", "ar", "قرابة 200 مسيرة", []want{{"قرابة 200 مسيرة", 200, apx, "drone", None, false}}},
		{"zuhaa", "ar", "زهاء ألف متظاهر", []want{{"زهاء ألف متظاهر", 1000, apx, "protester", None, false}}},
		{"hawala clitic", "ar", "وبحوالي 50 صاروخاً", []want{{"وبحوالي 50 صاروخاً", 50, apx, "rocket", None, false}}},
		{"between", "ar", "بين 20 و30 شخصاً", []want{{"بين 20 و30 شخصاً", 20, atl, "person", None, false}}},
		{"or", "ar", "20 أو 30 شخصاً", []want{{"20 أو 30 شخصاً", 20, atl, "person", None, false}}},
		{"toll digits and scale compound", "ar", "إن حصيلة القتلى ارتفعت إلى 25 ألفاً و700 شخص", []want{{"25 ألفاً و700 شخص", 25700, ex, "person", Killed, false}}},
		{"scale and words compound", "ar", "25 ألفاً وسبعمئة شخص", []want{{"25 ألفاً وسبعمئة شخص", 25700, ex, "person", None, false}}},
		{"dead and wounded noun", "ar", "سقط عشرات القتلى والجرحى", []want{{"عشرات القتلى", 12, atl, "person", Casualties, true}}},
		{"definite dozens", "ar", "وجرح العشرات", []want{{"العشرات", 12, atl, "person", Wounded, true}}},
		{"definite thousands", "ar", "شارك الآلاف في التظاهرة", []want{{"الآلاف", 1000, atl, "", None, true}}},
		{"glued article", "ar", "نفذت الـ150 هجوماً", []want{{"الـ150 هجوماً", 150, ex, "attack", None, false}}},
		{"wounded toll", "ar", "ارتفع عدد الجرحى إلى 50", []want{{"50", 50, ex, "person", Wounded, false}}},
		{"no casualties with subject", "ar", "لم تسفر الضربة عن إصابات", []want{{"لم تسفر الضربة عن إصابات", 0, ex, "person", Casualties, false}}},
		{"did not result in injuries", "ar", "لم تسفر عن إصابات", []want{{"لم تسفر عن إصابات", 0, ex, "person", Casualties, false}}},
		{"without injuries", "ar", "سقطت القذيفة من دون وقوع إصابات", []want{{"من دون وقوع إصابات", 0, ex, "person", Casualties, false}}},
		{"without victims", "ar", "دون وقوع ضحايا", []want{{"دون وقوع ضحايا", 0, ex, "person", Casualties, false}}},
		{"no one hurt", "ar", "لم يصب أحد بأذى", []want{{"لم يصب أحد", 0, ex, "person", Wounded, false}}},
		{"no one killed", "ar", "لم يقتل أحد", []want{{"لم يقتل أحد", 0, ex, "person", Killed, false}}},
	})
}

func TestFindEnglish(t *testing.T) {
	runCases(t, []findCase{
		{"more than attacks", "en", "more than 150 attacks", []want{{"more than 150 attacks", 150, mt, "attack", None, false}}},
		{"troops", "en", "2,500 troops", []want{{"2,500 troops", 2500, ex, "soldier", None, false}}},
		{"some troops", "en", "some 2,500 U.S. troops are in Iraq", []want{{"some 2,500 U.S. troops", 2500, apx, "soldier", None, false}}},
		{"two dozen", "en", "two dozen rockets", []want{{"two dozen rockets", 24, ex, "rocket", None, false}}},
		{"a dozen", "en", "a dozen drones", []want{{"a dozen drones", 12, ex, "drone", None, false}}},
		{"more than a dozen", "en", "more than a dozen drones", []want{{"more than a dozen drones", 12, mt, "drone", None, false}}},
		{"half a dozen", "en", "half a dozen drones", []want{{"half a dozen drones", 6, ex, "drone", None, false}}},
		{"dozens of civilians", "en", "dozens of civilians", []want{{"dozens of civilians", 12, atl, "person", None, true}}},
		{"hundreds", "en", "hundreds of protesters", []want{{"hundreds of protesters", 100, atl, "protester", None, true}}},
		{"thousands", "en", "thousands of people", []want{{"thousands of people", 1000, atl, "person", None, true}}},
		{"tens of thousands", "en", "tens of thousands of protesters", []want{{"tens of thousands of protesters", 10000, atl, "protester", None, true}}},
		{"hundreds of thousands", "en", "hundreds of thousands of people", []want{{"hundreds of thousands of people", 100000, atl, "person", None, true}}},
		{"scores of", "en", "scores of fighters", []want{{"scores of fighters", 20, atl, "fighter", None, true}}},
		{"scores without of", "en", "the team scores", nil},
		{"killed at least", "en", "at least three people were killed", []want{{"at least three people", 3, atl, "person", Killed, false}}},
		{"killed and wounded two counts", "en", "three U.S. soldiers were killed and 34 wounded", []want{
			{"three U.S. soldiers", 3, ex, "soldier", Killed, false},
			{"34", 34, ex, "soldier", Wounded, false},
		}},
		{"service members", "en", "Three U.S. service members were killed and more than 30 injured", []want{
			{"Three U.S. service members", 3, ex, "soldier", Killed, false},
			{"more than 30", 30, mt, "soldier", Wounded, false},
		}},
		{"killing", "en", "killing two civilians and wounding five", []want{
			{"two civilians", 2, ex, "person", Killed, false},
			{"five", 5, ex, "person", Wounded, false},
		}},
		{"left dead", "en", "The strike left five dead", []want{{"five dead", 5, ex, "person", Killed, false}}},
		{"killed or wounded", "en", "killed or wounded 20 people", []want{{"20 people", 20, ex, "person", Casualties, false}}},
		{"fighters killed", "en", "five Iran-backed militants were killed", []want{{"five Iran-backed militants", 5, ex, "person", Killed, false}}},
		{"soldiers wounded stay soldiers", "en", "two soldiers were seriously wounded", []want{{"two soldiers", 2, ex, "soldier", Wounded, false}}},
		{"rocket and drone attacks", "en", "150 rocket and drone attacks on U.S. forces", []want{{"150 rocket and drone attacks", 150, ex, "attack", None, false}}},
		{"drone strikes", "en", "two drone strikes", []want{{"two drone strikes", 2, ex, "strike", None, false}}},
		{"airstrikes", "en", "85 airstrikes", []want{{"85 airstrikes", 85, ex, "strike", None, false}}},
		{"ballistic", "en", "three ballistic missiles", []want{{"three ballistic missiles", 3, ex, "missile", None, false}}},
		{"of the", "en", "three of the soldiers", []want{{"three of the soldiers", 3, ex, "soldier", None, false}}},
		{"a hundred", "en", "a hundred protesters", []want{{"a hundred protesters", 100, ex, "protester", None, false}}},
		{"two hundred and fifty", "en", "two hundred and fifty people", []want{{"two hundred and fifty people", 250, ex, "person", None, false}}},
		{"hyphenated", "en", "twenty-five drones", []want{{"twenty-five drones", 25, ex, "drone", None, false}}},
		{"three thousand five hundred", "en", "three thousand five hundred troops", []want{{"three thousand five hundred troops", 3500, ex, "soldier", None, false}}},
		{"millions", "en", "2.5 million people", []want{{"2.5 million people", 2500000, ex, "person", None, false}}},
		{"a million", "en", "a million people", []want{{"a million people", 1000000, ex, "person", None, false}}},
		{"about", "en", "about 900 U.S. troops", []want{{"about 900 U.S. troops", 900, apx, "soldier", None, false}}},
		{"nearly", "en", "nearly 40 rockets", []want{{"nearly 40 rockets", 40, apx, "rocket", None, false}}},
		{"an estimated", "en", "an estimated 5,000 protesters", []want{{"an estimated 5,000 protesters", 5000, apx, "protester", None, false}}},
		{"over", "en", "over 100 drones", []want{{"over 100 drones", 100, mt, "drone", None, false}}},
		{"up to", "en", "up to 3 people may have died", []want{{"up to 3 people", 3, atm, "person", Killed, false}}},
		{"fewer than", "en", "fewer than 10 soldiers", []want{{"fewer than 10 soldiers", 10, lt, "soldier", None, false}}},
		{"at least after", "en", "20 people at least", []want{{"20 people at least", 20, atl, "person", None, false}}},
		{"or more", "en", "50 rockets or more", []want{{"50 rockets or more", 50, atl, "rocket", None, false}}},
		{"between", "en", "between 20 and 30 people were killed", []want{{"between 20 and 30 people", 20, atl, "person", Killed, false}}},
		{"one or two", "en", "one or two rockets", []want{{"one or two rockets", 1, atl, "rocket", None, false}}},
		{"two or three", "en", "two or three rockets", []want{{"two or three rockets", 2, atl, "rocket", None, false}}},
		{"hyphen range", "en", "20-30 rockets", []want{{"20-30 rockets", 20, atl, "rocket", None, false}}},
		{"from to is no range", "en", "rose from 20 to 30 people", []want{
			{"20", 20, ex, "", None, false},
			{"30 people", 30, ex, "person", None, false},
		}},
		{"two counts", "en", "The group fired 18 drones and 3 missiles at the ship", []want{
			{"18 drones", 18, ex, "drone", None, false},
			{"3 missiles", 3, ex, "missile", None, false},
		}},
		{"demonym", "en", "5 Palestinians were arrested", []want{{"5 Palestinians", 5, ex, "person", None, false}}},
		{"targets", "en", "Israel said it had struck more than 100 targets", []want{{"more than 100 targets", 100, mt, "target", None, false}}},
		{"others wounded", "en", "3 U.S. troops were killed and at least 40 others wounded.", []want{
			{"3 U.S. troops", 3, ex, "soldier", Killed, false},
			{"at least 40", 40, atl, "soldier", Wounded, false},
		}},
		{"death toll", "en", "The death toll rose to 30", []want{{"30", 30, ex, "person", Killed, false}}},
		{"no casualties", "en", "There were no casualties", []want{{"no casualties", 0, ex, "person", Casualties, false}}},
		{"no one killed", "en", "No one was killed", []want{{"No one was killed", 0, ex, "person", Killed, false}}},
		{"no injuries", "en", "The attack caused no injuries", []want{{"no injuries", 0, ex, "person", Wounded, false}}},
		{"no immediate reports", "en", "There were no immediate reports of casualties", nil},
	})
}

func TestFindNotCounts(t *testing.T) {
	cases := []findCase{
		{"year after al-am", "ar", "أطلقته واشنطن في العام 2014", nil},
		{"year after am", "ar", "في نهاية عام 2017", nil},
		{"bare year", "en", "since 2014", nil},
		{"year after in", "en", "in 2014", nil},
		{"full date ar", "ar", "25 كانون الثاني/يناير 2024", nil},
		{"full date en", "en", "Jan. 25, 2024", nil},
		{"day month en", "en", "on 25 January", nil},
		{"weekday date ar", "ar", "الخميس 25", nil},
		{"age aged", "en", "He was aged 25", nil},
		{"age hyphen", "en", "a 25-year-old man", nil},
		{"age years old", "en", "the man, 40 years old", nil},
		{"age ar", "ar", "البالغ من العمر 25 عاماً", nil},
		{"age ar umruhu", "ar", "عمره 25 عاماً", nil},
		{"resolution en", "en", "resolution 2334", nil},
		{"resolution ar", "ar", "القرار 2334", nil},
		{"resolution number ar", "ar", "القرار رقم 2334", nil},
		{"tower en", "en", "Tower 22", nil},
		{"tower ar", "ar", "البرج 22", nil},
		{"M4 road en", "en", "the M4 road", nil},
		{"M4 road ar", "ar", "الطريق M4", nil},
		{"route", "en", "Route 1", nil},
		{"brigade", "en", "Brigade 313", nil},
		{"F-16", "en", "two F-16 jets", []want{{"two F-16 jets", 2, ex, "aircraft", None, false}}},
		{"covid", "en", "COVID-19", nil},
		{"ordinal suffix", "en", "the 1st battalion", nil},
		{"percent sign", "en", "50% of", nil},
		{"percent word", "en", "50 percent", nil},
		{"percent ar", "ar", "50 بالمئة", nil},
		{"percent ar two words", "ar", "50 في المئة", nil},
		{"clock", "en", "at 10:30", nil},
		{"am", "en", "at 10 a.m.", nil},
		{"hour ar ordinal", "ar", "الساعة العاشرة", nil},
		{"hour ar digits", "ar", "الساعة 10", nil},
		{"ordinal en", "en", "the third attack", nil},
		{"ordinal ar", "ar", "الهجوم الثالث", nil},
		{"one", "en", "one soldier", nil},
		{"a single", "en", "a single rocket", nil},
		{"wahid", "ar", "جندي واحد", nil},
		{"wahid before", "ar", "واحد من الجنود", nil},
		{"duration ar", "ar", "منذ ثلاثة أيام", nil},
		{"duration ar accusative", "ar", "ظل 48 ساعة", nil},
		{"past hours with glued article", "ar", "خلال الساعات الـ48 الماضية", nil},
		{"duration en", "en", "for three days", nil},
		{"measure", "en", "20 km from the border", nil},
		{"measure ar", "ar", "على بعد 20 كلم", nil},
		{"money", "en", "$5 million in aid", nil},
		{"money ar", "ar", "مليون دولار", nil},
		{"decimal", "en", "a magnitude 4.5 quake", nil},
		{"monday is not two", "ar", "يوم الاثنين", nil},
		{"lastu is not six", "ar", "لست متأكداً", nil},
		{"huge", "en", "99999999999999999999 attacks", nil},
		{"age range", "en", "aged between 18 and 25", nil},
		{"model name", "en", "a Boeing 737 crashed", nil},
		{"score", "en", "a 3-2 vote", nil},
		{"name with plus", "en", "the P5+1 talks", nil},
		{"compound adjective", "en", "a two-state solution", nil},
		{"decade", "en", "in the 1990s", nil},
		{"ordinal unit", "en", "the 82nd Airborne Division", nil},
		{"may the verb", "en", "3 may have died", []want{{"3", 3, ex, "person", Killed, false}}},
	}
	runCases(t, cases)
}

func TestFindSkip(t *testing.T) {
	require.NoError(t, Check())
	text := "قتل ثلاثة جنود في 25 كانون الثاني منذ ثلاثة أيام"
	seg := textnorm.NewSegment(text, 0)
	// tokens: قتل ثلاثة جنود في 25 كانون الثاني منذ ثلاثة أيام
	skip := func(i int) bool { return i >= 3 }
	got := Find(&seg, "ar", skip)
	require.Len(t, got, 1)
	assert.Equal(t, "ثلاثة جنود", got[0].Text)

	// without skip the date and the duration are still not counts
	got = Find(&seg, "ar", nil)
	require.Len(t, got, 1)
	assert.Equal(t, "ثلاثة جنود", got[0].Text)

	// a skipped number is never read, whatever follows it
	seg = textnorm.NewSegment("ثلاثة جنود", 0)
	assert.Empty(t, Find(&seg, "ar", func(i int) bool { return i == 0 }))
}

func TestFindLanguageGuess(t *testing.T) {
	require.NoError(t, Check())
	seg := textnorm.NewSegment("قتل ثلاثة جنود", 0)
	got := Find(&seg, "", nil)
	require.Len(t, got, 1)
	assert.Equal(t, "soldier", got[0].Unit)
	seg = textnorm.NewSegment("three soldiers were killed", 0)
	got = Find(&seg, "auto", nil)
	require.Len(t, got, 1)
	assert.Equal(t, Killed, got[0].Role)
}

func TestFindEmpty(t *testing.T) {
	assert.Nil(t, Find(nil, "ar", nil))
	seg := textnorm.NewSegment("", 0)
	assert.Nil(t, Find(&seg, "en", nil))
	seg = textnorm.NewSegment("!!! ... ،،", 0)
	assert.Empty(t, Find(&seg, "ar", nil))
}

func TestRoleString(t *testing.T) {
	assert.Equal(t, "", None.String())
	assert.Equal(t, "killed", Killed.String())
	assert.Equal(t, "wounded", Wounded.String())
	assert.Equal(t, "casualties", Casualties.String())
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		name     string
		norm     string
		scale    int64
		want     int64
		wantFrac bool
		wantOK   bool
	}{
		{"plain", "2500", 1, 2500, false, true},
		{"leading zeros", "007", 1, 7, false, true},
		{"decimal alone", "2.5", 1, 2, true, true},
		{"decimal with scale", "2.5", 1000000, 2500000, false, true},
		{"trailing zero fraction", "3.0", 1, 3, false, true},
		{"long fraction truncated", "1.23456789123", 1000, 1234, false, true},
		{"max", "1000000000000", 1, MaxValue, false, true},
		{"above max", "1000000000001", 1, 0, false, false},
		{"scale overflow", "5000", 1000000000, 0, false, false},
		{"huge", "99999999999999999999", 1, 0, false, false},
		{"two dots", "1.2.3", 1, 0, false, false},
		{"empty", "", 1, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, frac, ok := parseDigits(tt.norm, tt.scale)
			assert.Equal(t, tt.wantOK, ok)
			if tt.wantOK {
				assert.Equal(t, tt.want, v)
				assert.Equal(t, tt.wantFrac, frac)
			}
		})
	}
}
