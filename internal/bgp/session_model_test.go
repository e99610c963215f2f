package bgp

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestParity(t *testing.T) {
	t.Parallel()
	parity.AssertResource(t, NewSessionResource(), sessionModel{})
	parity.AssertDataSource(t, NewBGPDataSource(), bgpModel{})
}

func TestSessionModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	list := []gigahost.BGPSession{
		{ID: "1", ASNID: 1, IPID: 7795, IPType: "ipv4", RouterID: 1, Status: "active"},
		{ID: "12", ASNID: 1, IPID: 7796, IPType: "ipv6", RouterID: 2, ServerID: 3523, DefaultRoute: true, Status: "active"},
		{ID: "9", ASNID: 1, IPID: 7796, IPType: "ipv6", RouterID: 1, ServerID: 3523, DefaultRoute: true, Status: "active"},
		{ID: "10", ASNID: 2, IPID: 7796, IPType: "ipv6", RouterID: 1},
	}
	// An import: the session and its sibling on the other router, by id.
	group := findGroup(list, []string{"12"}, true)
	if len(group) != 2 || group[0].ID != "9" || group[1].ID != "12" {
		t.Fatalf("imported group = %+v", group)
	}
	m := sessionModel{ID: types.StringValue("12")}
	if diags := m.fromAPI(group); diags.HasError() {
		t.Fatal(diags)
	}
	if m.ID.ValueString() != "12" || !m.Redundant.ValueBool() || m.IPType.ValueString() != "ipv6" || !m.DefaultRoute.ValueBool() || m.ServerID.ValueInt64() != 3523 {
		t.Errorf("fromAPI = %+v", m)
	}
	ids, diags := m.sessionIDs(ctx)
	if diags.HasError() || len(ids) != 2 || ids[0] != "9" || ids[1] != "12" {
		t.Errorf("sessionIDs = %v, %v", ids, diags)
	}
	// A read: only the sessions in state, never a sibling made elsewhere.
	if g := findGroup(list, []string{"9"}, false); len(g) != 1 {
		t.Errorf("read group = %+v", g)
	}
	// The configured redundant is kept when one router is left.
	m.Redundant = types.BoolValue(true)
	_ = m.fromAPI(group[:1])
	if !m.Redundant.ValueBool() {
		t.Error("redundant not kept")
	}
	in := sessionModel{ASNID: types.Int64Value(1), IPID: types.Int64Value(7796), IPType: types.StringValue("ipv6"), Redundant: types.BoolValue(true), DefaultRoute: types.BoolValue(false)}.toAPI()
	if in != (gigahost.BGPSessionInput{ASNID: 1, IPID: 7796, IPv6: true, Redundant: true}) {
		t.Errorf("toAPI = %+v", in)
	}
}
