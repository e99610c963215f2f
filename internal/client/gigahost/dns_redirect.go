package gigahost

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/hashicorp/terraform-plugin-log/tflog"

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
	return getList[Redirect](ctx, c, redirectPath(zoneID))
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
// the request was sent (client.IsOutcomeUnknown), client.CreateOnce lists the
// zone's redirects: the redirect there with this target means the create
// took effect; none means the API refused the write (as it does when another
// write to the zone is under way) and it is sent again. The caller reads the
// redirect back from the list (the answer does not say whether it is
// enabled).
func (c *Client) CreateRedirect(ctx context.Context, zoneID string, in RedirectInput) error {
	return c.redirectWrite(zoneID, func() error { return c.createRedirect(ctx, zoneID, in) })
}

// redirectWrite runs fn as a write to the zone, under its write lock (the
// API fails concurrent writes to a zone), and drops the zone's record list:
// a redirect write adds or removes A records that this operation's record
// bookkeeping cannot know of. Even a failed write may have changed the zone.
func (c *Client) redirectWrite(zoneID string, fn func() error) error {
	z := c.dnsZone(zoneID)
	_, err := z.writeLocked(func() error {
		defer z.records.drop()
		return fn()
	})
	return err
}

func (c *Client) createRedirect(ctx context.Context, zoneID string, in RedirectInput) error {
	_, _, err := client.CreateOnce(ctx, c.createTries("the redirect was not created"),
		func(ctx context.Context) error {
			return c.send(ctx, client.Request{Method: http.MethodPost, Path: redirectPath(zoneID), Body: in, Creates: true}, nil)
		},
		func(ctx context.Context, attempt int, err error) (Redirect, bool, error) {
			redirects, lerr := c.ListRedirects(ctx, zoneID)
			if lerr != nil {
				return Redirect{}, false, fmt.Errorf("%w; and listing the zone's redirects to learn whether it was created failed: %w", err, lerr)
			}
			red, ok := FindRedirect(redirects, in.Source)
			if !ok || string(red.TargetURL) != in.TargetURL {
				return Redirect{}, false, nil
			}
			tflog.Debug(ctx, "DNS redirect create: answer lost, but the redirect is in the zone now", map[string]any{
				"zone_id": zoneID, "source": in.Source, "attempt": attempt,
			})
			return red, true, nil
		})
	return err
}

// UpdateRedirect changes the target URL of the redirect of in.Source, as a
// write to the zone.
func (c *Client) UpdateRedirect(ctx context.Context, zoneID string, in RedirectInput) error {
	return c.redirectWrite(zoneID, func() error { return c.do(ctx, http.MethodPut, redirectPath(zoneID), nil, in, nil) })
}

// DeleteRedirect deletes the redirect of source and the A records it added,
// and confirms by listing the zone's redirects that it is gone: a 200 alone
// is not trusted. A zone gone (404) is returned as it is. It is a write to
// the zone.
func (c *Client) DeleteRedirect(ctx context.Context, zoneID, source string) error {
	return c.redirectWrite(zoneID, func() error { return c.deleteRedirect(ctx, zoneID, source) })
}

func (c *Client) deleteRedirect(ctx context.Context, zoneID, source string) error {
	if err := c.do(ctx, http.MethodDelete, redirectPath(zoneID), url.Values{"source": {source}}, nil, nil); err != nil {
		return err
	}
	redirects, err := c.ListRedirects(ctx, zoneID)
	if err != nil {
		return fmt.Errorf("the redirect of %s: the API answered the delete, but listing zone %s's redirects to confirm it failed: %w", source, zoneID, err)
	}
	if r, ok := FindRedirect(redirects, source); ok {
		return fmt.Errorf("the redirect of %s (to %s) is still in zone %s after the API answered its deletion with success", source, string(r.TargetURL), zoneID)
	}
	return nil
}
