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

var (
	_ datasource.DataSourceWithConfigure        = (*ZoneDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*ZoneDataSource)(nil)
)

// NewZoneDataSource returns the gigahost_dns_zone data source.
func NewZoneDataSource() datasource.DataSource {
	return &ZoneDataSource{DataSourceBase: providerdata.NewDataSourceBase(ZoneDataSourceType)}
}

// ZoneDataSource looks up one zone by name or id.
type ZoneDataSource struct{ providerdata.DataSourceBase }

// Schema implements datasource.DataSource.
func (d *ZoneDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Gigahost DNS zone by `name` or `id`, for example a zone of a registered domain that Terraform does not manage.",
		Attributes: map[string]schema.Attribute{
			"id":                 schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Zone id. Give this or `name`."},
			"name":               schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Zone name, such as `example.no`. Give this or `id`."},
			"type":               schema.StringAttribute{Computed: true, MarkdownDescription: "Zone type: `NATIVE`, `MASTER` or `SLAVE`."},
			"record_count":       schema.Int64Attribute{Computed: true, MarkdownDescription: "How many records the zone holds."},
			"protected":          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the zone is protected (a registered domain; it cannot be deleted)."},
			"registered":         schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the domain is registered through Gigahost."},
			"external_dns":       schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the domain uses name servers outside Gigahost."},
			"domain_expiry_date": schema.StringAttribute{Computed: true, MarkdownDescription: "When the domain registration expires (`YYYY-MM-DD hh:mm:ss`), empty when not registered."},
		},
	}
}

// ConfigValidators implements datasource.DataSourceWithConfigValidators.
func (d *ZoneDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

// Read implements datasource.DataSource.
func (d *ZoneDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	providerdata.ReadData(ctx, req, resp, d.Gigahost, func(ctx context.Context, c *gigahost.Client, m *zoneDataModel, diags *diag.Diagnostics) {
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
	})
}
