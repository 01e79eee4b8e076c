package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/events"
)

func readDataPackage(t *testing.T, csvPath string) (map[string]any, []byte) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteDataPackage(&buf, csvPath))
	var pkg map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &pkg))
	return pkg, buf.Bytes()
}

func TestDataPackage(t *testing.T) {
	pkg, data := readDataPackage(t, filepath.Join("out", "Gaza Timeline.csv"))
	assert.Equal(t, "tabular-data-package", pkg["profile"])
	assert.Equal(t, "gaza-timeline", pkg["name"])
	res := pkg["resources"].([]any)
	require.Len(t, res, 1)
	r := res[0].(map[string]any)
	assert.Equal(t, "tabular-data-resource", r["profile"])
	assert.Equal(t, "gaza-timeline", r["name"])
	assert.Equal(t, "Gaza Timeline.csv", r["path"], "the CSV's base name: the descriptor sits beside it")
	assert.Equal(t, "csv", r["format"])
	assert.Equal(t, "text/csv", r["mediatype"])
	assert.Equal(t, "utf-8", r["encoding"])
	assert.Equal(t, map[string]any{
		"csvddfVersion": 1.2, "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": `"`,
		"doubleQuote": true, "skipInitialSpace": false, "header": true,
	}, r["dialect"])
	assert.True(t, bytes.HasSuffix(data, []byte("}\n")))

	schema := r["schema"].(map[string]any)
	assert.Equal(t, []any{""}, schema["missingValues"])
	assert.Equal(t, "id", schema["primaryKey"])
	fields := schema["fields"].([]any)
	require.Len(t, fields, len(events.Fields))
	byName := map[string]map[string]any{}
	for i, f := range fields {
		m := f.(map[string]any)
		assert.Equal(t, events.Fields[i].Name, m["name"], "fields in record order")
		assert.Equal(t, "default", m["format"])
		assert.Equal(t, events.Fields[i].Meaning, m["description"])
		byName[m["name"].(string)] = m
	}

	tests := []struct {
		field       string
		typ         string
		constraints map[string]any
	}{
		{"id", "string", map[string]any{"required": true, "unique": true}},
		{"doc_id", "string", map[string]any{"required": true}},
		{"published", "date", nil},
		{"date", "date", nil},
		{"date_precision", "string", map[string]any{"required": true, "enum": toAny(events.PrecisionNames)}},
		{"event_type", "string", map[string]any{"required": true, "enum": toAny(events.TypeNames())}},
		{"count_qualifier", "string", map[string]any{"enum": toAny(events.QualifierNames)}},
		{"actor1", "string", nil},
		{"latitude", "number", map[string]any{"minimum": -90.0, "maximum": 90.0}},
		{"longitude", "number", map[string]any{"minimum": -180.0, "maximum": 180.0}},
		{"count", "integer", map[string]any{"minimum": 0.0}},
		{"fatalities", "integer", map[string]any{"minimum": 0.0}},
		{"sentence_index", "integer", map[string]any{"required": true, "minimum": 0.0}},
		{"confidence", "number", map[string]any{"required": true, "minimum": 0.0, "maximum": 1.0}},
		{"context", "string", map[string]any{"required": true, "enum": toAny(events.ContextNames)}},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			f := byName[tt.field]
			require.NotNil(t, f)
			assert.Equal(t, tt.typ, f["type"])
			if tt.constraints == nil {
				assert.NotContains(t, f, "constraints")
				return
			}
			assert.Equal(t, tt.constraints, f["constraints"])
		})
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestDataPackageDescribesCSV checks the descriptor against what CSVWriter
// writes: the same header, the dialect's line ends, and every value
// readable as its field's type within its constraints.
func TestDataPackageDescribesCSV(t *testing.T) {
	for _, bom := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "bom"}[bom], func(t *testing.T) {
			var buf bytes.Buffer
			w := NewCSV(&buf, Options{BOM: bom})
			evs := sampleEvents()
			for i := range evs {
				require.NoError(t, w.Write(&evs[i]))
			}
			require.NoError(t, w.Close())
			pkg := DataPackage("t.csv")
			res := pkg.Resources[0]
			text := strings.TrimPrefix(buf.String(), utf8BOM)
			assert.True(t, strings.HasSuffix(text, res.Dialect.LineTerminator))
			rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
			require.NoError(t, err)
			var names []string
			for _, f := range res.Schema.Fields {
				names = append(names, f.Name)
			}
			assert.Equal(t, names, rows[0], "the header row is the schema's fields, the first one not prefixed by a BOM")
			for _, row := range rows[1:] {
				for i, f := range res.Schema.Fields {
					checkCell(t, f, row[i], res.Schema.MissingValues)
				}
			}
		})
	}
}

func checkCell(t *testing.T, f TableField, v string, missing []string) {
	t.Helper()
	for _, m := range missing {
		if v == m {
			assert.False(t, f.Constraints != nil && f.Constraints.Required, "%s: required but empty", f.Name)
			return
		}
	}
	var e events.Event
	fl, ok := events.FieldByName(f.Name)
	require.True(t, ok)
	switch f.Type {
	case "date":
		_, err := events.ParseDate(v)
		assert.NoError(t, err, f.Name)
	case "integer", "number":
		assert.NoError(t, fl.Set(&e, v), "%s: %q", f.Name, v)
	}
	if c := f.Constraints; c != nil && c.Enum != nil {
		assert.Contains(t, c.Enum, v, f.Name)
	}
}

func TestDataPackageNames(t *testing.T) {
	tests := []struct{ path, want string }{
		{"timeline.csv", "timeline"},
		{"/tmp/x/Events 2024 (AFP).CSV", "events-2024--afp"},
		{"الجدول.csv", "timeline"},
		{"a.b.csv", "a.b"},
		{".csv", "timeline"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p := DataPackage(tt.path)
			assert.Equal(t, tt.want, p.Name)
			assert.Equal(t, tt.want, p.Resources[0].Name)
			assert.Equal(t, filepath.Base(tt.path), p.Resources[0].Path)
		})
	}
	assert.Equal(t, filepath.Join("out", "datapackage.json"), DataPackagePath(filepath.Join("out", "t.csv")))
	assert.Equal(t, "datapackage.json", DataPackagePath("t.csv"))
}

func TestDataPackageDeterministic(t *testing.T) {
	_, a := readDataPackage(t, "t.csv")
	_, b := readDataPackage(t, "t.csv")
	assert.Equal(t, a, b)
}
