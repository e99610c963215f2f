package gigahost_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

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
	rec, ok := m.GigahostAPIKeyByID(int64(k.ID))
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
	if _, ok := m.GigahostAPIKeyBySecret(string(created.Secret)); ok {
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
