package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testServer counts the attempts it receives and answers each with h.
type testServer struct {
	*httptest.Server
	attempts atomic.Int32
}

func newTestServer(t *testing.T, h func(attempt int, w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	ts := &testServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(ts.attempts.Add(1))
		h(n, w, r)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// newTestTransport builds a Transport with tiny waits. Keep-alives are off so
// that net/http never replays a request on its own after a dropped
// connection, which would make the attempt counts inexact.
func newTestTransport(t *testing.T, baseURL string, maxRetries int) *Transport {
	t.Helper()
	tr, err := NewTransport(Options{
		BaseURL:      baseURL,
		Service:      "test",
		UserAgent:    "terraform-provider-giga/test",
		MaxRetries:   maxRetries,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 2 * time.Millisecond,
		HTTPClient:   &http.Client{Transport: &http.Transport{DisableKeepAlives: true}},
	})
	if err != nil {
		t.Fatalf("NewTransport: %v", err)
	}
	return tr
}

// dropConnection closes the connection without answering.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Error("the test server cannot hijack connections")
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_ = conn.Close()
}

func TestTransportRetriesTransientStatuses(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(attempt int, w http.ResponseWriter, _ *http.Request) {
				if attempt <= 2 {
					w.WriteHeader(status)
					return
				}
				_, _ = io.WriteString(w, `{"ok":true}`)
			})
			resp, err := newTestTransport(t, srv.URL, 3).Do(context.Background(), Request{Method: http.MethodGet, Path: "/thing"})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.Status != http.StatusOK || string(resp.Body) != `{"ok":true}` {
				t.Errorf("got %d %q, want 200 and the body", resp.Status, resp.Body)
			}
			if got := srv.attempts.Load(); got != 3 {
				t.Errorf("attempts = %d, want 3 (two failures, then success)", got)
			}
		})
	}
}

func TestTransportGivesUpAfterMaxRetriesWithLastResponse(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(attempt int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				_, _ = io.WriteString(w, `{"message":"try later, attempt `+strconv.Itoa(attempt)+`"}`)
			})
			resp, err := newTestTransport(t, srv.URL, 3).Do(context.Background(), Request{Method: http.MethodPost, Path: "/thing", Body: map[string]any{"a": 1}})
			if err != nil {
				t.Fatalf("Do: %v (the last response should be handed back, not an error)", err)
			}
			if got := srv.attempts.Load(); got != 4 {
				t.Errorf("attempts = %d, want 4 (1 + MaxRetries 3)", got)
			}
			if resp.Status != status {
				t.Errorf("status = %d, want %d", resp.Status, status)
			}
			if want := `{"message":"try later, attempt 4"}`; string(resp.Body) != want {
				t.Errorf("body = %q, want the last answer %q so that its message can be quoted", resp.Body, want)
			}
		})
	}
}

func TestTransportZeroMaxRetriesMakesOneAttempt(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	resp, err := newTestTransport(t, srv.URL, 0).Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.Status != http.StatusServiceUnavailable || srv.attempts.Load() != 1 {
		t.Errorf("got status %d after %d attempts, want 503 after 1", resp.Status, srv.attempts.Load())
	}
}

func TestTransportDoesNotRetryClientErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusNotFound, http.StatusConflict, http.StatusNotImplemented} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(status)
				_, _ = io.WriteString(w, `{"message":"no"}`)
			})
			resp, err := newTestTransport(t, srv.URL, 5).Do(context.Background(), Request{Method: http.MethodDelete, Path: "/x"})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.Status != status || string(resp.Body) != `{"message":"no"}` {
				t.Errorf("got %d %q", resp.Status, resp.Body)
			}
			if got := srv.attempts.Load(); got != 1 {
				t.Errorf("attempts = %d, want 1", got)
			}
		})
	}
}

func TestTransportRetriesDroppedConnections(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var bodies []string
	srv := newTestServer(t, func(attempt int, w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		if attempt <= 2 {
			dropConnection(t, w)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})
	resp, err := newTestTransport(t, srv.URL, 3).Do(context.Background(), Request{Method: http.MethodPost, Path: "/vm", Body: map[string]any{"label": "web"}})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.Status != http.StatusCreated {
		t.Errorf("status = %d, want 201", resp.Status)
	}
	if got := srv.attempts.Load(); got != 3 {
		t.Errorf("attempts = %d, want 3", got)
	}
	mu.Lock()
	defer mu.Unlock()
	for i, b := range bodies {
		if b != `{"label":"web"}` {
			t.Errorf("attempt %d sent body %q: every retry must resend the whole body", i+1, b)
		}
	}
}

func TestTransportDroppedConnectionsExhaustRetries(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		dropConnection(t, w)
	})
	resp, err := newTestTransport(t, srv.URL, 2).Do(context.Background(), Request{Method: http.MethodGet, Path: "/vm/1"})
	if err == nil {
		t.Fatalf("Do answered %d, want an error", resp.Status)
	}
	if got := srv.attempts.Load(); got != 3 {
		t.Errorf("attempts = %d, want 3 (1 + MaxRetries 2)", got)
	}
	if !strings.Contains(err.Error(), "GET /vm/1") {
		t.Errorf("error %q does not say which request failed", err)
	}
}

func TestTransportHonoursRetryAfterEndToEnd(t *testing.T) {
	t.Parallel()
	// The backoff without Retry-After would be at least 5s (half of 10s):
	// answering within the 3s deadline proves that Retry-After: 0 was used.
	srv := newTestServer(t, func(attempt int, w http.ResponseWriter, _ *http.Request) {
		if attempt == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	tr, err := NewTransport(Options{BaseURL: srv.URL, MaxRetries: 2, RetryWaitMin: 10 * time.Second, RetryWaitMax: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	resp, err := tr.Do(ctx, Request{Method: http.MethodGet, Path: "/"})
	if err != nil {
		t.Fatalf("Do: %v (Retry-After: 0 was not honoured)", err)
	}
	if resp.Status != http.StatusOK || srv.attempts.Load() != 2 {
		t.Errorf("got %d after %d attempts, want 200 after 2", resp.Status, srv.attempts.Load())
	}
}

func TestTransportContextCancelStopsRetries(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		cancel() // the caller gives up while the first answer is on its way
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	tr, err := NewTransport(Options{BaseURL: srv.URL, MaxRetries: 5, RetryWaitMin: 10 * time.Second, RetryWaitMax: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = tr.Do(ctx, Request{Method: http.MethodGet, Path: "/"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := srv.attempts.Load(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
	if el := time.Since(start); el > 4*time.Second {
		t.Errorf("Do took %s: it slept through a backoff after the context ended", el)
	}
}

func TestTransportContextDeadlineDuringBackoff(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	})
	tr, err := NewTransport(Options{BaseURL: srv.URL, MaxRetries: 5, RetryWaitMin: 10 * time.Second, RetryWaitMax: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = tr.Do(ctx, Request{Method: http.MethodGet, Path: "/"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if got := srv.attempts.Load(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

func TestTransportSendsHeadersAndBody(t *testing.T) {
	t.Parallel()
	var got *http.Request
	var gotBody string
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		got = r.Clone(context.Background())
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.WriteHeader(http.StatusNoContent)
	})
	tr := newTestTransport(t, srv.URL+"/api/v0/", 0)
	header := Bearer("tok")
	header.Set("X-Extra", "1")
	resp, err := tr.Do(context.Background(), Request{
		Method: http.MethodPut, Path: "/dns/zones/7", Query: url.Values{"name": {"www"}, "type": {"A"}},
		Body: map[string]any{"ttl": 300}, Header: header,
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusNoContent || len(resp.Body) != 0 {
		t.Errorf("got %d %q", resp.Status, resp.Body)
	}
	checks := map[string][2]string{
		"method":        {got.Method, http.MethodPut},
		"path":          {got.URL.Path, "/api/v0/dns/zones/7"},
		"query":         {got.URL.RawQuery, "name=www&type=A"},
		"User-Agent":    {got.Header.Get("User-Agent"), "terraform-provider-giga/test"},
		"Authorization": {got.Header.Get("Authorization"), "Bearer tok"},
		"Accept":        {got.Header.Get("Accept"), "application/json"},
		"Content-Type":  {got.Header.Get("Content-Type"), "application/json"},
		"X-Extra":       {got.Header.Get("X-Extra"), "1"},
		"body":          {gotBody, `{"ttl":300}`},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
}

func TestTransportNoBodyNoContentType(t *testing.T) {
	t.Parallel()
	var contentType string
	var length int64
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		contentType, length = r.Header.Get("Content-Type"), r.ContentLength
	})
	if _, err := newTestTransport(t, srv.URL, 0).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"}); err != nil {
		t.Fatal(err)
	}
	if contentType != "" || length != 0 {
		t.Errorf("a request without a body sent Content-Type %q and length %d", contentType, length)
	}
}

func TestTransportKeepsPathEscapesAndQueryInPath(t *testing.T) {
	t.Parallel()
	var rawPath, rawQuery string
	srv := newTestServer(t, func(_ int, _ http.ResponseWriter, r *http.Request) {
		rawPath, rawQuery = r.URL.EscapedPath(), r.URL.RawQuery
	})
	tr := newTestTransport(t, srv.URL+"/gigas", 0)
	cases := []struct {
		path  string
		query url.Values
		wantP string
		wantQ string
	}{
		{"/account/1/virtual_machine/" + url.PathEscape("a/b c"), nil, "/gigas/account/1/virtual_machine/a%2Fb%20c", ""},
		{"/account/1/virtual_machines?hostname=web&status=online", nil, "/gigas/account/1/virtual_machines", "hostname=web&status=online"},
		{"/x?a=1", url.Values{"b": {"2"}}, "/gigas/x", "a=1&b=2"},
		{"/mail/" + url.PathEscape("user@example.com"), nil, "/gigas/mail/user@example.com", ""},
	}
	for _, c := range cases {
		if _, err := tr.Do(context.Background(), Request{Method: http.MethodGet, Path: c.path, Query: c.query}); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if rawPath != c.wantP || rawQuery != c.wantQ {
			t.Errorf("%s: server saw path %q query %q, want %q %q", c.path, rawPath, rawQuery, c.wantP, c.wantQ)
		}
	}
}

func TestNewTransportRejectsBadEndpoints(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"", "api.gigas.com", "/relative", "http://", "::bad"} {
		if _, err := NewTransport(Options{BaseURL: u}); err == nil || !strings.Contains(err.Error(), "invalid endpoint") {
			t.Errorf("NewTransport(%q) = %v, want an invalid endpoint error", u, err)
		}
	}
	if _, err := NewTransport(Options{BaseURL: "https://api.gigas.com/"}); err != nil {
		t.Errorf("a valid endpoint was refused: %v", err)
	}
}

func TestTransportBodyEncodingError(t *testing.T) {
	t.Parallel()
	tr := newTestTransport(t, "http://127.0.0.1:1", 0)
	_, err := tr.Do(context.Background(), Request{Method: http.MethodPost, Path: "/", Body: map[string]any{"c": make(chan int)}})
	if err == nil || !strings.Contains(err.Error(), "encoding request body") {
		t.Errorf("err = %v, want an encoding error", err)
	}
}

func TestBackoffExponentialWithEqualJitter(t *testing.T) {
	t.Parallel()
	const minWait, maxWait = 100 * time.Millisecond, 3 * time.Second
	for attempt, ceiling := range []time.Duration{100, 200, 400, 800, 1600, 3000, 3000} {
		ceiling *= time.Millisecond // min·2^attempt, capped at max
		lo, hi := ceiling, time.Duration(0)
		for range 200 {
			d := Backoff(minWait, maxWait, attempt, nil)
			if d < ceiling/2 || d > ceiling {
				t.Fatalf("attempt %d: Backoff = %s, want within [%s, %s]", attempt, d, ceiling/2, ceiling)
			}
			lo, hi = min(lo, d), max(hi, d)
		}
		if hi-lo < ceiling/10 {
			t.Errorf("attempt %d: 200 waits spread over only %s: no jitter", attempt, hi-lo)
		}
	}
}

func TestBackoffCappedAtMax(t *testing.T) {
	t.Parallel()
	for _, attempt := range []int{10, 62, 63, 64, 1100, 5000} {
		for _, resp := range []*http.Response{nil, {StatusCode: http.StatusInternalServerError}, {StatusCode: http.StatusBadGateway}} {
			d := Backoff(time.Second, 15*time.Second, attempt, resp)
			if d < 7500*time.Millisecond || d > 15*time.Second {
				t.Errorf("attempt %d: Backoff = %s, want within [7.5s, 15s]", attempt, d)
			}
		}
	}
}

func withRetryAfter(status int, v string) *http.Response {
	h := http.Header{}
	h.Set("Retry-After", v)
	return &http.Response{StatusCode: status, Header: h}
}

func TestBackoffRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		for v, want := range map[string]time.Duration{"0": 0, "3": 3 * time.Second, " 7 ": 7 * time.Second, "120": 2 * time.Minute} {
			// Exactly the header's value, whatever the attempt and the bounds:
			// the API knows better than our guess.
			if got := Backoff(time.Second, 5*time.Second, 4, withRetryAfter(status, v)); got != want {
				t.Errorf("%d Retry-After %q: Backoff = %s, want %s", status, v, got, want)
			}
		}
	}
}

func TestBackoffRetryAfterHTTPDate(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(10 * time.Second).UTC().Format(http.TimeFormat)
	// The date has whole seconds, so up to one second is lost to rounding.
	if got := Backoff(time.Millisecond, time.Millisecond, 0, withRetryAfter(http.StatusTooManyRequests, future)); got < 8*time.Second || got > 10*time.Second {
		t.Errorf("Retry-After %s: Backoff = %s, want about 10s", future, got)
	}
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	if got := Backoff(time.Millisecond, time.Millisecond, 0, withRetryAfter(http.StatusServiceUnavailable, past)); got != 0 {
		t.Errorf("Retry-After in the past: Backoff = %s, want 0", got)
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"5", 5 * time.Second, true},
		{"0", 0, true},
		{"Sun, 01 Mar 2026 12:00:30 GMT", 30 * time.Second, true}, // RFC 1123
		{"Sunday, 01-Mar-26 12:01:00 GMT", time.Minute, true},     // RFC 850
		{"Sun Mar  1 12:00:02 2026", 2 * time.Second, true},       // asctime
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true},                // past
		{"", 0, false},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
	}
	for _, c := range cases {
		got, ok := parseRetryAfter(c.in, now)
		if got != c.want || ok != c.wantOK {
			t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", c.in, got, ok, c.want, c.wantOK)
		}
	}
}

func TestBackoffIgnoresRetryAfterElsewhere(t *testing.T) {
	t.Parallel()
	// Retry-After counts on 429 and 503 only; on a 500, or when unreadable,
	// the exponential backoff applies.
	for _, resp := range []*http.Response{
		withRetryAfter(http.StatusInternalServerError, "30"),
		withRetryAfter(http.StatusTooManyRequests, "soon"),
		withRetryAfter(http.StatusServiceUnavailable, "-5"),
		{StatusCode: http.StatusTooManyRequests, Header: http.Header{}},
	} {
		if got := Backoff(100*time.Millisecond, time.Second, 1, resp); got < 100*time.Millisecond || got > 200*time.Millisecond {
			t.Errorf("%d Retry-After %q: Backoff = %s, want the exponential [100ms, 200ms]", resp.StatusCode, resp.Header.Get("Retry-After"), got)
		}
	}
}
