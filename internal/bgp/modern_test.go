package bgp_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Terraform 1.12+: a BGP session imported by its identity (make test-modern).
func TestAccModernBGPSession_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: env.Config(sessionConfig(mockapi.GigahostBGPSeedIPv6ID, "ipv6", ""))},
			acctest.ImportByIdentity(sessionAddr),
		},
	})
}
