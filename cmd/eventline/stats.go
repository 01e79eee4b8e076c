package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/dataset"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/stats"
	"github.com/spf13/cobra"
)

// statsOptions are the flags and arguments of `eventline stats`.
type statsOptions struct {
	IO
	Paths          []string
	By             string
	Types          []string
	Split          string
	Contexts       []string
	KnownDatesOnly bool
	From, To       string
	Output         string
	BOM            bool
	Quiet          bool
}

func newStatsCmd(streams IO) *cobra.Command {
	opts := &statsOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "stats EVENTS... [--by day|week|month] [--split FIELD] [-o counts.csv]",
		Short: "Count events per day, week or month, for charts",
		Long: `Stats reads events files — what extract writes: .jsonl, .ndjson, .json, .csv or .xlsx,
or - for stdin — and counts the events per period, as a tidy CSV that Datawrapper and Flourish import
as it is: period,events,attacks_counted, or with --split one row per period and value
(period,event_type,events,attacks_counted). Every period of the range has its rows, zeros
included. Periods are named by their first day: the day, the Monday of the ISO week, the
first of the month.

What is counted:
  - an event counts in the period of its date, the first day of its interval (a "since
    October" range counts once, where it starts);
  - only events reported or claimed (--context all counts denied, future and hypothetical
    ones too);
  - an event of unknown date counts at its publication date (its date field), unless
    --known-dates-only; an event without a usable date is left out and reported;
  - attacks_counted: for attacks (attack, drone_attack, rocket_attack, airstrike, bombing,
    armed_clash) the count when its unit is attack or strike ("more than 150 attacks" is
    150), else 1; 0 for the other types.

Each row of the input is one report: the same strike told by two articles counts twice.
A record with a malformed cell is reported (path:line: field: problem) and not counted.
Without -o the CSV goes to stdout.`,
		Example: `  eventline stats timeline.jsonl --by week -o weekly.csv
  eventline stats timeline.csv --by month --split event_type --type airstrike,drone_attack
  eventline extract fixtures/ | eventline stats - --by day --known-dates-only`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runStats(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.By, "by", "week", "period: "+strings.Join(stats.PeriodNames, ", ")+" (weeks start on Monday)")
	f.StringSliceVar(&opts.Types, "type", nil, "count only these event types (repeat or separate with commas)")
	f.StringVar(&opts.Split, "split", "", "one row per period and value of: "+strings.Join(stats.SplitNames, ", "))
	f.StringSliceVar(&opts.Contexts, "context", nil, "count only these contexts, or all (default: reported,claimed)")
	f.BoolVar(&opts.KnownDatesOnly, "known-dates-only", false, "leave out events of unknown date (date_precision unknown) instead of counting them at their publication date")
	f.StringVar(&opts.From, "from", "", "first day of the range (YYYY-MM-DD); earlier events are left out")
	f.StringVar(&opts.To, "to", "", "last day of the range (YYYY-MM-DD); later events are left out")
	f.StringVarP(&opts.Output, "output", "o", "", "output CSV file, written whole or not at all (default: stdout)")
	f.BoolVar(&opts.BOM, "bom", false, "start the CSV with a UTF-8 byte-order mark (Excel needs it for Arabic names)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no summary on stderr")
	return cmd
}

// statsCounterOptions turns the flags into stats.Options; errors are usage errors.
func statsCounterOptions(opts *statsOptions) (stats.Options, error) {
	var so stats.Options
	by, err := stats.ParsePeriod(opts.By)
	if err != nil {
		return so, usagef("--by: %v", unprefix(err))
	}
	split, err := stats.ParseSplit(opts.Split)
	if err != nil {
		return so, usagef("--split: %v", unprefix(err))
	}
	so = stats.Options{By: by, Split: split, KnownDatesOnly: opts.KnownDatesOnly, From: opts.From, To: opts.To}
	for _, t := range opts.Types {
		et, err := events.ParseEventType(strings.TrimSpace(t))
		if err != nil {
			return so, usagef("--type: %v", err)
		}
		so.Types = append(so.Types, et)
	}
	for _, c := range opts.Contexts {
		c = strings.TrimSpace(c)
		if strings.EqualFold(c, "all") {
			so.Contexts = nil
			for _, name := range events.ContextNames {
				so.Contexts = append(so.Contexts, events.Context(name))
			}
			break
		}
		so.Contexts = append(so.Contexts, events.Context(c))
	}
	if _, err := stats.NewCounter(so); err != nil {
		return so, usagef("%v", unprefix(err))
	}
	return so, nil
}

// unprefix drops the "stats: " prefix from an error of package stats, for
// a message that already names the flag.
func unprefix(err error) string { return strings.TrimPrefix(err.Error(), "stats: ") }

func runStats(opts *statsOptions) error {
	so, err := statsCounterOptions(opts)
	if err != nil {
		return err
	}
	toFile := opts.Output != "" && opts.Output != "-"
	if toFile {
		if !strings.EqualFold(filepath.Ext(opts.Output), ".csv") {
			return usagef("-o %s: stats writes CSV: give the file a .csv extension", opts.Output)
		}
		if err := refuseInputAsOutput(opts.Output, opts.Paths); err != nil {
			return &usageError{err}
		}
	}
	counter, err := stats.NewCounter(so)
	if err != nil {
		return usagef("%v", unprefix(err))
	}

	problems := 0
	add := func(r dataset.Record) error {
		if len(r.Problems) > 0 {
			// A record read with a malformed cell is not counted: its
			// place in the table would be a guess.
			for _, p := range r.Problems {
				fmt.Fprintln(opts.Err, p.String())
			}
			problems++
			return nil
		}
		counter.Add(&r.Event)
		return nil
	}
	for _, path := range opts.Paths {
		var probs []dataset.Problem
		var err error
		if path == "-" {
			probs, err = dataset.ReadFrom(opts.In, dataset.StdinName, "", add)
		} else {
			probs, err = dataset.Read(path, add)
		}
		for _, p := range probs {
			problems++
			fmt.Fprintln(opts.Err, p.String())
		}
		if err != nil {
			problems++
			fmt.Fprintf(opts.Err, "%s: %s\n", path, fileErrorText(path, err))
		}
	}

	if _, err := counter.Len(); err != nil {
		if errors.Is(err, stats.ErrTooManyRows) {
			return usagef("%v: count by a longer period or narrow the range with --from and --to", unprefix(err))
		}
		return err
	}
	var out io.Writer = opts.Out
	var file *export.AtomicFile
	if toFile {
		file, err = export.CreateAtomic(opts.Output)
		if err != nil {
			return &usageError{err}
		}
		defer file.Abort()
		out = file
	}
	if err := counter.WriteCSV(out, opts.BOM); err != nil {
		return fmt.Errorf("writing %s: %w", outputName(opts.Output), err)
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	if !opts.Quiet {
		reportStats(opts.Err, counter, opts.Output)
	}
	if problems > 0 {
		return dataErrorf("%d problems with the input (see above); the other events were counted", problems)
	}
	return nil
}

// fileErrorText returns the message of an error reading path, without the
// path that the caller prints first.
func fileErrorText(path string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	msg := err.Error()
	for _, prefix := range []string{"dataset: ", "export: ", path + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

// reportStats says on w what was counted and what was left out, and why.
func reportStats(w io.Writer, c *stats.Counter, output string) {
	o := c.Options()
	fmt.Fprintf(w, "eventline: %d events counted in %d %ss, written to %s\n", c.Counted(), c.Periods(), o.By, outputName(output))
	s := c.Skips()
	var left []string
	if s.Context > 0 {
		left = append(left, fmt.Sprintf("%d for their context (see --context)", s.Context))
	}
	if s.Type > 0 {
		left = append(left, fmt.Sprintf("%d of other types", s.Type))
	}
	if s.UnknownDate > 0 {
		left = append(left, fmt.Sprintf("%d of unknown date (--known-dates-only)", s.UnknownDate))
	}
	if s.OutOfRange > 0 {
		left = append(left, fmt.Sprintf("%d outside --from/--to", s.OutOfRange))
	}
	if s.NoDate > 0 {
		left = append(left, fmt.Sprintf("%d without a usable date", s.NoDate))
	}
	if len(left) > 0 {
		fmt.Fprintf(w, "eventline: %d events left out: %s\n", s.Total(), strings.Join(left, ", "))
	}
}
