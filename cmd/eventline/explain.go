package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/input"
	"github.com/eventline/eventline/parse"
	"github.com/spf13/cobra"
)

// explainOptions are the flags and arguments of `eventline explain`.
type explainOptions struct {
	IO
	Text      string // the text to explain; "" or "-" reads stdin
	Lang      string
	Published string
	JSON      bool
}

func newExplainCmd(streams IO) *cobra.Command {
	opts := &explainOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "explain [TEXT | -]",
		Short: "Show what the parser sees in a text: sentences, times, counts, actors, places, events",
		Long: `Explain parses one text — the argument, or stdin when it is "-" or missing — and shows
what the parser saw in each sentence: the time expressions and their dates, the counts,
the actors and places with their canonical names, the trigger words (and why a trigger
made no event), and the events with every field.

The text is an article body; front matter is not read: give the publication date with
--published (relative dates are unknown without it) and the language with --lang.
--json prints one JSON object with the lists sentences, times, counts, actors, places,
triggers and events (empty lists, never null).`,
		Example: `  eventline explain --published 2024-01-25 "أعلنت واشنطن أنها استهدفت الثلاثاء كتائب حزب الله."
  eventline explain --json --published 2024-01-25 - < article.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Text = args[0]
			}
			return runExplain(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Lang, "lang", "auto", "language of the text: ar, en or auto (detect from the script)")
	f.StringVar(&opts.Published, "published", "", "publication date (YYYY-MM-DD), the anchor of relative dates")
	f.BoolVar(&opts.JSON, "json", false, "print one JSON object instead of a text report")
	return cmd
}

func runExplain(opts *explainOptions) error {
	lang, err := input.ParseLang(opts.Lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}
	published := ""
	if opts.Published != "" {
		if published, err = input.ParsePublished(opts.Published); err != nil {
			return usagef("--published: %v", err)
		}
	}
	text := opts.Text
	if text == "" || text == "-" {
		if opts.In == nil {
			return usagef("no text: give it as an argument or on stdin")
		}
		data, err := io.ReadAll(opts.In)
		if err != nil {
			return fmt.Errorf("reading stdin: %w", err)
		}
		text = string(data)
	}
	p, err := parse.New()
	if err != nil {
		return err
	}
	a := &events.Article{ID: "explain", Published: published, Lang: lang, Text: text}
	an := p.Analyze(a)
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(an)
	}
	return writeExplanation(opts.Out, an)
}

// writeExplanation writes the readable report: per sentence, what was found
// and the events.
func writeExplanation(w io.Writer, an *parse.Analysis) error {
	var b strings.Builder
	pub := an.Published
	if pub == "" {
		pub = "unknown (relative dates stay unknown)"
	}
	fmt.Fprintf(&b, "%d sentences, lang %s, published %s, %d events\n", len(an.Sentences), an.Lang, pub, len(an.Events))
	for _, s := range an.Sentences {
		fmt.Fprintf(&b, "\n[%d] %d–%d  %s\n", s.Index, s.CharStart, s.CharEnd, s.Text)
		for _, t := range an.Times {
			if t.Sentence != s.Index {
				continue
			}
			if t.Date == nil {
				fmt.Fprintf(&b, "    time     %q → unresolved\n", t.Text)
			} else {
				fmt.Fprintf(&b, "    time     %q → %s..%s (%s)\n", t.Text, *t.Date, *t.DateEnd, t.Precision)
			}
		}
		for _, c := range an.Counts {
			if c.Sentence == s.Index {
				role := ""
				if c.Role != "" {
					role = " (" + c.Role + ")"
				}
				fmt.Fprintf(&b, "    count    %q → %d %s %s%s\n", c.Text, c.Count, c.Qualifier, orDash(c.Unit), role)
			}
		}
		for _, a := range an.Actors {
			if a.Sentence != s.Index {
				continue
			}
			if a.Fallback {
				fmt.Fprintf(&b, "    actor    %q → as written (not in the lexicon)\n", a.Text)
				continue
			}
			fmt.Fprintf(&b, "    actor    %q → %s (%s%s)\n", a.Text, a.Name, a.Kind, prefixed(", ", a.Country))
		}
		for _, p := range an.Places {
			if p.Sentence != s.Index {
				continue
			}
			if p.Fallback {
				fmt.Fprintf(&b, "    place    %q → as written (not in the gazetteer)\n", p.Text)
				continue
			}
			coords := ""
			if p.Lat != nil {
				coords = fmt.Sprintf(" %s, %s", events.FormatNumber(*p.Lat), events.FormatNumber(*p.Lon))
			}
			fmt.Fprintf(&b, "    place    %q → %s (%s%s)\n", p.Text, p.Name, orDash(p.Country), coords)
		}
		for _, t := range an.Triggers {
			if t.Sentence != s.Index {
				continue
			}
			if t.Dropped != "" {
				fmt.Fprintf(&b, "    trigger  %q %s — no event: %s\n", t.Text, t.Class, t.Dropped)
			} else {
				fmt.Fprintf(&b, "    trigger  %q %s → %s\n", t.Text, t.Class, t.Type)
			}
		}
		for _, e := range an.Events {
			if e.SentenceIndex == s.Index {
				writeEventLine(&b, e)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeEventLine(b *strings.Builder, e events.Event) {
	fmt.Fprintf(b, "    EVENT %s  %s  %s → %s", e.ID, e.EventType, orDash(e.Actor1), orDash(e.Actor2))
	if e.Location != "" {
		fmt.Fprintf(b, "  @ %s%s", e.Location, prefixed(" ", e.Country))
	}
	if e.Date != "" {
		fmt.Fprintf(b, "  %s", e.Date)
		if e.DateEnd != e.Date {
			fmt.Fprintf(b, "..%s", e.DateEnd)
		}
	}
	fmt.Fprintf(b, " (%s)", e.DatePrecision)
	if e.Count != nil {
		fmt.Fprintf(b, "  count %d %s %s", *e.Count, e.CountQualifier, orDash(e.CountUnit))
	}
	if e.Fatalities != nil {
		fmt.Fprintf(b, "  killed %d", *e.Fatalities)
	}
	if e.Injuries != nil {
		fmt.Fprintf(b, "  wounded %d", *e.Injuries)
	}
	fmt.Fprintf(b, "  %s  confidence %s  trigger %q", e.Context, events.FormatNumber(e.Confidence), e.Trigger)
	if e.Quote != "" {
		fmt.Fprintf(b, "\n          quote %q", e.Quote)
	}
	b.WriteByte('\n')
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
