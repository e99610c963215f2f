package webhosting_test

import (
	"context"
	"encoding/json"
	"fmt"
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

const emailAddr = "gigahost_webhosting_email.test"

// emailConfig is a mailbox in the seeded hosting account; extra holds the
// password and quota lines.
func emailConfig(local, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_email" "test" {
  hosting_id = %d
  email      = %q
%s
}
`, mockapi.GigahostHostingID, local, extra)
}

func address(local string) string { return local + "@" + mockapi.GigahostHostingDomain }

// mailboxHas checks the mock's own record of a mailbox.
func mailboxHas(env *acctest.Env, local, password string, quota int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		mb, ok := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, address(local))
		switch {
		case !ok:
			return fmt.Errorf("mailbox %s does not exist in the mock", address(local))
		case mb.Password != password:
			return fmt.Errorf("mailbox %s has another password in the mock", address(local))
		case mb.Quota != quota:
			return fmt.Errorf("mailbox %s has quota %d in the mock, want %d", address(local), mb.Quota, quota)
		}
		return nil
	}
}

func noMailboxes(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); n != 0 {
			return fmt.Errorf("%d mailboxes are left in the mock", n)
		}
		return nil
	}
}

// stateHasNo fails when secret appears anywhere in the state Terraform
// reports, every attribute of every resource included.
type stateHasNo struct{ secret string }

func (c stateHasNo) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(raw), c.secret) {
		resp.Error = fmt.Errorf("the state holds the write-only password")
	}
}

func TestAccEmailResource_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		CheckDestroy: noMailboxes(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(emailConfig("info", `  password = "first-secret"
  quota    = 100`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%s", mockapi.GigahostHostingID, address("info")))),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("info"))),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("password"), knownvalue.StringExact("first-secret")),
				},
				Check: mailboxHas(env, "info", "first-secret", 100),
			},
			{
				// Quota: in place.
				Config: env.Config(emailConfig("info", `  password = "first-secret"
  quota    = 0`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(0)),
				},
				Check: mailboxHas(env, "info", "first-secret", 0),
			},
			{
				// Password: in place through the password endpoint, and the
				// plan shows it only as a sensitive value.
				PreConfig: env.Mock.ResetRequests,
				Config: env.Config(emailConfig("info", `  password = "second-secret"
  quota    = 0`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(emailAddr, tfjsonpath.New("password")),
				}},
				Check: resource.ComposeTestCheckFunc(
					mailboxHas(env, "info", "second-secret", 0),
					func(*terraform.State) error {
						path := fmt.Sprintf("/webhosting/%d/emails/%s/password", mockapi.GigahostHostingID, address("info"))
						if n := env.Mock.CountRequests("gigahost", "PUT", path); n != 1 {
							return fmt.Errorf("%d PUT %s, want 1", n, path)
						}
						if n := env.Mock.CountRequests("gigahost", "POST", "/webhosting"); n != 0 {
							return fmt.Errorf("a password change re-created the mailbox (%d POST)", n)
						}
						return nil
					},
				),
			},
			{
				ResourceName:            emailAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password"},
			},
			{
				// The local part: a new mailbox.
				Config: env.Config(emailConfig("post", `  password = "second-secret"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(address("post"))),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(0)),
				},
				Check: resource.ComposeTestCheckFunc(
					mailboxHas(env, "post", "second-secret", 0),
					func(*terraform.State) error {
						if _, ok := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, address("info")); ok {
							return fmt.Errorf("the old mailbox is still in the mock")
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccEmailResource_writeOnlyPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	wo := func(password string, version int) string {
		return env.Config(emailConfig("wo", fmt.Sprintf(`  password_wo         = %q
  password_wo_version = %d`, password, version)))
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: noMailboxes(env),
		Steps: []resource.TestStep{
			{
				Config: wo("write-only-1", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
					stateHasNo{"write-only-1"},
				},
				Check: resource.ComposeTestCheckFunc(
					mailboxHas(env, "wo", "write-only-1", 0),
					// The raw (flatmap) state: no attribute holds the password.
					func(s *terraform.State) error {
						for k, v := range s.RootModule().Resources[emailAddr].Primary.Attributes {
							if strings.Contains(v, "write-only-1") {
								return fmt.Errorf("state attribute %s holds the write-only password", k)
							}
						}
						return nil
					},
				),
			},
			{
				// A new value alone is invisible to Terraform: nothing is sent.
				Config: wo("write-only-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: mailboxHas(env, "wo", "write-only-1", 0),
			},
			{
				// A new version sends it.
				Config: wo("write-only-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateHasNo{"write-only-2"}},
				Check:             mailboxHas(env, "wo", "write-only-2", 0),
			},
			{
				ResourceName:            emailAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo", "password_wo_version"},
			},
			{
				// Moving from password_wo to password sets the new password.
				Config: env.Config(emailConfig("wo", `  password = "plain-again"`)),
				Check:  mailboxHas(env, "wo", "plain-again", 0),
			},
			{
				// And back: the write-only password is sent although no version is set.
				Config: env.Config(emailConfig("wo", `  password_wo = "write-only-3"`)),
				Check:  mailboxHas(env, "wo", "write-only-3", 0),
			},
		},
	})
}

// TestAccEmailResource_importWriteOnly imports an existing mailbox with an
// import block: with password_wo and no version, the plan is clean and no
// password is sent.
func TestAccEmailResource_importWriteOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	addr, _ := env.Mock.Gigahost.Webhosting.AddMailbox(mockapi.GigahostHostingID, "existing", "set-elsewhere", 250)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
import {
  to = gigahost_webhosting_email.test
  id = "%d/%s"
}
`, mockapi.GigahostHostingID, addr) + emailConfig("existing", `  password_wo = "never-sent"
  quota       = 250`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("address"), knownvalue.StringExact(addr)),
				statecheck.ExpectKnownValue(emailAddr, tfjsonpath.New("password_wo_version"), knownvalue.Null()),
			},
			Check: mailboxHas(env, "existing", "set-elsewhere", 250),
		}},
	})
}

func TestAccEmailResource_driftAndDisappearance(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := env.Config(emailConfig("drift", `  password = "drift-secret"
  quota    = 300`))
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg, Check: mailboxHas(env, "drift", "drift-secret", 300)},
			{
				// Quota changed outside Terraform: the plan puts it back.
				PreConfig: func() {
					env.Mock.Gigahost.Webhosting.ChangeMailbox(mockapi.GigahostHostingID, address("drift"), func(m *mockapi.GigahostMailbox) { m.Quota = 50 })
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(emailAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(300)),
				}},
				Check: mailboxHas(env, "drift", "drift-secret", 300),
			},
			{
				// Deleted outside Terraform: the plan re-creates it.
				PreConfig: func() { env.Mock.Gigahost.Webhosting.DeleteMailbox(mockapi.GigahostHostingID, address("drift")) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(emailAddr, plancheck.ResourceActionCreate),
				}},
				Check: mailboxHas(env, "drift", "drift-secret", 300),
			},
			{
				// A refresh alone notices the deletion too.
				PreConfig:          func() { env.Mock.Gigahost.Webhosting.DeleteMailbox(mockapi.GigahostHostingID, address("drift")) },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccEmailResource_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct{ local, extra, want string }{
		{"Info", `password = "long-enough"`, `Invalid e-mail local part`},
		{"a..b", `password = "long-enough"`, `two dots`},
		{"info@example.no", `password = "long-enough"`, `Invalid e-mail local part`},
		{"-info", `password = "long-enough"`, `Invalid e-mail local part`},
		{"info", `password = "short"`, `string length must be between 6 and 128`},
		{"info", `password_wo = "short"`, `string length must be between 6 and 128`},
		{"info", "", `(?s)No attribute specified.*password`},
		{"info", `
  password    = "long-enough"
  password_wo = "long-enough"`, `(?s)2 attributes specified.*password`},
		{"info", `
  password            = "long-enough"
  password_wo_version = 1`, `(?s)password_wo_version.*password_wo`},
		{"info", `
  password = "long-enough"
  quota    = -1`, `quota value must be at least 0`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(emailConfig(c.local, c.extra)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	if n := env.Mock.CountRequests("gigahost", "", "/webhosting"); n != 0 {
		t.Errorf("bad input reached the API: %d requests", n)
	}
}

// TestAccEmailResource_permissionDenied uses API keys made in the mock: a
// read-only key and a key limited to another hosting account get a clear
// diagnostic, and nothing changes; also when the API sends its errors as
// HTTP 200 with meta.status (AltErrorStatus).
func TestAccEmailResource_permissionDenied(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltErrorStatus, testPermissionDenied)
}

func testPermissionDenied(t *testing.T, env *acctest.Env) {
	readOnly := env.Mock.Gigahost.Keys.Add("read only", map[string]mockapi.GigahostPermission{
		mockapi.CatWebhosting: {Mode: "r", All: true},
	}, 0)
	otherAccount := env.Mock.Gigahost.Keys.Add("other account", map[string]mockapi.GigahostPermission{
		mockapi.CatWebhosting: {Mode: "rw", IDs: []int64{mockapi.GigahostOtherHostingID}},
	}, 0)
	withKey := func(key string) string {
		return fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
  max_retries       = 0
}
`, env.Mock.GigahostURL(), key) + emailConfig("denied", `  password = "long-enough"`)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      withKey(readOnly),
				ExpectError: regexp.MustCompile(`(?s)HTTP 403 to POST /webhosting/1234/emails:.*read-only access to\s+webhosting.*mode "rw"`),
			},
			{
				Config: withKey(otherAccount),
				// The create first reads the account (its domain, its mailboxes).
				ExpectError: regexp.MustCompile(`(?s)HTTP 403 to (GET|POST) /webhosting/1234[/a-z]*:.*no\s+access\s+to\s+this\s+webhosting\s+object.*in ids`),
			},
		},
	})
	if n := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); n != 0 {
		t.Errorf("%d mailboxes were created by refused keys", n)
	}
}
