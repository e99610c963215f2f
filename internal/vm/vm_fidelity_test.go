package vm_test

import (
	"fmt"
	"net/http"
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

// The acceptance tests of what the docs leave open (issue 8): each runs
// under every form of its silent point (mockapi.Alternatives).

// vmPuts counts the VM writes (PUT) the mock received, faults included.
func vmPuts(m *mockapi.Server) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Service == "gigas" && r.Method == http.MethodPut {
			n++
		}
	}
	return n
}

// A VM is created, refreshed and imported whatever the disk list looks like:
// the disk sizes are read where the list shows them (and drift is seen),
// kept as configured where it does not (never a zero), swap never plans a
// replacement, and an import never resizes a disk by surprise.
func TestAccVM_diskSizesEveryForm(t *testing.T) {
	t.Parallel()
	readable := map[string]bool{"bare-list": true, "item-wrapped": true, "wrapped": true, "type-field": true}
	acctest.EachForm(t, mockapi.AltGigasDisks, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		form := m.Alt(mockapi.AltGigasDisks)
		// Sizes are readable from /disks in these forms, or from the VM
		// object itself where it carries them (gigas.vm-disk-fields).
		sizesRead := readable[form] || m.Alt(mockapi.AltGigasVMDisks) == "present"
		cfg := baseVM()
		swap := 2
		cfg.Swap = &swap
		var id string
		putsAfterImport := 0
		afterImport := plancheck.ResourceActionNoop
		if !sizesRead {
			afterImport = plancheck.ResourceActionUpdate
		}
		steps := []resource.TestStep{
			{
				Config: env.Config(cfg.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("primary_disk_size"), knownvalue.Int64Exact(10)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("swap_disk_size"), knownvalue.Int64Exact(2)),
				},
				Check: func(s *terraform.State) error {
					id = s.RootModule().Resources[address].Primary.ID
					if vm := onlyVM(t, m); vm.PrimaryDiskSize != 10 || vm.SwapDiskSize != 2 {
						return fmt.Errorf("mock VM disks %d/%d", vm.PrimaryDiskSize, vm.SwapDiskSize)
					}
					return nil
				},
			},
			// A second apply of the same configuration plans nothing (swap included).
			{Config: env.Config(cfg.hcl()), PlanOnly: true},
			{Config: env.Config(`
removed {
  from = gigas_virtual_machine.test
  lifecycle {
    destroy = false
  }
}
`)},
			{
				Config:             env.Config(cfg.hcl()),
				ResourceName:       address,
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			},
			{
				// (An import step runs no Check: the count is taken here.)
				PreConfig: func() { putsAfterImport = vmPuts(m) },
				// After the import: nothing to do where the sizes are read;
				// where they cannot be, the configured sizes are recorded in
				// place, with no request to the VM.
				Config: env.Config(cfg.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, afterImport),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("primary_disk_size"), knownvalue.Int64Exact(10)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("swap_disk_size"), knownvalue.Int64Exact(2)),
				},
				Check: func(*terraform.State) error {
					if n := vmPuts(m); n != putsAfterImport {
						return fmt.Errorf("the first apply after the import sent %d PUTs", n-putsAfterImport)
					}
					if vm := onlyVM(t, m); vm.PrimaryDiskSize != 10 || vm.SwapDiskSize != 2 {
						return fmt.Errorf("mock VM disks %d/%d after the import", vm.PrimaryDiskSize, vm.SwapDiskSize)
					}
					return nil
				},
			},
		}
		if sizesRead {
			// Someone shrinks the disk outside Terraform (a restore, say):
			// the plan grows it back.
			steps = append(steps, resource.TestStep{
				PreConfig: func() { m.Gigas.ChangeVM(id, func(vm *mockapi.GigasVM) { vm.PrimaryDiskSize = 8 }) },
				Config:    env.Config(cfg.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				}},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.PrimaryDiskSize != 10 {
						return fmt.Errorf("disk drift not repaired: %d", vm.PrimaryDiskSize)
					}
					return nil
				}),
			})
		}
		env.Test(t, resource.TestCase{CheckDestroy: noVMsLeft(m), Steps: steps})
	})
}

// Disk sizes on the VM object (not documented, but possible) are read too.
func TestAccVM_diskSizesOnTheVMObject(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) {
		o.Alts = map[mockapi.Alt]string{mockapi.AltGigasVMDisks: "present", mockapi.AltGigasDisks: "unavailable"}
	})
	m := env.Mock
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: env.Config(baseVM().hcl()), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("primary_disk_size"), knownvalue.Int64Exact(10)),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("swap_disk_size"), knownvalue.Int64Exact(0)),
			}},
			{
				PreConfig:          func() { m.Gigas.ChangeVM(onlyVM(t, m).ID, func(vm *mockapi.GigasVM) { vm.PrimaryDiskSize = 8 }) },
				Config:             env.Config(baseVM().hcl()),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// A PUT whose answer is lost after it took effect is not retried into a 409
// "locked": the provider waits for the lock, reads the VM back and finds
// the change done.
func TestAccVM_lostUpdateAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	bigger := baseVM()
	bigger.Memory, bigger.Label = 4096, "bigger"
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: env.Config(baseVM().hcl())},
			{
				PreConfig: func() {
					m.FailNext("gigas", http.MethodPut, "/account/22666/virtual_machine/", mockapi.FaultDropAfter, 1)
				},
				Config: env.Config(bigger.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("memory"), knownvalue.Int64Exact(4096)),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Memory != 4096 || vm.Label != "bigger" || vm.Locked {
						return fmt.Errorf("mock VM after a lost update answer: %+v", vm)
					}
					return nil
				}),
			},
		},
	})
	if n := m.CountStatus("gigas", http.StatusConflict); n != 0 {
		t.Errorf("%d writes were answered 409 locked", n)
	}
	if n := countFaults(m, http.MethodPut); n != 1 {
		t.Errorf("%d PUT faults injected, want 1", n)
	}
}

// Whatever a PUT answers (token, VM with token, VM with old values and no
// token), state after the update holds the new values, not stale ones.
func TestAccVM_updateEveryPutAnswer(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasPutAnswer, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		updated := baseVM()
		updated.Memory, updated.Label, updated.Disk, updated.PowerState = 2048, "renamed", 20, "offline"
		env.Test(t, resource.TestCase{
			CheckDestroy: noVMsLeft(m),
			Steps: []resource.TestStep{
				{Config: env.Config(baseVM().hcl())},
				{
					Config: env.Config(updated.hcl()),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(address, tfjsonpath.New("memory"), knownvalue.Int64Exact(2048)),
						statecheck.ExpectKnownValue(address, tfjsonpath.New("label"), knownvalue.StringExact("renamed")),
						statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("offline")),
					},
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if vm.Memory != 2048 || vm.Label != "renamed" || vm.PrimaryDiskSize != 20 || vm.Status != "offline" {
							return fmt.Errorf("mock VM after update: %+v", vm)
						}
						return nil
					}),
				},
			},
		})
	})
}

// A transaction that reports a status neither pending nor completed is
// confirmed from the VM: a VM built and unlocked with the expected values
// is not tainted and replaced.
func TestAccVM_transactionDoneWordEveryForm(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasDoneWord, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		bigger := baseVM()
		bigger.CPUs = 2
		var id string
		env.Test(t, resource.TestCase{
			CheckDestroy: noVMsLeft(m),
			Steps: []resource.TestStep{
				{
					Config: env.Config(baseVM().hcl()),
					Check:  func(s *terraform.State) error { id = s.RootModule().Resources[address].Primary.ID; return nil },
				},
				{
					Config: env.Config(bigger.hcl()),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
					}},
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if vm.ID != id || vm.CPUs != 2 || vm.Status != "online" {
							return fmt.Errorf("mock VM %+v (first id %s)", vm, id)
						}
						return nil
					}),
				},
			},
		})
	})
}

// A new VM is not assumed to come up online: it is brought to power_state
// whichever status the build leaves it in.
func TestAccVM_builtStatusEveryForm(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasBuiltStatus, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		off := baseVM()
		off.PowerState = "offline"
		off.Template = debian12
		env.Test(t, resource.TestCase{
			CheckDestroy: noVMsLeft(m),
			Steps: []resource.TestStep{
				{
					Config: env.Config(baseVM().hcl()),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("online")),
					},
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if vm.Status != "online" {
							return fmt.Errorf("mock VM %s after create with power_state online", vm.Status)
						}
						return nil
					}),
				},
				{
					// A replacement built to be offline.
					Config: env.Config(off.hcl()),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("offline")),
					},
					Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
						if vm.Status != "offline" {
							return fmt.Errorf("mock VM %s after create with power_state offline", vm.Status)
						}
						return nil
					}),
				},
			},
		})
	})
}

// A create whose answer is lost is resolved by listing, whatever shape the
// VM list comes in, and every read works whatever shape a single VM comes
// in: exactly one VM is billed and it is the one in state.
func TestAccVM_lostCreateAnswerEveryListForm(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasVMList, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		m.FailNext("gigas", http.MethodPost, "/account/22666/virtual_machine", mockapi.FaultDropAfter, 1)
		env.Test(t, resource.TestCase{
			CheckDestroy: noVMsLeft(m),
			Steps: []resource.TestStep{{
				Config: env.Config(baseVM().hcl()),
				Check: func(s *terraform.State) error {
					vm := onlyVM(t, m)
					if id := s.RootModule().Resources[address].Primary.ID; id != vm.ID || vm.Status != "online" {
						return fmt.Errorf("state holds VM %s, the mock bills %+v", id, vm)
					}
					return nil
				},
			}},
		})
	})
}

func TestAccVM_everySingleObjectForm(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasVMObject, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		env.Test(t, resource.TestCase{
			CheckDestroy: noVMsLeft(env.Mock),
			Steps: []resource.TestStep{
				{Config: env.Config(baseVM().hcl()), ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("online")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("hostname"), knownvalue.StringExact("web-1")),
				}},
				{ResourceName: address, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			},
		})
	})
}

// With a login and a TOTP code, a session renewal during a long apply needs
// the undocumented refresh endpoint: where it exists the apply goes on;
// where it does not, the re-login's code has expired and the error says so
// and suggests an API key.
func TestAccVM_sessionRenewalWithTOTP(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasTokenRefresh, func(t *testing.T, env *acctest.Env) {
		t.Parallel()
		m := env.Mock
		m.Gigas.RequireTOTP("123456")
		config := fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %q
  gigas_username = %q
  gigas_password = %q
  gigas_totp     = "123456"
  max_retries    = 2
}
`, m.GigasURL(), mockapi.GigasUsername, mockapi.GigasPassword) + baseVM().hcl()
		step := resource.TestStep{Config: config, Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
			if vm.Status != "online" {
				return fmt.Errorf("mock VM %+v", vm)
			}
			return nil
		})}
		if m.Alt(mockapi.AltGigasTokenRefresh) == "absent" {
			// The code is spent by the first login of the apply: the
			// session's renewal cannot log in again.
			m.Gigas.ExpireTOTPAfter(time.Nanosecond)
			step.Check = nil
			step.ExpectError = acctest.ErrorText("TOTP code", "expired", "gigas_api_key")
		}
		env.Test(t, resource.TestCase{Steps: []resource.TestStep{step}, CheckDestroy: noVMsLeft(m)})
	}, func(o *mockapi.Options) { o.SessionTTL = 60 * time.Second })
}
