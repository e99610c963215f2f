package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// LocationsDataSourceType is the data source's type name.
const LocationsDataSourceType = "gigas_locations"

var _ datasource.DataSourceWithConfigure = (*LocationsDataSource)(nil)

// NewLocationsDataSource returns the gigas_locations data source.
func NewLocationsDataSource() datasource.DataSource {
	return &LocationsDataSource{DataSourceBase: providerdata.NewDataSourceBase(LocationsDataSourceType)}
}

// LocationsDataSource lists the account's datacenters.
type LocationsDataSource struct{ providerdata.DataSourceBase }

type locationsModel struct {
	LabelRegex types.String    `tfsdk:"label_regex"`
	Locations  []locationModel `tfsdk:"locations"`
}

type locationModel struct {
	ID    types.String `tfsdk:"id"`
	Label types.String `tfsdk:"label"`
}

// Schema implements datasource.DataSource.
func (d *LocationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Gigas locations (datacenters) of the account, optionally filtered by label. Use a location's `id` as `location_id` of a `gigas_virtual_machine`.",
		Attributes: map[string]schema.Attribute{
			"label_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only locations whose label matches this regular expression (RE2 syntax), for example `(?i)^spain$`.",
				Validators:          []validator.String{tfutil.ValidRegex()},
			},
			"locations": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching locations, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Location id (a numeric string)."},
					"label": schema.StringAttribute{Computed: true, MarkdownDescription: "Location name, such as `Spain`."},
				}},
			},
		},
	}
}

// Read implements datasource.DataSource.
func (d *LocationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	providerdata.ReadData(ctx, req, resp, d.Gigas, func(ctx context.Context, c *gigas.Client, m *locationsModel, diags *diag.Diagnostics) {
		locations, err := c.Locations(ctx)
		if err != nil {
			tfutil.AddAPIError(diags, "Cannot list Gigas locations", err)
			return
		}
		re, ok := tfutil.ConfigRegex(m.LabelRegex, path.Root("label_regex"), diags)
		if !ok {
			return
		}
		m.Locations = []locationModel{}
		for _, l := range locations {
			if re != nil && !re.MatchString(string(l.Label)) {
				continue
			}
			m.Locations = append(m.Locations, locationModel{ID: types.StringValue(string(l.ID)), Label: types.StringValue(string(l.Label))})
		}
	})
}
