package webhosting_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func TestAccHostingDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      env.Config(`data "gigahost_webhosting" "x" { domain = "nowhere.example" }`),
				ExpectError: regexp.MustCompile(`No web-hosting account for the domain "nowhere.example" is among the 2`),
			},
			{
				Config:      env.Config(`data "gigahost_webhosting" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)No attribute specified.*domain`),
			},
			{
				Config: env.Config(fmt.Sprintf(`
data "gigahost_webhosting" "by_domain" { domain = "EXAMPLE.no" }
data "gigahost_webhosting" "by_id" { hosting_id = %d }

resource "gigahost_webhosting_email" "test" {
  hosting_id = data.gigahost_webhosting.by_domain.hosting_id
  email      = "hello"
  password   = "from-data-source"
}
`, mockapi.GigahostOtherHostingID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_domain", tfjsonpath.New("hosting_id"), knownvalue.Int64Exact(mockapi.GigahostHostingID)),
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_domain", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(mockapi.GigahostHostingID))),
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_domain", tfjsonpath.New("domain"), knownvalue.StringExact(mockapi.GigahostHostingDomain)),
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_domain", tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_domain", tfjsonpath.New("package"), knownvalue.StringExact("Webhotell M")),
					statecheck.ExpectKnownValue("data.gigahost_webhosting.by_id", tfjsonpath.New("domain"), knownvalue.StringExact(mockapi.GigahostOtherHostingDomain)),
					statecheck.ExpectKnownValue("gigahost_webhosting_email.test", tfjsonpath.New("address"), knownvalue.StringExact("hello@"+mockapi.GigahostHostingDomain)),
				},
			},
		},
	})
}
