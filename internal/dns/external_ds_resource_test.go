package dns_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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

const externalDSAddr = "gigahost_dns_external_ds.e"

var (
	dsA = mockapi.MockDS{KeyTag: 12345, Algorithm: 13, DigestType: 2, Digest: "1234567890abcdef1234567890abcdef1234567890abcdef1234567890ab"}
	dsB = mockapi.MockDS{KeyTag: 54321, Algorithm: 8, DigestType: 4, Digest: "ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01ABCDEF01"}
)

func externalDSConfig(env *acctest.Env, zoneID any, ds ...mockapi.MockDS) string {
	var items []string
	for _, d := range ds {
		items = append(items, fmt.Sprintf("{ key_tag = %d, algorithm = %d, digest_type = %d, digest = %q }", d.KeyTag, d.Algorithm, d.DigestType, d.Digest))
	}
	return env.Config(fmt.Sprintf("resource \"gigahost_dns_external_ds\" \"e\" {\n  zone_id = \"%v\"\n  ds_records = [%s]\n}\n", zoneID, strings.Join(items, ", ")))
}

// mockExternalDS checks the zone's stored DS records (digests without case).
func mockExternalDS(env *acctest.Env, zoneID int64, want ...mockapi.MockDS) resource.TestCheckFunc {
	return func(*terraform.State) error {
		key := func(d mockapi.MockDS) string { return strings.ToUpper(d.String()) }
		var got, exp []string
		for _, d := range env.Mock.Gigahost.DNSSEC.ExternalDS(zoneID) {
			got = append(got, key(d))
		}
		for _, d := range want {
			exp = append(exp, key(d))
		}
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			return fmt.Errorf("mock external DS of zone %d: %v, want %v", zoneID, got, exp)
		}
		return nil
	}
}

// The set is submitted, changed in place, imported, planned back after a
// change outside Terraform and re-submitted after it was emptied; a 500 on
// the submission is retried (it replaces the set: no harm); destroy
// submits an empty set, under either answer to it: accepted (the records
// go) or refused (the resource leaves the state with a warning, the records
// stay). An empty list is read as none in either form.
func TestAccExternalDS_lifecycle(t *testing.T) {
	t.Parallel()
	acctest.EachRound(t, []mockapi.Alt{mockapi.AltDNSSECExternalEmpty, mockapi.AltDNSSECExternalNone}, func(t *testing.T, env *acctest.Env) {
		zoneID := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("outside.no", true)
		path := fmt.Sprintf("/dns/zones/%d/ds-records/external", zoneID)
		refused := env.Mock.Alt(mockapi.AltDNSSECExternalEmpty) == "refused"
		steps := []resource.TestStep{{
			PreConfig: func() { env.Mock.FailNext("gigahost", "POST", path, mockapi.Fault500, 1) },
			Config:    externalDSConfig(env, zoneID, dsA),
			Check:     mockExternalDS(env, zoneID, dsA),
			ConfigStateChecks: []statecheck.StateCheck{
				// The configured (lower-case) digest is kept.
				statecheck.ExpectKnownValue(externalDSAddr, tfjsonpath.New("ds_records"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"key_tag": knownvalue.Int64Exact(12345), "digest": knownvalue.StringExact(dsA.Digest)}),
				})),
			},
		}, {
			// Emptied outside Terraform: submitted again.
			PreConfig: func() { env.Mock.Gigahost.DNSSEC.SetExternalDS(zoneID, nil) },
			Config:    externalDSConfig(env, zoneID, dsA),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(externalDSAddr, plancheck.ResourceActionCreate),
			}},
			Check: mockExternalDS(env, zoneID, dsA),
		}}
		if !refused {
			steps = append(steps, resource.TestStep{
				// A second record: the set changes in place.
				Config: externalDSConfig(env, zoneID, dsA, dsB),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(externalDSAddr, plancheck.ResourceActionUpdate),
				}},
				Check: mockExternalDS(env, zoneID, dsA, dsB),
			}, resource.TestStep{
				ResourceName: externalDSAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"ds_records"}, // the imported digests are the API's spelling
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if len(s) != 1 || s[0].Attributes["ds_records.#"] != "2" || s[0].Attributes["zone_id"] != fmt.Sprint(zoneID) {
						return fmt.Errorf("imported %+v", s)
					}
					return nil
				},
			}, resource.TestStep{
				// Changed outside Terraform: planned back.
				PreConfig: func() { env.Mock.Gigahost.DNSSEC.SetExternalDS(zoneID, []mockapi.MockDS{dsB}) },
				Config:    externalDSConfig(env, zoneID, dsA, dsB),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(externalDSAddr, plancheck.ResourceActionUpdate),
				}},
				Check: mockExternalDS(env, zoneID, dsA, dsB),
			})
		}
		destroyed := mockExternalDS(env, zoneID)
		if refused {
			destroyed = mockExternalDS(env, zoneID, dsA) // the warning's case: the records stay
		}
		env.Test(t, resource.TestCase{CheckDestroy: destroyed, Steps: steps})
	})
}

// Bad input is refused at plan time without a request; a zone on
// Gigahost's name servers is refused by the API with its message.
func TestAccExternalDS_refusals(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	bad := []struct {
		ds   mockapi.MockDS
		want string
	}{
		{mockapi.MockDS{KeyTag: 70000, Algorithm: 13, DigestType: 2, Digest: "AB"}, `key_tag.*between 0 and 65535`},
		{mockapi.MockDS{KeyTag: 1, Algorithm: 99, DigestType: 2, Digest: "AB"}, `algorithm.*one of`},
		{mockapi.MockDS{KeyTag: 1, Algorithm: 13, DigestType: 3, Digest: "AB"}, `digest_type.*one of`},
		{mockapi.MockDS{KeyTag: 1, Algorithm: 13, DigestType: 2, Digest: "not hex"}, `digest.*must be a hexadecimal digest`},
	}
	var steps []resource.TestStep
	for _, b := range bad {
		steps = append(steps, resource.TestStep{
			Config: externalDSConfig(env, mockapi.SeedZoneID, b.ds), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)` + b.want),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: externalDSConfig(env, mockapi.SeedZoneID), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)ds_records.*at least 1`),
	}, resource.TestStep{
		Config: externalDSConfig(env, "example.no", dsA), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)zone_id.*must be a numeric zone id`),
	}, resource.TestStep{
		PreConfig: func() {
			if n := len(env.Mock.Requests()); n != 0 {
				t.Errorf("bad input reached the API: %d requests", n)
			}
		},
		// The seeded zone is on Gigahost's name servers.
		Config:      externalDSConfig(env, mockapi.SeedZoneID, dsA),
		ExpectError: phrase("HTTP 400 to POST /dns/zones/123/ds-records/external: This endpoint is only for externally hosted domains."),
	})
	env.Test(t, resource.TestCase{Steps: steps})
}
