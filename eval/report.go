package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report as readable tables: the counts, precision,
// recall and F1 overall and per event type, then the accuracy of each
// field over the matched events. With details it then lists the missed
// gold events, the spurious extracted events and the fields that disagree.
// Ratios have three decimals.
func (r *Report) WriteText(w io.Writer, details bool) error {
	ew := &errWriter{w: w}
	ew.printf("eval: %d documents scored", r.Documents)
	if n := len(r.Unscored); n > 0 {
		ew.printf(" (%d inputs without a gold file not scored: %s)", n, strings.Join(r.Unscored, ", "))
	}
	ew.printf("\n\n")
	width := len("event_type")
	for _, ts := range r.ByType {
		width = max(width, len(ts.EventType))
	}
	ew.printf("%-*s  %4s  %9s  %7s  %9s  %6s  %5s\n", width, "event_type", "gold", "extracted", "matched", "precision", "recall", "F1")
	row := func(name string, c Counts) {
		ew.printf("%-*s  %4d  %9d  %7d  %9.3f  %6.3f  %5.3f\n", width, name, c.Gold, c.Extracted, c.Matched, c.Precision, c.Recall, c.F1)
	}
	row("all", r.Counts)
	for _, ts := range r.ByType {
		name := ts.EventType
		if name == "" {
			name = "(none)"
		}
		row(name, ts.Counts)
	}
	ew.printf("\nfield accuracy over %d matched events\n\n", r.Matched)
	width = len("field")
	for _, f := range r.Fields {
		width = max(width, len(f.Field))
	}
	ew.printf("%-*s  %7s  %8s\n", width, "field", "correct", "accuracy")
	for _, f := range r.Fields {
		ew.printf("%-*s  %7s  %8.3f\n", width, f.Field, fmt.Sprintf("%d/%d", f.Correct, f.Total), f.Accuracy)
	}
	if details {
		if len(r.Missed) > 0 {
			ew.printf("\nmissed (gold events not extracted):\n")
			for _, m := range r.Missed {
				ew.printf("  %s events[%d] %s: %q\n", m.DocID, m.Index, m.EventType, m.Anchor)
			}
		}
		if len(r.Spurious) > 0 {
			ew.printf("\nspurious (extracted events not in the gold):\n")
			for _, s := range r.Spurious {
				ew.printf("  %s %s: %s\n", s.ID, s.EventType, s.Sentence)
			}
		}
		if len(r.Mismatches) > 0 {
			ew.printf("\nfields that disagree (gold vs extracted):\n")
			for _, m := range r.Mismatches {
				ew.printf("  %s events[%d] ~ %s: %s: expected %q, got %q\n", m.DocID, m.Index, m.ID, m.Field, m.Want, m.Got)
			}
		}
	}
	return ew.err
}

// WriteJSON writes the report as one indented JSON object (see Report's
// field tags).
func (r *Report) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
