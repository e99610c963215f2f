package tfutil

import (
	"strings"
	"testing"
)

// FuzzParseImportID: an id accepted is its parts joined by slashes, with
// exactly the parts named, none empty.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"", "a", "a/b", "a/b/c", "a//b", "/a", "a/", "123/www/TXT/v=1/x"} {
		f.Add(s, uint8(2), false)
		f.Add(s, uint8(4), true)
	}
	f.Fuzz(func(t *testing.T, id string, n uint8, last bool) {
		names := make([]string, int(n%5)+1)
		for i := range names {
			names[i] = "p"
		}
		parts, err := ParseImportID(id, last, names...)
		if err != nil {
			return
		}
		if len(parts) != len(names) {
			t.Fatalf("%q: %d parts for %d names", id, len(parts), len(names))
		}
		for _, p := range parts {
			if p == "" {
				t.Fatalf("%q: an empty part", id)
			}
		}
		if strings.Join(parts, "/") != id {
			t.Fatalf("%q read as %q, which joins to another id", id, parts)
		}
	})
}
