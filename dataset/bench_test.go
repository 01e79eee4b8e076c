package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
	"github.com/eventline/eventline/export"
)

func manyEvents(n int) []events.Event {
	base := sampleEvents()
	out := make([]events.Event, n)
	for i := range out {
		out[i] = base[i%len(base)]
		out[i].ID = fmt.Sprintf("%s-%d", out[i].ID, i)
	}
	return out
}

// benchRead measures reading back 1000 events written by package export.
func benchRead(b *testing.B, format string) {
	data := encode(b, format, export.Options{}, manyEvents(1000))
	path := writeFile(b, "t."+format, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		if _, err := Read(path, func(Record) error { n++; return nil }); err != nil || n != 1000 {
			b.Fatal(err, n)
		}
	}
}

func BenchmarkReadCSV(b *testing.B)   { benchRead(b, export.FormatCSV) }
func BenchmarkReadJSON(b *testing.B)  { benchRead(b, export.FormatJSON) }
func BenchmarkReadJSONL(b *testing.B) { benchRead(b, export.FormatJSONL) }
func BenchmarkReadXLSX(b *testing.B)  { benchRead(b, export.FormatXLSX) }

func TestReadStdin(t *testing.T) {
	data := encode(t, export.FormatJSONL, export.Options{}, sampleEvents())
	f, err := os.Create(filepath.Join(t.TempDir(), "in"))
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Write(data)
	require.NoError(t, err)
	_, err = f.Seek(0, 0)
	require.NoError(t, err)
	saved := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = saved }()

	var places []string
	problems, err := Read("-", func(r Record) error {
		places = append(places, r.Place.String())
		return nil
	})
	require.NoError(t, err)
	assert.Empty(t, problems)
	assert.Equal(t, []string{"<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:4", "<stdin>:5"}, places)
}
