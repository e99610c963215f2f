package gigahost

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// A record create whose outcome cannot be known is not sent again blindly:
// the zone is listed, a record that took effect is adopted (with its id),
// and only a create that did not is sent again. The transport itself
// retries only when the API cannot have acted (429).
func TestCreateRecordNotRepeatedBlindly(t *testing.T) {
	in := RecordInput{Name: "once", Type: "A", Value: "192.0.2.5", TTL: 300}
	for _, c := range []struct {
		fault       mockapi.Fault
		wantAdopted bool
		wantPosts   int // requests the mock saw, faulted or not
	}{
		{mockapi.Fault500, false, 2},
		{mockapi.Fault502, false, 2},
		{mockapi.FaultDrop, false, 2},
		{mockapi.FaultDropAfter, true, 1},
		{mockapi.Fault429, false, 2},
	} {
		t.Run(string(c.fault), func(t *testing.T) {
			cl, m := dnsClient(t)
			m.FailNext("gigahost", http.MethodPost, "/dns/zones/123/records", c.fault, 1)
			rec, err := cl.CreateRecord(context.Background(), "123", in, RecordLookup{
				Relist: func(ctx context.Context) ([]Record, error) { return cl.ListRecords(ctx, "123") },
				Match:  func(r Record) bool { return r.Name == "once" && r.Value == "192.0.2.5" },
			})
			if err != nil || (rec != nil) != c.wantAdopted || (rec != nil && rec.ID == "") {
				t.Fatalf("rec = %+v, err = %v; want adopted = %v", rec, err, c.wantAdopted)
			}
			if got := len(m.Gigahost.DNS.FindRecords(123, "once", "A", "192.0.2.5")); got != 1 {
				t.Errorf("%d records, want 1", got)
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
	if n := c.createTries("x").Attempts; n != 3 {
		t.Errorf("createTries().Attempts = %d, want 3 (max_retries + 1)", n)
	}
	for n := 1; n <= 5; n++ {
		if d := c.RetryWait(n); d <= 0 || d > 4*time.Millisecond {
			t.Errorf("RetryWait(%d) = %v, want within (0, 4ms]", n, d)
		}
	}
}
