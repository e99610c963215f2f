package dns_test

import (
	"fmt"
	"regexp"
	"slices"
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

// redirect is one gigahost_dns_redirect in a test configuration.
type redirect struct {
	label, source, target string // source "": unset (the default @)
}

func (r redirect) hcl(zoneID int64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"gigahost_dns_redirect\" %q {\n  zone_id = \"%d\"\n  target_url = %q\n", r.label, zoneID, r.target)
	if r.source != "" {
		fmt.Fprintf(&b, "  source = %q\n", r.source)
	}
	b.WriteString("}\n")
	return b.String()
}

func redirectConfig(zoneID int64, redirects ...redirect) string {
	var b strings.Builder
	for _, r := range redirects {
		b.WriteString(r.hcl(zoneID))
	}
	return b.String()
}

func redirectAddr(label string) string { return "gigahost_dns_redirect." + label }

// mockRedirect checks that the mock's zone has the redirect of source with
// this target, and the A records to the redirect server at the names.
func mockRedirect(env *acctest.Env, zoneID int64, source, target string, names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, ok := env.Mock.Gigahost.DNS.FindRedirect(zoneID, source)
		if !ok || d.TargetURL != target {
			return fmt.Errorf("mock redirect of %s: %+v (found %v), want target %s", source, d, ok, target)
		}
		for _, n := range names {
			if got := env.Mock.Gigahost.DNS.FindRecords(zoneID, n, "A", mockapi.DNSRedirectServerIP); len(got) != 1 {
				return fmt.Errorf("mock zone has %d A records to the redirect server at %s, want 1: %+v", len(got), n, env.Mock.Gigahost.DNS.Records(zoneID))
			}
		}
		return nil
	}
}

// noRedirects checks that the zone has no redirect and no A record to the
// redirect server.
func noRedirects(env *acctest.Env, zoneID int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if d := env.Mock.Gigahost.DNS.Redirects(zoneID); len(d) != 0 {
			return fmt.Errorf("mock zone still has redirects: %+v", d)
		}
		for _, r := range env.Mock.Gigahost.DNS.Records(zoneID) {
			if r.Type == "A" && r.Value == mockapi.DNSRedirectServerIP {
				return fmt.Errorf("mock zone still has the redirect's A record %+v", r)
			}
		}
		return nil
	}
}

// phrase matches text as Terraform prints it, wrapped at any space.
func phrase(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`))
}

func TestAccRedirect_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	zoneID := env.Mock.Gigahost.DNS.AddZone("redir.example")
	zid := strconv.FormatInt(zoneID, 10)
	apex := func(target string) string {
		return env.Config(redirectConfig(zoneID, redirect{label: "r", target: target}))
	}
	idSame := statecheck.CompareValue(compare.ValuesSame())
	env.Test(t, resource.TestCase{
		CheckDestroy: noRedirects(env, zoneID),
		Steps: []resource.TestStep{{
			Config: apex("https://one.example/"),
			Check:  mockRedirect(env, zoneID, "@", "https://one.example/", "@", "www"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("id"), knownvalue.StringExact(zid+"/@")),
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("source"), knownvalue.StringExact("@")),
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("domain"), knownvalue.StringExact("redir.example")),
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				idSame.AddStateValue(redirectAddr("r"), tfjsonpath.New("id")),
			},
		}, {
			// A new target is changed in place.
			Config: apex("https://two.example/path?q=1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(redirectAddr("r"), plancheck.ResourceActionUpdate),
			}},
			Check: mockRedirect(env, zoneID, "@", "https://two.example/path?q=1", "@", "www"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("target_url"), knownvalue.StringExact("https://two.example/path?q=1")),
				idSame.AddStateValue(redirectAddr("r"), tfjsonpath.New("id")),
			},
		}, {
			ResourceName: redirectAddr("r"), ImportState: true, ImportStateVerify: true, ImportStateId: zid + "/@",
		}, {
			// Target changed outside Terraform: planned back, and fixed.
			PreConfig: func() {
				if err := env.Mock.Gigahost.DNS.SetRedirect(zoneID, "@", "https://elsewhere.example"); err != nil {
					t.Fatal(err)
				}
			},
			Config: apex("https://two.example/path?q=1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(redirectAddr("r"), plancheck.ResourceActionUpdate),
			}},
			Check: mockRedirect(env, zoneID, "@", "https://two.example/path?q=1", "@", "www"),
		}, {
			// Deleted outside Terraform: re-created, with its A records.
			PreConfig: func() {
				if !env.Mock.Gigahost.DNS.DeleteRedirect(zoneID, "@") {
					t.Fatal("no redirect to delete")
				}
			},
			Config: apex("https://two.example/path?q=1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(redirectAddr("r"), plancheck.ResourceActionCreate),
			}},
			Check: mockRedirect(env, zoneID, "@", "https://two.example/path?q=1", "@", "www"),
		}, {
			// Another source replaces the redirect: the apex's A records go
			// (www's too), the new name gets one.
			Config: env.Config(redirectConfig(zoneID, redirect{label: "r", source: "Blog.redir.example.", target: "https://two.example/"})),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(redirectAddr("r"), plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				mockRedirect(env, zoneID, "blog", "https://two.example/", "blog"),
				func(*terraform.State) error {
					if d := env.Mock.Gigahost.DNS.Redirects(zoneID); len(d) != 1 {
						return fmt.Errorf("mock redirects %+v, want only blog", d)
					}
					if n := len(env.Mock.Gigahost.DNS.Records(zoneID)); n != 1 {
						return fmt.Errorf("mock records %+v, want only blog's A record", env.Mock.Gigahost.DNS.Records(zoneID))
					}
					return nil
				},
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("id"), knownvalue.StringExact(zid+"/blog")),
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("source"), knownvalue.StringExact("Blog.redir.example.")),
				statecheck.ExpectKnownValue(redirectAddr("r"), tfjsonpath.New("domain"), knownvalue.StringExact("blog.redir.example")),
			},
		}, {
			// The same source spelled another way plans no change.
			Config:   env.Config(redirectConfig(zoneID, redirect{label: "r", source: "blog", target: "https://two.example/"})),
			PlanOnly: true,
		}, {
			ResourceName: redirectAddr("r"), ImportState: true, ImportStateVerify: true, ImportStateId: zid + "/blog",
			ImportStateVerifyIgnore: []string{"source"}, // the configuration's spelling
		}},
	})
}

func TestAccRedirect_conflictingRecord(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	zoneID := env.Mock.Gigahost.DNS.AddZone("conflict.example")
	if err := env.Mock.Gigahost.DNS.AddRecord(zoneID, "www", "A", "192.0.2.7", 300, nil); err != nil {
		t.Fatal(err)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			// The apex redirect needs www too: the API's message says which record is in the way.
			Config:      env.Config(redirectConfig(zoneID, redirect{label: "r", target: "https://x.example"})),
			ExpectError: phrase("HTTP 400 to POST /dns/zones/1000/redirect: DNS conflict: 'www' has an existing A record (192.0.2.7). Please remove it before adding a redirect."),
		}},
	})
	if d := env.Mock.Gigahost.DNS.Redirects(zoneID); len(d) != 0 {
		t.Errorf("a refused redirect is in the mock: %+v", d)
	}
	if r := env.Mock.Gigahost.DNS.Records(zoneID); len(r) != 1 || r[0].Value != "192.0.2.7" {
		t.Errorf("mock records %+v, want only the A record that was there", r)
	}
}

func TestAccRedirect_badInputAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct {
		r    redirect
		want string
	}{
		{redirect{label: "r", target: "ftp://files.example"}, `must be an http:// or https:// URL`},
		{redirect{label: "r", target: "example.com"}, `must be an http:// or https:// URL`},
		{redirect{label: "r", target: "https://"}, `must name a host`},
		{redirect{label: "r", target: "https://x.example", source: "bad name!"}, `must be @, a relative name`},
		{redirect{label: "r", target: "https://x.example", source: "*.wild"}, `must be @, a relative name`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(redirectConfig(mockapi.SeedZoneID, c.r)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)(target_url|source).*` + regexp.QuoteMeta(c.want)),
		})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	for _, m := range []string{"POST", "PUT", "DELETE"} {
		if n := env.Mock.CountRequests("gigahost", m, "/dns"); n != 0 {
			t.Errorf("bad input reached the API: %d %s requests", n, m)
		}
	}
}

// Redirects and records in one zone, in one run: every write to the zone is
// serialised (the mock fails overlapping writes), and the records, listed
// around the redirects' own A records, stay correct.
func TestAccRedirect_withRecordsInOneZone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigahost.DNS.SetWriteConflicts(1, 20e6)
	zoneID := env.Mock.Gigahost.DNS.AddZone("mixed.example")
	var records []rec
	for i := range 8 {
		records = append(records, rec{label: fmt.Sprintf("r%d", i), name: fmt.Sprintf("host%d", i), typ: "A", value: fmt.Sprintf("192.0.2.%d", i+1)})
	}
	records = append(records, rec{label: "mx", name: "@", typ: "MX", value: "mail.mixed.example", priority: 10})
	redirects := []redirect{
		{label: "apex", target: "https://apex.example"},
		{label: "blog", source: "blog", target: "https://blog.example"},
		{label: "shop", source: "shop", target: "https://shop.example"},
	}
	config := func() string {
		var b strings.Builder
		for _, r := range records {
			b.WriteString(r.hcl(strconv.Quote(strconv.FormatInt(zoneID, 10))))
		}
		b.WriteString(redirectConfig(zoneID, redirects...))
		return env.Config(b.String())
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if err := noRedirects(env, zoneID)(s); err != nil {
				return err
			}
			if r := env.Mock.Gigahost.DNS.Records(zoneID); len(r) != 0 {
				return fmt.Errorf("mock records after destroy: %+v", r)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: config(),
			Check: resource.ComposeAggregateTestCheckFunc(
				mockRedirect(env, zoneID, "@", "https://apex.example", "@", "www"),
				mockRedirect(env, zoneID, "blog", "https://blog.example", "blog"),
				mockRedirect(env, zoneID, "shop", "https://shop.example", "shop"),
				func(s *terraform.State) error {
					if n := len(env.Mock.Gigahost.DNS.Records(zoneID)); n != len(records)+4 {
						return fmt.Errorf("mock zone holds %d records, want %d: %+v", n, len(records)+4, env.Mock.Gigahost.DNS.Records(zoneID))
					}
					for _, r := range records {
						if err := stateIDIsMock(env, "mixed.example", addr(r.label))(s); err != nil {
							return err
						}
					}
					return nil
				},
			),
		}, {
			// A refresh sees everything as written.
			Config: config(), PlanOnly: true,
		}},
	})
	if n := env.Mock.Gigahost.DNS.WriteConflicts(); n != 0 {
		t.Errorf("the mock saw %d concurrent writes to one zone", n)
	}
	if n := env.Mock.CountRequests("gigahost", "POST", fmt.Sprintf("/dns/zones/%d/redirect", zoneID)); n != len(redirects) {
		t.Errorf("%d redirect creates, want %d", n, len(redirects))
	}
}

// A create whose answer is lost after it took effect is found by listing,
// not sent again; one refused with 500 before taking effect is sent again.
func TestAccRedirect_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	zoneID := env.Mock.Gigahost.DNS.AddZone("lost.example")
	path := fmt.Sprintf("/dns/zones/%d/redirect", zoneID)
	env.Mock.FailNext("gigahost", "POST", path, mockapi.FaultDropAfter, 1)
	env.Test(t, resource.TestCase{
		CheckDestroy: noRedirects(env, zoneID),
		Steps: []resource.TestStep{{
			Config: env.Config(redirectConfig(zoneID, redirect{label: "r", source: "go", target: "https://go.example"})),
			Check:  mockRedirect(env, zoneID, "go", "https://go.example", "go"),
		}, {
			PreConfig: func() { env.Mock.FailNext("gigahost", "POST", path, mockapi.Fault500, 1) },
			Config: env.Config(redirectConfig(zoneID,
				redirect{label: "r", source: "go", target: "https://go.example"},
				redirect{label: "s", source: "docs", target: "https://docs.example"})),
			Check: mockRedirect(env, zoneID, "docs", "https://docs.example", "docs"),
		}},
	})
	var posts []string
	for _, r := range env.Mock.Requests() {
		if r.Method == "POST" && r.Path == path {
			posts = append(posts, string(r.Fault))
		}
	}
	if want := []string{string(mockapi.FaultDropAfter), string(mockapi.Fault500), ""}; !slices.Equal(posts, want) {
		t.Errorf("redirect creates %q, want %q", posts, want)
	}
}
