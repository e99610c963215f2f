package server_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Products of the mock: a KVM VPS (no power control) and a dedicated server.
const (
	kvmVPSProduct    = 7951
	dedicatedProduct = 4873
)

var modern = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// triggered is a terraform_data whose creation and every change of input
// runs the actions named.
func triggered(input string, actions ...string) string {
	list := ""
	for i, a := range actions {
		if i > 0 {
			list += ", "
		}
		list += "action." + a
	}
	return fmt.Sprintf(`
resource "terraform_data" "trigger" {
  input = %q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [%s]
    }
  }
}
`, input, list)
}

func rebootHCL(name string, serverID any) string {
	return fmt.Sprintf("action \"gigahost_server_reboot\" %q {\n  config {\n    server_id = \"%v\"\n  }\n}\n", name, serverID)
}

func powerHCL(name string, serverID any, state string) string {
	return fmt.Sprintf("action \"gigahost_server_power\" %q {\n  config {\n    server_id = \"%v\"\n    state     = %q\n  }\n}\n", name, serverID, state)
}

// mockServer checks the mock's record of a server: reboots counted and
// the power state asked for last.
func mockServer(env *acctest.Env, id int64, reboots int, poweredOff bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		sv, ok := env.Mock.Gigahost.Servers.Get(id)
		if !ok {
			return fmt.Errorf("no server %d in the mock", id)
		}
		if sv.Reboots != reboots || sv.PoweredOff != poweredOff {
			return fmt.Errorf("server %d: %d reboots, powered off %v; want %d, %v", id, sv.Reboots, sv.PoweredOff, reboots, poweredOff)
		}
		return nil
	}
}

// countRequests counts the requests the mock received with this method and path.
func countRequests(env *acctest.Env, method, path string) int {
	n := 0
	for _, r := range env.Mock.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// The reboot and power actions run from a trigger, on create and on
// update, under every form of the undocumented power answers: the mock's
// servers show the reboots and the power state; the powerstate confirms the
// power change where it is reported, and a warning (not an error) says so
// where it is not. A power call on a KVM VPS fails with the 405 explained.
func TestAccModernServerActions_rebootAndPower(t *testing.T) {
	t.Parallel()
	acctest.EachRound(t, []mockapi.Alt{mockapi.AltPowerAnswer, mockapi.AltPowerState}, func(t *testing.T, env *acctest.Env) {
		vps := env.Mock.Gigahost.ServerExtras.AddServer(kvmVPSProduct, "vps-1.example.no")
		dedicated := env.Mock.Gigahost.ServerExtras.AddServer(dedicatedProduct, "metal-1.example.no")
		cfg := func(input, state string) string {
			return env.Config(rebootHCL("vps", vps) + powerHCL("metal", dedicated, state) + triggered(input, "gigahost_server_reboot.vps", "gigahost_server_power.metal"))
		}
		env.Test(t, resource.TestCase{
			TerraformVersionChecks: modern,
			Steps: []resource.TestStep{
				{
					Config: cfg("1", "off"),
					Check:  resource.ComposeTestCheckFunc(mockServer(env, vps, 1, false), mockServer(env, dedicated, 0, true)),
				},
				{
					Config: cfg("2", "on"),
					Check:  resource.ComposeTestCheckFunc(mockServer(env, vps, 2, false), mockServer(env, dedicated, 0, false)),
				},
			},
		})
		if n := countRequests(env, "GET", fmt.Sprintf("/servers/%d/power/on", dedicated)); n != 1 {
			t.Errorf("%d power on calls, want 1", n)
		}
	})
}

// A reboot whose answer is lost after it took effect is not sent again:
// the action fails saying the outcome is unknown, and the mock counts one
// reboot. A power call on a KVM VPS fails with the 405 explained. A power
// off whose answer is lost is settled by the powerstate. Bad input (a server id that is not a number, a state that is
// neither on nor off) is refused at plan time with no request sent.
func TestAccModernServerActions_lostAnswerAndBadInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: modern,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(rebootHCL("x", "srv-1") + triggered("1", "gigahost_server_reboot.x")),
				ExpectError: acctest.ErrorText("server_id", "must be a server id: digits only"),
			},
			{
				Config:      env.Config(powerHCL("x", 1, "standby") + triggered("1", "gigahost_server_power.x")),
				ExpectError: acctest.ErrorText("state", "value must be one of"),
			},
		},
	})
	if got := env.Mock.Requests(); len(got) != 0 {
		t.Fatalf("bad input sent %d requests, want 0: %+v", len(got), got)
	}
	id := env.Mock.Gigahost.ServerExtras.AddServer(kvmVPSProduct, "vps-2.example.no")
	metal := env.Mock.Gigahost.ServerExtras.AddServer(dedicatedProduct, "metal-2.example.no")
	env.Mock.FailNext("gigahost", "GET", fmt.Sprintf("/servers/%d/reboot", id), mockapi.FaultDropAfter, 1)
	env.Mock.FailNext("gigahost", "GET", fmt.Sprintf("/servers/%d/power/off", metal), mockapi.FaultDropAfter, 1)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: modern,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(rebootHCL("x", id) + triggered("1", "gigahost_server_reboot.x")),
				ExpectError: acctest.ErrorText(fmt.Sprintf("whether server %d is rebooting is unknown", id), "not sent again"),
			},
			{
				Config:      env.Config(powerHCL("x", id, "off") + triggered("2", "gigahost_server_power.x")),
				ExpectError: acctest.ErrorText(fmt.Sprintf("server %d cannot be powered off: power control is not available for KVM VPS", id), "HTTP 405"),
			},
			{
				Config: env.Config(powerHCL("x", metal, "off") + triggered("3", "gigahost_server_power.x")),
				Check:  mockServer(env, metal, 0, true),
			},
		},
	})
	if sv, _ := env.Mock.Gigahost.Servers.Get(id); sv.Reboots != 1 || sv.PoweredOff {
		t.Errorf("%d reboots after a lost answer, want 1; powered off %v", sv.Reboots, sv.PoweredOff)
	}
}
