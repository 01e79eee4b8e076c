package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/eventline/eventline/events"
)

// ScoredFields are the fields of a gold event whose accuracy is measured,
// in report order. event_type is not among them: a match needs it equal.
//
// context is optional in a gold file: an event annotated without it is
// taken as "reported", the contract's plain case.
var ScoredFields = []string{
	"context", "actor1", "actor2", "location", "country",
	"date", "date_end", "date_precision",
	"count", "count_qualifier", "count_unit", "fatalities", "injuries",
}

// docKeys are the keys a gold file's top-level object may have: the
// article's metadata, its events, and documentary keys that are ignored.
var docKeys = map[string]bool{"doc_id": true, "published": true, "lang": true, "events": true,
	"title": true, "source": true, "url": true, "notes": true}

// Errors that problems wrap.
var (
	// ErrGoldSyntax marks a gold file or event that is not the JSON shape of a gold file.
	ErrGoldSyntax = errors.New("not a gold file")
	// ErrGoldField marks a key that a gold file or event may not have.
	ErrGoldField = errors.New("is not a gold field")
	// ErrNoAnchor marks a gold event without an anchor.
	ErrNoAnchor = errors.New("anchor is required")
	// ErrAnchorAbsent marks an anchor that is in no sentence of its article.
	ErrAnchorAbsent = errors.New("anchor is not in any sentence of the article")
	// ErrNoDocument marks a gold file whose doc_id no input has.
	ErrNoDocument = errors.New("no input has this doc_id")
	// ErrMetadata marks a gold published or lang that differs from the article's.
	ErrMetadata = errors.New("differs from the article's")
	// ErrDuplicateDoc marks a second gold file, or a second input, with the same doc_id.
	ErrDuplicateDoc = errors.New("duplicate doc_id")
)

// GoldEvent is one hand-annotated event of a gold file.
type GoldEvent struct {
	Index  int    // 0-based position in the file's "events" array
	Anchor string // an exact substring of the sentence that reports the event
	// Event holds event_type and the annotated fields (ScoredFields); the
	// other fields are unknown.
	Event events.Event
}

// Gold is the annotation of one article.
type Gold struct {
	Path      string
	DocID     string
	Published string
	Lang      string
	Events    []GoldEvent
}

// Problem is something wrong with a gold file (or with the inputs it is
// compared with): Index is the event's index in the file, -1 for the file
// as a whole.
type Problem struct {
	Path  string
	Index int
	Err   error
}

// String writes "gold/a.json: events[3]: anchor is not in any sentence …",
// or without the index for a problem of the whole file.
func (p Problem) String() string {
	if p.Index >= 0 {
		return fmt.Sprintf("%s: events[%d]: %v", p.Path, p.Index, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

// Error returns String.
func (p Problem) Error() string { return p.String() }

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }

// LoadGold reads the gold files of dir: every *.json file directly in it,
// in sorted order, except golden files of fixtures (*.events.json) and
// hidden files. Two files with the same doc_id are a problem; the first
// is kept.
func LoadGold(dir string) ([]Gold, []Problem) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, []Problem{{Path: dir, Index: -1, Err: fmt.Errorf("cannot read the gold folder: %w", err)}}
	}
	var paths []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(name), ".json") &&
			!strings.HasSuffix(strings.ToLower(name), ".events.json") && !strings.HasPrefix(name, ".") {
			paths = append(paths, filepath.Join(dir, name))
		}
	}
	sort.Strings(paths)
	var (
		golds    []Gold
		problems []Problem
		seen     = map[string]string{}
	)
	for _, p := range paths {
		g, ps := ReadGold(p)
		problems = append(problems, ps...)
		if g.DocID == "" {
			continue
		}
		if first, ok := seen[g.DocID]; ok {
			problems = append(problems, Problem{Path: p, Index: -1, Err: fmt.Errorf("%w %q, also in %s (this file is not used)", ErrDuplicateDoc, g.DocID, first)})
			continue
		}
		seen[g.DocID] = p
		golds = append(golds, g)
	}
	if len(paths) == 0 {
		problems = append(problems, Problem{Path: dir, Index: -1, Err: errors.New("no gold files (*.json) in the folder")})
	}
	return golds, problems
}

// ReadGold reads one gold file: a JSON object {"doc_id", "published",
// "lang", "events": [{"anchor", "event_type", <ScoredFields>…}]}. Values
// are read as in an events file (null or absent is unknown; counts are
// integers, given as JSON numbers or strings; dates YYYY-MM-DD); strings
// are trimmed. Each problem names the file and, where it concerns an
// event, the event's index. A file without a doc_id gives no Gold (DocID
// is empty); an event with problems is kept with what could be read.
func ReadGold(path string) (Gold, []Problem) {
	g := Gold{Path: path}
	var problems []Problem
	add := func(i int, err error) { problems = append(problems, Problem{Path: path, Index: i, Err: err}) }
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		add(-1, fmt.Errorf("cannot read: %w", err))
		return g, problems
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), &top); err != nil || top == nil {
		add(-1, fmt.Errorf("%w: want a JSON object {\"doc_id\", \"published\", \"lang\", \"events\": [...]}: %v", ErrGoldSyntax, jsonMessage(err)))
		return g, problems
	}
	for _, k := range sortedKeys(top) {
		if !docKeys[k] {
			add(-1, fmt.Errorf("%q %w at the top level (want doc_id, published, lang, events)", k, ErrGoldField))
		}
	}
	str := func(key string) string {
		raw, ok := top[key]
		if !ok || string(bytes.TrimSpace(raw)) == "null" {
			return ""
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			add(-1, fmt.Errorf("%s: want a string", key))
			return ""
		}
		return strings.TrimSpace(s)
	}
	g.DocID, g.Published, g.Lang = str("doc_id"), str("published"), str("lang")
	if g.DocID == "" {
		add(-1, fmt.Errorf("%w: doc_id is required", ErrGoldSyntax))
	}
	if g.Published != "" {
		if err := events.CheckDate(g.Published); err != nil {
			add(-1, fmt.Errorf("published: %w", err))
		}
	}
	rawEvents, ok := top["events"]
	if !ok {
		add(-1, fmt.Errorf("%w: no \"events\" array (an article without events has \"events\": [])", ErrGoldSyntax))
		return g, problems
	}
	var list []json.RawMessage
	if err := json.Unmarshal(rawEvents, &list); err != nil {
		add(-1, fmt.Errorf("%w: events: want an array of objects", ErrGoldSyntax))
		return g, problems
	}
	for i, raw := range list {
		ge, ps := readGoldEvent(raw)
		ge.Index = i
		for _, err := range ps {
			add(i, err)
		}
		g.Events = append(g.Events, ge)
	}
	return g, problems
}

// readGoldEvent reads one object of the events array.
func readGoldEvent(raw json.RawMessage) (GoldEvent, []error) {
	var ge GoldEvent
	var errs []error
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return ge, []error{fmt.Errorf("%w: want an object", ErrGoldSyntax)}
	}
	if a, ok := obj["anchor"]; ok {
		if err := json.Unmarshal(a, &ge.Anchor); err != nil {
			errs = append(errs, errors.New("anchor: want a string"))
		}
		delete(obj, "anchor")
	}
	if ge.Anchor == "" {
		errs = append(errs, ErrNoAnchor)
	}
	allowed := map[string]bool{"event_type": true}
	for _, f := range ScoredFields {
		allowed[f] = true
	}
	for _, k := range sortedKeys(obj) {
		if !allowed[k] {
			errs = append(errs, fmt.Errorf("%q %w (want anchor, event_type, %s)", k, ErrGoldField, strings.Join(ScoredFields, ", ")))
			delete(obj, k)
		}
	}
	for _, err := range events.DecodeFields(&ge.Event, obj) {
		errs = append(errs, err)
	}
	for _, name := range append([]string{"event_type"}, ScoredFields...) {
		f, _ := events.FieldByName(name)
		if v := f.Get(&ge.Event); v != strings.TrimSpace(v) {
			_ = f.Set(&ge.Event, strings.TrimSpace(v))
		}
	}
	if ge.Event.EventType == "" {
		errs = append(errs, errors.New("event_type: is required"))
	}
	if ge.Event.Context == "" {
		ge.Event.Context = events.Reported
	}
	if s, e := ge.Event.Date, ge.Event.DateEnd; s != "" && e != "" && events.CheckDate(s) == nil && events.CheckDate(e) == nil && e < s {
		errs = append(errs, fmt.Errorf("date_end: %s is before date %s", e, s))
	}
	return ge, errs
}

// CheckAnchors returns a problem for every event of g whose anchor is in
// none of the article's sentences.
func CheckAnchors(g Gold, sentences []string) []Problem {
	var out []Problem
	for _, ge := range g.Events {
		if ge.Anchor == "" {
			continue // reported by ReadGold
		}
		found := false
		for _, s := range sentences {
			if strings.Contains(s, ge.Anchor) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, Problem{Path: g.Path, Index: ge.Index, Err: fmt.Errorf("%w: %q", ErrAnchorAbsent, ge.Anchor)})
		}
	}
	return out
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonMessage drops encoding/json's Go type names from an error.
func jsonMessage(err error) string {
	if err == nil {
		return "null"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error() + " (byte " + strconv.FormatInt(se.Offset, 10) + ")"
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "got " + te.Value
	}
	return err.Error()
}
