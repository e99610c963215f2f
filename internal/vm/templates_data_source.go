package vm

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// TemplatesDataSourceType is the data source's type name.
const TemplatesDataSourceType = "gigas_templates"

type templateModel struct {
	ID                    types.String `tfsdk:"id"`
	Label                 types.String `tfsdk:"label"`
	OperatingSystem       types.String `tfsdk:"operating_system"`
	OperatingSystemDistro types.String `tfsdk:"operating_system_distro"`
	MinDiskSize           types.Int64  `tfsdk:"min_disk_size"`
	MinMemorySize         types.Int64  `tfsdk:"min_memory_size"`
}

func templateFromAPI(t gigas.Template) templateModel {
	return templateModel{
		ID: types.StringValue(string(t.ID)), Label: types.StringValue(string(t.Label)),
		OperatingSystem: types.StringValue(string(t.OperatingSystem)), OperatingSystemDistro: types.StringValue(string(t.OperatingSystemDistro)),
		MinDiskSize: types.Int64Value(int64(t.MinDiskSize)), MinMemorySize: types.Int64Value(int64(t.MinMemorySize)),
	}
}

// NewTemplatesDataSource returns the gigas_templates data source: the
// operating-system templates of the account.
func NewTemplatesDataSource() datasource.DataSource {
	type filter = providerdata.ListFilter[gigas.Template]
	return providerdata.NewListDataSource(providerdata.ListSpec[gigas.Client, gigas.Template, templateModel]{
		TypeName: TemplatesDataSourceType,
		Description: "Lists the Gigas operating-system templates of the account, optionally filtered. " +
			"Use a template's `id` as `template_id` of a `gigas_virtual_machine`, and respect its minimum disk and memory sizes.",
		Client:    providerdata.GigasClient,
		List:      (*gigas.Client).Templates,
		ListError: "Cannot list Gigas templates",
		Filters: []filter{
			{Attribute: "operating_system", Match: providerdata.MatchFold, Field: func(t gigas.Template) string { return string(t.OperatingSystem) },
				Description: "Keep only templates of this operating system, such as `linux` or `windows` (case-insensitive)."},
			{Attribute: "operating_system_distro", Match: providerdata.MatchFold, Field: func(t gigas.Template) string { return string(t.OperatingSystemDistro) },
				Description: "Keep only templates of this distribution, such as `debian`, `ubuntu` or `rhel` (case-insensitive)."},
			{Attribute: "label_regex", Match: providerdata.MatchRegex, Field: func(t gigas.Template) string { return string(t.Label) },
				Description: "Keep only templates whose label matches this regular expression (RE2 syntax), for example `^Debian 12`."},
		},
		Attribute: "templates", AttributeDescription: "The matching templates, in the API's order.",
		Item: map[string]schema.Attribute{
			"id":                      providerdata.ComputedString("Template id (a numeric string)."),
			"label":                   providerdata.ComputedString("Template name, such as `Debian 12 x64 (Linux)`."),
			"operating_system":        providerdata.ComputedString("Operating system, such as `linux`."),
			"operating_system_distro": providerdata.ComputedString("Distribution, such as `debian`."),
			"min_disk_size":           providerdata.ComputedInt64("Smallest `primary_disk_size` (GB) this template accepts."),
			"min_memory_size":         providerdata.ComputedInt64("Smallest `memory` (MB) this template needs."),
		},
		Convert: templateFromAPI,
	})
}
