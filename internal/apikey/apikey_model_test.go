package apikey

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestAPIKeySchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewAPIKeyResource(), apiKeyModel{})
}

func TestPermissionsRoundTrip(t *testing.T) {
	ctx := context.Background()
	f, tr := client.Bool(false), client.Bool(true)
	api := gigahost.Permissions{
		gigahost.PermDNS:     {Mode: "rw", All: &f, IDs: []client.Int{456, 123}},
		gigahost.PermServers: {Mode: "r"}, // all absent: every server
		gigahost.PermAccount: {Mode: "r"},
		"future":             {Mode: "r"}, // unknown to the provider: ignored
	}
	m := permissionsFromAPI(api)
	if m.DNS == nil || m.DNS.All.ValueBool() || len(m.DNS.IDs.Elements()) != 2 ||
		m.Servers == nil || !m.Servers.All.ValueBool() || !m.Servers.IDs.IsNull() ||
		m.Account == nil || m.Account.Mode.ValueString() != "r" || m.Webhosting != nil || m.Billing != nil {
		t.Fatalf("permissionsFromAPI: %+v", m)
	}
	var diags diag.Diagnostics
	back := m.toAPI(ctx, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := gigahost.Permissions{
		gigahost.PermDNS:     {Mode: "rw", All: &f, IDs: []client.Int{123, 456}},
		gigahost.PermServers: {Mode: "r", All: &tr},
		gigahost.PermAccount: {Mode: "r"},
	}
	if !back.Equal(want) {
		t.Errorf("toAPI = %+v, want %+v", back, want)
	}
	if back.Equal(gigahost.Permissions{gigahost.PermDNS: {Mode: "rw"}}) {
		t.Error("different permissions compare equal")
	}
}

func TestAPIKeyModelConversions(t *testing.T) {
	var m apiKeyModel
	m.Secret = types.StringValue("flux_live_kept")
	m.fromAPI(gigahost.APIKey{ID: 7, Label: "ci", Prefix: "flux_live_abc", ExpiresAt: 0, Permissions: gigahost.Permissions{}})
	if m.ID.ValueString() != "7" || m.Label.ValueString() != "ci" || !m.ExpiresAt.IsNull() || m.Secret.ValueString() != "flux_live_kept" || m.Permissions == nil {
		t.Errorf("fromAPI: %+v", m)
	}
	m.ExpiresAt = types.Int64Value(2000000000)
	var diags diag.Diagnostics
	in := m.toAPI(context.Background(), &diags)
	if in.Label != "ci" || in.ExpiresAt == nil || *in.ExpiresAt != 2000000000 || len(in.Permissions) != 0 {
		t.Errorf("toAPI: %+v", in)
	}
}
