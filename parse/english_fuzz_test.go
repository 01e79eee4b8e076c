package parse

import (
	"strings"
	"testing"
)

// FuzzExtractEnglish feeds hostile text to the English parser: nothing may
// panic, every record must be valid and point at its sentence, and Extract
// and Analyze must agree.
func FuzzExtractEnglish(f *testing.F) {
	seeds := []string{
		"",
		" ",
		".",
		"-",
		"—",
		"(AFP) -",
		"BEIRUT (AFP) - ",
		"WASHINGTON —",
		"'s 's ' s",
		"U.S.-led U.S.-backed pro-Iran Al-Qaeda-linked -",
		"the the the the",
		"said said said that that it it its",
		"attack attacks attacked attacking strike struck",
		"was was by by by",
		"\"\"\" “ ” «",
		"\"a\" \"b c\" \"d e f g h i\"",
		"No no not never n't",
		"Since Oct. 7, when when when",
		"20 of 25 of of 30",
		"Mr. Gen. Lt. Col. No. 2254 U.S. U.N.",
		"both sides the two countries both",
		"X, an armed group, said it had seized control of the town of Y.",
		"The Houthis said they had targeted a vessel with \"a number of naval missiles\".",
		"Three U.S. soldiers were killed and 34 wounded early Sunday when a drone struck Tower 22.",
		"قصفت Drones attacked الطائرات the base",
		"\xff\xfe attacked \xfd",
		"\x00\x01 shot down",
		strings.Repeat("attacked ", 500),
		strings.Repeat("The militia attacked the base on Tuesday, ", 200),
		strings.Repeat("A, ", 800),
	}
	for _, s := range seeds {
		f.Add(s, "2024-01-25")
	}
	f.Add("Rebels attacked the town on Monday.", "")
	f.Add("Rebels attacked the town yesterday.", "not a date")
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) { checkExtract(t, p, "en", text, published) })
}
