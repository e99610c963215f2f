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

const databaseAddr = "gigahost_webhosting_database.test"

var databaseListPath = fmt.Sprintf("/webhosting/%d/databases", mockapi.GigahostHostingID)

// hostingUser is the seeded account's system user, the prefix of its
// database names under the user-prefixed form.
const hostingUser = "exampleno"

func databaseConfig(name, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_database" "test" {
  hosting_id = %d
  name       = %q
%s
}
`, mockapi.GigahostHostingID, name, extra)
}

// databaseHas checks the mock's own record of a database, by its stored name.
func databaseHas(env *acctest.Env, stored, password string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, ok := env.Mock.Gigahost.Webhosting.Database(mockapi.GigahostHostingID, stored)
		switch {
		case !ok:
			return fmt.Errorf("database %s does not exist in the mock", stored)
		case d.Password != password:
			return fmt.Errorf("database %s has another password in the mock", stored)
		}
		return nil
	}
}

func noDatabases(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.Gigahost.Webhosting.DatabaseCount(mockapi.GigahostHostingID); n != 0 {
			return fmt.Errorf("%d databases are left in the mock", n)
		}
		return nil
	}
}

// The life of a database under every form of the undocumented list (names
// as given or prefixed with the account's user): create, password changed
// in place, import, disappearance, destroy.
func TestAccDatabaseResource_lifecycle(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltDatabaseList, func(t *testing.T, env *acctest.Env) {
		stored := env.Mock.Gigahost.Webhosting.StoredDatabaseName(mockapi.GigahostHostingID, "shop")
		env.Test(t, resource.TestCase{
			CheckDestroy: noDatabases(env),
			Steps: []resource.TestStep{
				{
					Config: env.Config(databaseConfig("shop", `  password = "db-secret-1"`)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(databaseAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/shop", mockapi.GigahostHostingID))),
						statecheck.ExpectKnownValue(databaseAddr, tfjsonpath.New("full_name"), knownvalue.StringExact(stored)),
					},
					Check: databaseHas(env, stored, "db-secret-1"),
				},
				{
					PreConfig: env.Mock.ResetRequests,
					Config:    env.Config(databaseConfig("shop", `  password = "db-secret-2"`)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(databaseAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectSensitiveValue(databaseAddr, tfjsonpath.New("password")),
					}},
					Check: resource.ComposeTestCheckFunc(
						databaseHas(env, stored, "db-secret-2"),
						func(*terraform.State) error {
							if n := env.Mock.CountRequests("gigahost", http.MethodPut, databaseListPath+"/"+stored+"/password"); n != 1 {
								return fmt.Errorf("%d password changes reached the mock under the listed name, want 1", n)
							}
							return nil
						},
					),
				},
				{ResourceName: databaseAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password"}},
				{
					// Deleted outside Terraform: the plan re-creates it.
					PreConfig: func() { env.Mock.Gigahost.Webhosting.DeleteDatabase(mockapi.GigahostHostingID, stored) },
					Config:    env.Config(databaseConfig("shop", `  password = "db-secret-2"`)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(databaseAddr, plancheck.ResourceActionCreate),
					}},
					Check: databaseHas(env, stored, "db-secret-2"),
				},
			},
		})
	})
}

// Bad input is refused at plan time with no request; a database the API
// lists with the user's prefix is imported by that name and configured by
// the short one without a replacement, with a write-only password sent
// only once its version is set; a lost create answer is resolved by
// listing.
func TestAccDatabaseResource_importWriteOnlyAndFaults(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var steps []resource.TestStep
	for _, c := range []struct{ name, extra, want string }{
		{"Shop", `password = "long-enough"`, `must be lower-case letters`},
		{"1shop", `password = "long-enough"`, `must be lower-case letters`},
		{"shop-db", `password = "long-enough"`, `must be lower-case letters`},
		{"shop", `password = "short"`, `string length must be between 6 and 128`},
		{"shop", ``, `(?s)No attribute specified.*password`},
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(databaseConfig(c.name, c.extra)), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	legacy := hostingUser + "_legacy"
	importBlock := fmt.Sprintf(`
import {
  to = gigahost_webhosting_database.test
  id = "%d/%s"
}
`, mockapi.GigahostHostingID, legacy)
	steps = append(steps,
		resource.TestStep{
			PreConfig: func() {
				if n := len(env.Mock.Requests()); n != 0 {
					t.Errorf("bad input reached the API: %d requests", n)
				}
				env.Mock.Gigahost.Webhosting.AddDatabase(mockapi.GigahostHostingID, legacy, "set-elsewhere")
			},
			Config: env.Config(importBlock + databaseConfig("legacy", `  password_wo = "never-sent"`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(databaseAddr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(databaseAddr, tfjsonpath.New("full_name"), knownvalue.StringExact(legacy)),
				statecheck.ExpectKnownValue(databaseAddr, tfjsonpath.New("name"), knownvalue.StringExact("legacy")),
				stateHasNo{"never-sent"},
			},
			Check: databaseHas(env, legacy, "set-elsewhere"),
		},
		resource.TestStep{
			Config: env.Config(databaseConfig("legacy", `  password_wo         = "write-only-db"
  password_wo_version = 1`)),
			ConfigStateChecks: []statecheck.StateCheck{stateHasNo{"write-only-db"}},
			Check:             databaseHas(env, legacy, "write-only-db"),
		},
		resource.TestStep{
			PreConfig: func() {
				env.Mock.ResetRequests()
				env.Mock.FailNext("gigahost", http.MethodPost, databaseListPath, mockapi.Fault502, 1)
			},
			Config: env.Config(databaseConfig("legacy", `  password_wo         = "write-only-db"
  password_wo_version = 1`) + `
resource "gigahost_webhosting_database" "lost" {
  hosting_id = 1234
  name       = "lost"
  password   = "lost-secret"
}
`),
			Check: resource.ComposeTestCheckFunc(databaseHas(env, env.Mock.Gigahost.Webhosting.StoredDatabaseName(mockapi.GigahostHostingID, "lost"), "lost-secret"), func(*terraform.State) error {
				return createsReached(env, databaseListPath, 1)
			}),
		},
	)
	env.Test(t, resource.TestCase{CheckDestroy: noDatabases(env), Steps: steps})
}
