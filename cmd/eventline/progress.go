package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/eventline/eventline/events"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress shows how a long extraction advances: articles done, MB/s and
// the time left. It draws only when stderr is a terminal and --quiet is not
// set, so CI logs and pipes stay clean (mpb writes no frames then either).
type progress struct {
	p        *mpb.Progress
	bar      *mpb.Bar
	articles atomic.Int64
}

// newProgress returns a progress display for inputs of about total bytes
// (0 when unknown, e.g. stdin).
func newProgress(w io.Writer, quiet bool, total int64) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	pr := &progress{}
	pr.p = mpb.New(mpb.WithOutput(w), mpb.WithWidth(40))
	pr.bar = pr.p.AddBar(total,
		mpb.PrependDecorators(
			decor.Any(func(decor.Statistics) string { return fmt.Sprintf("%d articles", pr.articles.Load()) }, decor.WCSyncSpaceR),
		),
		mpb.AppendDecorators(
			decor.AverageSpeed(decor.SizeB1000(0), "% .1f", decor.WCSyncSpace),
			decor.Name(" left "),
			decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	return pr
}

// Article records one finished article.
func (p *progress) Article(a *events.Article, n int) {
	if p.bar == nil {
		return
	}
	p.articles.Add(1)
	p.bar.IncrBy(len(a.Text))
}

// Done ends the display.
func (p *progress) Done() {
	if p.bar == nil {
		return
	}
	p.bar.SetTotal(-1, true)
	p.p.Wait()
}

// inputSize adds up the sizes of the input files and folders, for the
// progress bar's time left; stdin counts nothing.
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			total += info.Size()
			continue
		}
		_ = walkSizes(p, &total)
	}
	return total
}

func walkSizes(dir string, total *int64) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				*total += info.Size()
			}
		}
		return nil
	})
}
