package client

import (
	"context"
	"errors"
	"net/http"
)

// Auth is how an API client authenticates a request: the bearer token to
// send, and whether a 401 may be cured by a new one.
type Auth struct {
	// Token returns the token to send. renewable is true for a session
	// token, which the API may have ended early: a 401 then drops it and
	// the request is sent once more with a fresh one. An API key is not
	// renewable: its 401 is final.
	Token func(ctx context.Context) (token string, renewable bool, err error)
	// Drop forgets a session token the API refused.
	Drop func(token string)
	// Explain, when set, says what a final 401 or 403 means: the
	// credential sent (session is true for a session token), the endpoint,
	// what to check. An empty answer adds nothing.
	Explain func(apiErr *APIError, session bool, endpoint string) string
}

// DoAuthenticated is the one authenticated send loop of both APIs: it sends
// req with the token auth gives, turns the answer into an error with check
// (nil for success; each API knows its error shapes), and on a 401 to a
// renewable token logs in again once. The answer is returned with check's
// error, so that the caller can decode a success or inspect a failure.
func (t *Transport) DoAuthenticated(ctx context.Context, req Request, auth Auth, check func(*Response) error) (*Response, error) {
	for attempt := 0; ; attempt++ {
		token, renewable, err := auth.Token(ctx)
		if err != nil {
			return nil, err
		}
		req.Header = Bearer(token)
		resp, err := t.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		err = check(resp)
		if IsStatus(err, http.StatusUnauthorized) && renewable && attempt == 0 {
			auth.Drop(token)
			continue
		}
		var apiErr *APIError
		if auth.Explain != nil && errors.As(err, &apiErr) {
			err = Refused(err, auth.Explain(apiErr, renewable, t.Endpoint()))
		}
		return resp, err
	}
}
