package webhosting_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The accounts data source: all accounts with the documented fields, the
// domain filters, a transient 502 retried, and a bad regex refused at plan
// time before any request.
func TestAccHostingsDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.FailNext("gigahost", http.MethodGet, "/webhosting", mockapi.Fault502, 1)
	first := tfjsonpath.New("accounts").AtSliceIndex(0)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: env.Config(`
data "gigahost_webhostings" "all" {}

data "gigahost_webhostings" "one" {
  domain = "Example.NO"
}

data "gigahost_webhostings" "none" {
  domain_regex = "\\.se$"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gigahost_webhostings.all", tfjsonpath.New("hosting_ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.Int64Exact(mockapi.GigahostHostingID), knownvalue.Int64Exact(mockapi.GigahostOtherHostingID),
				})),
				statecheck.ExpectKnownValue("data.gigahost_webhostings.one", first, knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":            knownvalue.StringExact("1234"),
					"hosting_id":    knownvalue.Int64Exact(mockapi.GigahostHostingID),
					"domain":        knownvalue.StringExact(mockapi.GigahostHostingDomain),
					"username":      knownvalue.StringExact("exampleno"),
					"package":       knownvalue.StringExact("Webhotell M"),
					"status":        knownvalue.StringExact("active"),
					"created_date":  knownvalue.StringExact("2026-01-15"),
					"order_number":  knownvalue.Int64Exact(55000 + mockapi.GigahostHostingID),
					"order_renewal": knownvalue.StringExact("2026-07-15"),
					"order_status":  knownvalue.StringExact("active"),
				})),
				statecheck.ExpectKnownValue("data.gigahost_webhostings.one", tfjsonpath.New("accounts"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.gigahost_webhostings.none", tfjsonpath.New("accounts"), knownvalue.ListSizeExact(0)),
			},
		},
	}})
	faulted := 0
	for _, r := range env.Mock.Requests() {
		if r.Fault == mockapi.Fault502 {
			faulted++
		}
	}
	if faulted != 1 {
		t.Errorf("%d lists answered 502, want 1 (retried)", faulted)
	}

	bad := acctest.New(t)
	bad.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: bad.Config(`
data "gigahost_webhostings" "bad" {
  domain_regex = "(["
}
`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)domain_regex.*regular expression`)},
		{Config: bad.Config(`
data "gigahost_webhostings" "bad" {
  domain = ""
}
`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)domain.*at least 1`)},
	}})
	if n := len(bad.Mock.Requests()); n != 0 {
		t.Errorf("bad input reached the API: %d requests", n)
	}
}
