package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/validate"
	"github.com/spf13/cobra"
)

// convertOptions are the flags and arguments of `eventline convert`.
type convertOptions struct {
	IO
	Input  string
	Output string
	Format string // output format, "" from the extension of Output
	From   string // input format, "" from the extension of Input
	BOM    bool
	Quiet  bool
}

func newConvertCmd(streams IO) *cobra.Command {
	opts := &convertOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "convert IN -o OUT",
		Short: "Convert an events file between CSV, JSON, JSON Lines and Excel",
		Long: `Convert reads an events file in any format eventline writes — CSV (with or without a
byte-order mark), JSON, JSON Lines, Excel — and writes the same records in another, so a
timeline corrected by hand in Excel goes back to JSON for the pipeline. The formats follow
the extensions of IN and OUT; --from and --format override them, --bom starts CSV output
with a byte-order mark. IN may be - for stdin (its format is recognised from its first
bytes), OUT - for stdout (then give --format; JSON Lines by default).

Every record is converted as it was read, problems included: the problems of the input
are reported on stderr as validate reports them (place: field: message), and the exit
status is 1. A cell whose text the record cannot hold (text in an integer column, a
latitude out of range) is written empty and its problem says so; enum and date cells keep
their text. Cells outside the 33 columns (unknown columns) are not part of the record and
are not carried over; they are reported too. Excel output gets an articles sheet built
from the records (one row per doc_id; titles are not in the records and stay empty).

OUT is written whole or not at all, and never onto IN.`,
		Example: `  eventline convert corrected.xlsx -o timeline.json
  eventline convert timeline.json -o timeline.csv --bom
  eventline convert - --from csv -o - --format jsonl < timeline.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Input = args[0]
			return runConvert(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "output file, - for stdout (required); the format follows its extension")
	f.StringVar(&opts.Format, "format", "", "output format: "+strings.Join(export.Formats(), ", "))
	f.StringVar(&opts.From, "from", "", "input format: "+strings.Join(export.Formats(), ", ")+" (default: from the extension of IN)")
	f.BoolVar(&opts.BOM, "bom", false, "start CSV output with a UTF-8 byte-order mark (Excel needs it for Arabic)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no summary line")
	return cmd
}

func runConvert(opts *convertOptions) error {
	if opts.Output == "" {
		return usagef("-o OUT is required (- for stdout)")
	}
	if opts.From != "" && !knownFormat(opts.From) {
		return usagef("--from: unknown format %q (want one of %s)", opts.From, strings.Join(export.Formats(), ", "))
	}
	if opts.Input != "-" && opts.Output != "-" {
		if err := refuseInputAsOutput(opts.Output, []string{opts.Input}); err != nil {
			return &usageError{err}
		}
	}
	format := opts.Format
	if format == "" {
		if opts.Output == "-" {
			format = export.FormatJSONL
		} else {
			f, err := export.FormatFromPath(opts.Output)
			if err != nil {
				return &usageError{err}
			}
			format = f
		}
	}
	if _, err := export.New(format, io.Discard, export.Options{}); err != nil {
		return &usageError{err}
	}

	var out io.Writer = opts.Out
	var file *export.AtomicFile
	if opts.Output != "-" {
		var err error
		if file, err = export.CreateAtomic(opts.Output); err != nil {
			return &usageError{err}
		}
		defer file.Abort()
		out = file
	}
	w, err := export.New(format, out, export.Options{BOM: opts.BOM})
	if err != nil {
		return &usageError{err}
	}
	aw, _ := w.(export.ArticleWriter)

	var (
		problems []dataset.Problem
		records  int
		articles = &articleTally{index: map[string]int{}}
	)
	errWrite := errors.New("write")
	var writeErr error
	fileProblems, readErr := validate.Read(opts.Input, validate.Options{Format: opts.From, Stdin: opts.In}, func(r dataset.Record) error {
		for _, p := range r.Problems {
			problems = append(problems, notedProblem(p, &r.Event))
		}
		records++
		if aw != nil {
			articles.add(&r.Event)
		}
		if err := w.Write(&r.Event); err != nil {
			writeErr = err
			return errWrite
		}
		return nil
	})
	if writeErr != nil {
		return fmt.Errorf("writing %s: %w", outputName(opts.Output), writeErr)
	}
	if readErr != nil {
		fmt.Fprintln(opts.Err, validate.Unreadable(opts.Input, readErr))
		return dataErrorf("%s could not be read; nothing was written", opts.Input)
	}
	problems = append(problems, fileProblems...)
	validate.Sort(problems)
	for _, p := range problems {
		fmt.Fprintln(opts.Err, p)
	}
	if aw != nil {
		for _, a := range articles.list {
			if err := aw.WriteArticle(a); err != nil {
				return fmt.Errorf("writing %s: %w", outputName(opts.Output), err)
			}
		}
	}
	if err := finishOutput(w, file, opts.Output); err != nil {
		return err
	}
	written := fmt.Sprintf("%s written to %s", pluralize(records, "record", "records"), outputName(opts.Output))
	if len(problems) > 0 {
		return dataErrorf("%s in %s (see above); every record was converted as read: %s",
			pluralize(len(problems), "problem", "problems"), opts.Input, written)
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.Err, "eventline: %s\n", written)
	}
	return nil
}

// notedProblem adds to a problem of a number cell what was written in its
// place, when the record could not hold the text read: "written empty", or
// for the offsets that cannot be unknown, "written as 0".
func notedProblem(p dataset.Problem, e *events.Event) dataset.Problem {
	f, ok := events.FieldByName(p.Field)
	if !ok || p.Err == nil || (f.Kind != events.KindInteger && f.Kind != events.KindNumber) {
		return p
	}
	msg := p.Err.Error()
	if !strings.Contains(msg, "is not an integer") && !strings.Contains(msg, "is not a number") && !strings.Contains(msg, "is out of range") {
		return p
	}
	switch v := f.Get(e); {
	case v == "":
		p.Err = fmt.Errorf("%w; written empty", p.Err)
	case f.Required && !strings.Contains(msg, "out of range"):
		p.Err = fmt.Errorf("%w; written as %s", p.Err, v)
	}
	return p
}

// articleTally builds the articles sheet of a converted workbook from the
// records: one row per doc_id, in order of first appearance, with the
// metadata of its first record.
type articleTally struct {
	index map[string]int
	list  []events.ArticleSummary
}

func (t *articleTally) add(e *events.Event) {
	if i, ok := t.index[e.DocID]; ok {
		t.list[i].Events++
		return
	}
	t.index[e.DocID] = len(t.list)
	t.list = append(t.list, events.ArticleSummary{ID: e.DocID, Published: e.Published, Source: e.Source, URL: e.URL, Lang: e.Lang, Events: 1})
}
