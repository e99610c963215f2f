package provider_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const locations = `data "gigas_locations" "all" {}`

func locationsFound(n int) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.gigas_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(n)),
	}
}

// A configuration with only Gigahost credentials fails on first use of
// Gigas with an error that names the attribute and the variable.
func TestAccProvider_missingGigasCredentials(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint    = %q
  gigahost_endpoint = %q
  gigahost_api_key  = %q
}
%s`, env.Mock.GigasURL(), env.Mock.GigahostURL(), mockapi.GigahostAPIKey, locations),
		ExpectError: acctest.ErrorText("no Gigas credentials are configured: set the provider attribute gigas_api_key", "GIGAS_API_KEY"),
	}}})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("%d requests reached the mock without credentials, want 0", n)
	}
}

func TestAccProvider_halfSessionCredentials(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_username = "someone@example.com"
}
%s`, env.Mock.GigasURL(), locations),
		ExpectError: acctest.ErrorText("gigas_username is set but gigas_password is not: set gigas_password (or GIGAS_PASSWORD)"),
	}}})
}

// Username and password log in once through POST /token and the session
// serves every later request.
func TestAccProvider_gigasSessionLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigas.RequireTOTP("123456")
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_username = %q
  gigas_password = %q
  gigas_totp     = "123456"
}
%s`, env.Mock.GigasURL(), mockapi.GigasUsername, mockapi.GigasPassword, locations),
		ConfigStateChecks: locationsFound(3),
	}}})
	logins := env.Mock.CountRequests("gigas", http.MethodPost, "/token")
	reads := env.Mock.CountRequests("gigas", http.MethodGet, "/account/")
	if reads == 0 || logins == 0 || logins > reads {
		t.Errorf("%d logins for %d reads: want one login per provider process, not one per request", logins, reads)
	}
}

func TestAccProvider_wrongGigasPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_username = %q
  gigas_password = "wrong-password"
}
%s`, env.Mock.GigasURL(), mockapi.GigasUsername, locations),
		ExpectError: acctest.ErrorText("HTTP 401 to POST /token: Invalid credentials"),
	}}})
}

// With several accounts the provider asks for gigas_account_id instead of
// guessing; with it set, it acts on that account.
func TestAccProvider_accountDiscovery(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigas.AddAccount(33777)
	cfg := func(extra string) string {
		return fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_api_key  = %q
  %s
}
%s`, env.Mock.GigasURL(), mockapi.GigasAPIKey, extra, locations)
	}
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: cfg(""), ExpectError: acctest.ErrorText("these credentials see 2 Gigas accounts (22666, 33777)", "set gigas_account_id")},
		{Config: cfg(fmt.Sprintf("gigas_account_id = %d", mockapi.GigasAccountID)), ConfigStateChecks: locationsFound(3)},
	}})
}

// Every attribute falls back to its environment variable.
func TestAccProvider_environmentVariables(t *testing.T) {
	env := acctest.New(t)
	t.Setenv("GIGAS_ENDPOINT", env.Mock.GigasURL())
	t.Setenv("GIGAS_API_KEY", mockapi.GigasAPIKey)
	t.Setenv("GIGAS_ACCOUNT_ID", fmt.Sprint(mockapi.GigasAccountID))
	t.Setenv("GIGA_MAX_RETRIES", "3")
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: locations, ConfigStateChecks: locationsFound(3)}}})
	if n := env.Mock.CountRequests("gigas", http.MethodGet, "/accounts"); n != 0 {
		t.Errorf("GIGAS_ACCOUNT_ID was set but the provider listed accounts %d times", n)
	}
}

func TestAccProvider_invalidMaxRetries(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_api_key  = %q
  max_retries    = 99
}
%s`, env.Mock.GigasURL(), mockapi.GigasAPIKey, locations),
		ExpectError: acctest.ErrorText("max_retries must be between 0 and 20, got 99"),
	}}})
}

func TestAccProvider_requestsPerSecond(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := func(rps string) string {
		return fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint      = %q
  gigas_api_key       = %q
  requests_per_second = %s
}
%s`, env.Mock.GigasURL(), mockapi.GigasAPIKey, rps, locations)
	}
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: cfg("0"), ExpectError: acctest.ErrorText("requests_per_second must be a positive number")},
		{Config: cfg("-2"), ExpectError: acctest.ErrorText("requests_per_second must be a positive number")},
	}})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Fatalf("an invalid requests_per_second sent %d requests, want 0 (refused at plan time)", n)
	}
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: cfg("50"), ConfigStateChecks: locationsFound(3)}}})
}
