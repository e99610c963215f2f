package bgp

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ResourceType is the resource's type name.
const ResourceType = "gigahost_bgp_session"

// Defaults of the timeouts block.
const (
	defaultCreateTimeout = 5 * time.Minute
	defaultDeleteTimeout = 15 * time.Minute
)

// NewSessionResource returns the gigahost_bgp_session resource.
func NewSessionResource() resource.Resource {
	return providerdata.NewResource[SessionResource](ResourceType, providerdata.IDParts("session_id"))
}

// SessionResource is the BGP sessions of one address.
type SessionResource struct{ providerdata.ResourceBase }

// Create implements resource.Resource. CreateBGPSession finds the new
// sessions by listing (the API returns no id) and resolves a lost answer
// the same way, so the POST is never sent twice blindly. Nothing is waited
// for afterwards: the whole state, id included, is saved at once.
func (r *SessionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[sessionModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Create, defaultCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	group, err := c.CreateBGPSession(ctx, plan.toAPI())
	if err != nil {
		summary := fmt.Sprintf("Cannot create the BGP session of ASN id %d for %s ip_id %d", plan.ASNID.ValueInt64(), plan.IPType.ValueString(), plan.IPID.ValueInt64())
		var exists *gigahost.BGPSessionExistsError
		if errors.As(err, &exists) && len(exists.Existing) > 0 {
			summary += fmt.Sprintf(" (terraform import <address> %s)", exists.Existing[0].ID)
		}
		addAPIError(&resp.Diagnostics, summary, err)
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(group)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. The resource is gone from state when
// GET /bgp lists none of its sessions.
func (r *SessionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[sessionModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ids, diags := state.sessionIDs(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	list, err := c.BGPSessions(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Cannot list the Gigahost BGP sessions", err)
		return
	}
	group := findGroup(list, ids, state.Sessions.IsNull())
	if len(group) == 0 {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(state.fromAPI(group)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Every input replaces the sessions;
// what is left is a change of the timeouts, which is only recorded.
func (r *SessionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan sessionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

// Delete implements resource.Resource: mark every session for deletion and
// wait until GET /bgp lists none of them. On an error the resource stays in
// state.
func (r *SessionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[sessionModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ids, diags := state.sessionIDs(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, state.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if err := c.DeleteBGPSessions(ctx, ids); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete the BGP session %s", state.ID.ValueString()), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is a
// session id; Read takes in every session of its ASN, address and family.
func (r *SessionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "session_id")
	if err == nil {
		if _, perr := strconv.ParseInt(parts[0], 10, 64); perr != nil {
			err = fmt.Errorf("import id %q is not a BGP session id: give the numeric id of a session (the gigahost_bgp data source lists them)", req.ID)
		}
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[0])...)
}
