package dns_test

import (
	"fmt"
	"regexp"
	"strconv"
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

const ptrAddr = "gigahost_dns_ptr_zone.p"

func ptrConfig(env *acctest.Env, prefix string, withRecord bool) string {
	hcl := fmt.Sprintf("resource \"gigahost_dns_ptr_zone\" \"p\" { prefix = %q }\n", prefix)
	if withRecord {
		hcl += `resource "gigahost_dns_record" "ptr" {
  zone_id = gigahost_dns_ptr_zone.p.id
  name    = "10"
  type    = "PTR"
  value   = "mail.example.no."
}
`
	}
	return env.Config(hcl)
}

func zoneExists(env *acctest.Env, name string, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := env.Mock.Gigahost.DNS.ZoneID(name) != 0; got != want {
			return fmt.Errorf("mock zone %s exists: %v, want %v", name, got, want)
		}
		return nil
	}
}

// A reverse zone of an IPv4 /24 with a PTR record in it (the record
// resource, type PTR); import by id and by name; deleted outside Terraform
// and re-created; another prefix (IPv6) replaces it. The create's answer is
// lost once (the zone is adopted from the list, not created twice), under
// either form of the create answer.
func TestAccPTRZone_lifecycle(t *testing.T) {
	t.Parallel()
	const v4 = "63.181.185.in-addr.arpa"
	const v6 = "0.e.4.9.3.0.a.2.ip6.arpa"
	acctest.EachForm(t, mockapi.AltDNSPTRCreateAnswer, func(t *testing.T, env *acctest.Env) {
		env.Mock.FailNext("gigahost", "POST", "/dns/zones/ptr", mockapi.FaultDropAfter, 1)
		steps := []resource.TestStep{{
			Config: ptrConfig(env, "185.181.63.0/24", true),
			Check: resource.ComposeAggregateTestCheckFunc(zoneExists(env, v4, true), func(*terraform.State) error {
				if r := env.Mock.Gigahost.DNS.FindRecords(env.Mock.Gigahost.DNS.ZoneID(v4), "10", "PTR", "mail.example.no"); len(r) != 1 {
					return fmt.Errorf("mock PTR records: %+v", env.Mock.Gigahost.DNS.Records(env.Mock.Gigahost.DNS.ZoneID(v4)))
				}
				return nil
			}),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ptrAddr, tfjsonpath.New("zone_name"), knownvalue.StringExact(v4)),
				statecheck.ExpectKnownValue(ptrAddr, tfjsonpath.New("ip_version"), knownvalue.StringExact("ipv4")),
				statecheck.ExpectKnownValue(ptrAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
					if want := strconv.FormatInt(env.Mock.Gigahost.DNS.ZoneID(v4), 10); v != want {
						return fmt.Errorf("id %s, mock %s", v, want)
					}
					return nil
				})),
			},
		}, {
			ResourceName: ptrAddr, ImportState: true, ImportStateVerify: true,
		}}
		if env.Mock.Alt(mockapi.AltDNSPTRCreateAnswer) == "id" {
			steps = append(steps, resource.TestStep{
				ResourceName: ptrAddr, ImportState: true, ImportStateVerify: true, ImportStateId: v4,
			}, resource.TestStep{
				// Deleted outside Terraform: re-created.
				PreConfig: func() { env.Mock.Gigahost.DNS.DeleteZone(env.Mock.Gigahost.DNS.ZoneID(v4)) },
				Config:    ptrConfig(env, "185.181.63.0/24", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ptrAddr, plancheck.ResourceActionCreate),
				}},
				Check: zoneExists(env, v4, true),
			}, resource.TestStep{
				// Another prefix is another zone.
				Config: ptrConfig(env, "2a03:94e0::/32", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ptrAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(zoneExists(env, v4, false), zoneExists(env, v6, true)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ptrAddr, tfjsonpath.New("zone_name"), knownvalue.StringExact(v6)),
					statecheck.ExpectKnownValue(ptrAddr, tfjsonpath.New("ip_version"), knownvalue.StringExact("ipv6")),
				},
			})
		}
		env.Test(t, resource.TestCase{
			CheckDestroy: resource.ComposeAggregateTestCheckFunc(zoneExists(env, v4, false), zoneExists(env, v6, false)),
			Steps:        steps,
		})
		var posts int
		for _, r := range env.Mock.Requests() {
			if r.Method == "POST" && r.Path == "/dns/zones/ptr" {
				posts++
			}
		}
		want := 1 // the lost one, adopted
		if env.Mock.Alt(mockapi.AltDNSPTRCreateAnswer) == "id" {
			want = 3 // and the re-creation, and the IPv6 zone
		}
		if posts != want {
			t.Errorf("%d reverse zone creates, want %d", posts, want)
		}
	})
}

// Prefixes that are not an IPv4 /24 or an IPv6 prefix on a nibble boundary
// are refused at plan time without a request.
func TestAccPTRZone_badPrefixAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var steps []resource.TestStep
	for prefix, want := range map[string]string{
		"185.181.63.0/23": "an IPv4 reverse zone must be a /24",
		"185.181.63.9/24": "must be the network's address with the host bits zero",
		"185.181.63":      "must be a network in CIDR form",
		"2a03:94e0::/30":  "must end on a nibble boundary",
	} {
		steps = append(steps, resource.TestStep{
			Config: ptrConfig(env, prefix, false), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)prefix.*` + phrase(want).String()),
		})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("bad prefixes reached the API: %d requests", n)
	}
}
