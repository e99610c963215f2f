package provider_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// FuzzImportState runs every resource's ImportState on one id (the import
// id is what a user types): none panics, the empty id is refused by all,
// and an id accepted leaves a state that has some value set.
func FuzzImportState(f *testing.F) {
	for _, s := range []string{"", "123", "18856", "18856/123", "123/@", "123/blog", "123/www/A/193.200.238.20",
		"123/_sip._tcp/SRV/5 5060 sip.example.no.", "123/x/TXT/a/b/c", "123/456", "1234/post@example.no",
		"1234/shop", "18856/193.200.238.21", "18856/2a03:94e0:190e::/48", "226661014786/2266610300",
		"example.no", "63.181.185.in-addr.arpa", "/", "//", "0", "-1", "1/", "/1", "12a", "9223372036854775808"} {
		f.Add(s)
	}
	ctx := context.Background()
	p := provider.New("test")()
	type target struct {
		name   string
		r      resource.ResourceWithImportState
		schema resource.SchemaResponse
	}
	var targets []target
	for _, newR := range p.Resources(ctx) {
		r, ok := newR().(resource.ResourceWithImportState)
		if !ok {
			continue
		}
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "giga"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		targets = append(targets, target{md.TypeName, r, sr})
	}
	if len(targets) < 15 {
		f.Fatalf("only %d resources import", len(targets))
	}
	f.Fuzz(func(t *testing.T, id string) {
		for _, tg := range targets {
			typ := tg.schema.Schema.Type().TerraformType(ctx)
			resp := &resource.ImportStateResponse{State: tfsdk.State{Schema: tg.schema.Schema, Raw: tftypes.NewValue(typ, nil)}}
			tg.r.ImportState(ctx, resource.ImportStateRequest{ID: id}, resp)
			if resp.Diagnostics.HasError() {
				continue
			}
			if strings.TrimSpace(id) == "" && id == "" {
				t.Fatalf("%s accepted the empty import id", tg.name)
			}
			if resp.State.Raw.IsNull() {
				t.Fatalf("%s accepted %q and set nothing", tg.name, id)
			}
		}
	})
}
