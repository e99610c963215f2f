package webhosting_test

import (
	"fmt"
	"net/http"
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

// TestAccEmailResource_listForms: whatever plausible form the undocumented
// mailbox list takes, a mailbox stays in the state after a refresh (never
// dropped for an unread list, which would make the next apply re-create it
// and lose its mail), its import verifies, and a mailbox deleted outside
// Terraform is still noticed.
func TestAccEmailResource_listForms(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltMailboxList, func(t *testing.T, env *acctest.Env) {
		cfg := env.Config(emailConfig("info", `  password = "first-secret"
  quota    = 100`))
		ignore := []string{"password"}
		if env.Mock.Alt(mockapi.AltMailboxList) == "addresses-only" {
			ignore = append(ignore, "quota") // not in the list: kept from the configuration, unknown to an import
		}
		env.Test(t, resource.TestCase{
			CheckDestroy: noMailboxes(env),
			Steps: []resource.TestStep{
				{
					Config: cfg,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("info"))),
						statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(100)),
					},
					Check: mailboxHas(env, "info", "first-secret", 100),
				},
				{
					// A refresh and plan: nothing to do, and no write reached the API.
					PreConfig: env.Mock.ResetRequests,
					Config:    cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionNoop),
					}},
					Check: func(*terraform.State) error {
						for _, r := range env.Mock.Requests() {
							if r.Method != http.MethodGet && r.Path != "/authenticate" {
								return fmt.Errorf("a refresh sent %s %s", r.Method, r.Path)
							}
						}
						return nil
					},
				},
				{ResourceName: emailAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ignore},
				{
					PreConfig: func() { env.Mock.Gigahost.Webhosting.DeleteMailbox(mockapi.GigahostHostingID, address("info")) },
					Config:    cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionCreate),
					}},
					Check: mailboxHas(env, "info", "first-secret", 100),
				},
			},
		})
	})
}

// TestAccEmailResource_hostingObjectForms: when the mailbox list carries
// no domain, the account's domain comes from GET /webhosting/{id}, read in
// each plausible form of that undocumented answer.
func TestAccEmailResource_hostingObjectForms(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltHostingObject, func(t *testing.T, env *acctest.Env) {
		env.Test(t, resource.TestCase{
			CheckDestroy: noMailboxes(env),
			Steps: []resource.TestStep{{
				Config: env.Config(emailConfig("info", `  password = "first-secret"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("info"))),
				},
				Check: mailboxHas(env, "info", "first-secret", 0),
			}},
		})
	}, func(o *mockapi.Options) {
		if o.Alts == nil {
			o.Alts = map[mockapi.Alt]string{}
		}
		o.Alts[mockapi.AltMailboxList] = "local-only"
	})
}

// TestAccEmailResource_errorIn200: an error the API sends as HTTP 200 with
// meta.status (here: the address exists already) fails the create with the
// API's message, and the mailbox made outside Terraform is left alone.
func TestAccEmailResource_errorIn200(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltErrorStatus, func(t *testing.T, env *acctest.Env) {
		env.Mock.Gigahost.Webhosting.AddMailbox(mockapi.GigahostHostingID, "taken", "set-elsewhere", 250)
		env.Test(t, resource.TestCase{
			Steps: []resource.TestStep{{
				Config:      env.Config(emailConfig("taken", `  password = "first-secret"`)),
				ExpectError: acctest.ErrorText("HTTP 400", "Email account already exists."),
			}},
		})
		mb, ok := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, address("taken"))
		if !ok || mb.Password != "set-elsewhere" || mb.Quota != 250 {
			t.Errorf("the existing mailbox changed: %+v, %v", mb, ok)
		}
	})
}

// TestAccEmailResource_deleteVerified: a DELETE the API acknowledges
// without deleting the mailbox does not drop it from the state.
func TestAccEmailResource_deleteVerified(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := env.Config(emailConfig("kept", `  password = "first-secret"`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noMailboxes(env),
		Steps: []resource.TestStep{
			{Config: cfg, Check: mailboxHas(env, "kept", "first-secret", 0)},
			{
				PreConfig:   func() { env.Mock.FailNext("gigahost", http.MethodDelete, "/webhosting/", mockapi.FaultAck, 1) },
				Config:      cfg,
				Destroy:     true,
				ExpectError: acctest.ErrorText("is still in the list of hosting account"),
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionNoop),
				}},
				Check: mailboxHas(env, "kept", "first-secret", 0),
			},
		},
	})
}
