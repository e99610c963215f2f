package gigahost

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The credentials as a user sets them: the provider attribute and its
// environment variable.
const (
	keyNamed   = "the API key in gigahost_api_key (or GIGAHOST_API_KEY)"
	loginNamed = "the login of gigahost_username and gigahost_password (or GIGAHOST_USERNAME and GIGAHOST_PASSWORD, with gigahost_otp / GIGAHOST_OTP when two-factor login is on)"
)

// permissionCategories are the categories of an API key's permissions
// (docs "About API keys"): the three that can be limited to ids first.
var permissionCategories = []string{"dns", "servers", "webhosting", "racks", "support", "billing", "account"}

// explainRefused says what a final 401 or 403 means (client.Auth.Explain).
func explainRefused(apiErr *client.APIError, session bool, endpoint string) string {
	switch apiErr.Status {
	case http.StatusUnauthorized:
		if session {
			return fmt.Sprintf("The Gigahost API at %s refused %s, even after logging in again. "+
				"Check the username and password (and that the one-time code is current), and that gigahost_endpoint "+
				"(GIGAHOST_ENDPOINT) is the API these credentials belong to.", endpoint, loginNamed)
		}
		return fmt.Sprintf("The Gigahost API at %s refused %s. Check that the value is the whole flux_live_... secret, "+
			"that the key is active (not revoked, not past its expires_at) in the Gigahost control panel, and that "+
			"gigahost_endpoint (GIGAHOST_ENDPOINT) is the API the key belongs to: an endpoint left over from `make mock` "+
			"sends a real key to the mock, and the default endpoint sends a mock key to the real API.", endpoint, keyNamed)
	case http.StatusForbidden:
		if session {
			return ""
		}
		return permissionHint(apiErr.Message)
	}
	return ""
}

// mentionsAccess reports whether a message speaks of access rights, so that
// a category word in an unrelated message ("account suspended") is not read
// as a missing permission.
func mentionsAccess(lower string) bool {
	for _, w := range []string{"access", "permission", "allowed", "read-only", "read only", "limited", "not authorized", "scope"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

var wordRE = regexp.MustCompile(`[a-z]+`)

// permissionHint names the permission category a 403 to an API key says the
// key lacks, and what to change; "" when the answer names no category.
func permissionHint(message string) string {
	lower := strings.ToLower(message)
	words := map[string]bool{}
	for _, w := range wordRE.FindAllString(lower, -1) {
		words[w] = true
	}
	category := ""
	for _, c := range permissionCategories {
		if words[c] {
			category = c
			break
		}
	}
	if category == "" || !mentionsAccess(lower) {
		return ""
	}
	what := fmt.Sprintf("give its %q category mode \"r\" to read or \"rw\" to change anything (a category left out means no access)", category)
	switch {
	case strings.Contains(lower, "read-only") || strings.Contains(lower, "read only"):
		what = fmt.Sprintf("give its %q category mode \"rw\" (it has \"r\", which lets only GET requests through)", category)
	case strings.Contains(lower, "limited") || strings.Contains(lower, "object") || strings.Contains(lower, " id"):
		what = fmt.Sprintf("its %q category is limited to some ids (all = false): add this object's id to ids, or set all = true "+
			"(creating new objects needs all = true)", category)
	}
	return fmt.Sprintf("The API key in gigahost_api_key (or GIGAHOST_API_KEY) lacks the %q permission this request needs: %s. "+
		"Edit the key's permissions in the Gigahost control panel (or with gigahost_api_key under a session login).", category, what)
}
