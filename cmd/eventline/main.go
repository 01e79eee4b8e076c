// Command eventline turns news articles into conflict-event timelines.
//
// See README.md and docs/ for the commands, formats and the record's fields.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
