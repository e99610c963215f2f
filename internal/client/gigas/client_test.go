package gigas

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

var fastPoll = client.PollSettings{Initial: 5 * time.Millisecond, Max: 20 * time.Millisecond, Factor: 1.5}

func startMock(t *testing.T, opts mockapi.Options) *mockapi.Server {
	t.Helper()
	if opts.ProvisioningDelay == 0 {
		opts.ProvisioningDelay = 50 * time.Millisecond
	}
	m := mockapi.New(opts)
	m.Start()
	t.Cleanup(m.Close)
	return m
}

// newClient builds a client for endpoint with quick retries and polls.
func newClient(t *testing.T, endpoint string, cfg Config) *Client {
	t.Helper()
	cfg.Transport.BaseURL = endpoint
	if cfg.Transport.MaxRetries == 0 {
		cfg.Transport.MaxRetries = 2
	}
	cfg.Transport.RetryWaitMin = time.Millisecond
	cfg.Transport.RetryWaitMax = 4 * time.Millisecond
	if cfg.Poll.Initial == 0 {
		cfg.Poll = fastPoll
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func sessionConfig() Config {
	return Config{Username: mockapi.GigasUsername, Password: mockapi.GigasPassword}
}

// count counts the Gigas requests with exactly this method and path
// (CountRequests matches a prefix, and /token is a prefix of /token/refresh).
func count(m *mockapi.Server, method, path string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigas" && r.Method == method && r.Path == path && r.Fault == "" {
			n++
		}
	}
	return n
}

func countStatus(m *mockapi.Server, status int) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigas" && r.Status == status && r.Fault == "" {
			n++
		}
	}
	return n
}

func TestNewRequiresCredentials(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{{}, {Username: "u"}, {Password: "p"}} {
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "API key") {
			t.Errorf("New(%+v) = %v, want a missing credentials error", cfg, err)
		}
	}
	if _, err := New(Config{APIKey: "k", Transport: client.Options{BaseURL: "not a url"}}); err == nil {
		t.Error("New accepted an invalid endpoint")
	}
}

func TestAPIKeyAuth(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	accounts, err := c.Accounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(accounts) != 1 || accounts[0].ID != mockapi.GigasAccountID || accounts[0].Status != "Active" {
		t.Errorf("accounts = %+v", accounts)
	}
	if n := count(m, http.MethodPost, "/token"); n != 0 {
		t.Errorf("an API key client logged in %d times", n)
	}
}

func TestAPIKeyRefusedDoesNotLogIn(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: "wrong-key"})
	_, err := c.Accounts(context.Background())
	if !client.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "invalid or expired token") {
		t.Fatalf("err = %v, want the API's 401 message", err)
	}
	if strings.Contains(err.Error(), "wrong-key") {
		t.Errorf("the error %q shows the API key", err)
	}
	if n := count(m, http.MethodGet, "/accounts"); n != 1 {
		t.Errorf("GET /accounts sent %d times, want 1 (no retry of a refused key)", n)
	}
}

func TestSessionLoginThenReuse(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), sessionConfig())
	ctx := context.Background()
	for range 3 {
		if _, err := c.Locations(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(m, http.MethodPost, "/token"); n != 1 {
		t.Errorf("POST /token sent %d times, want 1", n)
	}
	if n := count(m, http.MethodPost, "/token/refresh"); n != 0 {
		t.Errorf("POST /token/refresh sent %d times, want 0 for an hour-long session", n)
	}
}

func TestSessionConcurrentCallsLogInOnce(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), sessionConfig())
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Templates(context.Background())
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count(m, http.MethodPost, "/token"); n != 1 {
		t.Errorf("POST /token sent %d times by 10 concurrent calls, want 1", n)
	}
	if n := count(m, http.MethodGet, "/accounts"); n != 1 {
		t.Errorf("GET /accounts sent %d times by 10 concurrent calls, want 1", n)
	}
}

func TestSessionRefreshBeforeExpiry(t *testing.T) {
	t.Parallel()
	// The API gives expiries in whole seconds. With a 60s lifetime, expires
	// is at most login time + 60s, so the client's 60s refresh margin is
	// always reached and every call after the login refreshes. (With 61s
	// the token would count as fresh for up to one second: not deterministic.)
	m := startMock(t, mockapi.Options{SessionTTL: refreshMargin})
	cfg := sessionConfig()
	cfg.AccountID = mockapi.GigasAccountID
	c := newClient(t, m.GigasURL(), cfg)
	ctx := context.Background()
	for i := range 3 {
		if _, err := c.Locations(ctx); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	if n := count(m, http.MethodPost, "/token"); n != 1 {
		t.Errorf("POST /token sent %d times, want 1", n)
	}
	if n := count(m, http.MethodPost, "/token/refresh"); n != 2 {
		t.Errorf("POST /token/refresh sent %d times, want 2 (before calls 2 and 3)", n)
	}
	if n := countStatus(m, http.StatusUnauthorized); n != 0 {
		t.Errorf("%d answers were 401: the refresh came too late", n)
	}
}

func TestSessionReloginAfterExpiry(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), sessionConfig())
	ctx := context.Background()
	if _, err := c.Locations(ctx); err != nil {
		t.Fatal(err)
	}
	m.Gigas.ExpireSessions()
	locs, err := c.Locations(ctx)
	if err != nil {
		t.Fatalf("after the session expired: %v", err)
	}
	if len(locs) == 0 {
		t.Error("no locations")
	}
	if n := count(m, http.MethodPost, "/token"); n != 2 {
		t.Errorf("POST /token sent %d times, want 2 (login, then one re-login)", n)
	}
	if n := countStatus(m, http.StatusUnauthorized); n != 1 {
		t.Errorf("%d answers were 401, want exactly 1", n)
	}
}

func TestTOTP(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	m.Gigas.RequireTOTP("123456")

	_, err := newClient(t, m.GigasURL(), sessionConfig()).Accounts(context.Background())
	if err == nil || !strings.Contains(err.Error(), "gigas login failed") || !strings.Contains(err.Error(), "Two-factor") {
		t.Errorf("without a code: err = %v, want a login failure quoting the API", err)
	}

	cfg := sessionConfig()
	cfg.TOTP = "000000"
	if _, err := newClient(t, m.GigasURL(), cfg).Accounts(context.Background()); !client.IsStatus(err, http.StatusUnauthorized) {
		t.Errorf("with a wrong code: err = %v, want a 401", err)
	}

	cfg.TOTP = "123456"
	if _, err := newClient(t, m.GigasURL(), cfg).Accounts(context.Background()); err != nil {
		t.Errorf("with the right code: %v", err)
	}
}

func TestLoginRefusedKeepsPasswordOut(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	cfg := sessionConfig()
	cfg.Password = "not-the-password-42"
	_, err := newClient(t, m.GigasURL(), cfg).Locations(context.Background())
	if !client.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "Invalid credentials") {
		t.Fatalf("err = %v, want the API's 401 message", err)
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("the error %q shows the password", err)
	}
	if n := count(m, http.MethodPost, "/token"); n != 1 {
		t.Errorf("POST /token sent %d times, want 1", n)
	}
}

// authServer is a Gigas stand-in whose login and refresh answers the test
// shapes, for the cases the mock cannot produce.
type authServer struct {
	mu             sync.Mutex
	logins         int
	refreshes      int
	expiresIn      time.Duration
	refreshExpires time.Duration
	refreshStatus  int
	alwaysRefuse   bool // answer 401 to every authenticated call
	valid          map[string]bool
}

func (a *authServer) handler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	issue := func(w http.ResponseWriter, prefix string, n int) {
		token := fmt.Sprintf("%s-%d", prefix, n)
		a.valid[token] = true
		now := time.Now()
		_ = json.NewEncoder(w).Encode(map[string]any{
			"token": token, "expires": now.Add(a.expiresIn).Unix(),
			"refresh_token": "r-" + token, "refresh_expires": fmt.Sprint(now.Add(a.refreshExpires).Unix()),
		})
	}
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, _ *http.Request) {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.logins++
		issue(w, "login", a.logins)
	})
	mux.HandleFunc("POST /token/refresh", func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.refreshes++
		var body map[string]string
		_ = json.NewDecoder(r.Body).Decode(&body)
		if !strings.HasPrefix(body["refresh_token"], "r-") {
			t.Errorf("refresh sent %v, want the refresh token", body)
		}
		if a.refreshStatus != 0 {
			w.WriteHeader(a.refreshStatus)
			_, _ = w.Write([]byte(`{"message":"Invalid refresh token"}`))
			return
		}
		issue(w, "refreshed", a.refreshes)
	})
	mux.HandleFunc("GET /account/1/locations", func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		defer a.mu.Unlock()
		token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if a.alwaysRefuse || !a.valid[token] {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"message":"Unauthorized"}`))
			return
		}
		_, _ = w.Write([]byte(`[{"id":"1","label":"Spain"}]`))
	})
	return mux
}

func startAuthServer(t *testing.T, a *authServer) (*httptest.Server, *Client) {
	t.Helper()
	a.valid = map[string]bool{}
	srv := httptest.NewServer(a.handler(t))
	t.Cleanup(srv.Close)
	cfg := sessionConfig()
	cfg.AccountID = 1
	return srv, newClient(t, srv.URL, cfg)
}

func TestSessionRefreshRefusedFallsBackToLogin(t *testing.T) {
	t.Parallel()
	a := &authServer{expiresIn: 30 * time.Second, refreshExpires: time.Hour, refreshStatus: http.StatusUnauthorized}
	_, c := startAuthServer(t, a)
	for i := range 2 {
		if _, err := c.Locations(context.Background()); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.logins != 2 || a.refreshes != 1 {
		t.Errorf("logins %d, refreshes %d; want 2 and 1 (a refused refresh falls back to a login)", a.logins, a.refreshes)
	}
}

func TestSessionRefreshTokenExpiredLogsIn(t *testing.T) {
	t.Parallel()
	a := &authServer{expiresIn: 30 * time.Second, refreshExpires: -time.Minute}
	_, c := startAuthServer(t, a)
	for i := range 2 {
		if _, err := c.Locations(context.Background()); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.logins != 2 || a.refreshes != 0 {
		t.Errorf("logins %d, refreshes %d; want 2 and 0 (an expired refresh token is not tried)", a.logins, a.refreshes)
	}
}

func TestSessionPersistent401ReloginsOnce(t *testing.T) {
	t.Parallel()
	a := &authServer{expiresIn: time.Hour, refreshExpires: time.Hour, alwaysRefuse: true}
	_, c := startAuthServer(t, a)
	_, err := c.Locations(context.Background())
	if !client.IsStatus(err, http.StatusUnauthorized) {
		t.Fatalf("err = %v, want the 401", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.logins != 2 {
		t.Errorf("logins = %d, want 2 (one re-login on a 401, no loop)", a.logins)
	}
}

func TestAccountDiscoveryOneAccount(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	ctx := context.Background()
	for range 3 {
		id, err := c.AccountID(ctx)
		if err != nil || id != mockapi.GigasAccountID {
			t.Fatalf("AccountID = %d, %v; want %d", id, err, mockapi.GigasAccountID)
		}
	}
	if _, err := c.Locations(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(m, http.MethodGet, "/accounts"); n != 1 {
		t.Errorf("GET /accounts sent %d times, want 1 (the answer is kept)", n)
	}
	if n := count(m, http.MethodGet, fmt.Sprintf("/account/%d/locations", mockapi.GigasAccountID)); n != 1 {
		t.Errorf("the locations of the discovered account were read %d times, want 1", n)
	}
}

func TestAccountDiscoveryTwoAccountsAsksToChoose(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	m.Gigas.AddAccount(31337)
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	_, err := c.Locations(context.Background())
	if err == nil {
		t.Fatal("two accounts: no error")
	}
	for _, want := range []string{"gigas_account_id", "2 Gigas accounts", "22666", "31337"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	if n := count(m, http.MethodGet, "/account/31337/locations") + count(m, http.MethodGet, "/account/22666/locations"); n != 0 {
		t.Errorf("%d account-scoped calls were made without a chosen account", n)
	}

	cfg := Config{APIKey: mockapi.GigasAPIKey, AccountID: 31337}
	m.ResetRequests()
	if _, err := newClient(t, m.GigasURL(), cfg).Locations(context.Background()); err != nil {
		t.Fatalf("with gigas_account_id set: %v", err)
	}
	if n := count(m, http.MethodGet, "/accounts"); n != 0 {
		t.Errorf("a configured account was still discovered (%d GET /accounts)", n)
	}
}

func TestAPIErrorShapes(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 400)
	cases := []struct {
		body string
		want string
	}{
		{`{"message":"Template not found"}`, "Template not found"},
		{`{"message":404}`, "404"},
		{`{"error":"Forbidden here"}`, "Forbidden here"},
		{`{"error":{"code":7,"text":"bad"}}`, `{"code":7,"text":"bad"}`},
		{`{"errors":{"hostname":["is invalid"]}}`, `{"hostname":["is invalid"]}`},
		{`{"error":null,"message":""}`, `{"error":null,"message":""}`},
		{`<html>502 Bad Gateway</html>`, `<html>502 Bad Gateway</html>`},
		{long, long[:300] + "..."},
		{``, "Bad Request"},
	}
	for _, c := range cases {
		err := apiError(http.MethodPost, "/x", &client.Response{Status: http.StatusBadRequest, Body: []byte(c.body)})
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
			t.Fatalf("apiError(%q) = %v, want an APIError with the status", c.body, err)
		}
		if c.want == "Bad Request" {
			if !strings.HasSuffix(err.Error(), "HTTP 400: Bad Request") {
				t.Errorf("empty body: %q", err)
			}
			continue
		}
		if apiErr.Message != c.want {
			t.Errorf("apiError(%q).Message = %q, want %q", c.body, apiErr.Message, c.want)
		}
	}
}
