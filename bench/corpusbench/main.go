// Command corpusbench measures eventline end to end: it generates a seeded
// corpus of fixture-like Arabic and English articles (JSON Lines), runs the
// eventline binary over it for each output format, and reports articles/s,
// MB/s and peak memory (the child's maximum resident set size).
//
//	go run ./bench/corpusbench -mb 100 -bin ./eventline
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/eventline/eventline/bench/corpus"
	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/input"
)

func main() {
	mb := flag.Float64("mb", 20, "corpus size in MB")
	seed := flag.Uint64("seed", 1, "random seed of the corpus")
	bin := flag.String("bin", "./eventline", "the eventline binary")
	fixtures := flag.String("fixtures", "fixtures", "folder of sample articles to recombine")
	jobs := flag.Int("j", 0, "-j for eventline (0: all cores)")
	formats := flag.String("formats", "jsonl,xlsx", "output formats to measure")
	lang := flag.String("lang", "", "only sentences of this language (ar or en); empty: both")
	sorted := flag.Bool("sort", true, "pass --sort to eventline (timeline order; false: input order)")
	keep := flag.String("keep", "", "also keep the generated corpus at this path (for profiling runs)")
	vocab := flag.Int("vocab", 0, "mix in words of a made-up vocabulary of this many words per language, with Zipf frequencies (0: the sample articles' words only)")
	flag.Parse()
	if err := run(*mb, *seed, *bin, *fixtures, *jobs, *formats, *lang, *sorted, *keep, *vocab); err != nil {
		fmt.Fprintln(os.Stderr, "corpusbench:", err)
		os.Exit(1)
	}
}

func run(mb float64, seed uint64, bin, fixtures string, jobs int, formats, lang string, sorted bool, keep string, vocab int) error {
	// Check the binary before spending time on the corpus.
	if _, err := exec.LookPath(bin); err != nil {
		return fmt.Errorf("no eventline binary at %s (build it with `make build`, or name one with -bin): %w", bin, err)
	}
	var sources []*events.Article
	r := input.NewReader([]string{fixtures}, nil, input.Options{})
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if lang == "" || a.Lang == lang {
			sources = append(sources, a)
		}
	}
	dir, err := os.MkdirTemp("", "eventline-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	corpusPath := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpusPath)
	if err != nil {
		return err
	}
	st, err := corpus.Write(f, corpus.Options{Seed: seed, Bytes: int64(mb * 1e6), Sources: sources, Vocabulary: vocab})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if keep != "" {
		if err := copyFile(corpusPath, keep); err != nil {
			return err
		}
	}
	fmt.Printf("corpus: %d articles, %.1f MB (seed %d, lang %q)\n", st.Articles, float64(st.Bytes)/1e6, seed, lang)
	for _, format := range splitComma(formats) {
		out := filepath.Join(dir, "out."+format)
		args := []string{"extract", corpusPath, "-o", out, "--quiet", fmt.Sprintf("--sort=%v", sorted)}
		if jobs > 0 {
			args = append(args, "-j", fmt.Sprint(jobs))
		}
		cmd := exec.Command(bin, args...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s %v: %w", bin, args, err)
		}
		secs := time.Since(start).Seconds()
		var maxRSS int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = ru.Maxrss * 1024
		}
		info, _ := os.Stat(out)
		size := int64(0)
		if info != nil {
			size = info.Size()
		}
		fmt.Printf("extract → %-5s %8.0f articles/s %7.2f MB/s  %6.2f s  peak RSS %4.0f MB  output %.1f MB\n",
			format, float64(st.Articles)/secs, float64(st.Bytes)/1e6/secs, secs, float64(maxRSS)/1e6, float64(size)/1e6)
	}
	return nil
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// copyFile copies src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
