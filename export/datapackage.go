package export

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/events"
)

// DataPackageName is the file name of a data package descriptor; it sits
// beside the CSV it describes.
const DataPackageName = "datapackage.json"

// DataPackagePath returns the path of the descriptor for the CSV at csvPath:
// datapackage.json in the same directory.
func DataPackagePath(csvPath string) string {
	return filepath.Join(filepath.Dir(csvPath), DataPackageName)
}

// WriteDataPackage writes a Frictionless Data package descriptor (Tabular
// Data Package, v1: https://specs.frictionlessdata.io/) for an events CSV
// written by CSVWriter: one tabular resource whose path is the CSV's base
// name (the descriptor sits in the same directory), with
//
//   - the dialect CSVWriter writes: delimiter ",", lineTerminator "\r\n",
//     quoteChar "\"" doubled inside cells, a header row;
//   - encoding "utf-8", with or without a byte-order mark (--bom): the
//     spec asks for an IANA name, which "utf-8-sig" is not, and
//     frictionless-py reads a UTF-8 file that starts with a BOM as
//     utf-8-sig by itself, so the header's first name stays "id" (older
//     readers such as datapackage-js 1.x keep the BOM: leave out --bom
//     for them);
//   - a Table Schema: every field of events.Fields in order, typed
//     (string, date, integer, number; enums are strings), with format
//     "default" (dates YYYY-MM-DD) and its meaning as description;
//     constraints: required for required fields, enum for enum fields,
//     minimum/maximum for latitude (±90), longitude (±180) and confidence
//     (0–1), minimum 0 for counts, casualties and offsets, unique for id;
//     missingValues [""] (an unknown value is an empty cell) and primaryKey
//     "id".
//
// The package and resource names are the CSV's base name without its
// extension, lower-cased, with characters outside [a-z0-9._-] as "-".
// Output is indented JSON, deterministic, ending in a newline.
func WriteDataPackage(w io.Writer, csvPath string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(DataPackage(csvPath)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// DataPackage returns the descriptor WriteDataPackage writes, as Go values.
func DataPackage(csvPath string) DataPackageDescriptor {
	base := filepath.Base(csvPath)
	name := packageName(strings.TrimSuffix(base, filepath.Ext(base)))
	fields := make([]TableField, len(events.Fields))
	for i, f := range events.Fields {
		fields[i] = schemaField(f)
	}
	return DataPackageDescriptor{
		Profile:     "tabular-data-package",
		Name:        name,
		Title:       "eventline timeline",
		Description: "Events extracted by eventline from news articles: one row per event that one sentence of one article reports, with the sentence, its offsets and the trigger words, so that every row can be checked against its source.",
		Resources: []DataResource{{
			Profile:   "tabular-data-resource",
			Name:      name,
			Path:      base,
			Format:    "csv",
			Mediatype: "text/csv",
			Encoding:  "utf-8",
			Dialect: CSVDialect{
				CSVDDFVersion: 1.2, Delimiter: ",", LineTerminator: "\r\n", QuoteChar: `"`,
				DoubleQuote: true, SkipInitialSpace: false, Header: true,
			},
			Schema: TableSchema{Fields: fields, MissingValues: []string{""}, PrimaryKey: "id"},
		}},
	}
}

// DataPackageDescriptor is a Tabular Data Package descriptor.
type DataPackageDescriptor struct {
	Profile     string         `json:"profile"`
	Name        string         `json:"name"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Resources   []DataResource `json:"resources"`
}

// DataResource is a Tabular Data Resource: one CSV file.
type DataResource struct {
	Profile   string      `json:"profile"`
	Name      string      `json:"name"`
	Path      string      `json:"path"`
	Format    string      `json:"format"`
	Mediatype string      `json:"mediatype"`
	Encoding  string      `json:"encoding"`
	Dialect   CSVDialect  `json:"dialect"`
	Schema    TableSchema `json:"schema"`
}

// CSVDialect is a CSV Dialect descriptor.
type CSVDialect struct {
	CSVDDFVersion    float64 `json:"csvddfVersion"`
	Delimiter        string  `json:"delimiter"`
	LineTerminator   string  `json:"lineTerminator"`
	QuoteChar        string  `json:"quoteChar"`
	DoubleQuote      bool    `json:"doubleQuote"`
	SkipInitialSpace bool    `json:"skipInitialSpace"`
	Header           bool    `json:"header"`
}

// TableSchema is a Table Schema.
type TableSchema struct {
	Fields        []TableField `json:"fields"`
	MissingValues []string     `json:"missingValues"`
	PrimaryKey    string       `json:"primaryKey"`
}

// TableField is one field of a Table Schema.
type TableField struct {
	Name        string            `json:"name"`
	Type        string            `json:"type"`
	Format      string            `json:"format"`
	Description string            `json:"description"`
	Constraints *FieldConstraints `json:"constraints,omitempty"`
}

// FieldConstraints are a Table Schema field's constraints; unset ones are left out.
type FieldConstraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
	Maximum  *float64 `json:"maximum,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// fieldRanges are the bounds of the numeric fields; counts, casualties
// and offsets cannot be negative (events.Event.Validate).
var fieldRanges = map[string][2]*float64{
	"latitude":       {events.Float(-90), events.Float(90)},
	"longitude":      {events.Float(-180), events.Float(180)},
	"confidence":     {events.Float(0), events.Float(1)},
	"count":          {events.Float(0), nil},
	"fatalities":     {events.Float(0), nil},
	"injuries":       {events.Float(0), nil},
	"sentence_index": {events.Float(0), nil},
	"char_start":     {events.Float(0), nil},
	"char_end":       {events.Float(0), nil},
}

func schemaField(f events.Field) TableField {
	sf := TableField{Name: f.Name, Format: "default", Description: f.Meaning}
	switch f.Kind {
	case events.KindDate:
		sf.Type = "date"
	case events.KindInteger:
		sf.Type = "integer"
	case events.KindNumber:
		sf.Type = "number"
	default:
		sf.Type = "string"
	}
	var c FieldConstraints
	c.Required = f.Required
	c.Unique = f.Name == "id"
	if f.Kind == events.KindEnum {
		c.Enum = append([]string(nil), f.Enum...)
	}
	if r, ok := fieldRanges[f.Name]; ok {
		c.Minimum, c.Maximum = r[0], r[1]
	}
	if c.Required || c.Unique || c.Enum != nil || c.Minimum != nil || c.Maximum != nil {
		sf.Constraints = &c
	}
	return sf
}

// packageName makes s a valid package or resource name: lower case, only
// a-z, 0-9, ".", "_" and "-".
func packageName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-.")
	if name == "" {
		return "timeline"
	}
	return name
}
