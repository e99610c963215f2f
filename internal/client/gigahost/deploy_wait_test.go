package gigahost

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// simulateDeploy runs the status schedule of one order (orderInterval, no
// jitter) against a deploy of the given length whose last 70% is installing
// (as the mock's: waiting, deploying, installing from 30%), and returns how
// many status reads notice it ready and how late the last one is.
// With plain, the status never says installing: the plain backoff, as
// client.Poll's.
func simulateDeploy(poll client.PollSettings, length time.Duration, plain bool) (reads int, late time.Duration) {
	t := poll.Interval(0)
	for {
		reads++
		if t >= length {
			return reads, t - length
		}
		r := statusResult{listed: true, st: DeployStatus{Status: "deploying"}}
		if t >= length*3/10 && !plain {
			r.st.Status = "installing"
		}
		t += orderInterval(poll, t, r)
	}
}

// The status schedule with the default settings (no jitter): a deploy of
// about 7 s is noticed at most 0.45 s late for at most 15 status reads (the
// plain backoff: 5 or 6 reads, up to 2.5 s late when a read falls just
// before ready); a long one costs a few more reads than the
// plain backoff, not a read a second, and the same once the waits reach Max.
func TestDeployStatusSchedule(t *testing.T) {
	t.Parallel()
	poll := client.DefaultPoll
	poll.Jitter = 0
	for length := 6500 * time.Millisecond; length <= 7500*time.Millisecond; length += 10 * time.Millisecond {
		if reads, late := simulateDeploy(poll, length, false); reads > 15 || late > 450*time.Millisecond {
			t.Errorf("%s deploy: %d status reads, noticed %s late; want at most 15, 0.45 s", length, reads, late)
		}
	}
	for _, tc := range []struct {
		length   time.Duration
		maxReads int // beside the plain backoff's
		maxLate  time.Duration
	}{
		{length: 30 * time.Second, maxReads: 15, maxLate: 2 * time.Second},
		{length: 3 * time.Minute, maxReads: 8, maxLate: poll.Max},
		{length: 10 * time.Minute, maxReads: 0, maxLate: poll.Max},
	} {
		reads, late := simulateDeploy(poll, tc.length, false)
		plain, plainLate := simulateDeploy(poll, tc.length, true)
		t.Logf("%s deploy: %d status reads, noticed %s late (plain backoff: %d reads, %s late)", tc.length, reads, late, plain, plainLate)
		if reads > plain+tc.maxReads || late > tc.maxLate {
			t.Errorf("%s deploy: %d status reads (plain %d), %s late; want at most %d more, %s late", tc.length, reads, plain, late, tc.maxReads, tc.maxLate)
		}
	}
}

// Once the status shows the server ready, a record still missing
// (FIELD-NOTES) is read again soon, not only beside the next status read.
func TestWaitDeploy_rereadsMissingRecordSoon(t *testing.T) {
	t.Parallel()
	c, m := newMockClient(t, time.Second)
	// Status reads 400 ms apart once ready: the record is read again
	// 100 ms after the miss, well before.
	c.poll = client.PollSettings{Initial: 400 * time.Millisecond, Max: 400 * time.Millisecond, Factor: 1}
	m.Gigahost.Servers.SetTransientAbsence(1, 1)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	m.ResetRequests()
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if err != nil || out.Server == nil {
		t.Fatalf("%+v %v", out, err)
	}
	var seq []string
	for _, r := range m.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/servers/"):
			seq = append(seq, "record")
		case r.Path == "/deploy/status":
			seq = append(seq, "status")
		default:
			t.Errorf("unexpected request %s %s", r.Method, r.Path)
		}
	}
	n := len(seq)
	if n < 3 || seq[n-3] != "status" || seq[n-2] != "record" || seq[n-1] != "record" || strings.Count(strings.Join(seq, " "), "record") != 2 {
		t.Errorf("requests %v; want the status showing ready, the record missed, then at once the record found", seq)
	}
}

// statusRecorder notes, in order, whether each deploy status answer
// showed every order ready.
type statusRecorder struct {
	mu       sync.Mutex
	allReady []bool
}

func (r *statusRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/deploy/status") {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.allReady = append(r.allReady, bytes.Contains(body, []byte(`"all_ready":true`)))
	return resp, err
}

// Ten concurrent waits of one client take their status from shared requests
// on one schedule, about as many as one wait alone, and each wait is handed
// only answers fetched after it asked, so that the first answer showing all
// ten ready ends every wait (no wait acts on an older answer and sleeps
// another round).
func TestWaitDeploy_tenWaitsShareOneSchedule(t *testing.T) {
	t.Parallel()
	const orders = 10
	count := func() (requests, afterAllReady int) {
		m := mockapi.New(mockapi.Options{Seed: 3, ProvisioningDelay: 400 * time.Millisecond})
		m.Start()
		t.Cleanup(m.Close)
		m.Gigahost.Servers.SetTransientAbsence(0, 0)
		rec := &statusRecorder{}
		c, err := New(Config{
			Transport: client.Options{BaseURL: m.GigahostURL(), MaxRetries: 5, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, HTTPClient: &http.Client{Transport: rec}},
			APIKey:    mockapi.GigahostAPIKey,
			Poll:      client.PollSettings{Initial: 50 * time.Millisecond, Max: 100 * time.Millisecond, Factor: 1.2, Jitter: 0.1},
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, Quantity: orders})
		if err != nil || len(res.OrderIDs) != orders {
			t.Fatalf("%+v %v", res, err)
		}
		var wg sync.WaitGroup
		for _, id := range res.OrderIDs {
			wg.Add(1)
			go func(id int64) {
				defer wg.Done()
				if out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: id}); err != nil || out.Server == nil {
					t.Errorf("order %d: %+v %v", id, out, err)
				}
			}(int64(id))
		}
		wg.Wait()
		first := -1
		for i, all := range rec.allReady {
			if all && first < 0 {
				first = i
			}
		}
		if first < 0 {
			t.Fatalf("no status answer showed all %d orders ready: %v", orders, rec.allReady)
		}
		return len(rec.allReady), len(rec.allReady) - first - 1
	}
	// One wait alone reads the status about 15 times (installing from
	// 120 ms to 400 ms, read every 20 to 24 ms); ten waits of their own
	// would read it about 150 times.
	ten, after := count()
	if ten > 25 {
		t.Errorf("%d status requests for ten concurrent waits; want about as many as for one (15)", ten)
	}
	if after != 0 {
		t.Errorf("%d status requests after the first answer showing all ten ready; want none", after)
	}
}

// A wait whose order id is unknown (a server adopted with none) never asks
// the status view for it, and alongside a wait of a known order it does not
// spoil that order's requests: the server record settles it.
func TestWaitDeploy_unknownOrderID(t *testing.T) {
	t.Parallel()
	cl, m := newMockClient(t, 100*time.Millisecond)
	m.SetAlt(mockapi.AltStatusForeignIDs, "refused")
	a, err := cl.Deploy(context.Background(), lostOrder)
	if err != nil {
		t.Fatal(err)
	}
	b, err := cl.Deploy(context.Background(), lostOrder)
	if err != nil {
		t.Fatal(err)
	}
	bServer, err := cl.WaitOrderServer(context.Background(), int64(b.OrderIDs[0]))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	go func() {
		_, err := cl.WaitDeploy(context.Background(), DeployWatch{OrderID: int64(a.OrderIDs[0])})
		errs <- err
	}()
	go func() {
		out, err := cl.WaitDeploy(context.Background(), DeployWatch{ServerID: bServer})
		if err == nil && (out.Server == nil || int64(out.Server.ID) != bServer) {
			err = fmt.Errorf("wait without an order: %+v", out)
		}
		errs <- err
	}()
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	for _, r := range m.Requests() {
		if r.Path == "/deploy/status" && (strings.Contains(r.Query, "=0%2C") || strings.HasSuffix(r.Query, "=0")) {
			t.Errorf("GET /deploy/status?%s answered %d", r.Query, r.Status)
		}
	}
}
