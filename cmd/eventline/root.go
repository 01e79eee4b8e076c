package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes of the eventline command.
const (
	exitOK      = 0 // everything went through
	exitData    = 1 // some input (an article, a record) had problems; the rest went through
	exitUsage   = 2 // bad flags, unknown format, unwritable output: nothing was done
	exitUnknown = 2
)

// IO carries the standard streams, so tests can run commands in-process.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// dataError marks a run in which some inputs had problems, reported on
// stderr already; the others went through. run maps it to exit code 1.
type dataError struct{ msg string }

func (e *dataError) Error() string { return e.msg }

// dataErrorf returns a *dataError (exit code 1).
func dataErrorf(format string, args ...any) error {
	return &dataError{fmt.Sprintf(format, args...)}
}

// usageError is an error in how the command was called; main maps it to exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usage error (exit code 2).
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// newRootCmd builds the command tree. Every subcommand is added in
// subcommands, one constructor per file.
func newRootCmd(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:           "eventline",
		Short:         "Turn news articles into conflict-event timelines",
		Long:          "eventline reads Arabic and English wire copy, finds the events each sentence reports,\nresolves their dates, actors, places and counts, and writes the timeline as CSV, JSON,\nJSON Lines or Excel. Every row points back to the sentence it came from.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	for _, sub := range subcommands(streams) {
		root.AddCommand(sub)
	}
	return root
}

// subcommands lists the constructors of eventline's commands.
func subcommands(streams IO) []*cobra.Command {
	return []*cobra.Command{
		newExtractCmd(streams),
		newValidateCmd(streams), newEvalCmd(streams), newConvertCmd(streams),
		newStatsCmd(streams),
		newExplainCmd(streams),
	}
}

// run executes the CLI with args and returns the exit code.
func run(args []string, in io.Reader, out, errOut io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			// A panic is a bug; report it as one line instead of a stack dump.
			fmt.Fprintf(errOut, "eventline: internal error: %v\n", r)
			code = exitUnknown
		}
	}()
	streams := IO{In: in, Out: out, Err: errOut}
	root := newRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var de *dataError
	if errors.As(err, &de) {
		fmt.Fprintf(errOut, "eventline: %v\n", err)
		return exitData
	}
	var ue *usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		fmt.Fprintf(errOut, "eventline: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(errOut, "eventline: %v\n", err)
	return exitUsage
}

// isCobraUsage recognizes cobra's own errors for unknown commands and bad arguments.
func isCobraUsage(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.Contains(msg, "arg(s)") || strings.HasPrefix(msg, "invalid argument")
}
