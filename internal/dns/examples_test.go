package dns_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestAccExamplesDNSSEC applies the documentation examples of DNSSEC,
// external DS records, reverse zones and the zone and record lists against
// the mock (the seeded registered zone example.no, moved to external name
// servers where the example needs it).
func TestAccExamplesDNSSEC(t *testing.T) {
	t.Parallel()
	for file, external := range map[string]bool{
		"../../examples/resources/gigahost_dns_dnssec/resource.tf":        false,
		"../../examples/resources/gigahost_dns_external_ds/resource.tf":   true,
		"../../examples/resources/gigahost_dns_ptr_zone/resource.tf":      false,
		"../../examples/data-sources/gigahost_dns_zones/data-source.tf":   false,
		"../../examples/data-sources/gigahost_dns_records/data-source.tf": false,
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.Mock.Gigahost.DNSSEC.SetExternal(mockapi.SeedZoneID, external)
			env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: env.Config(acctest.Example(t, file))}}})
		})
	}
}
