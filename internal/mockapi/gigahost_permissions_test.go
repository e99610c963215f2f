package mockapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// These tests exercise the API-key permission model with a plain HTTP client:
// against the mock's own routes (web hosting, API keys) and, for the dns and
// servers categories, against probe routes registered through ghRoute the way
// the DNS and server files register theirs.

type ghResp struct {
	Status int
	Meta   struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"meta"`
	Data json.RawMessage `json:"data"`
}

// call sends one request with a Bearer token ("" for none) to base+path.
func call(t *testing.T, base, method, path, token string, body any) ghResp {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out ghResp
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s %s: decoding: %v", method, path, err)
	}
	out.Status = resp.StatusCode
	return out
}

func startMock(t *testing.T) (*Server, string) {
	t.Helper()
	m := New(Options{Seed: 1})
	m.Start()
	t.Cleanup(m.Close)
	return m, m.GigahostURL()
}

func sessionToken(t *testing.T, base string) string {
	t.Helper()
	r := call(t, base, "POST", "/authenticate", "", map[string]any{"username": GigahostUsername, "password": GigahostPassword})
	var data struct {
		Token string `json:"token"`
	}
	if r.Status != 200 || json.Unmarshal(r.Data, &data) != nil || data.Token == "" {
		t.Fatalf("login: HTTP %d %s", r.Status, r.Data)
	}
	return data.Token
}

func expectStatus(t *testing.T, r ghResp, want int, what string) {
	t.Helper()
	if r.Status != want || r.Meta.Status != want {
		t.Errorf("%s: HTTP %d (meta %d, %q), want %d", what, r.Status, r.Meta.Status, r.Meta.Message, want)
	}
}

func hostingIDs(t *testing.T, r ghResp) []int64 {
	t.Helper()
	var data struct {
		Hosting []struct {
			ID int64 `json:"hosting_id"`
		} `json:"hosting"`
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatalf("list: %v in %s", err, r.Data)
	}
	ids := []int64{}
	for _, h := range data.Hosting {
		ids = append(ids, h.ID)
	}
	return ids
}

func mailbox(local string) map[string]any {
	return map[string]any{"email": local, "password": "correct-horse", "quota": 100}
}

func TestPermissionsAuthentication(t *testing.T) {
	t.Parallel()
	_, base := startMock(t)
	expectStatus(t, call(t, base, "GET", "/webhosting", "", nil), 401, "no token")
	expectStatus(t, call(t, base, "GET", "/webhosting", "flux_live_unknown", nil), 401, "unknown key")
	expectStatus(t, call(t, base, "GET", "/webhosting", sessionToken(t, base), nil), 200, "session")
	expectStatus(t, call(t, base, "GET", "/webhosting", GigahostAPIKey, nil), 200, "seeded full key")

	req, _ := http.NewRequestWithContext(t.Context(), "GET", base+"/webhosting", nil)
	req.SetBasicAuth(GigahostUsername, GigahostPassword)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("basic auth: HTTP %d, want 200", resp.StatusCode)
	}
}

func TestPermissionsModes(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	readOnly := m.Gigahost.Keys.Add("read", map[string]GigahostPermission{CatWebhosting: {Mode: "r", All: true}}, 0)
	readWrite := m.Gigahost.Keys.Add("rw", map[string]GigahostPermission{CatWebhosting: {Mode: "rw", All: true}}, 0)
	badMode := m.Gigahost.Keys.Add("bad", map[string]GigahostPermission{CatWebhosting: {Mode: "x", All: true}}, 0)

	expectStatus(t, call(t, base, "GET", "/webhosting", readOnly, nil), 200, "r: list")
	expectStatus(t, call(t, base, "GET", fmt.Sprintf("/webhosting/%d/emails", GigahostHostingID), readOnly, nil), 200, "r: read")
	r := call(t, base, "POST", fmt.Sprintf("/webhosting/%d/emails", GigahostHostingID), readOnly, mailbox("ro"))
	expectStatus(t, r, 403, "r: write")
	if !strings.Contains(r.Meta.Message, "read-only") {
		t.Errorf("r: write message %q does not say read-only", r.Meta.Message)
	}
	if m.Gigahost.Webhosting.MailboxCount(GigahostHostingID) != 0 {
		t.Error("a refused write changed the mock")
	}
	expectStatus(t, call(t, base, "POST", fmt.Sprintf("/webhosting/%d/emails", GigahostHostingID), readWrite, mailbox("rw")), 201, "rw: write")
	expectStatus(t, call(t, base, "DELETE", fmt.Sprintf("/webhosting/%d/emails/rw@%s", GigahostHostingID, GigahostHostingDomain), readOnly, nil), 403, "r: delete")
	expectStatus(t, call(t, base, "GET", "/webhosting", badMode, nil), 403, "unknown mode")
}

func TestPermissionsIDs(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	limited := m.Gigahost.Keys.Add("one account", map[string]GigahostPermission{CatWebhosting: {Mode: "rw", IDs: []int64{GigahostHostingID}}}, 0)

	if ids := hostingIDs(t, call(t, base, "GET", "/webhosting", limited, nil)); len(ids) != 1 || ids[0] != GigahostHostingID {
		t.Errorf("limited list = %v, want only %d", ids, GigahostHostingID)
	}
	if ids := hostingIDs(t, call(t, base, "GET", "/webhosting", GigahostAPIKey, nil)); len(ids) != 2 {
		t.Errorf("full list = %v, want both seeded accounts", ids)
	}
	expectStatus(t, call(t, base, "GET", fmt.Sprintf("/webhosting/%d", GigahostHostingID), limited, nil), 200, "listed id: read")
	expectStatus(t, call(t, base, "GET", fmt.Sprintf("/webhosting/%d", GigahostOtherHostingID), limited, nil), 403, "other id: read")
	expectStatus(t, call(t, base, "POST", fmt.Sprintf("/webhosting/%d/emails", GigahostHostingID), limited, mailbox("in")), 201, "listed id: write")
	expectStatus(t, call(t, base, "POST", fmt.Sprintf("/webhosting/%d/emails", GigahostOtherHostingID), limited, mailbox("out")), 403, "other id: write")
	if m.Gigahost.Webhosting.MailboxCount(GigahostOtherHostingID) != 0 {
		t.Error("a refused write changed the other account")
	}
}

// TestPermissionsProbeRoutes checks dns and servers, whose real routes live in
// other files, through probe routes registered with ghRoute.
func TestPermissionsProbeRoutes(t *testing.T) {
	t.Parallel()
	m := New(Options{Seed: 1})
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request, p principal) {
		ghWrite(w, http.StatusOK, "", map[string]any{"zone_123_visible": p.canSee(CatDNS, 123), "zone_456_visible": p.canSee(CatDNS, 456)})
	}
	m.ghRoute(mux, "GET /dns/zones", CatDNS, "", ok)
	m.ghRoute(mux, "POST /dns/zones", CatDNS, "", ok)
	m.ghRoute(mux, "GET /dns/zones/{zone_id}/records", CatDNS, "zone_id", ok)
	m.ghRoute(mux, "POST /dns/zones/{zone_id}/records", CatDNS, "zone_id", ok)
	m.ghRoute(mux, "GET /servers/{id}", CatServers, "id", ok)
	m.ghRoute(mux, "POST /servers/{id}/reboot", CatServers, "id", ok)
	m.ghRoute(mux, "GET /account", CatAccount, "", ok)
	m.ghRoute(mux, "PUT /account", CatAccount, "", ok)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := srv.URL

	key := m.Gigahost.Keys.Add("doc example", map[string]GigahostPermission{
		CatDNS:     {Mode: "rw", IDs: []int64{123}},
		CatServers: {Mode: "r", All: true},
		CatAccount: {Mode: "r"},
	}, 0)
	expectStatus(t, call(t, base, "GET", "/dns/zones/123/records", key, nil), 200, "dns listed zone read")
	expectStatus(t, call(t, base, "POST", "/dns/zones/123/records", key, nil), 200, "dns listed zone write")
	expectStatus(t, call(t, base, "GET", "/dns/zones/456/records", key, nil), 403, "dns other zone read")
	expectStatus(t, call(t, base, "POST", "/dns/zones/456/records", key, nil), 403, "dns other zone write")
	expectStatus(t, call(t, base, "POST", "/dns/zones", key, nil), 403, "dns create with a limited key")
	r := call(t, base, "GET", "/dns/zones", key, nil)
	expectStatus(t, r, 200, "dns list")
	if !strings.Contains(string(r.Data), `"zone_123_visible":true`) || !strings.Contains(string(r.Data), `"zone_456_visible":false`) {
		t.Errorf("canSee for a limited dns key: %s", r.Data)
	}
	expectStatus(t, call(t, base, "GET", "/servers/9", key, nil), 200, "servers r all")
	expectStatus(t, call(t, base, "POST", "/servers/9/reboot", key, nil), 403, "servers r write")
	expectStatus(t, call(t, base, "GET", "/account", key, nil), 200, "account r")
	expectStatus(t, call(t, base, "PUT", "/account", key, nil), 403, "account r write")

	noDNS := m.Gigahost.Keys.Add("servers only", map[string]GigahostPermission{CatServers: {Mode: "rw", All: true}}, 0)
	r = call(t, base, "GET", "/dns/zones", noDNS, nil)
	expectStatus(t, r, 403, "missing category")
	if !strings.Contains(r.Meta.Message, "no access to dns") {
		t.Errorf("missing category message %q", r.Meta.Message)
	}
}

func TestPermissionsExpiryAndRevocation(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	session := sessionToken(t, base)
	full := map[string]GigahostPermission{CatWebhosting: {Mode: "rw", All: true}}

	expiring := m.Gigahost.Keys.Add("expiring", full, time.Now().Add(time.Hour).Unix())
	expectStatus(t, call(t, base, "GET", "/webhosting", expiring, nil), 200, "before expiry")
	rec, _ := m.Gigahost.Keys.BySecret(expiring)
	m.Gigahost.Keys.Change(rec.ID, func(k *GigahostAPIKeyRecord) { k.ExpiresAt = time.Now().Add(-time.Second).Unix() })
	expectStatus(t, call(t, base, "GET", "/webhosting", expiring, nil), 401, "after expiry")
	var listed []struct {
		ID string `json:"key_id"`
	}
	r := call(t, base, "GET", "/account/apikeys", session, nil)
	if err := json.Unmarshal(r.Data, &listed); err != nil {
		t.Fatal(err)
	}
	for _, k := range listed {
		if k.ID == fmt.Sprint(rec.ID) {
			t.Error("an expired key is still listed as active")
		}
	}
	var got struct {
		Status    string `json:"status"`
		RevokedAt string `json:"revoked_at"`
	}
	r = call(t, base, "GET", fmt.Sprintf("/account/apikeys/%d", rec.ID), session, nil)
	if err := json.Unmarshal(r.Data, &got); err != nil || got.Status != "revoked" || got.RevokedAt == "" {
		t.Errorf("expired key: %s", r.Data)
	}

	revoked := m.Gigahost.Keys.Add("revoked", full, 0)
	rec, _ = m.Gigahost.Keys.BySecret(revoked)
	expectStatus(t, call(t, base, "DELETE", fmt.Sprintf("/account/apikeys/%d", rec.ID), session, nil), 200, "revoke")
	expectStatus(t, call(t, base, "GET", "/webhosting", revoked, nil), 401, "after revocation")
	expectStatus(t, call(t, base, "DELETE", fmt.Sprintf("/account/apikeys/%d", rec.ID), session, nil), 404, "revoke twice")
}

func TestPermissionsAPIKeysNeedSession(t *testing.T) {
	t.Parallel()
	_, base := startMock(t)
	session := sessionToken(t, base)
	for _, c := range []struct{ method, path string }{
		{"GET", "/account/apikeys"}, {"GET", "/account/apikeys/1"}, {"POST", "/account/apikeys"},
		{"PUT", "/account/apikeys/1"}, {"POST", "/account/apikeys/1/rotate"}, {"DELETE", "/account/apikeys/1"},
	} {
		r := call(t, base, c.method, c.path, GigahostAPIKey, map[string]any{"label": "x"})
		expectStatus(t, r, 403, "API key on "+c.method+" "+c.path)
		if r.Meta.Message != "You do not have permission for this operation." {
			t.Errorf("%s %s: message %q", c.method, c.path, r.Meta.Message)
		}
	}
	expectStatus(t, call(t, base, "GET", "/account/apikeys", session, nil), 200, "session list")
}

func TestAPIKeyLifecycle(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	session := sessionToken(t, base)
	create := map[string]any{
		"label":       "CI deployment",
		"expires_at":  time.Now().Add(24 * time.Hour).Unix(),
		"permissions": map[string]any{"webhosting": map[string]any{"mode": "rw", "all": false, "ids": []any{GigahostHostingID, "1240"}}, "billing": map[string]any{"mode": "r"}},
	}
	r := call(t, base, "POST", "/account/apikeys", session, create)
	expectStatus(t, r, 201, "create")
	var created map[string]any
	if err := json.Unmarshal(r.Data, &created); err != nil {
		t.Fatal(err)
	}
	if _, has := created["key_id"]; has {
		t.Error("the create answer carries key_id; the live API does not")
	}
	secret, _ := created["secret"].(string)
	prefix, _ := created["prefix"].(string)
	if !strings.HasPrefix(secret, "flux_live_") || len(secret) != len("flux_live_")+64 || !strings.HasPrefix(secret, prefix) {
		t.Fatalf("secret %q, prefix %q", secret, prefix)
	}
	rec, ok := m.Gigahost.Keys.BySecret(secret)
	if !ok || rec.Permissions[CatWebhosting].All || len(rec.Permissions[CatWebhosting].IDs) != 2 {
		t.Fatalf("stored key: %+v", rec)
	}
	expectStatus(t, call(t, base, "GET", "/webhosting", secret, nil), 200, "new key works")

	r = call(t, base, "POST", fmt.Sprintf("/account/apikeys/%d/rotate", rec.ID), session, nil)
	expectStatus(t, r, 200, "rotate")
	var rotated struct {
		Secret string `json:"secret"`
	}
	_ = json.Unmarshal(r.Data, &rotated)
	expectStatus(t, call(t, base, "GET", "/webhosting", secret, nil), 401, "old secret after rotation")
	expectStatus(t, call(t, base, "GET", "/webhosting", rotated.Secret, nil), 200, "new secret after rotation")

	expectStatus(t, call(t, base, "PUT", fmt.Sprintf("/account/apikeys/%d", rec.ID), session, map[string]any{"permissions": map[string]any{"webhosting": map[string]any{"mode": "r", "all": true}}}), 200, "update")
	expectStatus(t, call(t, base, "POST", fmt.Sprintf("/webhosting/%d/emails", GigahostHostingID), rotated.Secret, mailbox("x")), 403, "write after update to r")

	// PUT takes label and permissions only (the docs): an expiry alone is
	// refused, and next to a label it is ignored.
	keyPath := fmt.Sprintf("/account/apikeys/%d", rec.ID)
	later := time.Now().Add(48 * time.Hour).Unix()
	expectStatus(t, call(t, base, "PUT", keyPath, session, map[string]any{"expires_at": later}), 400, "update of the expiry alone")
	expectStatus(t, call(t, base, "PUT", keyPath, session, map[string]any{"label": "renamed", "expires_at": later}), 200, "update with an expiry")
	if after, _ := m.Gigahost.Keys.Get(rec.ID); after.Label != "renamed" || after.ExpiresAt != rec.ExpiresAt {
		t.Errorf("after PUT: label %q, expires_at %d, want renamed and %d (unchanged)", after.Label, after.ExpiresAt, rec.ExpiresAt)
	}

	for name, body := range map[string]map[string]any{
		"no label":          {"permissions": map[string]any{}},
		"html label":        {"label": "<b>", "permissions": map[string]any{}},
		"past expiry":       {"label": "x", "expires_at": 1000, "permissions": map[string]any{}},
		"bad mode":          {"label": "x", "permissions": map[string]any{"dns": map[string]any{"mode": "w"}}},
		"unknown category":  {"label": "x", "permissions": map[string]any{"mail": map[string]any{"mode": "r"}}},
		"ids not a list":    {"label": "x", "permissions": map[string]any{"dns": map[string]any{"mode": "r", "all": false, "ids": 5}}},
		"permissions array": {"label": "x", "permissions": []any{}},
	} {
		expectStatus(t, call(t, base, "POST", "/account/apikeys", session, body), 400, name)
	}
}
