package server

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ISOsDataSourceType is the data source's type name.
const ISOsDataSourceType = "gigahost_isos"

// isoModel is one ISO of the gigahost_isos data source.
type isoModel struct {
	ISOID types.Int64  `tfsdk:"iso_id"`
	Name  types.String `tfsdk:"name"`
	Size  types.Int64  `tfsdk:"size"`
}

func isoFromAPI(iso gigahost.ISO) isoModel {
	return isoModel{ISOID: types.Int64Value(int64(iso.ID)), Name: types.StringValue(string(iso.Name)), Size: types.Int64Value(int64(iso.Size))}
}

// NewISOsDataSource returns the gigahost_isos data source: the account's
// uploaded ISOs, in the API's order.
func NewISOsDataSource() datasource.DataSource {
	isoName := func(iso gigahost.ISO) string { return string(iso.Name) }
	return providerdata.NewListDataSource(providerdata.ListSpec[gigahost.Client, gigahost.ISO, isoModel]{
		TypeName: ISOsDataSourceType,
		Description: "Lists the ISO images uploaded to the Gigahost account (`GET /deploy/isos`: completed uploads only), optionally " +
			"filtered by file name, for `gigahost_server.iso_id`. Uploading or removing an ISO is not in the API. " +
			"Needs the `servers` permission category (mode `r` is enough) on an API key.",
		Client:    providerdata.GigahostClient,
		List:      (*gigahost.Client).ISOs,
		ListError: "Cannot list the Gigahost account's uploaded ISOs",
		Filters: []providerdata.ListFilter[gigahost.ISO]{
			{Attribute: "name", Match: providerdata.MatchExact, Field: isoName, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				Description: "Keep only the ISO with exactly this file name, for example `debian-12.iso`."},
			{Attribute: "name_regex", Match: providerdata.MatchRegex, Field: isoName,
				Description: "Keep only ISOs whose file name matches this regular expression (RE2 syntax), for example `^debian-`. With `name`, an ISO must match both."},
		},
		Attribute: "isos", AttributeDescription: "The matching ISOs, in the API's order.",
		Item: map[string]schema.Attribute{
			"iso_id": providerdata.ComputedInt64("The ISO's id: what `gigahost_server.iso_id` takes."),
			"name":   providerdata.ComputedString("The uploaded file's name (`iso_name`)."),
			"size":   providerdata.ComputedInt64("The file's size in bytes (`iso_size`)."),
		},
		Convert: isoFromAPI,
		Derived: map[string]providerdata.Derived[isoModel]{"ids": {
			Schema: schema.ListAttribute{
				ElementType: types.Int64Type, Computed: true,
				MarkdownDescription: "The ids of the matching ISOs, in the order of `isos`.",
			},
			Value: func(isos []isoModel) any {
				ids := make([]types.Int64, 0, len(isos))
				for _, iso := range isos {
					ids = append(ids, iso.ISOID)
				}
				return ids
			},
		}},
	})
}
