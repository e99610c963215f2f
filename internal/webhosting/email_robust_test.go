package webhosting_test

import (
	"fmt"
	"net/http"
	"regexp"
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

var mailboxListPath = fmt.Sprintf("/webhosting/%d/emails", mockapi.GigahostHostingID)

// countLists counts the mailbox-list requests of the seeded account.
func countLists(env *acctest.Env) int {
	return env.Mock.CountRequests("gigahost", http.MethodGet, mailboxListPath)
}

// manyMailboxes is n mailboxes box0..box<n-1> in the seeded account.
func manyMailboxes(n int) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_email" "many" {
  count      = %d
  hosting_id = %d
  email      = "box${count.index}"
  password   = "many-secret"
  quota      = 100
}
`, n, mockapi.GigahostHostingID)
}

// Refreshing N mailboxes of one account lists the account about once per
// operation, not N times; the list does not outlive the operation, so a
// change made in the mock between operations is still seen.
func TestAccEmailResource_refreshCostIsConstant(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const n = 20
	config := env.Config(manyMailboxes(n))
	drifted := address("box7")
	env.Test(t, resource.TestCase{
		CheckDestroy: noMailboxes(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					if got := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); got != n {
						return fmt.Errorf("the mock holds %d mailboxes, want %d", got, n)
					}
					t.Logf("creating %d mailboxes: %d list requests", n, countLists(env))
					return nil
				},
			},
			{PreConfig: env.Mock.ResetRequests, Config: config, PlanOnly: true},
			{
				// The plan above refreshed n mailboxes with one or two lists.
				PreConfig: func() {
					got := countLists(env)
					t.Logf("no-change plan of %d mailboxes: %d list requests, %d requests in all", n, got, len(env.Mock.Requests()))
					if got < 1 || got > 2 {
						t.Errorf("refreshing %d mailboxes made %d list requests, want 1 or 2", n, got)
					}
					// Drift made between operations is seen by the next one.
					env.Mock.Gigahost.Webhosting.ChangeMailbox(mockapi.GigahostHostingID, drifted, func(m *mockapi.GigahostMailbox) { m.Quota = 5 })
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: env.Mock.ResetRequests,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gigahost_webhosting_email.many[7]", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					mailboxHas(env, "box7", "many-secret", 100),
					func(*terraform.State) error {
						t.Logf("plan and apply fixing one of %d mailboxes: %d list requests", n, countLists(env))
						return nil
					},
				),
			},
			{
				// Deleted in the mock: the next plan sees it.
				PreConfig:          func() { env.Mock.Gigahost.Webhosting.DeleteMailbox(mockapi.GigahostHostingID, address("box3")) },
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// A create whose answer is lost is not sent again blindly: the provider
// lists the account, adopts the mailbox when the create took effect, and
// creates again when it did not. Either way the account holds the mailbox
// once, with the configured password, and it is the one in state.
func TestAccEmailResource_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	for _, fault := range []mockapi.Fault{mockapi.FaultDropAfter, mockapi.Fault500, mockapi.Fault502} {
		t.Run(string(fault), func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.Mock.FailNext("gigahost", http.MethodPost, mailboxListPath, fault, 1)
			env.Test(t, resource.TestCase{
				CheckDestroy: noMailboxes(env),
				Steps: []resource.TestStep{{
					Config: env.Config(emailConfig("lost", `  password = "lost-secret"
  quota    = 64`)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%s", mockapi.GigahostHostingID, address("lost")))),
						statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(64)),
					},
					Check: resource.ComposeTestCheckFunc(
						mailboxHas(env, "lost", "lost-secret", 64),
						func(*terraform.State) error {
							if got := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); got != 1 {
								return fmt.Errorf("the mock holds %d mailboxes, want 1", got)
							}
							// Creates that reached the handler: one.
							created := 0
							for _, r := range env.Mock.Requests() {
								if r.Method == http.MethodPost && (r.Fault == "" || r.Fault == mockapi.FaultDropAfter) {
									created++
								}
							}
							if created != 1 {
								return fmt.Errorf("%d creates reached the mock, want 1", created)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// A mailbox that existed before a create whose answer was lost is not
// adopted: it is not this create's, and the retry meets the API's refusal.
func TestAccEmailResource_lostCreateAnswerExisting(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigahost.Webhosting.AddMailbox(mockapi.GigahostHostingID, "taken", "someone-elses", 10)
	env.Mock.FailNext("gigahost", http.MethodPost, mailboxListPath, mockapi.Fault500, 1)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.Config(emailConfig("taken", `  password = "my-own-secret"`)),
			ExpectError: regexp.MustCompile(`(?s)already exists`),
		}},
	})
	if mb, _ := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, address("taken")); mb.Password != "someone-elses" || mb.Quota != 10 {
		t.Errorf("the existing mailbox was changed: %+v", mb)
	}
}

// A create that succeeds but cannot be read back leaves the mailbox in
// state (tainted), not orphaned: the next apply replaces it, and the
// account never holds it twice.
func TestAccEmailResource_readBackFails(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// Once the create has taken effect, enough 500s on the list to outlast
	// the transport's retries (max_retries = 8).
	env.Mock.AfterNext("gigahost", http.MethodPost, mailboxListPath, func() {
		env.Mock.FailNext("gigahost", http.MethodGet, mailboxListPath, mockapi.Fault500, 9)
	})
	config := env.Config(emailConfig("readback", `  password = "readback-secret"`))
	env.Test(t, resource.TestCase{
		CheckDestroy: noMailboxes(env),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)created but cannot be read back.*HTTP 500`),
			},
			{
				// In state as tainted: replaced, not created a second time.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("readback"))),
				},
				Check: resource.ComposeTestCheckFunc(
					mailboxHas(env, "readback", "readback-secret", 0),
					func(*terraform.State) error {
						if got := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); got != 1 {
							return fmt.Errorf("the mock holds %d mailboxes, want 1", got)
						}
						return nil
					},
				),
			},
		},
	})
}
