package vm

import (
	"context"
	"regexp"
	"strings"

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

// TemplatesDataSourceType is the data source's type name.
const TemplatesDataSourceType = "gigas_templates"

var _ datasource.DataSourceWithConfigure = (*TemplatesDataSource)(nil)

// NewTemplatesDataSource returns the gigas_templates data source.
func NewTemplatesDataSource() datasource.DataSource {
	return &TemplatesDataSource{DataSourceBase: providerdata.NewDataSourceBase(TemplatesDataSourceType)}
}

// TemplatesDataSource lists the operating-system templates of the account.
type TemplatesDataSource struct{ providerdata.DataSourceBase }

type templatesModel struct {
	OperatingSystem       types.String    `tfsdk:"operating_system"`
	OperatingSystemDistro types.String    `tfsdk:"operating_system_distro"`
	LabelRegex            types.String    `tfsdk:"label_regex"`
	Templates             []templateModel `tfsdk:"templates"`
}

type templateModel struct {
	ID                    types.String `tfsdk:"id"`
	Label                 types.String `tfsdk:"label"`
	OperatingSystem       types.String `tfsdk:"operating_system"`
	OperatingSystemDistro types.String `tfsdk:"operating_system_distro"`
	MinDiskSize           types.Int64  `tfsdk:"min_disk_size"`
	MinMemorySize         types.Int64  `tfsdk:"min_memory_size"`
}

func (m *templateModel) fromAPI(t gigas.Template) {
	m.ID = types.StringValue(string(t.ID))
	m.Label = types.StringValue(string(t.Label))
	m.OperatingSystem = types.StringValue(string(t.OperatingSystem))
	m.OperatingSystemDistro = types.StringValue(string(t.OperatingSystemDistro))
	m.MinDiskSize = types.Int64Value(int64(t.MinDiskSize))
	m.MinMemorySize = types.Int64Value(int64(t.MinMemorySize))
}

// matches applies the filters; equality filters ignore case.
func (m templatesModel) matches(t gigas.Template, re *regexp.Regexp) bool {
	if !m.OperatingSystem.IsNull() && !strings.EqualFold(m.OperatingSystem.ValueString(), string(t.OperatingSystem)) {
		return false
	}
	if !m.OperatingSystemDistro.IsNull() && !strings.EqualFold(m.OperatingSystemDistro.ValueString(), string(t.OperatingSystemDistro)) {
		return false
	}
	return re == nil || re.MatchString(string(t.Label))
}

// Schema implements datasource.DataSource.
func (d *TemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Gigas operating-system templates of the account, optionally filtered. " +
			"Use a template's `id` as `template_id` of a `gigas_virtual_machine`, and respect its minimum disk and memory sizes.",
		Attributes: map[string]schema.Attribute{
			"operating_system": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only templates of this operating system, such as `linux` or `windows` (case-insensitive).",
			},
			"operating_system_distro": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only templates of this distribution, such as `debian`, `ubuntu` or `rhel` (case-insensitive).",
			},
			"label_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only templates whose label matches this regular expression (RE2 syntax), for example `^Debian 12`.",
				Validators:          []validator.String{tfutil.ValidRegex()},
			},
			"templates": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching templates, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                      computed("Template id (a numeric string)."),
					"label":                   computed("Template name, such as `Debian 12 x64 (Linux)`."),
					"operating_system":        computed("Operating system, such as `linux`."),
					"operating_system_distro": computed("Distribution, such as `debian`."),
					"min_disk_size":           schema.Int64Attribute{Computed: true, MarkdownDescription: "Smallest `primary_disk_size` (GB) this template accepts."},
					"min_memory_size":         schema.Int64Attribute{Computed: true, MarkdownDescription: "Smallest `memory` (MB) this template needs."},
				}},
			},
		},
	}
}

// Read implements datasource.DataSource.
func (d *TemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	providerdata.ReadData(ctx, req, resp, d.Gigas, func(ctx context.Context, c *gigas.Client, m *templatesModel, diags *diag.Diagnostics) {
		templates, err := c.Templates(ctx)
		if err != nil {
			tfutil.AddAPIError(diags, "Cannot list Gigas templates", err)
			return
		}
		re, ok := tfutil.ConfigRegex(m.LabelRegex, path.Root("label_regex"), diags)
		if !ok {
			return
		}
		m.Templates = []templateModel{}
		for _, t := range templates {
			if m.matches(t, re) {
				var tm templateModel
				tm.fromAPI(t)
				m.Templates = append(m.Templates, tm)
			}
		}
	})
}
