package apikey_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// scopedProvider is the local name of the second provider configuration.
//
// Terraform runs one provider process per provider configuration, but the
// in-process test harness serves every configuration of one local name from a
// single provider server, where the last ConfigureProvider call wins. So the
// tests give the second configuration a local name of its own; the guide
// (examples/guides/scoped-api-key) uses an alias, which is what users write.
const scopedProvider = "gigahostscoped"

// scopedFactories serves the provider under scopedProvider too.
func scopedFactories(env *acctest.Env) map[string]func() (tfprotov6.ProviderServer, error) {
	f := env.Factories()
	f[scopedProvider] = f["gigahost"]
	return f
}

// scopedSetup is a session-configured default provider, a key made by
// gigahost_api_key with the given permissions, and a second provider
// configuration that authenticates with that key.
func scopedSetup(env *acctest.Env, permissions string) string {
	return sessionProvider(env) + fmt.Sprintf(`
resource "gigahost_api_key" "scoped" {
  label       = "scoped"
  permissions = %s
}

provider "gigahostscoped" {
  gigahost_endpoint = %q
  gigahost_api_key  = gigahost_api_key.scoped.secret
  max_retries       = 0
}
`, permissions, env.Mock.GigahostURL())
}

func scopedMailbox(name string, hostingID int64) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_email" %q {
  provider   = gigahostscoped
  hosting_id = %d
  email      = %q
  password   = "scoped-secret"
}
`, name, hostingID, name)
}

// TestAccScopedKey_webhosting: a key limited to one hosting account manages
// mailboxes there through the second provider configuration and gets a clear
// 403 diagnostic in another account; a read-only key gets one on any write.
func TestAccScopedKey_webhosting(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	limited := scopedSetup(env, fmt.Sprintf(`{ webhosting = { mode = "rw", all = false, ids = [%d] } }`, mockapi.GigahostHostingID))
	readOnly := scopedSetup(env, `{ webhosting = { mode = "r" } }`)
	env.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: scopedFactories(env),
		Steps: []resource.TestStep{
			{
				Config: limited + scopedMailbox("allowed", mockapi.GigahostHostingID),
				Check: func(*terraform.State) error {
					if _, ok := env.Mock.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, "allowed@"+mockapi.GigahostHostingDomain); !ok {
						return fmt.Errorf("the scoped key did not create the mailbox")
					}
					return nil
				},
			},
			{
				Config: limited + scopedMailbox("allowed", mockapi.GigahostHostingID) + scopedMailbox("elsewhere", mockapi.GigahostOtherHostingID),
				// The 403 comes on the first request for the other account,
				// the list of its mailboxes that precedes the create.
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Cannot\s+create\s+the\s+e-mail\s+account\s+"elsewhere"\s+in\s+hosting\s+account\s+%d.*HTTP\s+403.*no\s+access\s+to\s+this\s+webhosting\s+object.*in\s+ids`,
					mockapi.GigahostOtherHostingID)),
			},
			{
				// The same key made read-only (in place): writes are refused.
				Config:      readOnly + scopedMailbox("allowed", mockapi.GigahostHostingID) + scopedMailbox("another", mockapi.GigahostHostingID),
				ExpectError: regexp.MustCompile(`(?s)Cannot\s+create\s+the\s+e-mail\s+account\s+"another".*HTTP\s+403.*read-only\s+access\s+to\s+webhosting`),
			},
			{
				// Back to read-write, so that the key can delete its mailbox at the end.
				Config: limited + scopedMailbox("allowed", mockapi.GigahostHostingID),
			},
		},
	})
	if n := env.Mock.Gigahost.Webhosting.MailboxCount(mockapi.GigahostOtherHostingID); n != 0 {
		t.Errorf("the scoped key created %d mailboxes in the other account", n)
	}
}

// TestAccScopedKey_dnsZone is the guide's case: a key limited to one DNS
// zone manages records in that zone and gets a clear 403 in another.
func TestAccScopedKey_dnsZone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	allowed := env.Mock.Gigahost.DNS.AddZone("allowed.example")
	other := env.Mock.Gigahost.DNS.AddZone("other.example")
	setup := scopedSetup(env, fmt.Sprintf(`{ dns = { mode = "rw", all = false, ids = [%d] } }`, allowed))
	record := func(name string, zoneID int64) string {
		return fmt.Sprintf(`
resource "gigahost_dns_record" %q {
  provider = gigahostscoped
  zone_id  = "%d"
  name     = "www"
  type     = "A"
  value    = "192.0.2.10"
}
`, name, zoneID)
	}
	env.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: scopedFactories(env),
		Steps: []resource.TestStep{
			{
				Config: setup + record("allowed", allowed),
				Check: func(*terraform.State) error {
					if len(env.Mock.Gigahost.DNS.FindRecords(allowed, "www", "A", "192.0.2.10")) != 1 {
						return fmt.Errorf("the scoped key did not create the record")
					}
					return nil
				},
			},
			{
				Config: setup + record("allowed", allowed) + record("other", other),
				// Whitespace-tolerant: Terraform wraps the detail, and the DNS
				// resource's wording decides where.
				ExpectError: regexp.MustCompile(`(?s)HTTP\s+403.*no\s+access\s+to\s+this\s+dns\s+object`),
			},
		},
	})
	if n := len(env.Mock.Gigahost.DNS.Records(other)); n != 0 {
		t.Errorf("the scoped key wrote %d records in the other zone", n)
	}
}
