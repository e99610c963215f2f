package server

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// serverModel is the gigahost_server resource's data.
type serverModel struct {
	ID            types.String   `tfsdk:"id"`
	OrderID       types.String   `tfsdk:"order_id"`
	ProductID     types.Int64    `tfsdk:"product_id"`
	RegionID      types.Int64    `tfsdk:"region_id"`
	OSID          types.Int64    `tfsdk:"os_id"`
	ISOID         types.Int64    `tfsdk:"iso_id"`
	Rescue        types.Bool     `tfsdk:"rescue"`
	PriceID       types.Int64    `tfsdk:"price_id"`
	BillingPeriod types.String   `tfsdk:"billing_period"`
	Hostname      types.String   `tfsdk:"hostname"`
	Name          types.String   `tfsdk:"name"`
	SSHKeyIDs     types.Set      `tfsdk:"ssh_key_ids"`
	Backups       types.Bool     `tfsdk:"backups"`
	IPv4          types.String   `tfsdk:"ipv4"`
	IPv6          types.String   `tfsdk:"ipv6"`
	RootPassword  types.String   `tfsdk:"root_password"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

// serverID is the server id in state, 0 while it is not known.
func (m *serverModel) serverID() int64 { return parseID(m.ID) }

// orderID is the order id in state, 0 when not known (imported servers
// whose record carries no order).
func (m *serverModel) orderID() int64 { return parseID(m.OrderID) }

func parseID(v types.String) int64 {
	if v.IsNull() || v.IsUnknown() {
		return 0
	}
	n, err := strconv.ParseInt(v.ValueString(), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func idString(id int64) types.String {
	if id == 0 {
		return types.StringNull()
	}
	return types.StringValue(strconv.FormatInt(id, 10))
}

// toDeploy is the deploy order for this configuration; priceID is the
// configured price_id or the one found in the catalog.
func (m *serverModel) toDeploy(ctx context.Context, priceID int64) (gigahost.DeployInput, diag.Diagnostics) {
	in := gigahost.DeployInput{
		ProductID:     m.ProductID.ValueInt64(),
		PriceID:       priceID,
		RegionID:      m.RegionID.ValueInt64(),
		OSID:          m.OSID.ValueInt64(),
		ISOID:         m.ISOID.ValueInt64(),
		Rescue:        m.Rescue.ValueBool(),
		BillingPeriod: m.BillingPeriod.ValueString(),
		Quantity:      1,
		Backups:       m.Backups.ValueBool(),
	}
	if h := m.Hostname.ValueString(); h != "" {
		in.Hostnames = []string{h}
	}
	var diags diag.Diagnostics
	if !m.SSHKeyIDs.IsNull() && !m.SSHKeyIDs.IsUnknown() {
		diags = m.SSHKeyIDs.ElementsAs(ctx, &in.SSHKeyIDs, false)
	}
	return in, diags
}

// unknownsToNull makes every computed value known before a partial state is
// written (Terraform refuses unknown values in state).
func (m *serverModel) unknownsToNull() {
	for _, s := range []*types.String{&m.ID, &m.OrderID, &m.Name, &m.IPv4, &m.IPv6, &m.RootPassword, &m.BillingPeriod} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.PriceID.IsUnknown() {
		m.PriceID = types.Int64Null()
	}
	if m.Backups.IsUnknown() {
		m.Backups = types.BoolValue(false)
	}
}

// applyDeploy records what the deploy status showed: the server id, the
// addresses and the root password (shown only while installing).
func (m *serverModel) applyDeploy(out *gigahost.DeployOutcome) {
	if out == nil {
		return
	}
	if out.ServerID != 0 {
		m.ID = idString(out.ServerID)
	}
	if out.IPv4 != "" {
		m.IPv4 = types.StringValue(out.IPv4)
	}
	if out.IPv6 != "" {
		m.IPv6 = types.StringValue(out.IPv6)
	}
	if out.Password != "" {
		m.RootPassword = types.StringValue(out.Password)
	}
}

// fromAPI sets what the server record shows. importing is true when the
// state holds only the id: then the deploy-time arguments the record can
// tell (image, hostname) are taken from it too. Values the record does not
// carry are kept: price_id, ssh_key_ids, the deploy-time IPv6 and the root
// password.
func (m *serverModel) fromAPI(srv *gigahost.Server, importing bool) {
	m.ID = idString(int64(srv.ID))
	if srv.Order.OrderID != 0 {
		m.OrderID = idString(int64(srv.Order.OrderID))
	} else if m.OrderID.IsUnknown() {
		m.OrderID = types.StringNull()
	}
	if p := srv.ProductIDOf(); p != 0 {
		m.ProductID = types.Int64Value(p)
	}
	if srv.Datacenter.RegionID != 0 {
		m.RegionID = types.Int64Value(int64(srv.Datacenter.RegionID))
	}
	if bp := srv.BillingPeriod(); bp != "" {
		m.BillingPeriod = types.StringValue(bp)
	}
	m.Name = types.StringValue(srv.DisplayName())
	// backups is not read back (srv_feature_backups is not shown to be the
	// ordered option): the configured or prior value stays. An import has
	// none: it starts as false, as the schema's default, and the first update
	// adopts the configured value in place (replaceDeployBool).
	if m.Backups.IsUnknown() || m.Backups.IsNull() {
		m.Backups = types.BoolValue(false)
	}
	if ip := srv.IPv4(); ip != "" {
		m.IPv4 = types.StringValue(ip)
	}
	if ip := srv.IPv6(); ip != "" {
		m.IPv6 = types.StringValue(ip)
	}
	switch {
	case importing:
		switch {
		case bool(srv.Rescue):
			m.Rescue = types.BoolValue(true)
		case srv.ISOID != 0:
			m.ISOID = types.Int64Value(int64(srv.ISOID))
		case srv.OSID != 0:
			m.OSID = types.Int64Value(int64(srv.OSID))
		}
		// The live record leaves srv_hostname empty and shows the ordered
		// hostname in srv_name (until the name is changed).
		if srv.Hostname != "" {
			m.Hostname = types.StringValue(string(srv.Hostname))
		} else if srv.Name != "" {
			m.Hostname = types.StringValue(string(srv.Name))
		}
	case !m.OSID.IsNull() && srv.OSID != 0:
		m.OSID = types.Int64Value(int64(srv.OSID))
	}
	for _, s := range []*types.String{&m.IPv4, &m.IPv6, &m.RootPassword, &m.OrderID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
}
