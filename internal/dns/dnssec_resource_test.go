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

const dnssecAddr = "gigahost_dns_dnssec.d"

func dnssecConfig(env *acctest.Env, zoneID int64) string {
	return env.Config(fmt.Sprintf("resource \"gigahost_dns_dnssec\" \"d\" { zone_id = \"%d\" }\n", zoneID))
}

// dnssecIs checks the mock's DNSSEC flag of the zone.
func dnssecIs(env *acctest.Env, zoneID int64, on bool) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := env.Mock.Gigahost.DNSSEC.Enabled(zoneID); got != on {
			return fmt.Errorf("mock DNSSEC of zone %d is %v, want %v", zoneID, got, on)
		}
		return nil
	}
}

// dsChecks are state checks that ds_records are the mock's DS records.
func dsChecks(env *acctest.Env, zoneID int64) []statecheck.StateCheck {
	var want []knownvalue.Check
	for _, d := range env.Mock.Gigahost.DNSSEC.DS(zoneID) {
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"key_tag": knownvalue.Int64Exact(d.KeyTag), "algorithm": knownvalue.Int64Exact(d.Algorithm),
			"digest_type": knownvalue.Int64Exact(d.DigestType), "digest": knownvalue.StringExact(d.Digest),
		}))
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("ds_records"), knownvalue.ListExact(want)),
		statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("external_dns"), knownvalue.Bool(false)),
	}
}

// A zone on Gigahost's name servers: DNSSEC on with its DS records, under
// every form of the DS list; import by id and by name; turned off outside
// Terraform, turned on again; a lost answer to the enabling is sent again
// (PUT is idempotent); destroy turns it off.
func TestAccDNSSEC_gigahostNameservers(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltDNSSECDSForm, func(t *testing.T, env *acctest.Env) {
		zoneID := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("signed.no", false)
		path := fmt.Sprintf("/dns/zones/%d/dnssec", zoneID)
		env.Mock.FailNext("gigahost", "PUT", path, mockapi.FaultDropAfter, 1)
		steps := []resource.TestStep{{
			Config: dnssecConfig(env, zoneID),
			Check:  dnssecIs(env, zoneID, true),
			ConfigStateChecks: append(dsChecks(env, zoneID),
				statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("id"), knownvalue.StringExact(strconv.FormatInt(zoneID, 10))),
				statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("zone_name"), knownvalue.StringExact("signed.no"))),
		}, {
			ResourceName: dnssecAddr, ImportState: true, ImportStateVerify: true,
		}}
		if env.Mock.Alt(mockapi.AltDNSSECDSForm) == "string" {
			steps = append(steps, resource.TestStep{
				ResourceName: dnssecAddr, ImportState: true, ImportStateVerify: true, ImportStateId: "Signed.NO.",
			}, resource.TestStep{
				// Turned off outside Terraform: planned on again.
				PreConfig: func() { env.Mock.Gigahost.DNSSEC.SetEnabled(zoneID, false) },
				Config:    dnssecConfig(env, zoneID),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(dnssecAddr, plancheck.ResourceActionCreate),
				}},
				Check: dnssecIs(env, zoneID, true),
			})
		}
		env.Test(t, resource.TestCase{
			CheckDestroy: dnssecIs(env, zoneID, false),
			Steps:        steps,
		})
		var faults, puts int
		for _, r := range env.Mock.Requests() {
			if r.Method == "PUT" && r.Path == path {
				puts++
				if r.Fault == mockapi.FaultDropAfter {
					faults++
				}
			}
		}
		if faults != 1 || puts < 3 {
			t.Errorf("%d PUTs to %s (%d lost), want the lost one, its resend and the disable at least", puts, path, faults)
		}
	})
}

// A zone on external name servers: the API only sets the flag and shows
// instructions, not records, under either form of that answer.
func TestAccDNSSEC_externalNameservers(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltDNSSECExternalAnswer, func(t *testing.T, env *acctest.Env) {
		zoneID := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("outside.no", true)
		env.Test(t, resource.TestCase{
			CheckDestroy: dnssecIs(env, zoneID, false),
			Steps: []resource.TestStep{{
				Config: dnssecConfig(env, zoneID),
				Check:  dnssecIs(env, zoneID, true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("external_dns"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(dnssecAddr, tfjsonpath.New("ds_records"), knownvalue.ListSizeExact(0)),
				},
			}, {
				ResourceName: dnssecAddr, ImportState: true, ImportStateVerify: true,
			}},
		})
	})
}

// Bad input is refused at plan time without a request; an unregistered
// zone is refused with a clear error; a disable acknowledged but not done
// is caught by the read-back and the resource stays in state; a zone gone
// removes the resource from state.
func TestAccDNSSEC_refusalsAndFaults(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	plain := env.Mock.Gigahost.DNS.AddZone("plain.example")
	zoneID := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("held.no", false)
	path := fmt.Sprintf("/dns/zones/%d/dnssec", zoneID)
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config:      env.Config(`resource "gigahost_dns_dnssec" "d" { zone_id = "example.no" }`),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)zone_id.*must be a numeric zone id`),
	}, {
		PreConfig: func() {
			if n := len(env.Mock.Requests()); n != 0 {
				t.Errorf("bad input reached the API: %d requests", n)
			}
		},
		Config:      dnssecConfig(env, plain),
		ExpectError: phrase("DNSSEC is for registered .no domains only"),
	}, {
		Config:      dnssecConfig(env, plain),
		ExpectError: phrase("HTTP 403 to PUT /dns/zones/" + strconv.FormatInt(plain, 10) + "/dnssec: DNSSEC can only be enabled for registered domains."),
	}, {
		Config: dnssecConfig(env, zoneID),
		Check:  dnssecIs(env, zoneID, true),
	}, {
		// The disable is acknowledged but not done: the read-back says so.
		PreConfig:   func() { env.Mock.FailNext("gigahost", "PUT", path, mockapi.FaultAck, 1) },
		Config:      env.Config(""),
		ExpectError: phrase("DNSSEC is still enabled after the API answered its disabling with success"),
	}, {
		// Still in state: the next apply disables it.
		Config: env.Config(""),
		Check:  dnssecIs(env, zoneID, false),
	}, {
		Config: dnssecConfig(env, zoneID),
		Check:  dnssecIs(env, zoneID, true),
	}, {
		// The zone gone: the resource leaves the state, and is planned anew.
		PreConfig:          func() { env.Mock.Gigahost.DNS.DeleteZone(zoneID) },
		Config:             dnssecConfig(env, zoneID),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	}}})
}
