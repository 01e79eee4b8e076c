package input

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/eventline/eventline/events"
	"go.yaml.in/yaml/v3"
)

// metaKeys are the metadata keys eventline reads; other keys are ignored.
var metaKeys = map[string]bool{"id": true, "published": true, "lang": true, "source": true, "url": true, "title": true}

// splitFrontMatter separates YAML front matter from the body of a cleaned
// text. Front matter opens with a line "---" at the very top and closes with
// a line "---" or "...". It returns the YAML, the body, and the 1-based line
// on which the body starts. ok is false when the text has no front matter.
func splitFrontMatter(text string) (yml, body string, bodyLine int, ok bool, err error) {
	if !strings.HasPrefix(text, "---") {
		return "", text, 1, false, nil
	}
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", text, 1, false, nil
	}
	line := 2
	pos := len(first) + 1
	for {
		l, after, found := strings.Cut(rest, "\n")
		t := strings.TrimRight(l, " \t")
		if t == "---" || t == "..." {
			yml = text[len(first)+1 : pos]
			if !found {
				return yml, "", line + 1, true, nil
			}
			return yml, after, line + 1, true, nil
		}
		if !found {
			return "", "", 0, true, fmt.Errorf("%w: opened on line 1 and never closed with ---", ErrFrontMatter)
		}
		pos += len(l) + 1
		rest = after
		line++
	}
}

// lineError is an error at a line of the front matter.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

// applyFrontMatter reads the metadata keys of the YAML into a. Lines in
// errors count from the top of the file (the opening --- is line 1).
func applyFrontMatter(yml string, a *events.Article) []*lineError {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yml), &doc); err != nil {
		return []*lineError{{line: yamlErrLine(err), err: fmt.Errorf("%w: %v", ErrFrontMatter, yamlErrText(err))}}
	}
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return []*lineError{{line: m.Line + 1, err: fmt.Errorf("%w: want key: value pairs", ErrFrontMatter)}}
	}
	var errs []*lineError
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := strings.ToLower(k.Value)
		if !metaKeys[key] {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			errs = append(errs, &lineError{v.Line + 1, fmt.Errorf("%w: %s: want a single value", ErrFrontMatter, key)})
			continue
		}
		val := strings.TrimSpace(v.Value)
		if v.Tag == "!!null" {
			val = ""
		}
		if err := setMeta(a, key, val); err != nil {
			errs = append(errs, &lineError{v.Line + 1, err})
		}
	}
	return errs
}

// setMeta sets one metadata value, checking dates and languages.
func setMeta(a *events.Article, key, val string) error {
	switch key {
	case "id":
		a.ID = val
	case "published":
		if val == "" {
			return nil
		}
		d, err := ParsePublished(val)
		if err != nil {
			return fmt.Errorf("published: %w", err)
		}
		a.Published = d
	case "lang":
		l, err := ParseLang(val)
		if err != nil {
			return fmt.Errorf("lang: %w", err)
		}
		a.Lang = l
	case "source":
		a.Source = val
	case "url":
		a.URL = val
	case "title":
		a.Title = val
	}
	return nil
}

// yamlErrLine digs the line out of a yaml error ("yaml: line 3: ..."), counted
// from the top of the file.
func yamlErrLine(err error) int {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + 5
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		if n, perr := strconv.Atoi(msg[i+5 : j]); perr == nil {
			return n + 1
		}
	}
	return 1
}

func yamlErrText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i == 0 {
		if j := strings.Index(msg, ": "); j > 0 {
			msg = msg[j+2:]
		}
	}
	return msg
}
