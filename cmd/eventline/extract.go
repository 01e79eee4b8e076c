package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/input"
	"github.com/eventline/eventline/parse"
	"github.com/eventline/eventline/pipeline"
	"github.com/spf13/cobra"
)

// extractOptions are the flags and arguments of `eventline extract`.
type extractOptions struct {
	IO
	Paths     []string
	Output    string
	Format    string
	BOM       bool
	Published string
	Lang      string
	Source    string
	Strict    bool
	Jobs      int
	Sort      bool
	Quiet     bool
	// DataPackage writes a Frictionless datapackage.json beside a CSV output.
	DataPackage bool
	// CPUProfile names a file for a pprof CPU profile of the run (hidden flag,
	// for performance work).
	CPUProfile string
	// MemProfile names a file for a pprof heap profile taken when the
	// articles are done, after a collection (hidden flag): what stays live,
	// such as the parser's word caches.
	MemProfile string
}

func newExtractCmd(streams IO) *cobra.Command {
	opts := &extractOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "extract PATH... [-o FILE]",
		Short: "Extract the events of articles into a timeline",
		Long: `Extract reads articles — .txt/.md files with YAML front matter, .jsonl corpora (one
article per line), directories (walked recursively in sorted order) or - for stdin — and
writes one row per event.

The output format follows the extension of -o (.csv, .json, .jsonl, .xlsx, .geojson) or
--format (timelinejs, a TimelineJS3 document, is chosen by --format only); without -o, JSON
Lines go to stdout. Output files are written whole or not at all. GeoJSON leaves out events
without coordinates and TimelineJS events without a date; the number is said on stderr.
--datapackage writes a Frictionless datapackage.json describing a CSV output beside it.
Problems with an article are reported on stderr as path:line: message; the other
articles still go through and the exit code is 1 (--strict stops at the first).`,
		Example: `  eventline extract fixtures/ -o timeline.xlsx
  eventline extract corpus.jsonl --published 2024-01-25 --lang ar -o timeline.csv --bom
  cat article.txt | eventline extract - --format json
  eventline extract fixtures/ -o map.geojson
  eventline extract fixtures/ --format timelinejs -o timeline.json
  eventline extract fixtures/ -o out/timeline.csv --datapackage`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runExtract(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "output file; the format follows its extension (default: JSON Lines on stdout)")
	f.StringVar(&opts.Format, "format", "", "output format: "+strings.Join(export.OutputFormats(), ", "))
	f.BoolVar(&opts.BOM, "bom", false, "start CSV output with a UTF-8 byte-order mark (Excel needs it for Arabic)")
	f.StringVar(&opts.Published, "published", "", "publication date (YYYY-MM-DD) for articles whose metadata lacks one")
	f.StringVar(&opts.Lang, "lang", "auto", "language for articles whose metadata lacks one: ar, en or auto (detect from the script)")
	f.StringVar(&opts.Source, "source", "", "outlet for articles whose metadata lacks one")
	f.BoolVar(&opts.Strict, "strict", false, "stop at the first article that cannot be read")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "articles extracted at once (default: all cores)")
	f.BoolVar(&opts.Sort, "sort", true, "write events in timeline order (date, date_end, doc_id, sentence_index, id); --sort=false keeps input order")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress bar and no warnings")
	f.BoolVar(&opts.DataPackage, "datapackage", false, "also write a Frictionless Data datapackage.json describing the CSV output, in its directory")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a pprof CPU profile of the run to this file")
	_ = f.MarkHidden("cpuprofile")
	f.StringVar(&opts.MemProfile, "memprofile", "", "write a pprof heap profile to this file when the articles are done")
	_ = f.MarkHidden("memprofile")
	return cmd
}

// errStrict stops a --strict run at the first problem.
var errStrict = errors.New("stopped at the first problem (--strict); nothing was written")

func runExtract(ctx context.Context, opts *extractOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Output != "" {
		if err := refuseInputAsOutput(opts.Output, opts.Paths); err != nil {
			return &usageError{err}
		}
	}
	format := opts.Format
	if format == "" && opts.Output != "" {
		f, err := export.OutputFormatFromPath(opts.Output)
		if err != nil {
			return &usageError{err}
		}
		format = f
	}
	if format == "" {
		format = export.FormatJSONL
	}
	probe, err := export.New(format, io.Discard, export.Options{})
	if err != nil {
		return &usageError{err}
	}
	_ = probe.Close()
	if opts.DataPackage && (format != export.FormatCSV || opts.Output == "" || opts.Output == "-") {
		return usagef("--datapackage describes a CSV file: use it with -o FILE.csv")
	}
	if opts.DataPackage {
		if err := refuseInputAsOutput(export.DataPackagePath(opts.Output), opts.Paths); err != nil {
			return &usageError{err}
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
	if opts.Jobs < 0 {
		return usagef("--jobs must be 0 (all cores) or more, got %d", opts.Jobs)
	}

	if opts.CPUProfile != "" {
		stop, err := startCPUProfile(opts.CPUProfile)
		if err != nil {
			return &usageError{err}
		}
		defer stop()
	}

	parser, err := parse.New()
	if err != nil {
		return err
	}

	// The destination: a file written whole or not at all, or stdout.
	var out io.Writer = opts.Out
	var file *export.AtomicFile
	if opts.Output != "" && opts.Output != "-" {
		file, err = export.CreateAtomic(opts.Output)
		if err != nil {
			return &usageError{err}
		}
		defer file.Abort()
		out = file
	}
	w, err := export.New(format, out, export.Options{BOM: opts.BOM})
	if err != nil {
		return &usageError{err}
	}

	errorCount := 0
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var stopErr error
	report := func(p input.Problem) {
		if p.Severity == input.Warning {
			if !opts.Quiet {
				fmt.Fprintf(opts.Err, "%s (warning)\n", p.Error())
			}
			return
		}
		errorCount++
		fmt.Fprintln(opts.Err, p.Error())
		if opts.Strict && stopErr == nil {
			stopErr = errStrict
			cancel()
		}
	}
	reader := input.NewReader(opts.Paths, opts.In, input.Options{Published: opts.Published, Lang: lang, Source: opts.Source, Report: report})
	defer reader.Close()

	progress := newProgress(opts.Err, opts.Quiet, inputSize(opts.Paths))
	stats, runErr := pipeline.Run(ctx, reader, parser, w, pipeline.Options{
		Workers: opts.Jobs,
		Sort:    opts.Sort,
		OnError: func(a *events.Article, err error) {
			report(input.Problem{Path: a.Path, Line: a.Line, Severity: input.Error, Err: fmt.Errorf("article %s: %w", a.ID, err)})
		},
		Progress: progress.Article,
	})
	progress.Done()
	if opts.MemProfile != "" {
		if err := writeHeapProfile(opts.MemProfile); err != nil {
			return err
		}
	}
	if stopErr != nil {
		return dataErrorf("%v", stopErr)
	}
	if runErr != nil {
		if errors.Is(runErr, context.Canceled) {
			return dataErrorf("interrupted")
		}
		return fmt.Errorf("writing %s: %w", outputName(opts.Output), runErr)
	}
	if err := finishOutput(w, file, opts.Output); err != nil {
		return err
	}
	if opts.DataPackage {
		if err := writeDataPackage(opts.Output); err != nil {
			return err
		}
	}
	if !opts.Quiet && opts.Output != "" {
		fmt.Fprintf(opts.Err, "eventline: %d events from %d articles written to %s\n", stats.Events, stats.Articles, opts.Output)
	}
	if s, ok := w.(export.Skipper); ok && s.Skipped() > 0 && !opts.Quiet {
		fmt.Fprintf(opts.Err, "eventline: %d events %s left out of %s\n", s.Skipped(), s.SkipReason(), outputName(opts.Output))
	}
	if errorCount > 0 {
		return dataErrorf("%d problems with the input (see above); the other articles went through", errorCount)
	}
	return nil
}

// writeHeapProfile writes a pprof heap profile to path after a collection,
// so that it shows what is live.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	runtime.GC()
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

// startCPUProfile starts a pprof CPU profile written to path; the returned
// function stops it and closes the file.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeDataPackage writes the datapackage.json of the CSV at csvPath,
// whole or not at all, beside it.
func writeDataPackage(csvPath string) error {
	f, err := export.CreateAtomic(export.DataPackagePath(csvPath))
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := export.WriteDataPackage(f, csvPath); err != nil {
		return err
	}
	return f.Commit()
}

// finishOutput closes the writer and, for a file, commits it: the file
// appears whole, or not at all when anything failed.
func finishOutput(w export.Writer, file *export.AtomicFile, path string) error {
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", outputName(path), err)
	}
	if file != nil {
		return file.Commit()
	}
	return nil
}

func outputName(path string) string {
	if path == "" || path == "-" {
		return "stdout"
	}
	return path
}

// refuseInputAsOutput refuses an output path that is also one of the inputs
// (or inside an input directory with an article extension), so that a run
// can never overwrite the articles it reads.
func refuseInputAsOutput(output string, inputs []string) error {
	outAbs, err := filepath.Abs(output)
	if err != nil {
		return nil
	}
	outInfo, outErr := os.Stat(output)
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		inAbs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if inAbs == outAbs {
			return fmt.Errorf("output %s is also an input", output)
		}
		if outErr == nil {
			if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
				return fmt.Errorf("output %s is also an input", output)
			}
		}
		if rel, err := filepath.Rel(inAbs, outAbs); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
			switch strings.ToLower(filepath.Ext(output)) {
			case ".jsonl", ".ndjson":
				return fmt.Errorf("output %s lies inside input folder %s and would be read as articles", output, in)
			}
		}
	}
	return nil
}
