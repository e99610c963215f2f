package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// OperatingSystemsDataSourceType is the OS data source's type name.
const OperatingSystemsDataSourceType = "gigahost_operating_systems"

// NewOperatingSystemsDataSource returns the gigahost_operating_systems data
// source: the installable operating systems.
func NewOperatingSystemsDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, operatingSystemsModel]{
		TypeName: OperatingSystemsDataSourceType, Schema: operatingSystemsSchema(), Client: providerdata.GigahostClient, Read: readOperatingSystems,
	})
}

type operatingSystemsModel struct {
	Distribution     types.String   `tfsdk:"distribution"`
	NameRegex        types.String   `tfsdk:"name_regex"`
	Distributions    []distModel    `tfsdk:"distributions"`
	OperatingSystems []osEntryModel `tfsdk:"operating_systems"`
}

type distModel struct {
	DistID types.Int64  `tfsdk:"dist_id"`
	Name   types.String `tfsdk:"name"`
	Value  types.String `tfsdk:"value"`
}

type osEntryModel struct {
	OSID          types.Int64  `tfsdk:"os_id"`
	Name          types.String `tfsdk:"name"`
	DistID        types.Int64  `tfsdk:"dist_id"`
	Distribution  types.String `tfsdk:"distribution"`
	Release       types.String `tfsdk:"release"`
	Version       types.String `tfsdk:"version"`
	Arch          types.String `tfsdk:"arch"`
	DedicatedOnly types.Bool   `tfsdk:"dedicated_only"`
	MinRAMGB      types.Int64  `tfsdk:"min_ram_gb"`
}

// operatingSystemsSchema is the schema of the data source.
func operatingSystemsSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The operating systems Gigahost servers can install (`GET /reinstall/distro` and `/reinstall/distro/{id}`), " +
			"for the `os_id` of a `gigahost_server`.",
		Attributes: map[string]schema.Attribute{
			"distribution": schema.StringAttribute{Optional: true, MarkdownDescription: "Keep one distribution, by name or value (case-insensitive), such as `Ubuntu` or `debian`."},
			"name_regex":   schema.StringAttribute{Optional: true, MarkdownDescription: "Keep operating systems whose name matches this regular expression (RE2), such as `24\\\\.04`.", Validators: []validator.String{tfutil.ValidRegex()}},
			"distributions": providerdata.ComputedList("The matching distributions.", map[string]schema.Attribute{
				"dist_id": providerdata.ComputedInt64("Distribution id."),
				"name":    providerdata.ComputedString("Name, such as `Ubuntu`."),
				"value":   providerdata.ComputedString("Short value, such as `ubuntu`."),
			}),
			"operating_systems": providerdata.ComputedList("The matching operating systems.", map[string]schema.Attribute{
				"os_id":          providerdata.ComputedInt64("OS id, the `os_id` of a `gigahost_server`."),
				"name":           providerdata.ComputedString("Name, such as `Ubuntu 24.04 LTS`."),
				"dist_id":        providerdata.ComputedInt64("Distribution id."),
				"distribution":   providerdata.ComputedString("Distribution name."),
				"release":        providerdata.ComputedString("Release family, such as `ubuntu`."),
				"version":        providerdata.ComputedString("Version, such as `24.04`."),
				"arch":           providerdata.ComputedString("Architecture, such as `amd64`."),
				"dedicated_only": providerdata.ComputedBool("Whether only bare-metal servers can install it."),
				"min_ram_gb":     providerdata.ComputedInt64("Minimum memory in GB (0: none)."),
			}),
		},
	}
}

// readOperatingSystems lists the distributions the filter keeps and their
// operating systems.
func readOperatingSystems(ctx context.Context, c *gigahost.Client, m *operatingSystemsModel, diags *diag.Diagnostics) {
	dists, err := c.Distributions(ctx)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list Gigahost distributions", err)
		return
	}
	re, ok := tfutil.ConfigRegex(m.NameRegex, path.Root("name_regex"), diags)
	if !ok {
		return
	}
	want := strings.TrimSpace(m.Distribution.ValueString())
	m.Distributions, m.OperatingSystems = []distModel{}, []osEntryModel{}
	for _, dist := range dists {
		if want != "" && !strings.EqualFold(want, string(dist.Name)) && !strings.EqualFold(want, string(dist.Value)) {
			continue
		}
		m.Distributions = append(m.Distributions, distModel{DistID: types.Int64Value(int64(dist.ID)), Name: types.StringValue(string(dist.Name)), Value: types.StringValue(string(dist.Value))})
		oses, err := c.OperatingSystems(ctx, int64(dist.ID))
		if err != nil {
			tfutil.AddAPIError(diags, fmt.Sprintf("Cannot list the operating systems of distribution %s", dist.Name), err)
			return
		}
		for _, o := range oses {
			if re != nil && !re.MatchString(string(o.Name)) {
				continue
			}
			m.OperatingSystems = append(m.OperatingSystems, osFromAPI(dist, o))
		}
	}
}

func osFromAPI(dist gigahost.Distribution, o gigahost.OperatingSystem) osEntryModel {
	return osEntryModel{
		OSID: types.Int64Value(int64(o.ID)), Name: types.StringValue(string(o.Name)), DistID: types.Int64Value(int64(dist.ID)),
		Distribution: types.StringValue(string(dist.Name)), Release: types.StringValue(string(o.Release)), Version: types.StringValue(string(o.Version)),
		Arch: types.StringValue(string(o.Arch)), DedicatedOnly: types.BoolValue(bool(o.DedicatedOnly)), MinRAMGB: types.Int64Value(int64(o.MinRAMGB)),
	}
}
