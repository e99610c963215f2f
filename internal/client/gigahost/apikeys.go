package gigahost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// ErrSessionRequired is returned by the API-key methods of a client that
// authenticates with an API key: the API answers 403 to API-key tokens on
// every /account/apikeys endpoint, so only a session login can manage keys.
var ErrSessionRequired = errors.New("managing Gigahost API keys needs a session login (gigahost_username and gigahost_password): " +
	"the API refuses API-key tokens on /account/apikeys")

// Permission categories of an API key. The first three can be limited to ids.
const (
	PermDNS        = "dns"
	PermServers    = "servers"
	PermWebhosting = "webhosting"
	PermRacks      = "racks"
	PermSupport    = "support"
	PermBilling    = "billing"
	PermAccount    = "account"
)

// Permission is one category of an API key's permissions: mode "r" or "rw";
// for dns, servers and webhosting also all, and ids when all is false.
type Permission struct {
	Mode string       `json:"mode"`
	All  *client.Bool `json:"all,omitempty"`
	IDs  []client.Int `json:"ids,omitempty"`
}

// Permissions maps a category to its permission; an absent category means
// no access.
type Permissions map[string]Permission

// UnmarshalJSON accepts an empty JSON array for "no categories", which is
// how PHP encodes an empty object.
func (p *Permissions) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" || string(b) == "[]" {
		*p = Permissions{}
		return nil
	}
	m := map[string]Permission{}
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*p = m
	return nil
}

// APIKey is a key as listed (the secret is never returned, only its prefix).
type APIKey struct {
	ID          client.Int    `json:"key_id"`
	Label       client.String `json:"key_label"`
	Prefix      client.String `json:"key_prefix"`
	Permissions Permissions   `json:"permissions"`
	CreatedAt   client.Int    `json:"created_at"`
	ExpiresAt   client.Int    `json:"expires_at"`
	LastUsedAt  client.Int    `json:"last_used_at"`
	LastUsedIP  client.String `json:"last_used_ip"`
	Status      client.String `json:"status"`
	RevokedAt   client.Int    `json:"revoked_at"`
}

// Active reports whether the key still authenticates at now: not revoked and
// not past its expires_at.
func (k APIKey) Active(now time.Time) bool {
	status := strings.ToLower(string(k.Status))
	return (status == "" || status == "active") && k.RevokedAt == 0 && (k.ExpiresAt == 0 || now.Unix() < int64(k.ExpiresAt))
}

// APIKeyInput creates a key.
type APIKeyInput struct {
	Label       string      `json:"label"`
	Permissions Permissions `json:"permissions"`
	// ExpiresAt is a Unix time in the future; nil means no expiry.
	ExpiresAt *int64 `json:"expires_at,omitempty"`
}

// APIKeyUpdate changes a key; nil fields are not sent. The documented PUT
// takes only these two: the expiry of a key cannot be changed.
type APIKeyUpdate struct {
	Label       *string
	Permissions Permissions
}

// NewSecret is the one-time answer of a creation or a rotation.
type NewSecret struct {
	Secret client.String `json:"secret"`
	Prefix client.String `json:"prefix"`
}

func (c *Client) requireSession() error {
	if !c.HasSession() {
		return ErrSessionRequired
	}
	return nil
}

// APIKeys lists the active keys.
func (c *Client) APIKeys(ctx context.Context) ([]APIKey, error) {
	if err := c.requireSession(); err != nil {
		return nil, err
	}
	var out []APIKey
	if err := c.do(ctx, http.MethodGet, "/account/apikeys", nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// APIKey returns one key, revoked keys included (see APIKey.Active).
func (c *Client) APIKey(ctx context.Context, id int64) (*APIKey, error) {
	if err := c.requireSession(); err != nil {
		return nil, err
	}
	var k APIKey
	if err := c.do(ctx, http.MethodGet, fmt.Sprintf("/account/apikeys/%d", id), nil, nil, &k); err != nil {
		return nil, err
	}
	if k.ID == 0 {
		k.ID = client.Int(id)
	}
	return &k, nil
}

// CreatedAPIKey is a new key: its one-time secret and, once found in the
// list by its prefix, the key itself.
type CreatedAPIKey struct {
	NewSecret
	Key *APIKey
}

// CreateAPIKey creates a key. The answer has no key_id, so the key is then
// found by its prefix in the list. When that lookup fails, the result still
// carries the secret and prefix next to the error, so the caller can say
// which key was created.
func (c *Client) CreateAPIKey(ctx context.Context, in APIKeyInput) (*CreatedAPIKey, error) {
	if err := c.requireSession(); err != nil {
		return nil, err
	}
	var created CreatedAPIKey
	if err := c.do(ctx, http.MethodPost, "/account/apikeys", nil, in, &created.NewSecret); err != nil {
		return nil, err
	}
	if created.Secret == "" || created.Prefix == "" {
		return nil, errors.New("POST /account/apikeys: the answer carries no secret or prefix")
	}
	key, err := c.APIKeyByPrefix(ctx, string(created.Prefix))
	if err != nil {
		return &created, fmt.Errorf("the API key with prefix %s was created, but finding its id failed: %w", created.Prefix, err)
	}
	created.Key = key
	return &created, nil
}

// APIKeyByPrefix finds an active key by its prefix.
func (c *Client) APIKeyByPrefix(ctx context.Context, prefix string) (*APIKey, error) {
	keys, err := c.APIKeys(ctx)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if string(k.Prefix) == prefix || (k.Prefix != "" && strings.HasPrefix(prefix, string(k.Prefix))) {
			return &k, nil
		}
	}
	return nil, fmt.Errorf("no active API key has the prefix %s", prefix)
}

// UpdateAPIKey changes a key's label and permissions (replaced whole). With
// nothing to change it sends nothing (the API wants at least one).
func (c *Client) UpdateAPIKey(ctx context.Context, id int64, in APIKeyUpdate) error {
	if err := c.requireSession(); err != nil {
		return err
	}
	body := map[string]any{}
	if in.Label != nil {
		body["label"] = *in.Label
	}
	if in.Permissions != nil {
		body["permissions"] = in.Permissions
	}
	if len(body) == 0 {
		return nil
	}
	return c.do(ctx, http.MethodPut, fmt.Sprintf("/account/apikeys/%d", id), nil, body, nil)
}

// RotateAPIKey replaces a key's secret; the old one stops working at once.
func (c *Client) RotateAPIKey(ctx context.Context, id int64) (*NewSecret, error) {
	if err := c.requireSession(); err != nil {
		return nil, err
	}
	var s NewSecret
	if err := c.do(ctx, http.MethodPost, fmt.Sprintf("/account/apikeys/%d/rotate", id), nil, nil, &s); err != nil {
		return nil, err
	}
	if s.Secret == "" {
		return nil, fmt.Errorf("POST /account/apikeys/%d/rotate: the answer carries no secret", id)
	}
	return &s, nil
}

// RevokeAPIKey revokes a key; it is refused from its next request on.
func (c *Client) RevokeAPIKey(ctx context.Context, id int64) error {
	if err := c.requireSession(); err != nil {
		return err
	}
	return c.do(ctx, http.MethodDelete, fmt.Sprintf("/account/apikeys/%d", id), nil, nil, nil)
}
