// Command xlsxbench measures the Excel writer alone at scale: it writes N
// generated events (fixture-like Arabic and English rows) to a workbook and
// reports the time, the rate and the process's peak resident memory.
//
//	go run ./bench/xlsxbench -n 1000000
package main

import (
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

func main() {
	n := flag.Int("n", 1000000, "number of events")
	out := flag.String("o", "", "output file (default: a temporary file, removed afterwards)")
	flag.Parse()
	if err := run(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "xlsxbench:", err)
		os.Exit(1)
	}
}

func run(n int, path string) error {
	if path == "" {
		f, err := os.CreateTemp("", "xlsxbench-*.xlsx")
		if err != nil {
			return err
		}
		path = f.Name()
		f.Close()
		defer os.Remove(path)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	w, err := export.NewXLSX(f)
	if err != nil {
		return err
	}
	sentences := []string{
		"ومنذ منتصف تشرين الأول/أكتوبر، شنّت الجماعات المسلّحة الموالية لإيران أكثر من 150 هجوماً صاروخياً وغارة بطائرات من دون طيار، ضدّ جنود أميركيين وقوات التحالف في العراق وسوريا.",
		"U.S. and British warships shot down 12 drones launched by Yemen's Houthis over the Red Sea early on Tuesday, the U.S. military said.",
	}
	docs := n / 8
	if docs == 0 {
		docs = 1
	}
	for i := 0; i < n; i++ {
		doc := fmt.Sprintf("bench-%07d", i%docs)
		s := sentences[i%2]
		d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%700).Format("2006-01-02")
		e := events.Event{ID: events.MakeID(doc, i/docs, 0), DocID: doc, Published: d, Date: d, DateEnd: d,
			DatePrecision: events.PrecisionDay, DateText: "الثلاثاء", Actor1: "Iran-aligned armed groups", Actor2: "United States",
			Location: "Iraq", Country: "IQ", Latitude: events.Float(33), Longitude: events.Float(44), Count: events.Int(150),
			CountQualifier: events.MoreThan, CountUnit: "attack", Lang: []string{"ar", "en"}[i%2], Source: "AFP",
			URL: "https://example.org/" + doc, SentenceIndex: i / docs, CharStart: 100, CharEnd: 100 + len([]rune(s)),
			Sentence: s, Confidence: 0.8, Trigger: "شنّت", Context: events.Reported}
		e.SetType(events.Attack, false)
		if err := w.Write(&e); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("xlsx: %d events in %.1f s (%.0f events/s), file %.1f MB, peak RSS %.0f MB\n",
		n, secs, float64(n)/secs, float64(info.Size())/1e6, float64(ru.Maxrss*1024)/1e6)
	return nil
}
