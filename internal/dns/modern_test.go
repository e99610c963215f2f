package dns_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The tests here need Terraform 1.12 (identity) or 1.14 (terraform query):
// they skip under the Terraform on PATH and run under `make test-modern`.

// adoptZone makes, outside Terraform, a zone with records as a user's
// hand-made zone has them; it returns the zone's id.
func adoptZone(t *testing.T, env *acctest.Env) int64 {
	t.Helper()
	dns := env.Mock.Gigahost.DNS
	id := dns.AddZone("adopt.example")
	ten := int64(10)
	for _, r := range []struct {
		name, typ, value string
		priority         *int64
	}{
		{"@", "A", "192.0.2.10", nil},
		{"www", "CNAME", "adopt.example", nil},
		{"@", "MX", "mail.adopt.example", &ten},
		{"@", "TXT", "v=spf1 -all", nil},
	} {
		if err := dns.AddRecord(id, r.name, r.typ, r.value, 3600, r.priority); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// writes counts the requests that change something.
func writes(env *acctest.Env) int {
	n := 0
	for _, r := range env.Mock.Requests() {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

// From an empty folder to a hand-made zone under Terraform: `terraform
// query` lists the zone and its records (one request for the records),
// `-generate-config-out` writes their configuration and import blocks, the
// plan of that file only imports, the apply changes nothing in the API, and
// the next plan is empty.
func TestAccModernDNS_queryGeneratesAdoptableConfig(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	acctest.SkipBelowTerraform(t, "1.14.0")
	zoneID := adoptZone(t, env)
	cli := env.CLI(t, "gigahost")
	cli.Write("main.tf", fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
}
`, env.Mock.GigahostURL(), mockapi.GigahostAPIKey))
	cli.Write("adopt.tfquery.hcl", fmt.Sprintf(`
list "gigahost_dns_record" "adopt" {
  provider         = gigahost
  include_resource = true
  config {
    zone_id = "%d"
  }
}
`, zoneID))
	cli.Run("init", "-no-color")
	env.Mock.ResetRequests()
	out := cli.Run("query", "-no-color", "-generate-config-out=generated.tf")
	for _, want := range []string{"@ A 192.0.2.10", "www CNAME", "@ MX", "@ TXT"} {
		if !strings.Contains(out, want) {
			t.Errorf("terraform query does not show %q:\n%s", want, out)
		}
	}
	if n := env.Mock.CountRequests("gigahost", http.MethodGet, fmt.Sprintf("/dns/zones/%d/records", zoneID)); n != 1 {
		t.Errorf("the query listed the zone's records %d times, want 1", n)
	}
	gen := cli.Read("generated.tf")
	t.Logf("generated.tf:\n%s", gen)
	if got := strings.Count(gen, "import {"); got != 4 {
		t.Fatalf("generated.tf has %d import blocks, want 4:\n%s", got, gen)
	}
	if got := strings.Count(gen, `resource "gigahost_dns_record"`); got != 4 {
		t.Fatalf("generated.tf has %d records, want 4:\n%s", got, gen)
	}

	cli.Run("plan", "-no-color", "-out=adopt.plan")
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions   []string        `json:"actions"`
				Importing json.RawMessage `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(cli.Run("show", "-json", "adopt.plan")), &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.ResourceChanges) != 4 {
		t.Fatalf("the plan has %d changes, want the 4 imports", len(plan.ResourceChanges))
	}
	for _, rc := range plan.ResourceChanges {
		if len(rc.Change.Importing) == 0 || strings.Join(rc.Change.Actions, ",") != "no-op" {
			t.Errorf("%s: actions %v, importing %s; want an import and no change", rc.Address, rc.Change.Actions, rc.Change.Importing)
		}
	}
	env.Mock.ResetRequests()
	cli.Run("apply", "-no-color", "adopt.plan")
	if n := writes(env); n != 0 {
		t.Errorf("applying the imports sent %d writes to the API", n)
	}
	if n := len(env.Mock.Gigahost.DNS.Records(zoneID)); n != 4 {
		t.Errorf("the zone holds %d records after the apply, want 4", n)
	}
	if out, code := cli.Try("plan", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Errorf("the plan after adopting is not empty (exit %d):\n%s", code, out)
	}
}

// The query's filters and identities, through terraform-plugin-testing:
// by type, by name; every zone but the reverse ones.
func TestAccModernDNS_queryFilters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	zoneID := adoptZone(t, env)
	env.Mock.Gigahost.DNS.AddZone("63.181.185.in-addr.arpa")
	list := func(label, filter string) string {
		return fmt.Sprintf(`
list "gigahost_dns_record" %q {
  provider = gigahost
  config {
    zone_id = "%d"
%s
  }
}
`, label, zoneID, filter)
	}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				// The provider's configuration is the .tf file's, of the step before.
				Query: true,
				Config: list("mx", `    type = "MX"`) + list("apex", `    name = "@"`) + list("www", `    name = "www.adopt.example."`) + `
list "gigahost_dns_zone" "all" {
  provider = gigahost
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("gigahost_dns_record.mx", 1),
					querycheck.ExpectLength("gigahost_dns_record.apex", 3),
					querycheck.ExpectLength("gigahost_dns_record.www", 1),
					querycheck.ExpectIdentity("gigahost_dns_record.www", map[string]knownvalue.Check{
						"zone_id":   knownvalue.StringExact(fmt.Sprint(zoneID)),
						"record_id": knownvalue.StringRegexp(regexp.MustCompile(`.`)),
						"name":      knownvalue.StringExact("www"),
						"type":      knownvalue.StringExact("CNAME"),
						"value":     knownvalue.StringRegexp(regexp.MustCompile(`^adopt\.example\.?$`)),
					}),
					querycheck.ExpectLength("gigahost_dns_zone.all", 2),
					querycheck.ExpectIdentity("gigahost_dns_zone.all", map[string]knownvalue.Check{
						"zone_id": knownvalue.StringExact(fmt.Sprint(zoneID)),
					}),
				},
			},
		},
	})
}

// Every DNS resource imported by its identity; and a record whose content
// (so its id) changed since its identity was written down is still found
// by an identity without record_id: zone, name, type and value.
func TestAccModernDNS_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	signed := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("signed.no", false)
	outside := env.Mock.Gigahost.DNSSEC.AddRegisteredZone("outside.no", true)
	redir := env.Mock.Gigahost.DNS.AddZone("redir.example")
	hcl := zoneConfig("identity.example", rec{label: "www", name: "www", typ: "A", value: "192.0.2.1"}) +
		fmt.Sprintf(`
resource "gigahost_dns_dnssec" "d" { zone_id = "%d" }
resource "gigahost_dns_ptr_zone" "p" { prefix = "185.181.63.0/24" }
resource "gigahost_dns_external_ds" "e" {
  zone_id    = "%d"
  ds_records = [{ key_tag = %d, algorithm = %d, digest_type = %d, digest = %q }]
}
`, signed, outside, dsA.KeyTag, dsA.Algorithm, dsA.DigestType, dsA.Digest) +
		redirectConfig(redir, redirect{label: "r", target: "https://example.com/"})
	adopted := zoneConfig("identity.example", rec{label: "www", name: "www", typ: "A", value: "192.0.2.1"},
		rec{label: "hand", name: "hand", typ: "TXT", value: "made by hand"})
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Modern,
		Steps: []resource.TestStep{
			{Config: env.Config(hcl)},
			acctest.ImportByIdentity("gigahost_dns_zone.z"),
			acctest.ImportByIdentity(addr("www")),
			acctest.ImportByIdentity(dnssecAddr),
			acctest.ImportByIdentity(ptrAddr),
			acctest.ImportByIdentity(externalDSAddr),
			acctest.ImportByIdentity(redirectAddr("r")),
			{
				// A record made by hand, adopted by an identity without
				// record_id.
				PreConfig: func() {
					if err := env.Mock.Gigahost.DNS.AddRecord(env.Mock.Gigahost.DNS.ZoneID("identity.example"), "hand", "TXT", "made by hand", 3600, nil); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(adopted + `
import {
  to       = gigahost_dns_record.hand
  identity = {
    zone_id = gigahost_dns_zone.z.id
    name    = "hand"
    type    = "TXT"
    value   = "made by hand"
  }
}
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr("hand"), plancheck.ResourceActionNoop),
				}},
				Check: mockHas(env, "identity.example", "hand", "TXT", "", 1),
			},
		},
	})
}
