package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// countGets counts the GET requests of the mock to path after the first
// skip requests of the log.
func countGets(m *mockapi.Server, skip int, path string) int {
	n := 0
	for i, r := range m.Requests() {
		if i >= skip && r.Service == "gigahost" && r.Method == http.MethodGet && r.Path == path {
			n++
		}
	}
	return n
}

// countPosts counts the POST requests to path, faults included, waiting a
// moment for want (a dropped request is recorded after its connection closes).
func countPosts(m *mockapi.Server, path string, want int) int {
	n := 0
	for range 50 {
		n = 0
		for _, r := range m.Requests() {
			if r.Service == "gigahost" && r.Method == http.MethodPost && r.Path == path {
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

// A lost answer to an order is settled through the deploy status within a
// few polls, never by ordering twice: the order placed is adopted at the
// first poll; an order the API did not act on is placed again after
// AbsenceReads polls, not after a minute of watching the server list. The
// account has a recent order (placed by another provider run) to count from;
// other customers' orders may fall between (AltOrderIDGap).
func TestDeploy_lostAnswerSettlesByStatus(t *testing.T) {
	t.Parallel()
	spec, _ := mockapi.AltSpecOf(mockapi.AltOrderIDGap)
	items, _ := mockapi.AltSpecOf(mockapi.AltServerListItems)
	for i, gap := range spec.Forms {
		list := items.Forms[i%len(items.Forms)]
		for name, c := range map[string]struct {
			fault     mockapi.Fault
			wantPosts int
			maxPolls  int
		}{
			"created then dropped": {mockapi.FaultDropAfter, 1, 1},
			"refused with 500":     {mockapi.Fault500, 2, AbsenceReads},
			"dropped before":       {mockapi.FaultDrop, 2, AbsenceReads},
		} {
			t.Run(gap+"/"+list+"/"+name, func(t *testing.T) {
				t.Parallel()
				cl, m := newMockClient(t, 200*time.Millisecond)
				m.SetAlt(mockapi.AltOrderIDGap, gap)
				m.SetAlt(mockapi.AltServerListItems, list)
				m.Gigahost.Servers.SetTransientAbsence(0, 0)
				oldServers(t, m, 1, time.Minute) // an order of the account, a minute ago
				// Polls slow enough that the old one-minute watch would take
				// many of them: the bound below is on counts.
				cl.poll = client.PollSettings{Initial: 5 * time.Millisecond, Max: 5 * time.Millisecond, Factor: 1}
				before := len(m.Requests())
				m.FailNext("gigahost", http.MethodPost, "/deploy/servers", c.fault, 1)
				res, err := cl.Deploy(context.Background(), lostOrder)
				if err != nil {
					t.Fatal(err)
				}
				all := m.Gigahost.Servers.List()
				if len(all) != 2 || len(res.OrderIDs) != 1 || int64(res.OrderIDs[0]) != all[1].OrderID {
					t.Fatalf("result %+v, mock servers %+v", res, all)
				}
				if res.Adopted != (c.fault == mockapi.FaultDropAfter) {
					t.Errorf("adopted %v after %s", res.Adopted, c.fault)
				}
				if n := deployPosts(m, c.wantPosts+1); n != c.wantPosts+1 {
					t.Errorf("%d orders sent, want %d", n-1, c.wantPosts)
				}
				// One status request for the baseline, then one per poll.
				if polls := countGets(m, before, "/deploy/status") - 1; polls < 1 || polls > c.maxPolls {
					t.Errorf("%d status polls, want 1 to %d", polls, c.maxPolls)
				}
				// With bare list items, the baseline reads one record for the order id.
				if reads := countGets(m, before, fmt.Sprintf("/servers/%d", all[0].ID)); (list == "bare") != (reads == 1) || reads > 1 {
					t.Errorf("%d record reads for the baseline with %s list items", reads, list)
				}
				if lists := countGets(m, before, "/servers"); lists > c.maxPolls+1 {
					t.Errorf("%d server lists, want at most %d", lists, c.maxPolls+1)
				}
			})
		}
	}
}

// A 402 payment_declined is not ordered again, and the error says what to do.
func TestDeploy_paymentDeclined(t *testing.T) {
	t.Parallel()
	cl, m := newMockClient(t, 20*time.Millisecond)
	m.Gigahost.Servers.HoldOrders("payment_declined")
	_, err := cl.Deploy(context.Background(), lostOrder)
	var declined *PaymentDeclinedError
	if !errors.As(err, &declined) || !client.IsStatus(err, http.StatusPaymentRequired) ||
		!strings.Contains(err.Error(), "Do not apply again") || !strings.Contains(err.Error(), "terraform import") {
		t.Fatalf("err = %v", err)
	}
	if n := deployPosts(m, 1); n != 1 || len(m.Gigahost.Servers.List()) != 1 {
		t.Errorf("%d orders sent, %d saved", n, len(m.Gigahost.Servers.List()))
	}
}

// pending_payment and under_review are reported as a held order.
func TestDeploy_heldOrder(t *testing.T) {
	t.Parallel()
	for _, hold := range []string{"pending_payment", "under_review"} {
		cl, m := newMockClient(t, 20*time.Millisecond)
		m.Gigahost.Servers.HoldOrders(hold)
		res, err := cl.Deploy(context.Background(), DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, BillingPeriod: "monthly"})
		if err != nil || len(res.OrderIDs) != 1 {
			t.Fatalf("%+v %v", res, err)
		}
		want := map[string]string{"pending_payment": "payment", "under_review": "review"}[hold]
		if res.Held() != want {
			t.Errorf("%s: Held() = %q", hold, res.Held())
		}
	}
}

// A cancellation is never sent blindly twice: a lost answer is followed by
// reading the server back, and only a server still active is cancelled
// again; a refused one by an absence check. Under every form the views may
// show a cancelled server in.
func TestCancel_readsBackBeforeSendingAgain(t *testing.T) {
	t.Parallel()
	spec, _ := mockapi.AltSpecOf(mockapi.AltCancelledServer)
	for _, form := range spec.Forms {
		for name, c := range map[string]struct {
			fault     mockapi.Fault
			wantPosts int
		}{
			"cancelled then dropped": {mockapi.FaultDropAfter, 1},
			"refused with 500":       {mockapi.Fault500, 2},
			"dropped before":         {mockapi.FaultDrop, 2},
			"answered":               {"", 1},
		} {
			t.Run(form+"/"+name, func(t *testing.T) {
				t.Parallel()
				cl, m := newMockClient(t, 20*time.Millisecond)
				m.SetAlt(mockapi.AltCancelledServer, form)
				m.Gigahost.Servers.SetTransientAbsence(0, 0)
				ctx := context.Background()
				res, err := cl.Deploy(ctx, lostOrder)
				if err != nil {
					t.Fatal(err)
				}
				out, err := cl.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0])})
				if err != nil {
					t.Fatal(err)
				}
				path := fmt.Sprintf("/servers/%d/cancel", out.ServerID)
				if c.fault != "" {
					m.FailNext("gigahost", http.MethodPost, path, c.fault, 1)
				}
				warning, err := cl.Cancel(ctx, out.ServerID, "test")
				if err != nil || warning != "" {
					t.Fatalf("warning %q, err %v", warning, err)
				}
				if n := countPosts(m, path, c.wantPosts); n != c.wantPosts {
					t.Errorf("%d cancellations sent, want %d", n, c.wantPosts)
				}
				if live := m.Gigahost.Servers.Live(); len(live) != 0 {
					t.Errorf("still live: %+v", live)
				}
				// Cancelling again is refused (400) and settled by the absence check.
				if warning, err := cl.Cancel(ctx, out.ServerID, "again"); err != nil || !strings.Contains(warning, "confirmed gone") {
					t.Errorf("second cancel: warning %q, err %v", warning, err)
				}
			})
		}
	}
}

// The decoders read the docs' examples and the live samples.
func TestDecodersReadDocsExamples(t *testing.T) {
	t.Parallel()
	data := func(t *testing.T, file string) []byte {
		t.Helper()
		var env envelope
		if err := json.Unmarshal(apidocs.Read(t, file), &env); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return env.Data
	}
	for _, f := range []string{"examples/gigahost/POST_deploy_servers.json", "examples/gigahost/POST_deploy_servers_2.json", "examples/gigahost/POST_deploy_servers_3.json"} {
		var res DeployResult
		if err := json.Unmarshal(data(t, f), &res); err != nil || len(res.OrderIDs) == 0 || res.OrderIDs[0] == 0 || res.Held() != "" {
			t.Errorf("%s: %+v %v", f, res, err)
		}
	}
	for _, f := range []string{"examples/gigahost/GET_deploy_status.json", "samples/gigahost/deploy-status.live.json"} {
		sts, err := decodeDeployStatuses(data(t, f))
		if err != nil || len(sts) != 1 || sts[0].OrderID == 0 || sts[0].ServerID == 0 || !sts[0].Finished() || sts[0].Provisioning() || sts[0].IP == "" || sts[0].IPv6 == "" {
			t.Errorf("%s: %+v %v", f, sts, err)
		}
	}
	if _, err := decodeDeployStatuses(json.RawMessage(`[{"order_id":1}]`)); err == nil {
		t.Error("a bare list of statuses decoded without error")
	}
	if _, err := decodeDeployStatuses(json.RawMessage(`{"orders":[]}`)); err == nil {
		t.Error("an object without servers decoded without error")
	}
	for _, f := range []string{"examples/gigahost/GET_servers_id.json", "samples/gigahost/server-get.live.json"} {
		var list []deployedServer
		if err := json.Unmarshal(data(t, f), &list); err != nil || len(list) != 1 || list[0].ID == 0 || list[0].Order.OrderID == 0 || list[0].Deleted() || list[0].IPv4() == "" || list[0].Created == 0 {
			t.Errorf("%s: %+v %v", f, list, err)
		}
		// srv_label equals srv_name and srv_hostname there (srv<id>.gigahost.no):
		// no name was set, so the name is srv_name.
		if len(list) == 1 && list[0].DisplayName() != string(list[0].Name) {
			t.Errorf("%s: name %q, want srv_name %q", f, list[0].DisplayName(), list[0].Name)
		}
	}
	var cat Catalog
	if err := json.Unmarshal(data(t, "examples/gigahost/GET_deploy_servers.json"), &cat); err != nil {
		t.Fatal(err)
	}
	if p, ok := cat.Product(101); !ok || p.PriceID != 555 || !p.InRegion(2) || !p.InStock() || p.Cores() != 2 || len(cat.Regions) != 1 || cat.Regions[0].RegionID != 1 {
		t.Errorf("catalog %+v", cat)
	}
	var dists []Distribution
	if err := json.Unmarshal(data(t, "samples/gigahost/reinstall-distros.json"), &dists); err != nil || len(dists) != 2 || dists[0].ID != 2 {
		t.Errorf("distros %+v %v", dists, err)
	}
}

// order_ids are read as numbers (docs) or numeric strings.
func TestDeploy_orderIDForms(t *testing.T) {
	t.Parallel()
	spec, _ := mockapi.AltSpecOf(mockapi.AltDeployOrderIDs)
	for _, form := range spec.Forms {
		cl, m := newMockClient(t, 20*time.Millisecond)
		m.SetAlt(mockapi.AltDeployOrderIDs, form)
		res, err := cl.Deploy(context.Background(), lostOrder)
		if err != nil || len(res.OrderIDs) != 1 || int64(res.OrderIDs[0]) != m.Gigahost.Servers.List()[0].OrderID {
			t.Errorf("%s: %+v %v", form, res, err)
		}
	}
}

// A catalog without tiers is an error, never an empty catalog.
func TestCatalogRefusesUnknownShapes(t *testing.T) {
	for _, raw := range []string{`[]`, `{"products":[]}`, `"x"`} {
		if _, err := decodeCatalog(json.RawMessage(raw)); err == nil {
			t.Errorf("%s decoded without error", raw)
		}
	}
}

// An order waiting for a server shows srv_id as 0, null, "" or not at all
// (not shown by the docs): each reads as no server yet; an unknown status is
// neither provisioning nor finished, so the waiters judge by the record.
func TestDeployStatusWaitingForms(t *testing.T) {
	for _, item := range []string{
		`{"order_id":7,"srv_id":0,"status":"waiting"}`,
		`{"order_id":"7","srv_id":null,"status":"waiting"}`,
		`{"order_id":7,"srv_id":"","status":"waiting"}`,
		`{"order_id":7,"status":"waiting"}`,
	} {
		sts, err := decodeDeployStatuses(json.RawMessage(`{"servers":[` + item + `],"all_ready":false}`))
		if err != nil || len(sts) != 1 || sts[0].OrderID != 7 || sts[0].ServerID != 0 || !sts[0].Provisioning() || sts[0].Finished() {
			t.Errorf("%s: %+v %v", item, sts, err)
		}
	}
	st := DeployStatus{Status: "provisioned"}
	if st.Provisioning() || st.Finished() {
		t.Errorf("unknown status %q taken as known", st.Status)
	}
}

// When the deploy status refuses ids of no order of the account (not
// documented), a lost answer is still settled, by watching the server list,
// and never ordered twice.
func TestDeploy_lostAnswerStatusRefusesForeignIDs(t *testing.T) {
	t.Parallel()
	spec, _ := mockapi.AltSpecOf(mockapi.AltStatusForeignIDs)
	for _, form := range spec.Forms {
		for name, c := range map[string]struct {
			fault     mockapi.Fault
			wantPosts int
		}{
			"created then dropped": {mockapi.FaultDropAfter, 1},
			"refused with 500":     {mockapi.Fault500, 2},
		} {
			t.Run(form+"/"+name, func(t *testing.T) {
				t.Parallel()
				cl, m := newMockClient(t, 200*time.Millisecond)
				m.SetAlt(mockapi.AltStatusForeignIDs, form)
				m.Gigahost.Servers.SetTransientAbsence(0, 0)
				oldServers(t, m, 1, time.Minute)
				m.FailNext("gigahost", http.MethodPost, "/deploy/servers", c.fault, 1)
				res, err := cl.Deploy(context.Background(), lostOrder)
				if err != nil {
					t.Fatal(err)
				}
				all := m.Gigahost.Servers.List()
				if len(all) != 2 || len(res.OrderIDs) != 1 || int64(res.OrderIDs[0]) != all[1].OrderID {
					t.Fatalf("result %+v, mock servers %+v", res, all)
				}
				if n := deployPosts(m, c.wantPosts+1); n != c.wantPosts+1 {
					t.Errorf("%d orders sent, want %d", n-1, c.wantPosts)
				}
			})
		}
	}
}
