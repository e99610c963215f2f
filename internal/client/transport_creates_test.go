package client

import (
	"context"
	"net"
	"net/http"
	"testing"
)

// A create is retried only when the API cannot have acted on it.
func TestCreatesRetriedOnlyWhenSafe(t *testing.T) {
	cases := []struct {
		name         string
		answer       func(t *testing.T, w http.ResponseWriter)
		wantAttempts int32
		wantUnknown  bool
	}{
		{"500 is not repeated", func(_ *testing.T, w http.ResponseWriter) { w.WriteHeader(http.StatusInternalServerError) }, 1, true},
		{"502 is not repeated", func(_ *testing.T, w http.ResponseWriter) { w.WriteHeader(http.StatusBadGateway) }, 1, true},
		{"a lost answer is not repeated", dropConnection, 1, true},
		{"429 is repeated", func(_ *testing.T, w http.ResponseWriter) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		}, 4, false},
		{"400 is an answer", func(_ *testing.T, w http.ResponseWriter) { w.WriteHeader(http.StatusBadRequest) }, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { c.answer(t, w) })
			tr := newTestTransport(t, ts.URL, 3)
			resp, err := tr.Do(context.Background(), Request{Method: http.MethodPost, Path: "/things", Body: map[string]int{"n": 1}, Creates: true})
			if got := ts.attempts.Load(); got != c.wantAttempts {
				t.Errorf("%d attempts, want %d", got, c.wantAttempts)
			}
			if IsOutcomeUnknown(err) != c.wantUnknown {
				t.Errorf("err = %v (resp %+v), want outcome unknown = %v", err, resp, c.wantUnknown)
			}
		})
	}
}

// The same failures on an ordinary request are retried.
func TestOrdinaryRequestsRetriedOn5xx(t *testing.T) {
	ts := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	tr := newTestTransport(t, ts.URL, 3)
	resp, err := tr.Do(context.Background(), Request{Method: http.MethodPost, Path: "/things"})
	if err != nil || resp.Status != http.StatusInternalServerError || ts.attempts.Load() != 4 {
		t.Errorf("resp %+v err %v after %d attempts, want the last 500 after 4", resp, err, ts.attempts.Load())
	}
}

// A connection that cannot be opened sent nothing: a create is retried.
func TestCreatesRetriedWhenNothingWasSent(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	tr := newTestTransport(t, "http://"+addr, 2)
	_, err = tr.Do(context.Background(), Request{Method: http.MethodPost, Path: "/things", Creates: true})
	if err == nil || IsOutcomeUnknown(err) || !isDialError(err) {
		t.Errorf("err = %v, want a plain dial error (nothing was sent)", err)
	}
}
