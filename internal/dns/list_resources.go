package dns

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{newZoneList, newRecordList}
}

// isPTRZone: reverse zones are gigahost_dns_ptr_zone, not gigahost_dns_zone.
func isPTRZone(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(name, "."))
	return strings.HasSuffix(n, ".in-addr.arpa") || strings.HasSuffix(n, ".ip6.arpa")
}

func newZoneList() list.ListResource {
	return providerdata.NewListResource(providerdata.QuerySpec[gigahost.Client, struct{}]{
		TypeName: ZoneResourceType,
		Resource: NewZoneResource,
		Client:   providerdata.GigahostClient,
		Config: listschema.Schema{
			MarkdownDescription: "Every DNS zone of the Gigahost account (reverse zones are `gigahost_dns_ptr_zone` and are left out), " +
				"from one request for the zone list.",
		},
		List: func(ctx context.Context, c *gigahost.Client, _ struct{}, diags *diag.Diagnostics) []providerdata.Listed {
			zones, err := c.Zones(ctx)
			if err != nil {
				tfutil.AddAPIError(diags, "Cannot list DNS zones", err)
				return nil
			}
			var out []providerdata.Listed
			for _, z := range zones {
				if !isPTRZone(string(z.Name)) {
					out = append(out, providerdata.Listed{ImportID: string(z.ID), DisplayName: string(z.Name)})
				}
			}
			return out
		},
	})
}

type recordListModel struct {
	ZoneID types.String `tfsdk:"zone_id"`
	Name   types.String `tfsdk:"name"`
	Type   types.String `tfsdk:"type"`
}

func newRecordList() list.ListResource {
	return providerdata.NewListResource(providerdata.QuerySpec[gigahost.Client, recordListModel]{
		TypeName: RecordResourceType,
		Resource: NewRecordResource,
		Client:   providerdata.GigahostClient,
		Config: listschema.Schema{
			MarkdownDescription: "The records of one DNS zone, from one request for the zone's record list, optionally only those " +
				"of one name or type. Records of a type this provider does not manage (such as SOA) are left out.",
			Attributes: map[string]listschema.Attribute{
				"zone_id": listschema.StringAttribute{Required: true, MarkdownDescription: "The zone's id.",
					Validators: []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")}},
				"name": listschema.StringAttribute{Optional: true,
					MarkdownDescription: "Only records of this name: relative to the zone (`www`), `@` for the apex, or fully qualified."},
				"type": listschema.StringAttribute{Optional: true, MarkdownDescription: "Only records of this type, one of " + quoteList(recordTypes) + ".",
					Validators: []validator.String{stringvalidator.OneOf(recordTypes...)}},
			},
		},
		List: func(ctx context.Context, c *gigahost.Client, m recordListModel, diags *diag.Diagnostics) []providerdata.Listed {
			zoneID := m.ZoneID.ValueString()
			records, err := c.Records(ctx, zoneID)
			if err != nil {
				tfutil.AddAPIError(diags, "Cannot list DNS records", err)
				return nil
			}
			zone, ok := zoneNameOrDiag(ctx, c, zoneID, diags)
			if !ok {
				return nil
			}
			var out []providerdata.Listed
			for _, r := range records {
				name := relativeName(string(r.Name), zone)
				switch {
				case !slices.Contains(recordTypes, string(r.Type)),
					!m.Type.IsNull() && m.Type.ValueString() != string(r.Type),
					!m.Name.IsNull() && relativeName(m.Name.ValueString(), zone) != name:
					continue
				}
				out = append(out, providerdata.Listed{
					ImportID:    zoneID + "/" + string(r.ID),
					DisplayName: fmt.Sprintf("%s %s %s", name, r.Type, r.Value),
				})
			}
			return out
		},
	})
}
