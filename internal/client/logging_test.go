package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// Secrets that must never reach a log line.
const (
	secretAPIKey       = "flux_live_0123456789abcdef0123456789abcdef0123456789abcdef"
	secretPassword     = "hunter2-correct-horse"
	secretNestedPass   = "nested-pass-Zq81"
	secretToken        = "tok-8f1d2c3b4a"
	secretRefreshToken = "ref-77aa66bb55cc"
	secretValue        = "s3cr3t-value-9911"
	secretTOTP         = "481516"
	secretCode         = "234223"
	secretInitialPass  = "root-pass-Xk2"
	secretQueryToken   = "qtok-5150"
)

var allSecrets = []string{
	secretAPIKey, secretPassword, secretNestedPass, secretToken, secretRefreshToken,
	secretValue, secretTOTP, secretCode, secretInitialPass, secretQueryToken,
}

// logEntries decodes tflog's JSON lines.
func logEntries(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("decoding log output: %v\n%s", err, buf.String())
	}
	return entries
}

func assertNoSecrets(t *testing.T, logs string) {
	t.Helper()
	for _, s := range allSecrets {
		if strings.Contains(logs, s) {
			t.Errorf("secret %q appears in the logs:\n%s", s, logs)
		}
	}
}

func TestLoggingMasksSecretsInARealRequest(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", "session="+secretToken)
		_, _ = io.WriteString(w, `{"token":"`+secretToken+`","refresh_token":"`+secretRefreshToken+`","expires":1772035400,`+
			`"queue_token":"q-visible-1","data":{"created":{"secret":"`+secretValue+`","prefix":"flux_live_0123"},`+
			`"servers":[{"initial_password":"`+secretInitialPass+`","label":"web"}],"echo":"`+secretAPIKey+`"}}`)
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	tr := newTestTransport(t, srv.URL, 0)
	header := Bearer(secretAPIKey)
	header.Set("X-Api-Key", secretAPIKey)
	body := map[string]any{
		"login": "user@example.com", "password": secretPassword, "totp": secretTOTP, "code": secretCode,
		"account": map[string]any{"new_password": secretNestedPass, "list": []any{map[string]any{"password": secretNestedPass}}},
		"note":    secretAPIKey,
	}
	resp, err := tr.Do(ctx, Request{Method: http.MethodPost, Path: "/token", Query: url.Values{"token": {secretQueryToken}, "page": {"2"}}, Body: body, Header: header})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusOK || !strings.Contains(string(resp.Body), secretToken) {
		t.Fatalf("masking for the logs changed the answer itself: %d %s", resp.Status, resp.Body)
	}

	logs := buf.String()
	assertNoSecrets(t, logs)

	entries := logEntries(t, &buf)
	var sawRequest, sawResponse, sawBody bool
	for _, e := range entries {
		if e["service"] != "test" || e["http_method"] != http.MethodPost {
			t.Errorf("entry lacks service or method: %v", e)
		}
		if u, _ := e["http_url"].(string); !strings.HasPrefix(u, srv.URL+"/token?") || !strings.Contains(u, "page=2") || !strings.Contains(u, "token=***") {
			t.Errorf("http_url = %q, want the URL with the token masked and the rest kept", e["http_url"])
		}
		switch e["@message"] {
		case "API request":
			sawRequest = true
			h, _ := e["http_request_headers"].(string)
			if !strings.Contains(h, "Authorization: Bearer ***") || !strings.Contains(h, "User-Agent: terraform-provider-giga/test") {
				t.Errorf("request headers = %q, want the scheme kept, the credential masked and the rest shown", h)
			}
			b, _ := e["http_request_body"].(string)
			if !strings.Contains(b, `"login":"user@example.com"`) || !strings.Contains(b, `"password":"***"`) || !strings.Contains(b, `"note":"flux_live_***"`) {
				t.Errorf("request body = %q, want non-secret fields kept and secrets masked", b)
			}
		case "API response":
			sawResponse = true
			if e["http_status"] != float64(http.StatusOK) {
				t.Errorf("http_status = %v, want 200", e["http_status"])
			}
			if _, ok := e["duration_ms"]; !ok {
				t.Error("the response entry has no duration_ms")
			}
		case "API response body":
			sawBody = true
			b, _ := e["http_response_body"].(string)
			for _, want := range []string{`"queue_token":"q-visible-1"`, `"expires":1772035400`, `"label":"web"`, `"prefix":"flux_live_0123"`} {
				if !strings.Contains(b, want) {
					t.Errorf("response body %q lacks %s: only secrets are masked", b, want)
				}
			}
		}
	}
	if !sawRequest || !sawResponse || !sawBody {
		t.Errorf("missing log entries (request %v, response %v, body %v):\n%s", sawRequest, sawResponse, sawBody, logs)
	}
}

func TestLoggingLogsEveryAttempt(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(attempt int, w http.ResponseWriter, _ *http.Request) {
		if attempt < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if _, err := newTestTransport(t, srv.URL, 3).Do(ctx, Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	var statuses []any
	for _, e := range logEntries(t, &buf) {
		if e["@message"] == "API response" {
			statuses = append(statuses, e["http_status"])
		}
	}
	if len(statuses) != 3 || statuses[0] != float64(502) || statuses[1] != float64(502) || statuses[2] != float64(200) {
		t.Errorf("logged statuses %v, want [502 502 200]", statuses)
	}
}

func TestLoggingFailedRequestMasksURL(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		dropConnection(t, w)
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	_, err := newTestTransport(t, srv.URL, 0).Do(ctx, Request{Method: http.MethodGet, Path: "/x", Query: url.Values{"token": {secretQueryToken}}})
	if err == nil {
		t.Fatal("a dropped connection did not fail")
	}
	if strings.Contains(err.Error(), secretQueryToken) {
		t.Errorf("the error %q shows a secret query parameter", err)
	}
	assertNoSecrets(t, buf.String())
	var failed bool
	for _, e := range logEntries(t, &buf) {
		if e["@message"] == "API request failed" {
			failed = true
			if msg, _ := e["error"].(string); msg == "" {
				t.Errorf("the failure entry carries no error: %v", e)
			}
		}
	}
	if !failed {
		t.Errorf("no 'API request failed' entry:\n%s", buf.String())
	}
}

func TestMaskURL(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"https://api.gigas.com/accounts":                                   "https://api.gigas.com/accounts",
		"https://user:pa55@api.example.com/v0/dns":                         "https://***@api.example.com/v0/dns",
		"https://onlyuser@api.example.com/":                                "https://***@api.example.com/",
		"https://api.example.com/x?token=abc&page=2":                       "https://api.example.com/x?token=***&page=2",
		"https://api.example.com/x?Password=abc&api_key=k&refresh_token=r": "https://api.example.com/x?Password=***&api_key=***&refresh_token=***",
		"https://api.example.com/x?queue_token=q&code=1&name=www":          "https://api.example.com/x?queue_token=q&code=***&name=www",
		"https://u:p@api.example.com/x?secret=s":                           "https://***@api.example.com/x?secret=***",
		"https://api.example.com/x?flag":                                   "https://api.example.com/x?flag",
		// An @ in the path or the query is not user info.
		"https://api.example.com/mail/user@example.com":  "https://api.example.com/mail/user@example.com",
		"https://api.example.com/x?email=a@b.no&token=t": "https://api.example.com/x?email=a@b.no&token=***",
	}
	for in, want := range cases {
		if got := MaskURL(in); got != want {
			t.Errorf("MaskURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskHeaders(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, value, want string
	}{
		{"Authorization", "Bearer " + secretAPIKey, "Authorization: Bearer ***"},
		{"Authorization", "Basic dXNlcjpwYXNz", "Authorization: Basic ***"},
		{"Authorization", secretToken, "Authorization: ***"},
		{"Cookie", "session=" + secretToken, "Cookie: ***"},
		{"Cookie", "lang=no; session=" + secretToken, "Cookie: ***"},
		{"Set-Cookie", "session=" + secretToken + "; Path=/", "Set-Cookie: ***"},
		{"X-Api-Key", secretAPIKey, "X-Api-Key: ***"},
		{"X-Api-Key", "flux live", "X-Api-Key: ***"},
		{"Proxy-Authorization", "Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic ***"},
		{"User-Agent", "giga/1.0 (x)", "User-Agent: giga/1.0 (x)"},
	}
	for _, c := range cases {
		if got := MaskHeaders(http.Header{c.name: {c.value}}); got != c.want {
			t.Errorf("MaskHeaders(%s: %q) = %q, want %q", c.name, c.value, got, c.want)
		}
	}
	got := MaskHeaders(http.Header{"Authorization": {"Bearer a", "Bearer b"}, "Accept": {"application/json"}})
	if strings.Contains(got, "Bearer a") || strings.Contains(got, "Bearer b") || !strings.Contains(got, "Accept: application/json") {
		t.Errorf("MaskHeaders with two values = %q", got)
	}
}

func TestIsSecretKey(t *testing.T) {
	t.Parallel()
	secret := []string{
		"token", "Token", "refresh_token", "access_token", "code", "totp", "otp", "key", "api_key", "apikey",
		"secret", "client_secret", "secret_key", "authorization", "password", "Password", "new_password",
		"initial_password", "initial_root_password", "password_confirmation",
	}
	plain := []string{"queue_token", "QUEUE_TOKEN", "token_expire", "expires", "refresh_expires", "login", "username", "label", "prefix", "key_id", "status_code", "tokens", ""}
	for _, k := range secret {
		if !IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = false, want true", k)
		}
	}
	for _, k := range plain {
		if IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = true, want false", k)
		}
	}
}

func TestMaskBody(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		``:                        ``,
		`not json ` + secretToken: "<" + strconv.Itoa(len(`not json `+secretToken)) + " bytes, not JSON>",
		`{"password":"` + secretPassword + `","login":"me"}`:              `{"login":"me","password":"***"}`,
		`{"a":{"b":[{"c":{"password":"x"}}]}}`:                            `{"a":{"b":[{"c":{"password":"***"}}]}}`,
		`{"totp":123456,"code":"","token":null}`:                          `{"code":"","token":null,"totp":"***"}`,
		`{"secret":{"nested":"object"}}`:                                  `{"secret":"***"}`,
		`["flux_live_` + strings.Repeat("a", 40) + `","flux_live_short"]`: `["flux_live_***","flux_live_short"]`,
		`{"meta":{"status":200},"data":[]}`:                               `{"data":[],"meta":{"status":200}}`,
		`"plain string"`:                                                  `"plain string"`,
	}
	for in, want := range cases {
		if got := MaskBody([]byte(in)); got != want {
			t.Errorf("MaskBody(%q) = %q, want %q", in, got, want)
		}
	}
}
