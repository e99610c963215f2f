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
