package dns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// PTRZoneResourceType is the resource's type name.
const PTRZoneResourceType = "gigahost_dns_ptr_zone"

// NewPTRZoneResource returns the gigahost_dns_ptr_zone resource.
func NewPTRZoneResource() resource.Resource {
	return providerdata.NewResource[PTRZoneResource](PTRZoneResourceType, providerdata.IDParts("zone_id"))
}

// PTRZoneResource manages a reverse (PTR) zone: created through POST
// /dns/zones/ptr, then listed, read and deleted as any zone.
type PTRZoneResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *PTRZoneResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A reverse DNS (PTR) zone on Gigahost, for an IPv4 /24 or an IPv6 prefix: `185.181.63.0/24` gives the " +
			"zone `63.181.185.in-addr.arpa`, `2a03:94e0::/32` the zone `0.e.4.9.3.0.a.2.ip6.arpa`. Add its PTR records with " +
			"`gigahost_dns_record` (`type = \"PTR\"`, `name` the address's last labels in the zone, such as `10` for 185.181.63.10, " +
			"`value` the host name).\n\n" +
			"There is nothing to update: another prefix is another zone (re-created). Deleting the zone deletes its records.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The zone id (`zone_id`), a numeric string: the `zone_id` of its records.",
			},
			"prefix": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The network, in CIDR form with the host bits zero: an IPv4 `/24` (`185.181.63.0/24`) or an IPv6 " +
					"prefix whose length is a multiple of 4 (`2a03:94e0::/32`). Changing it re-creates the zone.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{reverseNetwork{}},
			},
			"zone_name": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The zone's name, under `in-addr.arpa` or `ip6.arpa`.",
			},
			"ip_version": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "`ipv4` or `ipv6`.",
			},
		},
	}
}

// Create implements resource.Resource.
func (r *PTRZoneResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[ptrZoneModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	in, _ := reverseZone(plan.Prefix.ValueString()) // validated at plan time
	// A lost answer is resolved by listing the zones (client.CreateOnce).
	z, err := c.CreatePTRZone(ctx, in)
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot create reverse zone "+in.ZoneName, err)
		return
	}
	if err := plan.fromAPI(z); err != nil {
		resp.Diagnostics.AddError("Unexpected reverse zone", err.Error())
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. The zone is found in the zone list
// (shared by every zone of the operation) by id, or by name after an import
// by name.
func (r *PTRZoneResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[ptrZoneModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	z, ok := listedZone(ctx, c, state.ID.ValueString(), resp)
	if !ok {
		return
	}
	if err := state.fromAPI(z); err != nil {
		resp.Diagnostics.AddError("Not a reverse zone", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. prefix forces a new zone: nothing is
// updated in place.
func (r *PTRZoneResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state ptrZoneModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Delete implements resource.Resource: DELETE /dns/zones/{id}, verified by
// listing the zones.
func (r *PTRZoneResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[ptrZoneModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	if err := c.DeleteZone(ctx, state.ID.ValueString()); err != nil && !client.IsNotFound(err) {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot delete reverse zone "+state.ZoneName.ValueString(), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is a zone
// id or the reverse zone's name; Read resolves a name to the id and derives
// the prefix from the name.
func (r *PTRZoneResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import id", "import id must be a zone id (such as 456) or a reverse zone's name (such as 63.181.185.in-addr.arpa)")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}
