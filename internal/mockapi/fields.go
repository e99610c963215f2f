package mockapi

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The APIs accept numbers as strings and the other way round (the docs' own
// curl examples send {"memory": "1024"}), so the mock reads request fields
// leniently too.

func itoa(n int) string { return strconv.Itoa(n) }

// fieldString reads a string or number field.
func fieldString(body map[string]any, key string) (string, bool) {
	v, ok := body[key]
	if !ok || v == nil {
		return "", false
	}
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	case bool:
		return strconv.FormatBool(t), true
	default:
		return fmt.Sprint(t), true
	}
}

// fieldInt reads an integer sent as a number or a numeric string.
func fieldInt(body map[string]any, key string) (int64, bool, error) {
	s, ok := fieldString(body, key)
	if !ok {
		return 0, false, nil
	}
	s = strings.TrimSpace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			return 0, true, fmt.Errorf("%s must be an integer", key)
		}
		n = int64(f)
	}
	return n, true, nil
}

// fieldBool reads true/false, 1/0 or their string forms.
func fieldBool(body map[string]any, key string) (bool, bool) {
	s, ok := fieldString(body, key)
	if !ok {
		return false, false
	}
	switch strings.ToLower(s) {
	case "true", "1", "yes":
		return true, true
	default:
		return false, true
	}
}
