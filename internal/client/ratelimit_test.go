package client

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// A create whose context ends before the limiter lets it go was never sent:
// it fails plainly (not as an unknown outcome), without a retry.
func TestLimiterWaitIsNotAnUnknownOutcome(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	tr, err := NewTransport(Options{BaseURL: srv.URL, MaxRetries: 3, Limiter: NewLimiter(0.01)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Do(context.Background(), Request{Method: http.MethodPost, Path: "/", Creates: true}); err != nil {
		t.Fatalf("first request (the burst): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = tr.Do(ctx, Request{Method: http.MethodPost, Path: "/", Creates: true})
	if err == nil || IsOutcomeUnknown(err) {
		t.Fatalf("err = %v, want a plain error: the create was never sent", err)
	}
	if got := srv.attempts.Load(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

func TestNewLimiterOff(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{0, -1} {
		if NewLimiter(v) != nil {
			t.Errorf("NewLimiter(%v) is not nil", v)
		}
	}
	if l := NewLimiter(2.5); l == nil || l.Burst() != 1 || float64(l.Limit()) != 2.5 {
		t.Errorf("NewLimiter(2.5) = %+v", l)
	}
}
