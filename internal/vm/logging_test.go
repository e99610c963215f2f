package vm_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestLogsHoldNoGigasSecrets applies VMs through a session login with
// TF_LOG=TRACE and checks that the account password, the 2FA code, the
// session and refresh tokens, a configured root password and a root password
// the API generated are nowhere in the log. Not parallel: it sets TF_LOG.
func TestLogsHoldNoGigasSecrets(t *testing.T) {
	readLog := acctest.TraceLog(t)
	env := acctest.New(t)
	env.Mock.Gigas.RequireTOTP("482913")
	withPassword := baseVM()
	withPassword.Password = "Root_Pass-77"
	generated := baseVM()
	generated.Label, generated.Hostname = "gen", "gen"
	var generatedPassword string
	config := fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_username = %q
  gigas_password = %q
  gigas_totp     = "482913"
}
`, env.Mock.GigasURL(), mockapi.GigasUsername, mockapi.GigasPassword) +
		withPassword.hcl() + `resource "gigas_virtual_machine" "generated" {` + generated.hcl()[len(`resource "gigas_virtual_machine" "test" {`):]
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(env.Mock),
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(s *terraform.State) error {
				generatedPassword = s.RootModule().Resources["gigas_virtual_machine.generated"].Primary.Attributes["initial_password"]
				if len(generatedPassword) < 6 {
					return fmt.Errorf("no generated password in state: %q", generatedPassword)
				}
				return nil
			},
		}},
	})
	log := readLog()
	acctest.AssertLogged(t, log, "API request", "/account/22666/virtual_machine", "/gigas/token")
	acctest.AssertNoSecrets(t, log, map[string]string{
		"account password":            mockapi.GigasPassword,
		"2FA code":                    "482913",
		"session token":               "gs_",
		"refresh token":               "gr_",
		"configured root password":    withPassword.Password,
		"root password the API chose": generatedPassword,
	})
}
