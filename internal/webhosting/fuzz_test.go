package webhosting

import (
	"strings"
	"testing"
)

// FuzzImportIDs: the import ids of the web-hosting items format back to
// the same id (an address in lower case), and the hosting id is positive.
func FuzzImportIDs(f *testing.F) {
	for _, s := range []string{"1234/post@example.no", "1234/Post@Example.NO", "1234/shop", "1234", "0/x", "-1/x",
		"1234/a/b", "1234/@x", "1234/x@", "01234/x@y", "9223372036854775807/a@b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if h, name, err := parseItemID(id, "name"); err == nil {
			if h <= 0 || itemID(h, name) != id && strings.TrimLeft(id, "0") != itemID(h, name) {
				t.Fatalf("%q read as %d and %q", id, h, name)
			}
		}
		if h, addr, err := parseForwarderID(id); err == nil {
			if h <= 0 || !strings.EqualFold(strings.TrimLeft(id, "0"), strings.TrimLeft(itemID(h, addr), "0")) || addr != strings.ToLower(addr) {
				t.Fatalf("%q read as %d and %q", id, h, addr)
			}
		}
		if h, addr, err := parseEmailID(id); err == nil {
			local, dom, ok := strings.Cut(addr, "@")
			if h <= 0 || !ok || local == "" || dom == "" {
				t.Fatalf("%q read as %d and %q", id, h, addr)
			}
			if again, addr2, err := parseEmailID(emailID(h, addr)); err != nil || again != h || addr2 != addr {
				t.Fatalf("%q read as %d/%q, which reads back as %d/%q (%v)", id, h, addr, again, addr2, err)
			}
		}
		if h, err := parseHostingID(id); err == nil {
			if again, err := parseHostingID(hostingIDString(h)); err != nil || again != h || h <= 0 {
				t.Fatalf("%q read as %d, which reads back as %d (%v)", id, h, again, err)
			}
		}
	})
}
