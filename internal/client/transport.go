// Package client holds what both APIs share: the HTTP transport (retries,
// backoff, Retry-After, logging with secrets masked), lenient JSON scalars,
// API errors and the context-aware poller used by every waiter.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// Options configures a Transport.
type Options struct {
	// BaseURL is the API root, for example https://api.gigas.com.
	BaseURL string
	// Service names the API in log lines ("gigas" or "gigahost").
	Service string
	// UserAgent is sent on every request.
	UserAgent string
	// MaxRetries bounds the retries of one request on 429, 5xx and network errors.
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff between retries when the
	// API does not say how long to wait. Zero means 500ms and 15s.
	RetryWaitMin, RetryWaitMax time.Duration
	// HTTPClient is the underlying client; nil means a fresh pooled client.
	HTTPClient *http.Client
	// Limiter, when not nil, paces every attempt this transport sends
	// (retries, polls and logins included): each waits for a token first.
	// Share one limiter between transports to share one budget.
	Limiter *rate.Limiter
}

// NewLimiter returns a token bucket of perSecond requests per second with a
// burst of 1, or nil (no limit) when perSecond is not positive.
func NewLimiter(perSecond float64) *rate.Limiter {
	if perSecond <= 0 || math.IsInf(perSecond, 0) || math.IsNaN(perSecond) {
		return nil
	}
	return rate.NewLimiter(rate.Limit(perSecond), 1)
}

// Transport sends JSON requests to one API.
type Transport struct {
	base      *url.URL
	service   string
	userAgent string
	http      *retryablehttp.Client
}

// Request is one API call.
type Request struct {
	Method string
	// Path is relative to the base URL and already escaped (each segment as
	// url.PathEscape gives it); it may end with a query string.
	Path  string
	Query url.Values
	// Body is encoded as JSON when not nil.
	Body any
	// Header holds extra headers, such as Authorization.
	Header http.Header
	// Creates marks a request that creates something billable. It is
	// retried only when the API certainly did not act on it (429, or a
	// connection that could not be opened); any other failure is returned
	// as an OutcomeUnknownError, for the caller to look before it tries again.
	Creates bool
}

// Response is the raw answer to a Request, whatever its status.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// NewServiceTransport is the start of an API client's New: it refuses
// missing credentials (an API key, or a username and password), fills the
// service name and, when unset, the endpoint into opts, settles poll (zero:
// DefaultPoll), and builds the transport.
func NewServiceTransport(service, endpoint string, apiKey, username, password string, opts *Options, poll *PollSettings) (*Transport, error) {
	if apiKey == "" && (username == "" || password == "") {
		return nil, fmt.Errorf("%s: an API key, or a username and password, is required", service)
	}
	if opts.BaseURL == "" {
		opts.BaseURL = endpoint
	}
	opts.Service = service
	if poll.Initial <= 0 {
		*poll = DefaultPoll
	}
	return NewTransport(*opts)
}

// NewTransport builds a Transport.
func NewTransport(o Options) (*Transport, error) {
	base, err := url.Parse(strings.TrimRight(o.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("invalid endpoint %q: want an absolute URL such as https://api.example.com", o.BaseURL)
	}
	if o.RetryWaitMin <= 0 {
		o.RetryWaitMin = 500 * time.Millisecond
	}
	if o.RetryWaitMax <= 0 {
		o.RetryWaitMax = 15 * time.Second
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()} //nolint:forcetypeassert // the standard library's default is always *http.Transport
	}
	logged := *hc
	var rt http.RoundTripper = &loggingRoundTripper{next: transportOrDefault(hc.Transport), service: o.Service}
	if o.Limiter != nil {
		rt = &limitedRoundTripper{next: rt, limiter: o.Limiter}
	}
	logged.Transport = rt

	rc := &retryablehttp.Client{
		HTTPClient:   &logged,
		Logger:       nil, // every attempt is logged by loggingRoundTripper through tflog
		RetryWaitMin: o.RetryWaitMin,
		RetryWaitMax: o.RetryWaitMax,
		RetryMax:     max(o.MaxRetries, 0),
		CheckRetry:   retryPolicy,
		Backoff:      Backoff,
		// Hand back the last response after the retries run out, so that the
		// caller can quote the API's own error message.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return &Transport{base: base, service: o.Service, userAgent: o.UserAgent, http: rc}, nil
}

// limitedRoundTripper waits for a token of the limiter before each attempt.
// It sits under the retry loop, so that retries are paced like first tries.
type limitedRoundTripper struct {
	next    http.RoundTripper
	limiter *rate.Limiter
}

func (l *limitedRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := l.limiter.Wait(req.Context()); err != nil {
		return nil, &rateWaitError{err: err}
	}
	return l.next.RoundTrip(req)
}

// rateWaitError says an attempt was never sent: its context ends before the
// limiter would let it go. It is not retried, and a create that fails so is
// known not to have happened.
type rateWaitError struct{ err error }

func (e *rateWaitError) Error() string {
	return "waiting for the requests_per_second limit: " + e.err.Error()
}

func (e *rateWaitError) Unwrap() error { return e.err }

func transportOrDefault(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		return http.DefaultTransport
	}
	return rt
}

// Backoff is the wait before a retry: the API's Retry-After when it sends one
// on a 429 or 503, else an exponential backoff with jitter between min and max.
func Backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return d
		}
	}
	exp := float64(minWait) * math.Pow(2, float64(attempt))
	if exp > float64(maxWait) || math.IsInf(exp, 0) {
		exp = float64(maxWait)
	}
	// Equal jitter: half fixed, half random, so retries of many clients spread out.
	half := exp / 2
	return time.Duration(half + rand.Float64()*half) //nolint:gosec // jitter needs no cryptographic randomness
}

// parseRetryAfter reads a Retry-After header given in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		// Beyond ~292 years the duration would overflow into a negative
		// wait (found by FuzzParseRetryAfter): not a wait we can read.
		if int64(secs) > math.MaxInt64/int64(time.Second) {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// Endpoint is the base URL requests go to, as errors name it.
func (t *Transport) Endpoint() string { return t.base.String() }

// Do sends the request, retrying as configured, and returns the final answer.
// A non-2xx status is not an error here: each API reads its own error shape.
func (t *Transport) Do(ctx context.Context, r Request) (*Response, error) {
	// Parse the path rather than assign it, so that its escapes (an id
	// holding a slash, say) are kept as sent and a query it carries stays a
	// query instead of being escaped into the path.
	rel, err := url.Parse(r.Path)
	if err != nil || rel.Scheme != "" || rel.Host != "" {
		return nil, fmt.Errorf("%s %s: invalid request path", r.Method, r.Path)
	}
	u := *t.base
	u.Path = t.base.Path + rel.Path
	u.RawPath = t.base.EscapedPath() + rel.EscapedPath()
	if query := mergeQuery(rel.Query(), r.Query); len(query) > 0 {
		u.RawQuery = query.Encode()
	}
	var body any
	if r.Body != nil {
		b, err := json.Marshal(r.Body)
		if err != nil {
			return nil, fmt.Errorf("encoding request body: %w", err)
		}
		body = b
	}
	reqCtx := ctx
	if r.Creates {
		reqCtx = context.WithValue(ctx, createsKey{}, true)
	}
	req, err := retryablehttp.NewRequestWithContext(reqCtx, r.Method, u.String(), body)
	if err != nil {
		return nil, err
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if t.userAgent != "" {
		req.Header.Set("User-Agent", t.userAgent)
	}
	resp, err := t.http.Do(req)
	if r.Creates && (err != nil && ctx.Err() == nil && !isDialError(err) || err == nil && resp.StatusCode >= 500) {
		status := 0
		if resp != nil {
			status = resp.StatusCode
			_ = resp.Body.Close()
		}
		return nil, &OutcomeUnknownError{Method: r.Method, Path: r.Path, Status: status, Err: err}
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("%s %s: %w", r.Method, r.Path, ctxErr)
		}
		// net/http quotes the full URL in its errors: mask it as in the logs,
		// since the error ends up in a diagnostic.
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			urlErr.URL = MaskURL(urlErr.URL)
		}
		return nil, fmt.Errorf("%s %s: %w", r.Method, r.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: reading response: %w", r.Method, r.Path, err)
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

func mergeQuery(a, b url.Values) url.Values {
	for k, vs := range b {
		for _, v := range vs {
			a.Add(k, v)
		}
	}
	return a
}

// Bearer returns an Authorization header for a bearer token.
func Bearer(token string) http.Header {
	return http.Header{"Authorization": []string{"Bearer " + token}}
}

// bodyCopy reads a body for logging and puts an identical one back.
func bodyCopy(rc *io.ReadCloser) []byte {
	if *rc == nil || *rc == http.NoBody {
		return nil
	}
	data, err := io.ReadAll(*rc)
	_ = (*rc).Close()
	*rc = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return data
}

type createsKey struct{}

// retryPolicy is retryablehttp's default (network errors, 429, 5xx but 501)
// except for requests that create something billable: those are retried
// only when the API cannot have acted on them, since a second order after a
// lost answer would be a second, unmanaged, billed object.
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if _, unsent := errors.AsType[*rateWaitError](err); unsent {
		return false, nil
	}
	if creates, _ := ctx.Value(createsKey{}).(bool); creates && ctx.Err() == nil {
		if err != nil {
			return isDialError(err), nil
		}
		return resp.StatusCode == http.StatusTooManyRequests, nil
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
}

// isDialError reports whether a request failed before anything was sent.
// isDialError says the request certainly did not reach the API: the
// connection could not be opened, or the rate limiter never let it go.
func isDialError(err error) bool {
	if _, unsent := errors.AsType[*rateWaitError](err); unsent {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// OutcomeUnknownError is a create request that failed in a way that does
// not tell whether the API acted on it: a 5xx answer or a connection lost
// after the request was sent.
type OutcomeUnknownError struct {
	Method, Path string
	Status       int // 0 when no answer arrived
	Err          error
}

func (e *OutcomeUnknownError) Error() string {
	what := fmt.Sprintf("HTTP %d", e.Status)
	if e.Err != nil {
		what = e.Err.Error()
	}
	return fmt.Sprintf("%s %s: the outcome is unknown (%s)", e.Method, e.Path, what)
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// IsOutcomeUnknown reports whether err is an OutcomeUnknownError.
func IsOutcomeUnknown(err error) bool {
	var o *OutcomeUnknownError
	return errors.As(err, &o)
}
