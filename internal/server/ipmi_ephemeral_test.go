package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Ephemeral resources need 1.10, write-only attributes 1.11: the Terraform
// on PATH runs these.
var writeOnly = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

// ipmiPrefix starts every password of the mock's IPMI sessions.
const ipmiPrefix = "ipmi-"

// ipmiHCL opens a session and hands its password to the one place at root
// that takes an ephemeral value and keeps it out of state: a mailbox's
// write-only password.
func ipmiHCL(serverID any, acl string, version int) string {
	aclLine := ""
	if acl != "" {
		aclLine = fmt.Sprintf("  acl       = %q\n", acl)
	}
	return fmt.Sprintf(`
ephemeral "gigahost_server_ipmi" "kvm" {
  server_id = "%v"
%s}

resource "gigahost_webhosting_email" "console" {
  hosting_id          = %d
  email               = "console"
  password_wo         = ephemeral.gigahost_server_ipmi.kvm.password
  password_wo_version = %d
}
`, serverID, aclLine, mockapi.GigahostHostingID, version)
}

// consoleMailbox checks that the mailbox got a session's password, that
// the server had a session opened, and that no session password is in the
// state.
func consoleMailbox(env *acctest.Env, serverID int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		mb, ok := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, "console@"+mockapi.GigahostHostingDomain)
		if !ok || !strings.HasPrefix(mb.Password, ipmiPrefix) {
			return fmt.Errorf("the mailbox has no IPMI password: %+v %v", mb, ok)
		}
		if sv, _ := env.Mock.Gigahost.Servers.Get(serverID); sv.IPMISessions == 0 {
			return fmt.Errorf("no IPMI session was opened on server %d", serverID)
		}
		for addr, rs := range s.RootModule().Resources {
			if strings.Contains(addr, "ipmi") {
				return fmt.Errorf("%s is in the state", addr)
			}
			for k, v := range rs.Primary.Attributes {
				if strings.Contains(v, ipmiPrefix) {
					return fmt.Errorf("%s.%s holds an IPMI password", addr, k)
				}
			}
		}
		return nil
	}
}

// The session's password reaches a write-only attribute and never the
// state, under both forms of the session's answer; a second apply opens a
// new session and sets the new password; a 500 to the session request is
// followed by a read of the server, and the request is sent again.
func TestAccServerIPMI_ephemeral(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltIPMIAnswer, func(t *testing.T, env *acctest.Env) {
		id := env.Mock.Gigahost.ServerExtras.AddServer(dedicatedProduct, "metal-3.example.no")
		var first string
		env.Test(t, resource.TestCase{
			TerraformVersionChecks: writeOnly,
			Steps: []resource.TestStep{
				{
					Config: env.Config(ipmiHCL(id, "198.51.100.7;203.0.113.0/24", 1)),
					Check: resource.ComposeTestCheckFunc(consoleMailbox(env, id), func(*terraform.State) error {
						mb, _ := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, "console@"+mockapi.GigahostHostingDomain)
						first = mb.Password
						return nil
					}),
				},
				{
					PreConfig: func() {
						env.Mock.FailNext("gigahost", "POST", fmt.Sprintf("/servers/%d/ipmi", id), mockapi.Fault500, 1)
					},
					Config: env.Config(ipmiHCL(id, "", 2)),
					Check: resource.ComposeTestCheckFunc(consoleMailbox(env, id), func(*terraform.State) error {
						if mb, _ := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, "console@"+mockapi.GigahostHostingDomain); mb.Password == first {
							return fmt.Errorf("the new version kept the first session's password")
						}
						return nil
					}),
				},
			},
		})
	})
}

// Bad input (a server id that is not a number, an acl entry that is not an
// address or subnet) is refused at plan time with no request sent; an
// unknown server is the API's 404, quoted.
func TestAccServerIPMI_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnly,
		Steps: []resource.TestStep{
			{Config: env.Config(ipmiHCL("srv-1", "", 1)), ExpectError: acctest.ErrorText("server_id", "must be a server id: digits only")},
			{Config: env.Config(ipmiHCL(1, "198.51.100.7;office", 1)), ExpectError: acctest.ErrorText(`"office" is neither an IP address nor a subnet`)},
		},
	})
	if got := env.Mock.Requests(); len(got) != 0 {
		t.Fatalf("bad input sent %d requests, want 0: %+v", len(got), got)
	}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnly,
		Steps: []resource.TestStep{
			{Config: env.Config(ipmiHCL(99999, "", 1)), ExpectError: acctest.ErrorText("Cannot open a KVM/IPMI session with server 99999", "HTTP 404")},
		},
	})
}

// With TF_LOG=TRACE, no session password is in the log of Terraform, the
// test harness or the provider. It changes the process environment, so it
// does not run in parallel.
func TestServerIPMILogsHoldNoSecrets(t *testing.T) {
	readLog := acctest.TraceLog(t)
	env := acctest.New(t)
	id := env.Mock.Gigahost.ServerExtras.AddServer(dedicatedProduct, "metal-4.example.no")
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnly,
		Steps:                  []resource.TestStep{{Config: env.Config(ipmiHCL(id, "", 1)), Check: consoleMailbox(env, id)}},
	})
	log := readLog()
	acctest.AssertLogged(t, log, "API request", fmt.Sprintf("/servers/%d/ipmi", id))
	_, password, _ := env.Mock.Gigahost.Servers.IPMISession(id)
	acctest.AssertNoSecrets(t, log, map[string]string{"IPMI password": ipmiPrefix, "last IPMI password": password})
}
