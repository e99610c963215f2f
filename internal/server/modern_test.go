package server_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// Terraform 1.14: a server, a reverse DNS name and a snapshot imported by
// their identities, and the account's servers found by `terraform query`
// (make test-modern).
func TestAccModernServer_identityAndQuery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	other := newRDNSServer(env, "")
	config := env.Config(serverHCL(`  os_id = 102`) + rdnsHCL(other, "mail.example.no", "") + snapshotHCL(other.id, "before-upgrade"))
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: config},
			acctest.ImportByIdentity(addr),
			acctest.ImportByIdentity(rdnsV4),
			acctest.ImportByIdentity(snapAddr),
			{
				Query: true,
				Config: `
list "gigahost_server" "all" {
  provider         = gigahost
  include_resource = true
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLengthAtLeast("gigahost_server.all", 2),
					querycheck.ExpectIdentity("gigahost_server.all", map[string]knownvalue.Check{"server_id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))}),
					querycheck.ExpectResourceKnownValues("gigahost_server.all", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"server_id": knownvalue.StringExact(strconv.FormatInt(other.id, 10)),
					}), []querycheck.KnownValueCheck{{Path: tfjsonpath.New("product_id"), KnownValue: knownvalue.Int64Exact(7951)}}),
				},
			},
		},
	})
}
