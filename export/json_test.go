package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

func TestJSON(t *testing.T) {
	tests := []struct {
		name string
		evs  []events.Event
	}{
		{name: "sample", evs: sampleEvents()},
		{name: "one", evs: sampleEvents()[:1]},
		{name: "empty", evs: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, FormatJSON, Options{}, tt.evs)
			require.True(t, json.Valid(out), "valid JSON")
			if len(tt.evs) == 0 {
				assert.Equal(t, "[]\n", string(out))
			} else {
				lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
				require.Len(t, lines, len(tt.evs)+2, "one record per line between the brackets")
				assert.Equal(t, "[", lines[0])
				assert.Equal(t, "]", lines[len(lines)-1])
				for i, line := range lines[1 : len(lines)-1] {
					want, err := tt.evs[i].MarshalJSON()
					require.NoError(t, err)
					if i < len(tt.evs)-1 {
						want = append(want, ',')
					}
					assert.Equal(t, string(want), line)
				}
			}
			var got []events.Event
			require.NoError(t, json.Unmarshal(out, &got))
			if len(tt.evs) == 0 {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, tt.evs, got)
			}
		})
	}
}

func TestJSONNulls(t *testing.T) {
	out := writeAll(t, FormatJSON, Options{}, sampleEvents()[4:5])
	var recs []map[string]any
	require.NoError(t, json.Unmarshal(out, &recs))
	require.Len(t, recs, 1)
	assert.Len(t, recs[0], len(events.Fields), "every field present")
	assert.Nil(t, recs[0]["latitude"])
	assert.Nil(t, recs[0]["count"])
	assert.Nil(t, recs[0]["quote"])
	assert.Equal(t, "x-s1-e0", recs[0]["id"])
}

func TestJSONL(t *testing.T) {
	tests := []struct {
		name string
		evs  []events.Event
	}{
		{name: "sample", evs: sampleEvents()},
		{name: "empty", evs: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, FormatJSONL, Options{}, tt.evs)
			if len(tt.evs) == 0 {
				assert.Empty(t, out)
				return
			}
			assert.True(t, bytes.HasSuffix(out, []byte("\n")))
			var got []events.Event
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				require.True(t, json.Valid(sc.Bytes()), "line %d", len(got)+1)
				var e events.Event
				require.NoError(t, json.Unmarshal(sc.Bytes(), &e))
				got = append(got, e)
			}
			require.NoError(t, sc.Err())
			assert.Equal(t, tt.evs, got)
		})
	}
}
