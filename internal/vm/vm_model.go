package vm

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// vmModel is the Terraform side of a gigas_virtual_machine.
type vmModel struct {
	ID                  types.String   `tfsdk:"id"`
	Label               types.String   `tfsdk:"label"`
	Hostname            types.String   `tfsdk:"hostname"`
	Memory              types.Int64    `tfsdk:"memory"`
	CPUs                types.Int64    `tfsdk:"cpus"`
	CPUType             types.String   `tfsdk:"cpu_type"`
	PrimaryDiskSize     types.Int64    `tfsdk:"primary_disk_size"`
	SwapDiskSize        types.Int64    `tfsdk:"swap_disk_size"`
	LocationID          types.String   `tfsdk:"location_id"`
	TemplateID          types.String   `tfsdk:"template_id"`
	Note                types.String   `tfsdk:"note"`
	InitialRootPassword types.String   `tfsdk:"initial_root_password"`
	InitialPassword     types.String   `tfsdk:"initial_password"`
	PowerState          types.String   `tfsdk:"power_state"`
	Status              types.String   `tfsdk:"status"`
	Identifier          types.String   `tfsdk:"identifier"`
	HypervisorID        types.String   `tfsdk:"hypervisor_id"`
	BootType            types.String   `tfsdk:"boot_type"`
	IPAddresses         types.List     `tfsdk:"ip_addresses"`
	IPv4Address         types.String   `tfsdk:"ipv4_address"`
	IPv6Address         types.String   `tfsdk:"ipv6_address"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI copies what the API reports. initial_root_password is never read
// back (the API does not return it as such); initial_password carries the
// password the API generated, and only when the user set none.
func (m *vmModel) fromAPI(vm *gigas.VirtualMachine) {
	m.ID = types.StringValue(string(vm.ID))
	m.Label = types.StringValue(string(vm.Label))
	m.Hostname = types.StringValue(string(vm.Hostname))
	m.Memory = types.Int64Value(int64(vm.Memory))
	m.CPUs = types.Int64Value(int64(vm.CPUs))
	m.CPUType = types.StringValue(string(vm.CPUType))
	m.PrimaryDiskSize = diskSize(vm.Disks.Primary, m.PrimaryDiskSize)
	m.SwapDiskSize = diskSize(vm.Disks.Swap, m.SwapDiskSize)
	m.LocationID = types.StringValue(string(vm.LocationID))
	m.TemplateID = types.StringValue(string(vm.TemplateID))
	m.Note = types.StringValue(string(vm.Note))
	m.Status = types.StringValue(string(vm.Status))
	m.Identifier = types.StringValue(string(vm.Identifier))
	m.HypervisorID = types.StringValue(string(vm.HypervisorID))
	// boot_type is documented in the VM object; an answer without it keeps
	// what was known (unknown becomes null).
	if vm.BootType != "" {
		m.BootType = types.StringValue(string(vm.BootType))
	} else if m.BootType.IsUnknown() {
		m.BootType = types.StringNull()
	}
	// power_state follows the machine only once it is built; an unbuilt VM
	// keeps what was asked for, and status shows the truth.
	if s := string(vm.Status); s == powerOnline || s == powerOffline {
		m.PowerState = types.StringValue(s)
	} else if m.PowerState.IsNull() || m.PowerState.IsUnknown() {
		m.PowerState = types.StringValue(powerOnline)
	}
	if m.InitialRootPassword.IsNull() || m.InitialRootPassword.IsUnknown() {
		if m.InitialRootPassword.IsUnknown() {
			m.InitialRootPassword = types.StringNull()
		}
		if vm.InitialPassword != "" {
			m.InitialPassword = types.StringValue(string(vm.InitialPassword))
		} else if m.InitialPassword.IsUnknown() {
			m.InitialPassword = types.StringNull()
		}
	} else {
		m.InitialPassword = types.StringNull()
	}
}

// diskSize is a disk size as read, or, when the API did not show it in a
// readable form, the prior or configured value (never a zero); unknown
// becomes null.
func diskSize(read *int64, prior types.Int64) types.Int64 {
	switch {
	case read != nil:
		return types.Int64Value(*read)
	case prior.IsUnknown():
		return types.Int64Null()
	default:
		return prior
	}
}

// createInput is the body of the create call.
func (m vmModel) createInput() gigas.CreateVMInput {
	in := gigas.CreateVMInput{
		Label:           m.Label.ValueString(),
		Hostname:        m.Hostname.ValueString(),
		Memory:          m.Memory.ValueInt64(),
		CPUs:            m.CPUs.ValueInt64(),
		PrimaryDiskSize: m.PrimaryDiskSize.ValueInt64(),
		LocationID:      m.LocationID.ValueString(),
		TemplateID:      m.TemplateID.ValueString(),
		Note:            m.Note.ValueString(),
	}
	if known(m.CPUType) {
		in.CPUType = m.CPUType.ValueString()
	}
	if !m.SwapDiskSize.IsNull() && !m.SwapDiskSize.IsUnknown() {
		v := m.SwapDiskSize.ValueInt64()
		in.SwapDiskSize = &v
	}
	if known(m.InitialRootPassword) {
		in.InitialRootPassword = m.InitialRootPassword.ValueString()
	}
	return in
}

// updateInput holds the configuration changes from state to plan, leaving
// the power state to its own call. ok is false when nothing changed.
func updateInput(state, plan vmModel) (in gigas.UpdateVMInput, ok bool) {
	str := func(s, p types.String) *string {
		if !known(p) || s.Equal(p) {
			return nil
		}
		ok = true
		v := p.ValueString()
		return &v
	}
	num := func(s, p types.Int64) *int64 {
		if p.IsNull() || p.IsUnknown() || s.Equal(p) {
			return nil
		}
		ok = true
		v := p.ValueInt64()
		return &v
	}
	in.Label = str(state.Label, plan.Label)
	in.Hostname = str(state.Hostname, plan.Hostname)
	in.CPUType = str(state.CPUType, plan.CPUType)
	in.BootType = str(state.BootType, plan.BootType)
	in.Memory = num(state.Memory, plan.Memory)
	in.CPUs = num(state.CPUs, plan.CPUs)
	// A disk size the state does not know (after an import that could not
	// read it) is adopted as configured, never sent as a resize.
	if !state.PrimaryDiskSize.IsNull() {
		in.PrimaryDiskSize = num(state.PrimaryDiskSize, plan.PrimaryDiskSize)
	}
	if !plan.Note.IsUnknown() && !state.Note.Equal(plan.Note) {
		ok = true
		v := plan.Note.ValueString()
		in.Note = &v
	}
	return in, ok
}

func known(s types.String) bool { return !s.IsNull() && !s.IsUnknown() && s.ValueString() != "" }
