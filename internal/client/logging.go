package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const masked = "***"

// loggingRoundTripper logs every attempt (retries included) through tflog,
// with credentials and secrets masked, so TF_LOG=TRACE is safe to share.
type loggingRoundTripper struct {
	next    http.RoundTripper
	service string
}

func (l *loggingRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"service":     l.service,
		"http_method": req.Method,
		"http_url":    MaskURL(req.URL.String()),
	}
	reqFields := map[string]any{"http_request_headers": MaskHeaders(req.Header)}
	if req.GetBody != nil {
		if rc, err := req.GetBody(); err == nil {
			reqFields["http_request_body"] = MaskBody(bodyCopy(&rc))
			_ = rc.Close()
		}
	}
	tflog.Trace(ctx, "API request", merge(fields, reqFields))

	start := time.Now()
	resp, err := l.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		tflog.Debug(ctx, "API request failed", fields)
		return nil, err
	}
	fields["http_status"] = resp.StatusCode
	tflog.Debug(ctx, "API response", fields)
	tflog.Trace(ctx, "API response body", merge(fields, map[string]any{
		"http_response_body": MaskBody(bodyCopy(&resp.Body)),
	}))
	return resp, nil
}

func merge(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// MaskHeaders renders headers for a log line with credentials hidden.
func MaskHeaders(h http.Header) string {
	parts := make([]string, 0, len(h))
	for k, vs := range h {
		v := strings.Join(vs, ", ")
		switch strings.ToLower(k) {
		case "authorization", "proxy-authorization":
			// Keep the scheme (Bearer, Basic): it helps and reveals nothing.
			if scheme, _, ok := strings.Cut(v, " "); ok {
				v = scheme + " " + masked
			} else {
				v = masked
			}
		case "cookie", "set-cookie", "x-api-key":
			// These have no scheme: a space is inside the secret part.
			v = masked
		}
		parts = append(parts, k+": "+v)
	}
	return strings.Join(parts, "; ")
}

// MaskURL hides credentials in a URL's user info and in query parameters whose
// names suggest a secret.
func MaskURL(raw string) string {
	before, query, hasQuery := strings.Cut(raw, "?")
	// User info sits between "://" and the first "/" after it; an @ further
	// on belongs to the path.
	if scheme, rest, ok := strings.Cut(before, "://"); ok {
		authority, path, hasPath := strings.Cut(rest, "/")
		if i := strings.LastIndex(authority, "@"); i >= 0 {
			before = scheme + "://" + masked + authority[i:]
			if hasPath {
				before += "/" + path
			}
		}
	}
	if !hasQuery {
		return before
	}
	pairs := strings.Split(query, "&")
	for i, p := range pairs {
		k, _, _ := strings.Cut(p, "=")
		if IsSecretKey(k) {
			pairs[i] = k + "=" + masked
		}
	}
	return before + "?" + strings.Join(pairs, "&")
}

// IsSecretKey reports whether a JSON field or parameter name holds a secret.
func IsSecretKey(k string) bool {
	k = strings.ToLower(k)
	switch k {
	case "token", "refresh_token", "code", "totp", "otp", "key", "api_key", "apikey", "secret", "authorization":
		return true
	case "queue_token":
		return false
	}
	return strings.Contains(k, "password") || strings.Contains(k, "secret") || strings.HasSuffix(k, "_token")
}

// MaskBody renders a body for a log line with every secret field hidden. A body
// that is not JSON is not printed, since nothing in it can be checked.
func MaskBody(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Sprintf("<%d bytes, not JSON>", len(b))
	}
	out, err := json.Marshal(maskValue(v))
	if err != nil {
		return fmt.Sprintf("<%d bytes>", len(b))
	}
	return string(out)
}

func maskValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if IsSecretKey(k) {
				if val != nil && val != "" {
					t[k] = masked
				}
				continue
			}
			t[k] = maskValue(val)
		}
	case []any:
		for i := range t {
			t[i] = maskValue(t[i])
		}
	case string:
		// A Gigahost API key can appear as a value, for instance in an echo.
		if strings.HasPrefix(t, "flux_live_") && len(t) > 30 {
			return t[:len("flux_live_")] + masked
		}
	}
	return v
}
