package gigahost_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestAPIKeyLifecycle(t *testing.T) {
	t.Parallel()
	c, m := mockClient(t, true)
	ctx := context.Background()
	f := client.Bool(false)
	exp := time.Now().Add(time.Hour).Unix()
	created, err := c.CreateAPIKey(ctx, gigahost.APIKeyInput{
		Label:     "ci",
		ExpiresAt: &exp,
		Permissions: gigahost.Permissions{
			gigahost.PermDNS:     {Mode: "rw", All: &f, IDs: []client.Int{123}},
			gigahost.PermAccount: {Mode: "r"},
		},
	})
	if err != nil || created.Key == nil {
		t.Fatalf("CreateAPIKey = %+v, %v", created, err)
	}
	k := created.Key
	if k.Label != "ci" || int64(k.ExpiresAt) != exp || !k.Active(time.Now()) || k.Prefix != created.Prefix {
		t.Errorf("created key %+v", k)
	}
	dns := k.Permissions[gigahost.PermDNS]
	if dns.Mode != "rw" || dns.All == nil || bool(*dns.All) || len(dns.IDs) != 1 || dns.IDs[0] != 123 {
		t.Errorf("dns permission %+v", dns)
	}
	rec, ok := m.Gigahost.Keys.Get(int64(k.ID))
	if !ok || rec.Secret != string(created.Secret) {
		t.Fatalf("mock record %+v", rec)
	}

	label := "ci-2"
	if err := c.UpdateAPIKey(ctx, int64(k.ID), gigahost.APIKeyUpdate{Label: &label, Permissions: gigahost.Permissions{gigahost.PermBilling: {Mode: "r"}}}); err != nil {
		t.Fatal(err)
	}
	got, err := c.APIKey(ctx, int64(k.ID))
	if err != nil || got.Label != "ci-2" || len(got.Permissions) != 1 || got.Permissions[gigahost.PermBilling].Mode != "r" {
		t.Fatalf("after update %+v, %v", got, err)
	}

	// Nothing to change: no request (the API refuses an empty PUT).
	puts := m.CountRequests("gigahost", "PUT", "/account/apikeys")
	if err := c.UpdateAPIKey(ctx, int64(k.ID), gigahost.APIKeyUpdate{}); err != nil {
		t.Fatal(err)
	}
	if n := m.CountRequests("gigahost", "PUT", "/account/apikeys"); n != puts {
		t.Errorf("an empty update sent %d PUT", n-puts)
	}

	rotated, err := c.RotateAPIKey(ctx, int64(k.ID))
	if err != nil || rotated.Secret == created.Secret {
		t.Fatalf("rotate = %+v, %v", rotated, err)
	}
	if _, ok := m.Gigahost.Keys.BySecret(string(created.Secret)); ok {
		t.Error("the old secret still belongs to a key")
	}

	if err := c.RevokeAPIKey(ctx, int64(k.ID)); err != nil {
		t.Fatal(err)
	}
	got, err = c.APIKey(ctx, int64(k.ID))
	if err != nil || got.Active(time.Now()) {
		t.Errorf("after revoke %+v, %v", got, err)
	}
	if _, err := c.APIKey(ctx, 9999); !client.IsNotFound(err) {
		t.Errorf("missing key: %v", err)
	}
}

func TestAPIKeysNeedSession(t *testing.T) {
	t.Parallel()
	c, m := mockClient(t, false)
	_, err := c.APIKeys(context.Background())
	if !errors.Is(err, gigahost.ErrSessionRequired) {
		t.Errorf("APIKeys with an API key: %v", err)
	}
	if n := m.CountRequests("gigahost", "", "/account/apikeys"); n != 0 {
		t.Errorf("%d requests reached the API", n)
	}
}

func TestPermissionsDecoding(t *testing.T) {
	t.Parallel()
	var k gigahost.APIKey
	if err := json.Unmarshal([]byte(`{"key_id":"3","permissions":[],"expires_at":null,"status":"active","revoked_at":null}`), &k); err != nil {
		t.Fatal(err)
	}
	if k.ID != 3 || k.Permissions == nil || len(k.Permissions) != 0 || !k.Active(time.Now()) {
		t.Errorf("%+v", k)
	}
	if err := json.Unmarshal([]byte(`{"permissions":{"servers":{"mode":"r","all":"0","ids":["7",8]}},"expires_at":"1000"}`), &k); err != nil {
		t.Fatal(err)
	}
	s := k.Permissions["servers"]
	if s.All == nil || bool(*s.All) || len(s.IDs) != 2 || s.IDs[0] != 7 || k.Active(time.Now()) {
		t.Errorf("%+v", k)
	}
}

// docsAPI answers each "METHOD /path" with a body, with the HTTP status of
// the body's meta.status (200 when it has none). Requests it does not know
// fail the test.
func docsAPI(t *testing.T, answers map[string]string) *gigahost.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := answers[r.Method+" "+r.URL.Path]
		if !ok {
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
			return
		}
		var env struct {
			Meta struct {
				Status int `json:"status"`
			} `json:"meta"`
		}
		_ = json.Unmarshal([]byte(body), &env)
		if env.Meta.Status == 0 {
			env.Meta.Status = http.StatusOK
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(env.Meta.Status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: "flux_live_k", Username: "u", Password: "p",
		Transport: client.Options{BaseURL: srv.URL, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const docsLogin = `{"meta":{"status":200},"data":{"token":"t","token_expire":"unixtimestamp"}}`

// The docs' examples of the API-key endpoints, fed to the decoders.
func TestAPIKeysDocsExamples(t *testing.T) {
	t.Parallel()
	list := string(apidocs.Read(t, "examples/gigahost/GET_account_apikeys.json"))
	c := docsAPI(t, map[string]string{
		"POST /authenticate":             string(apidocs.Read(t, "examples/gigahost/POST_authenticate.json")),
		"GET /account/apikeys":           list,
		"POST /account/apikeys/1/rotate": string(apidocs.Read(t, "examples/gigahost/POST_account_apikeys_id_rotate.json")),
	})
	ctx := context.Background()
	keys, err := c.APIKeys(ctx)
	if err != nil || len(keys) != 1 {
		t.Fatalf("APIKeys = %+v, %v", keys, err)
	}
	k := keys[0]
	if k.ID != 1 || k.Label != "CI deployment" || k.Prefix != "flux_live_abc123def456" || k.Status != "active" || k.ExpiresAt != 1740873600 ||
		k.Permissions[gigahost.PermDNS].Mode != "rw" || !bool(*k.Permissions[gigahost.PermDNS].All) || k.Permissions[gigahost.PermServers].Mode != "r" {
		t.Errorf("key = %+v", k)
	}
	rotated, err := c.RotateAPIKey(ctx, 1)
	if err != nil || rotated.Prefix != "flux_live_yyyyyyyyyyyy" || !strings.HasPrefix(string(rotated.Secret), "flux_live_yyyy") {
		t.Errorf("RotateAPIKey = %+v, %v", rotated, err)
	}

	var created gigahost.NewSecret
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(apidocs.Read(t, "examples/gigahost/POST_account_apikeys.json"), &env); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(env.Data, &created); err != nil || created.Prefix != "flux_live_xxxxxxxxxxxx" || !strings.HasPrefix(string(created.Secret), "flux_live_xxxx") {
		t.Errorf("create answer = %+v, %v", created, err)
	}
}

// The sample of an API-key token on /account/apikeys: a 403 whose message
// is quoted, whether it comes as HTTP 403 or as HTTP 200 carrying it in
// meta.status.
func TestAPIKeysForbiddenSample(t *testing.T) {
	t.Parallel()
	sample := string(apidocs.Read(t, "samples/gigahost/apikeys-with-api-key-token.403.json"))
	answers := map[string]string{"POST /authenticate": docsLogin, "GET /account/apikeys": sample}
	for name, c := range map[string]*gigahost.Client{"HTTP 403": docsAPI(t, answers), "HTTP 200": docsAPIStatus(t, http.StatusOK, answers)} {
		keys, err := c.APIKeys(context.Background())
		if !client.IsStatus(err, http.StatusForbidden) || !strings.Contains(err.Error(), "You do not have permission for this operation.") || keys != nil {
			t.Errorf("%s: APIKeys = %v, %v; want the 403 and its message", name, keys, err)
		}
	}
}

// docsAPIStatus is docsAPI answering every request with this HTTP status.
func docsAPIStatus(t *testing.T, status int, answers map[string]string) *gigahost.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		_, _ = w.Write([]byte(answers[r.Method+" "+r.URL.Path]))
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: "flux_live_k", Username: "u", Password: "p", Transport: client.Options{BaseURL: srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// One API key is read bare, in a one-element list or wrapped; an answer
// with no key, or several, is an error, never an empty key.
func TestAPIKeyShapes(t *testing.T) {
	t.Parallel()
	item := `{"key_id":"4","key_label":"ci","key_prefix":"flux_live_abc","permissions":{"dns":{"mode":"r","all":true}},"status":"active"}`
	for name, data := range map[string]string{
		"bare": item, "list": "[" + item + "]", "wrapped": `{"apikey":` + item + `}`, "wrapped list": `{"key":[` + item + `]}`,
	} {
		c := docsAPI(t, map[string]string{"POST /authenticate": docsLogin, "GET /account/apikeys/4": `{"meta":{"status":200},"data":` + data + `}`})
		k, err := c.APIKey(context.Background(), 4)
		if err != nil || k.ID != 4 || k.Label != "ci" || k.Permissions[gigahost.PermDNS].Mode != "r" {
			t.Errorf("%s: APIKey = %+v, %v", name, k, err)
		}
	}
	for name, data := range map[string]string{
		"empty list": `[]`, "null": `null`, "two": "[" + item + "," + item + "]", "other object": `{"message":"ok"}`, "text": `"ok"`,
	} {
		c := docsAPI(t, map[string]string{"POST /authenticate": docsLogin, "GET /account/apikeys/4": `{"meta":{"status":200},"data":` + data + `}`})
		if k, err := c.APIKey(context.Background(), 4); err == nil {
			t.Errorf("%s: APIKey = %+v, want an error", name, k)
		}
	}
	for name, data := range map[string]string{"unknown wrapper": `{"a":1,"b":[]}`, "items without key_id": `[{"label":"x"}]`} {
		c := docsAPI(t, map[string]string{"POST /authenticate": docsLogin, "GET /account/apikeys": `{"meta":{"status":200},"data":` + data + `}`})
		if keys, err := c.APIKeys(context.Background()); err == nil {
			t.Errorf("%s: APIKeys = %+v, want an error", name, keys)
		}
	}
}
