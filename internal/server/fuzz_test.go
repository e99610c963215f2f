package server

import "testing"

// FuzzParseRDNSImportID: an accepted id sets exactly one target, and the
// id the model carries reads back to the same model.
func FuzzParseRDNSImportID(f *testing.F) {
	for _, s := range []string{"18856/193.200.238.21", "18856/2a03:94e0:190e::/48", "18856/2a03:94e0:190e::1/48",
		"18856/::ffff:1.2.3.4/120", "x/1.2.3.4", "18856/", "18856", "18856/1.2.3.4/32"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		m, err := parseRDNSImportID(id)
		if err != nil {
			return
		}
		if m.IPAddress.IsNull() == m.IPv6Subnet.IsNull() {
			t.Fatalf("%q: not exactly one of ip_address and ipv6_subnet", id)
		}
		again, err := parseRDNSImportID(m.ID.ValueString())
		if err != nil || again.ID != m.ID || again.ServerID != m.ServerID {
			t.Fatalf("%q read with id %q, which reads back as %q (%v)", id, m.ID.ValueString(), again.ID.ValueString(), err)
		}
	})
}
