package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func newMockClient(t *testing.T, delay time.Duration) (*Client, *mockapi.Server) {
	t.Helper()
	m := mockapi.New(mockapi.Options{Seed: 3, ProvisioningDelay: delay})
	m.Start()
	t.Cleanup(m.Close)
	c, err := New(Config{
		Transport: client.Options{BaseURL: m.GigahostURL(), MaxRetries: 5, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond},
		APIKey:    mockapi.GigahostAPIKey,
		Poll:      client.PollSettings{Initial: 10 * time.Millisecond, Max: 40 * time.Millisecond, Factor: 1.5},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

// The catalog sample's mixed types: product and price ids numbers, vm_*
// strings, region_id a string, region_ids numbers.
func TestCatalogDecodesLiveShapes(t *testing.T) {
	const sample = `{"tiers":[{"group_id":60,"group_name":"KVM Performance","products":[{"product_id":7951,"product_hash":"f9544dd3cb",
"product_name":"KVM Performance VPS 4GB","type":"vm","addons":[],"auction_id":0,"vm_cores":"2","vm_memory":"4","vm_storage":"40",
"specs":{"cpu_cores":2,"cpu_model":null,"ram_gb":4},"price_id":4042,"rate_hourly":"0.15813","rate_monthly":99,"region_ids":[1],"in_stock":"0","allow_hourly":1}]}],
"regions":[{"region_id":"1","region_name":"Sandefjord","region_name_short":"SFJ, NO","region_active":"1"}],"currency":"NOK"}`
	var cat Catalog
	if err := json.Unmarshal([]byte(sample), &cat); err != nil {
		t.Fatal(err)
	}
	p, ok := cat.Product(7951)
	if !ok || p.PriceID != 4042 || p.MemoryGB() != 4 || p.Cores() != 2 || p.InStock() || !p.AllowHourly() || !p.AllowRecurring() || !p.InRegion(1) || p.RateHourly != 0.15813 {
		t.Errorf("%+v", p)
	}
	if cat.Regions[0].RegionID != 1 || !bool(cat.Regions[0].RegionActive) {
		t.Errorf("%+v", cat.Regions[0])
	}
}

func TestWaitDeploy_capturesIDAndPasswordAndConfirmsFromRecord(t *testing.T) {
	t.Parallel()
	// A delay long enough for the 40 ms polls to see every phase, even on a busy machine.
	c, m := newMockClient(t, time.Second)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, Hostnames: []string{"a.example.no"}})
	if err != nil || len(res.OrderIDs) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	var seen []int64
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0]), OnServerID: func(id int64) {
		seen = append(seen, id)
		if st := m.Gigahost.Servers.State(id); st == "ready" {
			t.Errorf("server id reported only once ready")
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := m.Gigahost.Servers.Get(out.ServerID)
	if len(seen) != 1 || seen[0] != out.ServerID || out.Password != srv.Password || out.Password == "" || out.IPv6 != srv.IPv6 || out.Server == nil || string(out.Server.Name) != "a.example.no" {
		t.Errorf("seen %v out %+v srv %+v", seen, out, srv)
	}
}

func TestWaitDeploy_failedDeployNamesOrderAndServer(t *testing.T) {
	t.Parallel()
	c, m := newMockClient(t, 100*time.Millisecond)
	m.Gigahost.Servers.FailNextDeploys(1)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	orderID := int64(res.OrderIDs[0])
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: orderID})
	var failed *DeployFailedError
	if !errors.As(err, &failed) || failed.OrderID != orderID || failed.ServerID == 0 || out.ServerID != failed.ServerID ||
		!strings.Contains(err.Error(), "neither the deploy status nor the server list") {
		t.Fatalf("err %v out %+v", err, out)
	}
}

func TestWaitDeploy_timeoutKeepsServerID(t *testing.T) {
	t.Parallel()
	c, _ := newMockClient(t, 2*time.Second)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if !errors.Is(err, context.DeadlineExceeded) || out.ServerID == 0 || !strings.Contains(err.Error(), "last status") {
		t.Fatalf("err %v out %+v", err, out)
	}
}

// Concurrent waits of one client share deploy-status requests.
func TestWaitDeploy_sharesStatusPolls(t *testing.T) {
	t.Parallel()
	c, m := newMockClient(t, 300*time.Millisecond)
	c.poll = client.PollSettings{Initial: 40 * time.Millisecond, Max: 40 * time.Millisecond, Factor: 1}
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, Quantity: 5})
	if err != nil || len(res.OrderIDs) != 5 {
		t.Fatalf("%+v %v", res, err)
	}
	var wg sync.WaitGroup
	for _, id := range res.OrderIDs {
		wg.Add(1)
		go func(id int64) {
			defer wg.Done()
			if _, err := c.WaitDeploy(ctx, DeployWatch{OrderID: id}); err != nil {
				t.Error(err)
			}
		}(int64(id))
	}
	wg.Wait()
	// Alone, each wait polls about 300/40 + 1 = 8 times: 40 for five.
	if n := m.CountRequests("gigahost", "GET", "/deploy/status"); n > 20 {
		t.Errorf("%d status requests for 5 concurrent waits", n)
	}
}

func TestServersAndCancel(t *testing.T) {
	t.Parallel()
	c, m := newMockClient(t, 20*time.Millisecond)
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	ctx := context.Background()
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if err != nil {
		t.Fatal(err)
	}
	id := out.ServerID
	if err := c.RenameServer(ctx, id, "renamed"); err != nil {
		t.Fatal(err)
	}
	srv, err := c.GetServer(ctx, id)
	if err != nil || srv.Name != "renamed" || srv.ProductIDOf() != 7951 || srv.BillingPeriod() != "hourly" || srv.IPv4() == "" {
		t.Fatalf("%+v %v", srv, err)
	}
	if found, err := c.FindServerByOrder(ctx, int64(res.OrderIDs[0])); err != nil || found == nil || int64(found.ID) != id {
		t.Fatalf("by order: %+v %v", found, err)
	}
	if err := c.RebootServer(ctx, id); err != nil {
		t.Error(err)
	}
	if err := c.PowerServer(ctx, id, false); !client.IsStatus(err, 405) {
		t.Errorf("power off on a KVM VPS: %v", err)
	}
	if _, err := c.SetReverse(ctx, id, ReverseTarget{IPv4: netip.MustParseAddr(srv.IPv4())}, "web.example.no", nil); err != nil {
		t.Error(err)
	}
	if err := c.CancelServer(ctx, id, "test"); err != nil {
		t.Fatal(err)
	}
	if err := c.WaitServerGone(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := c.CancelServer(ctx, id, "again"); !client.IsStatus(err, 400) {
		t.Errorf("second cancel: %v", err)
	}
	if srv, err := c.ConfirmServer(ctx, id); err != nil || srv != nil {
		t.Errorf("confirm absent: %+v %v", srv, err)
	}
}

func TestOperatingSystemsAndReinstall(t *testing.T) {
	t.Parallel()
	c, m := newMockClient(t, 20*time.Millisecond)
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	ctx := context.Background()
	dists, err := c.Distributions(ctx)
	if err != nil || len(dists) != 3 || dists[1].Value != "ubuntu" {
		t.Fatalf("%+v %v", dists, err)
	}
	oses, err := c.OperatingSystems(ctx, int64(dists[1].ID))
	if err != nil || len(oses) != 2 || oses[1].ID != 102 || oses[1].MinRAMGB != 4 {
		t.Fatalf("%+v %v", oses, err)
	}
	res, err := c.Deploy(ctx, DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.WaitDeploy(ctx, DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if err != nil {
		t.Fatal(err)
	}
	pw, err := c.Reinstall(ctx, out.ServerID, ReinstallInput{OSID: 90, Language: "en_US", Keyboard: "en", Timezone: "Europe/Oslo", Hostname: "a.example"})
	if err != nil || pw == "" {
		t.Fatalf("%q %v", pw, err)
	}
	if err := c.WaitReinstall(ctx, out.ServerID, 90); err != nil {
		t.Fatal(err)
	}
}
