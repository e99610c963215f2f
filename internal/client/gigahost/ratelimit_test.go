package gigahost_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestRequestsPerSecond: two clients sharing one limiter (as every client of
// one API in one provider instance does) together stay at the rate, burst 1,
// retries of a 429 included. Counted at the mock per window, not timed.
func TestRequestsPerSecond(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{Seed: 3})
	m.Start()
	t.Cleanup(m.Close)
	const perSecond = 10.0
	limiter := client.NewLimiter(perSecond)
	newClient := func() *gigahost.Client {
		c, err := gigahost.New(gigahost.Config{APIKey: mockapi.GigahostAPIKey, Transport: client.Options{
			BaseURL: m.GigahostURL(), MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond, Limiter: limiter,
		}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	clients := []*gigahost.Client{newClient(), newClient()}
	m.FailNext("gigahost", http.MethodGet, "", mockapi.Fault429, 2)
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			if _, err := clients[i%2].ListZones(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	reqs := m.Requests()
	if len(reqs) != 12 {
		t.Fatalf("the mock saw %d requests, want 10 and 2 retries of a 429", len(reqs))
	}
	slices.SortFunc(reqs, func(a, b mockapi.RequestRecord) int { return a.At.Compare(b.At) })
	// In any window of 500 ms, at most 500ms*10/s = 5 tokens refill, plus the
	// burst of 1, plus 1 for a request held in transit (a new connection, a
	// busy machine) that arrives with the next. Unlimited, all 12 arrive at once.
	const window = 500 * time.Millisecond
	for i, a := range reqs {
		n := 0
		for _, b := range reqs[i:] {
			if d := b.At.Sub(a.At); d >= 0 && d < window {
				n++
			}
		}
		if n > 7 {
			t.Errorf("%d requests in the %v from request %d, want at most 7 at %v/s with a burst of 1", n, window, i, perSecond)
		}
	}
}
