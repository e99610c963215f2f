package client

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// A 401 to a session token logs in again once; a 401 to an API key, or a
// second 401 in a row, is final; the token sent is always the current one.
func TestDoAuthenticated(t *testing.T) {
	var mu sync.Mutex
	valid := map[string]bool{}
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		tok := r.Header.Get("Authorization")
		seen = append(seen, tok)
		if !valid[tok] {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		_, _ = w.Write([]byte("ok"))
	}))
	t.Cleanup(srv.Close)
	tr := newTestTransport(t, srv.URL, 0)
	check := func(r *Response) error {
		if r.Status != http.StatusOK {
			return &APIError{Method: "GET", Path: "/x", Status: r.Status}
		}
		return nil
	}
	for _, tc := range []struct {
		name      string
		renewable bool
		validNth  int // the login whose token the API accepts (0: none)
		wantErr   bool
		wantSent  int
		wantDrops int
	}{
		{"session still valid", true, 1, false, 1, 0},
		{"session ended early: one login more", true, 2, false, 2, 1},
		{"session refused twice: final", true, 3, true, 2, 1},
		{"API key refused: final", false, 2, true, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			valid, seen = map[string]bool{}, nil
			if tc.validNth > 0 {
				valid["Bearer "+tc.name+fmt.Sprint(tc.validNth)] = true
			}
			mu.Unlock()
			logins, drops := 0, 0
			current := ""
			auth := Auth{
				Token: func(context.Context) (string, bool, error) {
					if current == "" {
						logins++
						current = fmt.Sprint(tc.name, logins)
					}
					return current, tc.renewable, nil
				},
				Drop: func(tok string) {
					if tok == current {
						current = ""
					}
					drops++
				},
			}
			resp, err := tr.DoAuthenticated(context.Background(), Request{Method: http.MethodGet, Path: "/x"}, auth, check)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if !tc.wantErr && string(resp.Body) != "ok" {
				t.Errorf("body %q", resp.Body)
			}
			if tc.wantErr && !IsStatus(err, http.StatusUnauthorized) {
				t.Errorf("err = %v, want the 401", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(seen) != tc.wantSent || drops != tc.wantDrops {
				t.Errorf("sent %d (%v), dropped %d; want %d sent, %d dropped", len(seen), seen, drops, tc.wantSent, tc.wantDrops)
			}
		})
	}
}
