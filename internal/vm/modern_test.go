package vm_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// Terraform 1.14: a VM and its ISO mount imported by their identities, and
// the account's VMs found by `terraform query` (make test-modern).
func TestAccModernVM_identityAndQuery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		CheckDestroy:           noVMsLeft(env.Mock),
		Steps: []resource.TestStep{
			{Config: isoConfig(env, "default", `iso_id = "100"`, "")},
			acctest.ImportByIdentity(address),
			acctest.ImportByIdentity(isoAddress),
			{
				Query: true,
				Config: `
list "gigas_virtual_machine" "all" {
  provider         = gigas
  include_resource = true
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("gigas_virtual_machine.all", 1),
					querycheck.ExpectIdentity("gigas_virtual_machine.all", map[string]knownvalue.Check{"vm_id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))}),
					querycheck.ExpectResourceKnownValues("gigas_virtual_machine.all", queryfilter.ByDisplayName(knownvalue.StringExact(testVMLabel)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("memory"), KnownValue: knownvalue.Int64Exact(1024)}}),
				},
			},
		},
	})
}
