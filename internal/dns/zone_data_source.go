package dns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ZoneDataSourceType is the data source's type name.
const ZoneDataSourceType = "gigahost_dns_zone"

// NewZoneDataSource returns the gigahost_dns_zone data source: one zone,
// looked up by name or id.
func NewZoneDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, zoneDataModel]{
		TypeName: ZoneDataSourceType,
		Schema: schema.Schema{
			MarkdownDescription: "Looks up a Gigahost DNS zone by `name` or `id`, for example a zone of a registered domain that Terraform does not manage.",
			Attributes: map[string]schema.Attribute{
				"id":                 schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Zone id. Give this or `name`."},
				"name":               schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Zone name, such as `example.no`. Give this or `id`."},
				"type":               providerdata.ComputedString("Zone type: `NATIVE`, `MASTER` or `SLAVE`."),
				"record_count":       providerdata.ComputedInt64("How many records the zone holds."),
				"protected":          providerdata.ComputedBool("Whether the zone is protected (a registered domain; it cannot be deleted)."),
				"registered":         providerdata.ComputedBool("Whether the domain is registered through Gigahost."),
				"external_dns":       providerdata.ComputedBool("Whether the domain uses name servers outside Gigahost."),
				"domain_expiry_date": providerdata.ComputedString("When the domain registration expires (`YYYY-MM-DD hh:mm:ss`), empty when not registered."),
			},
		},
		ConfigValidators: []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))},
		Client:           providerdata.GigahostClient,
		Read:             readZone,
	})
}

// readZone finds the configured zone among those the credentials see.
func readZone(ctx context.Context, c *gigahost.Client, m *zoneDataModel, diags *diag.Diagnostics) {
	zs, err := c.Zones(ctx)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list DNS zones", err)
		return
	}
	key := m.ID.ValueString()
	if key == "" {
		key = m.Name.ValueString()
	}
	z, ok := gigahost.FindZone(zs, key)
	if !ok {
		diags.AddError("DNS zone not found", "No zone with id or name "+key+" is visible to these credentials.")
		return
	}
	m.fromAPI(z)
}
