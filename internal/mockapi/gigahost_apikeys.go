package mockapi

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// API-key management, /account/apikeys. Only session tokens get here: the
// permission model answers 403 to API-key tokens on every one of these routes
// (see authorize). The create answer carries the secret and prefix but no
// key_id (FIELD-NOTES): clients must find the key by its prefix. PUT takes
// label and permissions only, as documented; anything else in its body (such
// as expires_at) is ignored.

func (s *Server) registerAPIKeys(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /account/apikeys", catAPIKeys, "", s.akList)
	s.ghRoute(mux, "GET /account/apikeys/{id}", catAPIKeys, "", s.akGet)
	s.ghRoute(mux, "GET /account/apikeys/{id}/log", catAPIKeys, "", s.akLog)
	s.ghRoute(mux, "POST /account/apikeys", catAPIKeys, "", s.akCreate)
	s.ghRoute(mux, "PUT /account/apikeys/{id}", catAPIKeys, "", s.akUpdate)
	s.ghRoute(mux, "POST /account/apikeys/{id}/rotate", catAPIKeys, "", s.akRotate)
	s.ghRoute(mux, "DELETE /account/apikeys/{id}", catAPIKeys, "", s.akRevoke)
}

const msgKeyNotFound = "API key not found."

// sweepExpiredKeys auto-revokes the keys whose expires_at has passed, as the
// docs describe. Callers hold s.mu.
func (st *gigahostState) sweepExpiredKeys(now time.Time) {
	for _, k := range st.apiKeys {
		if k.Status == "active" && k.ExpiresAt != 0 && now.Unix() >= k.ExpiresAt {
			k.Status, k.RevokedAt = "revoked", k.ExpiresAt
		}
	}
}

// apiKey finds the key of the {id} wildcard, or answers 404. Callers hold s.mu.
func (s *Server) apiKey(w http.ResponseWriter, r *http.Request) *GigahostAPIKeyRecord {
	s.gigahost.sweepExpiredKeys(time.Now())
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	k := s.gigahost.apiKeys[id]
	if err != nil || k == nil {
		ghError(w, http.StatusNotFound, msgKeyNotFound)
		return nil
	}
	return k
}

// unixOrNull renders a timestamp as the docs do: a numeric string, or null.
func unixOrNull(t int64) any {
	if t == 0 {
		return nil
	}
	return strconv.FormatInt(t, 10)
}

func permissionsJSON(perms map[string]GigahostPermission) map[string]any {
	out := map[string]any{}
	for cat, p := range perms {
		if !idLimited(cat) {
			out[cat] = map[string]any{"mode": p.Mode}
			continue
		}
		o := map[string]any{"mode": p.Mode, "all": p.All}
		if !p.All {
			ids := append([]int64{}, p.IDs...)
			o["ids"] = ids
		}
		out[cat] = o
	}
	return out
}

func apiKeyJSON(k *GigahostAPIKeyRecord) map[string]any {
	var ip any
	if k.LastUsedIP != "" {
		ip = k.LastUsedIP
	}
	return map[string]any{
		"key_id": strconv.FormatInt(k.ID, 10), "key_label": k.Label, "key_prefix": k.Prefix,
		"permissions": permissionsJSON(k.Permissions), "created_at": strconv.FormatInt(k.CreatedAt, 10),
		"expires_at": unixOrNull(k.ExpiresAt), "last_used_at": unixOrNull(k.LastUsedAt), "last_used_ip": ip,
		"status": k.Status, "revoked_at": unixOrNull(k.RevokedAt), "contact_id": "5",
	}
}

func (s *Server) akList(w http.ResponseWriter, _ *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gigahost.sweepExpiredKeys(time.Now())
	ids := make([]int64, 0, len(s.gigahost.apiKeys))
	for id, k := range s.gigahost.apiKeys {
		if k.Status == "active" {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	list := make([]any, 0, len(ids))
	for _, id := range ids {
		list = append(list, apiKeyJSON(s.gigahost.apiKeys[id]))
	}
	ghWrite(w, http.StatusOK, "", list)
}

func (s *Server) akGet(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k := s.apiKey(w, r); k != nil {
		ghWrite(w, http.StatusOK, "", singleObject(s.altLocked(AltAPIKeyObject), "apikey", apiKeyJSON(k)))
	}
}

func (s *Server) akLog(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k := s.apiKey(w, r); k != nil {
		ghWrite(w, http.StatusOK, "", []any{})
	}
}

// labelProblem returns why the API refuses a key label, or "".
func labelProblem(label string) string {
	if label == "" || len(label) > 100 {
		return "Label is required (max 100 characters)."
	}
	if strings.ContainsAny(label, `<>&"'`) {
		return "Label must not contain HTML special characters."
	}
	return ""
}

// parsePermissions reads a permissions object; ok is false when it is malformed.
func parsePermissions(v any) (map[string]GigahostPermission, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	out := map[string]GigahostPermission{}
	for cat, raw := range obj {
		switch cat {
		case CatDNS, CatServers, CatWebhosting, CatRacks, CatSupport, CatBilling, CatAccount:
		default:
			return nil, false
		}
		o, ok := raw.(map[string]any)
		if !ok {
			return nil, false
		}
		mode, _ := fieldString(o, "mode")
		if mode != "r" && mode != "rw" {
			return nil, false
		}
		p := GigahostPermission{Mode: mode, All: true}
		if idLimited(cat) {
			if all, present := fieldBool(o, "all"); present {
				p.All = all
			}
			if !p.All {
				list, ok := o["ids"].([]any)
				if !ok {
					return nil, false
				}
				for _, item := range list {
					id, _, err := fieldInt(map[string]any{"id": item}, "id")
					if err != nil || id <= 0 {
						return nil, false
					}
					p.IDs = append(p.IDs, id)
				}
			}
		}
		out[cat] = p
	}
	return out, true
}

// expiryField reads the optional expires_at of a creation (0 when absent);
// problem says why it is refused.
func expiryField(body map[string]any, now time.Time) (at int64, problem string) {
	at, present, err := fieldInt(body, "expires_at")
	switch {
	case !present:
		return 0, ""
	case err != nil:
		return 0, "Expiry must be a Unix timestamp."
	case at != 0 && at <= now.Unix():
		return 0, "Expiry must be in the future."
	}
	return at, ""
}

func newKeySecret() string {
	return "flux_live_" + strings.ReplaceAll(uuid()+uuid(), "-", "")
}

func (s *Server) akCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	now := time.Now()
	label, _ := fieldString(body, "label")
	if msg := labelProblem(label); msg != "" {
		ghError(w, http.StatusBadRequest, msg)
		return
	}
	expiresAt, msg := expiryField(body, now)
	if msg != "" {
		ghError(w, http.StatusBadRequest, msg)
		return
	}
	perms, ok := parsePermissions(body["permissions"])
	if !ok {
		ghError(w, http.StatusBadRequest, "Invalid permissions payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := &GigahostAPIKeyRecord{Label: label, Secret: newKeySecret(), Permissions: perms, CreatedAt: now.Unix(), ExpiresAt: expiresAt, Status: "active"}
	s.gigahost.addAPIKey(k)
	// No key_id in the answer, like the live API.
	data := map[string]any{"secret": k.Secret, "prefix": k.Prefix, "label": k.Label, "permissions": permissionsJSON(perms)}
	if expiresAt != 0 {
		data["expires_at"] = expiresAt
	}
	ghWrite(w, http.StatusCreated, "API key created.", data)
}

func (s *Server) akUpdate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	label, hasLabel := fieldString(body, "label")
	if hasLabel {
		if msg := labelProblem(label); msg != "" {
			ghError(w, http.StatusBadRequest, msg)
			return
		}
	}
	var perms map[string]GigahostPermission
	_, hasPerms := body["permissions"]
	if hasPerms {
		var ok bool
		if perms, ok = parsePermissions(body["permissions"]); !ok {
			ghError(w, http.StatusBadRequest, "Invalid permissions payload.")
			return
		}
	}
	if !hasLabel && !hasPerms {
		ghError(w, http.StatusBadRequest, "Send at least one of label or permissions.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.apiKey(w, r)
	if k == nil {
		return
	}
	if k.Status != "active" {
		ghError(w, http.StatusBadRequest, "Only active keys can be edited.")
		return
	}
	if hasLabel {
		k.Label = label
	}
	if hasPerms {
		k.Permissions = perms
	}
	ghWrite(w, http.StatusOK, "API key updated.", nil)
}

func (s *Server) akRotate(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.apiKey(w, r)
	if k == nil {
		return
	}
	if k.Status != "active" {
		ghError(w, http.StatusBadRequest, "Only active keys can be rotated.")
		return
	}
	// The previous secret stops working at once.
	k.Secret = newKeySecret()
	k.Prefix = k.Secret[:22]
	ghWrite(w, http.StatusOK, "API key rotated.", map[string]any{"secret": k.Secret, "prefix": k.Prefix})
}

func (s *Server) akRevoke(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.apiKey(w, r)
	if k == nil {
		return
	}
	if k.Status != "active" {
		ghError(w, http.StatusNotFound, msgKeyNotFound)
		return
	}
	k.Status, k.RevokedAt = "revoked", time.Now().Unix()
	ghWrite(w, http.StatusOK, "API key revoked.", nil)
}

// copyKey returns a copy that shares nothing with the mock's record.
func copyKey(k *GigahostAPIKeyRecord) GigahostAPIKeyRecord {
	c := *k
	c.Permissions = map[string]GigahostPermission{}
	for cat, p := range k.Permissions {
		p.IDs = append([]int64(nil), p.IDs...)
		c.Permissions[cat] = p
	}
	return c
}

// Get returns a copy of a key record (revoked ones included).
func (h APIKeysHandle) Get(id int64) (GigahostAPIKeyRecord, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.sweepExpiredKeys(time.Now())
	if k := h.s.gigahost.apiKeys[id]; k != nil {
		return copyKey(k), true
	}
	return GigahostAPIKeyRecord{}, false
}

// BySecret returns a copy of the record of a secret.
func (h APIKeysHandle) BySecret(secret string) (GigahostAPIKeyRecord, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.sweepExpiredKeys(time.Now())
	for _, k := range h.s.gigahost.apiKeys {
		if k.Secret == secret {
			return copyKey(k), true
		}
	}
	return GigahostAPIKeyRecord{}, false
}

// Change changes a key as if done outside Terraform (for
// instance ExpiresAt in the past to simulate an expiry).
func (h APIKeysHandle) Change(id int64, change func(k *GigahostAPIKeyRecord)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if k := h.s.gigahost.apiKeys[id]; k != nil {
		change(k)
		return true
	}
	return false
}

// ActiveCount counts the keys that are active now.
func (h APIKeysHandle) ActiveCount() int {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.sweepExpiredKeys(time.Now())
	n := 0
	for _, k := range h.s.gigahost.apiKeys {
		if k.Status == "active" {
			n++
		}
	}
	return n
}

// singleObject shapes one object as a form of AltAPIKeyObject or
// AltHostingObject says: bare, in a one-element list, or wrapped under
// wrapper (as an object or a one-element list).
func singleObject(form, wrapper string, obj map[string]any) any {
	switch form {
	case objectList:
		return []any{obj}
	case objectWrapped:
		return map[string]any{wrapper: obj}
	case objectWrappedList:
		return map[string]any{wrapper: []any{obj}}
	}
	return obj
}
