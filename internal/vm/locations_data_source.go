package vm

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// LocationsDataSourceType is the data source's type name.
const LocationsDataSourceType = "gigas_locations"

type locationModel struct {
	ID    types.String `tfsdk:"id"`
	Label types.String `tfsdk:"label"`
}

// NewLocationsDataSource returns the gigas_locations data source: the
// account's datacenters.
func NewLocationsDataSource() datasource.DataSource {
	return providerdata.NewListDataSource(providerdata.ListSpec[gigas.Client, gigas.Location, locationModel]{
		TypeName:    LocationsDataSourceType,
		Description: "Lists the Gigas locations (datacenters) of the account, optionally filtered by label. Use a location's `id` as `location_id` of a `gigas_virtual_machine`.",
		Client:      providerdata.GigasClient,
		List:        (*gigas.Client).Locations,
		ListError:   "Cannot list Gigas locations",
		Filters: []providerdata.ListFilter[gigas.Location]{{
			Attribute: "label_regex", Match: providerdata.MatchRegex, Field: func(l gigas.Location) string { return string(l.Label) },
			Description: "Keep only locations whose label matches this regular expression (RE2 syntax), for example `(?i)^spain$`.",
		}},
		Attribute: "locations", AttributeDescription: "The matching locations, in the API's order.",
		Item: map[string]schema.Attribute{
			"id":    providerdata.ComputedString("Location id (a numeric string)."),
			"label": providerdata.ComputedString("Location name, such as `Spain`."),
		},
		Convert: func(l gigas.Location) locationModel {
			return locationModel{ID: types.StringValue(string(l.ID)), Label: types.StringValue(string(l.Label))}
		},
	})
}
