package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Autoresponders of a hosting account: POST /webhosting/{id}/autoresponders
// and GET, PUT, DELETE /webhosting/{id}/autoresponders/{email}. The docs say
// {email} is "the email address" without saying whether the full address or
// the part before the @ (the create takes the latter as user; the mailbox
// paths take the former). The client sends the full address and, on a 404,
// the part before the @ once; the form that answers is kept for the rest of
// the operation. The docs show no answer: the fields are read in each
// plausible form, and a field the answer does not carry keeps its prior
// value.

// sslMailState is what the autoresponder calls learn during one operation:
// per hosting account, whether {email} is the part before the @.
type sslMailState struct {
	mu                 sync.Mutex
	autoresponderLocal map[int64]bool
}

// Autoresponder is an automatic reply as GET .../autoresponders/{email}
// shows it. A nil field is one the answer does not carry.
type Autoresponder struct {
	// Address is the full address, local@domain, in lower case.
	Address       string
	Subject       *string
	Text          *string
	CC            *bool
	ReplyOnceTime *string
}

// AutoresponderInput is the body of the create and the update ("accepts the
// same fields as the create call"). Nil fields are left out.
type AutoresponderInput struct {
	// User is the part before the @.
	User          string  `json:"user"`
	Subject       *string `json:"subject,omitempty"`
	Text          *string `json:"text,omitempty"`
	CC            *string `json:"cc,omitempty"` // ON or OFF
	ReplyOnceTime *string `json:"reply_once_time,omitempty"`
}

// CCFlag is the API's form of the cc flag.
func CCFlag(on bool) *string {
	v := "OFF"
	if on {
		v = "ON"
	}
	return &v
}

// autoresponderJSON is the answer for one autoresponder. The message may be
// in text, message or body; the address in email, address or user.
type autoresponderJSON struct {
	Email         client.String   `json:"email"`
	Address       client.String   `json:"address"`
	User          client.String   `json:"user"`
	Domain        client.String   `json:"domain"`
	Subject       *client.String  `json:"subject"`
	Text          *client.String  `json:"text"`
	Message       *client.String  `json:"message"`
	Body          *client.String  `json:"body"`
	CC            json.RawMessage `json:"cc"`
	ReplyOnceTime *client.String  `json:"reply_once_time"`
}

// decodeAutoresponder reads the answer for the autoresponder address: the
// object bare, in a one-element list or wrapped. address fills in what the
// answer does not say.
func decodeAutoresponder(raw json.RawMessage, address string) (*Autoresponder, error) {
	obj, err := oneObject(raw, "subject", "text", "message", "reply_once_time", "cc")
	if err != nil {
		return nil, err
	}
	var j autoresponderJSON
	if err := json.Unmarshal(obj, &j); err != nil {
		return nil, fmt.Errorf("decoding the autoresponder: %w", err)
	}
	out := &Autoresponder{Address: strings.ToLower(address)}
	mb := mailboxJSON{Email: j.Email, Address: j.Address, User: j.User, Domain: j.Domain}
	if local, domain := mb.parts(); local != "" && domain != "" {
		out.Address = local + "@" + domain
	}
	out.Subject = optionalString(j.Subject)
	for _, text := range []*client.String{j.Text, j.Message, j.Body} {
		if out.Text == nil {
			out.Text = optionalString(text)
		}
	}
	out.ReplyOnceTime = optionalString(j.ReplyOnceTime)
	if cc := strings.ToUpper(strings.Trim(strings.TrimSpace(string(j.CC)), `"`)); cc != "" && cc != "NULL" {
		var on bool
		switch cc {
		case "ON", "TRUE", "1", "YES":
			on = true
		case "OFF", "FALSE", "0", "NO":
		default:
			return nil, fmt.Errorf("cc %s is neither ON nor OFF", string(j.CC))
		}
		out.CC = &on
	}
	return out, nil
}

func optionalString(s *client.String) *string {
	if s == nil {
		return nil
	}
	v := string(*s)
	return &v
}

// autoresponderPath is the path of one autoresponder with {email} in the
// form that answers for this account (the full address until a 404 says
// otherwise).
func (c *Client) autoresponderPath(hostingID int64, address string, local bool) string {
	email := address
	if local {
		email, _, _ = strings.Cut(address, "@")
	}
	return fmt.Sprintf("/webhosting/%d/autoresponders/%s", hostingID, email)
}

// Autoresponder reads one autoresponder by its full address; nil when it
// does not exist. A missing hosting account is the API's 404 error too.
func (c *Client) Autoresponder(ctx context.Context, hostingID int64, address string) (*Autoresponder, error) {
	var raw json.RawMessage
	forms := c.autoresponderForms(hostingID)
	var err error
	for _, local := range forms {
		raw = nil
		err = c.do(ctx, http.MethodGet, c.autoresponderPath(hostingID, address, local), nil, nil, &raw)
		if err == nil {
			c.keepAutoresponderForm(hostingID, local)
			break
		}
		if !client.IsNotFound(err) {
			return nil, err
		}
	}
	if client.IsNotFound(err) {
		if _, aerr := c.HostingDomain(ctx, hostingID); aerr != nil {
			return nil, aerr // the account itself is gone (or unreadable)
		}
		return nil, nil
	}
	if t := strings.TrimSpace(string(raw)); t == "" || t == "null" || t == "[]" || t == "{}" {
		return nil, nil
	}
	a, err := decodeAutoresponder(raw, address)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", c.autoresponderPath(hostingID, address, forms[0]), err)
	}
	return a, nil
}

// autoresponderForms lists the {email} forms to try: the one known to
// answer, or the full address then the part before the @.
func (c *Client) autoresponderForms(hostingID int64) []bool {
	c.sslMail.mu.Lock()
	defer c.sslMail.mu.Unlock()
	if local, ok := c.sslMail.autoresponderLocal[hostingID]; ok {
		return []bool{local}
	}
	return []bool{false, true}
}

func (c *Client) keepAutoresponderForm(hostingID int64, local bool) {
	c.sslMail.mu.Lock()
	defer c.sslMail.mu.Unlock()
	if c.sslMail.autoresponderLocal == nil {
		c.sslMail.autoresponderLocal = map[int64]bool{}
	}
	c.sslMail.autoresponderLocal[hostingID] = local
}

// ErrAutoresponderExists is a create for an address that has an
// autoresponder already.
var ErrAutoresponderExists = errors.New("an autoresponder for this address exists already")

// CreateAutoresponder creates an autoresponder and returns it as read back,
// under the account's write lock. An address that has one already is an
// ErrAutoresponderExists (import it instead). A create whose answer is lost
// goes through client.CreateOnce: the address is read; an autoresponder
// there now is this create's (adopted), none means the API did not act and
// the create is sent again.
func (c *Client) CreateAutoresponder(ctx context.Context, hostingID int64, in AutoresponderInput) (*Autoresponder, error) {
	domain, err := c.HostingDomain(ctx, hostingID)
	if err != nil {
		return nil, err
	}
	address := strings.ToLower(in.User) + "@" + domain
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if existing, err := c.Autoresponder(ctx, hostingID, address); err != nil {
		return nil, fmt.Errorf("reading %s before the create: %w", address, err)
	} else if existing != nil {
		return nil, fmt.Errorf("%s: %w; import it with <hosting_id>/<address>", address, ErrAutoresponderExists)
	}
	path := fmt.Sprintf("/webhosting/%d/autoresponders", hostingID)
	ar, _, err := client.CreateOnce(ctx, c.createTries("the autoresponder was not created"), func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: in, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (*Autoresponder, bool, error) {
		found, rerr := c.Autoresponder(ctx, hostingID, address)
		if rerr != nil {
			return nil, false, fmt.Errorf("%w; and reading %s to learn whether it was created failed: %w", err, address, rerr)
		}
		return found, found != nil, nil
	})
	if err != nil || ar != nil {
		return ar, err
	}
	return c.readBackAutoresponder(ctx, hostingID, address)
}

// readBackAutoresponder reads an autoresponder that a write just made or
// changed; absent is an error.
func (c *Client) readBackAutoresponder(ctx context.Context, hostingID int64, address string) (*Autoresponder, error) {
	ar, err := c.Autoresponder(ctx, hostingID, address)
	if err == nil && ar == nil {
		err = fmt.Errorf("the autoresponder %s is not there after the write", address)
	}
	if err != nil {
		return nil, &ErrAutoresponderNotRead{Address: address, Err: err}
	}
	return ar, nil
}

// ErrAutoresponderNotRead is an autoresponder written but not read back.
type ErrAutoresponderNotRead struct {
	Address string
	Err     error
}

func (e *ErrAutoresponderNotRead) Error() string {
	return fmt.Sprintf("the autoresponder %s was written but cannot be read back: %v", e.Address, e.Err)
}

func (e *ErrAutoresponderNotRead) Unwrap() error { return e.Err }

// UpdateAutoresponder changes an autoresponder in place (PUT, the create's
// fields) and returns it as read back.
func (c *Client) UpdateAutoresponder(ctx context.Context, hostingID int64, address string, in AutoresponderInput) (*Autoresponder, error) {
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.withAutoresponderPath(ctx, hostingID, address, true, func(path string) error {
		return c.do(ctx, http.MethodPut, path, nil, in, nil)
	}); err != nil {
		return nil, err
	}
	return c.readBackAutoresponder(ctx, hostingID, address)
}

// withAutoresponderPath runs write with each {email} form to try until one
// is not a 404. A write that succeeds teaches the form when learn is set;
// a DELETE does not (a 200 to a DELETE proves nothing: its read-back must
// still try every form).
func (c *Client) withAutoresponderPath(ctx context.Context, hostingID int64, address string, learn bool, write func(path string) error) error {
	var err error
	for _, local := range c.autoresponderForms(hostingID) {
		if err = write(c.autoresponderPath(hostingID, address, local)); !client.IsNotFound(err) {
			if err == nil && learn {
				c.keepAutoresponderForm(hostingID, local)
			}
			return err
		}
	}
	return err
}

// DeleteAutoresponder deletes an autoresponder and verifies it by reading
// it back: still there is an error, whatever the DELETE answered. One
// already gone (or its account) is no error.
func (c *Client) DeleteAutoresponder(ctx context.Context, hostingID int64, address string) error {
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.withAutoresponderPath(ctx, hostingID, address, false, func(path string) error {
		return c.do(ctx, http.MethodDelete, path, nil, nil, nil)
	}); err != nil && !client.IsNotFound(err) {
		return err
	}
	ar, err := c.Autoresponder(ctx, hostingID, address)
	switch {
	case client.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("the autoresponder %s was deleted, but reading it back to verify failed: %w", address, err)
	case ar != nil:
		return fmt.Errorf("DELETE was answered, but the autoresponder %s is still there", address)
	}
	return nil
}
