package timeline

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func makeEvents(n int, seed uint64) []events.Event {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]events.Event, n)
	for i := range out {
		doc := fmt.Sprintf("doc%02d", rng.IntN(20))
		s := rng.IntN(30)
		d := fmt.Sprintf("2024-01-%02d", 1+rng.IntN(28))
		out[i] = events.Event{ID: events.MakeID(doc, s, rng.IntN(12)), DocID: doc, SentenceIndex: s, Date: d, DateEnd: d,
			DatePrecision: events.PrecisionDay, Sentence: "جملة " + doc, Count: events.Int(i), Latitude: events.Float(33.3), Longitude: events.Float(44.4)}
	}
	return out
}

func collect(t *testing.T, s *Sorter) []events.Event {
	t.Helper()
	var got []events.Event
	require.NoError(t, s.Each(func(e *events.Event) error { got = append(got, *e); return nil }))
	return got
}

func TestSorterInMemoryAndSpilledAgree(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		files int
	}{
		{"whole chunks", 2500, 25},
		{"a last chunk in memory", 2563, 25}, // its 63 join the merge from memory
		{"one spill and a chunk in memory", 101, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := makeEvents(tt.n, 7)
			mem := &Sorter{}
			dir := t.TempDir()
			spilled := &Sorter{ChunkSize: 100, Dir: dir}
			for i := range evs {
				require.NoError(t, mem.Add(&evs[i]))
				require.NoError(t, spilled.Add(&evs[i]))
			}
			require.NoError(t, spilled.wait())
			assert.Len(t, spilled.files, tt.files)
			a, b := collect(t, mem), collect(t, spilled)
			require.Len(t, a, len(evs))
			assert.Equal(t, a, b)
			for i := 1; i < len(a); i++ {
				assert.LessOrEqual(t, events.Compare(&a[i-1], &a[i]), 0, "out of order at %d", i)
			}
			left, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, left, "spill files are removed")
		})
	}
}

func TestSorterTiesKeepInputOrder(t *testing.T) {
	s := &Sorter{ChunkSize: 2, Dir: t.TempDir()}
	for i := 0; i < 5; i++ {
		e := events.Event{ID: "d-s0-e0", DocID: "d", Date: "2024-01-01", DateEnd: "2024-01-01", Count: events.Int(i)}
		require.NoError(t, s.Add(&e))
	}
	for i, e := range collect(t, s) {
		assert.Equal(t, i, *e.Count)
	}
}

func BenchmarkSorterSpill(b *testing.B) {
	evs := makeEvents(20000, 3)
	b.ReportAllocs()
	for b.Loop() {
		s := &Sorter{ChunkSize: 5000, Dir: b.TempDir()}
		for i := range evs {
			s.Add(&evs[i])
		}
		s.Each(func(*events.Event) error { return nil })
	}
}

func TestEventRecordsRoundTrip(t *testing.T) {
	for _, e := range makeEvents(50, 11) {
		rec := AppendEvent(nil, &e)
		var got events.Event
		require.NoError(t, DecodeEvent(rec, &got))
		assert.Equal(t, e, got)
		assert.ErrorIs(t, DecodeEvent(rec[:len(rec)-3], &got), errShortRecord)
		assert.Error(t, DecodeEvent(append(rec, 'x'), &got), "trailing bytes")
	}
}

func TestSorterRecordsSpillWithinBytes(t *testing.T) {
	s := &Sorter{ChunkBytes: 1000, Dir: t.TempDir()}
	evs := makeEvents(300, 5)
	for i := range evs {
		require.NoError(t, s.AddRecord(evs[i].OrderKey(), []byte(evs[i].ID)))
	}
	require.NoError(t, s.wait())
	assert.Greater(t, len(s.files), 5, "spills by bytes, not only by count")
	var got []string
	require.NoError(t, s.EachRecord(func(rec []byte) error { got = append(got, string(rec)); return nil }))
	require.Len(t, got, len(evs))
	mem := &Sorter{}
	for i := range evs {
		require.NoError(t, mem.Add(&evs[i]))
	}
	i := 0
	require.NoError(t, mem.Each(func(e *events.Event) error { assert.Equal(t, e.ID, got[i]); i++; return nil }))
}

// TestSorterMergesManyFilesInRounds spills more files than are merged at
// once: the order is still the in-memory order, ties included, and no file
// is left behind.
func TestSorterMergesManyFilesInRounds(t *testing.T) {
	defer func(n int) { maxMergeFiles = n }(maxMergeFiles)
	maxMergeFiles = 4
	evs := makeEvents(700, 9)
	evs = append(evs, evs[:50]...) // ties
	dir := t.TempDir()
	spilled := &Sorter{ChunkSize: 20, Dir: dir}
	mem := &Sorter{}
	for i := range evs {
		require.NoError(t, spilled.Add(&evs[i]))
		require.NoError(t, mem.Add(&evs[i]))
	}
	require.NoError(t, spilled.wait())
	assert.Greater(t, len(spilled.files), 4*maxMergeFiles)
	assert.Equal(t, collect(t, mem), collect(t, spilled))
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "spill files are removed")
}

// TestSorterErrors: a spill that cannot write and a reader that stops are
// both reported, and no spill file is left behind.
func TestSorterErrors(t *testing.T) {
	evs := makeEvents(3000, 13)
	t.Run("spill", func(t *testing.T) {
		s := &Sorter{ChunkSize: 10, Dir: filepath.Join(t.TempDir(), "missing")}
		var err error
		for i := range evs {
			if err = s.Add(&evs[i]); err != nil {
				break
			}
		}
		if err == nil {
			err = s.Each(func(*events.Event) error { return nil })
		}
		require.Error(t, err)
		assert.Contains(t, err.Error(), "timeline: spill")
		assert.NoError(t, s.Close())
	})
	t.Run("reader stops", func(t *testing.T) {
		dir := t.TempDir()
		s := &Sorter{ChunkSize: 100, Dir: dir}
		for i := range evs {
			require.NoError(t, s.AddRecord(evs[i].OrderKey(), make([]byte, 1000)))
		}
		stop := errors.New("stop")
		n := 0
		err := s.EachRecord(func([]byte) error {
			if n++; n == 1500 {
				return stop
			}
			return nil
		})
		assert.ErrorIs(t, err, stop)
		assert.Equal(t, 1500, n, "no record after the error")
		left, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Empty(t, left, "spill files are removed")
	})
}

// BenchmarkSorterMergeRecords is the last stretch of a sorted run: records
// of about a kilobyte, as rendered JSON lines are, added in an order the
// sort must change, spilled in chunks, then merged back. Its throughput is
// in bytes of records.
func BenchmarkSorterMergeRecords(b *testing.B) {
	evs := makeEvents(40000, 9)
	pad := strings.Repeat("نص الجملة كما كتبت في الخبر ", 30)
	recs := make([][]byte, len(evs))
	size := 0
	for i := range evs {
		recs[i] = fmt.Appendf(nil, `{"id":%q,"sentence":%q}`, evs[i].ID, pad)
		size += len(recs[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		s := &Sorter{ChunkSize: 4000, Dir: b.TempDir()}
		for i := range evs {
			if err := s.AddRecord(evs[i].OrderKey(), recs[i]); err != nil {
				b.Fatal(err)
			}
		}
		n := 0
		if err := s.EachRecord(func(rec []byte) error { n += len(rec); return nil }); err != nil {
			b.Fatal(err)
		}
		if n != size {
			b.Fatalf("merged %d bytes, want %d", n, size)
		}
	}
}
