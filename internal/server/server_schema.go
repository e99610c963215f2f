package server

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Schema implements resource.Resource.
func (r *ServerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keepID := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Gigahost server (cloud VPS or bare metal), ordered with `POST /deploy/servers`, billed until it is destroyed. " +
			"Create blocks until the server is ready; the order id (and the server id, as soon as the deploy status shows it) is saved in " +
			"state before waiting, so a failed or timed-out deploy stays in state (tainted) and `terraform destroy` cancels it. " +
			"Destroy cancels the server with early termination (`POST /servers/{id}/cancel`), which stops billing. " +
			"An order is never repeated blindly: when its answer is lost (a 5xx or a dropped connection), the provider looks for it in the deploy status " +
			"(by the order ids that follow the account's latest order of the last day; without one, by watching the server list for up to a minute) and adopts it, " +
			"orders again only when none shows up (at most 3 orders), and fails naming them when several match. " +
			"A declined card (402) fails with what to do: the API keeps such an order but does not return its id. An order accepted with `pending_payment` or " +
			"`under_review` stays in state with its `order_id` and a null `id` (a warning says so); a later refresh records the server once it is paid or reviewed, " +
			"and destroy refuses while it has no server (the API cannot cancel an order). A server leaves state only when its record shows `srv_deleted` or it is " +
			"missing over several reads.\n\n" +
			"Pick `product_id`, `price_id` and `region_id` with the `gigahost_catalog` data source, and `os_id` with `gigahost_operating_systems`.\n\n" +
			"Not managed here: package upgrades (a purchase), extra IPv4 addresses (the order returns no id and nothing releases one), IPMI and power " +
			"(actions, not state; the provider leaves a server's power as it finds it). Reverse DNS and snapshots have their own resources " +
			"(`gigahost_server_rdns`, `gigahost_server_snapshot`).\n\n" + actionsSection,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Server id (`srv_id`). Null only while a deploy interrupted before the server was assigned is resolved: " +
					"the next refresh or destroy finds the server through the deploy status of `order_id`.",
				PlanModifiers: keepID,
			},
			"order_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Id of the deploy order. Read from the server record after import; null if the record carries none.",
				PlanModifiers:       keepID,
			},
			"product_id": schema.Int64Attribute{
				Required: true, MarkdownDescription: "Product to deploy (`product_id` from `gigahost_catalog`). Changing it replaces the server.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"region_id": schema.Int64Attribute{
				Required: true, MarkdownDescription: "Region to deploy in (`region_id` from `gigahost_catalog`). Changing it replaces the server.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"os_id": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Operating system to install (`os_id` from `gigahost_operating_systems`). Exactly one of `os_id`, `iso_id` and `rescue = true`. " +
					"Changing it from one OS to another **reinstalls the server in place** (same id and addresses, **all data on its disks is erased**, " +
					"a new `root_password`; the plan warns about it and apply waits until the install is done). Switching to or from an ISO or rescue replaces the server.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{replaceUnlessBothSet()},
			},
			"iso_id": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Uploaded ISO to install from (`GET /deploy/isos`). Exactly one of `os_id`, `iso_id` and `rescue = true`. Setting, changing or removing it replaces the server.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{replaceDeployInt64()},
			},
			"rescue": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Boot the new server into rescue mode instead of installing an OS. Exactly one of `os_id`, `iso_id` and `rescue = true`. Changing it replaces the server (unset and `false` are the same).",
				PlanModifiers:       []planmodifier.Bool{replaceDeployBool()},
			},
			"price_id": schema.Int64Attribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Price of the product (`price_id` from `gigahost_catalog`). When unset, the product's price id is taken from the catalog " +
					"(after checking that the product deploys in the region and can be billed per `billing_period`). Changing it to another price replaces the server; " +
					"removing it from the configuration keeps the price in state.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(),
					replaceDeployInt64()},
			},
			"billing_period": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("hourly"),
				MarkdownDescription: "`hourly` (default, pay as you go), `monthly`, `quarterly` or `annual`. Changing it replaces the server.",
				Validators:          []validator.String{stringvalidator.OneOf("hourly", "monthly", "quarterly", "annual")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"hostname": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Host name requested at deploy (RFC 1123: labels of letters, digits and hyphens, at most 253 characters). " +
					"The API does not report it back reliably, so it is not refreshed. Setting, changing or removing it replaces the server. After import it is taken from the " +
					"server's name, and until the first apply that updates the server a different configured value is adopted in place without replacing it.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 253),
					stringvalidator.RegexMatches(hostnameRE, "must be a host name: dot-separated labels of letters, digits and hyphens (1 to 63 characters each, no leading or trailing hyphen)"),
				},
				PlanModifiers: []planmodifier.String{replaceDeployString()},
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Descriptive name (`srv_name`). Updated in place. When unset, the API's name (the hostname, or `srv<id>.gigahost.no`).",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"ssh_key_ids": schema.SetAttribute{
				ElementType: types.Int64Type, Optional: true,
				MarkdownDescription: "Ids of your SSH keys to authorise on the new server. With keys, the API shows no root password. " +
					"Adding, changing or removing keys replaces the server (unset and an empty set are the same). " +
					"Not readable from the API: null after import, and until the first apply that updates the server the configured value is adopted without replacement.",
				Validators:    []validator.Set{setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
				PlanModifiers: []planmodifier.Set{replaceDeploySet()},
			},
			"backups": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Enable backups (adds 25% to the price). Default `false`. Changing it replaces the server. " +
					"The API does not report it back (the record's `srv_feature_backups` is not documented as the ordered option), so it is not refreshed: " +
					"after import it is unknown to Terraform and the configured value is adopted without replacement.",
				PlanModifiers: []planmodifier.Bool{replaceDeployBool()},
			},
			"ipv4": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Primary IPv4 address.",
				PlanModifiers: keepID,
			},
			"ipv6": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Primary IPv6 address (the deploy-time value is kept when the server record omits it).",
				PlanModifiers: keepID,
			},
			"root_password": schema.StringAttribute{
				Computed: true, Sensitive: true,
				MarkdownDescription: "Root password shown while the server installed (null when SSH keys were given, and after import). Changes on reinstall.",
				PlanModifiers:       keepID,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true,
				CreateDescription: "How long to wait for the deploy to be ready (default 60m).",
				UpdateDescription: "How long to wait for a reinstall (default 60m).",
				DeleteDescription: "How long to wait for the cancellation (default 20m).",
			}),
		},
	}
}
