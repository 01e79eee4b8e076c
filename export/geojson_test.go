package export

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

type geoFeature struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Geometry struct {
		Type        string    `json:"type"`
		Coordinates []float64 `json:"coordinates"`
	} `json:"geometry"`
	Properties json.RawMessage `json:"properties"`
}

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

func writeGeoJSON(t *testing.T, evs []events.Event) ([]byte, geoCollection, *GeoJSONWriter) {
	t.Helper()
	var buf bytes.Buffer
	w := NewGeoJSON(&buf)
	for i := range evs {
		require.NoError(t, w.Write(&evs[i]))
	}
	require.NoError(t, w.Close())
	var fc geoCollection
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&fc), buf.String())
	return buf.Bytes(), fc, w
}

func TestGeoJSON(t *testing.T) {
	evs := sampleEvents() // two of the five have coordinates
	data, fc, w := writeGeoJSON(t, evs)
	assert.Equal(t, "FeatureCollection", fc.Type)
	require.Len(t, fc.Features, 2)
	assert.Equal(t, 3, w.Skipped())
	assert.Equal(t, "without coordinates", w.SkipReason())

	for i, f := range fc.Features {
		e := evs[i]
		assert.Equal(t, "Feature", f.Type)
		assert.Equal(t, e.ID, f.ID)
		assert.Equal(t, "Point", f.Geometry.Type)
		assert.Equal(t, []float64{*e.Longitude, *e.Latitude}, f.Geometry.Coordinates, "[longitude, latitude]")

		// Properties are the 33 fields, in order, typed, and read back as the same event.
		var back events.Event
		require.NoError(t, json.Unmarshal(f.Properties, &back))
		assert.Equal(t, e, back)
		var props map[string]any
		dec := json.NewDecoder(bytes.NewReader(f.Properties))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&props))
		assert.Len(t, props, len(events.Fields))
		assert.Equal(t, events.FieldNames(), keysInOrder(t, f.Properties))
		for _, fl := range events.Fields {
			v := props[fl.Name]
			switch {
			case fl.Get(&e) == "" && !fl.Required:
				assert.Nil(t, v, "%s is null when unknown", fl.Name)
			case fl.Kind == events.KindInteger || fl.Kind == events.KindNumber:
				assert.IsType(t, json.Number(""), v, "%s is a number", fl.Name)
			default:
				assert.IsType(t, "", v, "%s is a string", fl.Name)
			}
		}
	}
	// The strike's coordinates are negative: longitude first all the same.
	assert.Equal(t, []float64{-44.1, -32.8}, fc.Features[1].Geometry.Coordinates)
	assert.Contains(t, string(data), `"coordinates":[43.6793,33.2232]`)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	assert.Len(t, lines, 4, "opening, one line per feature, closing")
}

// keysInOrder returns the keys of a JSON object in the order written.
func keysInOrder(t *testing.T, obj []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(obj))
	_, err := dec.Token()
	require.NoError(t, err)
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return keys
}

func TestGeoJSONCoordinates(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon *float64
		want     []float64 // nil: skipped
	}{
		{name: "Baghdad", lat: events.Float(33.3152), lon: events.Float(44.3661), want: []float64{44.3661, 33.3152}},
		{name: "zero is a place", lat: events.Float(0), lon: events.Float(0), want: []float64{0, 0}},
		{name: "poles and date line", lat: events.Float(-90), lon: events.Float(180), want: []float64{180, -90}},
		{name: "no coordinates", lat: nil, lon: nil},
		{name: "latitude alone", lat: events.Float(33), lon: nil},
		{name: "longitude alone", lat: nil, lon: events.Float(44)},
		{name: "latitude out of range", lat: events.Float(91), lon: events.Float(44)},
		{name: "longitude out of range", lat: events.Float(33), lon: events.Float(-180.5)},
		{name: "NaN", lat: events.Float(math.NaN()), lon: events.Float(44)},
		{name: "infinity", lat: events.Float(33), lon: events.Float(math.Inf(1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := sampleEvents()[0]
			e.Latitude, e.Longitude = tt.lat, tt.lon
			data, fc, w := writeGeoJSON(t, []events.Event{e})
			assert.True(t, json.Valid(data))
			if tt.want == nil {
				assert.Empty(t, fc.Features)
				assert.Equal(t, 1, w.Skipped())
				assert.Equal(t, "{\"type\":\"FeatureCollection\",\"features\":[]}\n", string(data))
				return
			}
			require.Len(t, fc.Features, 1)
			assert.Zero(t, w.Skipped())
			assert.Equal(t, tt.want, fc.Features[0].Geometry.Coordinates)
		})
	}
}

func TestGeoJSONEscapesID(t *testing.T) {
	e := sampleEvents()[0]
	e.ID = "a \"b\" <c>\xff-s0-e0"
	data, fc, _ := writeGeoJSON(t, []events.Event{e})
	require.Len(t, fc.Features, 1)
	assert.Equal(t, "a \"b\" <c>\uFFFD-s0-e0", fc.Features[0].ID)
	assert.Contains(t, string(data), `"id":"a \"b\" <c>`)
}

func TestGeoJSONDeterministic(t *testing.T) {
	evs := manyEvents(300)
	a, _, _ := writeGeoJSON(t, evs)
	b, _, _ := writeGeoJSON(t, evs)
	assert.Equal(t, a, b)
}

func TestGeoJSONAfterClose(t *testing.T) {
	w := NewGeoJSON(&bytes.Buffer{})
	require.NoError(t, w.Close())
	e := sampleEvents()[0]
	assert.Error(t, w.Write(&e))
	assert.Error(t, w.Write(nil))
	assert.NoError(t, w.Close())
}

func BenchmarkGeoJSON(b *testing.B) {
	evs := manyEvents(1000)
	b.ReportAllocs()
	for b.Loop() {
		w := NewGeoJSON(&bytes.Buffer{})
		for i := range evs {
			_ = w.Write(&evs[i])
		}
		_ = w.Close()
	}
}
