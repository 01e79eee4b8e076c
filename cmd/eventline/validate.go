package main

import (
	"fmt"
	"strings"

	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/golden"
	"github.com/eventline/eventline/parse"
	"github.com/eventline/eventline/validate"
	"github.com/spf13/cobra"
)

// validateOptions are the flags and arguments of `eventline validate`.
type validateOptions struct {
	IO
	Paths    []string
	Format   string // output: text, json or github
	From     string // input format, "" from the extension
	Fixtures string
	Update   bool
}

func newValidateCmd(streams IO) *cobra.Command {
	opts := &validateOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "validate DATASET... | validate --fixtures DIR [--update]",
		Short: "Check events files against the contract, or fixtures against their goldens",
		Long: `Validate checks events files — CSV (with or without a byte-order mark), JSON, JSON Lines
and Excel, as eventline writes them, or as a researcher corrected them by hand — against
the event record of EVENTS.md: the 33 columns present and in order, enums in their sets,
ISO dates, date ≤ date_end, the precision consistent with the interval, integers and
numbers where they belong, latitude and longitude in range, ids unique in the file.

Each problem is one line with its exact place on stdout:

  timeline.csv:14: date_precision: "dayy" is not one of day, week, month, year, range, unknown
  timeline.xlsx:events!F12: date: invalid date: "2024-02-30" is not a YYYY-MM-DD date
  timeline.jsonl:3: id: duplicate id "afp-s7-e0", first at timeline.jsonl:1

--format json prints one JSON array of {file, line, sheet, cell, field, message};
--format github prints GitHub Actions error annotations. A one-line summary goes to
stderr. A file that is missing or cannot be read is a problem of the data like any other.

With --fixtures DIR, validate extracts every article of the fixture folder (<name>.txt or
<name>.md) and compares the events with its golden file <name>.events.json, field by
field; --update rewrites the goldens that differ (review the diff before committing).

Exit status: 0 no problem, 1 a problem was found (or a fixture differs), 2 usage error.`,
		Example: `  eventline validate timeline.xlsx corrected.csv
  eventline validate --format github timelines/*.csv
  eventline validate --fixtures fixtures/
  eventline validate --fixtures fixtures/ --update`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runValidate(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", validate.FormatText, "output format: "+strings.Join(validate.Formats(), ", "))
	f.StringVar(&opts.From, "from", "", "input format, for files whose extension does not say it: "+strings.Join(export.Formats(), ", "))
	f.StringVar(&opts.Fixtures, "fixtures", "", "check the articles of this fixture folder against their golden *.events.json files")
	f.BoolVar(&opts.Update, "update", false, "with --fixtures: rewrite the golden files that differ from the extraction")
	return cmd
}

func runValidate(opts *validateOptions) error {
	opts.Format = strings.ToLower(opts.Format)
	if _, err := validate.NewPrinter(opts.Format, nil); err != nil {
		return usagef("--format: %v", err)
	}
	if opts.From != "" && !knownFormat(opts.From) {
		return usagef("--from: unknown format %q (want one of %s)", opts.From, strings.Join(export.Formats(), ", "))
	}
	if opts.Fixtures != "" {
		if len(opts.Paths) > 0 {
			return usagef("--fixtures checks a fixture folder and takes no DATASET arguments (got %s)", strings.Join(opts.Paths, " "))
		}
		if opts.From != "" {
			return usagef("--from applies to DATASET files, not to --fixtures")
		}
		return runFixtures(opts)
	}
	if opts.Update {
		return usagef("--update rewrites golden files and needs --fixtures DIR")
	}
	if len(opts.Paths) == 0 {
		return usagef("name the events files to validate, or give --fixtures DIR\nRun 'eventline validate --help' for usage.")
	}
	stdin := 0
	for _, p := range opts.Paths {
		if p == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return usagef("standard input (-) can be read only once")
	}

	pr, _ := validate.NewPrinter(opts.Format, opts.Out)
	results := make([]validate.Result, 0, len(opts.Paths))
	records := 0
	for _, path := range opts.Paths {
		res := validate.Check(path, validate.Options{Format: opts.From, Stdin: opts.In})
		for _, p := range res.Problems {
			if err := pr.Print(p); err != nil {
				return fmt.Errorf("writing the report: %w", err)
			}
		}
		records += res.Records
		results = append(results, res)
	}
	if err := pr.Close(); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	summary := validate.Summary(results)
	for _, r := range results {
		if len(r.Problems) > 0 {
			return dataErrorf("%s", summary)
		}
	}
	if opts.Format == validate.FormatText {
		fmt.Fprintf(opts.Err, "eventline: %s (%s)\n", summary, pluralize(records, "record", "records"))
	}
	return nil
}

// runFixtures extracts the articles of a fixture folder and compares them
// with their goldens (golden.Load, Check, Report).
func runFixtures(opts *validateOptions) error {
	fixtures, loadErrs := golden.Load(opts.Fixtures)
	for _, err := range loadErrs {
		fmt.Fprintln(opts.Err, err)
	}
	parser, err := parse.New()
	if err != nil {
		return err
	}
	results := golden.Check(fixtures, parser, opts.Update)
	var failed int
	switch opts.Format {
	case validate.FormatJSON:
		err = validate.WriteFixturesJSON(opts.Out, results)
		failed = countFailed(results)
	case validate.FormatGitHub:
		failed, err = validate.WriteFixturesGitHub(opts.Out, results)
	default:
		failed = golden.Report(opts.Out, results)
	}
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	updated := 0
	for _, r := range results {
		if r.Updated {
			updated++
		}
	}
	switch {
	case len(fixtures) == 0:
		return dataErrorf("no fixture could be checked in %s", opts.Fixtures)
	case failed > 0 || len(loadErrs) > 0:
		msg := fmt.Sprintf("%d of %d fixtures differ from their goldens", failed, len(fixtures))
		if len(loadErrs) > 0 {
			msg += fmt.Sprintf(", %s could not be read", pluralize(len(loadErrs), "article", "articles"))
		}
		if !opts.Update {
			msg += " (review the differences; --update rewrites the goldens)"
		}
		return dataErrorf("%s", msg)
	case opts.Update:
		fmt.Fprintf(opts.Err, "eventline: %d of %d golden files updated in %s\n", updated, len(fixtures), opts.Fixtures)
	default:
		fmt.Fprintf(opts.Err, "eventline: all %d fixtures match their goldens\n", len(fixtures))
	}
	return nil
}

func countFailed(results []golden.Result) int {
	n := 0
	for _, r := range results {
		if r.Err != nil || len(r.Diffs) > 0 {
			n++
		}
	}
	return n
}

// knownFormat reports whether name is an events format eventline reads.
func knownFormat(name string) bool {
	switch strings.ToLower(name) {
	case export.FormatCSV, export.FormatJSON, export.FormatJSONL, "ndjson", export.FormatXLSX:
		return true
	}
	return false
}

// pluralize writes "1 file", "2 files".
func pluralize(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
