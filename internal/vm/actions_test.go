package vm_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

var modern = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// actionsConfig is the test VM, the reboot and network rebuild actions on
// it, and a terraform_data whose creation and every change of input runs
// the actions named.
func actionsConfig(env *acctest.Env, force bool, input string, actions ...string) string {
	hcl := baseVM().hcl() + fmt.Sprintf(`
action "gigas_virtual_machine_reboot" "r" {
  config {
    virtual_machine_id = gigas_virtual_machine.test.id
    force              = %t
    timeouts           = { invoke = "2m" }
  }
}

action "gigas_virtual_machine_rebuild_network" "n" {
  config {
    virtual_machine_id = gigas_virtual_machine.test.id
  }
}
`, force)
	if len(actions) > 0 {
		list := ""
		for i, a := range actions {
			if i > 0 {
				list += ", "
			}
			list += "action." + a
		}
		hcl += fmt.Sprintf(`
resource "terraform_data" "trigger" {
  input = "${gigas_virtual_machine.test.id}-%s"
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [%s]
    }
  }
}
`, input, list)
	}
	return env.Config(hcl)
}

// counts asserts the operations the mock's VM has completed.
func counts(t *testing.T, m *mockapi.Server, reboots, forced, rebuilds int) resource.TestCheckFunc {
	return checkMockVM(t, m, func(vm mockapi.GigasVM) error {
		if vm.Reboots != reboots || vm.ForcedReboots != forced || vm.NetworkRebuilds != rebuilds {
			return fmt.Errorf("the VM had %d reboots (%d forced) and %d network rebuilds, want %d (%d), %d",
				vm.Reboots, vm.ForcedReboots, vm.NetworkRebuilds, reboots, forced, rebuilds)
		}
		return nil
	})
}

// Both actions run from a trigger, under both forms of their undocumented
// answer (a queue token, or no body): on create, a forced reboot and a
// network rebuild; on update, a reboot of a VM that another operation holds
// locked, which waits for the lock before it is sent.
func TestAccModernVMActions_rebootAndRebuild(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltGigasOperationAnswer, func(t *testing.T, env *acctest.Env) {
		env.Test(t, resource.TestCase{
			TerraformVersionChecks: modern,
			Steps: []resource.TestStep{
				{
					Config: actionsConfig(env, true, "1", "gigas_virtual_machine_reboot.r", "gigas_virtual_machine_rebuild_network.n"),
					Check:  counts(t, env.Mock, 1, 1, 1),
				},
				{
					PreConfig: func() { env.Mock.Gigas.BusyVM(onlyVM(t, env.Mock).ID, 300*time.Millisecond) },
					Config:    actionsConfig(env, false, "2", "gigas_virtual_machine_reboot.r"),
					Check:     counts(t, env.Mock, 2, 1, 1),
				},
			},
		})
	})
}

// A VM id that is not a number is refused at plan time with no request
// sent. A reboot whose answer is lost after it took effect is not sent
// again: the VM, locked right after, is waited for and the action ends with
// a warning. A network rebuild whose transaction fails is an error quoting
// the status.
func TestAccModernVMActions_faults(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, func(o *mockapi.Options) { o.ProvisioningDelay = time.Second })
	var rebootPath string

	env.Test(t, resource.TestCase{
		TerraformVersionChecks: modern,
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
action "gigas_virtual_machine_reboot" "bad" {
  config {
    virtual_machine_id = "vm-1"
  }
}

resource "terraform_data" "trigger" {
  input = "1"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.gigas_virtual_machine_reboot.bad]
    }
  }
}
`),
				ExpectError: acctest.ErrorText("virtual_machine_id", "must be a numeric VM id"),
			},
			{
				PreConfig: func() {
					if n := len(env.Mock.Requests()); n != 0 {
						t.Fatalf("bad input sent %d requests, want 0", n)
					}
				},
				Config: actionsConfig(env, false, "1"),
			},
			{
				PreConfig: func() {
					rebootPath = fmt.Sprintf("/account/%d/virtual_machine/%s/reboot", mockapi.GigasAccountID, onlyVM(t, env.Mock).ID)
					env.Mock.FailNext("gigas", "POST", rebootPath, mockapi.FaultDropAfter, 1)
				},
				Config: actionsConfig(env, false, "1", "gigas_virtual_machine_reboot.r"),
				Check:  counts(t, env.Mock, 1, 0, 0),
			},
			{
				PreConfig:   func() { env.Mock.Gigas.FailNextTransactions(1) },
				Config:      actionsConfig(env, false, "2", "gigas_virtual_machine_rebuild_network.n"),
				ExpectError: acctest.ErrorText("Network rebuild of VM", `ended with status "failed"`),
			},
		},
	})
	posts := 0
	for _, r := range env.Mock.Requests() {
		if r.Method == "POST" && r.Path == rebootPath {
			posts++
		}
	}
	if posts != 1 {
		t.Errorf("%d reboot requests after a lost answer, want 1", posts)
	}
}
