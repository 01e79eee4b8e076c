package export

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordEncoderMatchesWrite checks that records rendered ahead by
// EncodeRecord (on many goroutines) and written with WriteRecord give the
// bytes of Write, also when the two are mixed.
func TestRecordEncoderMatchesWrite(t *testing.T) {
	evs := append(sampleEvents(), manyEvents(50)...)
	for _, format := range []string{FormatCSV, FormatJSON, FormatJSONL} {
		t.Run(format, func(t *testing.T) {
			var want, got bytes.Buffer
			plain, err := New(format, &want, Options{BOM: true})
			require.NoError(t, err)
			for i := range evs {
				require.NoError(t, plain.Write(&evs[i]))
			}
			require.NoError(t, plain.Close())

			w, err := New(format, &got, Options{BOM: true})
			require.NoError(t, err)
			enc, ok := w.(RecordEncoder)
			require.True(t, ok, "%s writer is a RecordEncoder", format)
			recs := make([][]byte, len(evs))
			var wg sync.WaitGroup
			for i := range evs {
				wg.Go(func() { recs[i] = enc.EncodeRecord(nil, &evs[i]) })
			}
			wg.Wait()
			if m, ok := w.(RecordEncoderMaker); assert.Equal(t, format != FormatCSV, ok, "%s writer is a RecordEncoderMaker", format) && ok {
				encode := m.NewRecordEncoder()
				for i := range evs {
					require.Equal(t, string(recs[i]), string(encode(nil, &evs[i])), "record %d of NewRecordEncoder", i)
				}
			}
			for i := range evs {
				if i%7 == 3 {
					require.NoError(t, w.Write(&evs[i]))
				} else {
					require.NoError(t, enc.WriteRecord(recs[i]))
				}
			}
			require.NoError(t, w.Close())
			assert.Equal(t, want.String(), got.String())
			assert.ErrorIs(t, enc.WriteRecord(recs[0]), errClosed)
		})
	}
}
