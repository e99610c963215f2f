package vm_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

func TestAccLocationsDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "gigas_locations" "all" {}
data "gigas_locations" "spain" { label_regex = "(?i)^spain$" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gigas_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.gigas_locations.spain", tfjsonpath.New("locations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact("226661012"), "label": knownvalue.StringExact("Spain")}),
				})),
			},
		}},
	})
}

// The templates of the quickstart's list, filtered by operating system,
// distribution and label.
func TestAccTemplatesDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "gigas_templates" "all" {}
data "gigas_templates" "debian7" {
  operating_system        = "LINUX"
  operating_system_distro = "ubuntu"
  label_regex             = "^Debian 7"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gigas_templates.all", tfjsonpath.New("templates"), knownvalue.ListSizeExact(5)),
				statecheck.ExpectKnownValue("data.gigas_templates.debian7", tfjsonpath.New("templates"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("2266610116"), "label": knownvalue.StringExact("Debian 7 x64 (Linux)"),
						"operating_system": knownvalue.StringExact("linux"), "operating_system_distro": knownvalue.StringExact("ubuntu"),
						"min_disk_size": knownvalue.Int64Exact(5), "min_memory_size": knownvalue.Int64Exact(0),
					}),
				})),
			},
		}},
	})
}
