package webhosting_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const sslAddr = "gigahost_webhosting_ssl.test"

var sslPath = fmt.Sprintf("/webhosting/%d/ssl", mockapi.GigahostHostingID)

// sslConfig is the seeded account's certificate for names; extra holds
// further lines (keysize, timeouts).
func sslConfig(names []string, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_webhosting_ssl" "test" {
  hosting_id = %d
  hostnames  = ["%s"]
%s
}
`, mockapi.GigahostHostingID, strings.Join(names, `", "`), extra)
}

var (
	apexAndWWW = []string{"example.no", "www.example.no"}
	withShop   = []string{"example.no", "shop.example.no", "www.example.no"}
)

// certificateFor checks the mock's own certificate of the seeded account.
func certificateFor(env *acctest.Env, keySize string, names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		cert, ok := env.Mock.Gigahost.Webhosting.Certificate(mockapi.GigahostHostingID)
		switch {
		case !ok:
			return fmt.Errorf("no certificate is installed in the mock")
		case !slices.Equal(cert.Hostnames, names):
			return fmt.Errorf("the mock's certificate covers %v, want %v", cert.Hostnames, names)
		case cert.KeySize != keySize:
			return fmt.Errorf("the mock's certificate has key size %s, want %s", cert.KeySize, keySize)
		}
		return nil
	}
}

func noCertificate(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if cert, ok := env.Mock.Gigahost.Webhosting.Certificate(mockapi.GigahostHostingID); ok {
			return fmt.Errorf("a certificate for %v is left in the mock", cert.Hostnames)
		}
		return nil
	}
}

func TestAccSSLResource_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		CheckDestroy: noCertificate(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(sslConfig(apexAndWWW, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(mockapi.GigahostHostingID))),
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("expires_at"), knownvalue.StringRegexp(regexp.MustCompile(`^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("valid_hostnames"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("example.no"), knownvalue.StringExact("www.example.no"),
					})),
				},
				Check: certificateFor(env, "secp384r1", apexAndWWW...),
			},
			{ResourceName: sslAddr, ImportState: true, ImportStateVerify: true},
			{
				// Replaced outside Terraform: the plan shows it.
				PreConfig:          func() { env.Mock.Gigahost.Webhosting.SetCertificate(mockapi.GigahostHostingID, "example.no") },
				Config:             env.Config(sslConfig(apexAndWWW, "")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// New names and key size: a new certificate.
				Config: env.Config(sslConfig(withShop, `  keysize = "rsa_4096"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("keysize"), knownvalue.StringExact("rsa_4096")),
				},
				Check: certificateFor(env, "rsa_4096", withShop...),
			},
			{
				// Removed outside Terraform: the plan requests it again.
				PreConfig: func() { env.Mock.Gigahost.Webhosting.SetCertificate(mockapi.GigahostHostingID) },
				Config:    env.Config(sslConfig(withShop, `  keysize = "rsa_4096"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionCreate),
				}},
				Check: certificateFor(env, "rsa_4096", withShop...),
			},
		},
	})
}

// A lost request answer is resolved by reading the account; a certificate
// that is never issued fails the create after timeouts.create and leaves the
// resource in state, tainted: the next apply replaces it.
func TestAccSSLResource_faultsAndFailedWait(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.FailNext("gigahost", http.MethodPost, sslPath, mockapi.Fault500, 1)
	short := `  timeouts {
    create = "500ms"
  }`
	env.Test(t, resource.TestCase{
		CheckDestroy: noCertificate(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(sslConfig(apexAndWWW, "")),
				Check: resource.ComposeTestCheckFunc(
					certificateFor(env, "secp384r1", apexAndWWW...),
					func(*terraform.State) error {
						if n := env.Mock.CountRequests("gigahost", http.MethodPost, sslPath); n != 1 {
							return fmt.Errorf("%d certificate requests took effect, want 1 (the 500 was answered before acting)", n)
						}
						return nil
					},
				),
			},
			{
				// The new names never resolve: the wait ends with the timeout.
				PreConfig:   func() { env.Mock.Gigahost.Webhosting.StallSSL(mockapi.GigahostHostingID, true) },
				Config:      env.Config(sslConfig(withShop, short)),
				ExpectError: acctest.ErrorText("requested but not issued", "tainted", "not issued in time", "must resolve"),
			},
			{
				PreConfig: func() { env.Mock.Gigahost.Webhosting.StallSSL(mockapi.GigahostHostingID, false) },
				Config:    env.Config(sslConfig(withShop, short)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: certificateFor(env, "secp384r1", withShop...),
			},
		},
	})
}

// Every form the SSL answer may take is read: create (with its wait), import
// and destroy (with its read back).
func TestAccSSLResource_answerForms(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltSSLObject, func(t *testing.T, env *acctest.Env) {
		env.Mock.Gigahost.Webhosting.SetSSLIssueDelay(mockapi.GigahostHostingID, 50*time.Millisecond)
		env.Test(t, resource.TestCase{
			CheckDestroy: noCertificate(env),
			Steps: []resource.TestStep{
				{
					Config: env.Config(sslConfig(apexAndWWW, "")),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("expires_at"), knownvalue.NotNull()),
					},
					Check: certificateFor(env, "secp384r1", apexAndWWW...),
				},
				{ResourceName: sslAddr, ImportState: true, ImportStateVerify: true},
			},
		})
	})
}

func TestAccSSLResource_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct {
		names       []string
		extra, want string
	}{
		{[]string{"Example.no"}, "", `must be a lower-case host name`},
		{[]string{"example"}, "", `must be a lower-case host name`},
		{[]string{"-x.example.no"}, "", `must be a lower-case host name`},
		{apexAndWWW, `  keysize = "rsa_2048"`, `keysize value must be one of`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+2)
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: env.Config(sslConfig(c.names, c.extra)), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	steps = append(steps,
		resource.TestStep{Config: env.Config(strings.Replace(sslConfig(nil, ""), `[""]`, "[]", 1)), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)hostnames.*at least 1`)},
		resource.TestStep{Config: env.Config(strings.Replace(sslConfig(apexAndWWW, ""), fmt.Sprintf("= %d", mockapi.GigahostHostingID), "= 0", 1)),
			PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)hosting_id.*at least 1`)},
		resource.TestStep{Config: env.Config(sslConfig(apexAndWWW, "")), ResourceName: sslAddr, ImportState: true, ImportStateId: "example.no",
			ExpectError: regexp.MustCompile(`want the hosting account id`)},
	)
	env.Test(t, resource.TestCase{Steps: steps})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("bad input reached the API: %d requests", n)
	}
}
