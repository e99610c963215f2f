package server_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// The ISOs the mock holds (the docs' example and two uploads), all of them
// and filtered by name, through the documentation's example.
func TestAccISOsDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	bookworm := env.Mock.Gigahost.Servers.AddISO("debian-12.5-netinst.iso", 658505728)
	alpine := env.Mock.Gigahost.Servers.AddISO("alpine-virt-3.20.iso", 62914560)
	example := acctest.Example(t, "../../examples/data-sources/gigahost_isos/data-source.tf")
	iso := func(id int64, name string, size int64) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"iso_id": knownvalue.Int64Exact(id), "name": knownvalue.StringExact(name), "size": knownvalue.Int64Exact(size),
		})
	}
	seed := iso(42, "debian-12.iso", 650000000)
	const all, debian = "data.gigahost_isos.all", "data.gigahost_isos.debian"
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(example + `
data "gigahost_isos" "all" {}

data "gigahost_isos" "alpine" {
  name = "alpine-virt-3.20.iso"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(all, tfjsonpath.New("isos"), knownvalue.ListExact([]knownvalue.Check{
				seed, iso(bookworm, "debian-12.5-netinst.iso", 658505728), iso(alpine, "alpine-virt-3.20.iso", 62914560),
			})),
			statecheck.ExpectKnownValue(debian, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.Int64Exact(42), knownvalue.Int64Exact(bookworm),
			})),
			statecheck.ExpectKnownValue("data.gigahost_isos.alpine", tfjsonpath.New("isos"), knownvalue.ListExact([]knownvalue.Check{
				iso(alpine, "alpine-virt-3.20.iso", 62914560),
			})),
			statecheck.ExpectKnownValue("data.gigahost_isos.alpine", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(alpine)})),
		},
	}}})
}
