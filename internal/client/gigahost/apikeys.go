package gigahost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// ErrSessionRequired is returned by the API-key methods when no session
// login is configured: the API answers 403 to API-key tokens on every
// /account/apikeys endpoint (FIELD-NOTES "Accounts and keys"), so keys are
// managed with a session token, also when an API key is configured for the
// rest of the API.
var ErrSessionRequired = errors.New("managing Gigahost API keys needs a session login: set gigahost_username and gigahost_password " +
	"(or GIGAHOST_USERNAME and GIGAHOST_PASSWORD); the API refuses API-key tokens on /account/apikeys. " +
	"A configured gigahost_api_key is still used for everything else")

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

// APIKeys lists the active keys.
func (c *Client) APIKeys(ctx context.Context) ([]APIKey, error) {
	const path = "/account/apikeys"
	var raw json.RawMessage
	if err := c.doSession(ctx, http.MethodGet, path, nil, &raw); err != nil {
		return nil, err
	}
	items, err := listItems(raw, "apikeys", "keys")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	out := make([]APIKey, 0, len(items))
	for _, item := range items {
		var k APIKey
		if err := json.Unmarshal(item, &k); err != nil || k.ID == 0 {
			return nil, fmt.Errorf("GET %s: an item that is not an API key with a key_id: %s", path, abbreviate(item))
		}
		out = append(out, k)
	}
	return out, nil
}

// APIKey returns one key, revoked keys included (see APIKey.Active). The
// docs show no example answer: the key is read bare, in a one-element list
// or wrapped, and recognised by key_id or key_prefix.
func (c *Client) APIKey(ctx context.Context, id int64) (*APIKey, error) {
	path := fmt.Sprintf("/account/apikeys/%d", id)
	var raw json.RawMessage
	if err := c.doSession(ctx, http.MethodGet, path, nil, &raw); err != nil {
		return nil, err
	}
	obj, err := oneObject(raw, "key_id", "key_prefix")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	var k APIKey
	if err := json.Unmarshal(obj, &k); err != nil {
		return nil, fmt.Errorf("GET %s: decoding the API key: %w", path, err)
	}
	if k.ID == 0 {
		k.ID = client.Int(id)
	}
	if k.ID != client.Int(id) {
		return nil, fmt.Errorf("GET %s: the answer is the API key %d", path, k.ID)
	}
	return &k, nil
}

// CreatedAPIKey is a new key: its one-time secret and, once found in the
// list, the key itself.
type CreatedAPIKey struct {
	NewSecret
	Key *APIKey
}

// matches reports whether k is a key that in creates: same label,
// permissions and expiry.
func (in APIKeyInput) matches(k APIKey) bool {
	if string(k.Label) != in.Label || !in.Permissions.Equal(k.Permissions) {
		return false
	}
	return in.ExpiresAt == nil || *in.ExpiresAt == int64(k.ExpiresAt)
}

// CreateAPIKey creates a key and returns it with its secret. The answer has
// no key_id (FIELD-NOTES "Accounts and keys"), so the key is then found in
// the list by its prefix (or else as the one new key with this label and
// these permissions).
//
// A lost answer (client.IsOutcomeUnknown) goes through client.CreateOnce:
// the keys are listed, and a key that was not there before the create and
// matches it is this create's key. Its secret was in the lost answer, so
// the key is rotated (POST /account/apikeys/{id}/rotate) to obtain one: a
// second key is never created. None found means the API did not act, and
// the create is sent again, within the usual bound.
//
// When the key was created but reading it back or rotating it fails, the
// result carries what is known (Key when found, the secret when known)
// next to the error.
func (c *Client) CreateAPIKey(ctx context.Context, in APIKeyInput) (*CreatedAPIKey, error) {
	before, err := c.APIKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing the API keys before the create: %w", err)
	}
	known := make(map[client.Int]bool, len(before))
	for _, k := range before {
		known[k.ID] = true
	}
	findNew := func(keys []APIKey) ([]APIKey, error) {
		var found []APIKey
		for _, k := range keys {
			if !known[k.ID] && in.matches(k) {
				found = append(found, k)
			}
		}
		if len(found) > 1 {
			return nil, fmt.Errorf("%d new API keys are labelled %q with these permissions; import the right one", len(found), in.Label)
		}
		return found, nil
	}
	var created CreatedAPIKey
	adopted, wasAdopted, err := client.CreateOnce(ctx, c.createTries("the API key was not created"),
		func(ctx context.Context) error {
			return c.sendAs(ctx, true, client.Request{Method: http.MethodPost, Path: "/account/apikeys", Body: in, Creates: true}, &created.NewSecret)
		},
		func(ctx context.Context, _ int, err error) (APIKey, bool, error) {
			keys, lerr := c.APIKeys(ctx)
			if lerr != nil {
				return APIKey{}, false, fmt.Errorf("%w; and listing the API keys to learn whether it was created failed: %w", err, lerr)
			}
			found, ferr := findNew(keys)
			if ferr != nil || len(found) == 0 {
				return APIKey{}, false, ferr
			}
			return found[0], true, nil
		})
	if err != nil {
		return nil, err
	}
	if wasAdopted {
		// The secret was in the lost answer: rotate to obtain one.
		key := adopted
		rotated, err := c.RotateAPIKey(ctx, int64(key.ID))
		if err != nil {
			return &CreatedAPIKey{Key: &key}, fmt.Errorf("the API key %d was created but its answer was lost, and rotating it to obtain its secret failed: %w", key.ID, err)
		}
		key.Prefix = rotated.Prefix
		return &CreatedAPIKey{NewSecret: *rotated, Key: &key}, nil
	}
	if created.Secret == "" || created.Prefix == "" {
		return nil, errors.New("POST /account/apikeys: the answer carries no secret or prefix")
	}
	keys, err := c.APIKeys(ctx)
	if err != nil {
		return &created, fmt.Errorf("the API key with prefix %s was created, but listing the keys to find its id failed: %w", created.Prefix, err)
	}
	if k, ok := keyWithPrefix(keys, string(created.Prefix)); ok {
		created.Key = &k
		return &created, nil
	}
	if found, _ := findNew(keys); len(found) == 1 {
		created.Key = &found[0]
		return &created, nil
	}
	return &created, fmt.Errorf("the API key with prefix %s was created, but no listed key has that prefix", created.Prefix)
}

// keyWithPrefix finds a key by the prefix of its secret (the list may show
// a shorter prefix than the create answer).
func keyWithPrefix(keys []APIKey, prefix string) (APIKey, bool) {
	for _, k := range keys {
		if string(k.Prefix) == prefix || (k.Prefix != "" && strings.HasPrefix(prefix, string(k.Prefix))) {
			return k, true
		}
	}
	return APIKey{}, false
}

// Equal reports whether two permission objects say the same, as the API
// would read them (ids in any order, all absent meaning true).
func (p Permissions) Equal(q Permissions) bool {
	if len(p) != len(q) {
		return false
	}
	for cat, a := range p {
		b, ok := q[cat]
		if !ok || a.Mode != b.Mode || a.all() != b.all() {
			return false
		}
		if a.all() {
			continue
		}
		ai, bi := sortedIDs(a.IDs), sortedIDs(b.IDs)
		if !slices.Equal(ai, bi) {
			return false
		}
	}
	return true
}

func (p Permission) all() bool { return p.All == nil || bool(*p.All) }

func sortedIDs(ids []client.Int) []client.Int {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// UpdateAPIKey changes a key's label and permissions (replaced whole). With
// nothing to change it sends nothing (the API wants at least one).
func (c *Client) UpdateAPIKey(ctx context.Context, id int64, in APIKeyUpdate) error {
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
	return c.doSession(ctx, http.MethodPut, fmt.Sprintf("/account/apikeys/%d", id), body, nil)
}

// RotateAPIKey replaces a key's secret; the old one stops working at once.
func (c *Client) RotateAPIKey(ctx context.Context, id int64) (*NewSecret, error) {
	var s NewSecret
	if err := c.doSession(ctx, http.MethodPost, fmt.Sprintf("/account/apikeys/%d/rotate", id), nil, &s); err != nil {
		return nil, err
	}
	if s.Secret == "" {
		return nil, fmt.Errorf("POST /account/apikeys/%d/rotate: the answer carries no secret", id)
	}
	return &s, nil
}

// RevokeAPIKey revokes a key and verifies it by reading the key back: a key
// that is gone (404) or no longer active is revoked; one still active is an
// error, whatever the DELETE answered. A key already gone is no error.
func (c *Client) RevokeAPIKey(ctx context.Context, id int64) error {
	path := fmt.Sprintf("/account/apikeys/%d", id)
	if err := c.doSession(ctx, http.MethodDelete, path, nil, nil); err != nil && !client.IsNotFound(err) {
		return err
	}
	k, err := c.APIKey(ctx, id)
	switch {
	case client.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("the API key %d was revoked, but reading it back to verify failed: %w", id, err)
	case k.Active(time.Now()):
		return fmt.Errorf("DELETE %s was answered, but the API key %d is still active", path, id)
	}
	return nil
}
