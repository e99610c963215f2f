package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// SSL of a web-hosting account: GET, POST and DELETE /webhosting/{id}/ssl.
// The docs give no example answer for GET, only that it "includes whether
// SSL is enabled, the certificate details if one is installed, and the list
// of valid hostnames". Every field name below is therefore read in each
// plausible spelling, and an answer the decoder does not recognise is an
// error (never "no certificate").

// HostingSSL is what GET /webhosting/{id}/ssl says.
type HostingSSL struct {
	Enabled bool
	// Installed is true when the answer carries a certificate.
	Installed bool
	// Hostnames are the names the installed certificate covers, in lower
	// case and sorted.
	Hostnames []string
	// Expires is the certificate's expiry (zero when the answer has none).
	Expires time.Time
	// ValidHostnames are the names the account can secure, as listed.
	ValidHostnames []string
}

// Covers reports whether the installed certificate covers every name.
func (s HostingSSL) Covers(names []string) bool {
	if !s.Installed {
		return false
	}
	for _, n := range names {
		if !slices.Contains(s.Hostnames, strings.ToLower(strings.TrimSuffix(n, "."))) {
			return false
		}
	}
	return true
}

// SSL keys the answer's members are read under, in order of preference.
var (
	sslEnabledKeys     = []string{"enabled", "ssl_enabled", "active"}
	sslCertKeys        = []string{"certificate", "cert", "ssl_certificate"}
	sslCertNameKeys    = []string{"hostnames", "domains", "names", "san", "common_names"}
	sslValidNameKeys   = []string{"valid_hostnames", "hostnames", "available_hostnames", "domains"}
	sslCertExpiryKeys  = []string{"expires", "expires_at", "expiry", "expiry_date", "valid_to", "valid_until", "not_after"}
	sslRecognisedKeys  = slices.Concat(sslEnabledKeys, sslCertKeys, sslValidNameKeys)
	sslEmptyCertValues = []string{"", "null", "[]", "{}", "false", "0", `""`}
)

// decodeHostingSSL reads the data of GET /webhosting/{id}/ssl: the object
// bare or under one wrapper (such as ssl), recognised by its keys.
func decodeHostingSSL(raw json.RawMessage) (HostingSSL, error) {
	obj, err := oneObject(raw, sslRecognisedKeys...)
	if err != nil {
		return HostingSSL{}, err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(obj, &members); err != nil {
		return HostingSSL{}, err
	}
	var out HostingSSL
	if v, ok := firstMember(members, sslEnabledKeys); ok {
		var b client.Bool
		if err := json.Unmarshal(v, &b); err != nil {
			return HostingSSL{}, fmt.Errorf("enabled: %w", err)
		}
		out.Enabled = bool(b)
	}
	if v, ok := firstMember(members, sslValidNameKeys); ok {
		if out.ValidHostnames, err = decodeNames(v); err != nil {
			return HostingSSL{}, fmt.Errorf("valid hostnames: %w", err)
		}
	}
	cert, ok := firstMember(members, sslCertKeys)
	if !ok || slices.Contains(sslEmptyCertValues, strings.TrimSpace(string(cert))) {
		return out, nil
	}
	var certMembers map[string]json.RawMessage
	if err := json.Unmarshal(cert, &certMembers); err != nil {
		return HostingSSL{}, fmt.Errorf("the certificate is not an object: %s", abbreviate(cert))
	}
	names, ok := firstMember(certMembers, sslCertNameKeys)
	if !ok {
		return HostingSSL{}, fmt.Errorf("the certificate names no host names (none of %s): %s", strings.Join(sslCertNameKeys, ", "), abbreviate(cert))
	}
	if out.Hostnames, err = decodeNames(names); err != nil {
		return HostingSSL{}, fmt.Errorf("certificate host names: %w", err)
	}
	for i, n := range out.Hostnames {
		out.Hostnames[i] = strings.ToLower(strings.TrimSuffix(n, "."))
	}
	slices.Sort(out.Hostnames)
	if v, ok := firstMember(certMembers, sslCertExpiryKeys); ok {
		if out.Expires, err = decodeTime(v); err != nil {
			return HostingSSL{}, fmt.Errorf("certificate expiry: %w", err)
		}
	}
	out.Installed = true
	return out, nil
}

// firstMember returns the first of keys present (and not null) in members.
func firstMember(members map[string]json.RawMessage, keys []string) (json.RawMessage, bool) {
	for _, k := range keys {
		if v, ok := members[k]; ok && strings.TrimSpace(string(v)) != "null" {
			return v, true
		}
	}
	return nil, false
}

// decodeNames reads host names as a list of strings or one comma- or
// space-separated string.
func decodeNames(raw json.RawMessage) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("neither a list of names nor a string: %s", abbreviate(raw))
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }), nil
}

// timeLayouts are the date forms read from the API, besides unix seconds.
var timeLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// decodeTime reads a time as RFC 3339, "YYYY-MM-DD HH:MM:SS", a date, or
// unix seconds (number or string); anything else is an error.
func decodeTime(raw json.RawMessage) (time.Time, error) {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC(), nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%s is not a date, a date-time or unix seconds", abbreviate(raw))
}

// HostingSSL reads the SSL state of a hosting account. A missing account is
// the API's 404 error.
func (c *Client) HostingSSL(ctx context.Context, hostingID int64) (HostingSSL, error) {
	path := fmt.Sprintf("/webhosting/%d/ssl", hostingID)
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return HostingSSL{}, err
	}
	s, err := decodeHostingSSL(raw)
	if err != nil {
		return HostingSSL{}, fmt.Errorf("GET %s: %w", path, err)
	}
	return s, nil
}

// SSLRequest asks for a free certificate.
type SSLRequest struct {
	Hostnames []string `json:"hostnames"`
	// KeySize is secp384r1 (the API's default), secp256r1 or rsa_4096; ""
	// leaves the default.
	KeySize string `json:"keysize,omitempty"`
}

// RequestSSL asks for a certificate (POST /webhosting/{id}/ssl) under the
// account's write lock. It does not wait for the certificate (see
// WaitSSL). A request whose answer is lost goes through client.CreateOnce:
// the account's SSL is read, and a certificate that already covers the names
// is this request's; otherwise the request is sent again: the account has
// one certificate, so a repeated request for the same names makes no second
// one.
func (c *Client) RequestSSL(ctx context.Context, hostingID int64, in SSLRequest) error {
	path := fmt.Sprintf("/webhosting/%d/ssl", hostingID)
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	_, _, err := client.CreateOnce(ctx, c.createTries("the certificate was not requested"), func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: in, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (struct{}, bool, error) {
		s, rerr := c.HostingSSL(ctx, hostingID)
		if rerr != nil {
			return struct{}{}, false, fmt.Errorf("%w; and reading the account's SSL to learn whether the request was taken failed: %w", err, rerr)
		}
		return struct{}{}, s.Covers(in.Hostnames), nil
	})
	return err
}

// WaitSSL polls GET /webhosting/{id}/ssl until the installed certificate
// covers every name ("usually within a minute", the docs say) or ctx ends.
// The last answer read is returned with the error.
func (c *Client) WaitSSL(ctx context.Context, hostingID int64, names []string) (HostingSSL, error) {
	var last HostingSSL
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		s, err := c.HostingSSL(ctx, hostingID)
		if err != nil {
			return false, err
		}
		last = s
		return s.Covers(names), nil
	})
	if err != nil && ctx.Err() != nil {
		covered := "no certificate is installed"
		if last.Installed {
			covered = "the installed certificate covers " + strings.Join(last.Hostnames, ", ")
		}
		return last, fmt.Errorf("the certificate for %s was not issued in time (%s); the host names must resolve to the hosting account: %w",
			strings.Join(names, ", "), covered, err)
	}
	return last, err
}

// DeleteSSL removes the certificate and verifies it by reading the account's
// SSL back: a certificate still installed is an error, whatever the DELETE
// answered. An account already gone is no error.
func (c *Client) DeleteSSL(ctx context.Context, hostingID int64) error {
	path := fmt.Sprintf("/webhosting/%d/ssl", hostingID)
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.do(ctx, http.MethodDelete, path, nil, nil, nil); err != nil && !client.IsNotFound(err) {
		return err
	}
	s, err := c.HostingSSL(ctx, hostingID)
	switch {
	case client.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("the certificate was removed, but reading the account's SSL to verify failed: %w", err)
	case s.Installed:
		return fmt.Errorf("DELETE %s was answered, but a certificate for %s is still installed", path, strings.Join(s.Hostnames, ", "))
	}
	return nil
}
