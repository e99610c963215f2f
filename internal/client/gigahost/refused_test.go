package gigahost

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// mustMention fails unless err's text holds every part.
func mustMention(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error does not mention %q:\n%v", p, err)
		}
	}
}

func clientWith(t *testing.T, m *mockapi.Server, cfg Config) *Client {
	t.Helper()
	cfg.Transport = client.Options{BaseURL: m.GigahostURL(), MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A 401 to an API key names the key's attribute and variable, the endpoint
// and what to check; the API's own answer stays, and so does its status.
func TestRefused_unknownAPIKey(t *testing.T) {
	t.Parallel()
	_, m := newMockClient(t, 0)
	c := clientWith(t, m, Config{APIKey: "flux_live_not-a-key"})
	_, err := c.ListZones(context.Background())
	mustMention(t, err, "HTTP 401", "Invalid or expired token.", "gigahost_api_key", "GIGAHOST_API_KEY", m.GigahostURL(), "revoked", "gigahost_endpoint")
	if !client.IsStatus(err, http.StatusUnauthorized) {
		t.Errorf("the explained error is no longer a 401: %v", err)
	}
}

// A refused login names the username and password attributes, their
// variables and the endpoint.
func TestRefused_wrongPassword(t *testing.T) {
	t.Parallel()
	_, m := newMockClient(t, 0)
	c := clientWith(t, m, Config{Username: mockapi.GigahostUsername, Password: "wrong"})
	_, err := c.ListZones(context.Background())
	mustMention(t, err, "gigahost login failed", "gigahost_username", "gigahost_password", "GIGAHOST_USERNAME", "GIGAHOST_PASSWORD", m.GigahostURL())
}

// A 403 whose answer names the category says which permission the key
// lacks and what to change; one that names none adds nothing.
func TestRefused_missingPermission(t *testing.T) {
	t.Parallel()
	_, m := newMockClient(t, 0)
	ctx := context.Background()
	readOnly := m.Gigahost.Keys.Add("dns read-only", map[string]mockapi.GigahostPermission{
		mockapi.CatDNS: {Mode: "r", All: true},
	}, 0)
	c := clientWith(t, m, Config{APIKey: readOnly})
	if _, err := c.ListZones(ctx); err != nil {
		t.Fatalf("a read with mode r: %v", err)
	}
	_, err := c.CreateZone(ctx, ZoneInput{Name: "refused.example"})
	mustMention(t, err, "HTTP 403", `lacks the "dns" permission`, `mode "rw"`, "gigahost_api_key", "GIGAHOST_API_KEY")
	if !client.IsStatus(err, http.StatusForbidden) {
		t.Errorf("the explained error is no longer a 403: %v", err)
	}

	_, err = c.ListServers(ctx)
	mustMention(t, err, "HTTP 403", `lacks the "servers" permission`, "a category left out means no access")

	for msg, want := range map[string]string{
		"This API key is limited to some webhosting objects and cannot make this change.": `lacks the "webhosting" permission`,
		"You do not have permission for this operation.":                                  "",
		"Your account is suspended.":                                                      "",
	} {
		got := permissionHint(msg)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("permissionHint(%q) = %q, want it to hold %q", msg, got, want)
		}
	}
	if strings.Contains(permissionHint("This API key has no access to this servers object."), "all = true") == false {
		t.Error("an id-limited refusal does not say how to widen the ids")
	}
}
