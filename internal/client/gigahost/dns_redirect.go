package gigahost

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Redirect is an HTTP redirect of a zone's name, as GET
// /dns/zones/{id}/redirect lists it. Source is "@" for the apex or a name
// relative to the zone; Domain is the host name it answers for.
type Redirect struct {
	Domain    client.String `json:"domain"`
	Source    client.String `json:"source"`
	TargetURL client.String `json:"target_url"`
	Enabled   client.Bool   `json:"enabled"`
	CreatedAt client.String `json:"created_at"`
}

// RedirectInput is the body of a redirect creation or update.
type RedirectInput struct {
	Source    string `json:"source"`
	TargetURL string `json:"target_url"`
}

func redirectPath(zoneID string) string { return "/dns/zones/" + url.PathEscape(zoneID) + "/redirect" }

// ListRedirects lists a zone's redirects.
func (c *Client) ListRedirects(ctx context.Context, zoneID string) ([]Redirect, error) {
	var out []Redirect
	if err := c.do(ctx, http.MethodGet, redirectPath(zoneID), nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// FindRedirect returns the redirect of source (in the API's relative form)
// from a list of redirects.
func FindRedirect(redirects []Redirect, source string) (Redirect, bool) {
	for _, r := range redirects {
		if string(r.Source) == source {
			return r, true
		}
	}
	return Redirect{}, false
}

// CreateRedirect creates a redirect. The API adds A records at the source
// (and at www for "@") pointing to its redirect server, and refuses with 400
// when an A, AAAA or CNAME record is already there.
//
// Sent again after it took effect, a create fails with "already exists", so
// it is never repeated blindly: after a 5xx answer or a connection lost once
// the request was sent, the error is one for which client.IsOutcomeUnknown
// is true, and the caller lists the zone's redirects before it tries again.
func (c *Client) CreateRedirect(ctx context.Context, zoneID string, in RedirectInput) error {
	return c.send(ctx, client.Request{Method: http.MethodPost, Path: redirectPath(zoneID), Body: in, Creates: true}, nil)
}

// UpdateRedirect changes the target URL of the redirect of in.Source.
func (c *Client) UpdateRedirect(ctx context.Context, zoneID string, in RedirectInput) error {
	return c.do(ctx, http.MethodPut, redirectPath(zoneID), nil, in, nil)
}

// DeleteRedirect deletes the redirect of source and the A records it added.
func (c *Client) DeleteRedirect(ctx context.Context, zoneID, source string) error {
	return c.do(ctx, http.MethodDelete, redirectPath(zoneID), url.Values{"source": {source}}, nil, nil)
}
