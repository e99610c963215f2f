package webhosting

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// DKIMResourceType is the resource's type name.
const DKIMResourceType = "gigahost_webhosting_dkim"

// NewDKIMResource returns the gigahost_webhosting_dkim resource.
func NewDKIMResource() resource.Resource {
	return providerdata.NewResource[DKIMResource](DKIMResourceType, providerdata.IDParts("hosting_id"))
}

// DKIMResource is DKIM e-mail signing of a Gigahost web-hosting account.
type DKIMResource struct{ providerdata.ResourceBase }

// dkimModel is the gigahost_webhosting_dkim resource's data.
type dkimModel struct {
	ID             types.String `tfsdk:"id"`
	HostingID      types.Int64  `tfsdk:"hosting_id"`
	PublicKey      types.String `tfsdk:"public_key"`
	DNSRecordName  types.String `tfsdk:"dns_record_name"`
	DNSRecordValue types.String `tfsdk:"dns_record_value"`
}

// fromAPI sets what the API reports; what it does not show is null.
func (m *dkimModel) fromAPI(hostingID int64, d gigahost.HostingDKIM) {
	m.ID = types.StringValue(hostingIDString(hostingID))
	m.HostingID = types.Int64Value(hostingID)
	optional := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	m.PublicKey, m.DNSRecordName, m.DNSRecordValue = optional(d.PublicKey), optional(d.RecordName), optional(d.RecordValue)
}

// Schema implements resource.Resource.
func (r *DKIMResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "DKIM signing of the e-mail of a Gigahost web-hosting account (one per account): the resource existing means signing is on. " +
			"Create turns it on, destroy turns it off; each is verified by reading the setting back. " +
			"**DNS:** when the account's domain uses Gigahost DNS, the API itself updates the matching DNS record in that zone, on enabling and on " +
			"disabling (the docs say so); do not manage the same DKIM record with `gigahost_dns_record`, and expect a change in the zone outside " +
			"Terraform. When the domain uses other name servers, publish the record there (`dns_record_name` and `dns_record_value`, when the API shows them). " +
			"Signing turned off outside Terraform shows as a resource to create. Import with the hosting account id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The hosting account id, as a string.",
				PlanModifiers:       keep,
			},
			"hosting_id": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Id of the web-hosting account (see the `gigahost_webhosting` data source). Changing it turns signing off there and on in the new account.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"public_key": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The DKIM public key, when the API shows it (the docs show no field for it; null otherwise).",
				PlanModifiers:       keep,
			},
			"dns_record_name": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The name of the DKIM TXT record, when the API shows it (null otherwise).",
				PlanModifiers:       keep,
			},
			"dns_record_value": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The value of the DKIM TXT record, when the API shows it (null otherwise).",
				PlanModifiers:       keep,
			},
		},
	}
}

// Create implements resource.Resource: signing on, verified.
func (r *DKIMResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[dkimModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := plan.HostingID.ValueInt64()
	d, err := c.SetDKIM(ctx, hostingID, true)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot turn DKIM signing on for hosting account %d", hostingID), err)
		return
	}
	plan.fromAPI(hostingID, d)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *DKIMResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[dkimModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := state.HostingID.ValueInt64()
	d, err := c.HostingDKIM(ctx, hostingID)
	if client.IsNotFound(err) || (err == nil && !d.Enabled) {
		// Signing is off (or the account is gone): the plan turns it on again.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the DKIM setting of hosting account %d", hostingID), err)
		return
	}
	state.fromAPI(hostingID, d)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Nothing can change in place (the
// only argument replaces the resource).
func (r *DKIMResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	planToState[dkimModel](ctx, req, resp)
}

// Delete implements resource.Resource: signing off, verified.
func (r *DKIMResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[dkimModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := state.HostingID.ValueInt64()
	if _, err := c.SetDKIM(ctx, hostingID, false); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot turn DKIM signing off for hosting account %d", hostingID), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is the
// hosting account id.
func (r *DKIMResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importHostingID(ctx, req, resp)
}
