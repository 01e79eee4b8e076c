package timeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spillItems are items of every shape a spill file must carry: empty and
// repeated keys, negative and large sentence indexes, empty records and
// records larger than a block.
func spillItems() []item {
	big := bytes.Repeat([]byte("سطر طويل من نص الخبر "), spillBlockBytes/10) // > 2 blocks alone
	var its []item
	for i := range 400 {
		key := events.OrderKey{
			Date:          fmt.Sprintf("2024-01-%02d", 1+i%28),
			DateEnd:       fmt.Sprintf("2024-01-%02d", 1+i%28),
			DocID:         fmt.Sprintf("afp-%d", i/7),
			ID:            fmt.Sprintf("afp-%d-s%d-e%d", i/7, i%7, i%3),
			SentenceIndex: i%7 - 1,
		}
		rec := []byte(strings.Repeat(`{"sentence":"قصف الطيران مواقع"}`, 1+i%40))
		switch i % 50 {
		case 3:
			key = events.OrderKey{} // all empty
			rec = nil
		case 4:
			key.SentenceIndex = 1 << 40
			rec = big
		}
		its = append(its, item{seq: int64(i) * 1013, key: key, rec: rec})
	}
	return its
}

func writeSpill(t testing.TB, dir string, its []item) string {
	t.Helper()
	s := &Sorter{Dir: dir}
	name, err := s.writeRun(func(put func(*item) error) error {
		for i := range its {
			if err := put(&its[i]); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	return name
}

// readSpill reads a spill file to its end or first error.
func readSpill(name string) ([]item, error) {
	r, err := openRun(name, 16<<10)
	if err != nil {
		return nil, err
	}
	defer r.close()
	var its []item
	for {
		ok, err := r.next()
		if err != nil || !ok {
			return its, err
		}
		it := r.head
		it.rec = bytes.Clone(it.rec) // head.rec is a slice of the block
		if len(it.rec) == 0 {
			it.rec = nil
		}
		its = append(its, it)
	}
}

func TestSpillRoundTrip(t *testing.T) {
	its := spillItems()
	name := writeSpill(t, t.TempDir(), its)
	got, err := readSpill(name)
	require.NoError(t, err)
	assert.Equal(t, its, got)

	raw := 0
	for i := range its {
		raw += len(appendItemHead(nil, &its[i])) + len(its[i].rec)
	}
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Less(t, fi.Size(), int64(raw/4), "the blocks are compressed: %d bytes of items", raw)
}

func TestSpillEmpty(t *testing.T) {
	name := writeSpill(t, t.TempDir(), nil)
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Zero(t, fi.Size())
	got, err := readSpill(name)
	require.NoError(t, err)
	assert.Empty(t, got)
}

// TestSpillCorrupt: a spill file cut short anywhere, or with a byte
// changed, gives an error naming it, never a panic; a cut between blocks
// is only a shorter run, which is why a run's items are counted elsewhere
// (the merge yields exactly the items added; TestSorterInMemoryAndSpilledAgree).
func TestSpillCorrupt(t *testing.T) {
	dir := t.TempDir()
	its := spillItems()[:60]
	name := writeSpill(t, dir, its)
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	bad := filepath.Join(dir, "bad.bin")
	check := func(t *testing.T, b []byte) (int, error) {
		require.NoError(t, os.WriteFile(bad, b, 0o600))
		got, err := readSpill(bad)
		if err != nil {
			assert.Contains(t, err.Error(), "timeline: corrupt spill file "+bad)
		}
		return len(got), err
	}
	t.Run("cut short", func(t *testing.T) {
		for n := 1; n < len(data); n += 1 + n/256 { // every cut near the start, then about 1,000 more
			if got, err := check(t, data[:n]); err == nil {
				assert.Less(t, got, len(its), "cut at %d of %d", n, len(data))
			}
		}
	})
	t.Run("a byte changed", func(t *testing.T) {
		failed := 0
		for i := 0; i < len(data); i += 7 {
			b := bytes.Clone(data)
			b[i] ^= 0x5A
			if _, err := check(t, b); err != nil {
				failed++
			}
		}
		assert.Positive(t, failed)
	})
	t.Run("a block longer than the file", func(t *testing.T) {
		_, err := check(t, []byte{0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "block of")
	})
}

// FuzzSpillRead reads arbitrary bytes as a spill file: an error or items,
// never a panic.
func FuzzSpillRead(f *testing.F) {
	dir := f.TempDir()
	data, err := os.ReadFile(writeSpill(f, dir, spillItems()[:30]))
	require.NoError(f, err)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte{})
	f.Add([]byte{3, 0, 0, 0})
	name := filepath.Join(dir, "fuzz.bin")
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(name, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := readSpill(name); err != nil && !strings.Contains(err.Error(), "corrupt spill file") {
			t.Fatalf("unexpected error %v", err)
		}
	})
}
