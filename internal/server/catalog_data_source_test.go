package server_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

func TestAccCatalogAndOperatingSystemsDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	count := func(addr, attr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.ListSizeExact(n))
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "gigahost_catalog" "all" {}
data "gigahost_catalog" "oslo" { region = "osl" }
data "gigahost_catalog" "vps_stock_hourly" {
  type     = "vm"
  in_stock = true
  hourly   = true
}
data "gigahost_catalog" "not_hourly" { hourly = false }
data "gigahost_catalog" "one" {
  name      = "kvm performance vps 4gb"
  region_id = 1
}
data "gigahost_operating_systems" "all" {}
data "gigahost_operating_systems" "debian" { distribution = "Debian" }
data "gigahost_operating_systems" "noble" { name_regex = "24\\.04" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				count("data.gigahost_catalog.all", "products", 5),
				count("data.gigahost_catalog.all", "regions", 2),
				count("data.gigahost_catalog.oslo", "products", 2),
				count("data.gigahost_catalog.oslo", "regions", 1),
				count("data.gigahost_catalog.vps_stock_hourly", "products", 2),
				count("data.gigahost_catalog.not_hourly", "products", 1),
				statecheck.ExpectKnownValue("data.gigahost_catalog.one", tfjsonpath.New("products"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"product_id": knownvalue.Int64Exact(7951), "price_id": knownvalue.Int64Exact(4042), "in_stock": knownvalue.Bool(true),
						"allow_hourly": knownvalue.Bool(true), "memory_gb": knownvalue.Int64Exact(4), "tier": knownvalue.StringExact("KVM Performance"),
						"region_ids": knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2)}),
					}),
				})),
				statecheck.ExpectKnownValue("data.gigahost_catalog.one", tfjsonpath.New("regions").AtSliceIndex(0).AtMapKey("region_id"), knownvalue.Int64Exact(1)),
				count("data.gigahost_operating_systems.all", "operating_systems", 5),
				count("data.gigahost_operating_systems.debian", "operating_systems", 2),
				count("data.gigahost_operating_systems.debian", "distributions", 1),
				statecheck.ExpectKnownValue("data.gigahost_operating_systems.noble", tfjsonpath.New("operating_systems").AtSliceIndex(0).AtMapKey("os_id"), knownvalue.Int64Exact(102)),
			},
		}},
	})
}
