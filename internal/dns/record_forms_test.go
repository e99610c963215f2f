package dns_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// valueFormAlts are the silent points of how the API lists record values
// and which value a DELETE must carry, each with the records (labels of
// formRecords) whose form it changes.
var valueFormAlts = []struct {
	alt    mockapi.Alt
	labels []string
}{
	{mockapi.AltDNSTXTList, []string{"spf", "dmarc"}},
	{mockapi.AltDNSTXTDelete, []string{"spf", "dmarc"}},
	{mockapi.AltDNSHostList, []string{"cname", "ns", "ptr", "srv"}},
	{mockapi.AltDNSHostDelete, []string{"cname", "ns", "ptr", "srv"}},
	{mockapi.AltDNSSRVList, []string{"srv"}},
	{mockapi.AltDNSSRVDelete, []string{"srv"}},
	{mockapi.AltDNSCAAValue, []string{"caa"}},
	{mockapi.AltDNSRecordNumbers, []string{"mx", "rr"}},
}

// formRecords are records of every type whose value form is silent, beside
// round-robin and MX siblings (addSiblings) that must survive every delete.
var formRecords = map[string]rec{
	"spf":   {label: "spf", name: "@", typ: "TXT", value: "v=spf1 mx -all"},
	"dmarc": {label: "dmarc", name: "_dmarc", typ: "TXT", value: `"v=DMARC1; p=none"`},
	"cname": {label: "cname", name: "docs", typ: "CNAME", value: "www.forms.example."},
	"ns":    {label: "ns", name: "sub", typ: "NS", value: "ns1.example.net"},
	"ptr":   {label: "ptr", name: "1", typ: "PTR", value: "host.forms.example"},
	"srv":   {label: "srv", name: "_sip._tcp", typ: "SRV", value: "5 5060 sip.forms.example.", priority: 20},
	"caa":   {label: "caa", name: "@", typ: "CAA", value: `0 issue "letsencrypt.org"`},
	"mx":    {label: "mx", name: "@", typ: "MX", value: "mx1.forms.example", priority: 10},
	"rr":    {label: "rr", name: "rr", typ: "A", value: "192.0.2.1", ttl: 300},
}

// siblings are created outside Terraform beside the managed records: same
// name and type, another value. No delete may take them along.
const siblingCount = 4

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
		if err := m.Gigahost.DNS.AddRecord(zoneID, s.name, s.typ, s.value, 3600, s.prio); err != nil {
			t.Fatal(err)
		}
	}
}

// mockRecord finds the mock's record of r (its value in any form).
func mockRecord(m *mockapi.Server, zoneID int64, r rec) []mockapi.DNSRecord {
	var out []mockapi.DNSRecord
	for _, d := range m.Gigahost.DNS.FindRecords(zoneID, r.name, r.typ, "") {
		if gigahost.SameValue(r.typ, d.Value, r.value) {
			out = append(out, d)
		}
	}
	return out
}

// Under every form the API may list values in and match them on DELETE,
// the records whose form it changes are created with no diff after (the
// test framework plans again after each apply), imported by id, found
// again after a change outside Terraform and updated back, and destroyed
// for real: the zone holds none of them after destroy, and the siblings
// stay.
func TestAccRecord_valueForms(t *testing.T) {
	t.Parallel()
	var alts []mockapi.Alt
	var labels []string
	for _, a := range valueFormAlts {
		alts = append(alts, a.alt)
		for _, l := range a.labels {
			if !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
	}
	// The points are independent, so one zone with every record runs them
	// all at once: a round per form rather than a test per form.
	acctest.EachRound(t, alts, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		testValueForms(t, env, labels)
	})
}

func testValueForms(t *testing.T, env *acctest.Env, labels []string) {
	m := env.Mock
	zoneID := m.Gigahost.DNS.AddZone("forms.example")
	addSiblings(t, m, zoneID)
	var cfg string
	for _, l := range labels {
		cfg += formRecords[l].hcl(fmt.Sprintf("%q", fmt.Sprint(zoneID)))
	}
	first := formRecords[labels[0]]
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(cfg),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockCount(m, zoneID, len(labels)+siblingCount),
				stateIDIsMock(env, "forms.example", addr(first.label)),
			),
		}, {
			// Imported by id, the value is as the list shows it: the same
			// value, perhaps spelled another way than the configuration.
			ResourceName: addr(first.label), ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"value"},
			ImportStateCheck: func(s []*terraform.InstanceState) error {
				if len(s) != 1 || !gigahost.SameValue(first.typ, s[0].Attributes["value"], first.value) {
					return fmt.Errorf("imported %s: %+v, want the value %q in any form", first.label, s, first.value)
				}
				return nil
			},
		}, {
			// A TTL changed outside Terraform: found by name, type and value
			// in whatever form the list shows, and set back.
			PreConfig: func() {
				r := mockRecord(m, zoneID, first)
				if len(r) != 1 || !m.Gigahost.DNS.EditRecord(zoneID, r[0].ID, r[0].Value, 900) {
					t.Fatalf("cannot edit %s in the mock: %+v", first.label, m.Gigahost.DNS.Records(zoneID))
				}
			},
			Config: env.Config(cfg),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr(first.label), plancheck.ResourceActionUpdate),
			}},
			Check: stateIDIsMock(env, "forms.example", addr(first.label)),
		}},
		CheckDestroy: func(*terraform.State) error {
			if left := m.Gigahost.DNS.Records(zoneID); len(left) != siblingCount {
				return fmt.Errorf("after destroy zone forms.example holds %d records, want only the %d siblings: %+v", len(left), siblingCount, left)
			}
			for _, l := range labels {
				if r := mockRecord(m, zoneID, formRecords[l]); len(r) != 0 {
					return fmt.Errorf("managed record %s still in the zone after destroy: %+v", l, r)
				}
			}
			return nil
		},
	})
}

// mockCount checks how many records the zone holds.
func mockCount(m *mockapi.Server, zoneID int64, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(m.Gigahost.DNS.Records(zoneID)); got != n {
			return fmt.Errorf("zone holds %d records, want %d: %+v", got, n, m.Gigahost.DNS.Records(zoneID))
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
						if r := m.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, "@", "TXT", ""); len(r) != 0 {
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
								id := m.Gigahost.DNS.ZoneID(zone)
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
