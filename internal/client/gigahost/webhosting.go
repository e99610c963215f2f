package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

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
	// Address is the full address, local@domain.
	Address string
	// Quota is the mailbox size in MB, 0 meaning unlimited.
	Quota int64
}

// LocalPart is the part of the address before the @.
func (m Mailbox) LocalPart() string {
	local, _, _ := strings.Cut(m.Address, "@")
	return local
}

// mailboxJSON is one entry of GET /webhosting/{id}/emails. The docs show no
// example, so the decoder accepts the address whole in email, or split in
// user and domain, and a quota given as a number, a numeric string or
// "unlimited".
type mailboxJSON struct {
	Email  client.String   `json:"email"`
	User   client.String   `json:"user"`
	Domain client.String   `json:"domain"`
	Quota  json.RawMessage `json:"quota"`
}

func (j mailboxJSON) mailbox() (Mailbox, error) {
	addr := string(j.Email)
	if !strings.Contains(addr, "@") {
		local := addr
		if local == "" {
			local = string(j.User)
		}
		addr = local + "@" + string(j.Domain)
	}
	var quota client.Int
	raw := strings.ToLower(strings.Trim(strings.TrimSpace(string(j.Quota)), `"`))
	if raw != "" && raw != "unlimited" && raw != "null" {
		if err := json.Unmarshal(j.Quota, &quota); err != nil {
			return Mailbox{}, fmt.Errorf("mailbox %s: quota: %w", addr, err)
		}
	}
	return Mailbox{Address: strings.ToLower(addr), Quota: int64(quota)}, nil
}

// wrappedList decodes a list that the API sends bare or wrapped in an object
// under key.
func wrappedList[T any](raw json.RawMessage, key string) ([]T, error) {
	var out []T
	trimmed := strings.TrimSpace(string(raw))
	if trimmed == "" || trimmed == "null" {
		return nil, nil
	}
	if strings.HasPrefix(trimmed, "[") {
		return out, json.Unmarshal(raw, &out)
	}
	var wrapped map[string]json.RawMessage
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return nil, err
	}
	inner, ok := wrapped[key]
	if !ok || strings.TrimSpace(string(inner)) == "null" {
		return nil, nil
	}
	return out, json.Unmarshal(inner, &out)
}

// HostingAccounts lists the web-hosting accounts the credentials can see.
func (c *Client) HostingAccounts(ctx context.Context) ([]HostingAccount, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/webhosting", nil, nil, &raw); err != nil {
		return nil, err
	}
	list, err := wrappedList[HostingAccount](raw, "hosting")
	if err != nil {
		return nil, fmt.Errorf("GET /webhosting: decoding response data: %w", err)
	}
	return list, nil
}

// HostingAccount returns one web-hosting account.
func (c *Client) HostingAccount(ctx context.Context, hostingID int64) (*HostingAccount, error) {
	var a HostingAccount
	if err := c.do(ctx, http.MethodGet, fmt.Sprintf("/webhosting/%d", hostingID), nil, nil, &a); err != nil {
		return nil, err
	}
	if a.HostingID == 0 {
		a.HostingID = client.Int(hostingID)
	}
	return &a, nil
}

// Mailboxes lists the e-mail accounts of a hosting account.
func (c *Client) Mailboxes(ctx context.Context, hostingID int64) ([]Mailbox, error) {
	path := fmt.Sprintf("/webhosting/%d/emails", hostingID)
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	entries, err := wrappedList[mailboxJSON](raw, "emails")
	if err != nil {
		return nil, fmt.Errorf("GET %s: decoding response data: %w", path, err)
	}
	out := make([]Mailbox, 0, len(entries))
	for _, e := range entries {
		m, err := e.mailbox()
		if err != nil {
			return nil, fmt.Errorf("GET %s: %w", path, err)
		}
		out = append(out, m)
	}
	return out, nil
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

// CreateMailbox sends the creation of an e-mail account once. The answer
// carries neither the address nor the quota: list the account (Mailboxes)
// to learn them.
//
// A create is never repeated blindly: repeated after it took effect, it
// fails with "Email account already exists" and the mailbox it made is left
// out of Terraform's state. It is retried only when the API cannot have
// acted (429, a connection that could not be opened); after a 5xx answer or
// a connection lost once the request was sent, the error is one for which
// client.IsOutcomeUnknown is true, and the caller lists the account to learn
// whether the mailbox exists before it sends the create again (at most
// MailboxCreateAttempts times, waiting RetryWait between).
func (c *Client) CreateMailbox(ctx context.Context, hostingID int64, in MailboxInput) error {
	return c.send(ctx, client.Request{Method: http.MethodPost, Path: fmt.Sprintf("/webhosting/%d/emails", hostingID), Body: in, Creates: true}, nil)
}

// MailboxCreateAttempts is how many times a mailbox create may be sent when
// each earlier attempt was found, by listing the account, to have created
// nothing: as many as the transport gives any request (max_retries + 1).
func (c *Client) MailboxCreateAttempts() int { return max(c.cfg.Transport.MaxRetries, 0) + 1 }

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
	return c.do(ctx, http.MethodPut, mailboxPath(hostingID, address, "/password"), nil, map[string]any{"password": password}, nil)
}

// SetMailboxQuota changes the size of an e-mail account, in MB (0 = unlimited).
func (c *Client) SetMailboxQuota(ctx context.Context, hostingID int64, address string, quota int64) error {
	return c.do(ctx, http.MethodPut, mailboxPath(hostingID, address, "/quota"), nil, map[string]any{"quota": quota}, nil)
}

// DeleteMailbox deletes an e-mail account.
func (c *Client) DeleteMailbox(ctx context.Context, hostingID int64, address string) error {
	return c.do(ctx, http.MethodDelete, mailboxPath(hostingID, address, ""), nil, nil, nil)
}
