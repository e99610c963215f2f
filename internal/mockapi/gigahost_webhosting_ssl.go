package mockapi

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The SSL certificate, DKIM signing and autoresponders of a hosting account
// (docs: § SSL certificates, § Email signing and spam filter, § Catch-all and
// autoresponders). Documented quirk: a certificate is "usually issued within
// a minute", so a request installs it only after the issue delay
// (SetSSLIssueDelay; the mock's provisioning delay by default); until then
// GET shows the previous state. A stalled account (StallSSL) never issues,
// as when the host names do not resolve to the hosting.

// GigahostCertificate is an installed certificate as the mock stores it.
type GigahostCertificate struct {
	Hostnames []string // lower case, sorted
	KeySize   string
	Expires   time.Time
}

// hostingSSLMail is a hosting account's certificate, DKIM setting and
// autoresponders.
type hostingSSLMail struct {
	cert       *GigahostCertificate
	pending    *GigahostCertificate // requested, installed at pendingAt
	pendingAt  time.Time
	issueDelay *time.Duration
	stalled    bool
	dkim       bool
	// autoresponders by full address (gigahost_webhosting_autoresponders.go)
	autoresponders map[string]*GigahostAutoresponder
}

// sslKeySizes are the documented key sizes, the default first.
var sslKeySizes = []string{"secp384r1", "secp256r1", "rsa_4096"}

func (s *Server) registerWebhostingSSLMail(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /webhosting/{id}/ssl", CatWebhosting, "id", s.whSSLGet)
	s.ghRoute(mux, "POST /webhosting/{id}/ssl", CatWebhosting, "id", s.whSSLRequest)
	s.ghRoute(mux, "DELETE /webhosting/{id}/ssl", CatWebhosting, "id", s.whSSLDelete)
	s.ghRoute(mux, "GET /webhosting/{id}/email-dkim", CatWebhosting, "id", s.whDKIMGet)
	s.ghRoute(mux, "PUT /webhosting/{id}/email-dkim", CatWebhosting, "id", s.whDKIMPut)
	s.ghRoute(mux, "POST /webhosting/{id}/autoresponders", CatWebhosting, "id", s.whAutoresponderCreate)
	s.ghRoute(mux, "GET /webhosting/{id}/autoresponders/{email}", CatWebhosting, "id", s.whAutoresponderGet)
	s.ghRoute(mux, "PUT /webhosting/{id}/autoresponders/{email}", CatWebhosting, "id", s.whAutoresponderUpdate)
	s.ghRoute(mux, "DELETE /webhosting/{id}/autoresponders/{email}", CatWebhosting, "id", s.whAutoresponderDelete)
}

// settleSSL installs a pending certificate whose time has come. Callers hold s.mu.
func (a *hostingAccount) settleSSL(now time.Time) {
	x := &a.sslMail
	if x.pending != nil && !x.stalled && !now.Before(x.pendingAt) {
		x.cert, x.pending = x.pending, nil
	}
}

// validSSLHostnames are the names an account can secure: its domain and www.
func (a *hostingAccount) validSSLHostnames() []string {
	return []string{a.Domain, "www." + a.Domain}
}

func (s *Server) whSSLGet(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	a.settleSSL(time.Now())
	ghWrite(w, http.StatusOK, "", sslAnswer(s.altLocked(AltSSLObject), a.sslMail.cert, a.validSSLHostnames()))
}

// sslAnswer is the data of GET /webhosting/{id}/ssl in a form of AltSSLObject.
func sslAnswer(form string, cert *GigahostCertificate, valid []string) any {
	switch form {
	case sslFlatStrings:
		out := map[string]any{"ssl_enabled": "0", "valid_hostnames": valid}
		if cert != nil {
			out["ssl_enabled"] = "1"
			out["cert"] = map[string]any{
				"domains": strings.Join(cert.Hostnames, ","), "expires_at": strconv.FormatInt(cert.Expires.Unix(), 10),
			}
		}
		return out
	case sslPHPEmpty:
		out := map[string]any{"enabled": 0, "certificate": []any{}, "hostnames": valid}
		if cert != nil {
			out["enabled"] = 1
			out["certificate"] = map[string]any{"hostnames": cert.Hostnames, "expires": cert.Expires.Format("2006-01-02")}
		}
		return out
	}
	out := map[string]any{"enabled": cert != nil, "certificate": nil, "hostnames": valid}
	if cert != nil {
		out["certificate"] = map[string]any{"hostnames": cert.Hostnames, "expires": cert.Expires.Format("2006-01-02 15:04:05")}
	}
	if form == sslWrapped {
		return map[string]any{"ssl": out}
	}
	return out
}

// sslRequestNames reads the hostnames of a request: an array of strings.
func sslRequestNames(body map[string]any) ([]string, bool) {
	list, ok := body["hostnames"].([]any)
	if !ok || len(list) == 0 {
		return nil, false
	}
	names := make([]string, 0, len(list))
	for _, v := range list {
		n, ok := v.(string)
		if !ok || strings.TrimSpace(n) == "" {
			return nil, false
		}
		n = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(n), "."))
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, true
}

func (s *Server) whSSLRequest(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	names, ok := sslRequestNames(body)
	keySize, hasKeySize := fieldString(body, "keysize")
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	switch {
	case !ok:
		ghError(w, http.StatusBadRequest, "Required field is invalid: hostnames")
		return
	case hasKeySize && !slices.Contains(sslKeySizes, keySize):
		ghError(w, http.StatusBadRequest, "Required field is invalid: keysize")
		return
	}
	for _, n := range names {
		if n != a.Domain && !strings.HasSuffix(n, "."+a.Domain) {
			ghError(w, http.StatusBadRequest, "All hostnames must be under "+a.Domain+".")
			return
		}
	}
	if !hasKeySize {
		keySize = sslKeySizes[0]
	}
	now := time.Now()
	delay := s.provisioningDelay()
	if a.sslMail.issueDelay != nil {
		delay = *a.sslMail.issueDelay
	}
	a.sslMail.pending = &GigahostCertificate{Hostnames: names, KeySize: keySize, Expires: now.Add(90 * 24 * time.Hour).UTC()}
	a.sslMail.pendingAt = now.Add(delay)
	a.settleSSL(now)
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "SSL certificate requested."})
}

func (s *Server) whSSLDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	a.sslMail.cert, a.sslMail.pending = nil, nil
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "SSL certificate removed."})
}

// withAccount runs change on the hosting account under the lock; false when
// there is no such account.
func (h WebhostingHandle) withAccount(hostingID int64, change func(a *hostingAccount)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	a := h.s.gigahost.webhosting.accounts[hostingID]
	if a == nil {
		return false
	}
	change(a)
	return true
}

// Certificate returns a copy of the account's installed certificate.
func (h WebhostingHandle) Certificate(hostingID int64) (cert GigahostCertificate, ok bool) {
	h.withAccount(hostingID, func(a *hostingAccount) {
		a.settleSSL(time.Now())
		if a.sslMail.cert != nil {
			cert, ok = *a.sslMail.cert, true
			cert.Hostnames = slices.Clone(cert.Hostnames)
		}
	})
	return cert, ok
}

// SetSSLIssueDelay sets how long the account's certificate requests take.
func (h WebhostingHandle) SetSSLIssueDelay(hostingID int64, d time.Duration) {
	h.withAccount(hostingID, func(a *hostingAccount) { a.sslMail.issueDelay = &d })
}

// StallSSL makes the account's certificate requests never issue (stalled
// true), as when the host names do not resolve to the hosting, or issue
// again.
func (h WebhostingHandle) StallSSL(hostingID int64, stalled bool) {
	h.withAccount(hostingID, func(a *hostingAccount) { a.sslMail.stalled = stalled })
}

// SetCertificate installs a certificate for names as if done outside
// Terraform; no names removes it.
func (h WebhostingHandle) SetCertificate(hostingID int64, names ...string) {
	h.withAccount(hostingID, func(a *hostingAccount) {
		a.sslMail.pending = nil
		a.sslMail.cert = nil
		if len(names) > 0 {
			names = slices.Clone(names)
			sort.Strings(names)
			a.sslMail.cert = &GigahostCertificate{Hostnames: names, KeySize: sslKeySizes[0], Expires: time.Now().Add(90 * 24 * time.Hour).UTC()}
		}
	})
}
