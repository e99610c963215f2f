package bgp

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// IP families, as ip_type takes them and GET /bgp shows them.
const (
	familyIPv4 = "ipv4"
	familyIPv6 = "ipv6"
)

// sessionModel is the gigahost_bgp_session resource's state: the sessions
// of one address, one per router.
type sessionModel struct {
	ID           types.String   `tfsdk:"id"`
	ASNID        types.Int64    `tfsdk:"asn_id"`
	IPID         types.Int64    `tfsdk:"ip_id"`
	IPType       types.String   `tfsdk:"ip_type"`
	Redundant    types.Bool     `tfsdk:"redundant"`
	DefaultRoute types.Bool     `tfsdk:"default_route"`
	ServerID     types.Int64    `tfsdk:"server_id"`
	IPAddress    types.String   `tfsdk:"ip_address"`
	YourASN      types.String   `tfsdk:"your_asn"`
	Sessions     types.List     `tfsdk:"sessions"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// routerSessionModel is one session of the resource: the address on one router.
type routerSessionModel struct {
	ID           types.String `tfsdk:"id"`
	RouterID     types.Int64  `tfsdk:"router_id"`
	RouterASN    types.String `tfsdk:"router_asn"`
	NeighborIPv4 types.String `tfsdk:"neighbor_ipv4"`
	NeighborIPv6 types.String `tfsdk:"neighbor_ipv6"`
	Multihop     types.Bool   `tfsdk:"multihop"`
	Status       types.String `tfsdk:"status"`
}

var routerSessionType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"id": types.StringType, "router_id": types.Int64Type, "router_asn": types.StringType,
	"neighbor_ipv4": types.StringType, "neighbor_ipv6": types.StringType, "multihop": types.BoolType, "status": types.StringType,
}}

func familyOf(s gigahost.BGPSession) string {
	if s.IPv6() {
		return familyIPv6
	}
	return familyIPv4
}

// toAPI is the create's input.
func (m sessionModel) toAPI() gigahost.BGPSessionInput {
	return gigahost.BGPSessionInput{
		ASNID: m.ASNID.ValueInt64(), IPID: m.IPID.ValueInt64(), IPv6: m.IPType.ValueString() == familyIPv6,
		Redundant: m.Redundant.ValueBool(), DefaultRoute: m.DefaultRoute.ValueBool(),
	}
}

// fromAPI sets the model from the resource's sessions, sorted by id (at
// least one). The id stays what it was (the first session's id when the
// resource was created or imported). redundant is what was configured (GET
// /bgp does not show it, and a redundant create may find one router only);
// after an import it is whether there is more than one session.
func (m *sessionModel) fromAPI(group []gigahost.BGPSession) diag.Diagnostics {
	first := group[0]
	if m.ID.IsNull() || m.ID.IsUnknown() {
		m.ID = types.StringValue(string(first.ID))
	}
	if m.Redundant.IsNull() || m.Redundant.IsUnknown() {
		m.Redundant = types.BoolValue(len(group) > 1)
	}
	m.ASNID = types.Int64Value(int64(first.ASNID))
	m.IPID = types.Int64Value(int64(first.IPID))
	m.IPType = types.StringValue(familyOf(first))
	m.DefaultRoute = types.BoolValue(bool(first.DefaultRoute))
	m.ServerID = types.Int64Value(int64(first.ServerID))
	m.IPAddress = types.StringValue(string(first.IPAddress))
	m.YourASN = types.StringValue(string(first.YourASN))
	routers := make([]routerSessionModel, len(group))
	for i, s := range group {
		routers[i] = routerSessionModel{
			ID: types.StringValue(string(s.ID)), RouterID: types.Int64Value(int64(s.RouterID)), RouterASN: types.StringValue(string(s.RouterASN)),
			NeighborIPv4: types.StringValue(string(s.NeighborIPv4)), NeighborIPv6: types.StringValue(string(s.NeighborIPv6)),
			Multihop: types.BoolValue(bool(s.Multihop)), Status: types.StringValue(string(s.Status)),
		}
	}
	var diags diag.Diagnostics
	m.Sessions, diags = types.ListValueFrom(context.Background(), routerSessionType, routers)
	return diags
}

// sessionIDs are the ids of the resource's sessions: those in sessions, and
// the resource's id.
func (m sessionModel) sessionIDs(ctx context.Context) ([]string, diag.Diagnostics) {
	var ids []string
	if !m.Sessions.IsNull() && !m.Sessions.IsUnknown() {
		var routers []routerSessionModel
		if diags := m.Sessions.ElementsAs(ctx, &routers, false); diags.HasError() {
			return nil, diags
		}
		for _, r := range routers {
			ids = append(ids, r.ID.ValueString())
		}
	}
	if id := m.ID.ValueString(); id != "" && !slices.Contains(ids, id) {
		ids = append(ids, id)
	}
	return ids, nil
}

// findGroup finds the resource's sessions in the list. imported is a state
// with only an id: then every session of the same ASN, address and family
// as that one belongs to it.
func findGroup(list []gigahost.BGPSession, ids []string, imported bool) []gigahost.BGPSession {
	var group []gigahost.BGPSession
	for _, s := range list {
		if slices.Contains(ids, string(s.ID)) {
			group = append(group, s)
		}
	}
	if imported && len(group) == 1 {
		first := group[0]
		for _, s := range list {
			if s.ID != first.ID && s.ASNID == first.ASNID && s.IPID == first.IPID && s.IPv6() == first.IPv6() {
				group = append(group, s)
			}
		}
	}
	return gigahost.SortBGPSessions(group)
}
