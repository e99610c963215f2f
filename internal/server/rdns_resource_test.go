package server_test

import (
	"fmt"
	"regexp"
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

const (
	rdnsV4 = "gigahost_server_rdns.v4"
	rdnsV6 = "gigahost_server_rdns.v6"
	// staticPTR is a name the API gave the address, as in the docs' example.
	staticPTR = "static.193.200.238.21.customers.gigahost.no"
)

// rdnsServer is a ready VPS in the mock with its IPv4 address and IPv6 subnet.
type rdnsServer struct {
	id           int64
	ipv4, subnet string
}

func newRDNSServer(env *acctest.Env, originalPTR string) rdnsServer {
	id := env.Mock.Gigahost.ServerExtras.AddServer(7951, "web-1.example.no")
	srv, _ := env.Mock.Gigahost.Servers.Get(id)
	if originalPTR != "" {
		env.Mock.Gigahost.ServerExtras.SetReverse(id, srv.IPv4, originalPTR)
	}
	return rdnsServer{id: id, ipv4: srv.IPv4, subnet: env.Mock.Gigahost.ServerExtras.Subnet(id)}
}

// rdnsHCL declares the IPv4 entry (when v4 is set) and the IPv6 subnet's
// delegation (when v6 is set).
func rdnsHCL(s rdnsServer, v4, v6 string) string {
	var b strings.Builder
	if v4 != "" {
		fmt.Fprintf(&b, "resource \"gigahost_server_rdns\" \"v4\" {\n  server_id  = \"%d\"\n  ip_address = %q\n  ptr        = %q\n}\n", s.id, s.ipv4, v4)
	}
	if v6 != "" {
		fmt.Fprintf(&b, "resource \"gigahost_server_rdns\" \"v6\" {\n  server_id   = \"%d\"\n  ipv6_subnet = %q\n  ptr         = %q\n}\n", s.id, s.subnet, v6)
	}
	return b.String()
}

// mockReverse checks what the mock stores for the address or subnet.
func mockReverse(env *acctest.Env, serverID int64, target, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := env.Mock.Gigahost.ServerExtras.Reverse(serverID, target); got != want {
			return fmt.Errorf("mock reverse DNS of %s = %q, want %q", target, got, want)
		}
		return nil
	}
}

// Create both kinds, update in place through a fault, import, drift, a
// transient absence, destroy restoring the value before, and a server that
// vanished.
func TestAccServerRDNS_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	s := newRDNSServer(env, staticPTR)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.Config(rdnsHCL(s, "web-1.example.com", "ns1.example.com")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(rdnsV4, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%s", s.id, s.ipv4))),
					// Kept as the API shows it (with a trailing dot in the
					// servers.reverse-form=trailing-dot form); restored without it.
					statecheck.ExpectKnownValue(rdnsV4, tfjsonpath.New("ptr_before"), knownvalue.StringRegexp(regexp.MustCompile(`^`+regexp.QuoteMeta(staticPTR)+`\.?$`))),
					statecheck.ExpectKnownValue(rdnsV6, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("%d/%s", s.id, s.subnet))),
					statecheck.ExpectKnownValue(rdnsV6, tfjsonpath.New("ptr"), knownvalue.StringExact("ns1.example.com")),
					statecheck.ExpectKnownValue(rdnsV6, tfjsonpath.New("ptr_before"), knownvalue.StringExact("")),
				},
				Check: resource.ComposeTestCheckFunc(
					mockReverse(env, s.id, s.ipv4, "web-1.example.com"),
					mockReverse(env, s.id, s.subnet, "ns1.example.com"),
				),
			},
			{
				// In place, through a 500 on the PUT (retried: setting a name is idempotent).
				PreConfig: func() { env.Mock.FailNext("gigahost", "PUT", "/servers/", mockapi.Fault500, 1) },
				Config:    env.Config(rdnsHCL(s, "web-2.example.com", "ns1.example.com")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(rdnsV4, plancheck.ResourceActionUpdate),
				}},
				Check: mockReverse(env, s.id, s.ipv4, "web-2.example.com"),
			},
			{ResourceName: rdnsV4, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"ptr_before"}},
			{
				// Changed in the control panel, and the server missing from
				// two reads (the live API's transient absence): the change
				// is set back, nothing leaves state.
				PreConfig: func() {
					env.Mock.Gigahost.ServerExtras.SetReverse(s.id, s.ipv4, "changed.elsewhere.net")
					env.Mock.Gigahost.Servers.Hide(s.id, 2)
				},
				Config: env.Config(rdnsHCL(s, "web-2.example.com", "ns1.example.com")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(rdnsV4, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(rdnsV6, plancheck.ResourceActionNoop),
				}},
				Check: mockReverse(env, s.id, s.ipv4, "web-2.example.com"),
			},
			{
				// Destroy restores the name the address had (the API has no reset).
				Config: env.Config(rdnsHCL(s, "", "ns1.example.com")),
				Check: resource.ComposeTestCheckFunc(
					mockReverse(env, s.id, s.ipv4, staticPTR),
					mockReverse(env, s.id, s.subnet, "ns1.example.com"),
				),
			},
			{
				// The server is gone: confirmed over several reads, the entry
				// leaves state, and nothing is written.
				PreConfig: func() {
					env.Mock.Gigahost.Servers.Vanish(s.id)
					env.Mock.ResetRequests()
				},
				Config: env.Config(" "),
				Check: func(*terraform.State) error {
					if n := env.Mock.CountRequests("gigahost", "PUT", "/servers/"); n != 0 {
						return fmt.Errorf("%d PUTs to a vanished server", n)
					}
					if n := env.Mock.CountRequests("gigahost", "GET", fmt.Sprintf("/servers/%d", s.id)); n < 3 {
						return fmt.Errorf("the absence was confirmed with %d reads, want at least 3", n)
					}
					return nil
				},
			},
		},
	})
}

// However the record shows a name that was set (as sent, with a trailing
// dot, lowercased) and whether it shows a subnet's delegation at all, the
// configured names plan clean after the create (the test's plan after each
// apply) and import as the record shows them.
func TestAccServerRDNS_readBackForms(t *testing.T) {
	t.Parallel()
	acctest.EachRound(t, []mockapi.Alt{mockapi.AltReverseForm, mockapi.AltSubnetDelegation}, func(t *testing.T, env *acctest.Env) {
		s := newRDNSServer(env, "")
		config := env.Config(rdnsHCL(s, "Web-1.Example.com", "ns1.example.com."))
		// An import reads the name as the record shows it, without a
		// trailing dot; a hidden delegation imports as "".
		wantImported := "ns1.example.com"
		if env.Mock.Alt(mockapi.AltSubnetDelegation) == "hidden" {
			wantImported = ""
		}
		env.Test(t, resource.TestCase{
			Steps: []resource.TestStep{
				{
					Config: config,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(rdnsV4, tfjsonpath.New("ptr"), knownvalue.StringExact("Web-1.Example.com")),
						statecheck.ExpectKnownValue(rdnsV6, tfjsonpath.New("ptr"), knownvalue.StringExact("ns1.example.com.")),
					},
					Check: mockReverse(env, s.id, s.subnet, "ns1.example.com."),
				},
				{ResourceName: rdnsV6, ImportState: true, ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["ptr"] != wantImported {
						return fmt.Errorf("imported %+v, want ptr %q", states, wantImported)
					}
					return nil
				}},
			},
		})
	})
}

// Bad input is refused at plan time without a request; an address the
// server does not hold is refused at apply with what it holds.
func TestAccServerRDNS_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	s := newRDNSServer(env, "")
	bad := func(body string) string {
		return env.Config(fmt.Sprintf("resource \"gigahost_server_rdns\" \"v4\" {\n%s\n}\n", body))
	}
	noRequests := func() error {
		if n := len(env.Mock.Requests()); n != 0 {
			return fmt.Errorf("%d requests before the plan was refused", n)
		}
		return nil
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				// Every rule in one plan (each message: TestRDNSValidators).
				Config: bad(`server_id = "srv1"`+"\n"+`ip_address = "2a03:94e0:ffff::1"`+"\n"+`ipv6_subnet = "2a03:94e0:190e::1/48"`+"\n"+`ptr = "not a name"`) +
					fmt.Sprintf("resource \"gigahost_server_rdns\" \"none\" {\n  server_id = \"%d\"\n  ptr = \"a.example.com\"\n}\n", s.id),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`digits only|must be an IPv4 address|network address|host name|ip_address.*ipv6_subnet`),
			},
			{
				PreConfig: func() {
					if err := noRequests(); err != nil {
						t.Fatal(err)
					}
				},
				Config:      env.Config(rdnsHCL(rdnsServer{id: s.id, ipv4: "193.200.238.249"}, "a.example.com", "")),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`server %d holds no 193\.200\.238\.249 \(it holds: %s`, s.id, regexp.QuoteMeta(s.ipv4))),
			},
		},
	})
}
