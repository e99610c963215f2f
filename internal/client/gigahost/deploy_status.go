package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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
		c.deploys.batcher = &statusBatcher{watched: map[int64]int{}, results: map[int64]statusResult{}}
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

// statusBatcher lets concurrent waits share GET /deploy/status requests: a
// request asks for every watched order at once, and a wait whose order was
// fetched recently enough reuses that answer.
type statusBatcher struct {
	mu      sync.Mutex
	watched map[int64]int
	results map[int64]statusResult
	flight  *statusFlight
}

type statusResult struct {
	st     DeployStatus
	listed bool
	at     time.Time
}

type statusFlight struct {
	ids  map[int64]bool
	done chan struct{}
}

func (b *statusBatcher) watch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.watched[id]++
}

func (b *statusBatcher) unwatch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.watched[id]--; b.watched[id] <= 0 {
		delete(b.watched, id)
		delete(b.results, id)
	}
}

// get returns the status of one order, listed false when the status view
// does not list it, from an answer at most maxAge old.
func (b *statusBatcher) get(ctx context.Context, c *Client, id int64, maxAge time.Duration) (DeployStatus, bool, error) {
	for {
		b.mu.Lock()
		if r, ok := b.results[id]; ok && time.Since(r.at) <= maxAge {
			b.mu.Unlock()
			return r.st, r.listed, nil
		}
		if f := b.flight; f != nil {
			b.mu.Unlock()
			select {
			case <-f.done:
				continue
			case <-ctx.Done():
				return DeployStatus{}, false, ctx.Err()
			}
		}
		f := &statusFlight{ids: map[int64]bool{id: true}, done: make(chan struct{})}
		for w := range b.watched {
			f.ids[w] = true
		}
		b.flight = f
		b.mu.Unlock()

		ids := make([]int64, 0, len(f.ids))
		for w := range f.ids {
			ids = append(ids, w)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		sts, err := c.DeployStatuses(ctx, ids...)

		b.mu.Lock()
		if err == nil {
			now := time.Now()
			for w := range f.ids {
				b.results[w] = statusResult{at: now}
			}
			for _, st := range sts {
				if f.ids[int64(st.OrderID)] {
					b.results[int64(st.OrderID)] = statusResult{st: st, listed: true, at: now}
				}
			}
		}
		r := b.results[id]
		b.flight = nil
		close(f.done)
		b.mu.Unlock()
		if err != nil {
			return DeployStatus{}, false, err
		}
		return r.st, r.listed, nil
	}
}
