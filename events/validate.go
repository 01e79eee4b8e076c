package events

import (
	"errors"
	"fmt"
	"time"
)

// DateLayout is the ISO 8601 calendar date layout of every date field.
const DateLayout = "2006-01-02"

// ParseDate parses an ISO 8601 calendar date and rejects impossible ones
// (2024-02-30).
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q is not a YYYY-MM-DD date", ErrInvalidDate, s)
	}
	return t, nil
}

// CheckDate reports whether s is a valid ISO 8601 calendar date.
func CheckDate(s string) error {
	_, err := ParseDate(s)
	return err
}

// FormatDate writes t as an ISO 8601 calendar date.
func FormatDate(t time.Time) string { return t.Format(DateLayout) }

// FieldError is a problem with one field of one record.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// maxSpan is the longest interval, in days counted inclusively, each precision allows.
var maxSpan = map[Precision]int{PrecisionDay: 1, PrecisionWeek: 7, PrecisionMonth: 31, PrecisionYear: 366}

// Validate checks one record against the contract: required fields present,
// enums in their sets, dates valid, date ≤ date_end, the precision consistent
// with the interval, coordinates and confidence in range, offsets ordered,
// the ACLED and PLOVER codes those of the event type. It returns every
// problem found, each a *FieldError, in field order.
func (e *Event) Validate() []error {
	var errs []error
	add := func(field string, err error) { errs = append(errs, &FieldError{field, err}) }
	for _, f := range Fields {
		v := f.Get(e)
		if f.Required && v == "" {
			add(f.Name, errors.New("is required"))
			continue
		}
		if v == "" {
			continue
		}
		var probe Event
		if err := f.Set(&probe, v); err != nil {
			add(f.Name, err)
		}
	}
	if e.Latitude != nil && (*e.Latitude < -90 || *e.Latitude > 90) {
		// Set already reported it when parsed from text; values built in Go are checked here.
		if !hasField(errs, "latitude") {
			add("latitude", fmt.Errorf("%s is out of range [-90, 90]", FormatNumber(*e.Latitude)))
		}
	}
	if e.Longitude != nil && (*e.Longitude < -180 || *e.Longitude > 180) {
		if !hasField(errs, "longitude") {
			add("longitude", fmt.Errorf("%s is out of range [-180, 180]", FormatNumber(*e.Longitude)))
		}
	}
	if (e.Latitude == nil) != (e.Longitude == nil) {
		add("longitude", errors.New("latitude and longitude must both be given or both be empty"))
	}
	start, errStart := ParseDate(e.Date)
	end, errEnd := ParseDate(e.DateEnd)
	if e.Date != "" && e.DateEnd != "" && errStart == nil && errEnd == nil {
		if end.Before(start) {
			add("date_end", fmt.Errorf("%s is before date %s", e.DateEnd, e.Date))
		} else if limit, ok := maxSpan[e.DatePrecision]; ok {
			days := int(end.Sub(start).Hours()/24) + 1
			if days > limit {
				add("date_precision", fmt.Errorf("%q allows at most %d days, the interval %s..%s has %d", e.DatePrecision, limit, e.Date, e.DateEnd, days))
			}
		}
	}
	if (e.Date == "") != (e.DateEnd == "") {
		add("date_end", errors.New("date and date_end must both be given or both be empty"))
	}
	if e.DatePrecision == PrecisionUnknown && e.Published != "" && (e.Date != e.Published || e.DateEnd != e.Published) {
		add("date", fmt.Errorf("precision unknown needs date = date_end = published (%s)", e.Published))
	}
	if e.DatePrecision != PrecisionUnknown && e.DatePrecision != "" && e.Date == "" {
		add("date", fmt.Errorf("precision %q needs a date", e.DatePrecision))
	}
	if e.Count != nil && *e.Count < 0 {
		add("count", fmt.Errorf("%d is negative", *e.Count))
	}
	if e.Fatalities != nil && *e.Fatalities < 0 {
		add("fatalities", fmt.Errorf("%d is negative", *e.Fatalities))
	}
	if e.Injuries != nil && *e.Injuries < 0 {
		add("injuries", fmt.Errorf("%d is negative", *e.Injuries))
	}
	if e.Count == nil && e.CountQualifier != "" {
		add("count_qualifier", errors.New("is set but count is empty"))
	}
	if e.CharStart < 0 || e.CharEnd < e.CharStart {
		add("char_end", fmt.Errorf("offsets %d..%d are not an interval", e.CharStart, e.CharEnd))
	}
	if e.SentenceIndex < 0 {
		add("sentence_index", fmt.Errorf("%d is negative", e.SentenceIndex))
	}
	if info, ok := e.EventType.Info(); ok {
		if e.ACLEDEventType != info.ACLEDEventType {
			add("acled_event_type", fmt.Errorf("%q is not the mapping of %s (%q)", e.ACLEDEventType, e.EventType, info.ACLEDEventType))
		}
		if e.ACLEDSubEventType != info.ACLEDSubEventType {
			add("acled_sub_event_type", fmt.Errorf("%q is not the mapping of %s (%q)", e.ACLEDSubEventType, e.EventType, info.ACLEDSubEventType))
		}
		if e.PLOVER != info.PLOVER && (info.PLOVERWithdrawal == "" || e.PLOVER != info.PLOVERWithdrawal) {
			add("plover", fmt.Errorf("%q is not the mapping of %s (%q)", e.PLOVER, e.EventType, info.PLOVER))
		}
	}
	return errs
}

func hasField(errs []error, name string) bool {
	for _, err := range errs {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Field == name {
			return true
		}
	}
	return false
}
