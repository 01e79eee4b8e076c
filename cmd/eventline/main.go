// Command eventline turns news articles into conflict-event timelines.
//
// See README.md and docs/ for the commands, formats and the record's fields.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// The collector's settings, unless GOGC or GOMEMLIMIT set them: extraction
// allocates many short-lived values and keeps little, so collecting at a
// quarter of Go's default rate saves about a tenth of the CPU; the soft
// memory limit makes the collector work harder again before the heap
// nears it, so a run stays well within the memory it is allowed.
const (
	gcPercent   = 400
	memoryLimit = 200 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
