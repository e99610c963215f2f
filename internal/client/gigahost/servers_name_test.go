package gigahost

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The name is srv_label when it carries a set name (not srv_name, not the
// default srv<id>.gigahost.no nor srv_hostname), srv_name otherwise.
func TestServerDisplayName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, label, hostname, want string }{
		{"web01", "srv7.gigahost.no", "", "web01"}, // renamed into srv_name
		{"web01", "", "", "web01"},                 // no label
		{"web01", "web01", "", "web01"},            // both
		{"web01", "renamed", "", "renamed"},        // renamed into srv_label
		{"srv7.gigahost.no", "srv7.gigahost.no", "srv7.gigahost.no", "srv7.gigahost.no"},
		{"web01", "host.example", "host.example", "web01"}, // label is the hostname
	} {
		s := Server{Name: client.String(c.name), Label: client.String(c.label), Hostname: client.String(c.hostname), ID: 7}
		if got := s.DisplayName(); got != c.want {
			t.Errorf("srv_name %q, srv_label %q, srv_hostname %q: %q, want %q", c.name, c.label, c.hostname, got, c.want)
		}
	}
}
