package mockapi

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The Gigahost side of the mock: the {meta, data} envelope, session and
// API-key authentication, and the API-key permission model that every
// Gigahost route goes through. Each API area registers its routes from its
// own file (gigahost_dns.go, gigahost_deploy.go, ...).

// Seeded Gigahost credentials.
const (
	GigahostUsername   = "ops@example.no"
	GigahostPassword   = "fjord-skies-42"
	GigahostCustomerID = 1111
	// GigahostAPIKey is a full-access API key (every category rw, all ids).
	GigahostAPIKey = "flux_live_00000000000000000000000000000000000000000000000000000000000000aa"
)

// Permission categories of API keys.
const (
	CatDNS        = "dns"
	CatServers    = "servers"
	CatWebhosting = "webhosting"
	CatRacks      = "racks"
	CatSupport    = "support"
	CatBilling    = "billing"
	CatAccount    = "account"
	// catAPIKeys marks /account/apikeys: session tokens only.
	catAPIKeys = "apikeys"
	// catPublic marks routes that need no authentication.
	catPublic = "public"
)

// GigahostPermission is one category of an API key's permissions.
type GigahostPermission struct {
	Mode string // "r" or "rw"
	All  bool
	IDs  []int64
}

// GigahostAPIKeyRecord is the mock's record of an API key.
type GigahostAPIKeyRecord struct {
	ID          int64
	Label       string
	Secret      string
	Prefix      string
	Permissions map[string]GigahostPermission
	CreatedAt   int64
	ExpiresAt   int64 // 0: never
	LastUsedAt  int64
	LastUsedIP  string
	Status      string // active, revoked
	RevokedAt   int64
}

func (k *GigahostAPIKeyRecord) activeAt(now time.Time) bool {
	return k.Status == "active" && (k.ExpiresAt == 0 || now.Unix() < k.ExpiresAt)
}

type gigahostState struct {
	sessions  map[string]time.Time // token -> expiry
	otp       string
	apiKeys   map[int64]*GigahostAPIKeyRecord
	nextKeyID int64

	// Each API area keeps its state in its own file's type.
	dns        *dnsState
	deploy     *deployState
	webhosting *webhostingState
	sshKeys    *sshKeyState
	redirects  map[int64][]*dnsRedirect // by zone id; gigahost_dns_redirect.go
	bgp        *bgpState                // gigahost_bgp.go
}

func newGigahostState() *gigahostState {
	st := &gigahostState{
		sessions: map[string]time.Time{}, apiKeys: map[int64]*GigahostAPIKeyRecord{}, nextKeyID: 1,
		dns: newDNSState(), deploy: newDeployState(), webhosting: newWebhostingState(), sshKeys: newSSHKeyState(),
		bgp: newBGPState(),
	}
	full := map[string]GigahostPermission{}
	for _, c := range []string{CatDNS, CatServers, CatWebhosting} {
		full[c] = GigahostPermission{Mode: "rw", All: true}
	}
	for _, c := range []string{CatRacks, CatSupport, CatBilling, CatAccount} {
		full[c] = GigahostPermission{Mode: "rw"}
	}
	st.addAPIKey(&GigahostAPIKeyRecord{Label: "seeded full access", Secret: GigahostAPIKey, Permissions: full, CreatedAt: time.Now().Unix(), Status: "active"})
	return st
}

func (st *gigahostState) addAPIKey(k *GigahostAPIKeyRecord) {
	k.ID = st.nextKeyID
	st.nextKeyID++
	if k.Prefix == "" {
		k.Prefix = k.Secret[:min(len(k.Secret), 22)]
	}
	st.apiKeys[k.ID] = k
}

// principal is who is calling: a session (full access) or an API key.
type principal struct {
	key *GigahostAPIKeyRecord // nil for a session
}

// canSee reports whether the caller may read the object id of a category.
// Callers hold s.mu.
func (p principal) canSee(category string, id int64) bool {
	if p.key == nil {
		return true
	}
	perm, ok := p.key.Permissions[category]
	if !ok || (perm.Mode != "r" && perm.Mode != "rw") {
		return false
	}
	return perm.All || !idLimited(category) || slices.Contains(perm.IDs, id)
}

// ghHandler is a Gigahost route's handler, called with s.mu NOT held.
type ghHandler func(w http.ResponseWriter, r *http.Request, p principal)

// ghRoute registers a Gigahost route. category is the permission category it
// belongs to; idParam, when not empty, names the path wildcard holding the
// object id that an API key limited to ids must be allowed.
func (s *Server) ghRoute(mux *http.ServeMux, pattern, category, idParam string, h ghHandler) {
	method, _, _ := strings.Cut(pattern, " ")
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if s.Alt(AltErrorStatus) == errorsAs200 {
			w = errorsAs200Writer{w}
		}
		if category == catPublic {
			h(w, r, principal{})
			return
		}
		p, status, msg := s.authorize(r, method, category, idParam)
		if status != 0 {
			ghError(w, status, msg)
			return
		}
		h(w, r, p)
	})
}

// errorsAs200Writer sends a 4xx answer as HTTP 200, its envelope unchanged
// (meta.status keeps the error): the AltErrorStatus form errorsAs200.
type errorsAs200Writer struct{ http.ResponseWriter }

func (w errorsAs200Writer) WriteHeader(code int) {
	if code >= 400 && code < 500 {
		code = http.StatusOK
	}
	w.ResponseWriter.WriteHeader(code)
}

// authorize applies the API-key permission model of the docs ("API Keys",
// "API Key Authentication") and the field notes:
//   - a session (Bearer token from POST /authenticate, or HTTP Basic with the
//     account's username and password) may do everything;
//   - an API key needs its category: one that is absent means no access;
//   - mode "r" lets GET through and refuses every other method, "rw" allows all;
//   - all=false limits dns, servers and webhosting to ids: reads of another
//     object and every write that does not target a listed id (creations
//     included) are refused, and list handlers filter with principal.canSee;
//   - a revoked or expired key (expires_at reached) is refused like an
//     unknown token;
//   - API keys never reach /account/apikeys nor /my/*.
func (s *Server) authorize(r *http.Request, method, category, idParam string) (principal, int, string) {
	auth := r.Header.Get("Authorization")
	if user, pass, ok := r.BasicAuth(); ok {
		if user != GigahostUsername || pass != GigahostPassword {
			return principal{}, http.StatusUnauthorized, "Wrong username or password."
		}
		return principal{}, 0, ""
	}
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || token == "" {
		return principal{}, http.StatusUnauthorized, "Authentication required."
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if exp, ok := s.gigahost.sessions[token]; ok {
		if now.After(exp) {
			return principal{}, http.StatusUnauthorized, "Token expired."
		}
		return principal{}, 0, ""
	}
	var key *GigahostAPIKeyRecord
	for _, k := range s.gigahost.apiKeys {
		if k.Secret == token {
			key = k
		}
	}
	if key == nil || !key.activeAt(now) {
		return principal{}, http.StatusUnauthorized, "Invalid or expired token."
	}
	key.LastUsedAt = now.Unix()
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		key.LastUsedIP = host
	}
	p := principal{key: key}
	if category == catAPIKeys || strings.HasPrefix(r.URL.Path, "/my/") {
		return p, http.StatusForbidden, "You do not have permission for this operation."
	}
	perm, ok := key.Permissions[category]
	if !ok || (perm.Mode != "r" && perm.Mode != "rw") {
		return p, http.StatusForbidden, fmt.Sprintf("This API key has no access to %s.", category)
	}
	write := method != http.MethodGet && method != http.MethodHead
	if write && perm.Mode != "rw" {
		return p, http.StatusForbidden, fmt.Sprintf("This API key has read-only access to %s.", category)
	}
	if perm.All || !idLimited(category) {
		return p, 0, ""
	}
	if idParam == "" {
		if write {
			return p, http.StatusForbidden, fmt.Sprintf("This API key is limited to some %s objects and cannot make this change.", category)
		}
		return p, 0, "" // a list: the handler filters with canSee
	}
	id, err := strconv.ParseInt(r.PathValue(idParam), 10, 64)
	if err != nil || !slices.Contains(perm.IDs, id) {
		return p, http.StatusForbidden, fmt.Sprintf("This API key has no access to this %s object.", category)
	}
	return p, 0, ""
}

// idLimited reports whether a category can be limited to a list of ids.
func idLimited(category string) bool {
	return category == CatDNS || category == CatServers || category == CatWebhosting
}

// ghWrite answers in the envelope. data nil is sent as [] like the live API.
func ghWrite(w http.ResponseWriter, status int, message string, data any) {
	if data == nil {
		data = []any{}
	}
	meta := map[string]any{
		"status": status, "status_message": fmt.Sprintf("%d %s", status, http.StatusText(status)),
		"maintenance": false, "time": time.Now().Unix(),
	}
	if message != "" {
		meta["message"] = message
	}
	writeJSON(w, status, map[string]any{"meta": meta, "data": data})
}

func ghError(w http.ResponseWriter, status int, message string) {
	ghWrite(w, status, message, nil)
}

// RequireOTP makes POST /authenticate demand this 2FA code.
func (h GigahostAuthHandle) RequireOTP(code string) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.otp = code
}

// ExpireSessions ends every session token at once.
func (h GigahostAuthHandle) ExpireSessions() {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	for t := range h.s.gigahost.sessions {
		h.s.gigahost.sessions[t] = time.Now().Add(-time.Second)
	}
}

// Add adds a key with the given permissions and returns its secret.
func (h APIKeysHandle) Add(label string, perms map[string]GigahostPermission, expiresAt int64) string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	secret := "flux_live_" + strings.ReplaceAll(uuid()+uuid(), "-", "")
	h.s.gigahost.addAPIKey(&GigahostAPIKeyRecord{Label: label, Secret: secret, Permissions: perms, CreatedAt: time.Now().Unix(), ExpiresAt: expiresAt, Status: "active"})
	return secret
}

func (s *Server) registerGigahost(mux *http.ServeMux) {
	s.ghRoute(mux, "POST /authenticate", catPublic, "", s.ghAuthenticate)
	s.registerDNS(mux)
	s.registerDeploy(mux)
	s.registerWebhosting(mux)
	s.registerWebhostingExtras(mux)
	s.registerAPIKeys(mux)
	s.registerSSHKeys(mux)
	s.registerDNSRedirects(mux)
	s.registerBGP(mux)
	s.registerDNSSEC(mux)
	s.registerDNSPTR(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		ghError(w, http.StatusNotFound, "Endpoint not found.")
	})
}

func (s *Server) ghAuthenticate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	user, _ := fieldString(body, "username")
	pass, _ := fieldString(body, "password")
	code, _ := fieldString(body, "code")
	s.mu.Lock()
	defer s.mu.Unlock()
	if user != GigahostUsername || pass != GigahostPassword {
		ghError(w, http.StatusUnauthorized, "Wrong username or password.")
		return
	}
	if s.gigahost.otp != "" && code != s.gigahost.otp {
		ghError(w, http.StatusUnauthorized, "Two-factor code required or invalid.")
		return
	}
	token := "ghs_" + strings.ReplaceAll(uuid(), "-", "")
	exp := time.Now().Add(s.opts.SessionTTL)
	s.gigahost.sessions[token] = exp
	ghWrite(w, http.StatusOK, "", map[string]any{"token": token, "token_expire": strconv.FormatInt(exp.Unix(), 10), "customer_id": strconv.Itoa(GigahostCustomerID)})
}
