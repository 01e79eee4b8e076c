// Package fixturetext gives tests the text of the project's sample articles
// (fixtures/<lang>-*.txt), line by line.
package fixturetext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Lines returns the non-empty lines of the fixture texts of lang in dir
// (the fixtures folder), file after file in name order. It fails the test
// when there are none or a file cannot be read.
func Lines(tb testing.TB, dir, lang string) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, lang+"-*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("fixturetext: no %s fixtures in %s (%v)", lang, dir, err)
	}
	var out []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatalf("fixturetext: %v", err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
		}
	}
	return out
}
