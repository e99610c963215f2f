package vm_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

var (
	publicV4 knownvalue.Check = knownvalue.StringRegexp(regexp.MustCompile(`^192\.0\.2\.\d+$`))
	publicV6 knownvalue.Check = knownvalue.StringRegexp(regexp.MustCompile(`^2001:db8::`))
)

// countVMReads counts what a refresh costs: reads of the VM objects, their
// disk lists, their address lists, and anything else about a VM.
func countVMReads(m *mockapi.Server) (objects, disks, ipLists, others int) {
	for _, r := range m.Requests() {
		if r.Service != "gigas" || r.Method != http.MethodGet || !strings.Contains(r.Path, "/virtual_machine") {
			continue
		}
		switch {
		case strings.HasSuffix(r.Path, "/ip_addresses"):
			ipLists++
		case strings.HasSuffix(r.Path, "/disks"):
			disks++
		case vmObjectPath.MatchString(r.Path):
			objects++
		default:
			others++
		}
	}
	return objects, disks, ipLists, others
}

var vmObjectPath = regexp.MustCompile(`/virtual_machine/\d+$`)

// A VM's addresses are read in every form the address list may take: the
// list, the public IPv4 and IPv6 shortcuts where the answer says which is
// public (null, not a guess, where it does not), and nothing but a warning
// with null values where the answer cannot be read. A refresh costs one
// request more than without the addresses; a change made outside
// Terraform shows on refresh; an import reads them.
func TestAccVM_ipAddressesEveryForm(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasIPAddresses, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		form := m.Alt(mockapi.AltGigasIPAddresses)
		cfg := env.Config(baseVM().hcl())
		readable := form != "unknown-fields"
		v4, v6, list := publicV4, publicV6, knownvalue.Check(knownvalue.ListSizeExact(3))
		switch form {
		case "no-public-flag":
			v4 = knownvalue.Null() // a public and a private IPv4, neither marked
		case "unknown-fields":
			v4, v6, list = knownvalue.Null(), knownvalue.Null(), knownvalue.Null()
		}
		checks := []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ipv4_address"), v4),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ipv6_address"), v6),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ip_addresses"), list),
		}
		if readable {
			checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New("ip_addresses").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"address": knownvalue.StringRegexp(regexp.MustCompile(`^10\.0\.0\.`)), "version": knownvalue.Int64Exact(4),
				"netmask": knownvalue.StringExact("255.255.255.0"), "network_id": knownvalue.StringExact("709"), "interface_id": knownvalue.StringExact("46"),
			})))
		}
		steps := []resource.TestStep{{Config: cfg, ConfigStateChecks: checks}}
		if form == "bare" {
			steps = append(steps,
				resource.TestStep{
					PreConfig:    m.ResetRequests,
					RefreshState: true,
					Check: func(*terraform.State) error {
						objects, disks, ipLists, others := countVMReads(m)
						// Per VM read: the object and its disk list, as before
						// (no disk list where the object carries the sizes),
						// and one request more, its address list.
						wantDisks := objects
						if m.Alt(mockapi.AltGigasVMDisks) == "present" {
							wantDisks = 0
						}
						if objects == 0 || disks != wantDisks || ipLists != objects || others != 0 {
							return fmt.Errorf("a refresh read %d VM objects, %d disk lists, %d address lists and %d other VM paths; "+
								"want one address list per VM read and nothing else", objects, disks, ipLists, others)
						}
						return nil
					},
				},
				resource.TestStep{
					// A second public IPv4 added outside Terraform: the list
					// shows it, and ipv4_address no longer guesses.
					PreConfig: func() {
						m.Gigas.ChangeVM(onlyVM(t, m).ID, func(vm *mockapi.GigasVM) {
							vm.IPs = append(vm.IPs, mockapi.GigasIP{ID: "9", Address: "198.51.100.9", NetworkID: 1, InterfaceID: 45, Public: true})
						})
					},
					RefreshState: true,
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttr(address, "ip_addresses.#", "4"),
						resource.TestCheckResourceAttr(address, "ip_addresses.3.address", "198.51.100.9"),
						resource.TestCheckNoResourceAttr(address, "ipv4_address"),
						resource.TestMatchResourceAttr(address, "ipv6_address", regexp.MustCompile(`^2001:db8::`)),
					),
				},
				resource.TestStep{Config: cfg, PlanOnly: true},
				resource.TestStep{ResourceName: address, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			)
		}
		env.Test(t, resource.TestCase{CheckDestroy: noVMsLeft(m), Steps: steps})
	})
}
