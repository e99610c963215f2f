package gigahost

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

// The docs show no answer of GET /webhosting/{id}/ssl: every form of the
// mock's gigahost.ssl-object is read alike, and an answer that is not
// recognised is an error, never "no certificate".
func TestHostingSSLForms(t *testing.T) {
	want := HostingSSL{
		Enabled: true, Installed: true, Hostnames: []string{"example.no", "www.example.no"},
		ValidHostnames: []string{"example.no", "www.example.no"},
	}
	for name, c := range map[string]struct {
		raw     string
		expires time.Time
	}{
		"nested": {`{"enabled": true, "certificate": {"hostnames": ["www.example.no", "Example.no."], "expires": "2027-02-28 12:00:00"},
			"hostnames": ["example.no", "www.example.no"]}`, time.Date(2027, 2, 28, 12, 0, 0, 0, time.UTC)},
		"strings": {`{"ssl_enabled": "1", "cert": {"domains": "example.no, www.example.no", "expires_at": "1803816000"},
			"valid_hostnames": ["example.no", "www.example.no"]}`, time.Unix(1803816000, 0).UTC()},
		"php-empty": {`{"enabled": 1, "certificate": {"hostnames": ["example.no", "www.example.no"], "expires": "2027-02-28"},
			"hostnames": ["example.no", "www.example.no"]}`, time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)},
		"wrapped": {`{"ssl": {"enabled": true, "certificate": {"hostnames": ["example.no", "www.example.no"], "expires": "2027-02-28T12:00:00Z"},
			"hostnames": ["example.no", "www.example.no"]}}`, time.Date(2027, 2, 28, 12, 0, 0, 0, time.UTC)},
	} {
		got, err := decodeHostingSSL(json.RawMessage(c.raw))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.Enabled != want.Enabled || got.Installed != want.Installed || !slices.Equal(got.Hostnames, want.Hostnames) ||
			!slices.Equal(got.ValidHostnames, want.ValidHostnames) || !got.Expires.Equal(c.expires) {
			t.Errorf("%s: got %+v", name, got)
		}
		if !got.Covers([]string{"www.example.no", "example.no"}) || got.Covers([]string{"shop.example.no"}) {
			t.Errorf("%s: Covers is wrong for %v", name, got.Hostnames)
		}
	}
	for _, none := range []string{
		`{"enabled": false, "certificate": null, "hostnames": ["example.no"]}`,
		`{"ssl_enabled": "0", "valid_hostnames": ["example.no"]}`,
		`{"enabled": 0, "certificate": [], "hostnames": ["example.no"]}`,
		`{"ssl": {"enabled": false, "certificate": false, "hostnames": ["example.no"]}}`,
	} {
		got, err := decodeHostingSSL(json.RawMessage(none))
		if err != nil || got.Installed || got.Enabled || got.Covers([]string{"example.no"}) || len(got.ValidHostnames) != 1 {
			t.Errorf("%s: got %+v, %v; want no certificate", none, got, err)
		}
	}
	for _, bad := range []string{
		`[]`, `{"status": "ok"}`, `"enabled"`,
		`{"enabled": true, "certificate": "yes"}`,
		`{"enabled": true, "certificate": {"issuer": "R3"}}`,
		`{"enabled": true, "certificate": {"hostnames": ["example.no"], "expires": "next spring"}}`,
		`{"enabled": "maybe"}`,
	} {
		if got, err := decodeHostingSSL(json.RawMessage(bad)); err == nil {
			t.Errorf("%s: read as %+v, want an error", bad, got)
		}
	}
}
