package dns

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// RecordsDataSourceType is the data source's type name.
const RecordsDataSourceType = "gigahost_dns_records"

// NewRecordsDataSource returns the gigahost_dns_records data source: one
// zone's records, filtered by name and type. It is not a
// providerdata.NewListDataSource: the list it filters depends on zone_id.
// It is served from the client's record list of the zone, the one every
// record of the operation shares: N of them on one zone cost one list
// request.
func NewRecordsDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, recordsDataModel]{
		TypeName: RecordsDataSourceType,
		Schema:   recordsDataSourceSchema(),
		Client:   providerdata.GigahostClient,
		Read:     readRecords,
	})
}

// recordsDataModel is the data source's state.
type recordsDataModel struct {
	ZoneID  types.String  `tfsdk:"zone_id"`
	Name    types.String  `tfsdk:"name"`
	Type    types.String  `tfsdk:"type"`
	Records []recordModel `tfsdk:"records"`
}

func recordsDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the records of one Gigahost DNS zone, optionally filtered by name and type, as the zone's " +
			"record list shows them (MX and SRV priority apart, hosts without the trailing dot). The list is read once per " +
			"Terraform operation and shared with every `gigahost_dns_record` and `gigahost_dns_records` of the zone.",
		Attributes: map[string]schema.Attribute{
			"zone_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "Id of the zone.",
				Validators: []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")},
			},
			"name": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only records of this name: `@` for the apex, a name relative to the zone (`www`), or the " +
					"full name with or without the trailing dot (`www.example.no.`); case aside.",
				Validators: []validator.String{stringvalidator.RegexMatches(recordNameRe, "must be @, a relative name or a full name")},
			},
			"type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Keep only records of this type: " + quoteList(recordTypes) + ".",
				Validators: []validator.String{stringvalidator.OneOf(recordTypes...)},
			},
			"records": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching records, in the zone list's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":        providerdata.ComputedString("`<zone_id>/<record_id>`, the id of a `gigahost_dns_record` (and its import id)."),
					"zone_id":   providerdata.ComputedString("Id of the zone."),
					"record_id": providerdata.ComputedString("The record id: a hash of the content, which changes with every change."),
					"name":      providerdata.ComputedString("Name relative to the zone, `@` for the apex."),
					"type":      providerdata.ComputedString("Record type."),
					"value":     providerdata.ComputedString("The value as the list shows it (MX: the host without priority or trailing dot)."),
					"ttl":       providerdata.ComputedInt64("TTL in seconds."),
					"priority":  providerdata.ComputedInt64("Priority of MX and SRV records; null for the other types."),
				}},
			},
		},
	}
}

// readRecords keeps the records of the configured zone that the name and
// type filters select.
func readRecords(ctx context.Context, c *gigahost.Client, m *recordsDataModel, diags *diag.Diagnostics) {
	zoneID := m.ZoneID.ValueString()
	records, err := c.Records(ctx, zoneID)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list the records of DNS zone "+zoneID, err)
		return
	}
	zone := ""
	if !m.Name.IsNull() && strings.Contains(strings.TrimSuffix(m.Name.ValueString(), "."), ".") {
		// A full name is made relative with the zone's name (the
		// operation's shared zone list).
		var ok bool
		if zone, ok = zoneNameOrDiag(ctx, c, zoneID, diags); !ok {
			return
		}
	}
	m.Records = []recordModel{}
	for _, r := range records {
		if !m.Name.IsNull() && relativeName(m.Name.ValueString(), zone) != relativeName(string(r.Name), zone) {
			continue
		}
		if !m.Type.IsNull() && !strings.EqualFold(m.Type.ValueString(), string(r.Type)) {
			continue
		}
		var item recordModel
		item.fromAPI(zoneID, r, zone)
		m.Records = append(m.Records, item)
	}
}
