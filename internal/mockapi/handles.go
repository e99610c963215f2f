package mockapi

// The test handle. Tests reach the mock's state through one sub-handle per
// service and area, fields of the Server:
//
//	m.Gigas                VMs, accounts, transactions, sessions and TOTP
//	m.Gigahost.Auth        sessions and the 2FA code of POST /authenticate
//	m.Gigahost.Keys        API keys
//	m.Gigahost.SSHKeys     the account's SSH keys
//	m.Gigahost.DNS         zones, records and redirects
//	m.Gigahost.DNSSEC      registered zones' DNSSEC, DS records and reverse zones
//	m.Gigahost.Servers     servers, their orders and deploys, uploaded ISOs
//	m.Gigahost.ServerExtras  reverse DNS and snapshots of servers
//	m.Gigahost.Webhosting  hosting accounts and their mailboxes
//	m.Gigahost.BGP         ASNs, prefix lists, BGP sessions and their addresses
//
// What is about the whole mock stays on the Server: its URLs, the requests
// it received, faults (FailNext, AfterNext, the fault rate), delays and the
// alternative forms (SetAlt). Each handle's methods live next to the state
// they reach, in the area's file. All of them are safe for concurrent use.

// GigasHandle reaches the Gigas side's state: m.Gigas.
type GigasHandle struct{ s *Server }

// GigahostHandle groups the Gigahost areas: m.Gigahost.
type GigahostHandle struct {
	Auth         GigahostAuthHandle
	Keys         APIKeysHandle
	SSHKeys      SSHKeysHandle
	DNS          DNSHandle
	DNSSEC       DNSSECHandle
	Servers      ServersHandle
	ServerExtras ServerExtrasHandle
	Webhosting   WebhostingHandle
	BGP          BGPHandle
}

// GigahostAuthHandle reaches the Gigahost sessions: m.Gigahost.Auth.
type GigahostAuthHandle struct{ s *Server }

// APIKeysHandle reaches the Gigahost API keys: m.Gigahost.Keys.
type APIKeysHandle struct{ s *Server }

// SSHKeysHandle reaches the Gigahost SSH keys: m.Gigahost.SSHKeys.
type SSHKeysHandle struct{ s *Server }

// DNSHandle reaches the Gigahost DNS zones, records and redirects:
// m.Gigahost.DNS.
type DNSHandle struct{ s *Server }

// ServersHandle reaches the Gigahost servers and orders: m.Gigahost.Servers.
type ServersHandle struct{ s *Server }

// ServerExtrasHandle reaches the servers' reverse DNS and snapshots:
// m.Gigahost.ServerExtras.
type ServerExtrasHandle struct{ s *Server }

// WebhostingHandle reaches the Gigahost hosting accounts and mailboxes:
// m.Gigahost.Webhosting.
type WebhostingHandle struct{ s *Server }

// BGPHandle reaches the Gigahost BGP area: m.Gigahost.BGP.
type BGPHandle struct{ s *Server }

// initHandles points every sub-handle at s.
func (s *Server) initHandles() {
	s.Gigas = GigasHandle{s}
	s.Gigahost = GigahostHandle{
		Auth: GigahostAuthHandle{s}, Keys: APIKeysHandle{s}, SSHKeys: SSHKeysHandle{s},
		DNS: DNSHandle{s}, DNSSEC: DNSSECHandle{s}, Servers: ServersHandle{s}, ServerExtras: ServerExtrasHandle{s}, Webhosting: WebhostingHandle{s}, BGP: BGPHandle{s},
	}
}
