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

const ftpAddr = "gigahost_webhosting_ftp_account.test"

var ftpListPath = fmt.Sprintf("/webhosting/%d/ftp", mockapi.GigahostHostingID)

func ftpConfig(user, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_ftp_account" "test" {
  hosting_id = %d
  username   = %q
%s
}
`, mockapi.GigahostHostingID, user, extra)
}

// ftpHas checks the mock's own record of an FTP account.
func ftpHas(env *acctest.Env, user, password, path string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		f, ok := env.Mock.Gigahost.Webhosting.FTPAccount(mockapi.GigahostHostingID, user)
		switch {
		case !ok:
			return fmt.Errorf("FTP account %s does not exist in the mock", user)
		case f.Password != password:
			return fmt.Errorf("FTP account %s has another password in the mock", user)
		case f.Path != path:
			return fmt.Errorf("FTP account %s has path %q in the mock, want %q", user, f.Path, path)
		}
		return nil
	}
}

func noFTPAccounts(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.Gigahost.Webhosting.FTPAccountCount(mockapi.GigahostHostingID); n != 0 {
			return fmt.Errorf("%d FTP accounts are left in the mock", n)
		}
		return nil
	}
}

// The life of an FTP account under every form of the undocumented list
// (names as given or as user@domain, the folder relative, absolute or not
// shown): create, password changed in place, import, a new path replaces,
// drift of the folder (where the list shows it), disappearance, destroy.
func TestAccFTPResource_lifecycle(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltFTPList, func(t *testing.T, env *acctest.Env) {
		login := "web"
		if env.Mock.Alt(mockapi.AltFTPList) == "full-names" {
			login = "web@" + mockapi.GigahostHostingDomain
		}
		pathShown := env.Mock.Alt(mockapi.AltFTPList) != "names-only"
		steps := []resource.TestStep{
			{
				Config: env.Config(ftpConfig("web", `  password = "ftp-secret-1"
  path     = "shop"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/web", mockapi.GigahostHostingID))),
					statecheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("login"), knownvalue.StringExact(login)),
					statecheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("path"), knownvalue.StringExact("shop")),
				},
				Check: ftpHas(env, "web", "ftp-secret-1", "shop"),
			},
			{
				Config: env.Config(ftpConfig("web", `  password = "ftp-secret-2"
  path     = "shop"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionUpdate),
				}},
				Check: ftpHas(env, "web", "ftp-secret-2", "shop"),
			},
			{ResourceName: ftpAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ignoreUnlessShown(pathShown, "password")},
			{
				// The API has no update of the folder: a new path replaces the account.
				Config: env.Config(ftpConfig("web", `  password = "ftp-secret-2"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("path"), knownvalue.Null())},
				Check:             ftpHas(env, "web", "ftp-secret-2", ""),
			},
			{
				// Deleted outside Terraform: the plan re-creates it.
				PreConfig: func() { env.Mock.Gigahost.Webhosting.DeleteFTPAccount(mockapi.GigahostHostingID, "web") },
				Config:    env.Config(ftpConfig("web", `  password = "ftp-secret-2"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionCreate),
				}},
				Check: ftpHas(env, "web", "ftp-secret-2", ""),
			},
		}
		if pathShown {
			steps = append(steps, resource.TestStep{
				// The folder changed outside Terraform: seen, and put back by a replacement.
				PreConfig: func() {
					env.Mock.Gigahost.Webhosting.ChangeFTPAccount(mockapi.GigahostHostingID, "web", func(f *mockapi.GigahostFTPAccount) { f.Path = "elsewhere" })
				},
				Config: env.Config(ftpConfig("web", `  password = "ftp-secret-2"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: ftpHas(env, "web", "ftp-secret-2", ""),
			})
		}
		env.Test(t, resource.TestCase{CheckDestroy: noFTPAccounts(env), Steps: steps})
	})
}

// ignoreUnlessShown is the attributes an import cannot read back: always
// those given, and path where the list does not show it.
func ignoreUnlessShown(pathShown bool, always ...string) []string {
	if pathShown {
		return always
	}
	return append(always, "path")
}

// Bad input is refused at plan time with no request; a write-only password
// is sent on create and again only with a new version, and never stored; a
// create whose answer is lost (500) is resolved by listing.
func TestAccFTPResource_writeOnlyBadInputAndFault(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var steps []resource.TestStep
	for _, c := range []struct{ user, extra, want string }{
		{"Web", `password = "long-enough"`, `must be lower-case letters`},
		{"web", `password = "long-enough"
  path = "/abs"`, `must be a relative folder`},
		{"web", `password = "long-enough"
  path = "a/../b"`, `must be a relative folder`},
		{"web", `password_wo = "short"`, `string length must be between 6 and 128`},
		{"web", `password = "long-enough"
  password_wo_version = 2`, `(?s)password_wo_version.*password_wo`},
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(ftpConfig(c.user, c.extra)), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	wo := func(pw string, version int) string {
		return env.Config(ftpConfig("deploy", fmt.Sprintf(`  password_wo         = %q
  password_wo_version = %d`, pw, version)))
	}
	steps = append(steps,
		resource.TestStep{
			PreConfig: func() {
				if n := len(env.Mock.Requests()); n != 0 {
					t.Errorf("bad input reached the API: %d requests", n)
				}
				env.Mock.FailNext("gigahost", http.MethodPost, ftpListPath, mockapi.Fault500, 1)
			},
			Config:            wo("ftp-wo-1", 1),
			ConfigStateChecks: []statecheck.StateCheck{stateHasNo{"ftp-wo-1"}},
			Check: resource.ComposeTestCheckFunc(ftpHas(env, "deploy", "ftp-wo-1", ""), func(*terraform.State) error {
				return createsReached(env, ftpListPath, 1)
			}),
		},
		resource.TestStep{
			Config:           wo("ftp-wo-2", 1),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check:            ftpHas(env, "deploy", "ftp-wo-1", ""),
		},
		resource.TestStep{
			Config:            wo("ftp-wo-2", 2),
			ConfigStateChecks: []statecheck.StateCheck{stateHasNo{"ftp-wo-2"}},
			Check:             ftpHas(env, "deploy", "ftp-wo-2", ""),
		},
	)
	env.Test(t, resource.TestCase{CheckDestroy: noFTPAccounts(env), Steps: steps})
}
