package providerdata

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The identity from a state's id: the last part keeps its own "/" (an IPv6
// subnet); no id yet gives empty parts; and an import block's identity is
// joined back into the id.
func TestIdentityFromStateAndBack(t *testing.T) {
	ctx := context.Background()
	id := IDParts("server_id", "address")
	st := tfsdk.State{Schema: schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}}
	identity := func() *tfsdk.ResourceIdentity {
		s := id.schema()
		return &tfsdk.ResourceIdentity{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	}
	for _, c := range []struct {
		id         any
		server, ip string
	}{
		{"18856/2a03:94e0:190e::/48", "18856", "2a03:94e0:190e::/48"},
		{nil, "", ""},
	} {
		st.Raw = tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}},
			map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, c.id)})
		got := identity()
		var diags diag.Diagnostics
		id.fromState(ctx, st, got, &diags)
		if diags.HasError() {
			t.Fatal(diags)
		}
		var server, ip string
		got.GetAttribute(ctx, path.Root("server_id"), &server)
		got.GetAttribute(ctx, path.Root("address"), &ip)
		if server != c.server || ip != c.ip {
			t.Errorf("id %v: identity %q %q, want %q %q", c.id, server, ip, c.server, c.ip)
		}
		if c.id == nil {
			if _, ok := id.importID(ctx, got, &diags); ok || !diags.HasError() {
				t.Errorf("an empty identity gave an import id")
			}
			continue
		}
		back, ok := id.importID(ctx, got, &diags)
		if !ok || back != c.id {
			t.Errorf("import id %q from the identity, want %q (%v)", back, c.id, diags)
		}
	}
}
