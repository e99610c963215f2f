package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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

// Data source type names.
const (
	ServersDataSourceType = "gigahost_servers"
	ServerDataSourceType  = "gigahost_server"
)

// serverEntryModel is one server: an element of gigahost_servers.servers,
// and the whole gigahost_server data source.
type serverEntryModel struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	Hostname  types.String `tfsdk:"hostname"`
	Type      types.String `tfsdk:"type"`
	IPv4      types.String `tfsdk:"ipv4"`
	IPv6      types.String `tfsdk:"ipv6"`
	ProductID types.Int64  `tfsdk:"product_id"`
	RegionID  types.Int64  `tfsdk:"region_id"`
	OSID      types.Int64  `tfsdk:"os_id"`
	OrderID   types.String `tfsdk:"order_id"`
	Cancelled types.Bool   `tfsdk:"cancelled"`
}

// serverEntryFromAPI converts a server record; a number the record does not
// carry (0: GET /servers items may have no order or datacenter) is null.
func serverEntryFromAPI(s gigahost.Server) serverEntryModel {
	orNull := func(n int64) types.Int64 {
		if n == 0 {
			return types.Int64Null()
		}
		return types.Int64Value(n)
	}
	orderID := types.StringNull()
	if s.Order.OrderID != 0 {
		orderID = types.StringValue(strconv.FormatInt(int64(s.Order.OrderID), 10))
	}
	ipv6 := types.StringNull()
	if v := s.IPv6(); v != "" {
		ipv6 = types.StringValue(v)
	}
	return serverEntryModel{
		ID: types.StringValue(strconv.FormatInt(int64(s.ID), 10)), Name: types.StringValue(s.DisplayName()),
		Hostname: types.StringValue(s.HostName()), Type: types.StringValue(string(s.Type)),
		IPv4: types.StringValue(s.IPv4()), IPv6: ipv6,
		ProductID: orNull(s.ProductIDOf()), RegionID: orNull(int64(s.Datacenter.RegionID)), OSID: orNull(int64(s.OSID)),
		OrderID: orderID, Cancelled: types.BoolValue(s.Gone()),
	}
}

// serverAttrDescriptions describe a server's attributes, in both data sources.
var serverAttrDescriptions = map[string]string{
	"id":         "The server id (`srv_id`), as `gigahost_server.id` holds it.",
	"name":       "The descriptive name (a name set in `srv_label`, else `srv_name`), as `gigahost_server.name` reads it.",
	"hostname":   "The host name: `srv_hostname`, or `srv_name` when it is empty (live records keep the ordered host name there).",
	"type":       "`srv_type`: `vps` for virtual servers, `dedicated` for bare metal.",
	"ipv4":       "The primary IPv4 address.",
	"ipv6":       "The primary IPv6 address; null when the record omits it (it sometimes does).",
	"product_id": "The product (from the server's order); null when the record does not carry it.",
	"region_id":  "The region (`datacenter.region_id`); null when the record does not carry it.",
	"os_id":      "The installed operating system.",
	"order_id":   "The order that created the server; null when the record does not carry it.",
	"cancelled":  "Whether the record shows the server cancelled or deleted (`srv_deleted`, or `cancelled` set; an order status of `cancelled` alone is not taken as such, since the docs show it on a live server).",
}

func serverItemSchema() map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for name, desc := range serverAttrDescriptions {
		switch name {
		case "product_id", "region_id", "os_id":
			out[name] = providerdata.ComputedInt64(desc)
		case "cancelled":
			out[name] = providerdata.ComputedBool(desc)
		default:
			out[name] = providerdata.ComputedString(desc)
		}
	}
	return out
}

// NewServersDataSource returns the gigahost_servers data source.
func NewServersDataSource() datasource.DataSource {
	return providerdata.NewListDataSource(providerdata.ListSpec[gigahost.Client, gigahost.Server, serverEntryModel]{
		TypeName: ServersDataSourceType,
		Description: "Lists the Gigahost account's servers (`GET /servers`), by id, optionally filtered by name, host name and type. " +
			"Cancelled and deleted servers are left out unless `include_cancelled = true`. The live API sometimes leaves a live " +
			"server out of its list for tens of seconds; a list read at such a moment lacks it (use `gigahost_server` to find one server: it reads again before it gives up).",
		Client: providerdata.GigahostClient,
		List: func(c *gigahost.Client, ctx context.Context) ([]gigahost.Server, error) {
			servers, err := c.ListServers(ctx)
			slices.SortFunc(servers, func(a, b gigahost.Server) int { return cmp.Compare(a.ID, b.ID) })
			return servers, err
		},
		ListError: "Cannot list the Gigahost servers",
		Filters: []providerdata.ListFilter[gigahost.Server]{
			{Attribute: "name_regex", Match: providerdata.MatchRegex, Field: func(s gigahost.Server) string { return s.DisplayName() },
				Description: "Keep only servers whose descriptive name (`name`) matches this regular expression (RE2 syntax), such as `^web-`."},
			{Attribute: "hostname_regex", Match: providerdata.MatchRegex, Field: func(s gigahost.Server) string { return s.HostName() },
				Description: "Keep only servers whose host name matches this regular expression (RE2 syntax), such as `\\.example\\.com$`."},
			{Attribute: "type", Match: providerdata.MatchFold, Field: func(s gigahost.Server) string { return string(s.Type) },
				Validators:  []validator.String{stringvalidator.OneOfCaseInsensitive("vps", "dedicated")},
				Description: "Keep only servers of this `srv_type`: `vps` or `dedicated`."},
		},
		Toggles: []providerdata.ListToggle[gigahost.Server]{{
			Attribute:   "include_cancelled",
			Description: "Also list servers the records show cancelled or deleted (see `cancelled`). Default false.",
			Hidden:      func(s gigahost.Server) bool { return s.Gone() },
		}},
		Attribute: "servers", AttributeDescription: "The matching servers, by id.",
		Item:    serverItemSchema(),
		Convert: serverEntryFromAPI,
		Derived: map[string]providerdata.Derived[serverEntryModel]{"ids": {
			Schema: schema.ListAttribute{ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The ids of the matching servers, in the order of `servers`."},
			Value: func(servers []serverEntryModel) any {
				ids := make([]types.String, 0, len(servers))
				for _, s := range servers {
					ids = append(ids, s.ID)
				}
				return ids
			},
		}},
	})
}

// NewServerDataSource returns the gigahost_server data source: one server,
// by id, host name or name.
func NewServerDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, serverEntryModel]{
		TypeName: ServerDataSourceType,
		Schema:   serverDataSourceSchema(),
		ConfigValidators: []datasource.ConfigValidator{
			datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("hostname"), path.MatchRoot("name")),
		},
		Client: providerdata.GigahostClient,
		Read: func(ctx context.Context, c *gigahost.Client, m *serverEntryModel, diags *diag.Diagnostics) {
			srv, ok := findServer(ctx, c, *m, diags)
			if ok {
				*m = serverEntryFromAPI(srv)
			}
		},
	})
}

func serverDataSourceSchema() schema.Schema {
	attrs := serverItemSchema()
	for _, key := range []string{"id", "hostname", "name"} {
		attrs[key] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			MarkdownDescription: serverAttrDescriptions[key] + " One of `id`, `hostname` and `name` selects the server."}
	}
	return schema.Schema{
		MarkdownDescription: "One Gigahost server, by `id`, by `hostname` (without case) or by `name` (either name field). " +
			"Cancelled and deleted servers are not found by name. None or several matching servers is an error that says so. " +
			"A server missing from the API's answers is looked for again over several reads first: the live API sometimes " +
			"omits a live server for tens of seconds.",
		Attributes: attrs,
	}
}

// findServer finds the one server the configuration selects.
func findServer(ctx context.Context, c *gigahost.Client, m serverEntryModel, diags *diag.Diagnostics) (gigahost.Server, bool) {
	if !m.ID.IsNull() {
		id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
		if err != nil {
			diags.AddAttributeError(path.Root("id"), "Invalid server id", fmt.Sprintf("id must be a server id (digits), got %q.", m.ID.ValueString()))
			return gigahost.Server{}, false
		}
		srv, err := c.ConfirmServer(ctx, id)
		switch {
		case err != nil:
			tfutil.AddAPIError(diags, fmt.Sprintf("Cannot read Gigahost server %d", id), err)
		case srv == nil:
			diags.AddError("No such server", fmt.Sprintf("No Gigahost server has the id %d (it is missing or deleted, confirmed over several reads).", id))
		default:
			return *srv, true
		}
		return gigahost.Server{}, false
	}
	hostname, name := m.Hostname.ValueString(), m.Name.ValueString()
	what := fmt.Sprintf("the name %q", name)
	if hostname != "" {
		what = fmt.Sprintf("the host name %q", hostname)
	}
	hits, err := c.MatchServers(ctx, func(s *gigahost.Server) bool { return gigahost.ServerNamed(s, hostname, name) })
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list the Gigahost servers", err)
		return gigahost.Server{}, false
	}
	switch len(hits) {
	case 0:
		diags.AddError("No such server", fmt.Sprintf("No Gigahost server that is not cancelled has %s (the list was read several times).", what))
	case 1:
		return hits[0], true
	default:
		ids := make([]string, 0, len(hits))
		for _, s := range hits {
			ids = append(ids, strconv.FormatInt(int64(s.ID), 10))
		}
		diags.AddError("Several servers match", fmt.Sprintf("%d Gigahost servers have %s (ids %s): select one by id.", len(hits), what, strings.Join(ids, ", ")))
	}
	return gigahost.Server{}, false
}
