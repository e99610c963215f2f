package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Tests of the evidence issues: what the docs and FIELD-NOTES leave open,
// under every plausible form of the mock (acctest.EachForm).

// priorServer deploys a server on the account as another provider run
// would, and returns its id: the account's recent order.
func priorServer(t *testing.T, env *acctest.Env) int64 {
	t.Helper()
	c, err := gigahost.New(gigahost.Config{
		Transport: client.Options{BaseURL: env.Mock.GigahostURL()},
		APIKey:    mockapi.GigahostAPIKey,
		Poll:      acctest.FastPoll,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := c.Deploy(ctx, gigahost.DeployInput{ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.WaitDeploy(ctx, gigahost.DeployWatch{OrderID: int64(res.OrderIDs[0])})
	if err != nil {
		t.Fatal(err)
	}
	return out.ServerID
}

// exactGets counts the GET requests to exactly path, faults included.
func exactGets(m *mockapi.Server, path string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigahost" && r.Method == http.MethodGet && r.Path == path {
			n++
		}
	}
	return n
}

// A lost answer to the deploy (created then lost, a 500 before acting, a
// connection dropped before acting) is settled through the deploy status in
// a few polls, never by ordering twice: with the test's polls the old watch
// of the server list took ten lists or more; now at most AbsenceReads polls
// follow the baseline.
func TestAccServer_lostDeployAnswerSettlesFast(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault     mockapi.Fault
		wantPosts int
		maxPolls  int
	}{
		"created then dropped": {mockapi.FaultDropAfter, 1, 1},
		"refused with 500":     {mockapi.Fault500, 2, gigahost.AbsenceReads},
		"dropped before":       {mockapi.FaultDrop, 2, gigahost.AbsenceReads},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			m := env.Mock
			m.Gigahost.Servers.SetTransientAbsence(0, 0)
			prior := priorServer(t, env)
			var lists, polls int
			env.Test(t, resource.TestCase{
				CheckDestroy: func(*terraform.State) error {
					for _, s := range m.Gigahost.Servers.Live() {
						if s.ID != prior {
							return fmt.Errorf("server %d still live (orphaned)", s.ID)
						}
					}
					return nil
				},
				Steps: []resource.TestStep{{
					PreConfig: func() {
						m.ResetRequests()
						m.FailNext("gigahost", http.MethodPost, "/deploy/servers", c.fault, 1)
					},
					Config: env.Config(serverHCL(`  os_id = 102`)),
					Check: func(s *terraform.State) error {
						lists, polls = exactGets(m, "/servers"), exactGets(m, "/deploy/status")
						live := m.Gigahost.Servers.Live()
						if len(live) != 2 || len(m.Gigahost.Servers.List()) != 2 {
							return fmt.Errorf("%d live of %d ordered, want the prior one and one new: %+v", len(live), len(m.Gigahost.Servers.List()), m.Gigahost.Servers.List())
						}
						srv := live[1]
						attrs := s.RootModule().Resources[addr].Primary.Attributes
						if attrs["id"] != strconv.FormatInt(srv.ID, 10) || attrs["order_id"] != strconv.FormatInt(srv.OrderID, 10) {
							return fmt.Errorf("state holds server %s order %s, the mock bills server %d order %d", attrs["id"], attrs["order_id"], srv.ID, srv.OrderID)
						}
						return nil
					},
				}},
			})
			if n := deployPosts(m); n != c.wantPosts {
				t.Errorf("%d deploy requests, want %d", n, c.wantPosts)
			}
			// The baseline list, then one list per poll, and at most one
			// more when a loaded machine lets the settling window close
			// between two polls; the old watch of the list took ten or more.
			maxLists := 2 + c.maxPolls
			if m.Alt(mockapi.AltStatusForeignIDs) == "refused" {
				// The status refuses ids of no order of the account: the
				// client falls back to watching the server list, as it must.
				maxLists = 20
			}
			if lists > maxLists {
				t.Errorf("%d server lists during the apply, want at most %d", lists, maxLists)
			}
			if polls > 50 {
				t.Errorf("%d status requests", polls)
			}
		})
	}
}

// An order the API saves but holds (pending_payment, under_review) is kept
// in state with its order id and no server id, with a warning that says what
// to do, and no second order is ever placed: plans stay empty, and destroy
// refuses, since the API cannot cancel an order without a server. Once
// released (paid, reviewed), a refresh finds its server, and destroy cancels it.
func TestAccServer_heldOrderIsKeptNotOrderedAgain(t *testing.T) {
	t.Parallel()
	for _, hold := range []string{"pending_payment", "under_review"} {
		t.Run(hold, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			m := env.Mock
			m.Gigahost.Servers.SetTransientAbsence(0, 0)
			m.Gigahost.Servers.HoldOrders(hold)
			cfg := env.Config(serverHCL(`  os_id = 102
  billing_period = "monthly"`))
			oneOrder := func(s *terraform.State) error {
				all := m.Gigahost.Servers.List()
				if len(all) != 1 {
					return fmt.Errorf("%d orders placed, want 1: %+v", len(all), all)
				}
				attrs := s.RootModule().Resources[addr].Primary.Attributes
				if attrs["order_id"] != strconv.FormatInt(all[0].OrderID, 10) {
					return fmt.Errorf("state order %q, mock order %d", attrs["order_id"], all[0].OrderID)
				}
				return nil
			}
			env.Test(t, resource.TestCase{
				CheckDestroy: func(s *terraform.State) error {
					all := m.Gigahost.Servers.List()
					if len(all) != 1 || !all[0].Cancelled {
						return fmt.Errorf("want the one order, cancelled: %+v", all)
					}
					return nil
				},
				Steps: []resource.TestStep{
					{Config: cfg, Check: resource.ComposeTestCheckFunc(oneOrder, resource.TestCheckNoResourceAttr(addr, "id"))},
					{
						Config:           cfg,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						Check:            oneOrder,
					},
					{Config: cfg, Destroy: true, ExpectError: acctest.ErrorText("has no server to cancel", "control panel")},
					{
						PreConfig: func() {
							m.Gigahost.Servers.HoldOrders("")
							m.Gigahost.Servers.ReleaseOrders()
							time.Sleep(2 * acctest.TestProvisioningDelay)
						},
						RefreshState: true,
						Check: resource.ComposeTestCheckFunc(oneOrder, func(s *terraform.State) error {
							attrs := s.RootModule().Resources[addr].Primary.Attributes
							if srv := m.Gigahost.Servers.List()[0]; attrs["id"] != strconv.FormatInt(srv.ID, 10) {
								return fmt.Errorf("state server %q, mock server %d", attrs["id"], srv.ID)
							}
							return nil
						}),
					},
				},
			})
		})
	}
}

// A live server whose record shows order_status "cancelled" (as the docs'
// own GET /servers/{id} example does) stays in state: the plan is empty.
func TestAccServer_cancelledOrderStatusKeepsServer(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltServerOrderStatus, func(t *testing.T, env *acctest.Env) {
		cfg := env.Config(serverHCL(`  os_id = 102`))
		var id int64
		env.Test(t, resource.TestCase{
			CheckDestroy: noLiveServers(env),
			Steps: []resource.TestStep{
				{Config: cfg, Check: captureID(&id)},
				{
					Config:           cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: func(*terraform.State) error {
						if n := len(env.Mock.Gigahost.Servers.List()); n != 1 {
							return fmt.Errorf("%d servers ordered, want 1", n)
						}
						return nil
					},
				},
			},
		})
	})
}

// backups = true is not read back from srv_feature_backups (not shown to be
// the ordered option): whatever the record shows, no replace loop.
func TestAccServer_backupsNotReadBack(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltServerBackupsFlag, func(t *testing.T, env *acctest.Env) {
		cfg := env.Config(serverHCL(`  os_id = 102
  backups = true`))
		env.Test(t, resource.TestCase{
			CheckDestroy: noLiveServers(env),
			Steps: []resource.TestStep{
				{Config: cfg},
				{
					Config:           cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: func(*terraform.State) error {
						all := env.Mock.Gigahost.Servers.List()
						if len(all) != 1 || !all[0].Backups {
							return fmt.Errorf("want one server ordered with backups: %+v", all)
						}
						return nil
					},
				},
			},
		})
	})
}

// A name set with PUT /servers/{id}/name is found whether it lands in
// srv_name or srv_label: no update loop, an import reads the name set, and a
// rename made outside Terraform shows as drift.
func TestAccServer_renameReadBack(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltRenameField, func(t *testing.T, env *acctest.Env) {
		cfg := func(name string) string {
			return env.Config(serverHCL(fmt.Sprintf("  os_id = 102\n  name = %q", name)))
		}
		var id int64
		env.Test(t, resource.TestCase{
			CheckDestroy: noLiveServers(env),
			Steps: []resource.TestStep{
				{Config: cfg("web one"), Check: captureID(&id)},
				{Config: cfg("web two")},
				{
					Config:           cfg("web two"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				{
					ResourceName: addr, ImportState: true, ImportStateVerify: true,
					ImportStateVerifyIgnore: []string{"root_password", "hostname", "ipv6", "timeouts"},
				},
				{
					PreConfig: func() { env.Mock.Gigahost.Servers.Rename(id, "from-panel") },
					Config:    cfg("web two"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: func(*terraform.State) error {
						if srv, _ := env.Mock.Gigahost.Servers.Get(id); !srv.HasName("web two") || srv.HasName("from-panel") {
							return fmt.Errorf("name not restored: srv_name %q, srv_label %q", srv.Name, srv.Label)
						}
						return nil
					},
				},
			},
		})
	})
}

// Destroy never cancels blindly twice: a lost answer to the cancellation is
// followed by reading the server back, under every form the views show a
// cancelled server in.
func TestAccServer_destroyLostCancelAnswer(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltCancelledServer, func(t *testing.T, env *acctest.Env) {
		m := env.Mock
		var id int64
		env.Test(t, resource.TestCase{
			CheckDestroy: func(s *terraform.State) error {
				n := 0
				for _, r := range m.Requests() {
					if r.Method == http.MethodPost && r.Path == fmt.Sprintf("/servers/%d/cancel", id) {
						n++
					}
				}
				if n != 1 {
					return fmt.Errorf("%d cancellations sent, want 1", n)
				}
				return noLiveServers(env)(s)
			},
			Steps: []resource.TestStep{{
				Config: env.Config(serverHCL(`  os_id = 102`)),
				Check: resource.ComposeTestCheckFunc(captureID(&id), func(*terraform.State) error {
					m.FailNext("gigahost", http.MethodPost, fmt.Sprintf("/servers/%d/cancel", id), mockapi.FaultDropAfter, 1)
					return nil
				}),
			}},
		})
	})
}

// A deploy interrupted before its server id is known is resolved by order
// also when the server list items carry no order (the docs' list example).
func TestAccServer_interruptedResolvedWithBareList(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltServerListItems, func(t *testing.T, env *acctest.Env) {
		env.Test(t, resource.TestCase{
			CheckDestroy: func(s *terraform.State) error {
				all := env.Mock.Gigahost.Servers.List()
				if len(all) != 1 || !all[0].Cancelled {
					return fmt.Errorf("the interrupted server was not cancelled: %+v", all)
				}
				return noLiveServers(env)(s)
			},
			Steps: []resource.TestStep{{
				Config: env.Config(serverHCL(`  os_id = 102
  timeouts {
    create = "100ms"
  }`)),
				ExpectError: acctest.ErrorText("did not complete", "server not yet assigned"),
			}},
		})
	}, func(o *mockapi.Options) { o.ProvisioningDelay = 3 * time.Second })
}
