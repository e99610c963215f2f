package gigahost

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

var lostOrder = DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, Hostnames: []string{"lost.example.no"}}

// deployPosts counts the orders sent, answered or not. The mock records a
// dropped request only after closing its connection, so the count may lag
// the client by a moment: wait up to a second for it to reach want.
func deployPosts(m *mockapi.Server, want int) int {
	n := 0
	for range 100 {
		n = 0
		for _, r := range m.Requests() {
			if r.Service == "gigahost" && r.Method == http.MethodPost && r.Path == "/deploy/servers" {
				n++
			}
		}
		if n >= want {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return n
}

// An order whose answer is lost is adopted when it created a server, and
// placed again only when it did not: either way one server is billed.
func TestDeploy_lostAnswer(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault     mockapi.Fault
		wantPosts int
		adopted   bool
	}{
		"created then dropped": {mockapi.FaultDropAfter, 1, true},
		"refused with 500":     {mockapi.Fault500, 2, false},
		"refused with 502":     {mockapi.Fault502, 2, false},
		"dropped before":       {mockapi.FaultDrop, 2, false},
	} {
		// Under every combination of the list items' form (with or without
		// the order) and of how the status view answers ids of no order: the
		// order id is known (from the record if need be), and no status
		// request ever asks for an unknown order.
		for _, items := range []string{"record", "bare"} {
			for _, foreign := range []string{"ignored", "refused"} {
				t.Run(name+"/"+items+"/"+foreign, func(t *testing.T) {
					t.Parallel()
					cl, m := newMockClient(t, 200*time.Millisecond)
					m.SetAlt(mockapi.AltServerListItems, items)
					m.SetAlt(mockapi.AltStatusForeignIDs, foreign)
					lostAnswer(t, cl, m, c.fault, c.wantPosts, c.adopted)
				})
			}
		}
	}
}

func lostAnswer(t *testing.T, cl *Client, m *mockapi.Server, fault mockapi.Fault, wantPosts int, adopted bool) {
	t.Helper()
	m.FailNext("gigahost", http.MethodPost, "/deploy/servers", fault, 1)
	res, err := cl.Deploy(context.Background(), lostOrder)
	if err != nil {
		t.Fatal(err)
	}
	all := m.Gigahost.Servers.List()
	if len(all) != 1 || len(res.OrderIDs) != 1 || int64(res.OrderIDs[0]) != all[0].OrderID {
		t.Fatalf("result %+v, mock servers %+v", res, all)
	}
	out, err := cl.WaitDeploy(context.Background(), DeployWatch{OrderID: int64(res.OrderIDs[0]), ServerID: res.ServerID})
	if err != nil || out.ServerID != all[0].ID {
		t.Fatalf("wait: %+v %v", out, err)
	}
	for _, r := range m.Requests() {
		if r.Path == "/deploy/status" && r.Status != http.StatusOK {
			t.Errorf("GET /deploy/status?%s answered %d", r.Query, r.Status)
		}
	}
	if adopted != (res.ServerID == all[0].ID) || (!adopted && res.ServerID != 0) {
		t.Errorf("ServerID %d, adopted %v, mock server %d", res.ServerID, adopted, all[0].ID)
	}
	if n := deployPosts(m, wantPosts); n != wantPosts {
		t.Errorf("%d orders sent, want %d", n, wantPosts)
	}
}

// Orders that keep failing are placed a bounded number of times.
func TestDeploy_lostAnswerBounded(t *testing.T) {
	t.Parallel()
	cl, m := newMockClient(t, 200*time.Millisecond)
	m.FailNext("gigahost", http.MethodPost, "/deploy/servers", mockapi.Fault500, 10)
	_, err := cl.Deploy(context.Background(), lostOrder)
	if !client.IsOutcomeUnknown(err) || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("err = %v", err)
	}
	if n := deployPosts(m, maxDeployAttempts); n != maxDeployAttempts || len(m.Gigahost.Servers.List()) != 0 {
		t.Errorf("%d orders sent, %d servers", n, len(m.Gigahost.Servers.List()))
	}
}

// oldServers deploys identical servers with another client (another
// provider, say) and makes them look created an hour ago or just now.
func oldServers(t *testing.T, m *mockapi.Server, n int, age time.Duration) []int64 {
	t.Helper()
	other, err := New(Config{Transport: client.Options{BaseURL: m.GigahostURL()}, APIKey: mockapi.GigahostAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	in := lostOrder
	in.Hostnames = nil
	var ids []int64
	for range n {
		res, err := other.Deploy(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range m.Gigahost.Servers.List() {
			if s.OrderID == int64(res.OrderIDs[0]) {
				ids = append(ids, s.ID)
				m.Gigahost.Servers.Change(s.ID, func(s *mockapi.GigahostServer) { s.CreatedAt = time.Now().Add(-age) })
			}
		}
	}
	// Let them all be past waiting, as servers already there are.
	time.Sleep(50 * time.Millisecond)
	return ids
}

// A server that the list before the order omitted (a live quirk) is not
// taken for the order's when it is older than the order.
func TestDeploy_lostAnswerIgnoresOlderServerMissedBefore(t *testing.T) {
	t.Parallel()
	cl, m := newMockClient(t, 200*time.Millisecond)
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	old := oldServers(t, m, 1, time.Hour)
	m.Gigahost.Servers.Hide(old[0], 1) // missing from the list taken before the order
	m.FailNext("gigahost", http.MethodPost, "/deploy/servers", mockapi.FaultDrop, 1)
	in := lostOrder
	in.Hostnames = nil
	res, err := cl.Deploy(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if res.ServerID == old[0] || len(res.OrderIDs) != 1 || len(m.Gigahost.Servers.Live()) != 2 || deployPosts(m, 3) != 3 {
		t.Errorf("result %+v, old server %d, live %d, orders %d", res, old[0], len(m.Gigahost.Servers.Live()), deployPosts(m, 3))
	}
}

// Several new servers that match an order whose answer was lost are an
// error naming them, not a guess.
func TestDeploy_lostAnswerSeveralMatches(t *testing.T) {
	t.Parallel()
	cl, m := newMockClient(t, 200*time.Millisecond)
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	recent := oldServers(t, m, 2, 0)
	for _, id := range recent {
		m.Gigahost.Servers.Hide(id, 1)
	}
	m.FailNext("gigahost", http.MethodPost, "/deploy/servers", mockapi.FaultDrop, 1)
	in := lostOrder
	in.Hostnames = nil
	_, err := cl.Deploy(context.Background(), in)
	if !client.IsOutcomeUnknown(err) || !strings.Contains(err.Error(), "2 new orders or servers match") {
		t.Fatalf("err = %v", err)
	}
	for _, id := range recent {
		if !strings.Contains(err.Error(), fmt.Sprintf("server %d", id)) {
			t.Errorf("error does not name server %d: %v", id, err)
		}
	}
	if n := deployPosts(m, 3); n != 3 {
		t.Errorf("%d orders sent, want 3 (2 before, 1 lost)", n)
	}
}

// A server ordered with another hostname is not taken for the order's, nor
// is a server whose order this client got the answer to.
func TestLostOrderMatching(t *testing.T) {
	srv := func(name string) *Server {
		s := &Server{ID: 7, Name: client.String(name), Label: "srv7.gigahost.no", OSID: 102}
		s.Order.ProductID, s.Order.BillingType, s.Datacenter.RegionID = 7951, "hourly", 1
		return s
	}
	noHost := lostOrder
	noHost.Hostnames = nil
	for _, c := range []struct {
		in   DeployInput
		srv  *Server
		want bool
	}{
		{lostOrder, srv("lost.example.no"), true},
		{lostOrder, srv("LOST.example.no"), true},
		{lostOrder, srv("srv7.gigahost.no"), true}, // hostname not shown: cannot tell
		{lostOrder, srv(""), true},
		{lostOrder, srv("other.example.no"), false},
		{noHost, srv("srv7.gigahost.no"), true},
		{noHost, srv("other.example.no"), false},
		{DeployInput{ProductID: 7952, RegionID: 1, OSID: 102}, srv(""), false},
		{DeployInput{ProductID: 7951, RegionID: 2, OSID: 102}, srv(""), false},
		{DeployInput{ProductID: 7951, RegionID: 1, OSID: 90}, srv(""), false},
		{DeployInput{ProductID: 7951, RegionID: 1, OSID: 102, BillingPeriod: "monthly"}, srv(""), false},
	} {
		if got := c.in.matches(c.srv); got != c.want {
			t.Errorf("%+v matches %q = %v, want %v", c.in, c.srv.Name, got, c.want)
		}
	}
}
