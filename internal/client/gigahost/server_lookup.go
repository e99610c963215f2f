package gigahost

import (
	"context"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Server lookups for the server data sources.

// Gone reports whether the record shows the server cancelled or deleted:
// srv_deleted, or "cancelled" carrying anything. An order_status of
// "cancelled" alone is not gone: the docs' GET /servers/{id} example shows it
// on a live server.
func (s *Server) Gone() bool { return s.Deleted() || bool(s.CancelledAt) }

// HostName is srv_hostname, or srv_name when it is empty: live records keep
// srv_hostname empty and the ordered host name in srv_name.
func (s *Server) HostName() string {
	if s.Hostname != "" {
		return string(s.Hostname)
	}
	return string(s.Name)
}

// MatchServers lists the servers that are not gone and pass match. When
// none does, the list is read again over the absence window (AbsenceReads
// reads) before nil is returned: the live API sometimes omits a live server
// from GET /servers for tens of seconds.
func (c *Client) MatchServers(ctx context.Context, match func(*Server) bool) ([]Server, error) {
	var hits []Server
	missing := c.newAbsence()
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		servers, err := c.ListServers(ctx)
		if err != nil {
			return false, err
		}
		hits = hits[:0]
		for i := range servers {
			if !servers[i].Gone() && match(&servers[i]) {
				hits = append(hits, servers[i])
			}
		}
		return len(hits) > 0 || missing.missed(), nil
	})
	return hits, err
}

// ServerNamed reports whether the server's host name or descriptive name
// (either name field) is name; host names compare without case.
func ServerNamed(s *Server, hostname, name string) bool {
	if hostname != "" {
		return strings.EqualFold(s.HostName(), hostname)
	}
	return s.DisplayName() == name || string(s.Name) == name || string(s.Label) == name
}
