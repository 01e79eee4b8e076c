package quantity

import (
	"os"
	"strings"
	"testing"

	"github.com/eventline/eventline/parse/textnorm"
)

// benchSegments returns the sentences of the seed article (or a stand-in
// when shared/ is absent) and some English wire copy, as segments.
func benchSegments(b *testing.B) (ar, en []textnorm.Segment) {
	b.Helper()
	text := "ويتواجد في العراق ما يقرب من 2500 جندي أميركي بينما ينتشر في سوريا نحو 900 جندي أميركي. " +
		"ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار."
	if data, err := os.ReadFile("/work/shared/seeds/000_213c061cbfe19d7b.txt"); err == nil {
		text = string(data)
	}
	start := 0
	for _, s := range strings.SplitAfter(text, ". ") {
		ar = append(ar, textnorm.NewSegment(s, start))
		start += len([]rune(s))
	}
	enText := []string{
		"Three U.S. service members were killed and more than 30 injured in a drone attack on Tower 22 in Jordan on Jan. 28, 2024.",
		"U.S. forces have been attacked at least 160 times in Iraq and Syria since Oct. 17, the Pentagon said.",
		"Israeli strikes killed at least 25 people, including 10 children, and wounded dozens, the ministry said.",
		"About 900 U.S. troops are in Syria and some 2,500 in Iraq as part of a coalition formed in 2014.",
		"The group fired 18 drones and two ballistic missiles at the ship; there were no casualties.",
	}
	for _, s := range enText {
		en = append(en, textnorm.NewSegment(s, 0))
	}
	return ar, en
}

func BenchmarkFind(b *testing.B) {
	if err := Check(); err != nil {
		b.Fatal(err)
	}
	ar, en := benchSegments(b)
	b.Run("ar", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for k := range ar {
				Find(&ar[k], "ar", nil)
			}
		}
	})
	b.Run("en", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for k := range en {
				Find(&en[k], "en", nil)
			}
		}
	})
}
