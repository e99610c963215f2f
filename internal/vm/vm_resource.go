package vm

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ResourceType is the virtual machine resource's type name.
const ResourceType = "gigas_virtual_machine"

var _ resource.ResourceWithModifyPlan = (*VMResource)(nil)

const (
	powerOnline  = "online"
	powerOffline = "offline"

	defaultCreateTimeout = 30 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
	defaultDeleteTimeout = 20 * time.Minute
)

// The API's documented parameter formats.
var (
	hostnameRE = regexp.MustCompile(`^[A-Za-z-][A-Za-z0-9-]{0,24}$`)
	passwordRE = regexp.MustCompile(`^[A-Za-z0-9_-]{6,32}$`)
	numericRE  = regexp.MustCompile(`^[0-9]+$`)
)

// NewVMResource returns the gigas_virtual_machine resource.
func NewVMResource() resource.Resource {
	return providerdata.NewResource[VMResource](ResourceType, providerdata.IDParts("vm_id"))
}

// VMResource manages a Gigas virtual machine.
type VMResource struct{ providerdata.ResourceBase }

// ModifyPlan predicts status from power_state, so that a plan shows the
// status the apply will produce, and refuses a disk shrink at plan time.
func (r *VMResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan vmModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.PowerState.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), plan.PowerState)...)
	}
	if req.State.Raw.IsNull() {
		return
	}
	var state vmModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.PrimaryDiskSize.IsUnknown() && !state.PrimaryDiskSize.IsNull() && plan.PrimaryDiskSize.ValueInt64() < state.PrimaryDiskSize.ValueInt64() {
		resp.Diagnostics.AddAttributeError(path.Root("primary_disk_size"), "Disk cannot shrink",
			fmt.Sprintf("primary_disk_size can only grow: it is %d GB and the configuration asks for %d GB. "+
				"To build a smaller VM, replace it (terraform apply -replace=...).", state.PrimaryDiskSize.ValueInt64(), plan.PrimaryDiskSize.ValueInt64()))
	}
}

// Create implements resource.Resource.
func (r *VMResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[vmModel](ctx, req.Plan, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Create, defaultCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	created, err := c.CreateVM(ctx, plan.createInput())
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot create the Gigas virtual machine", err)
		return
	}
	// The VM exists and is billed from here on: record it in state before
	// waiting, so that a failed or interrupted wait leaves it tainted in
	// state (and destroyable) instead of orphaned.
	wanted, wantedBoot := plan.PowerState, plan.BootType
	plan.fromAPI(created)
	plan.PowerState = wanted
	plan.keepIPs() // read once the VM is built
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Info(ctx, "Gigas VM created, waiting for its build", map[string]any{"vm_id": string(created.ID)})

	warnings, err := c.WaitVMBuilt(ctx, created, wanted.ValueString())
	addWarnings(&resp.Diagnostics, warnings)
	if err != nil {
		addWaitError(&resp.Diagnostics, "build", string(created.ID), err)
		return
	}
	// The create takes no boot_type; the documented PUT sets it once built.
	if known(wantedBoot) && wantedBoot.ValueString() != string(created.BootType) {
		warnings, err := c.UpdateVM(ctx, string(created.ID), gigas.UpdateVMInput{BootType: wantedBoot.ValueStringPointer()})
		addWarnings(&resp.Diagnostics, warnings)
		if err != nil {
			addWaitError(&resp.Diagnostics, "boot type change", string(created.ID), err)
			return
		}
	}
	r.readInto(ctx, c, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	readIPs(ctx, c, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *VMResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[vmModel](ctx, req.State, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	vm, err := c.GetVM(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "Gigas VM is gone; removing it from state", map[string]any{"vm_id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot read the Gigas virtual machine", err)
		return
	}
	state.fromAPI(vm)
	// The one request a refresh adds: the VM's addresses.
	readIPs(ctx, c, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource.
func (r *VMResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[vmModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Update, defaultUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()

	in, changed := updateInput(state, plan)
	if changed {
		warnings, err := c.UpdateVM(ctx, id, in)
		addWarnings(&resp.Diagnostics, warnings)
		if err != nil {
			addWaitError(&resp.Diagnostics, "update", id, err)
			return
		}
	}
	addAdoptionWarnings(&resp.Diagnostics, state, plan)
	if !plan.PowerState.Equal(state.PowerState) || state.Status.ValueString() != plan.PowerState.ValueString() {
		warnings, err := c.SetVMPower(ctx, id, plan.PowerState.ValueString())
		addWarnings(&resp.Diagnostics, warnings)
		if err != nil {
			addWaitError(&resp.Diagnostics, "power change", id, err)
			return
		}
	}
	// initial_password was settled when the VM was built; keep what the plan
	// promised rather than what a password added after an import implies.
	planned := plan.InitialPassword
	r.readInto(ctx, c, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !planned.IsUnknown() {
		plan.InitialPassword = planned
	}
	// The addresses planned from state stay; they are read only when the
	// state had none (an earlier read could not).
	if plan.IPAddresses.IsUnknown() || plan.IPv4Address.IsUnknown() || plan.IPv6Address.IsUnknown() {
		readIPs(ctx, c, &plan, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *VMResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[vmModel](ctx, req.State, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, state.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()

	warnings, err := c.DeleteVM(ctx, id)
	addWarnings(&resp.Diagnostics, warnings)
	if err != nil {
		addWaitError(&resp.Diagnostics, "deletion", id, err)
	}
}

// ImportState implements resource.ResourceWithImportState.
func (r *VMResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !numericRE.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("import id %q is not a Gigas VM id: expected the numeric VM id, such as 226661014786", req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addWarnings shows the client's warnings (a change confirmed by reading
// the VM rather than by its transaction).
func addWarnings(diags *diag.Diagnostics, warnings []string) {
	for _, w := range warnings {
		diags.AddWarning("Gigas virtual machine", w)
	}
}

// addAdoptionWarnings says when a configured disk size was recorded
// without a change: after an import whose disk sizes the API did not show,
// the configured size is taken as it is, with no resize request.
func addAdoptionWarnings(diags *diag.Diagnostics, state, plan vmModel) {
	for _, a := range []struct {
		name        string
		state, plan types.Int64
	}{{"primary_disk_size", state.PrimaryDiskSize, plan.PrimaryDiskSize}, {"swap_disk_size", state.SwapDiskSize, plan.SwapDiskSize}} {
		if a.state.IsNull() && !a.plan.IsNull() && !a.plan.IsUnknown() {
			diags.AddAttributeWarning(path.Root(a.name), "Disk size recorded as configured",
				fmt.Sprintf("The API did not show this VM's %s, so the configured %d GB is recorded as it is: no resize was requested. "+
					"If the disk has another size, change it in the control panel or replace the VM.", a.name, a.plan.ValueInt64()))
		}
	}
}

// readInto refreshes m from the API after a write.
func (r *VMResource) readInto(ctx context.Context, c *gigas.Client, m *vmModel, diags interface {
	AddError(string, string)
},
) {
	vm, err := c.GetVM(ctx, m.ID.ValueString())
	if err != nil {
		diags.AddError("Cannot read the Gigas virtual machine after the change", err.Error())
		return
	}
	m.fromAPI(vm)
}

// addWaitError explains a failed wait. The VM stays in state; Terraform
// marks it tainted after a failed create, so the next apply replaces it and
// destroy removes it.
func addWaitError(diags interface{ AddError(string, string) }, what, id string, err error) {
	var txErr *gigas.TransactionError
	detail := err.Error()
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		detail = "the timeout ran out before the operation finished (raise it in the timeouts block): " + detail
	case errors.As(err, &txErr):
		detail = fmt.Sprintf("the API reports the %s as %q", what, txErr.Status)
		if txErr.Detail != "" {
			detail += ": " + txErr.Detail
		}
	}
	diags.AddError(fmt.Sprintf("Gigas VM %s: %s did not complete", id, what),
		detail+". The VM is kept in Terraform state, so `terraform destroy` can remove it and the next apply can replace it.")
}
