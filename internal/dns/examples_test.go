package dns_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccExamplesDNSSEC applies the documentation examples of DNSSEC,
// external DS records, reverse zones and the zone and record lists against
// the mock (the seeded registered zone example.no).
func TestAccExamplesDNSSEC(t *testing.T) {
	t.Parallel()
	for _, file := range []string{
		"../../examples/resources/gigahost_dns_dnssec/resource.tf",
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: env.Config(acctest.Example(t, file))}}})
		})
	}
}
