package providerdata

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// DataSourceSpec describes a data source whose state is one model M, read
// with the client C: its whole code beside the schema is Read.
type DataSourceSpec[C, M any] struct {
	TypeName         string
	Schema           schema.Schema
	ConfigValidators []datasource.ConfigValidator
	// Client is GigasClient or GigahostClient.
	Client func(*Clients, *diag.Diagnostics) *C
	// Read fills m, which holds the configuration, from the API, adding its
	// own diagnostics; m goes to state unless Read added an error.
	Read func(ctx context.Context, c *C, m *M, diags *diag.Diagnostics)
}

// NewDataSource returns the data source spec describes.
func NewDataSource[C, M any](spec DataSourceSpec[C, M]) datasource.DataSource {
	return &specDataSource[C, M]{DataSourceBase: DataSourceBase{TypeName: spec.TypeName}, spec: spec}
}

type specDataSource[C, M any] struct {
	DataSourceBase
	spec DataSourceSpec[C, M]
}

var (
	_ datasource.DataSourceWithConfigure        = (*specDataSource[struct{}, struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*specDataSource[struct{}, struct{}])(nil)
)

// Schema implements datasource.DataSource.
func (d *specDataSource[C, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema
}

// ConfigValidators implements datasource.DataSourceWithConfigValidators.
func (d *specDataSource[C, M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.spec.ConfigValidators
}

// Read implements datasource.DataSource.
func (d *specDataSource[C, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	client := func(diags *diag.Diagnostics) *C { return d.spec.Client(d.Clients(), diags) }
	ReadData(ctx, req, resp, client, d.spec.Read)
}

// ComputedString is a computed string attribute of a data source.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

// ComputedInt64 is a computed number attribute of a data source.
func ComputedInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: description}
}

// ComputedBool is a computed boolean attribute of a data source.
func ComputedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: description}
}

// ComputedList is a computed list of objects of a data source.
func ComputedList(description string, item map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Computed: true, MarkdownDescription: description, NestedObject: schema.NestedAttributeObject{Attributes: item}}
}
