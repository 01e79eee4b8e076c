package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventline/eventline/events"
)

// FuzzExtract feeds hostile text to Extract and Analyze: nothing may panic,
// every record must be valid and point at its sentence, and both must agree.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		" ",
		"\n\n\n",
		".",
		"،،،؛؟!",
		"«»“”\"\"",
		"\"",
		"ـــــ",
		"ًٌٍَُِّْ",
		"٢٥٠٠ ۱۵۰ 2,500 ٢٬٥٠٠٫٥",
		"وواشنطن بالعراق للتحالف وبال للـ فال",
		"قال \"",
		"قال «لم تقع هجمات. بل",
		"أعلن أعلن أعلن مسؤوليته مسؤوليته عن عن",
		"هجوم هجوم هجوم و و و في في",
		"إذا إذا لم لم أن أن الذي التي",
		"بين بين و",
		"المسؤول المتحدث هذه الجماعات الجماعة",
		"واشنطن (رويترز) -",
		"Drones attacked the base — قصفت الطائرات 3 مواقع",
		"\xff\xfe\xfd قصف",
		"\x00\x01\x02",
		"\u200f\u200e\ufeff قتل ثلاثة",
		strings.Repeat("قصف ", 600),
		strings.Repeat("و", 3000),
		"وأعلنت واشنطن أنّها استهدفت الثلاثاء كتائب حزب الله، بينما أفاد مسؤول بأنّ غارات جوية استهدفت ليل الثلاثاء مواقع لفصائل مسلّحة موالية لإيران.",
		"ومساء الخميس أفاد بيان لجهاز مكافحة الارهاب في كردستان العراق ب\"إسقاط طائرة مسيرة مفخخة في مطار أربيل الدولي\".",
		"\uFEFB\uFEF5 ﷲ ﷺ",
	}
	for _, s := range seeds {
		f.Add(s, "2024-01-25")
	}
	f.Add("قصفت الطائرات رفح الثلاثاء", "")
	f.Add("قصفت الطائرات رفح", "not a date")
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) { checkExtract(t, p, "ar", text, published) })
}

// checkExtract extracts text as an article of lang and checks the
// invariants every record keeps: Extract and Analyze agree, the language is
// the article's, the offsets hold the sentence, and with a valid
// publication date every record passes Validate.
func checkExtract(t *testing.T, p *Parser, lang, text, published string) {
	t.Helper()
	a := &events.Article{ID: "fz", Published: published, Lang: lang, Text: text}
	evs := p.Extract(a)
	an := p.Analyze(a)
	if len(an.Events) != len(evs) {
		t.Fatalf("Extract gave %d events, Analyze %d", len(evs), len(an.Events))
	}
	runes := []rune(text)
	valid := utf8.ValidString(text)
	n := 0
	for i, e := range evs {
		if an.Events[i].ID != e.ID {
			t.Fatalf("Extract and Analyze differ at %d: %s vs %s", i, e.ID, an.Events[i].ID)
		}
		if i > 0 && evs[i-1].SentenceIndex == e.SentenceIndex {
			n++
		} else {
			n = 0
		}
		if want := events.MakeID(a.ID, e.SentenceIndex, n); e.ID != want {
			t.Fatalf("id %q, want %q", e.ID, want)
		}
		if e.Lang != lang {
			t.Fatalf("lang %q", e.Lang)
		}
		if e.CharStart < 0 || e.CharEnd > len(runes) || e.CharStart >= e.CharEnd {
			t.Fatalf("bad offsets %d..%d of %d", e.CharStart, e.CharEnd, len(runes))
		}
		if valid && string(runes[e.CharStart:e.CharEnd]) != e.Sentence {
			t.Fatalf("sentence does not match its offsets: %q", e.Sentence)
		}
		if _, err := events.ParseDate(published); err == nil {
			if errs := e.Validate(); len(errs) > 0 {
				t.Fatalf("invalid record %s: %v", e, errs)
			}
		}
	}
}
