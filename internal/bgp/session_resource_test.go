package bgp_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const sessionAddr = "gigahost_bgp_session.test"

// sessionConfig is one gigahost_bgp_session of the seeded ASN; extra is
// added inside the block.
func sessionConfig(ipID int64, ipType, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_bgp_session" "test" {
  asn_id  = %d
  ip_id   = %d
  ip_type = %q
%s
}
`, mockapi.GigahostBGPSeedASNID, ipID, ipType, extra)
}

// stateSessionIDs reads the ids of the resource's sessions from the state.
func stateSessionIDs(s *terraform.State) ([]int64, error) {
	rs, ok := s.RootModule().Resources[sessionAddr]
	if !ok {
		return nil, fmt.Errorf("%s is not in the state", sessionAddr)
	}
	n, _ := strconv.Atoi(rs.Primary.Attributes["sessions.#"])
	ids := make([]int64, n)
	for i := range ids {
		id, err := strconv.ParseInt(rs.Primary.Attributes[fmt.Sprintf("sessions.%d.id", i)], 10, 64)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	if rs.Primary.ID != strconv.FormatInt(ids[0], 10) {
		return nil, fmt.Errorf("id %s is not the first session's %d", rs.Primary.ID, ids[0])
	}
	return ids, nil
}

// mockHolds checks that the mock lists exactly these sessions of the
// address besides the seeded one, unmarked, with this default route.
func mockHolds(env *acctest.Env, ids *[]int64, routers int, defaultRoute bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		got, err := stateSessionIDs(s)
		if err != nil {
			return err
		}
		*ids = got
		if len(got) != routers {
			return fmt.Errorf("%d sessions in state, want %d", len(got), routers)
		}
		all := env.Mock.Gigahost.BGP.Sessions()
		if len(all) != routers+1 {
			return fmt.Errorf("the mock lists %v, want the seeded session and %d", all, routers)
		}
		for i, id := range got {
			se, ok := env.Mock.Gigahost.BGP.Session(id)
			if !ok || se.Marked || se.DefaultRoute != defaultRoute || se.RouterID != int64(i+1) || se.IPID != mockapi.GigahostBGPSeedIPv6ID || !se.IPv6 {
				return fmt.Errorf("mock %v (listed %t), want router %d, default route %t", se, ok, i+1, defaultRoute)
			}
		}
		return nil
	}
}

// onlySeedLeft is a CheckDestroy: the mock lists the seeded session alone.
func onlySeedLeft(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if all := env.Mock.Gigahost.BGP.Sessions(); len(all) != 1 || all[0].ID != mockapi.GigahostBGPSeedSessionID {
			return fmt.Errorf("the mock lists %v after destroy, want the seeded session alone", all)
		}
		return nil
	}
}

// An address that has a session is refused with the API's message and the
// id to import; then the sessions of a free address, on both routers (the
// documentation's example): created
// although the create's answer is lost (found by listing, never sent twice),
// imported, re-created after they vanish outside Terraform, replaced when an
// input changes.
func TestAccBGPSession_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// The documentation's example: redundant IPv6 sessions of the seeded ASN.
	example := acctest.Example(t, "../../examples/resources/gigahost_bgp_session/resource.tf")
	redundant := strings.ReplaceAll(example, `"web_v6"`, `"test"`)
	redundant = strings.ReplaceAll(redundant, ".web_v6.", ".test.")
	if !strings.Contains(redundant, "default_route = false") {
		t.Fatal("the example no longer sets default_route = false")
	}
	var first, second []int64
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedLeft(env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(sessionConfig(mockapi.GigahostBGPSeedIPv4ID, "ipv4", "")),
				ExpectError: acctest.ErrorText("terraform import <address> 1", "IPv4 session exists already.", "lists the session(s) 1"),
			},
			{
				PreConfig: func() { env.Mock.FailNext("gigahost", "POST", "/bgp/", mockapi.FaultDropAfter, 1) },
				Config:    env.Config(redundant),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sessionAddr, tfjsonpath.New("server_id"), knownvalue.Int64Exact(mockapi.GigahostBGPSeedServerID)),
					statecheck.ExpectKnownValue(sessionAddr, tfjsonpath.New("your_asn"), knownvalue.StringExact(mockapi.GigahostBGPSeedASN)),
					statecheck.ExpectKnownValue(sessionAddr, tfjsonpath.New("default_route"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(sessionAddr, tfjsonpath.New("sessions").AtSliceIndex(1).AtMapKey("neighbor_ipv6"), knownvalue.StringExact("2a03:94e0::2")),
					statecheck.ExpectKnownValue(sessionAddr, tfjsonpath.New("sessions").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("active")),
				},
				Check: resource.ComposeTestCheckFunc(
					mockHolds(env, &first, 2, false),
					func(*terraform.State) error {
						// The refused create of step 1 was answered; the lost one was not.
						if n := env.Mock.CountRequests("gigahost", "POST", "/bgp/"); n != 1 {
							return fmt.Errorf("%d answered POSTs, want 1 (the refused one): the create was sent again after its answer was lost", n)
						}
						return nil
					},
				),
			},
			{
				ResourceName: sessionAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Both sessions vanish outside Terraform: the plan creates them again.
				PreConfig: func() {
					for _, id := range first {
						env.Mock.Gigahost.BGP.DeleteSession(id)
					}
				},
				Config: env.Config(redundant),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sessionAddr, plancheck.ResourceActionCreate),
				}},
				Check: mockHolds(env, &second, 2, false),
			},
			{
				Config: env.Config(strings.Replace(redundant, "default_route = false", "default_route = true", 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sessionAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					mockHolds(env, &first, 2, true),
					func(*terraform.State) error {
						if first[0] == second[0] {
							return fmt.Errorf("the sessions were not replaced: %v", first)
						}
						return nil
					},
				),
			},
		},
	})
}

// Bad input is refused at plan time, before any request.
func TestAccBGPSession_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:      env.Config(sessionConfig(0, "inet6", "")),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)(ip_type.*value must be one of.*"ipv6".*ip_id.*must be at least 1|ip_id.*must be at least 1.*ip_type.*value must be one of.*"ipv6")`),
		},
		{
			ResourceName:  sessionAddr,
			Config:        env.Config(sessionConfig(mockapi.GigahostBGPSeedIPv6ID, "ipv6", "")),
			ImportState:   true,
			ImportStateId: "AS212345",
			ExpectError:   acctest.ErrorText("is not a BGP session id"),
		},
	}})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("%d requests reached the API, want 0: %v", n, env.Mock.Requests())
	}
}

// Under each form of a marked session's status: a destroy whose wait ends
// before the API carries out the deletion fails and keeps the resource in
// state; the next destroy (its DELETE refused as the session is no longer
// active, or accepted again) waits until the session is gone. Two DELETEs
// in all prove that the resource stayed in state for the second.
func TestAccBGPSession_failedDeleteWait(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltBGPMarkedStatus, func(t *testing.T, env *acctest.Env) {
		cfg := env.Config(sessionConfig(mockapi.GigahostBGPSeedIPv6ID, "ipv6", "  timeouts {\n    delete = \"1s\"\n  }"))
		var ids []int64
		env.Test(t, resource.TestCase{
			CheckDestroy: resource.ComposeTestCheckFunc(
				onlySeedLeft(env),
				func(*terraform.State) error {
					if n := env.Mock.CountRequests("gigahost", "DELETE", "/bgp/"); n != 2 {
						return fmt.Errorf("%d DELETEs, want 2 (the destroy whose wait failed, and the next)", n)
					}
					return nil
				},
			),
			Steps: []resource.TestStep{
				{Config: cfg, Check: mockHolds(env, &ids, 1, false)},
				{
					PreConfig:   func() { env.Mock.Gigahost.BGP.HoldDeletions(true) },
					Config:      cfg,
					Destroy:     true,
					ExpectError: acctest.ErrorText("were marked for deletion but GET /bgp still lists them"),
				},
				{
					PreConfig: func() {
						if se, ok := env.Mock.Gigahost.BGP.Session(ids[0]); !ok || !se.Marked {
							t.Errorf("mock %v (listed %t), want %d marked", se, ok, ids[0])
						}
						env.Mock.Gigahost.BGP.ReleaseDeletionsAtNextDelete()
					},
					Config: env.ProviderConfig(),
				},
			},
		})
	})
}
