package sshkey_test

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// Terraform 1.14: a key imported by its identity, and found by `terraform
// query` with the seeded key (make test-modern).
func TestAccModernKey_identityAndQuery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(keyConfig("ci", strconv.Quote(keyCI)))
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: config},
			acctest.ImportByIdentity(keyAddr),
			{
				Query: true,
				Config: `
list "gigahost_ssh_key" "all" {
  provider = gigahost
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("gigahost_ssh_key.all", 2),
					querycheck.ExpectIdentity("gigahost_ssh_key.all", map[string]knownvalue.Check{"key_id": knownvalue.StringRegexp(regexpDigits)}),
				},
			},
		},
	})
}
