package main

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/eval"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/input"
	"github.com/eventline/eventline/parse"
	"github.com/eventline/eventline/validate"
	"github.com/spf13/cobra"
)

// evalOptions are the flags and arguments of `eventline eval`.
type evalOptions struct {
	IO
	Paths     []string
	Gold      string
	Events    bool   // Paths are events files, not articles
	From      string // format of the events files
	JSON      bool
	Details   bool
	MinF1     float64
	HasMinF1  bool
	Published string
	Lang      string
}

func newEvalCmd(streams IO) *cobra.Command {
	opts := &evalOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "eval --gold DIR PATH...",
		Short: "Score extraction against hand-annotated gold files",
		Long: `Eval extracts the events of the articles PATH (as extract reads them: .txt/.md files with
front matter, .jsonl corpora, directories, - for stdin) — or, with --events, reads events
files (.csv, .json, .jsonl, .xlsx) already extracted — and scores them against the gold
files of DIR: one JSON file per article,

  {"doc_id", "published", "lang",
   "events": [{"anchor", "event_type", "actor1", "actor2", "location", "country",
               "date", "date_end", "date_precision", "count", "count_qualifier",
               "count_unit", "fatalities", "injuries"}]}

where anchor is an exact substring of the sentence that reports the event.

An extracted event matches a gold event of the same doc_id when its sentence contains
the anchor and the event types agree; matching is one-to-one and maximal (the most pairs,
then the most agreeing fields — never an accident of event order). Eval prints precision,
recall and F1 overall and per event type, and the accuracy of each field over the matched
events (equal values are correct, unknown on both sides is correct, integers compare by
value, strings exactly). --json prints the same as JSON, with the missed, spurious and
disagreeing events; --details lists them in the table output.

Problems with the gold files (an anchor in no sentence of the article, a field that is
not a gold field, a gold file whose article is not among the inputs) are reported on
stderr with the file and the event's index, and make the exit status 1. Otherwise eval
exits 0 whatever the scores, unless --min-f1 is given and the overall F1 is below it.`,
		Example: `  eventline eval --gold gold/ fixtures/
  eventline eval --gold gold/ corpus.jsonl --min-f1 0.8
  eventline eval --gold gold/ --events corrected.xlsx --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.HasMinF1 = cmd.Flags().Changed("min-f1")
			return runEval(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Gold, "gold", "", "folder of gold files, one JSON file per article (required)")
	f.BoolVar(&opts.Events, "events", false, "PATH are events files (.csv, .json, .jsonl, .xlsx), not articles")
	f.StringVar(&opts.From, "from", "", "with --events: format of the events files, for extensions that do not say it: "+strings.Join(export.Formats(), ", "))
	f.BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	f.BoolVar(&opts.Details, "details", false, "list the missed and spurious events and the disagreeing fields")
	f.Float64Var(&opts.MinF1, "min-f1", 0, "exit 1 when the overall F1 is below this (0 to 1)")
	f.StringVar(&opts.Published, "published", "", "publication date (YYYY-MM-DD) for articles whose metadata lacks one")
	f.StringVar(&opts.Lang, "lang", "auto", "language for articles whose metadata lacks one: ar, en or auto")
	return cmd
}

func runEval(opts *evalOptions) error {
	if opts.Gold == "" {
		return usagef("--gold DIR is required")
	}
	if opts.HasMinF1 && (opts.MinF1 < 0 || opts.MinF1 > 1 || math.IsNaN(opts.MinF1)) {
		return usagef("--min-f1 must be between 0 and 1, got %v", opts.MinF1)
	}
	if opts.From != "" {
		if !opts.Events {
			return usagef("--from applies to events files: add --events")
		}
		if !knownFormat(opts.From) {
			return usagef("--from: unknown format %q (want one of %s)", opts.From, strings.Join(export.Formats(), ", "))
		}
	}
	if opts.Published != "" {
		d, err := input.ParsePublished(opts.Published)
		if err != nil {
			return usagef("--published: %v", err)
		}
		opts.Published = d
	}
	lang, err := input.ParseLang(opts.Lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}

	problems := 0
	golds, goldProblems := eval.LoadGold(opts.Gold)
	for _, p := range goldProblems {
		fmt.Fprintln(opts.Err, p)
	}
	problems += len(goldProblems)

	var docs []eval.Doc
	if opts.Events {
		var n int
		docs, n = readEventsDocs(opts)
		problems += n
	} else {
		var n int
		docs, n, err = extractDocs(opts, lang)
		if err != nil {
			return err
		}
		problems += n
	}

	report, evalProblems := eval.Evaluate(golds, docs)
	for _, p := range evalProblems {
		fmt.Fprintln(opts.Err, p)
	}
	problems += len(evalProblems)
	if opts.JSON {
		err = report.WriteJSON(opts.Out)
	} else {
		err = report.WriteText(opts.Out, opts.Details)
	}
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	var reasons []string
	if problems > 0 {
		reasons = append(reasons, fmt.Sprintf("%s with the gold files or the inputs (see above)", pluralize(problems, "problem", "problems")))
	}
	if opts.HasMinF1 && report.F1 < opts.MinF1 {
		reasons = append(reasons, fmt.Sprintf("F1 %.3f is below --min-f1 %.3f", report.F1, opts.MinF1))
	}
	if len(reasons) > 0 {
		return dataErrorf("%s", strings.Join(reasons, "; "))
	}
	return nil
}

// extractDocs reads the articles of opts.Paths and extracts their events,
// keeping each article's sentences to check the gold anchors. It returns
// the number of input problems reported.
func extractDocs(opts *evalOptions, lang string) ([]eval.Doc, int, error) {
	parser, err := parse.New()
	if err != nil {
		return nil, 0, err
	}
	problems := 0
	reader := input.NewReader(opts.Paths, opts.In, input.Options{Published: opts.Published, Lang: lang, Report: func(p input.Problem) {
		if p.Severity == input.Warning {
			fmt.Fprintf(opts.Err, "%s (warning)\n", p.Error())
			return
		}
		problems++
		fmt.Fprintln(opts.Err, p.Error())
	}})
	defer reader.Close()
	var docs []eval.Doc
	for {
		a, err := reader.Next()
		if err != nil {
			break // io.EOF: the reader reports every other problem itself
		}
		var sentences []string
		for _, s := range parser.Sentences(a) {
			sentences = append(sentences, s.Text)
		}
		if sentences == nil {
			sentences = []string{}
		}
		docs = append(docs, eval.Doc{DocID: a.ID, Published: a.Published, Lang: parse.Lang(a), Sentences: sentences,
			Events: parser.Extract(a), Path: placeOf(a)})
	}
	return docs, problems, nil
}

// placeOf names where an article was read, for messages.
func placeOf(a *events.Article) string {
	switch strings.ToLower(filepath.Ext(a.Path)) {
	case ".jsonl", ".ndjson":
		return fmt.Sprintf("%s:%d", a.Path, a.Line) // the corpus record's line
	}
	return a.Path
}

// readEventsDocs reads events files and groups their events by doc_id, in
// order of first appearance. Problems reading the files (not the contract
// checks of validate) are reported; it returns how many.
func readEventsDocs(opts *evalOptions) ([]eval.Doc, int) {
	problems := 0
	index := map[string]int{}
	var docs []eval.Doc
	for _, path := range opts.Paths {
		var fileProblems []dataset.Problem
		var err error
		fn := func(r dataset.Record) error {
			for _, p := range r.Problems {
				problems++
				fmt.Fprintln(opts.Err, p)
			}
			e := r.Event
			i, ok := index[e.DocID]
			if !ok {
				i = len(docs)
				index[e.DocID] = i
				docs = append(docs, eval.Doc{DocID: e.DocID, Published: e.Published, Lang: e.Lang, Path: path})
			}
			docs[i].Events = append(docs[i].Events, e)
			return nil
		}
		if path == "-" {
			fileProblems, err = dataset.ReadFrom(opts.In, dataset.StdinName, opts.From, fn)
		} else {
			fileProblems, err = dataset.ReadFormat(path, opts.From, fn)
		}
		for _, p := range fileProblems {
			problems++
			fmt.Fprintln(opts.Err, p)
		}
		if err != nil {
			problems++
			fmt.Fprintln(opts.Err, validate.Unreadable(path, err))
		}
	}
	return docs, problems
}
