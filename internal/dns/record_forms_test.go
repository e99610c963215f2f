package dns_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// valueFormAlts are the silent points of how the API lists record values
// and which value a DELETE must carry.
var valueFormAlts = []mockapi.Alt{
	mockapi.AltDNSTXTList, mockapi.AltDNSTXTDelete, mockapi.AltDNSHostList, mockapi.AltDNSHostDelete,
	mockapi.AltDNSSRVList, mockapi.AltDNSSRVDelete, mockapi.AltDNSCAAValue, mockapi.AltDNSRecordNumbers,
}

// formRecords are records of every type whose value form is silent, with
// round-robin and MX siblings that must survive every delete.
var formRecords = []rec{
	{label: "spf", name: "@", typ: "TXT", value: "v=spf1 mx -all"},
	{label: "dmarc", name: "_dmarc", typ: "TXT", value: `"v=DMARC1; p=none"`},
	{label: "cname", name: "docs", typ: "CNAME", value: "www.forms.example."},
	{label: "ns", name: "sub", typ: "NS", value: "ns1.example.net"},
	{label: "ptr", name: "1", typ: "PTR", value: "host.forms.example"},
	{label: "srv", name: "_sip._tcp", typ: "SRV", value: "5 5060 sip.forms.example.", priority: 20},
	{label: "caa", name: "@", typ: "CAA", value: `0 issue "letsencrypt.org"`},
	{label: "mx", name: "@", typ: "MX", value: "mx1.forms.example", priority: 10},
	{label: "rr", name: "rr", typ: "A", value: "192.0.2.1", ttl: 300},
}

// siblings are created outside Terraform beside the managed records: same
// name and type, another value. No delete may take them along.
func addSiblings(t *testing.T, m *mockapi.Server, zoneID int64) {
	t.Helper()
	twenty := int64(20)
	for _, s := range []struct {
		name, typ, value string
		prio             *int64
	}{
		{"@", "TXT", "google-site-verification=abc", nil},
		{"sub", "NS", "ns2.example.net", nil},
		{"@", "MX", "mx2.forms.example", &twenty},
		{"rr", "A", "192.0.2.2", nil},
	} {
		if err := m.AddDNSRecord(zoneID, s.name, s.typ, s.value, 3600, s.prio); err != nil {
			t.Fatal(err)
		}
	}
}

// Under every form the API may list values in and match them on DELETE,
// records of every type are created with no diff after, imported by both
// id forms, found again after a change outside Terraform, and destroyed for
// real: the zone holds none of them after destroy, and the siblings stay.
func TestAccRecord_valueForms(t *testing.T) {
	t.Parallel()
	for _, alt := range valueFormAlts {
		t.Run(string(alt), func(t *testing.T) {
			t.Parallel()
			acctest.EachForm(t, alt, func(t *testing.T, env *acctest.Env) {
				t.Parallel()
				testValueForms(t, env)
			})
		})
	}
}

func testValueForms(t *testing.T, env *acctest.Env) {
	m := env.Mock
	zoneID := m.AddDNSZone("forms.example")
	addSiblings(t, m, zoneID)
	var cfg string
	for _, r := range formRecords {
		cfg += r.hcl(fmt.Sprintf("%q", fmt.Sprint(zoneID)))
	}
	steps := []resource.TestStep{{
		Config: env.Config(cfg),
		Check: resource.ComposeAggregateTestCheckFunc(
			mockCount(m, zoneID, len(formRecords)+4),
			stateIDIsMock(env, "forms.example", addr("spf")),
			stateIDIsMock(env, "forms.example", addr("srv")),
		),
	}, {
		Config:           env.Config(cfg),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	}}
	for _, r := range formRecords {
		// Imported by id, the value is as the list shows it: the same
		// value, perhaps spelled another way than the configuration.
		want := r
		steps = append(steps, resource.TestStep{
			ResourceName: addr(r.label), ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"value"},
			ImportStateCheck: func(s []*terraform.InstanceState) error {
				if len(s) != 1 || !gigahost.SameValue(want.typ, s[0].Attributes["value"], want.value) {
					return fmt.Errorf("imported %s: %+v, want the value %q in any form", want.label, s, want.value)
				}
				return nil
			},
		})
	}
	// A TTL changed outside Terraform: found by name, type and value in
	// whatever form the list shows, and set back.
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			r := m.FindDNSRecords(zoneID, "@", "TXT", "v=spf1 mx -all")
			if len(r) != 1 || !m.EditDNSRecord(zoneID, r[0].ID, "v=spf1 mx -all", 900) {
				t.Fatalf("cannot edit the TXT record in the mock: %+v", m.DNSRecords(zoneID))
			}
		},
		Config: env.Config(cfg),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(addr("spf"), plancheck.ResourceActionUpdate),
		}},
		Check: stateIDIsMock(env, "forms.example", addr("spf")),
	})
	env.Test(t, resource.TestCase{
		Steps: steps,
		CheckDestroy: func(*terraform.State) error {
			left := m.DNSRecords(zoneID)
			if len(left) != 4 {
				return fmt.Errorf("after destroy zone forms.example holds %d records, want only the 4 siblings: %+v", len(left), left)
			}
			for _, r := range left {
				for _, f := range formRecords {
					if r.Name == f.name && r.Type == f.typ && r.Value == f.value {
						return fmt.Errorf("managed record %+v still in the zone after destroy", r)
					}
				}
			}
			return nil
		},
	})
}

// mockCount checks how many records the zone holds.
func mockCount(m *mockapi.Server, zoneID int64, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(m.DNSRecords(zoneID)); got != n {
			return fmt.Errorf("zone holds %d records, want %d: %+v", got, n, m.DNSRecords(zoneID))
		}
		return nil
	}
}

// Issue 8: a destroyed TXT record stayed live, because the DELETE carried
// the value quoted and the API, matching nothing, answered 200. The record
// must be gone from the zone after destroy, whichever form the API lists
// and matches TXT in.
func TestAccRecord_destroyedTXTIsGone(t *testing.T) {
	t.Parallel()
	for _, alt := range []mockapi.Alt{mockapi.AltDNSTXTDelete, mockapi.AltDNSTXTList} {
		t.Run(string(alt), func(t *testing.T) {
			t.Parallel()
			acctest.EachForm(t, alt, func(t *testing.T, env *acctest.Env) {
				t.Parallel()
				m := env.Mock
				txt := rec{label: "spf", name: "@", typ: "TXT", value: "v=spf1 mx -all"}
				env.Test(t, resource.TestCase{
					Steps: []resource.TestStep{{
						Config: env.Config(seededConfig(txt)),
						Check:  mockHas(env, mockapi.SeedZoneName, "@", "TXT", "v=spf1 mx -all", 1),
					}},
					CheckDestroy: func(*terraform.State) error {
						if r := m.FindDNSRecords(mockapi.SeedZoneID, "@", "TXT", ""); len(r) != 0 {
							return fmt.Errorf("the TXT record is still in the zone after destroy: %+v", r)
						}
						return nil
					},
				})
			})
		})
	}
}

// Issue 8: a zone create whose answer is lost after it took effect ended in
// "Zone already exists" and orphaned the zone. It is adopted from the zone
// list instead, created once, and destroyed with the configuration.
func TestAccZone_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	for name, fault := range map[string]mockapi.Fault{"created then dropped": mockapi.FaultDropAfter, "refused with 502": mockapi.Fault502} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			acctest.EachForm(t, mockapi.AltDNSZoneCreateAnswer, func(t *testing.T, env *acctest.Env) {
				m := env.Mock
				const zone = "lost.example"
				m.FailNext("gigahost", http.MethodPost, "/dns/zones", fault, 1)
				env.Test(t, resource.TestCase{
					CheckDestroy: zoneGone(env, zone),
					Steps: []resource.TestStep{{
						Config: env.Config(zoneConfig(zone)),
						Check: resource.ComposeAggregateTestCheckFunc(
							func(s *terraform.State) error {
								id := m.DNSZoneID(zone)
								got := s.RootModule().Resources["gigahost_dns_zone.z"].Primary.ID
								if id == 0 || got != fmt.Sprint(id) {
									return fmt.Errorf("state id %q, mock zone id %d", got, id)
								}
								return nil
							},
						),
					}},
				})
				if n := faulted(m, http.MethodPost, fault); n != 1 {
					t.Errorf("the mock injected %s into %d creates, want 1", fault, n)
				}
			})
		})
	}
}

// The zone list's zone_id as a string or a number: a zone is created,
// imported by id and by name, and destroyed.
func TestAccZone_idForms(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltDNSZoneIDType, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		const zone = "idform.example"
		env.Test(t, resource.TestCase{
			CheckDestroy: zoneGone(env, zone),
			Steps: []resource.TestStep{{
				Config: env.Config(zoneConfig(zone, rec{label: "a", name: "@", typ: "A", value: "192.0.2.9"})),
				Check:  mockHas(env, zone, "@", "A", "192.0.2.9", 1),
			}, {
				ResourceName: "gigahost_dns_zone.z", ImportState: true, ImportStateVerify: true,
			}, {
				ResourceName: "gigahost_dns_zone.z", ImportState: true, ImportStateId: zone,
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if len(s) != 1 || s[0].ID == "" || s[0].ID == zone {
						return fmt.Errorf("import by name: %+v", s)
					}
					return nil
				},
			}},
		})
	})
}
