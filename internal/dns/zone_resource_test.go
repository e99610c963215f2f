package dns_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

func TestAccZone_createImportDelete(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const zone = "zone-test.example"
	exists := func(*terraform.State) error {
		if env.Mock.Gigahost.DNS.ZoneID(zone) == 0 {
			return fmt.Errorf("zone %s is not in the mock", zone)
		}
		return nil
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: env.Config(`resource "gigahost_dns_zone" "z" { name = "Zone-Test.example." }`),
			Check:  exists,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("gigahost_dns_zone.z", tfjsonpath.New("name"), knownvalue.StringExact("Zone-Test.example.")),
				statecheck.ExpectKnownValue("gigahost_dns_zone.z", tfjsonpath.New("type"), knownvalue.StringExact("NATIVE")),
				statecheck.ExpectKnownValue("gigahost_dns_zone.z", tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
					if v != strconv.FormatInt(env.Mock.Gigahost.DNS.ZoneID(zone), 10) {
						return fmt.Errorf("id %s is not the mock's id %d", v, env.Mock.Gigahost.DNS.ZoneID(zone))
					}
					return nil
				})),
			},
		}, {
			// Import by id.
			ResourceName: "gigahost_dns_zone.z", ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"name"}, // the configuration's spelling
		}, {
			// Import by name.
			ResourceName: "gigahost_dns_zone.z", ImportState: true, ImportStateVerify: true, ImportStateId: zone,
			ImportStateVerifyIgnore: []string{"name"},
		}, {
			// Deleted outside Terraform: re-created.
			PreConfig: func() { env.Mock.Gigahost.DNS.DeleteZone(env.Mock.Gigahost.DNS.ZoneID(zone)) },
			Config:    env.Config(`resource "gigahost_dns_zone" "z" { name = "zone-test.example" }`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("gigahost_dns_zone.z", plancheck.ResourceActionCreate),
			}},
			Check: exists,
		}, {
			// A new type replaces the zone.
			Config: env.Config(`resource "gigahost_dns_zone" "z" {
  name = "zone-test.example"
  type = "MASTER"
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("gigahost_dns_zone.z", plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: exists,
		}},
	})
}

func TestAccZoneDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "gigahost_dns_zone" "by_name" { name = "example.no" }
data "gigahost_dns_zone" "by_id" { id = "123" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_name", tfjsonpath.New("id"), knownvalue.StringExact("123")),
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_name", tfjsonpath.New("record_count"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_name", tfjsonpath.New("type"), knownvalue.StringExact("NATIVE")),
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_name", tfjsonpath.New("protected"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_id", tfjsonpath.New("name"), knownvalue.StringExact("example.no")),
				statecheck.ExpectKnownValue("data.gigahost_dns_zone.by_id", tfjsonpath.New("record_count"), knownvalue.Int64Exact(3)),
			},
		}},
	})
}

// A zone imported by name into a configuration that spells the name another
// way plans no change: a replacement would delete every record in the zone.
func TestAccZone_importedBySpelledNameKeepsZone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	id := env.Mock.Gigahost.DNS.AddZone("imported.example")
	if err := env.Mock.Gigahost.DNS.AddRecord(id, "www", "A", "192.0.2.4", 300, nil); err != nil {
		t.Fatal(err)
	}
	cfg := env.Config(`resource "gigahost_dns_zone" "z" { name = "Imported.Example." }`)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: cfg, ResourceName: "gigahost_dns_zone.z", ImportState: true, ImportStateId: "imported.example", ImportStatePersist: true,
	}, {
		Config:           cfg,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		Check: func(*terraform.State) error {
			if got := env.Mock.Gigahost.DNS.ZoneID("imported.example"); got != id || len(env.Mock.Gigahost.DNS.Records(id)) != 1 {
				return fmt.Errorf("zone %d (want %d) with records %+v", got, id, env.Mock.Gigahost.DNS.Records(id))
			}
			return nil
		},
	}, {
		// Another name is another zone.
		Config: env.Config(`resource "gigahost_dns_zone" "z" { name = "imported2.example" }`),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction("gigahost_dns_zone.z", plancheck.ResourceActionDestroyBeforeCreate),
		}},
	}}})
}
