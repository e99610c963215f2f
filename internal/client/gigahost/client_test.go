package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The core of the client (envelope, errors, authentication), tested against
// the mock's /authenticate and against small servers of the test's own.

func coreClient(t *testing.T, endpoint string, cfg Config) *Client {
	t.Helper()
	cfg.Transport.BaseURL = endpoint
	cfg.Transport.MaxRetries = 1
	cfg.Transport.RetryWaitMin = time.Millisecond
	cfg.Transport.RetryWaitMax = 2 * time.Millisecond
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func coreMock(t *testing.T, opts mockapi.Options) *mockapi.Server {
	t.Helper()
	m := mockapi.New(opts)
	m.Start()
	t.Cleanup(m.Close)
	return m
}

func coreSession() Config {
	return Config{Username: mockapi.GigahostUsername, Password: mockapi.GigahostPassword}
}

// coreServer answers every request with the given status and body.
func coreServer(t *testing.T, status int, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestNewNeedsCredentials(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{{}, {Username: "u"}, {Password: "p"}, {OTP: "1"}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted missing credentials", cfg)
		}
	}
	c, err := New(Config{APIKey: "flux_live_x"})
	if err != nil || c.HasSession() || c.Poll() != client.DefaultPoll {
		t.Errorf("New with an API key = %v, session %v, poll %+v", err, c.HasSession(), c.Poll())
	}
	c, err = New(Config{Username: "u", Password: "p", Poll: client.PollSettings{Initial: time.Millisecond}})
	if err != nil || !c.HasSession() || c.Poll().Initial != time.Millisecond {
		t.Errorf("New with a session = %v, session %v, poll %+v", err, c.HasSession(), c.Poll())
	}
}

func TestEnvelopeDecoding(t *testing.T) {
	t.Parallel()
	type item struct {
		ID   client.Int    `json:"id"`
		Name client.String `json:"name"`
	}
	meta := `"meta":{"status":200,"status_message":"200 OK"}`
	objects := []struct {
		name string
		body string
		want item
	}{
		{"object", `{` + meta + `,"data":{"id":"7","name":"a"}}`, item{7, "a"}},
		{"numbers as numbers", `{` + meta + `,"data":{"id":7,"name":8}}`, item{7, "8"}},
		{"empty list", `{` + meta + `,"data":[]}`, item{}},
		{"empty object", `{` + meta + `,"data":{}}`, item{}},
		{"null", `{` + meta + `,"data":null}`, item{}},
		{"empty string", `{` + meta + `,"data":""}`, item{}},
		{"no data", `{` + meta + `}`, item{}},
		{"no body", ``, item{}},
		{"extra top-level fields", `{"success":true,` + meta + `,"data":{"id":1}}`, item{ID: 1}},
	}
	for _, c := range objects {
		var got item
		if err := decodeData("GET", "/x", []byte(c.body), &got); err != nil || got != c.want {
			t.Errorf("%s: got %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}

	var list []item
	if err := decodeData("GET", "/x", []byte(`{`+meta+`,"data":[{"id":"1"},{"id":2}]}`), &list); err != nil || len(list) != 2 || list[1].ID != 2 {
		t.Errorf("list: %+v, %v", list, err)
	}
	list = nil
	if err := decodeData("GET", "/x", []byte(`{`+meta+`,"data":[]}`), &list); err != nil || list != nil {
		t.Errorf("empty list: %+v, %v", list, err)
	}
	if err := decodeData("GET", "/x", []byte(`{"data":{"id":1}}`), nil); err != nil {
		t.Errorf("nil out: %v", err)
	}

	for name, body := range map[string]string{
		"not JSON":   `<html>oops</html>`,
		"wrong type": `{` + meta + `,"data":"a string"}`,
		"bad scalar": `{` + meta + `,"data":{"id":"seven"}}`,
	} {
		var got item
		err := decodeData("GET", "/servers/1", []byte(body), &got)
		if err == nil || !strings.Contains(err.Error(), "GET /servers/1") {
			t.Errorf("%s: err = %v, want a decoding error naming the request", name, err)
		}
	}
}

func TestErrorMessageFromEnvelope(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body, want string
	}{
		{"message", `{"meta":{"status":400,"status_message":"400 Bad Request","message":"Zone already exists.","error":"ignored"},"data":[]}`, "Zone already exists."},
		{"error", `{"meta":{"status":403,"status_message":"403 Forbidden","error":"No access."}}`, "No access."},
		{"status message only", `{"meta":{"status":500,"status_message":"500 Internal Server Error"}}`, "500 Internal Server Error"},
		{"status as a string", `{"meta":{"status":"422","message":"Invalid value"}}`, "Invalid value"},
		{"not an envelope", `Service Unavailable`, "Service Unavailable"},
		{"long text", strings.Repeat("y", 500), strings.Repeat("y", 300) + "..."},
	}
	for _, c := range cases {
		endpoint := coreServer(t, http.StatusBadRequest, c.body)
		err := coreClient(t, endpoint, Config{APIKey: "flux_live_k"}).do(context.Background(), http.MethodPost, "/dns/zones", nil, map[string]any{"a": 1}, nil)
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("%s: err = %v, want an APIError", c.name, err)
		}
		if apiErr.Status != http.StatusBadRequest || apiErr.Message != c.want || apiErr.Method != http.MethodPost || apiErr.Path != "/dns/zones" {
			t.Errorf("%s: APIError = %+v, want message %q", c.name, apiErr, c.want)
		}
	}
}

func TestDoAgainstMockCatchAll(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{})
	c := coreClient(t, m.GigahostURL(), Config{APIKey: mockapi.GigahostAPIKey})
	err := c.do(context.Background(), http.MethodGet, "/no/such/route", nil, nil, nil)
	if !client.IsNotFound(err) || !strings.Contains(err.Error(), "Endpoint not found.") {
		t.Errorf("err = %v, want the mock's 404 envelope message", err)
	}
}

func TestSessionLoginWithStringExpiry(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{SessionTTL: 2 * time.Hour})
	c := coreClient(t, m.GigahostURL(), coreSession())
	before := time.Now()
	token, err := c.token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(token, "ghs_") {
		t.Errorf("token = %q, want the mock's session token", token)
	}
	// The mock sends token_expire as a numeric string, as the docs show.
	exp := c.session.expires
	if exp.Before(before.Add(2*time.Hour-2*time.Second)) || exp.After(time.Now().Add(2*time.Hour)) {
		t.Errorf("session expires at %s, want about two hours from now", exp)
	}
	again, err := c.token(context.Background())
	if err != nil || again != token {
		t.Errorf("second token() = %q, %v; want the same session", again, err)
	}
	if n := m.CountRequests("gigahost", http.MethodPost, "/authenticate"); n != 1 {
		t.Errorf("POST /authenticate sent %d times, want 1", n)
	}
}

func TestSessionLoginRefused(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{})
	cfg := coreSession()
	cfg.Password = "wrong-Password-77"
	_, err := coreClient(t, m.GigahostURL(), cfg).token(context.Background())
	if !client.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "Wrong username or password.") || !strings.Contains(err.Error(), "gigahost login failed") {
		t.Errorf("err = %v, want a login failure with the API's message", err)
	}
	if err != nil && strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("the error %q shows the password", err)
	}
}

func TestSessionOTP(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{})
	m.Gigahost.Auth.RequireOTP("654321")
	if _, err := coreClient(t, m.GigahostURL(), coreSession()).token(context.Background()); !client.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "Two-factor") {
		t.Errorf("without the code: err = %v, want the API's 401", err)
	}
	cfg := coreSession()
	cfg.OTP = "654321"
	if _, err := coreClient(t, m.GigahostURL(), cfg).token(context.Background()); err != nil {
		t.Errorf("with the code: %v", err)
	}
}

// sessionServer is a Gigahost stand-in with /authenticate and one protected
// route, /whoami, whose sessions the test can end.
type sessionServer struct {
	t          *testing.T
	mu         sync.Mutex
	logins     int
	loginBody  map[string]any
	tokens     map[string]bool
	expireIn   string // token_expire as sent; "" sends none
	calls      int
	refuseAll  bool
	authHeader string
}

func (s *sessionServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	envelope := func(status int, msg string, data any) {
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"meta": map[string]any{"status": status, "message": msg}, "data": data})
	}
	switch r.URL.Path {
	case "/authenticate":
		s.logins++
		s.loginBody = map[string]any{}
		_ = json.NewDecoder(r.Body).Decode(&s.loginBody)
		token := fmt.Sprintf("ghs_%d", s.logins)
		s.tokens[token] = true
		data := map[string]any{"token": token, "customer_id": "1111"}
		if s.expireIn != "" {
			data["token_expire"] = s.expireIn
		}
		envelope(http.StatusOK, "", data)
	case "/whoami":
		s.calls++
		s.authHeader = r.Header.Get("Authorization")
		token, _ := strings.CutPrefix(s.authHeader, "Bearer ")
		if s.refuseAll || !s.tokens[token] {
			envelope(http.StatusUnauthorized, "Token expired.", []any{})
			return
		}
		envelope(http.StatusOK, "", map[string]any{"token": token})
	default:
		envelope(http.StatusNotFound, "Endpoint not found.", []any{})
	}
}

func (s *sessionServer) expireAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]bool{}
}

func startSessionServer(t *testing.T, s *sessionServer, cfg Config) *Client {
	t.Helper()
	s.t, s.tokens = t, map[string]bool{}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return coreClient(t, srv.URL, cfg)
}

func whoami(c *Client) (string, error) {
	var out struct {
		Token string `json:"token"`
	}
	err := c.do(context.Background(), http.MethodGet, "/whoami", nil, nil, &out)
	return out.Token, err
}

func TestSessionReloginAfter401(t *testing.T) {
	t.Parallel()
	s := &sessionServer{expireIn: fmt.Sprint(time.Now().Add(time.Hour).Unix())}
	c := startSessionServer(t, s, coreSession())
	if tok, err := whoami(c); err != nil || tok != "ghs_1" {
		t.Fatalf("first call: %q, %v", tok, err)
	}
	s.expireAll()
	if tok, err := whoami(c); err != nil || tok != "ghs_2" {
		t.Fatalf("after the session ended: %q, %v; want a re-login and success", tok, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.logins != 2 || s.calls != 3 {
		t.Errorf("logins %d, calls %d; want 2 and 3 (one 401, one re-login, one retry)", s.logins, s.calls)
	}
	if s.loginBody["username"] != mockapi.GigahostUsername || s.loginBody["password"] != mockapi.GigahostPassword {
		t.Errorf("login body = %v", s.loginBody)
	}
	if _, ok := s.loginBody["code"]; ok {
		t.Errorf("a code was sent without an OTP configured: %v", s.loginBody)
	}
}

func TestSessionPersistent401ReloginOnce(t *testing.T) {
	t.Parallel()
	s := &sessionServer{refuseAll: true}
	c := startSessionServer(t, s, coreSession())
	_, err := whoami(c)
	if !client.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "Token expired.") {
		t.Fatalf("err = %v, want the 401 with its message", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.logins != 2 || s.calls != 2 {
		t.Errorf("logins %d, calls %d; want 2 and 2 (a single re-login, no loop)", s.logins, s.calls)
	}
}

func TestSessionSendsOTPAsCode(t *testing.T) {
	t.Parallel()
	s := &sessionServer{}
	cfg := coreSession()
	cfg.OTP = "123123"
	c := startSessionServer(t, s, cfg)
	if _, err := whoami(c); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loginBody["code"] != "123123" {
		t.Errorf("login body = %v, want the OTP in code", s.loginBody)
	}
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		expire    string
		wantLogin int // logins after three calls
	}{
		{"no token_expire means an hour", "", 1},
		{"far expiry as a string", fmt.Sprint(time.Now().Add(time.Hour).Unix()), 1},
		{"expiry inside the margin logs in again", fmt.Sprint(time.Now().Add(30 * time.Second).Unix()), 3},
	}
	for _, tc := range cases {
		s := &sessionServer{expireIn: tc.expire}
		c := startSessionServer(t, s, coreSession())
		for range 3 {
			if _, err := whoami(c); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
		}
		s.mu.Lock()
		if s.logins != tc.wantLogin {
			t.Errorf("%s: %d logins, want %d", tc.name, s.logins, tc.wantLogin)
		}
		s.mu.Unlock()
	}
}

func TestAPIKeyAuth(t *testing.T) {
	t.Parallel()
	s := &sessionServer{}
	c := startSessionServer(t, s, Config{APIKey: mockapi.GigahostAPIKey})
	s.mu.Lock()
	s.tokens[mockapi.GigahostAPIKey] = true
	s.mu.Unlock()
	if _, err := whoami(c); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	if s.authHeader != "Bearer "+mockapi.GigahostAPIKey || s.logins != 0 {
		t.Errorf("Authorization %q after %d logins, want the key and no login", s.authHeader, s.logins)
	}
	s.mu.Unlock()
	s.expireAll()
	if _, err := whoami(c); !client.IsStatus(err, http.StatusUnauthorized) {
		t.Errorf("refused key: err = %v, want the 401", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.logins != 0 || s.calls != 2 {
		t.Errorf("refused key: %d logins, %d calls; want 0 and 2 (no retry with an API key)", s.logins, s.calls)
	}
}

func TestSessionReloginAgainstMock(t *testing.T) {
	t.Parallel()
	// GET /servers is an authenticated route of the mock: after the mock ends
	// every session, it answers 401 and the client logs in once more.
	m := coreMock(t, mockapi.Options{})
	c := coreClient(t, m.GigahostURL(), coreSession())
	ctx := context.Background()
	if err := c.do(ctx, http.MethodGet, "/servers", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	m.Gigahost.Auth.ExpireSessions()
	if err := c.do(ctx, http.MethodGet, "/servers", nil, nil, nil); err != nil {
		t.Fatalf("after the sessions ended: %v", err)
	}
	if n := m.CountRequests("gigahost", http.MethodPost, "/authenticate"); n != 2 {
		t.Errorf("POST /authenticate sent %d times, want 2", n)
	}
	unauthorized := 0
	for _, r := range m.Requests() {
		if r.Service == "gigahost" && r.Status == http.StatusUnauthorized {
			unauthorized++
		}
	}
	if unauthorized != 1 {
		t.Errorf("%d answers were 401, want exactly 1", unauthorized)
	}
}

// An error may come as HTTP 200 carrying meta.status >= 400: it is an
// error with that status and the envelope's message, never a success.
func TestErrorInMetaOfA200(t *testing.T) {
	t.Parallel()
	body := `{"meta":{"status":404,"status_message":"404 Not Found","message":"API key not found."},"data":[]}`
	endpoint := coreServer(t, http.StatusOK, body)
	c := coreClient(t, endpoint, Config{APIKey: "flux_live_k"})
	var out []struct{}
	err := c.do(context.Background(), http.MethodGet, "/account/apikeys/9", nil, nil, &out)
	if !client.IsNotFound(err) || !strings.Contains(err.Error(), "API key not found.") {
		t.Errorf("err = %v, want the 404 and its message", err)
	}
	// Without out too: a write answered 200 with an error meta failed.
	if err := c.do(context.Background(), http.MethodDelete, "/account/sshkey/9", nil, nil, nil); !client.IsNotFound(err) {
		t.Errorf("write: err = %v, want the 404", err)
	}
	// A 5xx in the meta of a create's 200 answer: the outcome is unknown.
	endpoint = coreServer(t, http.StatusOK, `{"meta":{"status":500,"error":"Unknown server error"}}`)
	c = coreClient(t, endpoint, Config{APIKey: "flux_live_k"})
	err = c.send(context.Background(), client.Request{Method: http.MethodPost, Path: "/x", Creates: true}, nil)
	if !client.IsOutcomeUnknown(err) {
		t.Errorf("create: err = %v, want an unknown outcome", err)
	}
	// meta.status 2xx, or no meta, is success.
	for _, ok := range []string{`{"meta":{"status":201},"data":[]}`, `{"data":{}}`, `{"meta":{"status":"200"}}`} {
		c = coreClient(t, coreServer(t, http.StatusOK, ok), Config{APIKey: "flux_live_k"})
		if err := c.do(context.Background(), http.MethodGet, "/x", nil, nil, nil); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

// The docs' example of POST /authenticate (token_expire is the placeholder
// "unixtimestamp") logs in; the expiry then falls back to an hour.
func TestLoginDocsExample(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/authenticate" {
			_, _ = w.Write(apidocs.Read(t, "examples/gigahost/POST_authenticate.json"))
			return
		}
		if r.Header.Get("Authorization") != "Bearer xxxxxxxx" {
			w.WriteHeader(http.StatusUnauthorized)
		}
		_, _ = io.WriteString(w, `{"meta":{"status":200},"data":[]}`)
	}))
	t.Cleanup(srv.Close)
	c := coreClient(t, srv.URL, coreSession())
	if err := c.do(context.Background(), http.MethodGet, "/servers", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if left := time.Until(c.session.expires); left < 50*time.Minute || left > time.Hour {
		t.Errorf("session expires in %v, want about an hour", left)
	}
	// A login refused in meta of a 200, or with success false, fails.
	for _, body := range []string{`{"meta":{"status":401,"message":"Wrong username or password."}}`, `{"success":false,"meta":{"status":200},"data":{"token":"t"}}`} {
		c := coreClient(t, coreServer(t, http.StatusOK, body), coreSession())
		if err := c.do(context.Background(), http.MethodGet, "/servers", nil, nil, nil); err == nil || !strings.Contains(err.Error(), "login failed") {
			t.Errorf("%s: err = %v, want a failed login", body, err)
		}
	}
}

func TestTokenExpiry(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	for raw, want := range map[string]time.Time{
		`"1800003600"`:    time.Unix(1_800_003_600, 0),
		`1800003600`:      time.Unix(1_800_003_600, 0),
		`1800003600000`:   time.Unix(1_800_003_600, 0),
		`"3600"`:          now.Add(time.Hour),
		`"unixtimestamp"`: now.Add(defaultSessionLife),
		`null`:            now.Add(defaultSessionLife),
		``:                now.Add(defaultSessionLife),
		`1700000000`:      now.Add(defaultSessionLife), // already past
	} {
		if got := tokenExpiry(json.RawMessage(raw), now); !got.Equal(want) {
			t.Errorf("tokenExpiry(%s) = %v, want %v", raw, got, want)
		}
	}
}

// With an API key and a login both configured, /account/apikeys goes with
// the session token and everything else with the key.
func TestKeyAndLoginChooseTheToken(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{})
	c := coreClient(t, m.GigahostURL(), Config{APIKey: mockapi.GigahostAPIKey, Username: mockapi.GigahostUsername, Password: mockapi.GigahostPassword})
	ctx := context.Background()
	if _, err := c.APIKeys(ctx); err != nil {
		t.Fatalf("APIKeys: %v", err)
	}
	if err := c.do(ctx, http.MethodGet, "/webhosting", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if n := m.CountRequests("gigahost", http.MethodPost, "/authenticate"); n != 1 {
		t.Errorf("%d logins, want 1", n)
	}
	if k, _ := m.Gigahost.Keys.BySecret(mockapi.GigahostAPIKey); k.LastUsedAt == 0 {
		t.Error("the API key was not used for GET /webhosting")
	}
	if !c.CanManageAPIKeys() || c.HasSession() {
		t.Errorf("CanManageAPIKeys %v, HasSession %v", c.CanManageAPIKeys(), c.HasSession())
	}
}

// The per-operation list: concurrent readers share one fetch; set, patch
// and drop keep it as the client's writes leave it; a fetch that began
// before a write does not store its stale list.
func TestListCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var l listCache[int]
	var fetches int
	var mu sync.Mutex
	release := make(chan struct{})
	fetch := func(context.Context) ([]int, error) {
		mu.Lock()
		fetches++
		mu.Unlock()
		<-release
		return []int{1, 2}, nil
	}
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := l.get(ctx, fetch); err != nil || len(got) != 2 {
				t.Errorf("get = %v, %v", got, err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if fetches != 1 {
		t.Errorf("%d fetches for 5 concurrent readers, want 1", fetches)
	}
	// A reader that missed before that flight filled the cache, and asks
	// only after the flight has left the group, gets its list: no second
	// request (seen once under load as 2 zone lists for 20 readers).
	if got, err := l.shared(ctx, l.gen, fetch); err != nil || len(got) != 2 || fetches != 1 {
		t.Errorf("a late reader of the same generation: %v, %v, with %d fetches, want the cached list and 1", got, err, fetches)
	}
	l.patch(func(list []int) []int { return append(list, 3) })
	if got, _ := l.get(ctx, fetch); len(got) != 3 || fetches != 1 {
		t.Errorf("after a patch: %v with %d fetches", got, fetches)
	}
	l.drop()
	if got, _ := l.get(ctx, fetch); len(got) != 2 || fetches != 2 {
		t.Errorf("after a drop: %v with %d fetches, want a new fetch", got, fetches)
	}
	// A fetch in flight when a write sets the list does not overwrite it.
	l.drop()
	slow := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = l.get(ctx, func(context.Context) ([]int, error) { <-slow; return []int{9}, nil })
	}()
	time.Sleep(20 * time.Millisecond)
	l.set([]int{7})
	close(slow)
	<-done
	if got, _ := l.get(ctx, fetch); len(got) != 1 || got[0] != 7 {
		t.Errorf("a stale fetch overwrote the list: %v", got)
	}
}

// An object where a list belongs is an unknown shape, never "no items"
// (which would drop every listed object from state); an empty list, null
// or no data at all is an empty list, and an empty object is fine where an
// object belongs.
func TestObjectWhereAListBelongs(t *testing.T) {
	t.Parallel()
	c := coreClient(t, coreServer(t, http.StatusOK, `{"meta":{"status":200},"data":{}}`), Config{APIKey: "flux_live_k"})
	var list []struct{}
	if err := c.do(context.Background(), http.MethodGet, "/dns/zones", nil, nil, &list); err == nil || !strings.Contains(err.Error(), "object where a list was expected") {
		t.Errorf("data {} into a list: err = %v, want the unknown shape named", err)
	}
	var obj struct{}
	if err := c.do(context.Background(), http.MethodGet, "/account", nil, nil, &obj); err != nil {
		t.Errorf("data {} into an object: %v", err)
	}
	for _, empty := range []string{`{"meta":{"status":200},"data":[]}`, `{"meta":{"status":200},"data":null}`, `{"meta":{"status":200}}`} {
		c = coreClient(t, coreServer(t, http.StatusOK, empty), Config{APIKey: "flux_live_k"})
		list = []struct{}{{}}
		if err := c.do(context.Background(), http.MethodGet, "/dns/zones", nil, nil, &list); err != nil || len(list) != 1 {
			t.Errorf("%s: err = %v, list = %v; want no error and the list untouched", empty, err, list)
		}
	}
}

// token is the credential the client sends to a route that is not an API
// key's: the API key, or a session token (logging in as needed).
func (c *Client) token(ctx context.Context) (string, error) {
	token, _, err := c.credential(ctx, false)
	return token, err
}
