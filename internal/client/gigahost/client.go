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
	"strings"
	"sync"
	"time"

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
}

type session struct {
	token   string
	expires time.Time
}

const refreshMargin = 60 * time.Second

// New builds a Client. It makes no request.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" && (cfg.Username == "" || cfg.Password == "") {
		return nil, errors.New("gigahost: an API key, or a username and password, is required")
	}
	if cfg.Transport.BaseURL == "" {
		cfg.Transport.BaseURL = DefaultEndpoint
	}
	cfg.Transport.Service = "gigahost"
	t, err := client.NewTransport(cfg.Transport)
	if err != nil {
		return nil, err
	}
	poll := cfg.Poll
	if poll.Initial <= 0 {
		poll = client.DefaultPoll
	}
	return &Client{t: t, cfg: cfg, poll: poll}, nil
}

// HasSession reports whether the client authenticates with a session token
// (username and password) rather than an API key. Only session tokens may
// manage API keys.
func (c *Client) HasSession() bool { return c.cfg.APIKey == "" }

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
	method, path := req.Method, req.Path
	for attempt := 0; ; attempt++ {
		token, err := c.token(ctx)
		if err != nil {
			return err
		}
		req.Header = client.Bearer(token)
		resp, err := c.t.Do(ctx, req)
		if err != nil {
			return err
		}
		if resp.Status == http.StatusUnauthorized && c.HasSession() && attempt == 0 {
			c.dropSession(token)
			continue
		}
		if resp.Status < 200 || resp.Status > 299 {
			return apiError(method, path, resp)
		}
		return decodeData(method, path, resp.Body, out)
	}
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
	if data == "" || data == "null" || data == `""` || data == "[]" || data == "{}" {
		return nil
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("%s %s: decoding response data: %w", method, path, err)
	}
	return nil
}

func (c *Client) token(ctx context.Context) (string, error) {
	if c.cfg.APIKey != "" {
		return c.cfg.APIKey, nil
	}
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
	if resp.Status < 200 || resp.Status > 299 {
		return fmt.Errorf("gigahost login failed: %w", apiError(http.MethodPost, path, resp))
	}
	var data struct {
		Token       string     `json:"token"`
		TokenExpire client.Int `json:"token_expire"`
	}
	if err := decodeData(http.MethodPost, path, resp.Body, &data); err != nil || data.Token == "" {
		return errors.New("gigahost login: the answer carries no token")
	}
	expires := time.Unix(int64(data.TokenExpire), 0)
	if data.TokenExpire == 0 {
		expires = time.Now().Add(time.Hour)
	}
	c.session = &session{token: data.Token, expires: expires}
	return nil
}
