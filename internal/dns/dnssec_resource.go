package dns

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// DNSSECResourceType is the resource's type name.
const DNSSECResourceType = "gigahost_dns_dnssec"

// NewDNSSECResource returns the gigahost_dns_dnssec resource.
func NewDNSSECResource() resource.Resource {
	return providerdata.NewResource[DNSSECResource](DNSSECResourceType, providerdata.IDParts("zone_id"))
}

// DNSSECResource is DNSSEC turned on for one zone: its existence is the
// flag. The API has one switch per zone (PUT dnssec enable 1 or 0), read
// back through GET ds-records, which answers "not enabled" while it is off.
type DNSSECResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *DNSSECResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "DNSSEC for a Gigahost DNS zone of a **registered `.no` domain** (one per zone; the API refuses " +
			"other zones with 403 `DNSSEC can only be enabled for registered domains.`).\n\n" +
			"For a zone on Gigahost's name servers, creating this resource makes Gigahost sign the zone and submit its DS " +
			"records to Norid; `ds_records` shows them, for a registrar elsewhere or for checking. For a zone on external " +
			"name servers (`external_dns`), the API only sets the DNSSEC flag: sign the zone on your name servers and submit " +
			"their DS records with `gigahost_dns_external_ds` (`ds_records` is then empty, and the apply warns).\n\n" +
			"Destroying the resource turns DNSSEC off (verified by reading it back). DNSSEC turned off outside Terraform " +
			"is planned to be turned on again. There is nothing to update: another `zone_id` is another resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The zone id, as `zone_id`.",
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the zone (`gigahost_dns_zone.<name>.id` or `data.gigahost_dns_zone.<name>.id`). Changing it re-creates the resource.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")},
			},
			"zone_name": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The zone's name, from the zone list.",
			},
			"external_dns": schema.BoolAttribute{
				Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "Whether the zone uses external name servers (the zone list's `external_dns`): then Gigahost " +
					"only sets the DNSSEC flag, and the DS records are submitted with `gigahost_dns_external_ds`.",
			},
			"ds_records": schema.ListNestedAttribute{
				Computed: true, PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The DS records Gigahost submitted to the registry for the zone (empty for a zone on external name servers).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key_tag":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Key tag (0-65535)."},
					"algorithm":   schema.Int64Attribute{Computed: true, MarkdownDescription: "DNSSEC algorithm number, such as 13 (ECDSA P-256 SHA-256)."},
					"digest_type": schema.Int64Attribute{Computed: true, MarkdownDescription: "Digest type: 1 SHA-1, 2 SHA-256, 4 SHA-384."},
					"digest":      schema.StringAttribute{Computed: true, MarkdownDescription: "The digest, hexadecimal."},
				}},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *DNSSECResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[dnssecModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := plan.ZoneID.ValueString()
	z, ok := zoneOrDiag(ctx, c, zoneID, &resp.Diagnostics)
	if !ok {
		return
	}
	st, msg, err := c.EnableDNSSEC(ctx, zoneID, bool(z.ExternalDNS))
	if err != nil {
		if errors.Is(err, gigahost.ErrDNSSECUnverified) || errors.Is(err, gigahost.ErrDNSSECNotEnabled) {
			// The API turned DNSSEC on; only the read-back failed. Keep the
			// resource in state (tainted) so a destroy turns it off.
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), zoneID)...)
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("zone_id"), zoneID)...)
		}
		addDNSSECError(&resp.Diagnostics, "Cannot enable DNSSEC on zone "+zoneID, err)
		return
	}
	if st.External || bool(z.ExternalDNS) {
		resp.Diagnostics.AddWarning("DNSSEC flag set: submit the DS records yourself",
			fmt.Sprintf("The API answered: %q. Zone %s (%s) uses external name servers: sign it there, and submit its DS records "+
				"with gigahost_dns_external_ds.", msg, zoneID, string(z.Name)))
	}
	plan.fromAPI(ctx, z, st, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. The zone is found in the zone list by
// id, or by name after an import by name; DNSSEC off (the API's 400 "not
// enabled") or the zone gone removes the resource from state.
func (r *DNSSECResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[dnssecModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	z, ok := listedZone(ctx, c, state.ID.ValueString(), resp)
	if !ok {
		return
	}
	st, err := c.ReadDNSSEC(ctx, string(z.ID), bool(z.ExternalDNS))
	if client.IsNotFound(err) || (err == nil && !st.Enabled) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addDNSSECError(&resp.Diagnostics, "Cannot read DNSSEC of zone "+string(z.ID), err)
		return
	}
	state.fromAPI(ctx, z, st, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. zone_id forces a new resource and
// everything else is computed: nothing is updated in place.
func (r *DNSSECResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan dnssecModel
	resp.Diagnostics.Append(req.State.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource: DNSSEC off, verified by reading it back.
func (r *DNSSECResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[dnssecModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	if err := c.DisableDNSSEC(ctx, state.ZoneID.ValueString()); err != nil && !client.IsNotFound(err) {
		addDNSSECError(&resp.Diagnostics, "Cannot disable DNSSEC on zone "+state.ZoneID.ValueString(), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is a zone
// id or a zone name; Read resolves a name to the id.
func (r *DNSSECResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import id", "import id must be a zone id (such as 123) or a zone name (such as example.no)")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}

// listedZone is the start of the Read of a zone's resource: the zone with
// this id in the client's zone list. ok is false after an error diagnostic
// (the list failed) or when the list does not show the zone, which is then
// removed from state.
func listedZone(ctx context.Context, c *gigahost.Client, zoneID string, resp *resource.ReadResponse) (gigahost.Zone, bool) {
	zs, err := c.Zones(ctx)
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot list DNS zones", err)
		return gigahost.Zone{}, false
	}
	z, ok := gigahost.FindZone(zs, zoneID)
	if !ok {
		resp.State.RemoveResource(ctx)
	}
	return z, ok
}

// zoneOrDiag finds a zone by id in the client's zone list, or adds a
// diagnostic (the list failed, or does not show the zone).
func zoneOrDiag(ctx context.Context, c *gigahost.Client, zoneID string, diags *diag.Diagnostics) (gigahost.Zone, bool) {
	zs, err := c.Zones(ctx)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list DNS zones", err)
		return gigahost.Zone{}, false
	}
	z, ok := gigahost.FindZone(zs, zoneID)
	if !ok {
		diags.AddAttributeError(path.Root("zone_id"), "DNS zone not found", "No zone with id "+zoneID+" is visible to these credentials.")
	}
	return z, ok
}

// addDNSSECError is AddAPIError that says plainly what a 403 means here.
func addDNSSECError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusForbidden {
		summary += ": DNSSEC is for registered .no domains only"
	}
	tfutil.AddAPIError(diags, summary, err)
}
