package parse

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

// TestFinishRecords checks the ids and numbers finishRecords writes against
// events.MakeID and the values kept aside, and that each number is a
// variable of its own.
func TestFinishRecords(t *testing.T) {
	b := &sentBuffers{}
	for _, tc := range []struct {
		name  string
		docID string
		sents []int       // each record's sentence index
		nums  []eventNums // n and the numbers of each record
	}{
		{"none", "a", nil, nil},
		{"one bare", "doc", []int{0}, []eventNums{{n: 0}}},
		{"one of each", "وكالة-1", []int{3, 3, 3, 4},
			[]eventNums{{n: 0, has: hasCoords, lat: 33.3, lon: 44.4}, {n: 1, has: hasCount | hasFatal, count: 150, fatal: 3},
				{n: 2, has: hasInjured | hasCoords, injured: 34, lat: -1.5, lon: 0}, {n: 0, has: hasCount | hasFatal | hasInjured | hasCoords, count: 0, fatal: 1, injured: 2, lat: 1, lon: 2}}},
		{"large numbers", "x", []int{9, 10, 99, 100, 12345, math.MaxInt, -1, math.MinInt},
			[]eventNums{{n: 99}, {n: 100}, {n: 9}, {n: 10}, {n: 7}, {n: math.MaxInt}, {n: -12}, {n: math.MinInt}}},
		{"empty doc id", "", []int{0, 0}, []eventNums{{n: 0, has: hasCount, count: -5}, {n: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := make([]events.Event, len(tc.sents))
			b.nums = append(b.nums[:0], tc.nums...)
			for i := range evs {
				evs[i].SentenceIndex = tc.sents[i]
			}
			b.finishRecords(tc.docID, evs)
			for i, e := range evs {
				v := tc.nums[i]
				assert.Equal(t, events.MakeID(tc.docID, tc.sents[i], v.n), e.ID, "record %d", i)
				num := func(has uint8, p *int, want int, what string) {
					if v.has&has == 0 {
						assert.Nil(t, p, "%s of record %d", what, i)
						return
					}
					require.NotNil(t, p, "%s of record %d", what, i)
					assert.Equal(t, want, *p, "%s of record %d", what, i)
				}
				num(hasCount, e.Count, v.count, "count")
				num(hasFatal, e.Fatalities, v.fatal, "fatalities")
				num(hasInjured, e.Injuries, v.injured, "injuries")
				if v.has&hasCoords == 0 {
					assert.Nil(t, e.Latitude)
					assert.Nil(t, e.Longitude)
				} else {
					require.NotNil(t, e.Latitude)
					require.NotNil(t, e.Longitude)
					assert.Equal(t, v.lat, *e.Latitude)
					assert.Equal(t, v.lon, *e.Longitude)
				}
			}
			// every pointer is a variable of its own: setting each changes no other
			var ints []*int
			var floats []*float64
			for i := range evs {
				for _, p := range []*int{evs[i].Count, evs[i].Fatalities, evs[i].Injuries} {
					if p != nil {
						ints = append(ints, p)
					}
				}
				for _, p := range []*float64{evs[i].Latitude, evs[i].Longitude} {
					if p != nil {
						floats = append(floats, p)
					}
				}
			}
			for k, p := range ints {
				*p = 1000 + k
			}
			for k, p := range floats {
				*p = float64(1000 + k)
			}
			for k, p := range ints {
				assert.Equal(t, 1000+k, *p)
			}
			for k, p := range floats {
				assert.Equal(t, float64(1000+k), *p)
			}
		})
	}
}

func TestAppendInt(t *testing.T) {
	for _, v := range []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, -1, -9, -10, -99, -100, math.MaxInt, math.MinInt} {
		assert.Equal(t, strconv.Itoa(v), string(appendInt(nil, v)), "%d", v)
		assert.Equal(t, "x"+strconv.Itoa(v), string(appendInt([]byte("x"), v)), "%d", v)
	}
}
