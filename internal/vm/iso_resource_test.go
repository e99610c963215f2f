package vm_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

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
	isoAddress = "gigas_virtual_machine_iso.test"
	isoURL     = "https://example.com/rescue.iso"
)

// isoConfig is a VM with boot_type and, unless iso is "", an ISO mount whose
// argument is iso (iso_id = "100" or iso_url = "...").
func isoConfig(env *acctest.Env, bootType, iso, timeouts string) string {
	vm := baseVM()
	hcl := strings.Replace(vm.hcl(), "}\n", fmt.Sprintf("  boot_type = %q\n}\n", bootType), 1)
	if iso != "" {
		hcl += "resource \"gigas_virtual_machine_iso\" \"test\" {\n  virtual_machine_id = gigas_virtual_machine.test.id\n  " + iso + "\n"
		if timeouts != "" {
			hcl += "  timeouts {\n    " + timeouts + "\n  }\n"
		}
		hcl += "}\n"
	}
	return env.Config(hcl)
}

// onlyJoin returns the mock's single ISO join of the single VM.
func onlyJoin(t *testing.T, m *mockapi.Server) mockapi.GigasISOJoin {
	t.Helper()
	joins := m.Gigas.ISOJoins(onlyVM(t, m).ID)
	if len(joins) != 1 {
		t.Fatalf("the mock VM holds %d ISO joins, want 1: %+v", len(joins), joins)
	}
	return joins[0]
}

// checkJoin asserts that state and mock agree on the one join.
func checkJoin(t *testing.T, m *mockapi.Server, check func(j mockapi.GigasISOJoin) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		j := onlyJoin(t, m)
		if got, want := s.RootModule().Resources[isoAddress].Primary.ID, j.VMID+"/"+j.ID; got != want {
			return fmt.Errorf("state id %q, the mock holds join %q", got, want)
		}
		return check(j)
	}
}

func isoPosts(m *mockapi.Server) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/iso") && r.Fault == "" {
			n++
		}
	}
	return n
}

// An ISO is mounted in a VM booting from the cdrom, imported, replaced by
// another (a lost answer to that mount is adopted, not sent twice),
// re-mounted after an unmount outside Terraform, and unmounted on destroy;
// the VM's boot_type changes in place.
func TestAccVMISO_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	byID, byURL := `iso_id = "100"`, fmt.Sprintf("iso_url = %q", isoURL)
	postsBefore := 0
	env.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if vms := m.Gigas.VMs(); len(vms) != 0 {
				return fmt.Errorf("%d VMs left", len(vms))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: isoConfig(env, "cdrom", byID, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(isoAddress, tfjsonpath.New("iso_id"), knownvalue.StringExact("100")),
					statecheck.ExpectKnownValue(isoAddress, tfjsonpath.New("iso_url"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("boot_type"), knownvalue.StringExact("cdrom")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkJoin(t, m, func(j mockapi.GigasISOJoin) error {
						if j.ISOID != "100" || j.ISOURL != "" {
							return fmt.Errorf("mock join %+v", j)
						}
						return nil
					}),
					checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if vm.BootType != "cdrom" || vm.Locked {
							return fmt.Errorf("mock VM %+v, want boot_type cdrom and unlocked", vm)
						}
						return nil
					}),
				),
			},
			{ResourceName: isoAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: isoAddress, ImportState: true, ImportStateId: "226661014786", ExpectError: acctest.ErrorText("<virtual_machine_id>/<iso_join_id>")},
			{
				PreConfig: func() {
					postsBefore = isoPosts(m)
					m.FailNext("gigas", http.MethodPost, "/account/22666/virtual_machine/", mockapi.FaultDropAfter, 1)
				},
				Config: isoConfig(env, "cdrom", byURL, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(isoAddress, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionNoop),
				}},
				Check: checkJoin(t, m, func(j mockapi.GigasISOJoin) error {
					if j.ISOURL != isoURL || j.ISOID != "" {
						return fmt.Errorf("mock join %+v after the replacement", j)
					}
					if n := isoPosts(m) + countFaults(m, http.MethodPost) - postsBefore; n != 1 {
						return fmt.Errorf("%d mount requests for one replacement whose answer was lost, want 1", n)
					}
					return nil
				}),
			},
			{
				// Unmounted outside Terraform: the plan mounts it again.
				PreConfig: func() { m.Gigas.UnmountISO(onlyJoin(t, m).ID) },
				Config:    isoConfig(env, "cdrom", byURL, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(isoAddress, plancheck.ResourceActionCreate),
				}},
				Check: checkJoin(t, m, func(mockapi.GigasISOJoin) error { return nil }),
			},
			{
				// Back to the disk, and the ISO unmounted.
				Config: isoConfig(env, "default", "", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(isoAddress, plancheck.ResourceActionDestroy),
				}},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if joins := m.Gigas.ISOJoins(vm.ID); vm.BootType != "default" || len(joins) != 0 {
						return fmt.Errorf("mock VM boot_type %q with joins %+v after the unmount", vm.BootType, joins)
					}
					return nil
				}),
			},
		},
	})
	if n := m.CountStatus("gigas", http.StatusConflict); n != 0 {
		t.Errorf("the provider wrote to a locked VM %d times (409 answers), want 0", n)
	}
}

// A mount whose wait fails stays in state, tainted, and the next apply
// replaces it; a mount the API reports failed (and drops) is mounted again.
func TestAccVMISO_failedWaits(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	byID := `iso_id = "101"`
	var firstJoin string
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: isoConfig(env, "default", "", "")},
			{
				PreConfig:   func() { m.SetProvisioningDelay(2 * time.Second) },
				Config:      isoConfig(env, "default", byID, `create = "300ms"`),
				ExpectError: acctest.ErrorText("ISO mount did not complete", "timeout ran out", "kept in Terraform state"),
			},
			{
				PreConfig: func() {
					firstJoin = onlyJoin(t, m).ID
					m.SetProvisioningDelay(acctest.TestProvisioningDelay)
				},
				Config: isoConfig(env, "default", byID, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(isoAddress, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: checkJoin(t, m, func(j mockapi.GigasISOJoin) error {
					if j.ID == firstJoin {
						return fmt.Errorf("the tainted join %s was not replaced", firstJoin)
					}
					return nil
				}),
			},
			{Config: isoConfig(env, "default", "", "")},
			{
				// The transaction's status says "failed"; a mount answered
				// without a token has none to read, and the join is found
				// missing instead.
				PreConfig:   func() { m.Gigas.FailNextTransactions(1) },
				Config:      isoConfig(env, "default", byID, ""),
				ExpectError: acctest.ErrorText("ISO mount did not complete", map[bool]string{true: "is not listed", false: `"failed"`}[m.Alt(mockapi.AltGigasISOMountAnswer) == "empty"]),
			},
			{
				Config: isoConfig(env, "default", byID, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(isoAddress, plancheck.ResourceActionCreate),
				}},
				Check: checkJoin(t, m, func(mockapi.GigasISOJoin) error { return nil }),
			},
		},
	})
}

// Bad input is refused at plan time, before any request.
func TestAccVMISO_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	iso := func(body string) string {
		return env.Config("resource \"gigas_virtual_machine_iso\" \"test\" {\n" + body + "\n}\n")
	}
	cases := []struct{ config, want string }{
		{iso(`virtual_machine_id = "226661014786"`), `(?s)iso_id.*iso_url`},
		{iso(`virtual_machine_id = "226661014786"
iso_id = "100"
iso_url = "https://example.com/a.iso"`), `(?s)iso_id.*iso_url`},
		{iso(`virtual_machine_id = "226661014786"
iso_url = "file:///tmp/a.iso"`), `(?s)iso_url.*http, https, ftp or ftps`},
		{iso(`virtual_machine_id = "226661014786"
iso_id = "debian"`), `(?s)iso_id.*numeric ISO id`},
		{iso(`virtual_machine_id = "web-1"
iso_id = "100"`), `(?s)virtual_machine_id.*numeric VM id`},
		{isoConfig(env, "usb", "", ""), `(?s)boot_type.*\["default" "cdrom"\]`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("invalid configurations reached the API: %d requests, want 0: %+v", n, env.Mock.Requests())
	}
}

// The ISO list and the mount's answer are read in every form they may
// take (in rounds: each form of each point at least once); a list the
// client cannot read fails the mount's wait loudly, leaving the mount in
// state, tainted, for the destroy once the list can be read.
func TestAccVMISO_everyForm(t *testing.T) {
	t.Parallel()
	acctest.EachRound(t, []mockapi.Alt{mockapi.AltGigasISOList, mockapi.AltGigasISOMountAnswer}, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		cfg := isoConfig(env, "default", `iso_id = "100"`, "")
		var steps []resource.TestStep
		switch {
		case m.Alt(mockapi.AltGigasISOList) == "unknown-fields" && m.Alt(mockapi.AltGigasISOMountAnswer) != "join-with-token":
			// Neither the answer nor the list gives the join's id: the
			// error says that the ISO is likely mounted and how to adopt
			// it, and the mock shows that it is.
			steps = []resource.TestStep{
				{Config: cfg, ExpectError: acctest.ErrorText("Cannot mount the ISO", "item 0 of the ISO list has no id", "likely mounted", "import the mount")},
				{
					PreConfig: func() { m.SetAlt(mockapi.AltGigasISOList, "bare") },
					Config:    isoConfig(env, "default", "", ""),
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if joins := m.Gigas.ISOJoins(vm.ID); len(joins) != 1 || joins[0].ISOID != "100" {
							return fmt.Errorf("the error says the ISO is likely mounted; the mock has %+v", joins)
						}
						return nil
					}),
				},
			}
		case m.Alt(mockapi.AltGigasISOList) == "unknown-fields":
			steps = []resource.TestStep{
				{Config: cfg, ExpectError: acctest.ErrorText("ISO mount did not complete", "item 0 of the ISO list has no id", "kept in Terraform state")},
				{
					PreConfig: func() { m.SetAlt(mockapi.AltGigasISOList, "bare") },
					Config:    isoConfig(env, "default", "", ""),
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if joins := m.Gigas.ISOJoins(vm.ID); len(joins) != 0 {
							return fmt.Errorf("the tainted mount was not unmounted: %+v", joins)
						}
						return nil
					}),
				},
			}
		default:
			steps = []resource.TestStep{
				{Config: cfg, Check: checkJoin(t, m, func(j mockapi.GigasISOJoin) error {
					if j.ISOID != "100" {
						return fmt.Errorf("mock join %+v", j)
					}
					return nil
				})},
				{ResourceName: isoAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			}
		}
		env.Test(t, resource.TestCase{CheckDestroy: noVMsLeft(m), Steps: steps})
	})
}
