package webhosting_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The data source lists the account's mailboxes (one made outside
// Terraform, one by a resource in the same configuration) with one list
// request shared with the resource; bad input is refused with no request;
// a list the API keeps refusing is an error, not an empty list.
func TestAccEmailsDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigahost.Webhosting.AddMailbox(mockapi.GigahostHostingID, "outside", "made-elsewhere", 0)
	const ds = "data.gigahost_webhosting_emails.all"
	config := func(hostingID int) string {
		return env.Config(emailConfig("listed", `  password = "listed-secret"
  quota    = 200`) + fmt.Sprintf(`
data "gigahost_webhosting_emails" "all" {
  hosting_id = %d
  depends_on = [gigahost_webhosting_email.test]
}
`, hostingID))
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config(0), PlanOnly: true, ExpectError: regexp.MustCompile(`hosting_id value must be at least 1`)},
			{
				PreConfig: func() {
					if n := len(env.Mock.Requests()); n != 0 {
						t.Errorf("bad input reached the API: %d requests", n)
					}
				},
				Config: config(mockapi.GigahostHostingID),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("addresses"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(address("listed")), knownvalue.StringExact(address("outside")),
					})),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("emails").AtSliceIndex(0).AtMapKey("quota"), knownvalue.Int64Exact(200)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("emails").AtSliceIndex(1).AtMapKey("email"), knownvalue.StringExact("outside")),
					stateHasNo{"made-elsewhere"},
				},
			},
			{
				// The other account's list fails past the retries (max_retries = 8).
				PreConfig: func() {
					env.Mock.FailNext("gigahost", http.MethodGet, fmt.Sprintf("/webhosting/%d/emails", mockapi.GigahostOtherHostingID), mockapi.Fault500, 9)
				},
				Config:      config(mockapi.GigahostOtherHostingID),
				ExpectError: regexp.MustCompile(`(?s)Cannot list the e-mail accounts of hosting account 1240.*HTTP 500`),
			},
		},
	})
}
