// Package gigahost is a typed client for the Gigahost API (/api/v0): the
// {meta, data} envelope, API-key or session authentication, and one file of
// typed methods per API area.
package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DefaultEndpoint is the public Gigahost API.
const DefaultEndpoint = "https://api.gigahost.no/api/v0"

// Config holds what a Client needs: an API key, or a username and password
// (with an optional 2FA code) for a session.
type Config struct {
	Transport client.Options
	APIKey    string
	Username  string
	Password  string
	OTP       string
	// Poll shapes the waiters; zero means client.DefaultPoll.
	Poll client.PollSettings
}

// Client talks to the Gigahost API.
type Client struct {
	t    *client.Transport
	cfg  Config
	poll client.PollSettings

	authMu  sync.Mutex
	session *session

	// deploys is the ledger of orders and the deploy status batcher (deploy_status.go).
	deploys deployState

	// domains holds the domain of each hosting account once looked up.
	domainsMu sync.Mutex
	domains   map[int64]string
	// mailAccounts holds each hosting account's write lock and mailbox list.
	mailAccountsMu sync.Mutex
	mailAccounts   map[int64]*mailAccount
	// hostingItems holds the forwarder, database and FTP lists and locks (webhosting_items.go).
	hostingItems hostingItems
	// sshKeys is the account's SSH-key list.
	sshKeys listCache[SSHKey]
	// bgpSessions is the account's BGP session list (bgp.go).
	bgpSessions listCache[BGPSession]
	dns         dnsState // the zone list and each zone's write lock and record list (dns_state.go)
	// sslMail is what the certificate, DKIM and autoresponder calls learn (webhosting_autoresponders.go).
	sslMail sslMailState
	// snapshotLocks serialises snapshot creates per server (server_snapshots.go).
	snapshotLocks keyedLocks
}

type session struct {
	token   string
	expires time.Time
}

const refreshMargin = 60 * time.Second

// New builds a Client. It makes no request.
func New(cfg Config) (*Client, error) {
	poll := cfg.Poll
	t, err := client.NewServiceTransport("gigahost", DefaultEndpoint, cfg.APIKey, cfg.Username, cfg.Password, &cfg.Transport, &poll)
	if err != nil {
		return nil, err
	}
	return &Client{t: t, cfg: cfg, poll: poll}, nil
}

// HasSession reports whether the client authenticates with a session token
// (username and password) rather than an API key for the API in general.
func (c *Client) HasSession() bool { return c.cfg.APIKey == "" }

// CanManageAPIKeys reports whether session credentials (username and
// password) are configured. The API answers 403 to API-key tokens on every
// /account/apikeys endpoint (FIELD-NOTES "Accounts and keys"), so those
// requests always go with a session token, even when an API key is
// configured for everything else.
func (c *Client) CanManageAPIKeys() bool { return c.cfg.Username != "" && c.cfg.Password != "" }

// Poll returns the backoff settings the waiters use.
func (c *Client) Poll() client.PollSettings { return c.poll }

// envelope is every Gigahost answer: {"meta": {...}, "data": ...}.
type envelope struct {
	Meta struct {
		Status        client.Int    `json:"status"`
		StatusMessage client.String `json:"status_message"`
		Message       client.String `json:"message"`
		Error         client.String `json:"error"`
	} `json:"meta"`
	Data json.RawMessage `json:"data"`
}

func apiError(method, path string, r *client.Response) error {
	e := &client.APIError{Method: method, Path: path, Status: r.Status}
	var env envelope
	if json.Unmarshal(r.Body, &env) == nil {
		switch {
		case env.Meta.Message != "":
			e.Message = string(env.Meta.Message)
		case env.Meta.Error != "":
			e.Message = string(env.Meta.Error)
		case env.Meta.StatusMessage != "":
			e.Message = string(env.Meta.StatusMessage)
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

// do sends an authenticated request and decodes the envelope's data into out
// (when out is not nil and data is not empty). A 401 on a session token
// triggers one fresh login and one retry.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	return c.send(ctx, client.Request{Method: method, Path: path, Query: query, Body: body}, out)
}

// send is do for a prepared request, such as one marked Creates.
func (c *Client) send(ctx context.Context, req client.Request, out any) error {
	return c.sendAs(ctx, false, req, out)
}

// doSession is do with the session token whatever else is configured: for
// /account/apikeys, which refuses API-key tokens.
func (c *Client) doSession(ctx context.Context, method, path string, body, out any) error {
	return c.sendAs(ctx, true, client.Request{Method: method, Path: path, Body: body}, out)
}

// sendAs sends req with the configured credential, or with the session
// token when session is true, and checks the answer's HTTP status and its
// meta.status (an error may come as HTTP 200 carrying meta.status >= 400).
func (c *Client) sendAs(ctx context.Context, session bool, req client.Request, out any) error {
	resp, err := c.sendRaw(ctx, session, req)
	if err != nil {
		return err
	}
	return decodeData(req.Method, req.Path, resp.Body, out)
}

// sendRaw sends an authenticated request and returns the answer when it is
// a success (no HTTP error, no error in its meta), for callers that decode
// more than data.
func (c *Client) sendRaw(ctx context.Context, session bool, req client.Request) (*client.Response, error) {
	resp, err := c.t.DoAuthenticated(ctx, req, client.Auth{
		Token: func(ctx context.Context) (string, bool, error) {
			return c.credential(ctx, session)
		},
		Drop:    c.dropSession,
		Explain: explainRefused,
	}, func(r *client.Response) error { return answerError(req.Method, req.Path, r) })
	if err != nil && resp != nil && req.Creates &&
		client.IsStatus(err, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout) {
		// A 5xx carried in the meta of a 200: the API may have acted.
		return nil, &client.OutcomeUnknownError{Method: req.Method, Path: req.Path, Status: resp.Status, Err: err}
	}
	return resp, err
}

// answerError is the error an answer carries: its HTTP status outside 2xx,
// or, with a 2xx, a meta.status of 400 or more (FIELD-NOTES "Types and
// shapes": errors come as meta.status plus meta.message or meta.error; no
// source says they always come with the same HTTP status). nil for success.
func answerError(method, path string, r *client.Response) error {
	if r.Status < 200 || r.Status > 299 {
		return apiError(method, path, r)
	}
	var env envelope
	if json.Unmarshal(r.Body, &env) != nil || env.Meta.Status < 400 {
		return nil
	}
	e := apiError(method, path, &client.Response{Status: int(env.Meta.Status), Header: r.Header, Body: r.Body})
	return fmt.Errorf("%w (the API answered HTTP %d with this error in meta.status)", e, r.Status)
}

// isSlicePointer reports whether out is a pointer to a slice.
func isSlicePointer(out any) bool {
	t := reflect.TypeOf(out)
	return t != nil && t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Slice
}

func decodeData(method, path string, body []byte, out any) error {
	if out == nil || len(body) == 0 {
		return nil
	}
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("%s %s: decoding response: %w", method, path, err)
	}
	data := strings.TrimSpace(string(env.Data))
	if data == "{}" && isSlicePointer(out) {
		// An object where a list belongs is a shape we do not know, not
		// "no items": reading it as empty would drop every object from state.
		return fmt.Errorf("%s %s: the API answered an object where a list was expected: %s", method, path, data)
	}
	if data == "" || data == "null" || data == `""` || data == "[]" || data == "{}" {
		return nil
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("%s %s: decoding response data: %w", method, path, err)
	}
	return nil
}

// credential returns the token to send: the session token when session is
// true or no API key is configured, else the API key. usedSession says
// which it is.
func (c *Client) credential(ctx context.Context, session bool) (token string, usedSession bool, err error) {
	if session && !c.CanManageAPIKeys() {
		return "", false, ErrSessionRequired
	}
	if !session {
		if c.cfg.APIKey != "" {
			return c.cfg.APIKey, false, nil
		}
	}
	token, err = c.sessionToken(ctx)
	return token, true, err
}

// sessionToken returns a live session token, logging in when there is none
// or it is about to expire.
func (c *Client) sessionToken(ctx context.Context) (string, error) {
	c.authMu.Lock()
	defer c.authMu.Unlock()
	if s := c.session; s != nil && time.Now().Add(refreshMargin).Before(s.expires) {
		return s.token, nil
	}
	if err := c.login(ctx); err != nil {
		return "", err
	}
	return c.session.token, nil
}

func (c *Client) dropSession(token string) {
	c.authMu.Lock()
	defer c.authMu.Unlock()
	if c.session != nil && c.session.token == token {
		c.session = nil
	}
}

func (c *Client) login(ctx context.Context) error {
	body := map[string]any{"username": c.cfg.Username, "password": c.cfg.Password}
	if c.cfg.OTP != "" {
		body["code"] = c.cfg.OTP
	}
	const path = "/authenticate"
	resp, err := c.t.Do(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body})
	if err != nil {
		return err
	}
	if err := answerError(http.MethodPost, path, resp); err != nil {
		return client.Refused(fmt.Errorf("gigahost login failed: %w", err), c.loginRefused())
	}
	var top struct {
		Success *client.Bool `json:"success"`
	}
	if json.Unmarshal(resp.Body, &top) == nil && top.Success != nil && !bool(*top.Success) {
		return client.Refused(fmt.Errorf("gigahost login failed: %w", apiError(http.MethodPost, path, &client.Response{Status: http.StatusUnauthorized, Body: resp.Body})), c.loginRefused())
	}
	var data struct {
		Token       client.String   `json:"token"`
		TokenExpire json.RawMessage `json:"token_expire"`
	}
	if err := decodeData(http.MethodPost, path, resp.Body, &data); err != nil || data.Token == "" {
		return errors.New("gigahost login: the answer carries no token")
	}
	c.session = &session{token: string(data.Token), expires: tokenExpiry(data.TokenExpire, time.Now())}
	return nil
}

// loginRefused explains a refused login: the credentials and the endpoint.
func (c *Client) loginRefused() string {
	return fmt.Sprintf("The Gigahost API at %s refused %s. Check the username and password, the one-time code "+
		"if two-factor login is on, and that gigahost_endpoint (GIGAHOST_ENDPOINT) is the API these credentials belong to.",
		c.t.Endpoint(), loginNamed)
}

// defaultSessionLife is assumed when token_expire cannot be read; a token
// that ends sooner is renewed on its first 401.
const defaultSessionLife = time.Hour

// tokenExpiry reads token_expire, which the docs show only as the
// placeholder "unixtimestamp": unix seconds as a number or a numeric
// string; unix milliseconds; a small number as seconds from now; anything
// else (absent, a date, text) as defaultSessionLife from now.
func tokenExpiry(raw json.RawMessage, now time.Time) time.Time {
	var n client.Int
	if json.Unmarshal(raw, &n) != nil || n <= 0 {
		return now.Add(defaultSessionLife)
	}
	var at time.Time
	switch v := int64(n); {
	case v > 1e12:
		at = time.UnixMilli(v)
	case v < 1e9:
		at = now.Add(time.Duration(v) * time.Second)
	default:
		at = time.Unix(v, 0)
	}
	if !at.After(now) {
		return now.Add(defaultSessionLife)
	}
	return at
}

// createTries bounds a create whose answer is lost (client.CreateOnce): as
// many attempts as the transport gives any request, waiting between them as
// its own retries do.
func (c *Client) createTries(notCreated string) client.CreateTries {
	return client.CreateTries{Attempts: max(c.cfg.Transport.MaxRetries, 0) + 1, Wait: c.RetryWait, NotCreated: notCreated}
}

// The docs show no example for several answers (GET /account/apikeys/{id},
// GET /webhosting/{id}, GET /webhosting/{id}/emails), and the live API wraps
// one object in a list on GET /servers/{id} (FIELD-NOTES "Types and
// shapes"). The two readers below accept every plausible form and fail on
// anything else: a shape they do not know is an error, never "no items".

// oneObject finds the one object of an answer's data: the object bare, in a
// one-element list, or either under one member of a wrapping object. The
// object is recognised by having one of the keys marks.
func oneObject(raw json.RawMessage, marks ...string) (json.RawMessage, error) {
	obj, ok, err := findObject(raw, marks, 1)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("no object with %s in the answer (%s)", strings.Join(marks, " or "), abbreviate(raw))
	}
	return obj, nil
}

func findObject(raw json.RawMessage, marks []string, wrappers int) (json.RawMessage, bool, error) {
	trimmed := strings.TrimSpace(string(raw))
	switch {
	case strings.HasPrefix(trimmed, "["):
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, false, err
		}
		if len(items) != 1 {
			return nil, false, fmt.Errorf("a list of %d items where one object was expected", len(items))
		}
		return findObject(items[0], marks, wrappers)
	case strings.HasPrefix(trimmed, "{"):
		var members map[string]json.RawMessage
		if err := json.Unmarshal(raw, &members); err != nil {
			return nil, false, err
		}
		for _, m := range marks {
			if _, ok := members[m]; ok {
				return raw, true, nil
			}
		}
		if wrappers == 0 {
			return nil, false, nil
		}
		var found json.RawMessage
		for _, v := range members {
			obj, ok, err := findObject(v, marks, wrappers-1)
			if err != nil || !ok {
				continue
			}
			if found != nil {
				return nil, false, fmt.Errorf("more than one object with %s in the answer", strings.Join(marks, " or "))
			}
			found = obj
		}
		return found, found != nil, nil
	}
	return nil, false, nil
}

// listItems reads a list answer: the list bare, or under one of the keys
// wrappers of an object (or under its only member when that is a list).
// Empty data (null, [], {}) is no items. The items are returned raw for
// the caller to check; anything else is an error.
func listItems(raw json.RawMessage, wrappers ...string) ([]json.RawMessage, error) {
	trimmed := strings.TrimSpace(string(raw))
	switch {
	case trimmed == "" || trimmed == "null" || trimmed == "[]" || trimmed == "{}":
		return nil, nil
	case strings.HasPrefix(trimmed, "["):
		var items []json.RawMessage
		return items, json.Unmarshal(raw, &items)
	case strings.HasPrefix(trimmed, "{"):
		var members map[string]json.RawMessage
		if err := json.Unmarshal(raw, &members); err != nil {
			return nil, err
		}
		for _, w := range wrappers {
			if inner, ok := members[w]; ok {
				return listItems(inner)
			}
		}
		if len(members) == 1 {
			for _, inner := range members {
				if t := strings.TrimSpace(string(inner)); strings.HasPrefix(t, "[") {
					return listItems(inner)
				}
			}
		}
		keys := make([]string, 0, len(members))
		for k := range members {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return nil, fmt.Errorf("an object with the keys %s where a list (bare or under %s) was expected", strings.Join(keys, ", "), strings.Join(wrappers, " or "))
	}
	return nil, fmt.Errorf("%s where a list was expected", abbreviate(raw))
}

// abbreviate quotes the start of a raw answer for an error message.
func abbreviate(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if s == "" {
		return "empty data"
	}
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}

// listCache is a list read once per operation (the client's life: one
// Terraform operation, so changes made outside Terraform between
// operations are always seen) and shared by every reader: concurrent reads
// share one request, detached from the first reader's cancellation. A write
// that changes the list stores the list it read back (set), patches it, or
// drops it; gen keeps a read that began before a write from storing what it
// fetched.
//
// The cached list is never modified in place: set stores a copy and patch
// changes a copy, so that view can hand out the list itself to readers that
// only read it (a zone of N records read by N resources would otherwise be
// copied N times).
type listCache[T any] struct {
	mu    sync.Mutex
	list  []T
	valid bool
	gen   uint64
	group singleflight.Group
}

// get returns a copy of the cached list, or fetches it once for every
// concurrent reader: the caller may modify what it gets.
func (l *listCache[T]) get(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	list, err := l.view(ctx, fetch)
	if err != nil {
		return nil, err
	}
	return slices.Clone(list), nil
}

// view is get without the copy: the cached list itself, shared with every
// other reader, which the caller must not modify.
func (l *listCache[T]) view(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	l.mu.Lock()
	if l.valid {
		list := l.list
		l.mu.Unlock()
		return list, nil
	}
	gen := l.gen
	l.mu.Unlock()
	return l.shared(ctx, gen, fetch)
}

// shared is view after a miss at generation gen: one fetch for every
// concurrent reader. A flight of this generation may have filled the cache
// between view's check and this call (and left the group already): then
// its list is the answer, without another request.
func (l *listCache[T]) shared(ctx context.Context, gen uint64, fetch func(context.Context) ([]T, error)) ([]T, error) {
	ch := l.group.DoChan(strconv.FormatUint(gen, 10), func() (any, error) {
		l.mu.Lock()
		if l.valid && l.gen == gen {
			list := l.list
			l.mu.Unlock()
			return list, nil
		}
		l.mu.Unlock()
		list, err := fetch(context.WithoutCancel(ctx))
		if err == nil {
			l.mu.Lock()
			if l.gen == gen {
				l.list, l.valid = list, true
			}
			l.mu.Unlock()
		}
		return list, err
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		list, _ := r.Val.([]T)
		return list, nil
	}
}

// fresh fetches the list now and keeps it for later readers; on an error
// the cached list, which may no longer be true, is dropped.
func (l *listCache[T]) fresh(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	list, err := fetch(ctx)
	if err != nil {
		l.drop()
		return nil, err
	}
	l.set(list)
	return list, nil
}

// set stores a list read after a write.
func (l *listCache[T]) set(list []T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	l.list, l.valid = slices.Clone(list), true
}

// patch applies a write's known effect to the cached list, if any: to a
// copy, which fn may change in place, so that views already handed out
// stay as they were.
func (l *listCache[T]) patch(fn func([]T) []T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	if l.valid {
		l.list = fn(slices.Clone(l.list))
	}
}

// drop forgets the list after a write whose effect is not known.
func (l *listCache[T]) drop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	l.list, l.valid = nil, false
}
