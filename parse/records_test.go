package parse

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eventline/eventline/events"
)

// TestExtractConcurrentRecords extracts articles on several goroutines at
// once, as the pipeline does, while the word records of their words are
// filled (the variants put a conjunction before every word, which makes
// words no other test has seen), and checks that each gives what it gives
// alone afterwards. Run with -race.
func TestExtractConcurrentRecords(t *testing.T) {
	arts := append(arabicCorpus(t), englishCorpus(t)...)
	for _, a := range arabicCorpus(t) {
		v := *a
		v.ID += "-conj"
		v.Text = strings.ReplaceAll(a.Text, " ", " و")
		arts = append(arts, &v)
	}
	const workers = 4
	p := newParser(t) // safe for concurrent use, as the pipeline shares it
	got := make([][][]events.Event, workers)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Go(func() {
			for k := range arts {
				a := arts[(k+g*len(arts)/workers)%len(arts)] // each starts elsewhere
				got[g] = append(got[g], p.Extract(a))
			}
		})
	}
	wg.Wait()
	for g := range workers {
		for k := range arts {
			a := arts[(k+g*len(arts)/workers)%len(arts)]
			assert.Equal(t, p.Extract(a), got[g][k], "%s on goroutine %d", a.ID, g)
		}
	}
}
