package server

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// rdnsModel is the gigahost_server_rdns resource's state.
type rdnsModel struct {
	ID         types.String `tfsdk:"id"`
	ServerID   types.String `tfsdk:"server_id"`
	IPAddress  types.String `tfsdk:"ip_address"`
	IPv6Subnet types.String `tfsdk:"ipv6_subnet"`
	PTR        types.String `tfsdk:"ptr"`
	PTRBefore  types.String `tfsdk:"ptr_before"`
}

// target is the address or subnet the entry is on, as configured.
func (m rdnsModel) target() (gigahost.ReverseTarget, error) {
	if !m.IPAddress.IsNull() {
		return gigahost.ParseReverseTarget(m.IPAddress.ValueString())
	}
	return gigahost.ParseReverseTarget(m.IPv6Subnet.ValueString())
}

// targetText is the configured address or subnet, as written.
func (m rdnsModel) targetText() string {
	if !m.IPAddress.IsNull() {
		return m.IPAddress.ValueString()
	}
	return m.IPv6Subnet.ValueString()
}

// serverID is server_id as a number (the schema makes sure it is one).
func (m rdnsModel) serverID() int64 {
	n, _ := strconv.ParseInt(m.ServerID.ValueString(), 10, 64)
	return n
}

// setID sets id to <server_id>/<ip_address or ipv6_subnet>.
func (m *rdnsModel) setID() {
	m.ID = types.StringValue(m.ServerID.ValueString() + "/" + m.targetText())
}

// fromAPI takes the name the record shows. A name that is the configured
// one in another form (case, trailing dot: SameReverse) keeps the
// configured form; an empty delegation of an IPv6 subnet keeps the prior
// value, since the record may not show delegations at all.
func (m *rdnsModel) fromAPI(shown string) {
	switch {
	case !m.PTR.IsNull() && gigahost.SameReverse(m.PTR.ValueString(), shown):
	case shown == "" && !m.IPv6Subnet.IsNull() && !m.PTR.IsNull():
	default:
		m.PTR = types.StringValue(shown)
	}
}

// parseRDNSImportID reads <server_id>/<ip_address> or
// <server_id>/<ipv6_subnet> (the subnet carries a slash of its own).
func parseRDNSImportID(id string) (rdnsModel, error) {
	serverID, rest, ok := strings.Cut(id, "/")
	var m rdnsModel
	if !ok || !numericRE.MatchString(serverID) {
		return m, fmt.Errorf("import id %q is not of the form <server_id>/<ip_address> or <server_id>/<ipv6_subnet>, such as 18856/193.200.238.21 or 18856/2a03:94e0:190e::/48", id)
	}
	t, err := gigahost.ParseReverseTarget(rest)
	if err != nil {
		return m, fmt.Errorf("import id %q: %w", id, err)
	}
	m.ServerID = types.StringValue(serverID)
	m.IPAddress, m.IPv6Subnet = types.StringNull(), types.StringNull()
	if t.IPv4.IsValid() {
		m.IPAddress = types.StringValue(rest)
	} else {
		m.IPv6Subnet = types.StringValue(rest)
	}
	m.PTR, m.PTRBefore = types.StringNull(), types.StringNull()
	m.setID()
	return m, nil
}

var (
	numericRE = regexp.MustCompile(`^[0-9]+$`)
	// ptrRE is a host name: labels of letters, digits and hyphens, not
	// starting or ending with a hyphen, with an optional trailing dot.
	ptrRE = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+\.?$`)
)

// stringCheck is a plan-time string validator from a function that returns
// what is wrong ("" when nothing is).
type stringCheck struct {
	desc  string
	check func(string) string
}

func (v stringCheck) Description(context.Context) string             { return v.desc }
func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.check(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf("%s %s.", req.Path, msg))
	}
}

// ipv4Address accepts an IPv4 address in dotted form.
var ipv4Address = stringCheck{desc: "must be an IPv4 address", check: func(s string) string {
	if a, err := netip.ParseAddr(s); err != nil || !a.Is4() {
		return fmt.Sprintf("must be an IPv4 address such as 193.200.238.21, got %q (the reverse DNS of IPv6 is set per subnet, with ipv6_subnet)", s)
	}
	return ""
}}

// ipv6Subnet accepts an IPv6 network in CIDR form, without host bits.
var ipv6Subnet = stringCheck{desc: "must be an IPv6 subnet in CIDR form", check: func(s string) string {
	p, err := netip.ParsePrefix(s)
	switch {
	case err != nil || !p.Addr().Is6() || p.Addr().Is4In6():
		return fmt.Sprintf("must be an IPv6 subnet in CIDR form such as 2a03:94e0:190e::/48, got %q", s)
	case p.Masked() != p:
		return fmt.Sprintf("must be the subnet's network address, %s, not %q", p.Masked(), s)
	}
	return ""
}}
