package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// deployState is what a Client keeps of its deploys for its lifetime (one
// provider instance, one Terraform operation): the ledger of orders placed
// and adopted (deploy_lost.go) and the batcher of deploy status requests.
type deployState struct {
	mu      sync.Mutex
	ledger  *deployLedger
	batcher *statusBatcher
}

func (c *Client) deployLedger() *deployLedger {
	c.deploys.mu.Lock()
	defer c.deploys.mu.Unlock()
	if c.deploys.ledger == nil {
		c.deploys.ledger = &deployLedger{orders: map[int64]bool{}, servers: map[int64]bool{}}
	}
	return c.deploys.ledger
}

func (c *Client) statusBatcher() *statusBatcher {
	c.deploys.mu.Lock()
	defer c.deploys.mu.Unlock()
	if c.deploys.batcher == nil {
		c.deploys.batcher = newStatusBatcher(c.poll)
	}
	return c.deploys.batcher
}

// DeployStatus is one order of GET /deploy/status. The API lists an order
// only while its server is provisioning (and briefly once ready); it has no
// failure status: a failed order just disappears.
type DeployStatus struct {
	OrderID         client.Int    `json:"order_id"`
	OrderNumber     client.String `json:"order_number"`
	Hostname        client.String `json:"hostname"`
	ServerID        client.Int    `json:"srv_id"`
	Status          client.String `json:"status"` // waitlist, waiting, deploying, installing, ready, rescue, iso
	InstallProgress client.String `json:"install_progress"`
	IP              client.String `json:"ip"`
	IPv6            client.String `json:"ipv6"`
	Password        client.String `json:"password"` // only while installing without SSH keys, or in rescue
}

// Finished reports whether the status is a final one (the server is usable).
func (s DeployStatus) Finished() bool {
	switch strings.ToLower(string(s.Status)) {
	case "ready", "rescue", "iso":
		return true
	}
	return false
}

// Provisioning reports whether the status is one of the documented ones
// before completion (waitlist, waiting, deploying, installing). A status the
// docs do not list is neither Provisioning nor Finished: the waiters then
// judge by the server record.
func (s DeployStatus) Provisioning() bool {
	switch strings.ToLower(string(s.Status)) {
	case "waitlist", "waiting", "deploying", "installing":
		return true
	}
	return false
}

// DeployStatuses returns the listed orders among orderIDs (GET /deploy/status?ids=).
func (c *Client) DeployStatuses(ctx context.Context, orderIDs ...int64) ([]DeployStatus, error) {
	ids := make([]string, len(orderIDs))
	for i, id := range orderIDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	var raw json.RawMessage
	q := url.Values{"ids": []string{strings.Join(ids, ",")}}
	if err := c.do(ctx, http.MethodGet, "/deploy/status", q, nil, &raw); err != nil {
		return nil, err
	}
	return decodeDeployStatuses(raw)
}

// decodeDeployStatuses reads the data of GET /deploy/status: an object with
// a "servers" list (docs, sample). Empty data lists nothing; any other shape
// is an error, never "no orders" (the waiters would take that for gone).
func decodeDeployStatuses(raw json.RawMessage) ([]DeployStatus, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("GET /deploy/status: unexpected data (want an object with a servers list): %w", err)
	}
	list, ok := obj["servers"]
	if !ok {
		return nil, errors.New("GET /deploy/status: unexpected data: no servers list")
	}
	var out []DeployStatus
	if s := strings.TrimSpace(string(list)); s == "null" || s == "{}" {
		return nil, nil
	}
	if err := json.Unmarshal(list, &out); err != nil {
		return nil, fmt.Errorf("GET /deploy/status: decoding the servers list: %w", err)
	}
	return out, nil
}

// statusBatcher lets concurrent waits share GET /deploy/status requests:
// the waits of one Client follow one schedule, and each request asks for
// every watched order at once. A wait is handed only answers fetched after
// the one it saw last, and a wait asleep until the next request wakes as
// soon as another wait's request brings its order's status.
//
// The schedule is Poll's (client.PollSettings.Interval: near 1 s at first,
// growing by Factor-1 of the time waited, capped near 10 s, with jitter),
// counted for each order from when its wait began; the next request is due
// after the shortest wait any watched order needs. While an order is
// installing, the last phase before ready, its status is read more often:
// at most installFraction of the time since the order apart, but no more
// often than installFloor x Initial, so that a short deploy is noticed within
// a fraction of a second of being ready and a long one costs a few more
// requests (a logarithmic number: the pace still slows as the wait goes on).
type statusBatcher struct {
	mu      sync.Mutex
	poll    client.PollSettings
	watched map[int64]*watchedOrder
	fetches uint64    // requests answered so far
	due     time.Time // when the next request is due
	busy    bool      // a request is in flight
	// changed is closed, and replaced, whenever a request ends or an order
	// is added: sleeping waits then look again.
	changed chan struct{}
}

// watchedOrder is an order some waits follow.
type watchedOrder struct {
	waits  int
	since  time.Time // when the first of them began
	result statusResult
}

// statusResult is an order's status from the fetch-th request (0: none yet);
// listed is false when the status view did not list the order.
type statusResult struct {
	st     DeployStatus
	listed bool
	fetch  uint64
}

const (
	// installFraction bounds the wait between status reads of an order
	// that is installing, as a share of the time since the order: a 7 s
	// deploy is read every 0.42 s at the end, a 3 min one every 10 s.
	installFraction = 0.06
	// installFloor is the shortest wait between status reads, as a share
	// of the first wait (Initial): 0.4 s with the default settings.
	installFloor = 0.4
)

func newStatusBatcher(poll client.PollSettings) *statusBatcher {
	return &statusBatcher{poll: poll, watched: map[int64]*watchedOrder{}, changed: make(chan struct{})}
}

// watch adds a wait of an order. A new order's first status is due after
// the first wait of the schedule (near 1 s), or sooner if another order's is.
func (b *statusBatcher) watch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if o := b.watched[id]; o != nil {
		o.waits++
		return
	}
	now := time.Now()
	b.watched[id] = &watchedOrder{waits: 1, since: now}
	first := now.Add(b.poll.Jittered(b.poll.Interval(0)))
	if len(b.watched) == 1 || first.Before(b.due) {
		b.due = first
	}
	b.wake()
}

func (b *statusBatcher) unwatch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if o := b.watched[id]; o != nil {
		if o.waits--; o.waits <= 0 {
			delete(b.watched, id)
		}
	}
}

// wake lets the sleeping waits look again. Callers hold b.mu.
func (b *statusBatcher) wake() {
	close(b.changed)
	b.changed = make(chan struct{})
}

// next returns the first status of order id fetched by a request after the
// after-th, sleeping until the schedule's next request (or another wait's)
// brings it. With a non-zero wakeBy before that, it returns at wakeBy with
// ok false instead. It never sleeps past ctx's deadline.
func (b *statusBatcher) next(ctx context.Context, c *Client, id int64, after uint64, wakeBy time.Time) (r statusResult, ok bool, err error) {
	for {
		b.mu.Lock()
		o := b.watched[id]
		if o == nil {
			b.mu.Unlock()
			return statusResult{}, false, fmt.Errorf("order %d is not watched", id)
		}
		if o.result.fetch > after {
			r := o.result
			b.mu.Unlock()
			return r, true, nil
		}
		at, early := b.due, false
		if !wakeBy.IsZero() && wakeBy.Before(at) {
			at, early = wakeBy, true
		}
		if b.busy && !early {
			at = time.Time{} // wait for the request in flight
		}
		if at.IsZero() || time.Now().Before(at) {
			changed := b.changed
			b.mu.Unlock()
			reached, err := client.WaitUntil(ctx, at, changed)
			if err != nil {
				return statusResult{}, false, err
			}
			if reached && early {
				return statusResult{}, false, nil
			}
			continue
		}
		if early {
			b.mu.Unlock()
			return statusResult{}, false, nil
		}
		b.busy = true
		ids := b.watchedIDs()
		b.mu.Unlock()
		if err := b.fetch(ctx, c, ids); err != nil {
			return statusResult{}, false, err
		}
	}
}

// watchedIDs lists the watched orders in order. Callers hold b.mu.
func (b *statusBatcher) watchedIDs() []int64 {
	ids := make([]int64, 0, len(b.watched))
	for id := range b.watched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// fetch requests the status of ids, records it and schedules the next
// request. A failed request schedules nothing: the next wait to ask sends
// it again (the transport has retried already).
func (b *statusBatcher) fetch(ctx context.Context, c *Client, ids []int64) error {
	start := time.Now()
	var sts []DeployStatus
	var err error
	if known := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id <= 0 }); len(known) > 0 {
		// An order id unknown (0: a server adopted without one) is never
		// asked for: the API may refuse the whole request for it. Its wait
		// sees it unlisted and judges by the server record.
		sts, err = c.DeployStatuses(ctx, known...)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.busy = false
	defer b.wake()
	if err != nil {
		return err
	}
	b.fetches++
	byID := map[int64]DeployStatus{}
	for _, st := range sts {
		byID[int64(st.OrderID)] = st
	}
	for _, id := range ids {
		if o := b.watched[id]; o != nil {
			st, listed := byID[id]
			o.result = statusResult{st: st, listed: listed, fetch: b.fetches}
		}
	}
	b.due = start.Add(b.poll.Jittered(b.interval(start)))
	return nil
}

// interval is the wait after a request started at t: the shortest any
// watched order needs. Callers hold b.mu.
func (b *statusBatcher) interval(t time.Time) time.Duration {
	shortest := b.poll.Interval(0)
	for i, id := range b.watchedIDs() {
		o := b.watched[id]
		d := orderInterval(b.poll, t.Sub(o.since), o.result)
		if i == 0 || d < shortest {
			shortest = d
		}
	}
	return shortest
}

// orderInterval is the wait between status reads an order needs elapsed
// after its wait began, given its last status.
func orderInterval(poll client.PollSettings, elapsed time.Duration, r statusResult) time.Duration {
	d := poll.Interval(elapsed)
	if r.listed && strings.EqualFold(string(r.st.Status), "installing") {
		floor := time.Duration(installFloor * float64(poll.Interval(0)))
		d = min(d, max(floor, time.Duration(installFraction*float64(elapsed))))
	}
	return d
}
