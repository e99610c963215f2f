package server_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const addr = "gigahost_server.test"

// serverHCL is a server with literal catalog ids (7951: KVM Performance VPS
// 4GB, region 1, Ubuntu 24.04) and extra arguments.
func serverHCL(extra string) string {
	return fmt.Sprintf(`
resource "gigahost_server" "test" {
  product_id = 7951
  region_id  = 1
  hostname   = "web-1.example.no"
%s
}
`, extra)
}

// captureID stores the server id in state.
func captureID(id *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		n, err := strconv.ParseInt(rs.Primary.Attributes["id"], 10, 64)
		if err != nil {
			return fmt.Errorf("id %q: %w", rs.Primary.Attributes["id"], err)
		}
		*id = n
		return nil
	}
}

// noLiveServers is a CheckDestroy: every server the mock ever deployed is
// cancelled or failed, none is billed any more.
func noLiveServers(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if live := env.Mock.Gigahost.Servers.Live(); len(live) > 0 {
			return fmt.Errorf("servers still live (orphaned): %+v", live)
		}
		return nil
	}
}

func TestAccServer_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	env.Test(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			srv, ok := env.Mock.Gigahost.Servers.Get(id)
			if !ok || !srv.Cancelled || !strings.Contains(srv.CancelReason, "Terraform") {
				return fmt.Errorf("server %d not cancelled by destroy: %+v", id, srv)
			}
			if n := env.Mock.CountRequests("gigahost", "DELETE", "/servers"); n != 0 {
				return fmt.Errorf("%d DELETE requests: destroy must cancel", n)
			}
			return noLiveServers(env)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
data "gigahost_catalog" "vps" {
  name   = "KVM Performance VPS 4GB"
  region = "Sandefjord"
}
data "gigahost_operating_systems" "ubuntu" {
  distribution = "ubuntu"
  name_regex   = "24\\.04"
}
resource "gigahost_server" "test" {
  product_id = data.gigahost_catalog.vps.products[0].product_id
  region_id  = data.gigahost_catalog.vps.regions[0].region_id
  os_id      = data.gigahost_operating_systems.ubuntu.operating_systems[0].os_id
  hostname   = "web-1.example.no"
}
`),
				Check: resource.ComposeAggregateTestCheckFunc(captureID(&id), func(*terraform.State) error {
					srv, ok := env.Mock.Gigahost.Servers.Get(id)
					if !ok || env.Mock.Gigahost.Servers.State(id) != "ready" || srv.ProductID != 7951 || srv.OSID != 102 || srv.Hostname != "web-1.example.no" || srv.PriceID != 4042 {
						return fmt.Errorf("mock server %d: %+v (%s)", id, srv, env.Mock.Gigahost.Servers.State(id))
					}
					return nil
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("order_id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("price_id"), knownvalue.Int64Exact(4042)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("billing_period"), knownvalue.StringExact("hourly")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("web-1.example.no")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ipv4"), knownvalue.StringRegexp(regexp.MustCompile(`^193\.200\.238\.\d+$`))),
					// The record may omit the IPv6: the deploy-time value is kept.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ipv6"), knownvalue.StringRegexp(regexp.MustCompile(`^2a03:`))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("root_password"), knownvalue.StringRegexp(regexp.MustCompile(`^Gh-`))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("backups"), knownvalue.Bool(false)),
				},
			},
			{
				// Rename in place.
				Config: env.Config(serverHCL(`  os_id = 102
  name  = "web one"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				Check: func(*terraform.State) error {
					// The rename lands in srv_name, or in srv_label under
					// that alternative of the mock.
					if srv, _ := env.Mock.Gigahost.Servers.Get(id); !srv.HasName("web one") {
						return fmt.Errorf("mock name %q, label %q", srv.Name, srv.Label)
					}
					return nil
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("web one"))},
			},
			{
				ResourceName: addr, ImportState: true, ImportStateVerify: true,
				// Not readable from the API: the root password (shown only while
				// installing), the hostname (the record shows the name instead)
				// and the IPv6 when the record omits it.
				ImportStateVerifyIgnore: []string{"root_password", "hostname", "ipv6", "timeouts"},
			},
			{
				// Reinstall in place when the OS changes.
				Config: env.Config(serverHCL(`  os_id = 90
  name  = "web one"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(addr, tfjsonpath.New("root_password")),
				}},
				Check: func(s *terraform.State) error {
					srv, _ := env.Mock.Gigahost.Servers.Get(id)
					got := s.RootModule().Resources[addr].Primary.Attributes
					if srv.OSID != 90 || got["id"] != strconv.FormatInt(id, 10) || got["root_password"] != srv.Password {
						return fmt.Errorf("after reinstall: mock %+v, state %v", srv, got)
					}
					return nil
				},
			},
			{
				// Switching to rescue replaces the server.
				Config:           env.Config(serverHCL(`  rescue = true`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: func(s *terraform.State) error {
					if srv, _ := env.Mock.Gigahost.Servers.Get(id); !srv.Cancelled {
						return fmt.Errorf("replaced server %d not cancelled", id)
					}
					return captureID(&id)(s)
				},
			},
		},
	})
}

func TestAccServer_driftAndDisappearance(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id, first int64
	cfg := env.Config(serverHCL(`  os_id = 102
  name  = "api"`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: cfg, Check: captureID(&id)},
			{
				// Renamed outside Terraform: the plan puts the name back.
				PreConfig: func() {
					env.Mock.Gigahost.Servers.Rename(id, "renamed-in-panel")
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("api")),
				}},
				Check: func(*terraform.State) error {
					if srv, _ := env.Mock.Gigahost.Servers.Get(id); !srv.HasName("api") || srv.HasName("renamed-in-panel") {
						return fmt.Errorf("name not restored: srv_name %q, srv_label %q", srv.Name, srv.Label)
					}
					return nil
				},
			},
			{
				// Gone for good: confirmed over several reads, then re-created.
				PreConfig: func() { first = id; env.Mock.Gigahost.Servers.Vanish(id) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
				Check: resource.ComposeTestCheckFunc(captureID(&id), func(*terraform.State) error {
					if id == first || env.Mock.Gigahost.Servers.State(id) != "ready" {
						return fmt.Errorf("not re-created: %d -> %d", first, id)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccServer_transientAbsenceKeepsServer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	cfg := env.Config(serverHCL(`  os_id = 102`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: cfg, Check: captureID(&id)},
			{
				// Missing for two reads, as the live API does for tens of
				// seconds: the refresh keeps the server and plans nothing.
				PreConfig: func() {
					env.Mock.Gigahost.Servers.Hide(id, 2)
					env.Mock.ResetRequests()
				},
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[addr].Primary.ID; got != strconv.FormatInt(id, 10) {
						return fmt.Errorf("id changed: %s", got)
					}
					// Two hidden reads (of /servers/{id} or the /servers list) and one that finds it.
					if n := env.Mock.CountRequests("gigahost", "GET", "/servers"); n < 3 {
						return fmt.Errorf("absence not re-checked: %d reads", n)
					}
					if n := env.Mock.CountRequests("gigahost", "POST", "/deploy"); n != 0 {
						return fmt.Errorf("%d deploys after a transient absence", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccServer_failedDeployIsTaintedAndReplaced(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := env.Config(serverHCL(`  os_id = 102`))
	var id int64
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { env.Mock.Gigahost.Servers.FailNextDeploys(1) },
				Config:      cfg,
				ExpectError: acctest.ErrorText("deploy of order", "failed", "neither the deploy status nor the server list"),
			},
			{
				// The failed order stayed in state, tainted: the next apply replaces it.
				Config: cfg,
				Check: resource.ComposeTestCheckFunc(captureID(&id), func(*terraform.State) error {
					all := env.Mock.Gigahost.Servers.List()
					if len(all) != 2 || !all[0].Failed || all[1].ID != id {
						return fmt.Errorf("servers: %+v, state id %d", all, id)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccServer_createTimeoutIsTaintedAndDestroyed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) { o.ProvisioningDelay = 3 * time.Second })
	env.Test(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			all := env.Mock.Gigahost.Servers.List()
			if len(all) != 1 || !all[0].Cancelled {
				return fmt.Errorf("the timed-out server was not cancelled: %+v", all)
			}
			return noLiveServers(env)(s)
		},
		Steps: []resource.TestStep{{
			Config: env.Config(serverHCL(`  os_id = 102
  timeouts {
    create = "1s"
  }`)),
			ExpectError: acctest.ErrorText("did not complete", "waiting for order", "context deadline exceeded"),
		}},
	})
}

func TestAccServer_badInputFailsAtPlan(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	steps := []struct{ extra, want string }{
		{`  os_id = 102
  rescue = true`, "Exactly one of os_id, iso_id and rescue"},
		{``, "Exactly one of os_id, iso_id and rescue"},
		{`  os_id = 102
  billing_period = "weekly"`, `billing_period value must be one of`},
		{`  os_id = 102
  name = ""`, `name string length must be between 1 and 255`},
	}
	var ts []resource.TestStep
	for _, s := range steps {
		ts = append(ts, resource.TestStep{Config: env.Config(serverHCL(s.extra)), PlanOnly: true, ExpectError: acctest.ErrorText(s.want)})
	}
	ts = append(ts, resource.TestStep{
		Config: env.Config(`
resource "gigahost_server" "test" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "-bad-.example"
}`), PlanOnly: true, ExpectError: acctest.ErrorText("hostname", "must be a host name"),
	})
	ts[len(ts)-1].Check = nil
	env.Test(t, resource.TestCase{Steps: ts, CheckDestroy: func(*terraform.State) error {
		if n := env.Mock.CountRequests("gigahost", "", "/"); n != 0 {
			return fmt.Errorf("bad input reached the API: %d requests", n)
		}
		return nil
	}})
}

// Three servers deployed while a fifth of the requests fail (429, 5xx,
// dropped connections), and the answer to one order is lost after it took
// effect, still converge, with no duplicate or orphaned order: the three
// concurrent deploys do not take each other's servers for their own.
func TestAccServer_faultsConverge(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) { o.RetryAfterSeconds = 0 })
	env.Mock.SetFaultRate(0.2)
	env.Mock.FailNext("gigahost", http.MethodPost, "/deploy/servers", mockapi.FaultDropAfter, 1)
	t.Cleanup(func() {
		faults, deployFaults := 0, 0
		for _, r := range env.Mock.Requests() {
			if r.Fault != "" {
				faults++
				if r.Method == http.MethodPost && r.Path == "/deploy/servers" {
					deployFaults++
				}
			}
		}
		t.Logf("%d faults injected, %d of them on the %d deploy requests", faults, deployFaults, deployPosts(env.Mock))
		if faults < 3 || deployFaults < 1 {
			t.Errorf("only %d faults injected (%d on deploys): the test proves little", faults, deployFaults)
		}
	})
	env.Test(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if all := env.Mock.Gigahost.Servers.List(); len(all) != 3 {
				return fmt.Errorf("%d servers ordered, want 3", len(all))
			}
			return noLiveServers(env)(s)
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "gigahost_server" "test" {
  count      = 3
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "node-${count.index}.example.no"
}`),
			Check: func(s *terraform.State) error {
				live := env.Mock.Gigahost.Servers.Live()
				if len(live) != 3 || len(env.Mock.Gigahost.Servers.List()) != 3 {
					return fmt.Errorf("live %d of %d ordered, want 3 of 3", len(live), len(env.Mock.Gigahost.Servers.List()))
				}
				inState := map[string]bool{}
				for name, rs := range s.RootModule().Resources {
					if strings.HasPrefix(name, "gigahost_server.") {
						inState[rs.Primary.ID] = true
					}
				}
				for _, srv := range live {
					if !inState[strconv.FormatInt(srv.ID, 10)] || env.Mock.Gigahost.Servers.State(srv.ID) != "ready" {
						return fmt.Errorf("server %d not in state or not ready", srv.ID)
					}
				}
				return nil
			},
		}},
	})
}

// A deploy whose answer is lost is never placed twice blindly: the provider
// looks for the server the order may have created and adopts it, or orders
// again only when nothing was created. Either way exactly one server is
// billed, it is the one in state, with its order, and destroy cancels it.
// With and without a hostname (then only the product, region, image and
// billing period tell the server).
func TestAccServer_lostDeployAnswer(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault     mockapi.Fault
		wantPosts int
	}{
		"created then dropped": {mockapi.FaultDropAfter, 1},
		"refused with 500":     {mockapi.Fault500, 2},
		"dropped before":       {mockapi.FaultDrop, 2},
	} {
		for _, hostname := range []string{"web-1.example.no", ""} {
			t.Run(fmt.Sprintf("%s/hostname=%q", name, hostname), func(t *testing.T) {
				t.Parallel()
				env := acctest.New(t)
				m := env.Mock
				m.FailNext("gigahost", http.MethodPost, "/deploy/servers", c.fault, 1)
				hostLine := ""
				if hostname != "" {
					hostLine = fmt.Sprintf("  hostname   = %q\n", hostname)
				}
				env.Test(t, resource.TestCase{
					CheckDestroy: noLiveServers(env),
					Steps: []resource.TestStep{{
						Config: env.Config(`
resource "gigahost_server" "test" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
` + hostLine + `}
`),
						Check: func(s *terraform.State) error {
							live := m.Gigahost.Servers.Live()
							if len(live) != 1 || len(m.Gigahost.Servers.List()) != 1 {
								return fmt.Errorf("%d live of %d ordered, want exactly 1: %+v", len(live), len(m.Gigahost.Servers.List()), m.Gigahost.Servers.List())
							}
							srv := live[0]
							attrs := s.RootModule().Resources[addr].Primary.Attributes
							if attrs["id"] != strconv.FormatInt(srv.ID, 10) || attrs["order_id"] != strconv.FormatInt(srv.OrderID, 10) {
								return fmt.Errorf("state holds server %s order %s, the mock bills server %d order %d", attrs["id"], attrs["order_id"], srv.ID, srv.OrderID)
							}
							if st := m.Gigahost.Servers.State(srv.ID); st != "ready" || srv.Hostname != hostname {
								return fmt.Errorf("server %d %s, hostname %q", srv.ID, st, srv.Hostname)
							}
							return nil
						},
					}},
				})
				if n := deployPosts(m); n != c.wantPosts {
					t.Errorf("%d deploy requests, want %d", n, c.wantPosts)
				}
			})
		}
	}
}

// deployPosts counts the deploy requests the mock saw, injected faults included.
func deployPosts(m *mockapi.Server) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigahost" && r.Method == http.MethodPost && r.Path == "/deploy/servers" {
			n++
		}
	}
	return n
}

// Import plans nothing for a typical configuration, and a server renamed
// since its deploy (the record then no longer tells the hostname) is
// adopted in place, never replaced: replacing would cancel the billed server
// Terraform was just asked to manage.
func TestAccServer_importPlansNoReplacement(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	plain := env.Config(serverHCL(`  os_id = 102`))
	renamed := env.Config(serverHCL(`  os_id = 102
  name  = "web one"`))
	sameServer := func(*terraform.State) error {
		if srv, ok := env.Mock.Gigahost.Servers.Get(id); !ok || srv.Cancelled || len(env.Mock.Gigahost.Servers.List()) != 1 {
			return fmt.Errorf("server %d replaced after import: %+v", id, env.Mock.Gigahost.Servers.List())
		}
		return nil
	}
	afterImport, hostnameChange := plancheck.ResourceActionUpdate, plancheck.ResourceActionDestroyBeforeCreate
	if env.Mock.Alt(mockapi.AltRenameField) == "srv_label" {
		afterImport, hostnameChange = plancheck.ResourceActionNoop, plancheck.ResourceActionUpdate
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: plain, Check: captureID(&id)},
			// An import block plans a no-op.
			{Config: plain, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
			{Config: renamed, Check: sameServer},
			// Forgotten by Terraform (not destroyed), then imported again.
			{Config: env.Config(`
removed {
  from = gigahost_server.test
  lifecycle {
    destroy = false
  }
}`), Check: sameServer},
			{Config: renamed, ResourceName: addr, ImportState: true, ImportStatePersist: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return strconv.FormatInt(id, 10), nil }},
			{
				// The hostname is read from srv_name, which shows the ordered
				// hostname only until a rename lands there: then the import
				// reads the name, and the first apply records the configured
				// hostname in place. Where renames land in srv_label, srv_name
				// still shows the hostname and there is nothing to do.
				Config: renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, afterImport),
				}},
				Check: sameServer,
			},
			{Config: renamed, PlanOnly: true},
			{
				// Once adopted, a change of the hostname replaces the server again.
				Config: env.Config(`
resource "gigahost_server" "test" {
  product_id = 7951
  region_id  = 1
  hostname   = "web-2.example.no"
  os_id      = 102
  name       = "web one"
}`),
				// (Where the import needed no apply, this is the first one
				// after it, which adopts a differing hostname in place, as
				// documented.)
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, hostnameChange),
				}},
			},
		},
	})
}
