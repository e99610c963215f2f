package dns

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// RecordResourceType is the resource's type name.
const RecordResourceType = "gigahost_dns_record"

var (
	_ resource.ResourceWithValidateConfig = (*RecordResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*RecordResource)(nil)
)

// NewRecordResource returns the gigahost_dns_record resource.
func NewRecordResource() resource.Resource {
	return providerdata.NewResource[RecordResource](RecordResourceType, recordIdentity)
}

// RecordResource manages one DNS record. Records with the same name and type
// (round robin) are separate resources.
type RecordResource struct{ providerdata.ResourceBase }

// Record TTL bounds.
const (
	DefaultTTL = 3600
	MinTTL     = 60
	MaxTTL     = 604800
)

// privateZoneName is the private-state key holding the zone's name, which
// the name plan modifier needs to see that "www" and "www.example.no." are
// the same record.
const privateZoneName = "zone_name"

// Schema implements resource.Resource.
func (r *RecordResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One DNS record in a Gigahost zone. Several records with the same name and type (round robin) are " +
			"separate resources, created, changed and destroyed independently. The API's record ids are hashes of the " +
			"record's content, so `record_id` (and `id`) change whenever the record does. Destroy confirms by listing the zone " +
			"that the record is gone (the API answers a delete that matched nothing with success); a record still listed " +
			"after every value form was tried is an error, and the record stays in the state.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<zone_id>/<record_id>`. Changes with every change of the record.",
			},
			"record_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The API's record id: a hash of the record's content that changes whenever the record does.",
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the zone (`gigahost_dns_zone.<name>.id`). Changing it re-creates the record.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Record name: `@` for the zone apex, a name relative to the zone (`www`), or the full name " +
					"with or without the trailing dot (`www.example.no.`). The form you write is kept.",
				PlanModifiers: []planmodifier.String{equivalentName},
				Validators:    []validator.String{stringvalidator.RegexMatches(recordNameRe, "must be @, a relative name or a fully qualified name")},
			},
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Record type, one of " + quoteList(recordTypes) + ".",
				Validators:          []validator.String{stringvalidator.OneOf(recordTypes...)},
			},
			"value": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Record value: an IPv4 address for `A`, an IPv6 address for `AAAA`, a host name for `CNAME`, `MX`, " +
					"`NS` and `PTR` (trailing dot optional), `<weight> <port> <target>` for `SRV`, the text for `TXT` (quoted or not). " +
					"The MX and SRV priority goes in `priority`. Values that mean the same as the API's stored form cause no diff.",
				PlanModifiers: []planmodifier.String{equivalentValue},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"ttl": schema.Int64Attribute{
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(DefaultTTL),
				MarkdownDescription: fmt.Sprintf("Time to live in seconds, %d to %d. Default %d.", MinTTL, MaxTTL, DefaultTTL),
				Validators:          []validator.Int64{int64validator.Between(MinTTL, MaxTTL)},
			},
			"priority": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Priority, required for `MX` and `SRV` records and not allowed for other types (0 to 65535).",
				Validators:          []validator.Int64{int64validator.Between(0, 65535)},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *RecordResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[recordModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := plan.ZoneID.ValueString()
	zone, in, ok := recordInput(ctx, c, zoneID, &plan, &resp.Diagnostics)
	if !ok {
		return
	}
	rec, err := c.AddRecord(ctx, zoneID, zone, in)
	if addWriteError(&resp.Diagnostics, "Cannot create DNS record", in, err) {
		return
	}
	plan.fromAPI(zoneID, rec, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &plan, zone)
}

// recordInput is plan's create or update body, and the zone's name; false
// after adding a diagnostic.
func recordInput(ctx context.Context, c *gigahost.Client, zoneID string, plan *recordModel, diags *diag.Diagnostics) (string, gigahost.RecordInput, bool) {
	zone, ok := zoneNameOrDiag(ctx, c, zoneID, diags)
	if !ok {
		return "", gigahost.RecordInput{}, false
	}
	in := plan.toAPI(zone)
	if in.Type == "CNAME" && in.Name == "@" {
		diags.AddAttributeError(path.Root("name"), "CNAME at the zone apex",
			fmt.Sprintf("%q is the apex of zone %s: a CNAME record cannot be at the apex.", plan.Name.ValueString(), zone))
		return "", gigahost.RecordInput{}, false
	}
	return zone, in, true
}

// addWriteError adds the diagnostic of a failed create or update (failure
// is its summary) and reports whether there was one. A record written but
// not listed gets what to do about it.
func addWriteError(diags *diag.Diagnostics, failure string, in gigahost.RecordInput, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, gigahost.ErrRecordNotListed):
		diags.AddError("DNS record written, but not found",
			fmt.Sprintf("The API accepted the %s record %s %q, but the zone's record list does not show it. Before applying again, check the zone: "+
				"if the record exists, import it with the four-part id <zone_id>/<name>/<type>/<value> (an apply would write it a second time).", in.Type, in.Name, in.Value))
	default:
		tfutil.AddAPIError(diags, failure, err)
	}
	return true
}

// Read implements resource.Resource. It finds the record by record_id, else
// by name, type and value; a record gone is removed from state with a
// warning about records of the same name and type left unmanaged.
func (r *RecordResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[recordModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := state.ZoneID.ValueString()
	records, err := c.Records(ctx, zoneID)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning("DNS zone gone", fmt.Sprintf("Zone %s no longer exists; its %s record %s is removed from the state.",
			zoneID, state.Type.ValueString(), state.Name.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot list DNS records", err)
		return
	}
	zone, ok := zoneNameOrDiag(ctx, c, zoneID, &resp.Diagnostics)
	if !ok {
		return
	}
	rec, ok := findState(records, state, zone)
	if !ok {
		msg := fmt.Sprintf("The %s record %s with value %q (record_id %s) is no longer in zone %s; it is removed from the state and the next plan re-creates it.",
			state.Type.ValueString(), state.Name.ValueString(), state.Value.ValueString(), state.RecordID.ValueString(), zoneID)
		if sib := siblings(records, state, zone); len(sib) > 0 {
			msg += " These records with the same name and type are not managed by this resource and are left untouched: " + strings.Join(sib, "; ") + "."
		}
		resp.Diagnostics.AddWarning("DNS record gone", msg)
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(zoneID, rec, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &state, zone)
}

// Update implements resource.Resource. The record keeps its place in the
// zone but gets a new id, which the client finds again by listing the zone.
func (r *RecordResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[recordModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := state.ZoneID.ValueString()
	zone, in, ok := recordInput(ctx, c, zoneID, &plan, &resp.Diagnostics)
	if !ok {
		return
	}
	// The id in state may be stale (any change of the record changes it):
	// the client finds the record as it is now, in the zone's list.
	rec, err := c.ReplaceRecord(ctx, zoneID, zone, func(records []gigahost.Record) (gigahost.Record, bool) {
		return findState(records, state, zone)
	}, in)
	if addWriteError(&resp.Diagnostics, "Cannot update DNS record", in, err) {
		return
	}
	plan.fromAPI(zoneID, rec, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &plan, zone)
}

// Delete implements resource.Resource. It deletes this record only: the API
// deletes every record of the name and type unless the value is given in the
// form it matches, so the value always goes with the request; the client
// confirms by listing the zone that the record is gone, and the resource
// stays in state when it is not.
func (r *RecordResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, zoneID, zone, ok := loadInZone[recordModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	err := c.RemoveRecord(ctx, zoneID, func(records []gigahost.Record) (gigahost.Record, bool) {
		return findState(records, state, zone)
	})
	if client.IsNotFound(err) {
		return // the zone is gone, and its records with it
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot delete DNS record", err)
	}
}

// ModifyPlan implements resource.ResourceWithModifyPlan. The framework marks
// id and record_id unknown as soon as the configuration differs from the
// state; when the attribute plan modifiers found that the difference is only
// another spelling of the same record, nothing changes and the ids stay.
func (r *RecordResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state recordModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.ZoneID.Equal(state.ZoneID) && plan.Name.Equal(state.Name) && plan.Type.Equal(state.Type) &&
		plan.Value.Equal(state.Value) && plan.TTL.Equal(state.TTL) && plan.Priority.Equal(state.Priority) {
		plan.ID, plan.RecordID = state.ID, state.RecordID
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// ImportState implements resource.ResourceWithImportState. It takes
// <zone_id>/<record_id> or <zone_id>/<name>/<type>/<value>, where the value
// is everything after the third slash, as the zone's record list shows it.
func (r *RecordResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var m recordModel
	if strings.Count(req.ID, "/") >= 3 {
		parts, err := tfutil.ParseImportID(req.ID, true, "zone_id", "name", "type", "value")
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error()+", or <zone_id>/<record_id>")
			return
		}
		m = recordModel{ZoneID: types.StringValue(parts[0]), Name: types.StringValue(parts[1]),
			Type: types.StringValue(strings.ToUpper(parts[2])), Value: types.StringValue(parts[3]), RecordID: types.StringNull()}
	} else {
		parts, err := tfutil.ParseImportID(req.ID, false, "zone_id", "record_id")
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error()+", or <zone_id>/<name>/<type>/<value>")
			return
		}
		m = recordModel{ZoneID: types.StringValue(parts[0]), RecordID: types.StringValue(parts[1]),
			Name: types.StringNull(), Type: types.StringNull(), Value: types.StringNull()}
	}
	if !numericRe.MatchString(m.ZoneID.ValueString()) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("zone id %q in import id %q is not numeric", m.ZoneID.ValueString(), req.ID))
		return
	}
	m.ID = types.StringNull()
	m.TTL = types.Int64Null()
	m.Priority = types.Int64Null()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

// recordIdentity is a record's identity: zone_id and record_id from its id,
// and its name, type and value, so that an import block still finds the
// record after its content-hash id changed: an identity without record_id
// is imported as <zone_id>/<name>/<type>/<value>.
var recordIdentity = providerdata.Identity{
	Parts:   []string{"zone_id", "record_id"},
	Extra:   []string{"name", "type", "value"},
	Mutable: true,
	ImportID: func(v map[string]string) (string, error) {
		switch {
		case v["zone_id"] == "":
			return "", errors.New("zone_id must be set")
		case v["record_id"] != "":
			return v["zone_id"] + "/" + v["record_id"], nil
		case v["name"] != "" && v["type"] != "" && v["value"] != "":
			return strings.Join([]string{v["zone_id"], v["name"], v["type"], v["value"]}, "/"), nil
		}
		return "", errors.New("give record_id, or name, type and value (as the zone's record list shows them)")
	},
}
