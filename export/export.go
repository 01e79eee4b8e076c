// Package export writes event timelines, one Writer per format: CSV, JSON,
// JSON Lines, Excel, GeoJSON and TimelineJS. Every writer emits the 33 fields of
// events.Fields in order, with their EVENTS.md names; an unknown value is an
// empty cell (CSV, Excel) or null (JSON, JSON Lines), never a made-up value.
//
// A Writer receives events one at a time and must not hold more than it
// needs (the Excel writer streams rows to a temporary file); Close flushes
// and reports any deferred error. Writers that also record per-article rows
// (the Excel articles sheet) implement ArticleWriter; writers whose format
// cannot hold every event (a map needs coordinates, a timeline a date)
// implement Skipper. WriteDataPackage describes a CSV export as a
// Frictionless Data package.
//
// Output is deterministic: the same events in the same order give the same
// bytes on every run and machine, in every format (the Excel writer fixes
// the workbook's timestamps).
//
// Formats:
//
//   - csv: RFC 4180 (encoding/csv, CRLF line ends), UTF-8, one header row of
//     the field names, optionally preceded by a UTF-8 byte-order mark.
//   - json: one JSON array, one record per line: "[\n{…},\n{…}\n]\n".
//   - jsonl: JSON Lines, one record per line.
//   - xlsx: an Excel workbook with the sheets events, summary (events per
//     week by type, with a chart), articles and codebook.
//   - geojson: a GeoJSON FeatureCollection, one Point per event with
//     coordinates, the record's fields as properties.
//   - timelinejs: a TimelineJS3 JSON document, one slide per event (by
//     --format only: it has no extension of its own).
//
// To write a file whole or not at all, combine a Writer with CreateAtomic:
//
//	format, err := export.OutputFormatFromPath(path)
//	if err != nil {
//		return err
//	}
//	f, err := export.CreateAtomic(path)
//	if err != nil {
//		return err
//	}
//	defer f.Abort()
//	w, err := export.New(format, f, export.Options{BOM: true})
//	if err != nil {
//		return err
//	}
//	for i := range evs {
//		if err := w.Write(&evs[i]); err != nil {
//			return err
//		}
//	}
//	if err := w.Close(); err != nil {
//		return err
//	}
//	return f.Commit()
package export

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/events"
)

// The extensions FormatFromPath and OutputFormatFromPath know, for their errors.
const (
	recordExtensions = ".csv, .json, .jsonl, .ndjson or .xlsx"
	outputExtensions = ".csv, .json, .jsonl, .ndjson, .xlsx or .geojson"
)

// ErrUnknownFormat is returned by New and FormatFromPath for a format eventline does not write.
var ErrUnknownFormat = errors.New("unknown format")

// errClosed is returned by Write after Close.
var errClosed = errors.New("export: write after close")

// errNilEvent is returned by Write for a nil event.
var errNilEvent = errors.New("export: nil event")

// Writer writes events in one format.
type Writer interface {
	// Write adds one event.
	Write(e *events.Event) error
	// Close finishes the output (closing brackets, zip directory) and
	// returns any error deferred from earlier writes. It does not close the
	// underlying io.Writer.
	Close() error
}

// RecordEncoder is implemented by writers whose records stand alone (CSV,
// JSON, JSON Lines), so that the costly rendering of events can run on many
// goroutines ahead of the writing: EncodeRecord appends one event to dst as
// the writer would write it, and is safe for concurrent use; WriteRecord
// then writes such a record where Write would have written its event. The
// bytes are the same as Write's; Write and WriteRecord may be mixed.
type RecordEncoder interface {
	EncodeRecord(dst []byte, e *events.Event) []byte
	WriteRecord(rec []byte) error
}

// RecordEncoderMaker is implemented by RecordEncoders whose records render
// faster with state kept from one event to the next (JSON, JSON Lines: the
// fields an event shares with the one before it, its article's and its
// sentence's, are escaped once). NewRecordEncoder returns a function that
// appends records as EncodeRecord does, for use by one goroutine at a time.
type RecordEncoderMaker interface {
	RecordEncoder
	NewRecordEncoder() func(dst []byte, e *events.Event) []byte
}

// ArticleWriter is implemented by writers that also list the articles a
// timeline was built from (the Excel articles sheet).
type ArticleWriter interface {
	WriteArticle(a events.ArticleSummary) error
}

// Skipper is implemented by writers that leave out the events their format
// cannot hold (GeoJSON: no coordinates; TimelineJS: no date), so that the
// caller can say how many.
type Skipper interface {
	// Skipped returns the number of events left out so far.
	Skipped() int
	// SkipReason says why, as words that follow "N events":
	// "without coordinates".
	SkipReason() string
}

// Options adjust the writers.
type Options struct {
	// BOM starts CSV output with the UTF-8 byte-order mark Excel needs to show Arabic.
	BOM bool
}

// The format names New accepts and Formats lists.
const (
	FormatCSV        = "csv"
	FormatJSON       = "json"
	FormatJSONL      = "jsonl"
	FormatXLSX       = "xlsx"
	FormatGeoJSON    = "geojson"
	FormatTimelineJS = "timelinejs"
)

// Formats lists the record formats: those that hold every field of every
// event, one row or record per event, and that package dataset reads back
// (csv, json, jsonl, xlsx). OutputFormats adds the presentation formats.
func Formats() []string { return []string{FormatCSV, FormatJSON, FormatJSONL, FormatXLSX} }

// OutputFormats lists every format name New accepts, for --help: the
// record formats, then geojson and timelinejs, which are made for maps and
// timelines and leave out the events they cannot place (see Skipper).
func OutputFormats() []string {
	return append(Formats(), FormatGeoJSON, FormatTimelineJS)
}

// New returns a Writer of the named format (see OutputFormats; case-insensitive,
// "ndjson" is accepted for jsonl) writing to w. The error wraps
// ErrUnknownFormat for any other name.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	switch strings.ToLower(format) {
	case FormatCSV:
		return NewCSV(w, opts), nil
	case FormatJSON:
		return NewJSON(w), nil
	case FormatJSONL, "ndjson":
		return NewJSONL(w), nil
	case FormatXLSX:
		return NewXLSX(w)
	case FormatGeoJSON:
		return NewGeoJSON(w), nil
	case FormatTimelineJS:
		return NewTimelineJS(w), nil
	}
	return nil, fmt.Errorf("export: %w %q (want one of %s)", ErrUnknownFormat, format, strings.Join(OutputFormats(), ", "))
}

// FormatFromPath returns the record format (see Formats) of a path from its
// extension, case-insensitively: .csv, .json, .jsonl or .ndjson (jsonl),
// .xlsx. Any other extension gives an error that names it and wraps
// ErrUnknownFormat. Readers of events files (package dataset) use it;
// commands that write use OutputFormatFromPath.
func FormatFromPath(path string) (string, error) {
	return formatFromPath(path, false)
}

// OutputFormatFromPath is FormatFromPath for an output file: it also knows
// .geojson. TimelineJS has no extension of its own (its files end in
// .json, which is the record array): it is chosen by format name only.
func OutputFormatFromPath(path string) (string, error) {
	return formatFromPath(path, true)
}

func formatFromPath(path string, output bool) (string, error) {
	want := recordExtensions
	if output {
		want = outputExtensions
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv":
		return FormatCSV, nil
	case ".json":
		return FormatJSON, nil
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".xlsx":
		return FormatXLSX, nil
	case ".geojson":
		if output {
			return FormatGeoJSON, nil
		}
	case "":
		return "", fmt.Errorf("export: %s: %w: no file extension (want %s)", path, ErrUnknownFormat, want)
	}
	return "", fmt.Errorf("export: %s: %w %q (want %s)", path, ErrUnknownFormat, filepath.Ext(path), want)
}
