package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"

	"github.com/eventline/eventline/events"
)

// GeoJSONWriter writes a GeoJSON FeatureCollection (RFC 7946), one Point
// Feature per event that has coordinates, one Feature per line:
//
//	{"type":"FeatureCollection","features":[
//	{"type":"Feature","id":"…","geometry":{"type":"Point","coordinates":[44.1,32.8]},"properties":{…}},
//	…
//	]}
//
// Coordinates are [longitude, latitude], in that order (RFC 7946 §3.1.1),
// WGS84. The Feature's id is the event id; its properties are the record's
// 33 fields in order, typed as in the JSON export (events.Event.MarshalJSON):
// integers and numbers are JSON numbers, an unknown value is null.
//
// An event without coordinates — or with coordinates that are not a place
// on Earth (only one of the two, NaN, latitude outside ±90, longitude
// outside ±180) — cannot be drawn on a map: it is left out and counted by
// Skipped. Features are streamed as they come, so memory does not grow
// with the timeline; output is deterministic. An empty collection is
// {"type":"FeatureCollection","features":[]}.
type GeoJSONWriter struct {
	bw      *bufio.Writer
	id      bytes.Buffer  // the id as a JSON string
	enc     *json.Encoder // to id
	n       int
	skipped int
	closed  bool
	err     error
}

// NewGeoJSON returns a GeoJSON writer to w.
func NewGeoJSON(w io.Writer) *GeoJSONWriter {
	g := &GeoJSONWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	g.enc = json.NewEncoder(&g.id)
	g.enc.SetEscapeHTML(false)
	return g
}

const geoJSONStart = `{"type":"FeatureCollection","features":[`

// Write adds the Feature of one event, or counts it as skipped when it has no coordinates.
func (g *GeoJSONWriter) Write(e *events.Event) error {
	if g.closed {
		return errClosed
	}
	if e == nil {
		return errNilEvent
	}
	if g.err != nil {
		return g.err
	}
	lon, lat, ok := coordinates(e)
	if !ok {
		g.skipped++
		return nil
	}
	props, err := e.MarshalJSON()
	if err != nil {
		g.err = err
		return err
	}
	g.id.Reset()
	if err := g.enc.Encode(e.ID); err != nil {
		g.err = err
		return err
	}
	sep := ",\n"
	if g.n == 0 {
		sep = geoJSONStart + "\n"
	}
	g.n++
	w := g.bw
	w.WriteString(sep)
	w.WriteString(`{"type":"Feature","id":`)
	w.Write(bytes.TrimSuffix(g.id.Bytes(), []byte("\n")))
	w.WriteString(`,"geometry":{"type":"Point","coordinates":[`)
	w.WriteString(events.FormatNumber(lon))
	w.WriteByte(',')
	w.WriteString(events.FormatNumber(lat))
	w.WriteString(`]},"properties":`)
	w.Write(props)
	_, err = w.WriteString("}")
	if err != nil {
		g.err = err
	}
	return g.err
}

// coordinates returns the event's longitude and latitude when both are
// given and lie on Earth.
func coordinates(e *events.Event) (lon, lat float64, ok bool) {
	if e.Latitude == nil || e.Longitude == nil {
		return 0, 0, false
	}
	lat, lon = *e.Latitude, *e.Longitude
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lon, lat, true
}

// Skipped returns the number of events left out for want of coordinates.
func (g *GeoJSONWriter) Skipped() int { return g.skipped }

// SkipReason says why events were left out.
func (g *GeoJSONWriter) SkipReason() string { return "without coordinates" }

// Close ends the collection, flushes, and returns the first error met. It
// does not close the underlying writer.
func (g *GeoJSONWriter) Close() error {
	if g.closed {
		return g.err
	}
	g.closed = true
	if g.err != nil {
		return g.err
	}
	end := "\n]}\n"
	if g.n == 0 {
		end = geoJSONStart + "]}\n"
	}
	if _, err := g.bw.WriteString(end); err != nil {
		g.err = err
		return err
	}
	g.err = g.bw.Flush()
	return g.err
}
