package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The live APIs send the same field as a number on one endpoint and as a
// numeric string on another (see FIELD-NOTES). These types accept either form
// so that one decoder serves every endpoint.

// Int decodes a JSON number, a numeric string, an empty string or null.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (i *Int) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" || s == `""` {
		*i = 0
		return nil
	}
	s = strings.Trim(s, `"`)
	if s == "true" || s == "false" {
		*i = 0
		if s == "true" {
			*i = 1
		}
		return nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*i = Int(n)
		return nil
	}
	// A float such as 1024.0 or 1e3 is read too, but not NaN, an infinity or
	// a value beyond int64, whose conversion would yield garbage.
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return fmt.Errorf("cannot read %s as an integer", string(b))
	}
	*i = Int(f)
	return nil
}

// Float decodes a JSON number, a numeric string, an empty string or null.
type Float float64

// UnmarshalJSON implements json.Unmarshaler.
func (f *Float) UnmarshalJSON(b []byte) error {
	s := strings.Trim(strings.TrimSpace(string(b)), `"`)
	if s == "null" || s == "" {
		*f = 0
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("cannot read %s as a number", string(b))
	}
	*f = Float(v)
	return nil
}

// String decodes a JSON string, a number or null (as "").
type String string

// UnmarshalJSON implements json.Unmarshaler.
func (s *String) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*s = ""
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = String(v)
	default:
		*s = String(b)
	}
	return nil
}

// Bool decodes true/false, "1"/"0", 1/0, "true"/"false", "yes"/"no" and null.
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (v *Bool) UnmarshalJSON(b []byte) error {
	s := strings.ToLower(strings.Trim(strings.TrimSpace(string(b)), `"`))
	switch s {
	case "true", "1", "yes", "on", "t", "y":
		*v = true
	case "false", "0", "no", "off", "f", "n", "", "null":
		*v = false
	default:
		return fmt.Errorf("cannot read %s as a boolean", string(b))
	}
	return nil
}
