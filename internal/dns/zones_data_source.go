package dns

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ZonesDataSourceType is the data source's type name.
const ZonesDataSourceType = "gigahost_dns_zones"

// NewZonesDataSource returns the gigahost_dns_zones data source: every zone
// the credentials see, optionally filtered by name. It is served from the
// client's zone list, which every zone reader of the operation shares.
func NewZonesDataSource() datasource.DataSource {
	zoneName := func(z gigahost.Zone) string { return string(z.Name) }
	return providerdata.NewListDataSource(providerdata.ListSpec[gigahost.Client, gigahost.Zone, zoneDataModel]{
		TypeName: ZonesDataSourceType,
		Description: "Lists the Gigahost DNS zones the credentials see (reverse zones included), optionally filtered by name. " +
			"An API key limited to some zones sees only those.",
		Client:    providerdata.GigahostClient,
		List:      (*gigahost.Client).Zones,
		ListError: "Cannot list DNS zones",
		Filters: []providerdata.ListFilter[gigahost.Zone]{
			{Attribute: "name", Match: providerdata.MatchFold, Field: zoneName,
				Description: "Keep only the zone with this name (`example.no`; case aside)."},
			{Attribute: "name_regex", Match: providerdata.MatchRegex, Field: zoneName,
				Description: "Keep only zones whose name matches this regular expression (RE2 syntax), for example `\\.no$`. With `name`, a zone must match both."},
		},
		Attribute: "zones", AttributeDescription: "The matching zones, in the API's order.",
		Item: map[string]schema.Attribute{
			"id":                 providerdata.ComputedString("Zone id (the `zone_id` of its records)."),
			"name":               providerdata.ComputedString("Zone name, such as `example.no`."),
			"type":               providerdata.ComputedString("Zone type: `NATIVE`, `MASTER` or `SLAVE`."),
			"record_count":       providerdata.ComputedInt64("How many records the zone holds."),
			"protected":          providerdata.ComputedBool("Whether the zone is protected (a registered domain; it cannot be deleted)."),
			"registered":         providerdata.ComputedBool("Whether the domain is registered through Gigahost (DNSSEC needs it)."),
			"external_dns":       providerdata.ComputedBool("Whether the domain uses name servers outside Gigahost."),
			"domain_expiry_date": providerdata.ComputedString("When the domain registration expires (`YYYY-MM-DD hh:mm:ss`), empty when not registered."),
		},
		Convert: func(z gigahost.Zone) zoneDataModel {
			var m zoneDataModel
			m.fromAPI(z)
			return m
		},
		Derived: map[string]providerdata.Derived[zoneDataModel]{"ids": {
			Schema: schema.ListAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The ids of the matching zones, in the order of `zones`.",
			},
			Value: func(zones []zoneDataModel) any {
				ids := make([]types.String, 0, len(zones))
				for _, z := range zones {
					ids = append(ids, z.ID)
				}
				return ids
			},
		}},
	})
}
