package validate

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eventline/eventline/golden"
)

// FixtureStatus is the outcome of one fixture in the json output of
// `eventline validate --fixtures`.
type FixtureStatus string

// The fixture outcomes.
const (
	FixtureOK      FixtureStatus = "ok"      // the extraction equals the golden file
	FixtureDiffers FixtureStatus = "differs" // Diffs lists the differences
	FixtureError   FixtureStatus = "error"   // the golden file is missing or unreadable
	FixtureUpdated FixtureStatus = "updated" // --update rewrote the golden file
)

// FixtureJSON is one fixture in the json output of `eventline validate
// --fixtures`.
type FixtureJSON struct {
	Article string        `json:"article"`
	Golden  string        `json:"golden"`
	Status  FixtureStatus `json:"status"`
	Error   string        `json:"error,omitempty"`
	Diffs   []DiffJSON    `json:"diffs"`
}

// DiffJSON is one difference between a golden file and the extraction:
// Kind is "missing" (in the golden file, not extracted), "extra"
// (extracted, not in the golden file) or "changed" (Field differs: Want is
// the golden value, Got the extracted one, as text; "" is unknown).
type DiffJSON struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Field string `json:"field,omitempty"`
	Want  string `json:"want,omitempty"`
	Got   string `json:"got,omitempty"`
	Text  string `json:"text"` // the difference as the text report writes it
}

// FixturesJSON returns the results in the json output's shape, in the
// order of results.
func FixturesJSON(results []golden.Result) []FixtureJSON {
	out := make([]FixtureJSON, 0, len(results))
	for _, r := range results {
		fx := FixtureJSON{Article: r.Fixture.Article.Path, Golden: r.Fixture.Golden, Status: FixtureOK, Diffs: []DiffJSON{}}
		switch {
		case r.Err != nil:
			fx.Status, fx.Error = FixtureError, r.Err.Error()
		case r.Updated:
			fx.Status = FixtureUpdated
		case len(r.Diffs) > 0:
			fx.Status = FixtureDiffers
		}
		for _, d := range r.Diffs {
			fx.Diffs = append(fx.Diffs, DiffJSON{Kind: d.Kind, ID: d.ID, Field: d.Field, Want: d.Want, Got: d.Got, Text: d.String()})
		}
		out = append(out, fx)
	}
	return out
}

// WriteFixturesJSON writes the results as one indented JSON array of FixtureJSON.
func WriteFixturesJSON(w io.Writer, results []golden.Result) error {
	b, err := json.MarshalIndent(FixturesJSON(results), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteFixturesGitHub writes one GitHub Actions error annotation per
// difference, on the golden file at the line of the event's id when the
// file has one (a missing or changed event), else on the file; a golden
// file that is missing or unreadable is one annotation on the article. It
// returns the number of failing fixtures.
func WriteFixturesGitHub(w io.Writer, results []golden.Result) (int, error) {
	failed := 0
	bw := bufio.NewWriter(w)
	for _, r := range results {
		name := strings.TrimSuffix(filepath.Base(r.Fixture.Golden), golden.Suffix)
		if r.Err != nil {
			failed++
			bw.WriteString(Annotation("error", []string{"file=" + EscapeProperty(r.Fixture.Article.Path), "title=" + EscapeProperty("fixture "+name)}, r.Err.Error()))
			continue
		}
		if len(r.Diffs) == 0 {
			continue
		}
		failed++
		lines := idLines(r.Fixture.Golden)
		for _, d := range r.Diffs {
			props := []string{"file=" + EscapeProperty(r.Fixture.Golden)}
			if n, ok := lines[d.ID]; ok && d.Kind != "extra" {
				props = append(props, "line="+strconv.Itoa(n))
			}
			title := "fixture " + name + ": " + d.Kind + " " + d.ID
			if d.Field != "" {
				title += " " + d.Field
			}
			props = append(props, "title="+EscapeProperty(title))
			bw.WriteString(Annotation("error", props, d.String()))
		}
	}
	return failed, bw.Flush()
}

// idLines maps each event id of a golden file to the line where its record
// starts: the line holding its "id" key (golden files hold one record per
// line; a hand-formatted file works too). Unreadable files give no lines.
func idLines(path string) map[string]int {
	out := map[string]int{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		for _, key := range []string{`"id":`, `"id" :`} {
			i := strings.Index(line, key)
			if i < 0 {
				continue
			}
			rest := strings.TrimLeft(line[i+len(key):], " \t")
			dec := json.NewDecoder(strings.NewReader(rest))
			var id string
			if dec.Decode(&id) == nil {
				if _, seen := out[id]; !seen {
					out[id] = n
				}
			}
			break
		}
	}
	return out
}
