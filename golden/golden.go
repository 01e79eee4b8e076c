// Package golden checks extraction against golden files: for every article
// of a fixture folder (`<name>.txt` or `<name>.md`) the expected events are
// `<name>.events.json`, a JSON array of records as `eventline extract
// --format json --sort=false` writes them. Compare gives a field-by-field
// diff that reads well in a CI log; Update rewrites the goldens.
package golden

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
	"github.com/eventline/eventline/input"
)

// Extractor turns an article into events (parse.Parser is one).
type Extractor interface {
	Extract(a *events.Article) []events.Event
}

// Suffix ends the name of a golden file.
const Suffix = ".events.json"

// Fixture is one article of a fixture folder and its golden file.
type Fixture struct {
	Article *events.Article
	Golden  string // path of <name>.events.json
}

// Load reads the articles of dir (not recursive: gold annotations and other
// folders below it are not fixtures). Problems reading an article come back
// as errors naming the file and line.
func Load(dir string) ([]Fixture, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{err}
	}
	var paths []string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".txt", ".md":
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	sort.Strings(paths)
	var out []Fixture
	var errs []error
	for _, p := range paths {
		r := input.NewReader([]string{p}, nil, input.Options{Report: func(pr input.Problem) {
			if pr.Severity == input.Error {
				errs = append(errs, pr)
			}
		}})
		a, err := r.Next()
		r.Close()
		if err != nil {
			continue
		}
		out = append(out, Fixture{Article: a, Golden: strings.TrimSuffix(p, filepath.Ext(p)) + Suffix})
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: %w", dir, input.ErrNoArticles))
	}
	return out, errs
}

// Read reads a golden file.
func Read(path string) ([]events.Event, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var evs []events.Event
	if err := json.Unmarshal(data, &evs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return evs, nil
}

// Marshal writes events as a golden file's bytes.
func Marshal(evs []events.Event) ([]byte, error) {
	var b bytes.Buffer
	w := export.NewJSON(&b)
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write rewrites a golden file, whole or not at all.
func Write(path string, evs []events.Event) error {
	data, err := Marshal(evs)
	if err != nil {
		return err
	}
	f, err := export.CreateAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// Diff is one difference between expected and extracted events.
type Diff struct {
	ID    string
	Kind  string // "missing", "extra" or "changed"
	Field string // for "changed"
	Want  string
	Got   string
	Event *events.Event // the expected (missing, changed) or extracted (extra) event
}

func (d Diff) String() string {
	switch d.Kind {
	case "missing":
		return fmt.Sprintf("missing event %s (%s, trigger %q): %s", d.ID, d.Event.EventType, d.Event.Trigger, d.Event.Sentence)
	case "extra":
		return fmt.Sprintf("extra event %s (%s, trigger %q): %s", d.ID, d.Event.EventType, d.Event.Trigger, d.Event.Sentence)
	}
	return fmt.Sprintf("%s: %s: expected %q, got %q", d.ID, d.Field, d.Want, d.Got)
}

// Compare lists the differences between want and got, matching events by
// id, in the order of want (extra events last).
func Compare(want, got []events.Event) []Diff {
	gotByID := make(map[string]*events.Event, len(got))
	for i := range got {
		gotByID[got[i].ID] = &got[i]
	}
	seen := map[string]bool{}
	var diffs []Diff
	for i := range want {
		w := &want[i]
		seen[w.ID] = true
		g, ok := gotByID[w.ID]
		if !ok {
			diffs = append(diffs, Diff{ID: w.ID, Kind: "missing", Event: w})
			continue
		}
		for _, f := range events.Fields {
			if a, b := f.Get(w), f.Get(g); a != b {
				diffs = append(diffs, Diff{ID: w.ID, Kind: "changed", Field: f.Name, Want: a, Got: b, Event: w})
			}
		}
	}
	for i := range got {
		if !seen[got[i].ID] {
			diffs = append(diffs, Diff{ID: got[i].ID, Kind: "extra", Event: &got[i]})
		}
	}
	return diffs
}

// Result is the outcome of checking one fixture.
type Result struct {
	Fixture Fixture
	Diffs   []Diff
	Err     error // the golden file is missing or unreadable
	Updated bool
}

// Check extracts every fixture and compares it with its golden file; with
// update it rewrites the goldens that differ (or are missing) instead.
func Check(fixtures []Fixture, x Extractor, update bool) []Result {
	out := make([]Result, 0, len(fixtures))
	for _, fx := range fixtures {
		got := x.Extract(fx.Article)
		res := Result{Fixture: fx}
		want, err := Read(fx.Golden)
		switch {
		case update && (err != nil || len(Compare(want, got)) > 0):
			res.Err = Write(fx.Golden, got)
			res.Updated = res.Err == nil
		case err != nil:
			if errors.Is(err, os.ErrNotExist) {
				err = fmt.Errorf("%s: no golden file (run with --update to create it)", fx.Golden)
			}
			res.Err = err
		default:
			res.Diffs = Compare(want, got)
		}
		out = append(out, res)
	}
	return out
}

// Report writes the results as text, one block per failing fixture, and
// returns how many fixtures failed.
func Report(w io.Writer, results []Result) int {
	failed := 0
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "FAIL %s: %v\n", r.Fixture.Article.Path, r.Err)
		case r.Updated:
			fmt.Fprintf(w, "updated %s\n", r.Fixture.Golden)
		case len(r.Diffs) > 0:
			failed++
			fmt.Fprintf(w, "FAIL %s (%d differences from %s)\n", r.Fixture.Article.Path, len(r.Diffs), r.Fixture.Golden)
			for _, d := range r.Diffs {
				fmt.Fprintf(w, "  %s\n", d)
			}
		}
	}
	return failed
}
