package apikey

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// checkParity compares a schema's attributes with a model struct's tfsdk
// tags, and recurses into nested attributes.
func checkParity(t *testing.T, where string, attrs map[string]schema.Attribute, model reflect.Type) {
	t.Helper()
	for model.Kind() == reflect.Pointer {
		model = model.Elem()
	}
	fields := map[string]reflect.Type{}
	for i := range model.NumField() {
		fields[model.Field(i).Tag.Get("tfsdk")] = model.Field(i).Type
	}
	for name, a := range attrs {
		ft, ok := fields[name]
		if !ok {
			t.Errorf("%s: schema attribute %q has no model field", where, name)
			continue
		}
		delete(fields, name)
		if nested, ok := a.(schema.SingleNestedAttribute); ok {
			checkParity(t, where+"."+name, nested.Attributes, ft)
		}
	}
	for name := range fields {
		t.Errorf("%s: model field %q has no schema attribute", where, name)
	}
}

func TestAPIKeySchemaModelParity(t *testing.T) {
	var resp resource.SchemaResponse
	NewAPIKeyResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	checkParity(t, "gigahost_api_key", resp.Schema.Attributes, reflect.TypeOf(apiKeyModel{}))
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
