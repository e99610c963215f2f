package server

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// SnapshotResourceType is the snapshot resource's type name.
const SnapshotResourceType = "gigahost_server_snapshot"

// NewSnapshotResource returns the gigahost_server_snapshot resource.
func NewSnapshotResource() resource.Resource {
	return providerdata.NewResource[SnapshotResource](SnapshotResourceType, providerdata.IDParts("server_id", "snapshot_id"))
}

// SnapshotResource is a snapshot of a virtual server.
type SnapshotResource struct{ providerdata.ResourceBase }

// snapshotModel is the gigahost_server_snapshot resource's state.
type snapshotModel struct {
	ID        types.String   `tfsdk:"id"`
	ServerID  types.String   `tfsdk:"server_id"`
	Name      types.String   `tfsdk:"name"`
	SnapID    types.String   `tfsdk:"snap_id"`
	State     types.String   `tfsdk:"state"`
	CreatedAt types.Int64    `tfsdk:"created_at"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

func (m snapshotModel) ids() (serverID, snapID int64) {
	serverID, _ = strconv.ParseInt(m.ServerID.ValueString(), 10, 64)
	snapID, _ = strconv.ParseInt(m.SnapID.ValueString(), 10, 64)
	return serverID, snapID
}

// fromAPI takes the snapshot as listed. The name stays as configured while
// either name field carries it (the docs do not say which one shows it);
// after an import it is the descriptive name (snap_display_name, else snap_name).
func (m *snapshotModel) fromAPI(s gigahost.Snapshot) {
	m.SnapID = types.StringValue(strconv.FormatInt(int64(s.ID), 10))
	m.ID = types.StringValue(m.ServerID.ValueString() + "/" + m.SnapID.ValueString())
	if m.Name.IsNull() || m.Name.IsUnknown() || string(s.DisplayName) != m.Name.ValueString() && string(s.Name) != m.Name.ValueString() {
		m.Name = types.StringValue(s.Label())
	}
	m.State = types.StringValue(string(s.State))
	m.CreatedAt = types.Int64Value(int64(s.Time))
}

// Defaults of the snapshot's timeouts block.
const (
	defaultSnapshotCreateTimeout = 60 * time.Minute
	defaultSnapshotDeleteTimeout = 20 * time.Minute
)

// snapshotNameRE refuses white space at either end (the API may trim it,
// and the name is how the new snapshot is found).
var snapshotNameRE = regexp.MustCompile(`^\S(?:.*\S)?$`)

// Schema implements resource.Resource.
func (r *SnapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A snapshot of a Gigahost virtual server (`POST /servers/{id}/snapshot`). Create waits until the snapshot is " +
			"completed. The API offers snapshots of virtual servers only: a server whose record is not a VPS (`srv_type`) is refused " +
			"before anything is sent. The API cannot change a snapshot, so every change replaces it, and it documents **no restore**: " +
			"restoring a snapshot onto a server is done in the control panel. Destroy deletes the snapshot and verifies that the " +
			"server's list no longer shows it. Import with `<server_id>/<snap_id>`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<server_id>/<snap_id>`.",
				PlanModifiers:       keep,
			},
			"server_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The virtual server (`gigahost_server.id`, a numeric string). Changing it replaces the snapshot.",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a server id: digits only, such as 18856")},
				PlanModifiers:       replace,
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Descriptive name of the snapshot, 1 to 255 characters, not starting or ending with white space. " +
					"The API returns no id for a new snapshot: it is found by this name among the snapshots that were not there before, " +
					"so two snapshots of one server being created at once need different names. Changing it replaces the snapshot.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(snapshotNameRE, "must not start or end with white space"),
				},
				PlanModifiers: replace,
			},
			"snap_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The snapshot id (`snap_id`).",
				PlanModifiers:       keep,
			},
			"state": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`snap_state`: `completed` once created (`pending` only in a state left by a failed wait).",
				PlanModifiers:       keep,
			},
			"created_at": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "When the snapshot was taken (`snap_time`), in unix seconds.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true,
				CreateDescription: "How long to wait for the snapshot to complete (default 60m).",
				DeleteDescription: "How long to wait for the deletion to show (default 20m).",
			}),
		},
	}
}

// Create implements resource.Resource. The snapshot's id goes to state as
// soon as the list shows it, before the wait for completion: a failed wait
// leaves it in state (tainted), so destroy deletes it.
func (r *SnapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[snapshotModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Create, defaultSnapshotCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	serverID, _ := plan.ids()
	snap, err := c.CreateSnapshot(ctx, serverID, plan.Name.ValueString())
	if err != nil {
		var notVirtual *gigahost.NotVirtualError
		if errors.As(err, &notVirtual) {
			resp.Diagnostics.AddAttributeError(path.Root("server_id"), "Snapshots are for virtual servers only", err.Error())
			return
		}
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot create the snapshot %q of server %d", plan.Name.ValueString(), serverID), err)
		return
	}
	plan.fromAPI(snap)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	done, err := c.WaitSnapshot(ctx, serverID, int64(snap.ID))
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Snapshot %d of server %d did not complete", int64(snap.ID), serverID), err)
		return
	}
	plan.fromAPI(done)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. A snapshot confirmed gone (or whose
// server is) leaves state.
func (r *SnapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[snapshotModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	serverID, snapID := state.ids()
	snap, err := c.Snapshot(ctx, serverID, snapID)
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read snapshot %d of server %d", snapID, serverID), err)
		return
	}
	if snap == nil {
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(*snap)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: every argument replaces the
// snapshot; only the timeouts block changes in place.
func (r *SnapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan snapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

// Delete implements resource.Resource, verified by listing.
func (r *SnapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[snapshotModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, state.Timeouts.Delete, defaultSnapshotDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	serverID, snapID := state.ids()
	if err := c.DeleteSnapshot(ctx, serverID, snapID); err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete snapshot %d of server %d", snapID, serverID), err)
	}
}

// ImportState implements resource.ResourceWithImportState: <server_id>/<snap_id>.
func (r *SnapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "server_id", "snap_id")
	if err == nil && (!numericRE.MatchString(parts[0]) || !numericRE.MatchString(parts[1])) {
		err = fmt.Errorf("import id %q is not of the form <server_id>/<snap_id>: both are numbers, such as 18856/123 (GET /servers/{id}/snapshots lists the snap_id)", req.ID)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("server_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("snap_id"), parts[1])...)
}
