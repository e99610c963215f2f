package apikey_test

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

// Terraform 1.14: a key imported by its identity (its secret then unknown,
// as with an import by id), and found by `terraform query` (make
// test-modern).
func TestAccModernAPIKey_identityAndQuery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: sessionProvider(env) + keyConfig("adopt-me", `{ dns = { mode = "r" } }`, "")},
			acctest.ImportByIdentity(keyAddr, "secret"),
			{
				Query: true,
				Config: `
list "gigahost_api_key" "all" {
  provider         = gigahost
  include_resource = true
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectIdentity("gigahost_api_key.all", map[string]knownvalue.Check{"key_id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))}),
					querycheck.ExpectResourceKnownValues("gigahost_api_key.all", queryfilter.ByDisplayName(knownvalue.StringExact("adopt-me")),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("label"), KnownValue: knownvalue.StringExact("adopt-me")}}),
				},
			},
		},
	})
}
