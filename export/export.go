// Package export writes event timelines, one Writer per format: CSV, JSON,
// JSON Lines and Excel (and later ones). Every writer emits the 33 fields of
// events.Fields in order, with their EVENTS.md names.
//
// A Writer receives events one at a time and must not hold more than it
// needs (the Excel writer streams rows); Close flushes and reports any
// deferred error. Writers that also record per-article rows (the Excel
// articles sheet) implement ArticleWriter.
package export

import (
	"errors"

	"github.com/eventline/eventline/events"
)

// ErrUnknownFormat is returned by New and FormatFromPath for a format eventline does not write.
var ErrUnknownFormat = errors.New("unknown format")

// Writer writes events in one format.
type Writer interface {
	// Write adds one event.
	Write(e *events.Event) error
	// Close finishes the output (closing brackets, zip directory) and
	// returns any error deferred from earlier writes. It does not close the
	// underlying io.Writer.
	Close() error
}

// ArticleWriter is implemented by writers that also list the articles a
// timeline was built from (the Excel articles sheet).
type ArticleWriter interface {
	WriteArticle(a events.ArticleSummary) error
}

// Options adjust the writers.
type Options struct {
	// BOM starts CSV output with the UTF-8 byte-order mark Excel needs to show Arabic.
	BOM bool
}
