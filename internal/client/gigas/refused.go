package gigas

import (
	"fmt"
	"net/http"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The credentials as a user sets them: the provider attribute and its
// environment variable.
const (
	keyNamed   = "the API key in gigas_api_key (or GIGAS_API_KEY)"
	loginNamed = "the login of gigas_username and gigas_password (or GIGAS_USERNAME and GIGAS_PASSWORD, with gigas_totp / GIGAS_TOTP when two-factor login is on)"
)

// explainRefused says what a final 401 or 403 means (client.Auth.Explain).
func explainRefused(apiErr *client.APIError, session bool, endpoint string) string {
	switch {
	case apiErr.Status == http.StatusUnauthorized && session:
		return fmt.Sprintf("The Gigas API at %s refused %s, even after logging in again. Check the username and password, "+
			"and that gigas_endpoint (GIGAS_ENDPOINT) is the API these credentials belong to.", endpoint, loginNamed)
	case apiErr.Status == http.StatusUnauthorized:
		return fmt.Sprintf("The Gigas API at %s refused %s. Check that the value is the whole key, that it is still valid "+
			"in the Gigas control panel, and that gigas_endpoint (GIGAS_ENDPOINT) is the API the key belongs to: an endpoint "+
			"left over from `make mock` sends a real key to the mock, and the default endpoint sends a mock key to the real API.",
			endpoint, keyNamed)
	case apiErr.Status == http.StatusForbidden:
		what := keyNamed
		if session {
			what = loginNamed
		}
		return fmt.Sprintf("The Gigas API at %s accepted %s but refused this request: check that the credentials may act on "+
			"gigas_account_id (GIGAS_ACCOUNT_ID) and, for an API key, what it was granted.", endpoint, what)
	}
	return ""
}

// loginRefused explains a refused login: the credentials and the endpoint.
func (c *Client) loginRefused() string {
	return fmt.Sprintf("The Gigas API at %s refused %s. Check the username and password, the TOTP code if two-factor "+
		"login is on, and that gigas_endpoint (GIGAS_ENDPOINT) is the API these credentials belong to.", c.t.Endpoint(), loginNamed)
}
