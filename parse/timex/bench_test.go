package timex

import (
	"testing"

	"github.com/eventline/eventline/parse/textnorm"
)

var benchSentences = []struct{ lang, text string }{
	{"ar", "ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، ضدّ جنود أميركيين وقوات التحالف في العراق وسوريا."},
	{"ar", "وفي هذا السياق أيضا، أعلنت واشنطن أنّها استهدفت الثلاثاء كتائب حزب الله، بينما أفاد مسؤول أمني بأنّ غارات جوية استهدفت ليل الثلاثاء مواقع لفصائل مسلّحة موالية لإيران."},
	{"ar", "ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي، وذلك في إطار عمل التحالف الدولي الذي أطلقته واشنطن في العام 2014."},
	{"en", "U.S. and coalition forces have been attacked more than 150 times in Iraq and Syria since Oct. 17, the Pentagon said on Thursday."},
	{"en", "Iraq declared victory over the Islamic State group at the end of 2017, but about 2,500 U.S. troops remain in the country."},
	{"en", "At least 20 people were killed in the past 48 hours, and fighting raged overnight Saturday into Sunday, officials said."},
}

func BenchmarkFind(b *testing.B) {
	segs := make([]textnorm.Segment, len(benchSentences))
	for i, s := range benchSentences {
		segs[i] = textnorm.NewSegment(s.text, 0)
	}
	if err := Check(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range segs {
			Find(&segs[i], benchSentences[i].lang, seedAnchor)
		}
	}
}
