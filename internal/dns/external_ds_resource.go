package dns

import (
	"context"
	"fmt"
	"net/http"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ExternalDSResourceType is the resource's type name.
const ExternalDSResourceType = "gigahost_dns_external_ds"

// NewExternalDSResource returns the gigahost_dns_external_ds resource.
func NewExternalDSResource() resource.Resource {
	return providerdata.NewResource[ExternalDSResource](ExternalDSResourceType, providerdata.IDParts("zone_id"))
}

// ExternalDSResource owns the whole set of DS records Gigahost submits to
// Norid for a zone on external name servers: the API's POST replaces the
// set, so one resource per zone holds it.
type ExternalDSResource struct{ providerdata.ResourceBase }

// DNSSEC algorithms and digest types the API takes (docs § POST
// /dns/zones/{zone_id}/ds-records/external).
var (
	dsAlgorithms  = []int64{5, 7, 8, 10, 13, 14, 15, 16}
	dsDigestTypes = []int64{1, 2, 4}
	hexRe         = regexp.MustCompile(`^[0-9A-Fa-f]+$`)
)

// Schema implements resource.Resource.
func (r *ExternalDSResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The DS records of a zone signed on **external name servers**, which Gigahost submits to Norid " +
			"(registered `.no` domains whose zone uses other name servers than Gigahost's; the API refuses other zones with " +
			"400 `This endpoint is only for externally hosted domains.`). Turn the DNSSEC flag on with `gigahost_dns_dnssec`.\n\n" +
			"The API replaces the whole set on every submission, so this resource owns the set: one per zone, holding every " +
			"DS record. A change of the set is submitted in place. Records changed outside Terraform are planned back; " +
			"a set emptied outside Terraform is planned to be submitted again.\n\n" +
			"Destroying the resource submits an empty set. The docs do not say whether the API takes one: when it refuses, " +
			"the resource leaves the state with a warning and **the DS records stay at Norid** (submit others, or turn DNSSEC off).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The zone id, as `zone_id`.",
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the zone. Changing it re-creates the resource.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")},
			},
			"ds_records": schema.SetNestedAttribute{
				Required:            true,
				MarkdownDescription: "The DS records, as your name servers' signing keys give them (at least one).",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key_tag": schema.Int64Attribute{
						Required: true, MarkdownDescription: "Key tag, 0 to 65535.",
						Validators: []validator.Int64{int64validator.Between(0, 65535)},
					},
					"algorithm": schema.Int64Attribute{
						Required: true, MarkdownDescription: "DNSSEC algorithm: 5, 7, 8, 10, 13, 14, 15 or 16.",
						Validators: []validator.Int64{int64validator.OneOf(dsAlgorithms...)},
					},
					"digest_type": schema.Int64Attribute{
						Required: true, MarkdownDescription: "Digest type: 1 (SHA-1), 2 (SHA-256) or 4 (SHA-384).",
						Validators: []validator.Int64{int64validator.OneOf(dsDigestTypes...)},
					},
					"digest": schema.StringAttribute{
						Required: true, MarkdownDescription: "The digest, hexadecimal (upper or lower case: compared without case).",
						Validators: []validator.String{stringvalidator.RegexMatches(hexRe, "must be a hexadecimal digest")},
					},
				}},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *ExternalDSResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[externalDSModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if ok {
		r.submit(ctx, c, plan, &resp.State, &resp.Diagnostics)
	}
}

// Update implements resource.Resource: the new set replaces the old.
func (r *ExternalDSResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, c, ok := providerdata.Load[externalDSModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if ok {
		r.submit(ctx, c, plan, &resp.State, &resp.Diagnostics)
	}
}

// stateSetter is a create's or an update's new state.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// submit replaces the zone's DS records with the plan's, read back.
func (r *ExternalDSResource) submit(ctx context.Context, c *gigahost.Client, plan externalDSModel, state stateSetter, diags *diag.Diagnostics) {
	zoneID := plan.ZoneID.ValueString()
	in := plan.toAPI(ctx, diags)
	if diags.HasError() {
		return
	}
	listed, err := c.SetExternalDSRecords(ctx, zoneID, in)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot submit the DS records of zone "+zoneID, err)
		return
	}
	plan.fromAPI(ctx, zoneID, listed, diags)
	diags.Append(state.Set(ctx, &plan)...)
}

// Read implements resource.Resource. No records stored (emptied outside
// Terraform) or the zone gone removes the resource from state.
func (r *ExternalDSResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[externalDSModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := state.ID.ValueString()
	listed, err := c.ExternalDSRecords(ctx, zoneID)
	if client.IsNotFound(err) || (err == nil && len(listed) == 0) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot list the DS records of zone "+zoneID, err)
		return
	}
	state.fromAPI(ctx, zoneID, listed, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Delete implements resource.Resource: an empty set submitted and read
// back. An API that refuses an empty set leaves the records at Norid: the
// resource leaves the state with a warning saying so.
func (r *ExternalDSResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[externalDSModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := state.ZoneID.ValueString()
	_, err := c.SetExternalDSRecords(ctx, zoneID, nil)
	switch {
	case err == nil || client.IsNotFound(err):
	case client.IsStatus(err, http.StatusBadRequest):
		resp.Diagnostics.AddWarning("The DS records stay submitted",
			fmt.Sprintf("The API refused an empty set of DS records for zone %s (%v). The records Terraform submitted stay at Norid: "+
				"submit others with a new gigahost_dns_external_ds, or turn DNSSEC off.", zoneID, err))
	default:
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot remove the DS records of zone "+zoneID, err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is the zone id.
func (r *ExternalDSResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !numericRe.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("import id %q must be a zone id, such as 123", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("zone_id"), req.ID)...)
}
