// Package gigas is a typed client for the Gigas cloud API: authentication,
// accounts, locations, templates, virtual machines and queue transactions.
package gigas

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DefaultEndpoint is the public Gigas API.
const DefaultEndpoint = "https://api.gigas.com"

// Config holds what a Client needs. Either APIKey or Username and Password.
type Config struct {
	Transport client.Options
	APIKey    string
	Username  string
	Password  string
	TOTP      string
	// AccountID is the account to act on; 0 means the only one the
	// credentials can see.
	AccountID int64
	// Poll shapes WaitTransaction and the lock waits; zero means client.DefaultPoll.
	Poll client.PollSettings
}

// Client talks to one Gigas account.
type Client struct {
	t    *client.Transport
	cfg  Config
	poll client.PollSettings

	authMu  sync.Mutex
	session *session
	// loggedIn is set after the first successful login: a later login that
	// fails with a TOTP configured is most likely the code's expiry.
	loggedIn bool

	accountMu sync.Mutex
	accountID int64

	// vmLocks serialise this client's writes to one VM (its own edits and
	// ISO mounts), so that two of them never race for the API's lock.
	vmLocksMu sync.Mutex
	vmLocks   map[string]*sync.Mutex
}

// lockVM holds the VM's write lock until the returned func is called.
func (c *Client) lockVM(id string) (unlock func()) {
	c.vmLocksMu.Lock()
	if c.vmLocks == nil {
		c.vmLocks = map[string]*sync.Mutex{}
	}
	mu := c.vmLocks[id]
	if mu == nil {
		mu = &sync.Mutex{}
		c.vmLocks[id] = mu
	}
	c.vmLocksMu.Unlock()
	mu.Lock()
	return mu.Unlock
}

type session struct {
	token          string
	expires        time.Time
	refreshToken   string
	refreshExpires time.Time
}

// refreshMargin is how long before expiry a session token is renewed.
const refreshMargin = 60 * time.Second

// New builds a Client. It makes no request.
func New(cfg Config) (*Client, error) {
	poll := cfg.Poll
	t, err := client.NewServiceTransport("gigas", DefaultEndpoint, cfg.APIKey, cfg.Username, cfg.Password, &cfg.Transport, &poll)
	if err != nil {
		return nil, err
	}
	return &Client{t: t, cfg: cfg, poll: poll, accountID: cfg.AccountID}, nil
}

// apiError reads a Gigas error body: {"message": ...} or {"error": ...} or
// {"errors": {...}}; anything else is quoted as text.
func apiError(method, path string, r *client.Response) error {
	e := &client.APIError{Method: method, Path: path, Status: r.Status}
	var body struct {
		Message client.String   `json:"message"`
		Error   json.RawMessage `json:"error"`
		Errors  json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(r.Body, &body) == nil {
		switch {
		case body.Message != "":
			e.Message = string(body.Message)
		case len(body.Error) > 0 && string(body.Error) != "null":
			var s string
			if json.Unmarshal(body.Error, &s) == nil {
				e.Message = s
			} else {
				e.Message = string(body.Error)
			}
		case len(body.Errors) > 0 && string(body.Errors) != "null":
			e.Message = string(body.Errors)
		}
	}
	if e.Message == "" {
		e.Message = strings.TrimSpace(string(r.Body))
		if len(e.Message) > 300 {
			e.Message = e.Message[:300] + "..."
		}
	}
	return e
}

// send sends an authenticated request, such as one marked Creates, and
// returns the body of a 2xx answer. A 401 on a session token triggers one
// fresh login and one retry.
func (c *Client) send(ctx context.Context, req client.Request) ([]byte, error) {
	resp, err := c.t.DoAuthenticated(ctx, req, client.Auth{
		Token: func(ctx context.Context) (string, bool, error) {
			token, err := c.token(ctx)
			return token, c.cfg.APIKey == "", err
		},
		Drop:    c.dropSession,
		Explain: explainRefused,
	}, func(r *client.Response) error {
		if r.Status < 200 || r.Status > 299 {
			return apiError(req.Method, req.Path, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// token returns a usable bearer token, logging in or refreshing as needed.
func (c *Client) token(ctx context.Context) (string, error) {
	if c.cfg.APIKey != "" {
		return c.cfg.APIKey, nil
	}
	c.authMu.Lock()
	defer c.authMu.Unlock()
	now := time.Now()
	if s := c.session; s != nil && now.Add(refreshMargin).Before(s.expires) {
		return s.token, nil
	}
	if s := c.session; s != nil && s.refreshToken != "" && now.Before(s.refreshExpires) {
		err := c.refresh(ctx, s.refreshToken)
		if err == nil {
			return c.session.token, nil
		}
		// POST /token/refresh is not documented: a 404, 405 or 400 (no such
		// endpoint, or another body expected) or a refused refresh token
		// falls back to a full login below.
		tflog.Debug(ctx, "Gigas session refresh refused; logging in again", map[string]any{"error": err.Error()})
	}
	if err := c.login(ctx); err != nil {
		if c.cfg.TOTP != "" && c.loggedIn {
			// %v, not %w: a diagnostic built from the API error alone
			// would drop this explanation.
			return "", fmt.Errorf("the Gigas session expired and logging in again failed: the configured TOTP code (gigas_totp) "+
				"has most likely expired, since a code is valid for a few seconds only and this run outlived it. "+
				"For long runs use an API key (gigas_api_key or GIGAS_API_KEY) instead of a login. The login answered: %v", err)
		}
		return "", err
	}
	c.loggedIn = true
	return c.session.token, nil
}

func (c *Client) dropSession(token string) {
	c.authMu.Lock()
	defer c.authMu.Unlock()
	if c.session != nil && c.session.token == token {
		c.session = nil
	}
}

type tokenResponse struct {
	Token          string     `json:"token"`
	Expires        client.Int `json:"expires"`
	RefreshToken   string     `json:"refresh_token"`
	RefreshExpires client.Int `json:"refresh_expires"`
}

func (c *Client) login(ctx context.Context) error {
	body := map[string]any{"login": c.cfg.Username, "password": c.cfg.Password, "readonly": false}
	if c.cfg.TOTP != "" {
		body["totp"] = c.cfg.TOTP
	}
	return c.obtainToken(ctx, "/token", body)
}

func (c *Client) refresh(ctx context.Context, refreshToken string) error {
	return c.obtainToken(ctx, "/token/refresh", map[string]any{"refresh_token": refreshToken})
}

func (c *Client) obtainToken(ctx context.Context, path string, body any) error {
	resp, err := c.t.Do(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body})
	if err != nil {
		return err
	}
	if resp.Status < 200 || resp.Status > 299 {
		err := fmt.Errorf("gigas login failed: %w", apiError(http.MethodPost, path, resp))
		if path == "/token" {
			err = client.Refused(err, c.loginRefused())
		}
		return err
	}
	var tr tokenResponse
	if err := json.Unmarshal(resp.Body, &tr); err != nil || tr.Token == "" {
		return fmt.Errorf("gigas login: unexpected answer from POST %s", path)
	}
	expires := time.Unix(int64(tr.Expires), 0)
	if tr.Expires == 0 {
		// No expiry given: assume an hour, and rely on the re-login on 401.
		expires = time.Now().Add(time.Hour)
	}
	c.session = &session{
		token:          tr.Token,
		expires:        expires,
		refreshToken:   tr.RefreshToken,
		refreshExpires: time.Unix(int64(tr.RefreshExpires), 0),
	}
	return nil
}

// Account is one contracted service.
type Account struct {
	ID           client.Int    `json:"id"`
	ClientID     client.Int    `json:"client_id"`
	ProductID    client.Int    `json:"product_id"`
	CategorySlug client.String `json:"category_slug"`
	Domain       client.String `json:"domain"`
	Status       client.String `json:"status"`
	LocationID   client.String `json:"location_id"`
}

// Accounts lists the accounts the credentials can see.
func (c *Client) Accounts(ctx context.Context) ([]Account, error) {
	return getList[Account](ctx, c, "/accounts", "account", "accounts")
}

// AccountID returns the configured account, or discovers the only one.
func (c *Client) AccountID(ctx context.Context) (int64, error) {
	c.accountMu.Lock()
	defer c.accountMu.Unlock()
	if c.accountID != 0 {
		return c.accountID, nil
	}
	accounts, err := c.Accounts(ctx)
	if err != nil {
		return 0, fmt.Errorf("discovering the Gigas account: %w", err)
	}
	if len(accounts) != 1 {
		ids := make([]string, 0, len(accounts))
		for _, a := range accounts {
			ids = append(ids, strconv.FormatInt(int64(a.ID), 10))
		}
		return 0, fmt.Errorf("these credentials see %d Gigas accounts (%s): set gigas_account_id (or GIGAS_ACCOUNT_ID) to choose one", len(accounts), strings.Join(ids, ", "))
	}
	c.accountID = int64(accounts[0].ID)
	return c.accountID, nil
}

// accountPath prefixes path with /account/{id}.
func (c *Client) accountPath(ctx context.Context, format string, args ...any) (string, error) {
	id, err := c.AccountID(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("/account/%d", id) + fmt.Sprintf(format, args...), nil
}
