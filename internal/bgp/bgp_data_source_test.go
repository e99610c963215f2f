package bgp_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const bgpAddr = "data.gigahost_bgp.this"

// addRejectedASN adds a second ASN to the mock, rejected, and returns its id.
func addRejectedASN(env *acctest.Env) int64 {
	return env.Mock.Gigahost.BGP.AddASN(mockapi.GigahostBGPASN{ASN: "64500", Name: "Lab", Country: "SE", Status: "rejected", RejectedReason: "LOA missing"})
}

// bgpValues checks the data source against the mock's seeded state (the
// docs' example) and the ASN of addRejectedASN.
func bgpValues(rejected int64) []statecheck.StateCheck {
	asn := func(i int, key string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("asns").AtSliceIndex(i).AtMapKey(key), v)
	}
	session := func(key string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("sessions").AtSliceIndex(0).AtMapKey(key), v)
	}
	return []statecheck.StateCheck{
		asn(0, "id", knownvalue.Int64Exact(mockapi.GigahostBGPSeedASNID)),
		asn(0, "asn", knownvalue.StringExact(mockapi.GigahostBGPSeedASN)),
		asn(0, "name", knownvalue.StringExact("Example Network")),
		asn(0, "irr_v4", knownvalue.StringExact("AS-EXAMPLE")),
		asn(0, "irr_updated", knownvalue.Int64Exact(1700000000)),
		asn(0, "status", knownvalue.StringExact("active")),
		asn(1, "id", knownvalue.Int64Exact(rejected)),
		asn(1, "status", knownvalue.StringExact("rejected")),
		asn(1, "rejected_reason", knownvalue.StringExact("LOA missing")),
		statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("prefix_lists"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.Int64Exact(1), "asn_id": knownvalue.Int64Exact(1), "prefix": knownvalue.StringExact("192.0.2.0/24"),
				"prefix_type": knownvalue.StringExact("ipv4"), "status": knownvalue.StringExact("active"), "your_asn": knownvalue.StringExact("212345"),
			}),
		})),
		statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("sessions"), knownvalue.ListSizeExact(1)),
		session("id", knownvalue.StringExact("1")),
		session("server_id", knownvalue.Int64Exact(mockapi.GigahostBGPSeedServerID)),
		session("ip_id", knownvalue.Int64Exact(mockapi.GigahostBGPSeedIPv4ID)),
		session("ip_type", knownvalue.StringExact("ipv4")),
		session("ip_address", knownvalue.StringExact("185.181.63.24")),
		session("default_route", knownvalue.Bool(true)),
		session("multihop", knownvalue.Bool(false)),
		session("neighbor_ipv4", knownvalue.StringExact("185.125.168.1")),
		session("router_asn", knownvalue.StringExact("39029")),
		session("status", knownvalue.StringExact("active")),
	}
}

// Under each form of an empty list (empty, or left out of the answer): the
// account with its session gone shows no sessions, its ASNs still.
func TestAccBGPDataSource_empty(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltBGPEmpty, func(t *testing.T, env *acctest.Env) {
		env.Mock.Gigahost.BGP.DeleteSession(mockapi.GigahostBGPSeedSessionID)
		env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: env.Config(`data "gigahost_bgp" "this" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("sessions"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("asns"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue(bgpAddr, tfjsonpath.New("prefix_lists"), knownvalue.ListSizeExact(1)),
			},
		}}})
	})
}
