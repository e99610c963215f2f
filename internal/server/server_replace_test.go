package server_test

import (
	"fmt"
	"slices"
	"strconv"
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

// bareServerHCL is a server without hostname and ssh_key_ids, with extra
// arguments.
func bareServerHCL(extra string) string {
	return fmt.Sprintf(`
resource "gigahost_server" "test" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
%s
}
`, extra)
}

func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}}
}

// replacedBy checks that the server *old was cancelled and that the server
// now in state is a new, live one passing check; *old becomes the new id.
func replacedBy(env *acctest.Env, old *int64, check func(mockapi.GigahostServer) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if srv, ok := env.Mock.Gigahost.Servers.Get(*old); !ok || !srv.Cancelled {
			return fmt.Errorf("replaced server %d not cancelled: %+v", *old, srv)
		}
		var id int64
		if err := captureID(&id)(s); err != nil {
			return err
		}
		srv, ok := env.Mock.Gigahost.Servers.Get(id)
		if id == *old || !ok || srv.Cancelled {
			return fmt.Errorf("no new live server (old %d, new %d): %+v", *old, id, srv)
		}
		if err := check(srv); err != nil {
			return fmt.Errorf("new server %d: %w", id, err)
		}
		*old = id
		return nil
	}
}

// sameServer checks that the server *id is still the one in state and live.
func sameServer(env *acctest.Env, id *int64, check func(mockapi.GigahostServer) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var now int64
		if err := captureID(&now)(s); err != nil {
			return err
		}
		srv, ok := env.Mock.Gigahost.Servers.Get(now)
		if now != *id || !ok || srv.Cancelled {
			return fmt.Errorf("server %d replaced by %d: %+v", *id, now, srv)
		}
		return check(srv)
	}
}

// SSH keys are authorised at deploy only: adding keys to a server deployed
// without them (or removing them) must replace it, or the state would claim
// keys the server does not have.
func TestAccServer_sshKeysChangeReplaces(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	keys := func(want ...int64) func(mockapi.GigahostServer) error {
		return func(srv mockapi.GigahostServer) error {
			if !slices.Equal(srv.SSHKeyIDs, want) {
				return fmt.Errorf("ssh keys %v, want %v", srv.SSHKeyIDs, want)
			}
			return nil
		}
	}
	withKeys := env.Config(bareServerHCL(`  ssh_key_ids = [` + strconv.Itoa(mockapi.GigahostSeedSSHKeyID) + `]`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: env.Config(bareServerHCL(``)), Check: captureID(&id)},
			{
				Config:           withKeys,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            replacedBy(env, &id, keys(mockapi.GigahostSeedSSHKeyID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ssh_key_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(mockapi.GigahostSeedSSHKeyID)})),
					// With keys, the API shows no root password.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("root_password"), knownvalue.Null()),
				},
			},
			// An unchanged configuration plans nothing.
			{Config: withKeys, PlanOnly: true},
			{
				// Removing the keys replaces the server too.
				Config:           env.Config(bareServerHCL(``)),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            replacedBy(env, &id, keys()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ssh_key_ids"), knownvalue.Null()),
				},
			},
			{
				// An empty set is no keys, as unset: recorded in place.
				Config:           env.Config(bareServerHCL(`  ssh_key_ids = []`)),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check:            sameServer(env, &id, keys()),
			},
			{Config: env.Config(bareServerHCL(`  ssh_key_ids = []`)), PlanOnly: true},
		},
	})
}

// The hostname is requested at deploy only: setting it on a server deployed
// without one, or removing it, replaces the server. Unset rescue and
// rescue = false are the same and change nothing; an explicit price_id equal
// to the catalog's is no change either, while another price replaces.
func TestAccServer_hostnameChangeReplaces(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	hostname := func(want string) func(mockapi.GigahostServer) error {
		return func(srv mockapi.GigahostServer) error {
			if srv.Hostname != want {
				return fmt.Errorf("hostname %q, want %q", srv.Hostname, want)
			}
			return nil
		}
	}
	withHostname := env.Config(bareServerHCL(`  hostname = "web-2.example.no"`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: env.Config(bareServerHCL(``)), Check: captureID(&id)},
			// The catalog's price spelled out is the price in state: no change.
			{Config: env.Config(bareServerHCL(`  price_id = 4042`)), PlanOnly: true},
			{
				Config:           withHostname,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            replacedBy(env, &id, hostname("web-2.example.no")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("hostname"), knownvalue.StringExact("web-2.example.no")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("price_id"), knownvalue.Int64Exact(4042)),
				},
			},
			// An unchanged configuration plans nothing.
			{Config: withHostname, PlanOnly: true},
			{
				// Another price replaces the server (planned only).
				Config: env.Config(bareServerHCL(`  hostname = "web-2.example.no"
  price_id = 4043`)),
				PlanOnly: true, ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
			{
				// Unset rescue and rescue = false are the same: recorded in place.
				Config: env.Config(bareServerHCL(`  hostname = "web-2.example.no"
  rescue   = false`)),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check:            sameServer(env, &id, hostname("web-2.example.no")),
			},
			{
				// Removing the hostname replaces the server too (rescue = false
				// to unset alone would not).
				Config:           env.Config(bareServerHCL(``)),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            replacedBy(env, &id, hostname("")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("hostname"), knownvalue.Null()),
				},
			},
			{Config: env.Config(bareServerHCL(`  rescue = false`)), ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check: sameServer(env, &id, hostname(""))},
			{Config: env.Config(bareServerHCL(``)), ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check: sameServer(env, &id, hostname(""))},
		},
	})
}

// After an import the API cannot tell the keys: a configured ssh_key_ids is
// adopted in place by the first update, and replaces the server from then on.
func TestAccServer_importAdoptsSSHKeys(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id int64
	unchanged := func(mockapi.GigahostServer) error { return nil }
	withKeys := env.Config(bareServerHCL(`  ssh_key_ids = [` + strconv.Itoa(mockapi.GigahostSeedSSHKeyID) + `]`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noLiveServers(env),
		Steps: []resource.TestStep{
			{Config: env.Config(bareServerHCL(``)), Check: captureID(&id)},
			{Config: env.Config(`
removed {
  from = gigahost_server.test
  lifecycle {
    destroy = false
  }
}`)},
			{Config: withKeys, ResourceName: addr, ImportState: true, ImportStatePersist: true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return strconv.FormatInt(id, 10), nil }},
			{
				Config:           withKeys,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				Check:            sameServer(env, &id, unchanged),
			},
			{Config: withKeys, PlanOnly: true},
			{
				// Adopted: a change now replaces the server.
				Config:           env.Config(bareServerHCL(``)),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            replacedBy(env, &id, unchanged),
			},
		},
	})
}
