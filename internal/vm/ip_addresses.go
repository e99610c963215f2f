package vm

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// The VM's addresses: ip_addresses, ipv4_address and ipv6_address, read
// from GET .../virtual_machine/{id}/ip_addresses on every refresh (one
// request per VM) and after a create; an update keeps them.

// ipAddressModel is one item of ip_addresses.
type ipAddressModel struct {
	Address     types.String `tfsdk:"address"`
	Version     types.Int64  `tfsdk:"version"`
	Netmask     types.String `tfsdk:"netmask"`
	Gateway     types.String `tfsdk:"gateway"`
	NetworkID   types.String `tfsdk:"network_id"`
	InterfaceID types.String `tfsdk:"interface_id"`
	Public      types.Bool   `tfsdk:"public"`
}

var ipAddressAttrTypes = map[string]attr.Type{
	"address": types.StringType, "version": types.Int64Type, "netmask": types.StringType, "gateway": types.StringType,
	"network_id": types.StringType, "interface_id": types.StringType, "public": types.BoolType,
}

// ipItemDescriptions describe the elements of ip_addresses, in the
// resource and in the gigas_virtual_machine data source.
var ipItemDescriptions = map[string]string{
	"address":      "The address, as the API writes it.",
	"version":      "4 or 6, from the address itself.",
	"netmask":      "The netmask, as the API writes it. Null when the API's list does not carry it.",
	"gateway":      "The gateway. Null when the API's list does not carry it.",
	"network_id":   "The network the address belongs to. Null when the API's list does not carry it.",
	"interface_id": "The VM's network interface that carries the address. Null when the API's list does not carry it.",
	"public":       "Whether the address is on a public network. Null when the API's list does not carry it.",
}

const (
	ipAddressesDescription = "Every IP address assigned to the VM, in the order of the API's list " +
		"(`GET .../virtual_machine/{id}/ip_addresses`), read on every refresh. "
	ipv4Description = "The VM's IPv4 address, for DNS records and connections: the only public IPv4 address in `ip_addresses` " +
		"(or the only IPv4 address, when the list does not say which are public). The API's docs do not say which address is primary, " +
		"so when there are several candidates this is null rather than a guess: pick one from `ip_addresses` then."
	ipv6Description = "The VM's IPv6 address, chosen as `ipv4_address` is; null when the VM has none or several."
)

// ipAddressSchema is the resource schema of ip_addresses, ipv4_address and ipv6_address.
func ipAddressSchema() map[string]schema.Attribute {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	item := map[string]schema.Attribute{}
	for name, typ := range ipAddressAttrTypes {
		d := ipItemDescriptions[name]
		switch typ {
		case types.Int64Type:
			item[name] = schema.Int64Attribute{Computed: true, MarkdownDescription: d}
		case types.BoolType:
			item[name] = schema.BoolAttribute{Computed: true, MarkdownDescription: d}
		default:
			item[name] = schema.StringAttribute{Computed: true, MarkdownDescription: d}
		}
	}
	return map[string]schema.Attribute{
		"ip_addresses": schema.ListNestedAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			MarkdownDescription: ipAddressesDescription + "An update keeps the known list; the next refresh shows any change. " +
				"When the API's answer cannot be read, a warning says so and the previous list is kept.",
			NestedObject: schema.NestedAttributeObject{Attributes: item},
		},
		"ipv4_address": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: ipv4Description},
		"ipv6_address": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: ipv6Description},
	}
}

// fromIPs copies the VM's addresses.
func (m *vmModel) fromIPs(ctx context.Context, ips []gigas.IPAddress) diag.Diagnostics {
	var diags diag.Diagnostics
	m.IPAddresses, m.IPv4Address, m.IPv6Address, diags = addressValues(ctx, ips)
	return diags
}

// addressValues are the values of ip_addresses, ipv4_address and ipv6_address.
func addressValues(ctx context.Context, ips []gigas.IPAddress) (list types.List, v4, v6 types.String, diags diag.Diagnostics) {
	items := make([]ipAddressModel, 0, len(ips))
	optional := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	for _, a := range ips {
		item := ipAddressModel{
			Address: types.StringValue(a.Address), Version: types.Int64Value(a.Version),
			Netmask: optional(a.Netmask), Gateway: optional(a.Gateway),
			NetworkID: optional(a.NetworkID), InterfaceID: optional(a.InterfaceID),
			Public: types.BoolPointerValue(a.Public),
		}
		items = append(items, item)
	}
	list, diags = types.ListValueFrom(ctx, types.ObjectType{AttrTypes: ipAddressAttrTypes}, items)
	return list, optional(gigas.PrimaryAddress(ips, 4)), optional(gigas.PrimaryAddress(ips, 6)), diags
}

// keepIPs is the defence when the address list cannot be read: the prior
// values stay, and unknown ones become null.
func (m *vmModel) keepIPs() {
	if m.IPAddresses.IsUnknown() {
		m.IPAddresses = types.ListNull(types.ObjectType{AttrTypes: ipAddressAttrTypes})
	}
	if m.IPv4Address.IsUnknown() {
		m.IPv4Address = types.StringNull()
	}
	if m.IPv6Address.IsUnknown() {
		m.IPv6Address = types.StringNull()
	}
}

// readIPs reads the VM's addresses into m. A failure is a warning: the VM
// itself was read, and its addresses keep their prior values.
func readIPs(ctx context.Context, c *gigas.Client, m *vmModel, diags *diag.Diagnostics) {
	ips, err := c.IPAddresses(ctx, m.ID.ValueString())
	if err != nil {
		m.keepIPs()
		diags.AddWarning("Cannot read the Gigas VM's IP addresses",
			fmt.Sprintf("VM %s: %v. ip_addresses, ipv4_address and ipv6_address keep their previous values (null if none).", m.ID.ValueString(), err))
		return
	}
	diags.Append(m.fromIPs(ctx, ips)...)
}
