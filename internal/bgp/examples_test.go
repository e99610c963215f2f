package bgp_test

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccExamplesBGP applies this package's documentation examples against
// the mock, and the import block of the seeded session.
func TestAccExamplesBGP(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var steps []resource.TestStep
	for _, file := range []string{
		"../../examples/data-sources/gigahost_bgp/data-source.tf",
		"../../examples/resources/gigahost_bgp_session/resource.tf",
		"../../examples/resources/gigahost_bgp_session/import-by-string-id.tf",
	} {
		hcl, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		steps = append(steps, resource.TestStep{Config: env.Config(string(hcl))})
	}
	env.Test(t, resource.TestCase{Steps: steps})
}
