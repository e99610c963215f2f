package dns

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ZoneResourceType is the resource's type name.
const ZoneResourceType = "gigahost_dns_zone"

// NewZoneResource returns the gigahost_dns_zone resource.
func NewZoneResource() resource.Resource {
	return providerdata.NewResource[ZoneResource](ZoneResourceType, providerdata.IDParts("zone_id"))
}

// ZoneResource manages a DNS zone.
type ZoneResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *ZoneResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DNS zone on Gigahost. Deleting it deletes its records; zones of registered domains (protected) cannot be deleted. A registered domain's nameservers are not managed: the API cannot read them back, so drift would be invisible.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The zone id (`zone_id`), a numeric string.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The domain name, such as `example.no`. Another spelling of the same name (upper case, a trailing dot) is no change; " +
					"another name re-creates the zone.",
				// Another spelling of the same name (case, trailing dot, as
				// after an import) is no change: replacing the zone would
				// delete every record in it.
				PlanModifiers: []planmodifier.String{equivalentZoneName, stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.RegexMatches(zoneNameRe, "must be a domain name such as example.no")},
			},
			"type": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(DefaultZoneType),
				MarkdownDescription: "Zone type: " + quoteList(zoneTypes) + ". Default `" + DefaultZoneType + "`. Changing it re-creates the zone.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.OneOf(zoneTypes...)},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *ZoneResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[zoneModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	// The client finds the new zone's id by listing the zones: the API
	// answers a create without it.
	z, err := c.CreateZone(ctx, plan.toAPI())
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot create DNS zone", err)
		return
	}
	plan.fromAPI(z)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. The zone is found in the zone list
// (shared by every zone and record of the operation) by id, or by name right
// after an import by name.
func (r *ZoneResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[zoneModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	z, ok := listedZone(ctx, c, state.ID.ValueString(), resp)
	if !ok {
		return
	}
	state.fromAPI(z)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Every argument forces a new zone, so
// there is nothing to update in place.
func (r *ZoneResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan zoneModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *ZoneResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[zoneModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	err := c.DeleteZone(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete DNS zone %s", state.Name.ValueString()), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is a zone
// id or a zone name; Read resolves a name to the id.
func (r *ZoneResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import id", "import id must be a zone id (such as 123) or a zone name (such as example.no)")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), types.StringNull())...)
}

// equivalentZoneName keeps the name in state when the configuration writes
// the same zone name another way (upper case, a trailing dot).
var equivalentZoneName = tfutil.StringPlanModifier("another spelling of the same zone name causes no change",
	func(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
			return
		}
		if sameZoneName(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
			resp.PlanValue = req.StateValue
		}
	})
