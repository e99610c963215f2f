package dns_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

var seededRecordsPath = fmt.Sprintf("/dns/zones/%d/records", mockapi.SeedZoneID)

// recordWrites counts the record writes of a method that reached the mock's
// handler: answered ones and those whose answer was dropped after they took
// effect. Writes stopped by an injected fault before the handler are not.
func recordWrites(m *mockapi.Server, method string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigahost" && r.Method == method && strings.Contains(r.Path+"/", "/records/") &&
			(r.Fault == "" || r.Fault == mockapi.FaultDropAfter) {
			n++
		}
	}
	return n
}

// faulted counts the requests of a method the mock answered with a fault.
func faulted(m *mockapi.Server, method string, f mockapi.Fault) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Method == method && r.Fault == f {
			n++
		}
	}
	return n
}

// A record create whose answer is lost is never sent again blindly: the
// provider lists the zone, adopts the record when the create took effect,
// and creates again only when it did not. Either way the zone holds the
// record once and its id is the one in state.
func TestAccRecord_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault     mockapi.Fault
		r         rec
		listValue string // as the list shows it
		// wantWrites is how many creates reached the handler.
		wantWrites int
	}{
		"A created then dropped":   {mockapi.FaultDropAfter, rec{label: "x", name: "lost", typ: "A", value: "192.0.2.80", ttl: 300}, "192.0.2.80", 1},
		"MX created then dropped":  {mockapi.FaultDropAfter, rec{label: "x", name: "lost.example.no.", typ: "MX", value: "mx1.example.net.", priority: 5}, "mx1.example.net", 1},
		"TXT created then dropped": {mockapi.FaultDropAfter, rec{label: "x", name: "lost", typ: "TXT", value: "v=spf1 -all"}, "v=spf1 -all", 1},
		"refused with 500":         {mockapi.Fault500, rec{label: "x", name: "lost", typ: "A", value: "192.0.2.81"}, "192.0.2.81", 1},
		"refused with 502":         {mockapi.Fault502, rec{label: "x", name: "lost", typ: "A", value: "192.0.2.82"}, "192.0.2.82", 1},
		"dropped before":           {mockapi.FaultDrop, rec{label: "x", name: "lost", typ: "A", value: "192.0.2.83"}, "192.0.2.83", 1},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			m := env.Mock
			m.FailNext("gigahost", http.MethodPost, seededRecordsPath, c.fault, 1)
			env.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: env.Config(seededConfig(c.r)),
					Check: resource.ComposeAggregateTestCheckFunc(
						mockHas(env, mockapi.SeedZoneName, "lost", c.r.typ, c.listValue, 1),
						stateIDIsMock(env, mockapi.SeedZoneName, addr(c.r.label)),
					),
				}},
				CheckDestroy: func(*terraform.State) error {
					if n := len(m.Gigahost.DNS.Records(mockapi.SeedZoneID)); n != 3 {
						return fmt.Errorf("after destroy the seeded zone holds %d records, want its 3: %+v", n, m.Gigahost.DNS.Records(mockapi.SeedZoneID))
					}
					return nil
				},
			})
			if n := faulted(m, http.MethodPost, c.fault); n != 1 {
				t.Errorf("the mock injected %s into %d creates, want 1", c.fault, n)
			}
			if n := recordWrites(m, http.MethodPost); n != c.wantWrites {
				t.Errorf("%d record creates reached the API, want %d", n, c.wantWrites)
			}
		})
	}
}

// A record that was in the zone before the create is not this create's
// record, even when the create's answer is lost: the provider does not
// adopt it silently but reports the duplicate the API refuses.
func TestAccRecord_lostCreateAnswerOfDuplicate(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	if err := m.Gigahost.DNS.AddRecord(mockapi.SeedZoneID, "dup", "A", "192.0.2.90", 3600, nil); err != nil {
		t.Fatal(err)
	}
	m.FailNext("gigahost", http.MethodPost, seededRecordsPath, mockapi.FaultDropAfter, 1)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.Config(seededConfig(rec{label: "x", name: "dup", typ: "A", value: "192.0.2.90"})),
			ExpectError: regexp.MustCompile(`Record already\s+exists`),
		}},
	})
	if n := len(m.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, "dup", "A", "192.0.2.90")); n != 1 {
		t.Errorf("the zone holds %d dup records, want the 1 made outside Terraform", n)
	}
}

// An update whose answer is lost is sent again by the transport and meets
// 404 (the update changed the record's id); a delete sent again deletes
// nothing more. Neither fails the apply, and the zone holds what the
// configuration says.
func TestAccRecord_lostUpdateAndDeleteAnswers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	web := rec{label: "web", name: "lostupd", typ: "A", value: "192.0.2.1"}
	sibling := rec{label: "sib", name: "lostupd", typ: "A", value: "192.0.2.9"}
	web2 := web
	web2.value, web2.ttl = "192.0.2.2", 600
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(seededConfig(web, sibling)),
		}, {
			PreConfig: func() {
				m.FailNext("gigahost", http.MethodPut, seededRecordsPath+"/", mockapi.FaultDropAfter, 1)
			},
			Config: env.Config(seededConfig(web2, sibling)),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, mockapi.SeedZoneName, "lostupd", "A", "192.0.2.2", 1),
				mockHas(env, mockapi.SeedZoneName, "lostupd", "A", "192.0.2.1", 0),
				stateIDIsMock(env, mockapi.SeedZoneName, addr("web")),
				func(*terraform.State) error {
					if n := faulted(m, http.MethodPut, mockapi.FaultDropAfter); n != 1 {
						return fmt.Errorf("%d updates lost their answer, want 1", n)
					}
					return nil
				},
			),
		}, {
			PreConfig: func() {
				m.FailNext("gigahost", http.MethodDelete, seededRecordsPath+"/", mockapi.FaultDropAfter, 1)
			},
			Config: env.Config(seededConfig(sibling)),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockHas(env, mockapi.SeedZoneName, "lostupd", "A", "", 1),
				mockHas(env, mockapi.SeedZoneName, "lostupd", "A", "192.0.2.9", 1),
				stateIDIsMock(env, mockapi.SeedZoneName, addr("sib")),
				func(*terraform.State) error {
					if n := faulted(m, http.MethodDelete, mockapi.FaultDropAfter); n != 1 {
						return fmt.Errorf("%d deletes lost their answer, want 1", n)
					}
					return nil
				},
			),
		}},
	})
}
