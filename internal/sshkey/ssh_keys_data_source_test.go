package sshkey_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const keysAddr = "data.gigahost_ssh_keys.test"

func keysConfig(filter string) string {
	return fmt.Sprintf("\ndata \"gigahost_ssh_keys\" \"test\" {\n%s\n}\n", filter)
}

// keyObject is the expected value of one entry of keys.
func keyObject(id int64, name, data, fingerprint string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id":          knownvalue.StringExact(fmt.Sprint(id)),
		"key_id":      knownvalue.Int64Exact(id),
		"name":        knownvalue.StringExact(name),
		"public_key":  knownvalue.StringExact(data),
		"fingerprint": knownvalue.StringExact(fingerprint),
		"created_at":  knownvalue.NotNull(),
	})
}

func TestAccKeysDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// Added in the control panel, so to speak: one more laptop key and another.
	laptop2 := env.Mock.Gigahost.SSHKeys.Add("laptop-2", keyCI)
	other := env.Mock.Gigahost.SSHKeys.Add("build server", keyDeploy)
	seed := keyObject(mockapi.GigahostSeedSSHKeyID, mockapi.GigahostSeedSSHKeyName, mockapi.GigahostSeedSSHKeyData, seedKeyPrint)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				// First: the post-test destroy uses the last step's configuration.
				PreConfig:   env.Mock.ResetRequests,
				Config:      env.Config(keysConfig(`  name_regex = "("`)),
				PlanOnly:    true,
				ExpectError: acctest.ErrorText("Invalid regular expression", "name_regex is not a valid regular expression"),
			},
			{
				PreConfig: func() {
					if n := env.Mock.CountRequests("gigahost", "", "/account"); n != 0 {
						t.Errorf("a bad name_regex reached the API: %d requests", n)
					}
				},
				Config: env.Config(keysConfig("")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.Int64Exact(mockapi.GigahostSeedSSHKeyID), knownvalue.Int64Exact(laptop2), knownvalue.Int64Exact(other),
					})),
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("keys"), knownvalue.ListExact([]knownvalue.Check{
						seed, keyObject(laptop2, "laptop-2", keyCI, keyCIPrint), keyObject(other, "build server", keyDeploy, keyDeployPrint),
					})),
				},
			},
			{
				Config: env.Config(keysConfig(`  name_regex = "^laptop"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.Int64Exact(mockapi.GigahostSeedSSHKeyID), knownvalue.Int64Exact(laptop2),
					})),
				},
			},
			{
				Config: env.Config(keysConfig(`  name = "build server"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("keys"), knownvalue.ListExact([]knownvalue.Check{
						keyObject(other, "build server", keyDeploy, keyDeployPrint),
					})),
				},
			},
			{
				// Both filters: a key must match both. None does: empty lists, no error.
				Config: env.Config(keysConfig(`  name       = "build server"
  name_regex = "^laptop"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(keysAddr, tfjsonpath.New("keys"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

// The ids feed gigahost_server.ssh_key_ids: the server is deployed with them.
func TestAccKeysDataSource_feedsServer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	hcl := acctest.Example(t, "../../examples/data-sources/gigahost_ssh_keys/data-source.tf")
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(hcl),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.gigahost_ssh_keys.team", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.Int64Exact(mockapi.GigahostSeedSSHKeyID),
			})),
			statecheck.ExpectKnownValue("gigahost_server.web", tfjsonpath.New("ssh_key_ids"), knownvalue.SetSizeExact(2)),
		},
		Check: func(s *terraform.State) error {
			ci := s.RootModule().Resources["gigahost_ssh_key.ci"].Primary.ID
			servers := env.Mock.Gigahost.Servers.List()
			if len(servers) != 1 {
				return fmt.Errorf("%d servers in the mock, want 1", len(servers))
			}
			if got := fmt.Sprint(slices.Sorted(slices.Values(servers[0].SSHKeyIDs))); got != fmt.Sprintf("[%d %s]", mockapi.GigahostSeedSSHKeyID, ci) {
				return fmt.Errorf("server deployed with keys %s, want the seeded one and %s", got, ci)
			}
			return nil
		},
	}}})
}
