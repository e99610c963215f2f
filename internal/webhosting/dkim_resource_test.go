package webhosting_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const dkimAddr = "gigahost_webhosting_dkim.test"

var dkimPath = fmt.Sprintf("/webhosting/%d/email-dkim", mockapi.GigahostHostingID)

func dkimConfig(hostingID int64) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_dkim" "test" {
  hosting_id = %d
}
`, hostingID)
}

// dkimIs checks the mock's setting and the DKIM TXT record the API writes
// in the zone of the seeded account's domain.
func dkimIs(env *acctest.Env, on bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := env.Mock.Gigahost.Webhosting.DKIM(mockapi.GigahostHostingID); got != on {
			return fmt.Errorf("DKIM is %t in the mock, want %t", got, on)
		}
		records := 0
		for _, r := range env.Mock.Gigahost.DNS.Records(mockapi.SeedZoneID) {
			if r.Type == "TXT" && strings.HasSuffix(r.Name, "_domainkey") {
				records++
			}
		}
		if want := map[bool]int{true: 1, false: 0}[on]; records != want {
			return fmt.Errorf("%d DKIM records in the zone, want %d", records, want)
		}
		return nil
	}
}

func TestAccDKIMResource_lifecycle(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltDKIMObject, func(t *testing.T, env *acctest.Env) {
		withKey := env.Mock.Alt(mockapi.AltDKIMObject) == "with-key"
		var keyCheck knownvalue.Check = knownvalue.Null()
		if withKey {
			keyCheck = knownvalue.StringRegexp(regexp.MustCompile(`^v=DKIM1; k=rsa; p=`))
		}
		env.Test(t, resource.TestCase{
			CheckDestroy: dkimIs(env, false),
			Steps: []resource.TestStep{
				{
					Config: env.Config(dkimConfig(mockapi.GigahostHostingID)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(dkimAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(mockapi.GigahostHostingID))),
						statecheck.ExpectKnownValue(dkimAddr, tfjsonpath.New("dns_record_value"), keyCheck),
					},
					Check: dkimIs(env, true),
				},
				{ResourceName: dkimAddr, ImportState: true, ImportStateVerify: true},
				{
					// Turned off outside Terraform: the plan turns it on again.
					PreConfig: func() { env.Mock.Gigahost.Webhosting.SetDKIM(mockapi.GigahostHostingID, false) },
					Config:    env.Config(dkimConfig(mockapi.GigahostHostingID)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(dkimAddr, plancheck.ResourceActionCreate),
					}},
					Check: dkimIs(env, true),
				},
				{
					// A PUT the API acknowledges without acting is caught by the read back.
					PreConfig:   func() { env.Mock.FailNext("gigahost", http.MethodPut, dkimPath, mockapi.FaultAck, 1) },
					Config:      env.Config(dkimConfig(mockapi.GigahostHostingID)),
					Destroy:     true,
					ExpectError: regexp.MustCompile(`still on`),
				},
			},
		})
	})
}

func TestAccDKIMResource_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(dkimConfig(0)), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)hosting_id.*at least 1`)},
		{Config: env.Config(dkimConfig(mockapi.GigahostHostingID)), ResourceName: dkimAddr, ImportState: true, ImportStateId: "example.no",
			ExpectError: regexp.MustCompile(`want the hosting account id`)},
	}})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("bad input reached the API: %d requests", n)
	}
}
