package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Account is the authenticated account (GET /account), as far as the
// provider reads it.
type Account struct {
	CustomerID client.String `json:"cust_id"`
	Name       client.String `json:"cust_name"`
	Email      client.String `json:"cust_email"`
	SSHKeys    []SSHKey
}

// SSHKey is one of the account's SSH public keys.
type SSHKey struct {
	ID    client.String `json:"key_id"`
	Name  client.String `json:"key_name"`
	Added client.Int    `json:"key_added"` // unix seconds
	Data  client.String `json:"key_data"`  // the OpenSSH public key line
}

// SSHKeyInput is the body of POST /account/sshkey.
type SSHKeyInput struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

// Account returns the authenticated account. An answer without sshkeys
// (the docs' example has it; a list that is not there is not an empty list)
// is an error, so that no key leaves the state for want of a field.
func (c *Client) Account(ctx context.Context) (Account, error) {
	obj, err := c.accountObject(ctx)
	if err != nil {
		return Account{}, err
	}
	var j struct {
		CustomerID client.String   `json:"cust_id"`
		Name       client.String   `json:"cust_name"`
		Email      client.String   `json:"cust_email"`
		SSHKeys    json.RawMessage `json:"sshkeys"`
	}
	if err := json.Unmarshal(obj, &j); err != nil {
		return Account{}, fmt.Errorf("GET /account: %w", err)
	}
	if len(j.SSHKeys) == 0 {
		return Account{}, errors.New("GET /account: the answer carries no sshkeys list")
	}
	items, err := listItems(j.SSHKeys, "sshkeys", "keys")
	if err != nil {
		return Account{}, fmt.Errorf("GET /account: sshkeys: %w", err)
	}
	a := Account{CustomerID: j.CustomerID, Name: j.Name, Email: j.Email}
	for _, item := range items {
		var k SSHKey
		if err := json.Unmarshal(item, &k); err != nil || k.ID == "" {
			return Account{}, fmt.Errorf("GET /account: an sshkeys item that is not a key with a key_id: %s", abbreviate(item))
		}
		a.SSHKeys = append(a.SSHKeys, k)
	}
	return a, nil
}

// SSHKeys lists the account's SSH keys, once per operation (the client's
// life): the API has no endpoint for one key (they come with the account),
// so every key and the data source share one list, which the client's own
// writes keep current.
func (c *Client) SSHKeys(ctx context.Context) ([]SSHKey, error) {
	return c.sshKeys.get(ctx, c.fetchSSHKeys)
}

// fetchSSHKeys lists the account's SSH keys now.
func (c *Client) fetchSSHKeys(ctx context.Context) ([]SSHKey, error) {
	a, err := c.Account(ctx)
	if err != nil {
		return nil, err
	}
	return a.SSHKeys, nil
}

// freshSSHKeys lists the keys now and keeps the list for later readers.
func (c *Client) freshSSHKeys(ctx context.Context) ([]SSHKey, error) {
	return c.sshKeys.fresh(ctx, c.fetchSSHKeys)
}

// SSHKeyMaterial is a public key's type and base64 body, without the
// comment and with white space normalised: what identifies the key.
func SSHKeyMaterial(data string) string {
	fields := strings.Fields(data)
	if len(fields) > 2 {
		fields = fields[:2]
	}
	return strings.Join(fields, " ")
}

// matches reports whether k is the key that in creates.
func (in SSHKeyInput) matches(k SSHKey) bool {
	return strings.TrimSpace(string(k.Name)) == strings.TrimSpace(in.Name) && SSHKeyMaterial(string(k.Data)) == SSHKeyMaterial(in.Data)
}

// ErrSSHKeyNotListed is returned by CreateSSHKey when the API accepted the
// key but the account's list does not show it.
type ErrSSHKeyNotListed struct{ Name string }

func (e *ErrSSHKeyNotListed) Error() string {
	return fmt.Sprintf("the API accepted the SSH key %q, but the account's key list does not show it", e.Name)
}

// CreateSSHKey adds a key and returns it as the account lists it: the API
// answers 200 with no id, so the key is found by listing and matching name
// and key material among the keys that were not there before.
//
// The create is sent as a client.Request with Creates set: it is retried by
// the transport only when the API cannot have acted. When its answer is lost
// (a 5xx, or a connection dropped after sending), the keys are listed: a new
// key that matches is the one created and is adopted; none means nothing was
// created and the create is sent again, within the usual bound. Sending it blindly again would be refused as a duplicate, or, on
// an API that allowed duplicates, add the key twice.
func (c *Client) CreateSSHKey(ctx context.Context, in SSHKeyInput) (SSHKey, error) {
	before, err := c.SSHKeys(ctx)
	if err != nil {
		return SSHKey{}, fmt.Errorf("listing the account's SSH keys before adding one: %w", err)
	}
	known := make([]string, 0, len(before))
	for _, k := range before {
		known = append(known, string(k.ID))
	}
	findNew := func(keys []SSHKey) (SSHKey, bool) {
		for _, k := range keys {
			if in.matches(k) && !slices.Contains(known, string(k.ID)) {
				return k, true
			}
		}
		return SSHKey{}, false
	}
	tries := c.createTries("the SSH key was not added")
	k, adopted, err := client.CreateOnce(ctx, tries, func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: "/account/sshkey", Body: in, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (SSHKey, bool, error) {
		keys, lerr := c.freshSSHKeys(ctx)
		if lerr != nil {
			return SSHKey{}, false, fmt.Errorf("%w; and listing the account's keys to learn whether it was added failed: %w", err, lerr)
		}
		k, ok := findNew(keys)
		return k, ok, nil
	})
	if err != nil || adopted {
		if err != nil {
			c.sshKeys.drop()
		}
		return k, err
	}
	// Added: the answer carries no id, so the list tells it.
	keys, err := c.freshSSHKeys(ctx)
	if err != nil {
		return SSHKey{}, fmt.Errorf("the SSH key %q was added, but listing the account's keys to learn its id failed: %w", in.Name, err)
	}
	if k, ok := findNew(keys); ok {
		return k, nil
	}
	return SSHKey{}, &ErrSSHKeyNotListed{Name: in.Name}
}

// DeleteSSHKey removes a key from the account and verifies it by listing
// the keys: a key still listed is an error, whatever the DELETE answered. A
// key already gone is no error.
func (c *Client) DeleteSSHKey(ctx context.Context, id string) error {
	path := "/account/sshkey/" + url.PathEscape(id)
	if err := c.do(ctx, http.MethodDelete, path, nil, nil, nil); err != nil && !client.IsNotFound(err) {
		c.sshKeys.drop()
		return err
	}
	keys, err := c.freshSSHKeys(ctx)
	if err != nil {
		return fmt.Errorf("the SSH key %s was deleted, but listing the account's keys to verify failed: %w", id, err)
	}
	for _, k := range keys {
		if string(k.ID) == id {
			return fmt.Errorf("DELETE %s was answered, but the SSH key %s (%q) is still in the account's list", path, id, k.Name)
		}
	}
	return nil
}
