package account_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const addr = "data.gigahost_account.this"

// keyConfig is the provider with an API key, and the documentation's example.
func keyConfig(env *acctest.Env, secret, example string) string {
	return fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
  max_retries       = 0
}
`, env.Mock.GigahostURL(), secret) + example
}

// The documentation's example shows the mock's account: with the seeded
// full-access key, and the same with a key that may only read the account
// category (what the data source needs); a key without the account
// category is refused with the API's message and the hint.
func TestAccAccountDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	example := acctest.Example(t, "../../examples/data-sources/gigahost_account/data-source.tf")
	readOnly := env.Mock.Gigahost.Keys.Add("account r", map[string]mockapi.GigahostPermission{mockapi.CatAccount: {Mode: "r"}}, 0)
	dnsOnly := env.Mock.Gigahost.Keys.Add("dns only", map[string]mockapi.GigahostPermission{mockapi.CatDNS: {Mode: "rw", All: true}}, 0)
	value := func(attr string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
	}
	values := []statecheck.StateCheck{
		value("customer_id", knownvalue.StringExact("1111")),
		value("name", knownvalue.StringExact("Example AS")),
		value("company_no", knownvalue.StringExact("999999999")),
		value("address", knownvalue.StringExact("Example Road 1")),
		value("zipcode", knownvalue.StringExact("0000")),
		value("city", knownvalue.StringExact("Oslo")),
		value("country", knownvalue.StringExact("Norway")),
		value("phone", knownvalue.StringExact("+47 00000000")),
		value("email", knownvalue.StringExact(mockapi.GigahostUsername)),
		value("billing_email", knownvalue.StringExact(mockapi.GigahostUsername)),
		value("partner", knownvalue.Bool(false)),
		value("newsletter", knownvalue.Bool(false)),
		value("incident_notifications", knownvalue.Bool(true)),
		value("bandwidth_notifications", knownvalue.Bool(true)),
		value("email_on_login", knownvalue.Bool(false)),
		value("service_renewal_notifications", knownvalue.Bool(true)),
		value("passkeys", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
			"passkey_id": knownvalue.Int64Exact(1), "name": knownvalue.StringExact("YubiKey"),
			"created_at": knownvalue.Int64Exact(1700000000), "last_used": knownvalue.Int64Exact(1712000000),
		})})),
	}
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(example), ConfigStateChecks: values},
		{Config: keyConfig(env, readOnly, example), ConfigStateChecks: values},
		{
			Config:      keyConfig(env, dnsOnly, example),
			ExpectError: acctest.ErrorText("HTTP 403", "This API key has no access to account.", "the account category must be present"),
		},
	}})
}
