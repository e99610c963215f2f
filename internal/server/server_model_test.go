package server

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func TestSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewServerResource(), serverModel{})
	parity.AssertDataSource(t, NewCatalogDataSource(), catalogModel{})
	parity.AssertDataSource(t, NewOperatingSystemsDataSource(), operatingSystemsModel{})
}

// liveServer is the shape of GET /servers/{id} captured live (trimmed):
// strings and numbers mixed, the hostname in srv_name, the product id only
// in the order.
const liveServer = `{"srv_id":"18856","srv_name":"tf-acc-os-matrix-652342","srv_hostname":"","srv_label":"srv18856.gigahost.no",
"srv_status":true,"srv_status_install":false,"srv_status_rescue":false,"srv_feature_backups":false,"os_id":"102","iso_id":"0",
"product_id":"0","srv_ram":4,"srv_cores":"2","srv_primary_ip":"193.200.238.252","srv_deleted":"0","cancelled":null,"location":null,
"ips":[{"ip_id":"9798","sub_id":"3777","ip_v4v6":"ipv6","ip_address":"2a03:94e0:ffff:193:200:238::252","ip_type":"primary"},
{"ip_id":"9798","sub_id":"3777","ip_v4v6":"ipv4","ip_address":"193.200.238.252","ip_type":"primary"}],
"order":{"order_id":"35989","order_number":"17831","product_id":"7951","order_billing_type":"hourly","order_billing_cycle":"0","order_status":"active"},
"datacenter":{"region_id":"1","region_name":"Sandefjord","dc_name":"DC4"},"os":{"os_id":"102","os_name":"Ubuntu 24.04 LTS"}}`

func decodeServer(t *testing.T, s string) *gigahost.Server {
	t.Helper()
	var srv gigahost.Server
	if err := json.Unmarshal([]byte(s), &srv); err != nil {
		t.Fatal(err)
	}
	return &srv
}

func TestFromAPI_import(t *testing.T) {
	m := serverModel{ID: types.StringValue("18856"), OSID: types.Int64Null(), ISOID: types.Int64Null(), Rescue: types.BoolNull(),
		PriceID: types.Int64Null(), Hostname: types.StringNull(), RootPassword: types.StringNull(), OrderID: types.StringNull(),
		IPv4: types.StringNull(), IPv6: types.StringNull()}
	m.fromAPI(decodeServer(t, liveServer), true)
	want := map[string]string{
		"id": m.ID.ValueString(), "order_id": m.OrderID.ValueString(), "hostname": m.Hostname.ValueString(), "name": m.Name.ValueString(),
		"ipv4": m.IPv4.ValueString(), "ipv6": m.IPv6.ValueString(), "billing_period": m.BillingPeriod.ValueString(),
	}
	exp := map[string]string{
		"id": "18856", "order_id": "35989", "hostname": "tf-acc-os-matrix-652342", "name": "tf-acc-os-matrix-652342",
		"ipv4": "193.200.238.252", "ipv6": "2a03:94e0:ffff:193:200:238::252", "billing_period": "hourly",
	}
	for k, v := range exp {
		if want[k] != v {
			t.Errorf("%s = %q, want %q", k, want[k], v)
		}
	}
	if m.ProductID.ValueInt64() != 7951 || m.RegionID.ValueInt64() != 1 || m.OSID.ValueInt64() != 102 || !m.Rescue.IsNull() || !m.RootPassword.IsNull() {
		t.Errorf("product %v region %v os %v rescue %v password %v", m.ProductID, m.RegionID, m.OSID, m.Rescue, m.RootPassword)
	}
}

func TestFromAPI_keepsDeployTimeIPv6AndPassword(t *testing.T) {
	noV6 := strings.Replace(liveServer, `"ip_v4v6":"ipv6"`, `"ip_v4v6":"ipv6-gone"`, 1)
	m := serverModel{OSID: types.Int64Value(102), Hostname: types.StringValue("web-1"), Name: types.StringValue("web-1")}
	m.applyDeploy(&gigahost.DeployOutcome{ServerID: 18856, IPv6: "2a03::1", Password: "pw"})
	m.fromAPI(decodeServer(t, noV6), false)
	if m.IPv6.ValueString() != "2a03::1" || m.RootPassword.ValueString() != "pw" || m.Hostname.ValueString() != "web-1" {
		t.Errorf("ipv6 %v password %v hostname %v", m.IPv6, m.RootPassword, m.Hostname)
	}
	if m.Name.ValueString() != "tf-acc-os-matrix-652342" {
		t.Errorf("name not refreshed: %v", m.Name)
	}
}

func TestToDeploy(t *testing.T) {
	keys, _ := types.SetValueFrom(context.Background(), types.Int64Type, []int64{7, 8})
	m := serverModel{ProductID: types.Int64Value(7951), RegionID: types.Int64Value(1), OSID: types.Int64Value(102), ISOID: types.Int64Null(),
		Rescue: types.BoolNull(), BillingPeriod: types.StringValue("monthly"), Hostname: types.StringValue("a.example"), SSHKeyIDs: keys, Backups: types.BoolValue(true)}
	in, diags := m.toDeploy(context.Background(), 4042)
	if diags.HasError() || in.Quantity != 1 || in.PriceID != 4042 || in.OSID != 102 || len(in.SSHKeyIDs) != 2 || in.Hostnames[0] != "a.example" || !in.Backups || in.BillingPeriod != "monthly" {
		t.Errorf("%+v %v", in, diags)
	}
}

// Only srv_deleted means gone: the docs' own GET /servers/{id} example shows
// order_status "cancelled" on a live server, and what "cancelled" holds when
// set is not documented.
func TestDeleted(t *testing.T) {
	for _, c := range []struct {
		patch string
		gone  bool
	}{
		{`"cancelled":null`, false},
		{`"cancelled":{"date":"1791197612"}`, false},
		{`"cancelled":null,"srv_ram":4`, false}, // order_status patched below
		{`"srv_deleted":"1","cancelled":null`, true},
	} {
		s := strings.Replace(strings.Replace(liveServer, `"srv_deleted":"0",`, "", 1), `"cancelled":null`, c.patch, 1)
		if strings.Contains(c.patch, "srv_ram") {
			s = strings.Replace(s, `"order_status":"active"`, `"order_status":"cancelled"`, 1)
		}
		if got := decodeServer(t, s).Deleted(); got != c.gone {
			t.Errorf("%s: Deleted() = %v", c.patch, got)
		}
	}
}

func testClient(t *testing.T, m *mockapi.Server) *gigahost.Client {
	t.Helper()
	c, err := gigahost.New(gigahost.Config{
		Transport: client.Options{BaseURL: m.GigahostURL(), MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond},
		APIKey:    mockapi.GigahostAPIKey,
		Poll:      client.PollSettings{Initial: 5 * time.Millisecond, Max: 20 * time.Millisecond, Factor: 1.5},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A server that vanished on its own: the cancellation is refused (400), the
// absence is confirmed, and destroy succeeds with a warning.
func TestDeleteServer_alreadyVanished(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{Seed: 1, ProvisioningDelay: 10 * time.Millisecond})
	m.Start()
	defer m.Close()
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	c := testClient(t, m)
	ctx := context.Background()
	res, err := c.Deploy(ctx, gigahost.DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.WaitDeploy(ctx, gigahost.DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if err != nil {
		t.Fatal(err)
	}
	m.Gigahost.Servers.Vanish(out.ServerID)
	warning, err := deleteServer(ctx, c, out.ServerID, out.OrderID)
	if err != nil || !strings.Contains(warning, "confirmed gone") {
		t.Fatalf("warning %q, err %v", warning, err)
	}
	if n := m.CountRequests("gigahost", "POST", "/servers/"); n != 1 {
		t.Errorf("%d cancel requests", n)
	}
	if live := m.Gigahost.Servers.Live(); len(live) != 0 {
		t.Errorf("live: %+v", live)
	}
}

// Without a server id, delete waits for the order to show one and cancels it.
func TestDeleteServer_byOrder(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{Seed: 1, ProvisioningDelay: 200 * time.Millisecond})
	m.Start()
	defer m.Close()
	c := testClient(t, m)
	ctx := context.Background()
	res, err := c.Deploy(ctx, gigahost.DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	warning, err := deleteServer(ctx, c, 0, int64(res.OrderIDs[0]))
	if err != nil || warning != "" {
		t.Fatalf("warning %q, err %v", warning, err)
	}
	all := m.Gigahost.Servers.List()
	if len(all) != 1 || !all[0].Cancelled {
		t.Errorf("not cancelled: %+v", all)
	}
}

// A reinstall sends a host name: the configured one, else the server's name
// only when it is a host name; a descriptive name is never sent.
func TestReinstallHostname(t *testing.T) {
	for _, c := range []struct {
		hostname types.String
		name     string
		want     string
	}{
		{types.StringValue("web-1.example.no"), "web one", "web-1.example.no"},
		{types.StringNull(), "web-1.example.no", "web-1.example.no"},
		{types.StringNull(), "web one", "srv18856.gigahost.no"},
		{types.StringNull(), "", "srv18856.gigahost.no"},
	} {
		plan := serverModel{Hostname: c.hostname}
		state := serverModel{Name: types.StringValue(c.name)}
		if got := reinstallHostname(&plan, &state, 18856); got != c.want {
			t.Errorf("hostname %s, name %q: %q, want %q", c.hostname, c.name, got, c.want)
		}
	}
}
