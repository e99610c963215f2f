package vm

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ISOResourceType is the ISO mount resource's type name.
const ISOResourceType = "gigas_virtual_machine_iso"

const (
	defaultISOCreateTimeout = 20 * time.Minute
	defaultISODeleteTimeout = 20 * time.Minute
)

// The protocols the docs accept for iso_url.
var isoURLRE = regexp.MustCompile(`^(?i)(https?|ftps?)://[^\s/]+(/\S*)?$`)

// NewISOResource returns the gigas_virtual_machine_iso resource.
func NewISOResource() resource.Resource {
	return providerdata.NewResource[ISOResource](ISOResourceType, providerdata.IDParts("virtual_machine_id", "iso_join_id"))
}

// ISOResource mounts an ISO in a Gigas virtual machine.
type ISOResource struct{ providerdata.ResourceBase }

// isoModel is the Terraform side of a gigas_virtual_machine_iso.
type isoModel struct {
	ID               types.String   `tfsdk:"id"`
	VirtualMachineID types.String   `tfsdk:"virtual_machine_id"`
	ISOID            types.String   `tfsdk:"iso_id"`
	ISOURL           types.String   `tfsdk:"iso_url"`
	ISOJoinID        types.String   `tfsdk:"iso_join_id"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
}

// input is the body of the mount.
func (m isoModel) input() gigas.MountISOInput {
	return gigas.MountISOInput{ISOID: m.ISOID.ValueString(), ISOURL: m.ISOURL.ValueString()}
}

// fromAPI records a join. The ISO it holds is read when the list says it,
// else the configured or prior value is kept.
func (m *isoModel) fromAPI(vmID string, j gigas.ISOJoin) {
	m.VirtualMachineID = types.StringValue(vmID)
	m.ISOJoinID = types.StringValue(string(j.ID))
	m.ID = types.StringValue(vmID + "/" + string(j.ID))
	if j.ISOID != "" {
		m.ISOID = types.StringValue(string(j.ISOID))
	}
	if j.ISOURL != "" {
		m.ISOURL = types.StringValue(string(j.ISOURL))
	}
}

// Schema implements resource.Resource.
func (r *ISOResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("iso_id"), path.MatchRoot("iso_url"))
	resp.Schema = schema.Schema{
		MarkdownDescription: "An ISO image mounted in a Gigas virtual machine (the API's \"ISO join\"). " +
			"Create mounts it and waits for its queue transaction; destroy unmounts it and waits until the VM no longer lists it. " +
			"The API has no update: every argument replaces the mount. A VM busy with another operation (`locked`) is waited for first. " +
			"Mounting does not boot from the ISO: set `boot_type = \"cdrom\"` on the `gigas_virtual_machine` for that, " +
			"and back to `default` to boot from the disk again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "`<virtual_machine_id>/<iso_join_id>`, the import id.",
			},
			"virtual_machine_id": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				MarkdownDescription: "The VM to mount the ISO in (the `id` of a `gigas_virtual_machine`). Changing it replaces the mount.",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a numeric VM id such as \"226661014786\"")},
			},
			"iso_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replace,
				MarkdownDescription: "Id of an ISO uploaded to the account. Exactly one of `iso_id` and `iso_url`. Changing it replaces the mount.",
				Validators: []validator.String{oneOf,
					stringvalidator.RegexMatches(numericRE, "must be a numeric ISO id such as \"100\"")},
			},
			"iso_url": schema.StringAttribute{
				Optional: true, PlanModifiers: replace,
				MarkdownDescription: "URL of a public ISO: `http`, `https`, `ftp` or `ftps`. Exactly one of `iso_id` and `iso_url`. Changing it replaces the mount.",
				Validators: []validator.String{oneOf,
					stringvalidator.RegexMatches(isoURLRE, "must be an http, https, ftp or ftps URL such as \"https://example.com/boot.iso\"")},
			},
			"iso_join_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The API's id of the mount (the join between the ISO and the VM), which the unmount takes.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true,
				CreateDescription: fmt.Sprintf("How long to wait for the mount to complete (default %s).", minutes(defaultISOCreateTimeout)),
				DeleteDescription: fmt.Sprintf("How long to wait for the unmount to complete (default %s).", minutes(defaultISODeleteTimeout)),
			}),
		},
	}
}

// Create implements resource.Resource.
func (r *ISOResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[isoModel](ctx, req.Plan, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Create, defaultISOCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	vmID := plan.VirtualMachineID.ValueString()

	mounted, err := c.MountISO(ctx, vmID, plan.input())
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot mount the ISO in the Gigas virtual machine", err)
		return
	}
	// The join exists from here on: record it before waiting, so that a
	// failed wait leaves it tainted in state, and destroy unmounts it.
	plan.fromAPI(vmID, mounted.Join)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Info(ctx, "ISO mount sent, waiting for it", map[string]any{"vm_id": vmID, "iso_join_id": string(mounted.Join.ID)})

	warnings, err := c.WaitISOMounted(ctx, vmID, mounted)
	addWarnings(&resp.Diagnostics, warnings)
	if err != nil {
		addWaitError(&resp.Diagnostics, "ISO mount", vmID, err)
	}
}

// Read implements resource.Resource.
func (r *ISOResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[isoModel](ctx, req.State, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	vmID, joinID := state.VirtualMachineID.ValueString(), state.ISOJoinID.ValueString()
	j, err := c.ISOJoin(ctx, vmID, joinID)
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "Gigas ISO mount is gone; removing it from state", map[string]any{"vm_id": vmID, "iso_join_id": joinID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot read the ISOs mounted in the Gigas virtual machine", err)
		return
	}
	state.fromAPI(vmID, *j)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Every argument replaces the mount;
// only timeouts can change in place.
func (r *ISOResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan isoModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *ISOResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[isoModel](ctx, req.State, &resp.Diagnostics, r.Gigas)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, state.Timeouts.Delete, defaultISODeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	vmID := state.VirtualMachineID.ValueString()
	warnings, err := c.UnmountISO(ctx, vmID, state.ISOJoinID.ValueString())
	addWarnings(&resp.Diagnostics, warnings)
	if err != nil {
		addWaitError(&resp.Diagnostics, "ISO unmount", vmID, err)
	}
}

// ImportState implements resource.ResourceWithImportState: <vm_id>/<iso_join_id>.
func (r *ISOResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "virtual_machine_id", "iso_join_id")
	if err == nil && (!numericRE.MatchString(parts[0]) || !numericRE.MatchString(parts[1])) {
		err = fmt.Errorf("import id %q: both parts must be numeric ids", req.ID)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error()+", for example 226661014786/2266610300")
		return
	}
	// Read fills in the ISO the join holds.
	for name, v := range map[string]string{"id": req.ID, "virtual_machine_id": parts[0], "iso_join_id": parts[1]} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
}
