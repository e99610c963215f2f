package bgp_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccBGPDataSource applies this package's documentation examples
// against the mock: the data source (its values checked against the mock's
// state) and the import block of the seeded session. The resource's example
// is TestAccBGPSession_lifecycle's configuration.
func TestAccBGPDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	rejected := addRejectedASN(env)
	var steps []resource.TestStep
	for _, file := range []string{
		"../../examples/data-sources/gigahost_bgp/data-source.tf",
		"../../examples/resources/gigahost_bgp_session/import-by-string-id.tf",
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(acctest.Example(t, file))})
	}
	steps[0].ConfigStateChecks = bgpValues(rejected)
	env.Test(t, resource.TestCase{Steps: steps})
}
