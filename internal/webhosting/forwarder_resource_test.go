package webhosting_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
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

const forwarderAddr = "gigahost_webhosting_email_forwarder.test"

var forwarderListPath = fmt.Sprintf("/webhosting/%d/email-forwarders", mockapi.GigahostHostingID)

// forwarderConfig is a forwarder of the seeded account to dests.
func forwarderConfig(local string, dests ...string) string {
	quoted := make([]string, len(dests))
	for i, d := range dests {
		quoted[i] = fmt.Sprintf("%q", d)
	}
	return fmt.Sprintf(`
resource "gigahost_webhosting_email_forwarder" "test" {
  hosting_id   = %d
  email        = %q
  destinations = [%s]
}
`, mockapi.GigahostHostingID, local, strings.Join(quoted, ", "))
}

// forwarderHas checks the mock's own record of a forwarder.
func forwarderHas(env *acctest.Env, local string, dests ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := env.Mock.Gigahost.Webhosting.Forwarder(mockapi.GigahostHostingID, local)
		if !ok {
			return fmt.Errorf("forwarder %s does not exist in the mock", local)
		}
		if !slices.Equal(got, dests) {
			return fmt.Errorf("forwarder %s goes to %v in the mock, want %v", local, got, dests)
		}
		return nil
	}
}

func noForwarders(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.Gigahost.Webhosting.ForwarderCount(mockapi.GigahostHostingID); n != 0 {
			return fmt.Errorf("%d forwarders are left in the mock", n)
		}
		return nil
	}
}

// The life of a forwarder under every form of the undocumented list and of
// {user} in the paths: create (a destination in capitals, which one form
// lists in lower case, plans clean), destinations changed in place, import,
// drift, disappearance, destroy.
func TestAccForwarderResource_lifecycle(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltForwarderList, func(t *testing.T, env *acctest.Env) {
		env.Test(t, resource.TestCase{
			CheckDestroy: noForwarders(env),
			Steps: []resource.TestStep{
				{
					Config: env.Config(forwarderConfig("info", "Ola.Nordmann@Example.com", "post@fjordkafe.no")),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(forwarderAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%s", mockapi.GigahostHostingID, address("info")))),
						statecheck.ExpectKnownValue(forwarderAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("info"))),
						statecheck.ExpectKnownValue(forwarderAddr, tfjsonpath.New("destinations"), knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact("Ola.Nordmann@Example.com"), knownvalue.StringExact("post@fjordkafe.no"),
						})),
					},
					Check: forwarderHas(env, "info", "Ola.Nordmann@Example.com", "post@fjordkafe.no"),
				},
				{
					PreConfig: env.Mock.ResetRequests,
					Config:    env.Config(forwarderConfig("info", "kari@example.com")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(forwarderAddr, plancheck.ResourceActionUpdate),
					}},
					Check: resource.ComposeTestCheckFunc(
						forwarderHas(env, "info", "kari@example.com"),
						func(*terraform.State) error {
							if n := env.Mock.CountRequests("gigahost", http.MethodPost, forwarderListPath); n != 0 {
								return fmt.Errorf("a change of destinations re-created the forwarder (%d POST)", n)
							}
							return nil
						},
					),
				},
				{ResourceName: forwarderAddr, ImportState: true, ImportStateVerify: true},
				{
					// Changed outside Terraform: the plan puts it back.
					PreConfig: func() {
						env.Mock.Gigahost.Webhosting.SetForwarder(mockapi.GigahostHostingID, "info", "someone@else.no")
					},
					Config: env.Config(forwarderConfig("info", "kari@example.com")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(forwarderAddr, plancheck.ResourceActionUpdate),
					}},
					Check: forwarderHas(env, "info", "kari@example.com"),
				},
				{
					// Deleted outside Terraform: the plan re-creates it.
					PreConfig: func() { env.Mock.Gigahost.Webhosting.DeleteForwarder(mockapi.GigahostHostingID, "info") },
					Config:    env.Config(forwarderConfig("info", "kari@example.com")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(forwarderAddr, plancheck.ResourceActionCreate),
					}},
					Check: forwarderHas(env, "info", "kari@example.com"),
				},
			},
		})
	})
}

// Bad input is refused at plan time with no request to the API; then a
// create whose answer is lost after it took effect is adopted, not sent
// twice.
func TestAccForwarderResource_badInputAndLostAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var steps []resource.TestStep
	for _, c := range []struct {
		local string
		dests []string
		want  string
	}{
		{"Info", []string{"a@example.com"}, `Invalid e-mail local part`},
		{"info", nil, `destinations set must contain at least 1 elements`},
		{"info", []string{"not-an-address"}, `must be an e-mail address`},
		{"info", []string{"a@example"}, `must be an e-mail address`},
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(forwarderConfig(c.local, c.dests...)), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			if n := len(env.Mock.Requests()); n != 0 {
				t.Errorf("bad input reached the API: %d requests", n)
			}
			env.Mock.FailNext("gigahost", http.MethodPost, forwarderListPath, mockapi.FaultDropAfter, 1)
		},
		Config: env.Config(forwarderConfig("lost", "a@example.com")),
		Check: resource.ComposeTestCheckFunc(
			forwarderHas(env, "lost", "a@example.com"),
			func(*terraform.State) error {
				return createsReached(env, forwarderListPath, 1)
			},
		),
	})
	env.Test(t, resource.TestCase{CheckDestroy: noForwarders(env), Steps: steps})
}

// createsReached checks how many POSTs to path reached the mock's handler
// (answered, or taken in before a dropped answer).
func createsReached(env *acctest.Env, path string, want int) error {
	n := 0
	for _, r := range env.Mock.Requests() {
		if r.Method == http.MethodPost && r.Path == path && (r.Fault == "" || r.Fault == mockapi.FaultDropAfter) {
			n++
		}
	}
	if n != want {
		return fmt.Errorf("%d creates reached the mock, want %d (a lost answer is resolved by listing)", n, want)
	}
	return nil
}
