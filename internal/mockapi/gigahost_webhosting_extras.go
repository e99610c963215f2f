package mockapi

import "net/http"

// The web-hosting items beside the mailboxes, as documented under
// /webhosting/{id}: e-mail forwarders, databases and FTP accounts
// (gigahost_webhosting_forwarders.go, _databases.go, _ftp.go). The docs show no example answer for any of
// their lists, so every list answers in the forms of its Alt
// (alternatives_webhosting_extras.go).

// hostingExtras is what a hosting account holds beside its mailboxes.
type hostingExtras struct {
	forwarders map[string][]string            // by the part before the @
	databases  map[string]*GigahostDatabase   // by the stored name
	ftp        map[string]*GigahostFTPAccount // by the username given
}

// extrasOf returns a's extras, made on first use. Callers hold s.mu.
func extrasOf(a *hostingAccount) *hostingExtras {
	if a.extras.forwarders == nil {
		a.extras.forwarders = map[string][]string{}
		a.extras.databases = map[string]*GigahostDatabase{}
		a.extras.ftp = map[string]*GigahostFTPAccount{}
	}
	return &a.extras
}

func (s *Server) registerWebhostingExtras(mux *http.ServeMux) {
	s.registerForwarders(mux)
	s.registerDatabases(mux)
	s.registerFTP(mux)
}

// withAccount runs fn on the account of the {id} wildcard under s.mu, or
// answers 404.
func (s *Server) withAccount(w http.ResponseWriter, r *http.Request, fn func(a *hostingAccount, x *hostingExtras)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.hostingAccount(w, r); a != nil {
		fn(a, extrasOf(a))
	}
}

// extras runs fn on the extras of a hosting account for a test handle;
// false when there is no such account.
func (h WebhostingHandle) extras(hostingID int64, fn func(a *hostingAccount, x *hostingExtras)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	a := h.s.gigahost.webhosting.accounts[hostingID]
	if a == nil {
		return false
	}
	fn(a, extrasOf(a))
	return true
}
