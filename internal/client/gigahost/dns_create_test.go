package gigahost

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// A record create is sent once when its outcome cannot be known, and
// retried by the transport only when the API cannot have acted.
func TestCreateRecordNotRepeatedBlindly(t *testing.T) {
	in := RecordInput{Name: "once", Type: "A", Value: "192.0.2.5", TTL: 300}
	for _, c := range []struct {
		fault       mockapi.Fault
		wantUnknown bool
		wantRecords int
		wantPosts   int // requests the mock saw, faulted or not
	}{
		{mockapi.Fault500, true, 0, 1},
		{mockapi.Fault502, true, 0, 1},
		{mockapi.FaultDrop, true, 0, 1},
		{mockapi.FaultDropAfter, true, 1, 1},
		{mockapi.Fault429, false, 1, 2},
	} {
		t.Run(string(c.fault), func(t *testing.T) {
			cl, m := dnsClient(t)
			m.FailNext("gigahost", http.MethodPost, "/dns/zones/123/records", c.fault, 1)
			err := cl.CreateRecord(context.Background(), "123", in)
			if client.IsOutcomeUnknown(err) != c.wantUnknown || (!c.wantUnknown && err != nil) {
				t.Fatalf("err = %v, want outcome unknown = %v", err, c.wantUnknown)
			}
			if got := len(m.FindDNSRecords(123, "once", "A", "192.0.2.5")); got != c.wantRecords {
				t.Errorf("%d records, want %d", got, c.wantRecords)
			}
			// The mock records a faulted request after it cut the
			// connection, so the client may hear of it first.
			posts := 0
			for wait := 0; wait < 100; wait++ {
				posts = 0
				for _, r := range m.Requests() {
					if r.Method == http.MethodPost {
						posts++
					}
				}
				if posts >= c.wantPosts {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if posts != c.wantPosts {
				t.Errorf("%d POSTs, want %d", posts, c.wantPosts)
			}
		})
	}
}

func TestRecordCreateBudget(t *testing.T) {
	c, err := New(Config{APIKey: "k", Transport: client.Options{BaseURL: "http://127.0.0.1:1", MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 4 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if n := c.CreateTries("x").Attempts; n != 3 {
		t.Errorf("CreateTries().Attempts = %d, want 3 (max_retries + 1)", n)
	}
	for n := 1; n <= 5; n++ {
		if d := c.RetryWait(n); d <= 0 || d > 4*time.Millisecond {
			t.Errorf("RetryWait(%d) = %v, want within (0, 4ms]", n, d)
		}
	}
}
