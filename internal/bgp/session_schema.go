package bgp

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema implements resource.Resource.
func (r *SessionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keepString := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	replaceInt := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	replaceBool := []planmodifier.Bool{boolplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The BGP sessions of one IP address of a Gigahost server: one address family (`ip_type`), on one of " +
			"Gigahost's routers, or with `redundant` on every router the API finds available in the server's datacenter. " +
			"`POST /bgp/{asn_id}/session` can create the sessions of an IPv4 and an IPv6 address at once; this resource always sends one " +
			"address, so declare one resource per address (family) to peer over both.\n\n" +
			"The ASN must be approved (`active`): submit it in the control panel or with `POST /bgp/asn`. The ASN is no resource: the API " +
			"cannot withdraw one (support removes it), so Terraform could not destroy it. Read ASNs, prefix lists and sessions with the " +
			"`gigahost_bgp` data source.\n\n" +
			"The API cannot change a session: every change replaces it. The API answers a create without ids: the sessions are found in " +
			"`GET /bgp` (an address that already has a session is refused with \"IPv4 session exists already.\": import it instead). " +
			"A deletion is only marked by the API and carried out later: destroy waits until `GET /bgp` no longer lists the sessions " +
			"(`timeouts.delete`); a wait that ends first leaves the resource in state, for the next destroy. " +
			"Import with a session id: every session of the same ASN, address and family is taken in.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The session id (`id` of `GET /bgp` sessions); with several routers, the lowest.",
				PlanModifiers:       keepString,
			},
			"asn_id": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: "The ASN's database id (`id` of an entry of `gigahost_bgp.asns`), not the AS number. The ASN must be `active`. " +
					"Changing it replaces the sessions.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: replaceInt,
			},
			"ip_id": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: "The id of the server's IP address to peer from (`ip_id` of the server's `ips` in `GET /servers/{id}`), " +
					"of the family `ip_type`. Changing it replaces the sessions.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: replaceInt,
			},
			"ip_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The family of `ip_id`: `ipv4` (sent as `ip_id_v4`) or `ipv6` (sent as `ip_id_v6`). Changing it replaces the sessions.",
				Validators:          []validator.String{stringvalidator.OneOf(familyIPv4, familyIPv6)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"redundant": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Peer with every available router (`redundant = 1`) rather than one. Default `false`. `GET /bgp` does not show it: " +
					"the configured value is kept (after an import: whether there is more than one session). Changing it replaces the sessions.",
				PlanModifiers: replaceBool,
			},
			"default_route": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Receive a default route from the routers (`defaultroute`). Default `false`. Changing it replaces the sessions.",
				PlanModifiers:       replaceBool,
			},
			"server_id": schema.Int64Attribute{
				Computed: true, MarkdownDescription: "The server the address belongs to (`srv_id`).", PlanModifiers: keepInt,
			},
			"ip_address": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The address itself (`ip_address`).", PlanModifiers: keepString,
			},
			"your_asn": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The AS number peering (`your_asn`).", PlanModifiers: keepString,
			},
			"sessions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The sessions, one per router, by id.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The session id."},
					"router_id":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The Gigahost router (`router_id`)."},
					"router_asn":    schema.StringAttribute{Computed: true, MarkdownDescription: "The router's AS number (`router_asn`)."},
					"neighbor_ipv4": schema.StringAttribute{Computed: true, MarkdownDescription: "The router's IPv4 neighbor address (`neighbor_ipv4`)."},
					"neighbor_ipv6": schema.StringAttribute{Computed: true, MarkdownDescription: "The router's IPv6 neighbor address (`neighbor_ipv6`)."},
					"multihop":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the session is multihop (`multihop`)."},
					"status":        schema.StringAttribute{Computed: true, MarkdownDescription: "The session's status (`active` once set up)."},
				}},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true,
				CreateDescription: "How long the create may take, including finding the sessions after a lost answer (default 5m).",
				DeleteDescription: "How long to wait for the API to carry out the deletion (default 15m).",
			}),
		},
	}
}
