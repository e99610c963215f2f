package bgp

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// DataSourceType is the data source's type name.
const DataSourceType = "gigahost_bgp"

// NewBGPDataSource returns the gigahost_bgp data source: GET /bgp.
func NewBGPDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, bgpModel]{
		TypeName: DataSourceType, Schema: bgpSchema(), Client: providerdata.GigahostClient, Read: readBGP,
	})
}

// bgpModel is the data source's state.
type bgpModel struct {
	ASNs        []asnModel        `tfsdk:"asns"`
	PrefixLists []prefixListModel `tfsdk:"prefix_lists"`
	Sessions    []sessionEntry    `tfsdk:"sessions"`
}

type asnModel struct {
	ID             types.Int64  `tfsdk:"id"`
	ASN            types.String `tfsdk:"asn"`
	Name           types.String `tfsdk:"name"`
	Country        types.String `tfsdk:"country"`
	IRRv4          types.String `tfsdk:"irr_v4"`
	IRRv6          types.String `tfsdk:"irr_v6"`
	IRRUpdated     types.Int64  `tfsdk:"irr_updated"`
	Status         types.String `tfsdk:"status"`
	RejectedReason types.String `tfsdk:"rejected_reason"`
}

type prefixListModel struct {
	ID         types.Int64  `tfsdk:"id"`
	ASNID      types.Int64  `tfsdk:"asn_id"`
	Prefix     types.String `tfsdk:"prefix"`
	PrefixType types.String `tfsdk:"prefix_type"`
	Status     types.String `tfsdk:"status"`
	YourASN    types.String `tfsdk:"your_asn"`
}

type sessionEntry struct {
	ID           types.String `tfsdk:"id"`
	ASNID        types.Int64  `tfsdk:"asn_id"`
	RouterID     types.Int64  `tfsdk:"router_id"`
	ServerID     types.Int64  `tfsdk:"server_id"`
	IPID         types.Int64  `tfsdk:"ip_id"`
	IPType       types.String `tfsdk:"ip_type"`
	IPAddress    types.String `tfsdk:"ip_address"`
	DefaultRoute types.Bool   `tfsdk:"default_route"`
	Status       types.String `tfsdk:"status"`
	NeighborIPv4 types.String `tfsdk:"neighbor_ipv4"`
	NeighborIPv6 types.String `tfsdk:"neighbor_ipv6"`
	Multihop     types.Bool   `tfsdk:"multihop"`
	RouterASN    types.String `tfsdk:"router_asn"`
	YourASN      types.String `tfsdk:"your_asn"`
}

func (m *bgpModel) fromAPI(b gigahost.BGP) {
	m.ASNs, m.PrefixLists, m.Sessions = []asnModel{}, []prefixListModel{}, []sessionEntry{}
	for _, a := range b.ASNs {
		m.ASNs = append(m.ASNs, asnModel{
			ID: types.Int64Value(int64(a.ID)), ASN: types.StringValue(string(a.ASN)), Name: types.StringValue(string(a.Name)),
			Country: types.StringValue(string(a.Country)), IRRv4: types.StringValue(string(a.IRRv4)), IRRv6: types.StringValue(string(a.IRRv6)),
			IRRUpdated: types.Int64Value(int64(a.IRRUpdated)), Status: types.StringValue(string(a.Status)),
			RejectedReason: types.StringValue(string(a.RejectedReason)),
		})
	}
	for _, p := range b.PrefixLists {
		m.PrefixLists = append(m.PrefixLists, prefixListModel{
			ID: types.Int64Value(int64(p.ID)), ASNID: types.Int64Value(int64(p.ASNID)), Prefix: types.StringValue(string(p.Prefix)),
			PrefixType: types.StringValue(string(p.PrefixType)), Status: types.StringValue(string(p.Status)), YourASN: types.StringValue(string(p.YourASN)),
		})
	}
	for _, s := range gigahost.SortBGPSessions(b.Sessions) {
		m.Sessions = append(m.Sessions, sessionEntry{
			ID: types.StringValue(string(s.ID)), ASNID: types.Int64Value(int64(s.ASNID)), RouterID: types.Int64Value(int64(s.RouterID)),
			ServerID: types.Int64Value(int64(s.ServerID)), IPID: types.Int64Value(int64(s.IPID)), IPType: types.StringValue(familyOf(s)),
			IPAddress: types.StringValue(string(s.IPAddress)), DefaultRoute: types.BoolValue(bool(s.DefaultRoute)), Status: types.StringValue(string(s.Status)),
			NeighborIPv4: types.StringValue(string(s.NeighborIPv4)), NeighborIPv6: types.StringValue(string(s.NeighborIPv6)),
			Multihop: types.BoolValue(bool(s.Multihop)), RouterASN: types.StringValue(string(s.RouterASN)), YourASN: types.StringValue(string(s.YourASN)),
		})
	}
}

// bgpSchema is the schema of the data source.
func bgpSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The account's BGP setup as `GET /bgp` shows it: its ASNs (up to three; the API can submit one for review but not " +
			"withdraw it, so ASNs are no resource), their prefix lists, and every BGP session (manage sessions with `gigahost_bgp_session`). " +
			"The docs do not name the API-key permission category of `/bgp`.",
		Attributes: map[string]schema.Attribute{
			"asns": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The account's ASNs, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":              providerdata.ComputedInt64("The ASN's database id: what `gigahost_bgp_session.asn_id` takes."),
					"asn":             providerdata.ComputedString("The AS number (`asn`), for example `212345`."),
					"name":            providerdata.ComputedString("The ASN's name (`asn_name`)."),
					"country":         providerdata.ComputedString("The ASN's country code (`asn_country`)."),
					"irr_v4":          providerdata.ComputedString("The IRR object (as-set) for IPv4 (`irr_v4`)."),
					"irr_v6":          providerdata.ComputedString("The IRR object (as-set) for IPv6 (`irr_v6`)."),
					"irr_updated":     providerdata.ComputedInt64("When the IRR data was last updated (`irr_updated`), in unix seconds."),
					"status":          providerdata.ComputedString("The ASN's status; sessions need `active`."),
					"rejected_reason": providerdata.ComputedString("Why the ASN was rejected, if it was (`rejected_reason`)."),
				}},
			},
			"prefix_lists": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The prefixes of the ASNs' prefix lists, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          providerdata.ComputedInt64("The entry's id."),
					"asn_id":      providerdata.ComputedInt64("The ASN's database id."),
					"prefix":      providerdata.ComputedString("The prefix, for example `192.0.2.0/24`."),
					"prefix_type": providerdata.ComputedString("The prefix's family (`prefix_type`): `ipv4` or `ipv6`."),
					"status":      providerdata.ComputedString("The entry's status."),
					"your_asn":    providerdata.ComputedString("The AS number of the ASN (`your_asn`)."),
				}},
			},
			"sessions": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Every BGP session of the account, by id (sessions marked for deletion included, until the API removes them).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            providerdata.ComputedString("The session id: what `terraform import gigahost_bgp_session.<name>` takes."),
					"asn_id":        providerdata.ComputedInt64("The ASN's database id."),
					"router_id":     providerdata.ComputedInt64("The Gigahost router (`router_id`)."),
					"server_id":     providerdata.ComputedInt64("The server the address belongs to (`srv_id`)."),
					"ip_id":         providerdata.ComputedInt64("The id of the server's address (`ip_id`)."),
					"ip_type":       providerdata.ComputedString("The session's family: `ipv4` or `ipv6`."),
					"ip_address":    providerdata.ComputedString("The server's address (`ip_address`)."),
					"default_route": providerdata.ComputedBool("Whether the router sends a default route (`defaultroute`)."),
					"status":        providerdata.ComputedString("The session's status."),
					"neighbor_ipv4": providerdata.ComputedString("The router's IPv4 neighbor address."),
					"neighbor_ipv6": providerdata.ComputedString("The router's IPv6 neighbor address."),
					"multihop":      providerdata.ComputedBool("Whether the session is multihop."),
					"router_asn":    providerdata.ComputedString("The router's AS number."),
					"your_asn":      providerdata.ComputedString("The AS number peering."),
				}},
			},
		},
	}
}

// readBGP reads GET /bgp.
func readBGP(ctx context.Context, c *gigahost.Client, m *bgpModel, diags *diag.Diagnostics) {
	b, err := c.GetBGP(ctx)
	if err != nil {
		addAPIError(diags, "Cannot read the Gigahost BGP setup", err)
		return
	}
	m.fromAPI(b)
}
