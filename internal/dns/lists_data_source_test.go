package dns_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// gigahost_dns_zones and gigahost_dns_records: filters by exact name, name
// regex, record name in every spelling and type; four record lists of one
// zone cost what one costs on another zone (the operation's shared list);
// a 500 on the list is retried; bad filters are refused at plan time with
// no request; a zone gone is an error quoting the API.
func TestAccDNSListDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	other := env.Mock.Gigahost.DNS.AddZone("other.example")
	if err := env.Mock.Gigahost.DNS.AddRecord(other, "www", "A", "192.0.2.9", 300, nil); err != nil {
		t.Fatal(err)
	}
	reverse := env.Mock.Gigahost.DNS.AddZone("63.181.185.in-addr.arpa")
	seed := fmt.Sprint(mockapi.SeedZoneID)
	config := env.Config(fmt.Sprintf(`
data "gigahost_dns_zones" "all" {}
data "gigahost_dns_zones" "exact" { name = "Example.NO" }
data "gigahost_dns_zones" "reverse" { name_regex = "\\.arpa$" }
data "gigahost_dns_records" "all" { zone_id = %[1]q }
data "gigahost_dns_records" "apex" {
  zone_id = %[1]q
  name    = "@"
}
data "gigahost_dns_records" "www" {
  zone_id = %[1]q
  name    = "WWW.example.no."
}
data "gigahost_dns_records" "mx" {
  zone_id = %[1]q
  type    = "MX"
}
data "gigahost_dns_records" "other" { zone_id = "%[2]d" }
`, seed, other))
	lists := func(zoneID string) int {
		return env.Mock.CountRequests("gigahost", "GET", "/dns/zones/"+zoneID+"/records")
	}
	size := func(addr, attr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.ListSizeExact(n))
	}
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config:      env.Config("data \"gigahost_dns_records\" \"r\" {\n  zone_id = \"123\"\n  type = \"SPF\"\n}\n"),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)type.*value must be one of`),
	}, {
		Config:      env.Config(`data "gigahost_dns_zones" "z" { name_regex = "(" }`),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)name_regex`),
	}, {
		PreConfig: func() {
			if n := len(env.Mock.Requests()); n != 0 {
				t.Errorf("bad filters reached the API: %d requests", n)
			}
			env.Mock.FailNext("gigahost", "GET", "/dns/zones/"+seed+"/records", mockapi.Fault500, 1)
		},
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			size("data.gigahost_dns_zones.all", "zones", 3),
			size("data.gigahost_dns_zones.exact", "zones", 1),
			statecheck.ExpectKnownValue("data.gigahost_dns_zones.exact", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seed)})),
			statecheck.ExpectKnownValue("data.gigahost_dns_zones.exact", tfjsonpath.New("zones").AtSliceIndex(0).AtMapKey("registered"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.gigahost_dns_zones.reverse", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(fmt.Sprint(reverse))})),
			size("data.gigahost_dns_records.all", "records", 3),
			size("data.gigahost_dns_records.apex", "records", 2),
			size("data.gigahost_dns_records.www", "records", 1),
			size("data.gigahost_dns_records.other", "records", 1),
			statecheck.ExpectKnownValue("data.gigahost_dns_records.mx", tfjsonpath.New("records"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":        knownvalue.StringRegexp(regexp.MustCompile(`^123/[0-9a-f]+$`)),
					"zone_id":   knownvalue.StringExact(seed),
					"record_id": knownvalue.NotNull(),
					"name":      knownvalue.StringExact("@"), "type": knownvalue.StringExact("MX"),
					"value": knownvalue.StringExact("mail.example.no"), "ttl": knownvalue.Int64Exact(3600), "priority": knownvalue.Int64Exact(10),
				}),
			})),
		},
		Check: func(*terraform.State) error {
			// Four data sources on the seeded zone, one on the other: the
			// same number of list requests (one per operation each).
			if a, b := lists(seed), lists(fmt.Sprint(other)); a != b || a == 0 {
				return fmt.Errorf("record lists: %d for four data sources of zone %s, %d for one of zone %d; want equal", a, seed, b, other)
			}
			return nil
		},
	}, {
		Config:      env.Config(`data "gigahost_dns_records" "gone" { zone_id = "999999" }`),
		ExpectError: regexp.MustCompile(`(?s)HTTP 404.*/dns/zones/999999/records`),
	}}})
}
