package webhosting_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// setsPassword imports addr by its identity; the API never shows a
// password, so the plan sets the configured one again (as after an import
// by id).
func setsPassword(addr string) resource.TestStep {
	s := acctest.ImportByIdentity(addr)
	s.ExpectNonEmptyPlan = true
	return s
}

// Terraform 1.14: every web-hosting resource imported by its identity, and
// the account's mailboxes found by `terraform query` (make test-modern).
func TestAccModernWebhosting_identityAndQuery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(emailConfig("info", `  password = "mailbox-secret-1"`) +
		databaseConfig("shop", `  password = "db-secret-1"`) +
		forwarderConfig("sales", "post@fjordkafe.no") +
		ftpConfig("web", `  password = "ftp-secret-1"`) +
		autoresponderConfig("info", away) +
		dkimConfig(mockapi.GigahostHostingID) +
		sslConfig(apexAndWWW, ""))
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: config},
			setsPassword(emailAddr),
			setsPassword(databaseAddr),
			acctest.ImportByIdentity(forwarderAddr),
			setsPassword(ftpAddr),
			acctest.ImportByIdentity(autoresponderAddr),
			acctest.ImportByIdentity(dkimAddr),
			acctest.ImportByIdentity(sslAddr),
			{
				Query: true,
				Config: fmt.Sprintf(`
list "gigahost_webhosting_email" "all" {
  provider         = gigahost
  include_resource = true
  config {
    hosting_id = %d
  }
}
`, mockapi.GigahostHostingID),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectIdentity("gigahost_webhosting_email.all", map[string]knownvalue.Check{
						"hosting_id": knownvalue.StringExact(fmt.Sprint(mockapi.GigahostHostingID)),
						"address":    knownvalue.StringExact(address("info")),
					}),
					querycheck.ExpectResourceKnownValues("gigahost_webhosting_email.all", queryfilter.ByDisplayName(knownvalue.StringExact(address("info"))),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("info")}}),
				},
			},
		},
	})
}
