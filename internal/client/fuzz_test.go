package client

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Fuzz targets for the lenient scalars and Retry-After: the parsers of what
// the APIs send. `make fuzz` runs each for a while; plain `go test` runs the
// seeds below and those in testdata/fuzz.

// lenientSeeds are scalar forms seen in the docs' examples and samples.
var lenientSeeds = []string{
	`0`, `1`, `-1`, `18856`, `"18856"`, `""`, `null`, `true`, `false`, `"true"`, `"0"`, `"1"`,
	`1024.0`, `1e3`, `"1e3"`, `"yes"`, `"no"`, `"on"`, `"abc"`, `9223372036854775807`,
	`"9223372036854775808"`, `1e400`, `"NaN"`, `"-Inf"`, `" 7 "`, `"\u0031"`, `[]`, `{}`,
}

// FuzzInt: a value Int accepts decodes again to the same value from its
// plain JSON form; the decoder never panics.
func FuzzInt(f *testing.F) {
	for _, s := range lenientSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Int
		if json.Unmarshal(b, &v) != nil { // as the decoders reach it: valid JSON only
			return
		}
		var again Int
		if err := again.UnmarshalJSON([]byte(strconv.FormatInt(int64(v), 10))); err != nil || again != v {
			t.Fatalf("%q read as %d, whose JSON form reads as %d (%v)", b, v, again, err)
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && int64(v) != n {
			t.Fatalf("the integer %q read as %d", b, v)
		}
	})
}

// FuzzFloat: an accepted value is finite and round-trips.
func FuzzFloat(f *testing.F) {
	for _, s := range lenientSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Float
		if json.Unmarshal(b, &v) != nil { // as the decoders reach it: valid JSON only
			return
		}
		js, err := json.Marshal(float64(v))
		if err != nil {
			t.Fatalf("%q read as %v, which has no JSON form: %v", b, v, err)
		}
		var again Float
		if err := again.UnmarshalJSON(js); err != nil || again != v {
			t.Fatalf("%q read as %v, whose JSON form %s reads as %v (%v)", b, v, js, again, err)
		}
	})
}

// FuzzString: an accepted value decodes again to itself from its JSON
// string form; a JSON string reads as exactly what encoding/json reads.
// (Called directly on invalid JSON such as "\x80" the method keeps the
// bytes; encoding/json never hands it such input: seed in testdata.)
func FuzzString(f *testing.F) {
	for _, s := range lenientSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`"a\"b\\c\u00e9"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var v String
		if json.Unmarshal(b, &v) != nil { // as the decoders reach it: valid JSON only
			return
		}
		js, _ := json.Marshal(string(v))
		var again String
		if err := again.UnmarshalJSON(js); err != nil || again != v {
			t.Fatalf("%q read as %q, whose JSON form reads as %q (%v)", b, v, again, err)
		}
		var plain string
		if json.Unmarshal(b, &plain) == nil && strings.HasPrefix(strings.TrimSpace(string(b)), `"`) && plain != string(v) {
			t.Fatalf("the JSON string %q read as %q, not %q", b, v, plain)
		}
	})
}

// FuzzBool: an accepted value round-trips through its JSON form, and the
// numbers 0 and 1 are false and true.
func FuzzBool(f *testing.F) {
	for _, s := range lenientSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Bool
		if json.Unmarshal(b, &v) != nil { // as the decoders reach it: valid JSON only
			return
		}
		var again Bool
		if err := again.UnmarshalJSON([]byte(strconv.FormatBool(bool(v)))); err != nil || again != v {
			t.Fatalf("%q read as %v, whose JSON form reads as %v (%v)", b, v, again, err)
		}
		switch strings.TrimSpace(string(b)) {
		case "1", "true":
			if !v {
				t.Fatalf("%q read as false", b)
			}
		case "0", "false":
			if v {
				t.Fatalf("%q read as true", b)
			}
		}
	})
}

// FuzzParseRetryAfter: a wait read from the header is never negative, and
// a small number of seconds is that many seconds.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "0", "1", "120", " 5 ", "-1", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT",
		"Mon, 30 Nov 2026 20:00:00 GMT", "Monday, 30-Nov-26 20:00:00 GMT", "Mon Nov 30 20:00:00 2026", "9999999999", "abc"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 30, 19, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s, now)
		if !ok {
			if d != 0 {
				t.Fatalf("%q not read, yet a wait of %v", s, d)
			}
			return
		}
		if d < 0 {
			t.Fatalf("%q read as a negative wait %v", s, d)
		}
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 && n < 1e6 && d != time.Duration(n)*time.Second {
			t.Fatalf("%q read as %v", s, d)
		}
	})
}
