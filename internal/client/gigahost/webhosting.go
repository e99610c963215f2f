package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// HostingAccount is a web-hosting account (GET /webhosting).
type HostingAccount struct {
	HostingID    client.Int    `json:"hosting_id"`
	Domain       client.String `json:"domain"`
	Username     client.String `json:"username"`
	Package      client.String `json:"package"`
	Status       client.String `json:"status"`
	CreatedDate  client.String `json:"created_date"`
	OrderNumber  client.Int    `json:"order_number"`
	OrderRenewal client.String `json:"order_renewal"`
	OrderStatus  client.String `json:"order_status"`
}

// Mailbox is an e-mail account of a hosting account.
type Mailbox struct {
	// Address is the full address, local@domain, in lower case.
	Address string
	// Quota is the mailbox size in MB, 0 meaning unlimited; valid only when
	// QuotaKnown (the list may not show it).
	Quota      int64
	QuotaKnown bool
}

// LocalPart is the part of the address before the @.
func (m Mailbox) LocalPart() string {
	local, _, _ := strings.Cut(m.Address, "@")
	return local
}

// mailboxJSON is one entry of GET /webhosting/{id}/emails. The docs show no
// example; the create takes email as the part before the @ and the other
// mailbox endpoints take the full address, so the decoder accepts the
// address whole or as a local part in email (or user, or address), with or
// without a domain beside it (without one, the account's domain), and a
// quota as a number, a numeric string (with or without "MB"), "unlimited",
// or absent (then unknown, never 0).
type mailboxJSON struct {
	Email   client.String   `json:"email"`
	Address client.String   `json:"address"`
	User    client.String   `json:"user"`
	Domain  client.String   `json:"domain"`
	Quota   json.RawMessage `json:"quota"`
}

// parts returns the entry's local part and domain ("" when the entry has none).
func (j mailboxJSON) parts() (local, domain string) {
	addr := strings.TrimSpace(string(j.Email))
	for _, alt := range []client.String{j.Address, j.User} {
		if addr == "" {
			addr = strings.TrimSpace(string(alt))
		}
	}
	local, domain, _ = strings.Cut(addr, "@")
	if domain == "" {
		domain = strings.TrimSpace(string(j.Domain))
	}
	return strings.ToLower(local), strings.ToLower(strings.TrimSuffix(domain, "."))
}

// quota reads the entry's quota; known is false when it is absent.
func (j mailboxJSON) quota() (quota int64, known bool, err error) {
	raw := strings.ToLower(strings.Trim(strings.TrimSpace(string(j.Quota)), `"`))
	raw = strings.TrimSpace(strings.TrimSuffix(raw, "mb"))
	switch raw {
	case "", "null":
		return 0, false, nil
	case "unlimited", "0", "-1":
		return 0, true, nil
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("quota %s is not a number of MB", string(j.Quota))
	}
	return n, true, nil
}

// decodeMailboxes reads the list's data: the entries bare or wrapped (in
// emails, or the one member of an object), each an object or a plain
// address string. domain is called for entries without a domain.
func decodeMailboxes(ctx context.Context, raw json.RawMessage, domain func(context.Context) (string, error)) ([]Mailbox, error) {
	items, err := listItems(raw, "emails", "email_accounts", "accounts", "mailboxes")
	if err != nil {
		return nil, err
	}
	out := make([]Mailbox, 0, len(items))
	for _, item := range items {
		var j mailboxJSON
		if t := strings.TrimSpace(string(item)); strings.HasPrefix(t, `"`) {
			err = json.Unmarshal(item, &j.Email)
		} else {
			err = json.Unmarshal(item, &j)
		}
		local, dom := j.parts()
		if err != nil || local == "" {
			return nil, fmt.Errorf("an entry that is not an e-mail account (no email, address or user): %s", abbreviate(item))
		}
		if dom == "" {
			if dom, err = domain(ctx); err != nil {
				return nil, fmt.Errorf("the list shows %q without a domain, and reading the account's domain failed: %w", local, err)
			}
		}
		q, known, err := j.quota()
		if err != nil {
			return nil, fmt.Errorf("mailbox %s@%s: %w", local, dom, err)
		}
		out = append(out, Mailbox{Address: local + "@" + dom, Quota: q, QuotaKnown: known})
	}
	return out, nil
}

// HostingAccounts lists the web-hosting accounts the credentials can see.
func (c *Client) HostingAccounts(ctx context.Context) ([]HostingAccount, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/webhosting", nil, nil, &raw); err != nil {
		return nil, err
	}
	items, err := listItems(raw, "hosting")
	if err != nil {
		return nil, fmt.Errorf("GET /webhosting: %w", err)
	}
	out := make([]HostingAccount, 0, len(items))
	for _, item := range items {
		var a HostingAccount
		if err := json.Unmarshal(item, &a); err != nil || a.HostingID == 0 {
			return nil, fmt.Errorf("GET /webhosting: an item that is not a hosting account with a hosting_id: %s", abbreviate(item))
		}
		out = append(out, a)
	}
	return out, nil
}

// HostingAccount returns one web-hosting account. The docs show no example
// answer: the account is read bare, in a one-element list or wrapped (as
// the list wraps it in hosting), recognised by hosting_id or domain.
func (c *Client) HostingAccount(ctx context.Context, hostingID int64) (*HostingAccount, error) {
	path := fmt.Sprintf("/webhosting/%d", hostingID)
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	obj, err := oneObject(raw, "hosting_id", "domain")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	var a HostingAccount
	if err := json.Unmarshal(obj, &a); err != nil {
		return nil, fmt.Errorf("GET %s: decoding the hosting account: %w", path, err)
	}
	if a.HostingID == 0 {
		a.HostingID = client.Int(hostingID)
	}
	return &a, nil
}

// HostingDomain returns the domain of a hosting account, the one of its
// mailboxes, looked up once for the client's life (one operation).
func (c *Client) HostingDomain(ctx context.Context, hostingID int64) (string, error) {
	c.domainsMu.Lock()
	d := c.domains[hostingID]
	c.domainsMu.Unlock()
	if d != "" {
		return d, nil
	}
	a, err := c.HostingAccount(ctx, hostingID)
	if err != nil {
		return "", err
	}
	d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(string(a.Domain)), "."))
	if d == "" {
		return "", fmt.Errorf("GET /webhosting/%d: the answer carries no domain", hostingID)
	}
	c.domainsMu.Lock()
	if c.domains == nil {
		c.domains = map[int64]string{}
	}
	c.domains[hostingID] = d
	c.domainsMu.Unlock()
	return d, nil
}

// mailAccount is one hosting account's write lock and mailbox list. The
// API has no endpoint for one mailbox: every mailbox is found in its
// account's list, so refreshing N mailboxes of an account lists it once.
// Writes to one account are serialised, so that the list and this
// operation's writes stay consistent; writes to different accounts run in
// parallel.
type mailAccount struct {
	write sync.Mutex
	list  listCache[Mailbox]
}

func (c *Client) mailAccount(hostingID int64) *mailAccount {
	c.mailAccountsMu.Lock()
	defer c.mailAccountsMu.Unlock()
	if c.mailAccounts == nil {
		c.mailAccounts = map[int64]*mailAccount{}
	}
	a := c.mailAccounts[hostingID]
	if a == nil {
		a = &mailAccount{}
		c.mailAccounts[hostingID] = a
	}
	return a
}

// Mailboxes lists the e-mail accounts of a hosting account, once per
// operation (the client's life): every reader shares the list, which the
// client's own writes keep current. An answer in a shape the decoder does
// not know is an error, never an empty list.
func (c *Client) Mailboxes(ctx context.Context, hostingID int64) ([]Mailbox, error) {
	return c.mailAccount(hostingID).list.get(ctx, func(ctx context.Context) ([]Mailbox, error) { return c.fetchMailboxes(ctx, hostingID) })
}

// fetchMailboxes lists the e-mail accounts of a hosting account now.
func (c *Client) fetchMailboxes(ctx context.Context, hostingID int64) ([]Mailbox, error) {
	path := fmt.Sprintf("/webhosting/%d/emails", hostingID)
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	list, err := decodeMailboxes(ctx, raw, func(ctx context.Context) (string, error) { return c.HostingDomain(ctx, hostingID) })
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return list, nil
}

// fresh lists the account now and keeps the list for later readers.
func (c *Client) freshMailboxes(ctx context.Context, a *mailAccount, hostingID int64) ([]Mailbox, error) {
	return a.list.fresh(ctx, func(ctx context.Context) ([]Mailbox, error) { return c.fetchMailboxes(ctx, hostingID) })
}

// Mailbox finds one e-mail account by its full address; nil when it does
// not exist. A missing hosting account is the API's 404 error.
func (c *Client) Mailbox(ctx context.Context, hostingID int64, address string) (*Mailbox, error) {
	list, err := c.Mailboxes(ctx, hostingID)
	if err != nil {
		return nil, err
	}
	if m, ok := FindMailbox(list, address); ok {
		return &m, nil
	}
	return nil, nil
}

// MailboxInput creates an e-mail account.
type MailboxInput struct {
	// Email is the part before the @.
	Email    string `json:"email"`
	Password string `json:"password"`
	// Quota in MB, 0 meaning unlimited; nil leaves the API's default.
	Quota *int64 `json:"quota,omitempty"`
}

// CreateMailbox creates an e-mail account and returns it as the account's
// list shows it (the answer carries neither the address nor the quota). It
// holds the account's write lock, and leaves the list read back for later
// readers.
//
// A create is never repeated blindly: repeated after it took effect, it
// fails with "Email account already exists" and the mailbox it made is left
// out of Terraform's state. It goes through client.CreateOnce: after a lost
// answer (a 5xx, a connection lost once the request was sent) the account
// is listed; a mailbox with this local part that was not there before is
// this create's (adopted: the create carried the password, so it is set);
// none means the API did not act, and the create is sent again, within the
// usual bound. again, when not nil, is called before each new attempt.
//
// When the create succeeded but the read back fails, the error is an
// ErrMailboxNotRead carrying the address (when the domain is known), so that
// the caller can keep the mailbox in state.
func (c *Client) CreateMailbox(ctx context.Context, hostingID int64, in MailboxInput, again func(ctx context.Context, attempt int, err error)) (Mailbox, error) {
	path := fmt.Sprintf("/webhosting/%d/emails", hostingID)
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	before, err := c.Mailboxes(ctx, hostingID)
	if err != nil {
		return Mailbox{}, fmt.Errorf("listing the e-mail accounts of hosting account %d before the create: %w", hostingID, err)
	}
	local := strings.ToLower(in.Email)
	findNew := func(list []Mailbox) (Mailbox, bool) {
		for _, m := range list {
			if m.LocalPart() == local {
				if _, existed := FindMailbox(before, m.Address); !existed {
					return m, true
				}
			}
		}
		return Mailbox{}, false
	}
	tries := c.createTries("the e-mail account was not created")
	tries.Again = again
	mb, adopted, err := client.CreateOnce(ctx, tries, func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: in, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (Mailbox, bool, error) {
		list, lerr := c.freshMailboxes(ctx, a, hostingID)
		if lerr != nil {
			return Mailbox{}, false, fmt.Errorf("%w; and listing the account to learn whether the e-mail account was created failed: %w", err, lerr)
		}
		mb, ok := findNew(list)
		return mb, ok, nil
	})
	if err != nil || adopted {
		if err != nil {
			a.list.drop()
		}
		return mb, err
	}
	list, err := c.freshMailboxes(ctx, a, hostingID)
	if err == nil {
		if mb, ok := findNew(list); ok {
			return mb, nil
		}
		err = errors.New("it is not in the account's list")
	}
	addr := ""
	if d, derr := c.HostingDomain(ctx, hostingID); derr == nil {
		addr = local + "@" + d
	}
	return Mailbox{}, &ErrMailboxNotRead{Address: addr, HostingID: hostingID, Err: err}
}

// ErrMailboxNotRead is a mailbox that was created but could not be read back.
type ErrMailboxNotRead struct {
	// Address is the full address, "" when the account's domain is unknown.
	Address   string
	HostingID int64
	Err       error
}

func (e *ErrMailboxNotRead) Error() string {
	return fmt.Sprintf("the e-mail account %s was created in hosting account %d but cannot be read back: %v", e.Address, e.HostingID, e.Err)
}

func (e *ErrMailboxNotRead) Unwrap() error { return e.Err }

// FindMailbox returns the mailbox of list with this full address.
func FindMailbox(list []Mailbox, address string) (Mailbox, bool) {
	for _, m := range list {
		if strings.EqualFold(m.Address, address) {
			return m, true
		}
	}
	return Mailbox{}, false
}

func mailboxPath(hostingID int64, address, suffix string) string {
	// Transport escapes the path; an address has no "/" (the local part is
	// validated, the domain is a host name).
	return fmt.Sprintf("/webhosting/%d/emails/%s%s", hostingID, address, suffix)
}

// SetMailboxPassword changes the password of an e-mail account.
func (c *Client) SetMailboxPassword(ctx context.Context, hostingID int64, address, password string) error {
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	return c.do(ctx, http.MethodPut, mailboxPath(hostingID, address, "/password"), nil, map[string]any{"password": password}, nil)
}

// SetMailboxQuota changes the size of an e-mail account, in MB (0 =
// unlimited), and patches the account's list.
func (c *Client) SetMailboxQuota(ctx context.Context, hostingID int64, address string, quota int64) error {
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.do(ctx, http.MethodPut, mailboxPath(hostingID, address, "/quota"), nil, map[string]any{"quota": quota}, nil); err != nil {
		a.list.drop()
		return err
	}
	a.list.patch(func(list []Mailbox) []Mailbox {
		for i := range list {
			if strings.EqualFold(list[i].Address, address) {
				list[i].Quota, list[i].QuotaKnown = quota, true
			}
		}
		return list
	})
	return nil
}

// DeleteMailbox deletes an e-mail account and verifies it by listing the
// account: a mailbox still listed is an error, whatever the DELETE
// answered. A mailbox (or account) already gone is no error.
func (c *Client) DeleteMailbox(ctx context.Context, hostingID int64, address string) error {
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.do(ctx, http.MethodDelete, mailboxPath(hostingID, address, ""), nil, nil, nil); err != nil && !client.IsNotFound(err) {
		a.list.drop()
		return err
	}
	list, err := c.freshMailboxes(ctx, a, hostingID)
	switch {
	case client.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("the e-mail account %s was deleted, but listing the account to verify failed: %w", address, err)
	}
	if _, still := FindMailbox(list, address); still {
		return fmt.Errorf("DELETE %s was answered, but the e-mail account %s is still in the list of hosting account %d", mailboxPath(hostingID, address, ""), address, hostingID)
	}
	return nil
}
