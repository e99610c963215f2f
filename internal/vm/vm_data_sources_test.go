package vm_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// twoVMs is web-a (online, Spain) and web-b (offline, Miami).
func twoVMs() string {
	a, b := baseVM(), baseVM()
	a.Label, a.Hostname = "web-a", "web-a"
	b.Label, b.Hostname, b.PowerState, b.Location = "web-b", "web-b", "offline", miami
	return regexp.MustCompile(`"test"`).ReplaceAllString(a.hcl(), `"a"`) + regexp.MustCompile(`"test"`).ReplaceAllString(b.hcl(), `"b"`)
}

const vmDataSources = `
data "gigas_virtual_machines" "all" {
  depends_on = [gigas_virtual_machine.a, gigas_virtual_machine.b]
}
data "gigas_virtual_machines" "offline_in_miami" {
  depends_on  = [gigas_virtual_machine.a, gigas_virtual_machine.b]
  status      = "offline"
  location_id = "226661013"
}
data "gigas_virtual_machines" "by_hostname" {
  hostname = gigas_virtual_machine.a.hostname
}
data "gigas_virtual_machine" "by_label" {
  label = gigas_virtual_machine.a.label
}
data "gigas_virtual_machine" "by_id" {
  id = gigas_virtual_machine.b.id
}
`

// The list filters as the API's list does, in one request; the single VM
// is found by id or by label, with its addresses; a label no VM has, or
// that two share, is an error that says which.
func TestAccVMDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	sameV4 := statecheck.CompareValue(compare.ValuesSame())
	one := func(label string) string {
		return env.Config(twoVMs() + `data "gigas_virtual_machine" "one" {
  label = "` + label + `"
}
`)
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: noVMsLeft(m),
		Steps: []resource.TestStep{
			{
				Config: env.Config(twoVMs() + vmDataSources),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gigas_virtual_machines.all", tfjsonpath.New("virtual_machines"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.gigas_virtual_machines.offline_in_miami", tfjsonpath.New("virtual_machines"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"label": knownvalue.StringExact("web-b"), "status": knownvalue.StringExact("offline"), "location_id": knownvalue.StringExact(miami)}),
					})),
					statecheck.ExpectKnownValue("data.gigas_virtual_machines.by_hostname", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.gigas_virtual_machine.by_label", tfjsonpath.New("hostname"), knownvalue.StringExact("web-a")),
					statecheck.ExpectKnownValue("data.gigas_virtual_machine.by_label", tfjsonpath.New("primary_disk_size"), knownvalue.Int64Exact(10)),
					statecheck.ExpectKnownValue("data.gigas_virtual_machine.by_label", tfjsonpath.New("ip_addresses"), knownvalue.ListSizeExact(3)),
					sameV4.AddStateValue("data.gigas_virtual_machine.by_label", tfjsonpath.New("ipv4_address")),
					sameV4.AddStateValue("gigas_virtual_machine.a", tfjsonpath.New("ipv4_address")),
					statecheck.ExpectKnownValue("data.gigas_virtual_machine.by_id", tfjsonpath.New("label"), knownvalue.StringExact("web-b")),
					statecheck.ExpectKnownValue("data.gigas_virtual_machine.by_id", tfjsonpath.New("status"), knownvalue.StringExact("offline")),
				},
			},
			{Config: one("web-c"), PlanOnly: true, ExpectError: acctest.ErrorText("No Gigas virtual machine has this label", `"web-c"`)},
			{
				PreConfig: func() {
					for _, vm := range m.Gigas.VMs() {
						m.Gigas.ChangeVM(vm.ID, func(vm *mockapi.GigasVM) { vm.Label = "twin" })
					}
				},
				Config: one("twin"), PlanOnly: true, ExpectError: acctest.ErrorText("2 VMs have the label", `"twin"`),
			},
		},
	})
}

// Bad input to the VM data sources is refused at plan time, before any request.
func TestAccVMDataSources_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	steps := []resource.TestStep{}
	for hcl, want := range map[string]string{
		`data "gigas_virtual_machine" "x" {}`: `(?s)id.*label`,
		`data "gigas_virtual_machine" "x" {
  id    = "226661014786"
  label = "web"
}`: `(?s)id.*label`,
		`data "gigas_virtual_machine" "x" { id = "web-1" }`:           `(?s)id.*numeric VM id`,
		`data "gigas_virtual_machines" "x" { status = "running" }`:    `(?s)status.*\["online" "offline" "unbuilt"\]`,
		`data "gigas_virtual_machines" "x" { location_id = "Spain" }`: `(?s)location_id.*numeric id`,
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(hcl), PlanOnly: true, ExpectError: regexp.MustCompile(want)})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("invalid configurations reached the API: %d requests, want 0", n)
	}
}
