package vm

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

func TestSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewVMResource(), vmModel{})
	parity.AssertResource(t, NewISOResource(), isoModel{})
	parity.AssertDataSource(t, NewVMDataSource(), vmDataModel{})
	parity.AssertListItems(t, NewVMsDataSource(), "virtual_machines", vmSummaryModel{})
	parity.AssertListItems(t, NewLocationsDataSource(), "locations", locationModel{})
	parity.AssertListItems(t, NewTemplatesDataSource(), "templates", templateModel{})
}

func apiVM() *gigas.VirtualMachine {
	return &gigas.VirtualMachine{
		ID: "226661014786", Label: "web", Hostname: "web", Status: "online", Memory: 512, CPUs: 1, CPUType: "intel",
		Disks: gigas.DiskSizes{Primary: ptr[int64](5), Swap: ptr[int64](1)}, LocationID: "226661012", TemplateID: "2266610116",
		InitialPassword: "generated1", Identifier: "4uxj2anxy5ddxp", HypervisorID: "226661013",
	}
}

func TestFromAPI_passwords(t *testing.T) {
	// No password configured: the generated one is exposed.
	var m vmModel
	m.InitialRootPassword = types.StringNull()
	m.InitialPassword = types.StringUnknown()
	m.fromAPI(apiVM())
	if m.InitialPassword.ValueString() != "generated1" || !m.InitialRootPassword.IsNull() {
		t.Errorf("unset password: initial_password %v, initial_root_password %v", m.InitialPassword, m.InitialRootPassword)
	}
	// A configured password is kept as written and never duplicated.
	m = vmModel{InitialRootPassword: types.StringValue("mine-123"), InitialPassword: types.StringUnknown()}
	m.fromAPI(apiVM())
	if m.InitialRootPassword.ValueString() != "mine-123" || !m.InitialPassword.IsNull() {
		t.Errorf("set password: initial_password %v, initial_root_password %v", m.InitialPassword, m.InitialRootPassword)
	}
}

func TestFromAPI_powerState(t *testing.T) {
	for status, want := range map[client.String]string{"online": "online", "offline": "offline", "unbuilt": "online"} {
		var m vmModel
		vm := apiVM()
		vm.Status = status
		m.fromAPI(vm)
		if m.PowerState.ValueString() != want || m.Status.ValueString() != string(status) {
			t.Errorf("status %q: power_state %v status %v, want power_state %q", status, m.PowerState, m.Status, want)
		}
	}
}

func TestUpdateInput(t *testing.T) {
	var state vmModel
	state.fromAPI(apiVM())
	plan := state
	if _, changed := updateInput(state, plan); changed {
		t.Fatal("identical state and plan reported a change")
	}
	plan.Memory = types.Int64Value(1024)
	plan.Note = types.StringValue("")
	state.Note = types.StringValue("old note")
	in, changed := updateInput(state, plan)
	if !changed || in.Memory == nil || *in.Memory != 1024 || in.Note == nil || *in.Note != "" {
		t.Fatalf("update input %+v changed=%v", in, changed)
	}
	if in.Label != nil || in.CPUs != nil || in.Status != nil {
		t.Errorf("unchanged fields were sent: %+v", in)
	}
}

func ptr[T any](v T) *T { return &v }

// A disk size the API does not show keeps the prior or configured value,
// never a zero; a size it shows wins (drift).
func TestFromAPI_diskSizes(t *testing.T) {
	vm := apiVM()
	vm.Disks = gigas.DiskSizes{}
	m := vmModel{PrimaryDiskSize: types.Int64Value(10), SwapDiskSize: types.Int64Unknown()}
	m.fromAPI(vm)
	if m.PrimaryDiskSize.ValueInt64() != 10 || !m.SwapDiskSize.IsNull() {
		t.Errorf("unreadable disks: primary %v swap %v, want 10 and null", m.PrimaryDiskSize, m.SwapDiskSize)
	}
	m = vmModel{PrimaryDiskSize: types.Int64Null(), SwapDiskSize: types.Int64Value(2)}
	m.fromAPI(vm)
	if !m.PrimaryDiskSize.IsNull() || m.SwapDiskSize.ValueInt64() != 2 {
		t.Errorf("unreadable disks after import: primary %v swap %v, want null and 2", m.PrimaryDiskSize, m.SwapDiskSize)
	}
	m.fromAPI(apiVM())
	if m.PrimaryDiskSize.ValueInt64() != 5 || m.SwapDiskSize.ValueInt64() != 1 {
		t.Errorf("readable disks: primary %v swap %v, want 5 and 1", m.PrimaryDiskSize, m.SwapDiskSize)
	}
}

// After an import that could not read the disk size, the configured size is
// adopted, never sent as a resize.
func TestUpdateInput_adoptsUnknownDiskSize(t *testing.T) {
	var state vmModel
	state.fromAPI(apiVM())
	state.PrimaryDiskSize = types.Int64Null()
	plan := state
	plan.PrimaryDiskSize = types.Int64Value(40)
	if in, changed := updateInput(state, plan); changed || in.PrimaryDiskSize != nil {
		t.Errorf("updateInput = %+v, %v; want no resize", in, changed)
	}
}
