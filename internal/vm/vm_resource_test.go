package vm_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

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

const (
	address     = "gigas_virtual_machine.test"
	spain       = "226661012"
	miami       = "226661013"
	debian7     = "2266610116"
	debian12    = "2266610140"
	testVMLabel = "web-1"
)

// vmConfig is a VM's configuration; zero fields are left out.
type vmConfig struct {
	Label, Hostname, Note, CPUType, PowerState, Location, Template, Password, Timeouts string
	Memory, CPUs, Disk                                                                 int
	Swap                                                                               *int
}

func baseVM() vmConfig {
	return vmConfig{Label: testVMLabel, Hostname: "web-1", Memory: 1024, CPUs: 1, Disk: 10, Location: spain, Template: debian7}
}

func (c vmConfig) hcl() string {
	var b strings.Builder
	b.WriteString("resource \"gigas_virtual_machine\" \"test\" {\n")
	fmt.Fprintf(&b, "  label = %q\n  hostname = %q\n  memory = %d\n  cpus = %d\n  primary_disk_size = %d\n  location_id = %q\n  template_id = %q\n",
		c.Label, c.Hostname, c.Memory, c.CPUs, c.Disk, c.Location, c.Template)
	for name, v := range map[string]string{"note": c.Note, "cpu_type": c.CPUType, "power_state": c.PowerState, "initial_root_password": c.Password} {
		if v != "" {
			fmt.Fprintf(&b, "  %s = %q\n", name, v)
		}
	}
	if c.Swap != nil {
		fmt.Fprintf(&b, "  swap_disk_size = %d\n", *c.Swap)
	}
	if c.Timeouts != "" {
		fmt.Fprintf(&b, "  timeouts {\n    %s\n  }\n", c.Timeouts)
	}
	b.WriteString("}\n")
	return b.String()
}

// onlyVM returns the mock's single VM, failing the test otherwise.
func onlyVM(t *testing.T, m *mockapi.Server) mockapi.GigasVM {
	t.Helper()
	vms := m.Gigas.VMs()
	if len(vms) != 1 {
		t.Fatalf("the mock holds %d VMs, want 1: %+v", len(vms), vms)
	}
	return vms[0]
}

// checkMockVM asserts on the mock's single VM.
func checkMockVM(t *testing.T, m *mockapi.Server, check func(vm mockapi.GigasVM) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		return check(onlyVM(t, m))
	}
}

// noVMsLeft is the CheckDestroy of every test: nothing is left billed.
func noVMsLeft(m *mockapi.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if vms := m.Gigas.VMs(); len(vms) != 0 {
			return fmt.Errorf("the mock still holds %d VMs after destroy: %+v", len(vms), vms)
		}
		return nil
	}
}

func TestAccVM_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	sameID := statecheck.CompareValue(compare.ValuesSame())
	differentID := statecheck.CompareValue(compare.ValuesDiffer())

	updated := baseVM()
	updated.Label, updated.Hostname, updated.Note = "web-1-renamed", "web-one", "managed by terraform"
	updated.Memory, updated.CPUs, updated.CPUType, updated.Disk = 2048, 2, "amd", 20
	off := updated
	off.PowerState = "offline"
	replaced := updated
	replaced.Template = debian12

	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{
				Config: env.Config(baseVM().hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(address, tfjsonpath.New("id")),
					differentID.AddStateValue(address, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("online")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("power_state"), knownvalue.StringExact("online")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("cpu_type"), knownvalue.StringExact("intel")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("note"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("initial_password"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("identifier"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("hypervisor_id"), knownvalue.NotNull()),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Status != "online" || vm.Locked || vm.Memory != 1024 || vm.Hostname != "web-1" || vm.TemplateID != debian7 {
						return fmt.Errorf("mock VM after create: %+v", vm)
					}
					return nil
				}),
			},
			{
				Config: env.Config(updated.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(address, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("memory"), knownvalue.Int64Exact(2048)),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("cpu_type"), knownvalue.StringExact("amd")),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Label != "web-1-renamed" || vm.Hostname != "web-one" || vm.Note != "managed by terraform" ||
						vm.Memory != 2048 || vm.CPUs != 2 || vm.CPUType != "amd" || vm.PrimaryDiskSize != 20 {
						return fmt.Errorf("mock VM after in-place update: %+v", vm)
					}
					return nil
				}),
			},
			{
				Config: env.Config(off.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(address, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("offline")),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Status != "offline" {
						return fmt.Errorf("mock VM is %q after power off", vm.Status)
					}
					return nil
				}),
			},
			{
				Config: env.Config(updated.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(address, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("online")),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Status != "online" {
						return fmt.Errorf("mock VM is %q after power on", vm.Status)
					}
					return nil
				}),
			},
			{
				ResourceName:            address,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config: env.Config(replaced.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					differentID.AddStateValue(address, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("template_id"), knownvalue.StringExact(debian12)),
				},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.TemplateID != debian12 {
						return fmt.Errorf("mock VM template %q after replace", vm.TemplateID)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccVM_createdOfflineWithPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := baseVM()
	cfg.PowerState, cfg.Password, cfg.Location = "offline", "s3cret_Pass-1", miami
	swap := 2
	cfg.Swap = &swap
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(env.Mock),
		Steps: []resource.TestStep{
			{
				Config: env.Config(cfg.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("offline")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("initial_password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("swap_disk_size"), knownvalue.Int64Exact(2)),
				},
				Check: checkMockVM(t, env.Mock, func(vm mockapi.GigasVM) error {
					if vm.Status != "offline" || vm.InitialPassword != "s3cret_Pass-1" || vm.SwapDiskSize != 2 || vm.LocationID != miami {
						return fmt.Errorf("mock VM: %+v", vm)
					}
					return nil
				}),
			},
			{
				// initial_root_password is never read back: null after import.
				ResourceName:            address,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"initial_root_password", "initial_password", "timeouts"},
			},
		},
	})
}

// After an import the password is unknown to Terraform: keeping it in the
// configuration records it without rebuilding the VM, and removing it from
// the configuration is no change at all.
func TestAccVM_passwordAfterImport(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	withPassword := baseVM()
	withPassword.Password = "s3cret_Pass-1"
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(env.Mock),
		Steps: []resource.TestStep{
			{
				Config:            env.Config(withPassword.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(address, tfjsonpath.New("id"))},
				Check:             func(s *terraform.State) error { id = s.RootModule().Resources[address].Primary.ID; return nil },
			},
			{
				// Forget the VM without destroying it, then import it back.
				Config: env.Config(`
removed {
  from = gigas_virtual_machine.test
  lifecycle {
    destroy = false
  }
}
`),
			},
			{
				Config:             env.Config(withPassword.hcl()),
				ResourceName:       address,
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			},
			{
				Config: env.Config(withPassword.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(address, tfjsonpath.New("id"))},
			},
			{Config: env.Config(baseVM().hcl()), PlanOnly: true},
			{
				Config: env.Config(func() vmConfig { c := withPassword; c.Password = "other_Pass-2"; return c }().hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: checkMockVM(t, env.Mock, func(vm mockapi.GigasVM) error {
					if vm.InitialPassword != "other_Pass-2" {
						return fmt.Errorf("the rebuilt VM has password %q", vm.InitialPassword)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccVM_driftAndDisappearance(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	cfg := env.Config(baseVM().hcl())
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(address, tfjsonpath.New("id"))}},
			{
				// Someone resizes and powers off the VM in the control panel.
				PreConfig: func() {
					m.Gigas.ChangeVM(onlyVM(t, m).ID, func(vm *mockapi.GigasVM) { vm.Memory, vm.Status, vm.Label = 4096, "offline", "changed" })
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				}},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Memory != 1024 || vm.Status != "online" || vm.Label != testVMLabel {
						return fmt.Errorf("drift not repaired: %+v", vm)
					}
					return nil
				}),
			},
			{
				// Someone deletes the VM: the plan re-creates it.
				PreConfig: func() { m.Gigas.DeleteVM(onlyVM(t, m).ID) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(address, tfjsonpath.New("id"))},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Status != "online" {
						return fmt.Errorf("re-created VM: %+v", vm)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccVM_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	with := func(change func(*vmConfig)) string {
		c := baseVM()
		change(&c)
		return env.Config(c.hcl())
	}
	cases := []struct {
		name, config, want string
	}{
		{"hostname starts with a digit", with(func(c *vmConfig) { c.Hostname = "1web" }), `(?s)hostname.*not starting with a digit`},
		{"hostname too long", with(func(c *vmConfig) { c.Hostname = strings.Repeat("a", 26) }), `(?s)hostname.*up to 25 characters`},
		{"hostname with a dot", with(func(c *vmConfig) { c.Hostname = "web.example" }), `(?s)hostname.*letters`},
		{"password too short", with(func(c *vmConfig) { c.Password = "abc" }), `(?s)initial_root_password.*6 to 32`},
		{"password with a symbol", with(func(c *vmConfig) { c.Password = "abc!defg" }), `(?s)initial_root_password.*6 to 32`},
		{"memory zero", with(func(c *vmConfig) { c.Memory = 0 }), `(?s)memory.*at least 1`},
		{"cpus negative", with(func(c *vmConfig) { c.CPUs = -1 }), `(?s)cpus.*at least 1`},
		{"disk zero", with(func(c *vmConfig) { c.Disk = 0 }), `(?s)primary_disk_size.*at least 1`},
		{"swap negative", with(func(c *vmConfig) { s := -1; c.Swap = &s }), `(?s)swap_disk_size.*at least 0`},
		{"cpu type", with(func(c *vmConfig) { c.CPUType = "arm" }), `(?s)cpu_type.*\["intel" "amd"\]`},
		{"power state", with(func(c *vmConfig) { c.PowerState = "paused" }), `(?s)power_state.*\["online" "offline"\]`},
		{"location id", with(func(c *vmConfig) { c.Location = "Spain" }), `(?s)location_id.*numeric id`},
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

func TestAccVM_diskCannotShrink(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	smaller := baseVM()
	smaller.Disk = 5
	puts := 0 // sent by the create (a power-on, where the VM is built offline)
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(env.Mock),
		Steps: []resource.TestStep{
			{Config: env.Config(baseVM().hcl())},
			{
				PreConfig: func() { puts = env.Mock.CountRequests("gigas", http.MethodPut, "/account") },
				Config:    env.Config(smaller.hcl()), PlanOnly: true, ExpectError: acctest.ErrorText("primary_disk_size can only grow: it is 10 GB"),
			},
		},
	})
	if n := env.Mock.CountRequests("gigas", http.MethodPut, "/account") - puts; n != 0 {
		t.Errorf("a refused shrink sent %d PUT requests, want 0", n)
	}
}

// A build that fails leaves the VM in state, tainted: the next apply
// replaces it and destroy removes it, so nothing is orphaned.
func TestAccVM_failedBuildIsTaintedNotOrphaned(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	cfg := env.Config(baseVM().hcl())
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { m.Gigas.FailNextTransactions(1) },
				Config:      cfg,
				ExpectError: acctest.ErrorText("build did not complete", `"failed"`, "kept in Terraform state"),
			},
			{
				PreConfig: func() { firstID = onlyVM(t, m).ID },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.ID == firstID || vm.Status != "online" {
						return fmt.Errorf("the failed VM %s was not replaced: %+v", firstID, vm)
					}
					return nil
				}),
			},
		},
	})
}

// A create that times out leaves the VM in state, tainted and destroyable.
func TestAccVM_createTimeoutIsTaintedNotOrphaned(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) { o.ProvisioningDelay = 2 * time.Second })
	m := env.Mock
	slow := baseVM()
	slow.Timeouts = `create = "300ms"`
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(slow.hcl()),
				ExpectError: acctest.ErrorText("timeout ran out", "kept in Terraform state"),
			},
			{
				// The VM is in state (tainted): the next apply replaces it.
				PreConfig: func() {
					onlyVM(t, m)
					m.SetProvisioningDelay(acctest.TestProvisioningDelay)
				},
				Config: env.Config(baseVM().hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Status != "online" {
						return fmt.Errorf("replacement VM: %+v", vm)
					}
					return nil
				}),
			},
		},
	})
}

// A VM busy with another operation is waited for, not written to.
func TestAccVM_waitsForLock(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	bigger := baseVM()
	bigger.Memory = 2048
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: env.Config(baseVM().hcl())},
			{
				PreConfig: func() { m.Gigas.BusyVM(onlyVM(t, m).ID, 500*time.Millisecond) },
				Config:    env.Config(bigger.hcl()),
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Memory != 2048 {
						return fmt.Errorf("memory %d after update of a locked VM", vm.Memory)
					}
					return nil
				}),
			},
			{
				PreConfig: func() { m.Gigas.BusyVM(onlyVM(t, m).ID, 500*time.Millisecond) },
				Config:    env.Config(bigger.hcl()),
				Destroy:   true,
			},
		},
	})
	if n := m.CountStatus("gigas", http.StatusConflict); n != 0 {
		t.Errorf("the provider wrote to a locked VM %d times (409 answers), want 0", n)
	}
}

// With 20% of requests failing (429 with Retry-After, 500, 502, dropped
// connections), create, update and destroy still converge.
func TestAccVM_survivesInjectedFaults(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) { o.FaultRate, o.Seed = 0.2, 7 })
	m := env.Mock
	bigger := baseVM()
	bigger.Memory, bigger.Label = 2048, "faulty"
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{Config: env.Config(baseVM().hcl())},
			{
				Config: env.Config(bigger.hcl()),
				Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
					if vm.Memory != 2048 || vm.Label != "faulty" {
						return fmt.Errorf("mock VM after update under faults: %+v", vm)
					}
					return nil
				}),
			},
		},
	})
	faults := 0
	for _, r := range m.Requests() {
		if r.Fault != "" {
			faults++
		}
	}
	if faults == 0 {
		t.Fatal("no fault was injected: the test proved nothing")
	}
	t.Logf("%d faults injected in %d requests", faults, len(m.Requests()))
}

// The live API forgets finished transactions: a token that answers 404 is
// judged by the VM itself, a success when it is built and a failure when it
// is still unbuilt.
func TestAccVM_forgottenTransactions(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	m.Gigas.SetTransactionTTL(0)
	off := baseVM()
	off.PowerState, off.Memory = "offline", 2048
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { m.Gigas.FailNextTransactions(1) },
				Config:      env.Config(baseVM().hcl()),
				ExpectError: acctest.ErrorText("build did not complete", "still unbuilt"),
			},
			{Config: env.Config(baseVM().hcl()), Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
				if vm.Status != "online" {
					return fmt.Errorf("VM after replace: %+v", vm)
				}
				return nil
			})},
			{Config: env.Config(off.hcl()), Check: checkMockVM(t, m, func(vm mockapi.GigasVM) error {
				if vm.Status != "offline" || vm.Memory != 2048 {
					return fmt.Errorf("VM after update: %+v", vm)
				}
				return nil
			})},
		},
	})
	if n := m.CountRequests("gigas", http.MethodGet, "/account/22666/transaction/"); n == 0 {
		t.Error("the provider never asked for a transaction's status")
	}
}

// A VM order whose answer is lost is never placed twice blindly: the
// provider looks for the VM it may have created and adopts it, or orders
// again only when nothing was created. Either way, exactly one VM is billed
// and it is the one in state.
func TestAccVM_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault     mockapi.Fault
		wantPosts int
	}{
		"created then dropped": {mockapi.FaultDropAfter, 1},
		"refused with 500":     {mockapi.Fault500, 2},
		"dropped before":       {mockapi.FaultDrop, 2},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			m := env.Mock
			m.FailNext("gigas", http.MethodPost, "/account/22666/virtual_machine", c.fault, 1)
			env.Test(t, resource.TestCase{
				CheckDestroy: noVMsLeft(m),
				Steps: []resource.TestStep{{
					Config: env.Config(baseVM().hcl()),
					Check: func(s *terraform.State) error {
						vm := onlyVM(t, m)
						if id := s.RootModule().Resources[address].Primary.ID; id != vm.ID {
							return fmt.Errorf("state holds VM %s, the mock bills VM %s", id, vm.ID)
						}
						if vm.Status != "online" {
							return fmt.Errorf("VM not built: %+v", vm)
						}
						return nil
					},
				}},
			})
			if n := m.CountRequests("gigas", http.MethodPost, "/account/22666/virtual_machine") + countFaults(m, http.MethodPost); n != c.wantPosts {
				t.Errorf("%d create requests, want %d", n, c.wantPosts)
			}
		})
	}
}

func countFaults(m *mockapi.Server, method string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Fault != "" && r.Method == method {
			n++
		}
	}
	return n
}
