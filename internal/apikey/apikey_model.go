package apikey

import (
	"context"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// apiKeyModel is the gigahost_api_key resource's data.
type apiKeyModel struct {
	ID               types.String      `tfsdk:"id"`
	Label            types.String      `tfsdk:"label"`
	Permissions      *permissionsModel `tfsdk:"permissions"`
	ExpiresAt        types.Int64       `tfsdk:"expires_at"`
	RotationTriggers types.Map         `tfsdk:"rotation_triggers"`
	Secret           types.String      `tfsdk:"secret"`
	Prefix           types.String      `tfsdk:"prefix"`
}

// permissionsModel mirrors the API's permissions object; a nil category
// means no access.
type permissionsModel struct {
	DNS        *scopedPermissionModel `tfsdk:"dns"`
	Servers    *scopedPermissionModel `tfsdk:"servers"`
	Webhosting *scopedPermissionModel `tfsdk:"webhosting"`
	Racks      *globalPermissionModel `tfsdk:"racks"`
	Support    *globalPermissionModel `tfsdk:"support"`
	Billing    *globalPermissionModel `tfsdk:"billing"`
	Account    *globalPermissionModel `tfsdk:"account"`
}

// scopedPermissionModel is a category that can be limited to ids.
type scopedPermissionModel struct {
	Mode types.String `tfsdk:"mode"`
	All  types.Bool   `tfsdk:"all"`
	IDs  types.Set    `tfsdk:"ids"`
}

// globalPermissionModel is a category with a mode only.
type globalPermissionModel struct {
	Mode types.String `tfsdk:"mode"`
}

func (p *permissionsModel) scoped() map[string]**scopedPermissionModel {
	return map[string]**scopedPermissionModel{
		gigahost.PermDNS: &p.DNS, gigahost.PermServers: &p.Servers, gigahost.PermWebhosting: &p.Webhosting,
	}
}

func (p *permissionsModel) global() map[string]**globalPermissionModel {
	return map[string]**globalPermissionModel{
		gigahost.PermRacks: &p.Racks, gigahost.PermSupport: &p.Support, gigahost.PermBilling: &p.Billing, gigahost.PermAccount: &p.Account,
	}
}

// toAPI converts the permissions to the API's object.
func (p *permissionsModel) toAPI(ctx context.Context, diags *diag.Diagnostics) gigahost.Permissions {
	out := gigahost.Permissions{}
	if p == nil {
		return out
	}
	for cat, ptr := range p.scoped() {
		s := *ptr
		if s == nil {
			continue
		}
		all := s.All.IsNull() || s.All.ValueBool()
		flag := client.Bool(all)
		perm := gigahost.Permission{Mode: s.Mode.ValueString(), All: &flag}
		if !all && !s.IDs.IsNull() {
			var ids []int64
			diags.Append(s.IDs.ElementsAs(ctx, &ids, false)...)
			sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
			for _, id := range ids {
				perm.IDs = append(perm.IDs, client.Int(id))
			}
		}
		out[cat] = perm
	}
	for cat, ptr := range p.global() {
		if g := *ptr; g != nil {
			out[cat] = gigahost.Permission{Mode: g.Mode.ValueString()}
		}
	}
	return out
}

// permissionsFromAPI converts the API's object; categories the provider does
// not know are ignored.
func permissionsFromAPI(perms gigahost.Permissions) *permissionsModel {
	m := &permissionsModel{}
	for cat, ptr := range m.scoped() {
		p, ok := perms[cat]
		if !ok {
			continue
		}
		all := p.All == nil || bool(*p.All)
		s := &scopedPermissionModel{Mode: types.StringValue(p.Mode), All: types.BoolValue(all), IDs: types.SetNull(types.Int64Type)}
		if !all {
			ids := make([]types.Int64, 0, len(p.IDs))
			for _, id := range p.IDs {
				ids = append(ids, types.Int64Value(int64(id)))
			}
			s.IDs = types.SetValueMust(types.Int64Type, int64Values(ids))
		}
		*ptr = s
	}
	for cat, ptr := range m.global() {
		if p, ok := perms[cat]; ok {
			*ptr = &globalPermissionModel{Mode: types.StringValue(p.Mode)}
		}
	}
	return m
}

func int64Values(in []types.Int64) []attr.Value {
	out := make([]attr.Value, len(in))
	for i, v := range in {
		out[i] = v
	}
	return out
}

// fromAPI sets what the API reports. The secret is never returned again, so
// it and rotation_triggers keep their stored values.
func (m *apiKeyModel) fromAPI(k gigahost.APIKey) {
	m.ID = types.StringValue(strconv.FormatInt(int64(k.ID), 10))
	m.Label = types.StringValue(string(k.Label))
	m.Prefix = types.StringValue(string(k.Prefix))
	m.Permissions = permissionsFromAPI(k.Permissions)
	m.ExpiresAt = types.Int64Null()
	if k.ExpiresAt != 0 {
		m.ExpiresAt = types.Int64Value(int64(k.ExpiresAt))
	}
}

// toAPI is the creation body.
func (m apiKeyModel) toAPI(ctx context.Context, diags *diag.Diagnostics) gigahost.APIKeyInput {
	in := gigahost.APIKeyInput{Label: m.Label.ValueString(), Permissions: m.Permissions.toAPI(ctx, diags)}
	if !m.ExpiresAt.IsNull() && !m.ExpiresAt.IsUnknown() {
		at := m.ExpiresAt.ValueInt64()
		in.ExpiresAt = &at
	}
	return in
}
