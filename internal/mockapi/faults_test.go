package mockapi

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// FaultAck answers 200 with an empty envelope and leaves the state alone;
// the request is recorded as the fault, and only the next one is affected.
func TestFaultAckAcknowledgesWithoutActing(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	id := m.Gigahost.SSHKeys.Add("kept", testKeyCI)
	path := "/account/sshkey/" + itoa(int(id))
	m.FailNext("gigahost", http.MethodDelete, "/account/sshkey/", FaultAck, 1)

	r := call(t, base, http.MethodDelete, path, GigahostAPIKey, nil)
	expectStatus(t, r, http.StatusOK, "acknowledged delete")
	if string(r.Data) != "[]" {
		t.Errorf("acknowledged delete answered data %s, want []", r.Data)
	}
	if _, ok := m.Gigahost.SSHKeys.Get(id); !ok {
		t.Fatal("an acknowledged delete removed the key")
	}
	reqs := m.Requests()
	if last := reqs[len(reqs)-1]; last.Fault != FaultAck || last.Status != http.StatusOK {
		t.Errorf("recorded %+v, want the ack fault with status 200", last)
	}

	expectStatus(t, call(t, base, http.MethodDelete, path, GigahostAPIKey, nil), http.StatusOK, "second delete")
	if _, ok := m.Gigahost.SSHKeys.Get(id); ok {
		t.Error("the delete after the acknowledged one did not act")
	}
}

// AfterNext runs once, after the first matching request that succeeded,
// before its answer leaves; a refused request does not trigger it.
func TestAfterNextRunsAfterTheNextSuccess(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	var runs atomic.Int32
	m.AfterNext("gigahost", http.MethodPost, "/account/sshkey", func() {
		runs.Add(1)
		m.FailNext("gigahost", http.MethodGet, "/account", Fault500, 1)
	})

	expectStatus(t, call(t, base, http.MethodPost, "/account/sshkey", GigahostAPIKey, map[string]any{"name": "bad", "data": "not a key"}), http.StatusBadRequest, "refused create")
	if n := runs.Load(); n != 0 {
		t.Fatalf("a refused create ran the hook %d times", n)
	}
	expectStatus(t, call(t, base, http.MethodGet, "/account", GigahostAPIKey, nil), http.StatusOK, "read before the create")

	expectStatus(t, call(t, base, http.MethodPost, "/account/sshkey", GigahostAPIKey, map[string]any{"name": "ci", "data": testKeyCI}), http.StatusOK, "create")
	if n := runs.Load(); n != 1 {
		t.Fatalf("the create ran the hook %d times, want 1", n)
	}
	if r := call(t, base, http.MethodGet, "/account", GigahostAPIKey, nil); r.Status != http.StatusInternalServerError {
		t.Errorf("read after the create: HTTP %d, want the hook's 500", r.Status)
	}
	expectStatus(t, call(t, base, http.MethodPost, "/account/sshkey", GigahostAPIKey, map[string]any{"name": "ecdsa", "data": testKeyECDSA}), http.StatusOK, "second create")
	if n := runs.Load(); n != 1 {
		t.Errorf("the hook ran %d times, want once", n)
	}
}

// RequestsPerSecond: past N requests of a service in the last second, the
// mock answers 429 with Retry-After: 1 (Fault FaultOverBudget); each
// service has its own budget, and a second later there is room again.
func TestRequestsPerSecondBudget(t *testing.T) {
	t.Parallel()
	m := New(Options{Seed: 1, RequestsPerSecond: 3})
	t0 := time.Now()
	for i, want := range []bool{false, false, false, true, true} {
		if got := m.overBudget("gigahost", t0.Add(time.Duration(i)*time.Millisecond)); got != want {
			t.Fatalf("request %d: over budget %v, want %v", i+1, got, want)
		}
	}
	if m.overBudget("gigas", t0) {
		t.Fatal("the other service's budget was spent")
	}
	if m.overBudget("gigahost", t0.Add(time.Second)) {
		t.Fatal("a second after the first request, still over budget")
	}

	m2, base := startMock(t)
	m2.SetRequestsPerSecond(2)
	statuses := map[int]int{}
	for range 4 {
		statuses[call(t, base, http.MethodGet, "/dns/zones", GigahostAPIKey, nil).Status]++
	}
	if statuses[http.StatusTooManyRequests] < 1 || statuses[http.StatusOK] < 1 {
		t.Fatalf("4 requests at once under a budget of 2 answered %v", statuses)
	}
	n := 0
	for _, r := range m2.Requests() {
		if r.Fault == FaultOverBudget && r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	if n != statuses[http.StatusTooManyRequests] {
		t.Fatalf("%d answers of 429, %d recorded as over budget", statuses[http.StatusTooManyRequests], n)
	}
}
