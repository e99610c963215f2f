package dns_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// rec is one gigahost_dns_record in a test configuration.
type rec struct {
	label, name, typ, value string
	ttl, priority           int64 // 0: unset
}

func (r rec) hcl(zoneRef string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"gigahost_dns_record\" %q {\n  zone_id = %s\n  name = %q\n  type = %q\n  value = %q\n", r.label, zoneRef, r.name, r.typ, r.value)
	if r.ttl != 0 {
		fmt.Fprintf(&b, "  ttl = %d\n", r.ttl)
	}
	if r.priority != 0 {
		fmt.Fprintf(&b, "  priority = %d\n", r.priority)
	}
	b.WriteString("}\n")
	return b.String()
}

// zoneConfig is a zone named zone and the records in it.
func zoneConfig(zone string, records ...rec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"gigahost_dns_zone\" \"z\" {\n  name = %q\n}\n", zone)
	for _, r := range records {
		b.WriteString(r.hcl("gigahost_dns_zone.z.id"))
	}
	return b.String()
}

// seededConfig is records in the mock's pre-seeded zone.
func seededConfig(records ...rec) string {
	var b strings.Builder
	for _, r := range records {
		b.WriteString(r.hcl(strconv.Quote(strconv.Itoa(mockapi.SeedZoneID))))
	}
	return b.String()
}

func addr(label string) string { return "gigahost_dns_record." + label }

// mockHas checks that the mock's zone holds exactly n records of that name,
// type and value (as the list shows it).
func mockHas(env *acctest.Env, zone, name, typ, value string, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		id := zoneIDOf(env, zone)
		if got := len(env.Mock.Gigahost.DNS.FindRecords(id, name, typ, value)); got != n {
			return fmt.Errorf("mock zone %s holds %d %s %s %q records, want %d: %+v", zone, got, name, typ, value, n, env.Mock.Gigahost.DNS.Records(id))
		}
		return nil
	}
}

func zoneIDOf(env *acctest.Env, zone string) int64 {
	if zone == mockapi.SeedZoneName {
		return mockapi.SeedZoneID
	}
	return env.Mock.Gigahost.DNS.ZoneID(zone)
}

// zoneGone checks after destroy that the zone is gone from the mock.
func zoneGone(env *acctest.Env, zone string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if id := env.Mock.Gigahost.DNS.ZoneID(zone); id != 0 {
			return fmt.Errorf("zone %s (%d) still exists after destroy", zone, id)
		}
		return nil
	}
}

func TestAccRecord_allTypes(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const zone = "types.example"
	records := []rec{
		{label: "a", name: "@", typ: "A", value: "192.0.2.10"},
		{label: "aaaa", name: "www.types.example.", typ: "AAAA", value: "2001:DB8::10"},
		{label: "cname", name: "docs.types.example", typ: "CNAME", value: "www.types.example."},
		{label: "mx", name: "@", typ: "MX", value: "mail.types.example.", priority: 10},
		{label: "txt", name: "@", typ: "TXT", value: "v=spf1 include:_spf.example.net -all"},
		{label: "txt_quoted", name: "_dmarc", typ: "TXT", value: `"v=DMARC1; p=none"`},
		{label: "ns", name: "sub", typ: "NS", value: "ns1.example.net"},
		{label: "srv", name: "_sip._tcp", typ: "SRV", value: "5 5060 sip.types.example.", priority: 20},
		{label: "caa", name: "@", typ: "CAA", value: `0 issue "letsencrypt.org"`, ttl: 300},
		{label: "txt_escapes", name: "esc", typ: "TXT", value: `path=C:\dir "quoted"`},
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: env.Config(zoneConfig(zone, records...)),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "@", "A", "192.0.2.10", 1),
				mockHas(env, zone, "www", "AAAA", "2001:DB8::10", 1),
				mockHas(env, zone, "docs", "CNAME", "www.types.example", 1),
				mockHas(env, zone, "@", "MX", "mail.types.example", 1),
				mockHas(env, zone, "@", "TXT", "v=spf1 include:_spf.example.net -all", 1),
				mockHas(env, zone, "_dmarc", "TXT", `"v=DMARC1; p=none"`, 1),
				mockHas(env, zone, "sub", "NS", "ns1.example.net", 1),
				mockHas(env, zone, "_sip._tcp", "SRV", "5 5060 sip.types.example", 1),
				mockHas(env, zone, "@", "CAA", `0 issue "letsencrypt.org"`, 1),
				mockHas(env, zone, "esc", "TXT", `path=C:\dir "quoted"`, 1),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				// What the configuration wrote is kept (no diff), even where the API stores another form.
				statecheck.ExpectKnownValue(addr("aaaa"), tfjsonpath.New("name"), knownvalue.StringExact("www.types.example.")),
				statecheck.ExpectKnownValue(addr("mx"), tfjsonpath.New("value"), knownvalue.StringExact("mail.types.example.")),
				statecheck.ExpectKnownValue(addr("mx"), tfjsonpath.New("priority"), knownvalue.Int64Exact(10)),
				statecheck.ExpectKnownValue(addr("txt"), tfjsonpath.New("value"), knownvalue.StringExact("v=spf1 include:_spf.example.net -all")),
				statecheck.ExpectKnownValue(addr("a"), tfjsonpath.New("ttl"), knownvalue.Int64Exact(3600)),
				statecheck.ExpectKnownValue(addr("a"), tfjsonpath.New("priority"), knownvalue.Null()),
				statecheck.ExpectKnownValue(addr("caa"), tfjsonpath.New("ttl"), knownvalue.Int64Exact(300)),
				statecheck.ExpectKnownValue(addr("a"), tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+/[0-9a-f]+$`))),
			},
		}, {
			// The other spellings of the same records plan no change either.
			Config: env.Config(zoneConfig(zone,
				rec{label: "a", name: "types.example", typ: "A", value: "192.0.2.10"},
				rec{label: "aaaa", name: "www", typ: "AAAA", value: "2001:db8::10"},
				rec{label: "cname", name: "docs", typ: "CNAME", value: "www.types.example"},
				rec{label: "mx", name: "types.example.", typ: "MX", value: "mail.types.example", priority: 10},
				rec{label: "txt", name: "@", typ: "TXT", value: `"v=spf1 include:_spf.example.net -all"`},
				rec{label: "txt_quoted", name: "_dmarc", typ: "TXT", value: `v=DMARC1; p=none`},
				records[6], records[7], records[8], records[9],
			)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		}},
	})
}

func TestAccRecord_updateValueAndTTL(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const zone = "update.example"
	idSame := statecheck.CompareValue(compare.ValuesDiffer())
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: env.Config(zoneConfig(zone, rec{label: "web", name: "web", typ: "A", value: "192.0.2.1"})),
			Check:  mockHas(env, zone, "web", "A", "192.0.2.1", 1),
			ConfigStateChecks: []statecheck.StateCheck{
				idSame.AddStateValue(addr("web"), tfjsonpath.New("record_id")),
			},
		}, {
			Config: env.Config(zoneConfig(zone, rec{label: "web", name: "web", typ: "A", value: "192.0.2.2"})),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("web"), plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "web", "A", "192.0.2.2", 1),
				mockHas(env, zone, "web", "A", "192.0.2.1", 0),
				stateIDIsMock(env, zone, addr("web")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				idSame.AddStateValue(addr("web"), tfjsonpath.New("record_id")),
			},
		}, {
			Config: env.Config(zoneConfig(zone, rec{label: "web", name: "web", typ: "A", value: "192.0.2.2", ttl: 120})),
			Check: resource.ComposeAggregateTestCheckFunc(
				stateIDIsMock(env, zone, addr("web")),
				func(*terraform.State) error {
					r := env.Mock.Gigahost.DNS.FindRecords(env.Mock.Gigahost.DNS.ZoneID(zone), "web", "A", "192.0.2.2")
					if len(r) != 1 || r[0].TTL != 120 {
						return fmt.Errorf("mock records: %+v, want one with ttl 120", r)
					}
					return nil
				},
			),
			ConfigStateChecks: []statecheck.StateCheck{
				idSame.AddStateValue(addr("web"), tfjsonpath.New("record_id")),
				statecheck.ExpectKnownValue(addr("web"), tfjsonpath.New("ttl"), knownvalue.Int64Exact(120)),
			},
		}},
	})
}

// stateIDIsMock checks that the record_id in state is the id the mock shows
// for the record now.
func stateIDIsMock(env *acctest.Env, zone, address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		id := rs.Primary.Attributes["record_id"]
		zoneID := zoneIDOf(env, zone)
		for _, r := range env.Mock.Gigahost.DNS.Records(zoneID) {
			if r.ID == id {
				if want := fmt.Sprintf("%d/%s", zoneID, id); rs.Primary.ID != want {
					return fmt.Errorf("id %q, want %q", rs.Primary.ID, want)
				}
				return nil
			}
		}
		return fmt.Errorf("record_id %s of %s is not in the mock: %+v", id, address, env.Mock.Gigahost.DNS.Records(zoneID))
	}
}

func TestAccRecord_roundRobin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const zone = "rr.example"
	a := func(label, ip string) rec { return rec{label: label, name: "pool", typ: "A", value: ip} }
	var idsBefore map[string]string
	snapshot := func(*terraform.State) error {
		idsBefore = map[string]string{}
		for _, r := range env.Mock.Gigahost.DNS.FindRecords(env.Mock.Gigahost.DNS.ZoneID(zone), "pool", "A", "") {
			idsBefore[r.Value] = r.ID
		}
		return nil
	}
	untouched := func(values ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			for _, v := range values {
				r := env.Mock.Gigahost.DNS.FindRecords(env.Mock.Gigahost.DNS.ZoneID(zone), "pool", "A", v)
				if len(r) != 1 || r[0].ID != idsBefore[v] {
					return fmt.Errorf("sibling %s was touched: %+v (id before %s)", v, r, idsBefore[v])
				}
			}
			return nil
		}
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: env.Config(zoneConfig(zone, a("one", "192.0.2.1"), a("two", "192.0.2.2"), a("three", "192.0.2.3"))),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "pool", "A", "", 3),
				stateIDIsMock(env, zone, addr("one")), stateIDIsMock(env, zone, addr("two")), stateIDIsMock(env, zone, addr("three")),
				snapshot,
			),
		}, {
			// Change one of the three: the other two keep their content and ids.
			Config: env.Config(zoneConfig(zone, a("one", "192.0.2.1"), a("two", "192.0.2.22"), a("three", "192.0.2.3"))),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("two"), plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(addr("one"), plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction(addr("three"), plancheck.ResourceActionNoop),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "pool", "A", "", 3),
				mockHas(env, zone, "pool", "A", "192.0.2.22", 1),
				untouched("192.0.2.1", "192.0.2.3"),
				stateIDIsMock(env, zone, addr("two")),
				snapshot,
			),
		}, {
			// Destroy one: the API would delete all three without the value.
			Config: env.Config(zoneConfig(zone, a("one", "192.0.2.1"), a("three", "192.0.2.3"))),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("two"), plancheck.ResourceActionDestroy),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "pool", "A", "", 2),
				mockHas(env, zone, "pool", "A", "192.0.2.22", 0),
				untouched("192.0.2.1", "192.0.2.3"),
			),
		}},
	})
}

func TestAccRecord_mxSiblings(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const zone = "mx.example"
	mx := func(label, host string, prio int64) rec {
		return rec{label: label, name: "@", typ: "MX", value: host, priority: prio}
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: env.Config(zoneConfig(zone, mx("primary", "mx1.mx.example", 10), mx("backup", "mx2.mx.example.", 20))),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "@", "MX", "", 2),
				mockHas(env, zone, "@", "MX", "mx1.mx.example", 1),
				mockHas(env, zone, "@", "MX", "mx2.mx.example", 1),
			),
		}, {
			// A new priority changes the id of that record only.
			Config: env.Config(zoneConfig(zone, mx("primary", "mx1.mx.example", 5), mx("backup", "mx2.mx.example.", 20))),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "@", "MX", "", 2),
				stateIDIsMock(env, zone, addr("primary")),
				stateIDIsMock(env, zone, addr("backup")),
				func(*terraform.State) error {
					r := env.Mock.Gigahost.DNS.FindRecords(env.Mock.Gigahost.DNS.ZoneID(zone), "@", "MX", "mx1.mx.example")
					if len(r) != 1 || r[0].Priority == nil || *r[0].Priority != 5 {
						return fmt.Errorf("mx1 in mock: %+v, want priority 5", r)
					}
					return nil
				},
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr("primary"), tfjsonpath.New("priority"), knownvalue.Int64Exact(5)),
			},
		}, {
			// Deleting one MX sends its stored form and leaves its sibling.
			Config: env.Config(zoneConfig(zone, mx("backup", "mx2.mx.example.", 20))),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, zone, "@", "MX", "", 1),
				mockHas(env, zone, "@", "MX", "mx2.mx.example", 1),
				stateIDIsMock(env, zone, addr("backup")),
			),
		}},
	})
}

func TestAccRecord_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	records := []rec{
		{label: "web", name: "imp", typ: "A", value: "192.0.2.7", ttl: 600},
		{label: "mail", name: "@", typ: "MX", value: "mx.imp.example.net", priority: 15},
		{label: "path", name: "imp", typ: "TXT", value: `"a/b/c=d"`},
	}
	spf := rec{label: "spf", name: "@", typ: "TXT", value: "v=spf1 mx -all"}
	steps := []resource.TestStep{{Config: env.Config(seededConfig(append(records, spf)...))}}
	for _, r := range records {
		// <zone_id>/<record_id>
		steps = append(steps, resource.TestStep{
			ResourceName: addr(r.label), ImportState: true, ImportStateVerify: true,
		}, resource.TestStep{
			// <zone_id>/<name>/<type>/<value>, the value as the list shows it
			// (MX without priority or trailing dot; a value with slashes).
			ResourceName: addr(r.label), ImportState: true, ImportStateVerify: true,
			ImportStateId: fmt.Sprintf("%d/%s/%s/%s", mockapi.SeedZoneID, r.name, r.typ, strings.TrimSuffix(r.value, ".")),
		})
	}
	// A TXT value with spaces, as examples/resources/gigahost_dns_record/
	// import.sh quotes it for the shell: with the value's own quotes (as the
	// list shows it) and without them.
	for _, value := range []string{`"v=spf1 mx -all"`, `v=spf1 mx -all`} {
		steps = append(steps, resource.TestStep{
			ResourceName: addr("spf"), ImportState: true, ImportStateVerify: true,
			ImportStateId: fmt.Sprintf("%d/@/TXT/%s", mockapi.SeedZoneID, value),
			// The imported value keeps the id's form; both are the same TXT
			// data (the value's semantic equality: no diff in the next plan).
			ImportStateVerifyIgnore: []string{"value"},
			ImportStateCheck: func(is []*terraform.InstanceState) error {
				if len(is) != 1 || strings.Trim(is[0].Attributes["value"], `"`) != spf.value {
					return fmt.Errorf("imported %v, want the TXT record %q", is, spf.value)
				}
				return nil
			},
		})
	}
	steps = append(steps, resource.TestStep{
		ResourceName: addr("web"), ImportState: true, ImportStateId: fmt.Sprintf("%d/imp/A/192.0.2.99", mockapi.SeedZoneID),
		ExpectError: regexp.MustCompile(`(?i)cannot import non-existent remote object`),
	}, resource.TestStep{
		ResourceName: addr("web"), ImportState: true, ImportStateId: fmt.Sprintf("%d/imp/A", mockapi.SeedZoneID),
		ExpectError: regexp.MustCompile(`not of the form`),
	})
	env.Test(t, resource.TestCase{Steps: steps})
}

func TestAccRecord_driftAndDisappearance(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(seededConfig(
		rec{label: "app", name: "app", typ: "A", value: "192.0.2.50", ttl: 300},
		rec{label: "app2", name: "app", typ: "A", value: "192.0.2.51", ttl: 300},
	))
	find := func(value string) []mockapi.DNSRecord {
		return env.Mock.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, "app", "A", value)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
		}, {
			// TTL changed outside Terraform: the id changes, the record is
			// found by name, type and value, and the plan sets the TTL back.
			PreConfig: func() {
				r := find("192.0.2.50")
				if len(r) != 1 || !env.Mock.Gigahost.DNS.EditRecord(mockapi.SeedZoneID, r[0].ID, "192.0.2.50", 900) {
					t.Fatalf("cannot edit the record in the mock: %+v", r)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("app"), plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(addr("app2"), plancheck.ResourceActionNoop),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					if r := find("192.0.2.50"); len(r) != 1 || r[0].TTL != 300 {
						return fmt.Errorf("after apply: %+v, want ttl 300", r)
					}
					return nil
				},
				stateIDIsMock(env, mockapi.SeedZoneName, addr("app")),
			),
		}, {
			// Value changed outside Terraform: the record is no longer this
			// resource's; it is re-created and the changed one is left alone.
			PreConfig: func() {
				r := find("192.0.2.50")
				if len(r) != 1 || !env.Mock.Gigahost.DNS.EditRecord(mockapi.SeedZoneID, r[0].ID, "192.0.2.60", 300) {
					t.Fatalf("cannot edit the record in the mock: %+v", r)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("app"), plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(addr("app2"), plancheck.ResourceActionNoop),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, mockapi.SeedZoneName, "app", "A", "192.0.2.50", 1),
				mockHas(env, mockapi.SeedZoneName, "app", "A", "192.0.2.60", 1),
				mockHas(env, mockapi.SeedZoneName, "app", "A", "192.0.2.51", 1),
				stateIDIsMock(env, mockapi.SeedZoneName, addr("app")),
			),
		}, {
			// Deleted outside Terraform: re-created.
			PreConfig: func() {
				r := find("192.0.2.51")
				if len(r) != 1 || !env.Mock.Gigahost.DNS.DeleteRecord(mockapi.SeedZoneID, r[0].ID) {
					t.Fatalf("cannot delete the record in the mock: %+v", r)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr("app2"), plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(addr("app"), plancheck.ResourceActionNoop),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, mockapi.SeedZoneName, "app", "A", "192.0.2.51", 1),
				stateIDIsMock(env, mockapi.SeedZoneName, addr("app2")),
			),
		}},
		CheckDestroy: func(*terraform.State) error {
			// Only the records Terraform manages are gone; the one changed
			// outside Terraform and the seeded records stay.
			if r := find(""); len(r) != 1 || r[0].Value != "192.0.2.60" {
				return fmt.Errorf("after destroy: %+v, want only the unmanaged 192.0.2.60", r)
			}
			if n := len(env.Mock.Gigahost.DNS.Records(mockapi.SeedZoneID)); n != 4 {
				return fmt.Errorf("after destroy the seeded zone holds %d records, want 4", n)
			}
			return nil
		},
	})
}

func TestAccRecord_badInputAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct {
		r    rec
		want string
	}{
		{rec{label: "x", name: "a", typ: "A", value: "2001:db8::1"}, `IPv4`},
		{rec{label: "x", name: "a", typ: "AAAA", value: "192.0.2.1"}, `IPv6`},
		{rec{label: "x", name: "a", typ: "MX", value: "mail.example.no"}, `priority is required`},
		{rec{label: "x", name: "a", typ: "SRV", value: "5 5060 sip.example.no"}, `priority is required`},
		{rec{label: "x", name: "a", typ: "A", value: "192.0.2.1", priority: 10}, `priority applies only`},
		{rec{label: "x", name: "a", typ: "MX", value: "10 mail.example.no", priority: 10}, `host name`},
		{rec{label: "x", name: "a", typ: "A", value: "192.0.2.1", ttl: 10}, `ttl`},
		{rec{label: "x", name: "@", typ: "CNAME", value: "www.example.no"}, `apex`},
		{rec{label: "x", name: "a", typ: "SPF", value: "v=spf1"}, `type`},
		{rec{label: "x", name: "bad name!", typ: "A", value: "192.0.2.1"}, `name`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(seededConfig(c.r)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)` + c.want),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: env.Config(`resource "gigahost_dns_zone" "z" { name = "not a domain" }`), PlanOnly: true,
		ExpectError: regexp.MustCompile(`domain name`),
	})
	env.Test(t, resource.TestCase{Steps: steps})
	for _, m := range []string{"POST", "PUT", "DELETE"} {
		if n := env.Mock.CountRequests("gigahost", m, "/dns"); n != 0 {
			t.Errorf("bad input reached the API: %d %s requests", n, m)
		}
	}
}

// manyRecords is n A records with distinct names and values.
func manyRecords(n int) []rec {
	out := make([]rec, n)
	for i := range out {
		out[i] = rec{label: fmt.Sprintf("r%d", i), name: fmt.Sprintf("host%d", i%(n/2+1)), typ: "A", value: fmt.Sprintf("10.%d.%d.%d", i/65536, i/256%256, i%256)}
	}
	return out
}

func TestAccRecord_concurrentWritesSerialised(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// Overlapping writes to one zone fail with 500 (on by default, made
	// likely by a long write); on top of that, 10% of all requests fail
	// with an injected 500. Terraform runs 10 operations at a time.
	env.Mock.Gigahost.DNS.SetWriteConflicts(1, 20e6)
	env.Mock.SetFaultRate(0.1, mockapi.Fault500)
	// And for certain: three creates take effect but lose their answer,
	// three more are refused with 500. Each record must be written once.
	env.Mock.FailNext("gigahost", "POST", "/dns/zones/", mockapi.FaultDropAfter, 3)
	env.Mock.FailNext("gigahost", "POST", "/dns/zones/", mockapi.Fault500, 3)
	const zone = "many.example"
	records := manyRecords(30)
	env.Test(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if err := zoneGone(env, zone)(s); err != nil {
				return err
			}
			if n := env.Mock.Gigahost.DNS.WriteConflicts(); n != 0 {
				return fmt.Errorf("the mock saw %d concurrent writes to one zone", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(zoneConfig(zone, records...)),
			Check: func(s *terraform.State) error {
				if n := len(env.Mock.Gigahost.DNS.Records(env.Mock.Gigahost.DNS.ZoneID(zone))); n != 30 {
					return fmt.Errorf("mock zone holds %d records, want 30", n)
				}
				if n := env.Mock.Gigahost.DNS.WriteConflicts(); n != 0 {
					return fmt.Errorf("the mock saw %d concurrent writes to one zone", n)
				}
				for _, r := range records {
					if err := stateIDIsMock(env, zone, addr(r.label))(s); err != nil {
						return err
					}
				}
				return nil
			},
		}},
	})
	if n := env.Mock.CountRequests("gigahost", "", "/dns"); n == 0 {
		t.Fatal("no requests counted")
	}
	// Refused creates were sent again, creates that took effect were not.
	if n := recordWrites(env.Mock, "POST"); n != 30 {
		t.Errorf("%d record creates reached the API, want 30 (each record once)", n)
	}
	if n := faulted(env.Mock, "POST", mockapi.FaultDropAfter); n != 3 {
		t.Errorf("%d creates lost their answer after taking effect, want 3", n)
	}
	if n := faulted(env.Mock, "POST", mockapi.Fault500); n < 3 {
		t.Errorf("%d creates refused with 500, want at least 3", n)
	}
}

func TestAccRecord_refreshCostIsConstant(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigahost.DNS.SetWriteConflicts(1, 0)
	const zone = "refresh.example"
	// Enough records that one list per record (or per few) would show;
	// few enough to keep Terraform quick (make bench measures 200).
	const records = 60
	config := env.Config(zoneConfig(zone, manyRecords(records)...))
	countLists := func() int {
		id := env.Mock.Gigahost.DNS.ZoneID(zone)
		return env.Mock.CountRequests("gigahost", "GET", fmt.Sprintf("/dns/zones/%d/records", id))
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: zoneGone(env, zone),
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(*terraform.State) error {
				if n := len(env.Mock.Gigahost.DNS.Records(env.Mock.Gigahost.DNS.ZoneID(zone))); n != records {
					return fmt.Errorf("mock zone holds %d records, want %d", n, records)
				}
				return nil
			},
		}, {
			PreConfig: env.Mock.ResetRequests,
			Config:    config,
			PlanOnly:  true,
		}, {
			// PlanOnly ran terraform plan (and refreshes); the records were
			// read with a few list requests, not one per record.
			PreConfig: func() {
				n := countLists()
				t.Logf("no-change plan of %d records: %d record-list requests, %d requests in all", records, n, len(env.Mock.Requests()))
				if n < 1 || n > 4 {
					t.Errorf("refreshing %d records made %d record-list requests, want 1 to 4", records, n)
				}
			},
			Config:   config,
			PlanOnly: true,
		}},
	})
}
