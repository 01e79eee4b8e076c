// Package corpus generates reproducible benchmark corpora: fixture-like
// Arabic and English articles recombined from the sentences of the sample
// articles with a seeded random generator, written as JSON Lines. The same
// seed and size give the same bytes on every machine.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/sentence"
)

// Options describe a corpus.
type Options struct {
	Seed  uint64
	Bytes int64 // stop after about this many bytes of JSONL
	// Articles are recombined from these (their sentences, by language).
	Sources []*events.Article
}

// Stats describe a written corpus.
type Stats struct {
	Articles int
	Bytes    int64
}

type record struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// Write writes the corpus to w as JSON Lines.
func Write(w io.Writer, opts Options) (Stats, error) {
	pools := map[string][]string{}
	var langs []string
	for _, a := range opts.Sources {
		lang := a.Lang
		if lang == "" {
			continue
		}
		if _, ok := pools[lang]; !ok {
			langs = append(langs, lang)
		}
		for _, s := range sentence.Split(a.Text) {
			pools[lang] = append(pools[lang], s.Text)
		}
	}
	if len(langs) == 0 {
		return Stats{}, fmt.Errorf("corpus: no source sentences")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var st Stats
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	cw := &countWriter{w: bw}
	enc = json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for cw.n < opts.Bytes {
		lang := langs[rng.IntN(len(langs))]
		pool := pools[lang]
		n := 6 + rng.IntN(15)
		text := ""
		for i := 0; i < n; i++ {
			if i > 0 {
				text += "\n"
			}
			text += pool[rng.IntN(len(pool))]
		}
		rec := record{
			ID:        fmt.Sprintf("bench-%07d", st.Articles),
			Published: base.AddDate(0, 0, rng.IntN(730)).Format("2006-01-02"),
			Lang:      lang,
			Source:    []string{"AFP", "Reuters", "AP", "Al Jazeera", "Anadolu"}[rng.IntN(5)],
			URL:       fmt.Sprintf("https://example.org/bench/%d", st.Articles),
			Title:     fmt.Sprintf("benchmark article %d", st.Articles),
			Text:      text,
		}
		if err := enc.Encode(&rec); err != nil {
			return st, err
		}
		st.Articles++
	}
	st.Bytes = cw.n
	return st, bw.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
