package serve

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A provider with one resource, test_thing, whose ValidateConfig reports in
// a warning whether the RPC's context values reach it.
type testProvider struct{}

func (testProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "test"
}
func (testProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (testProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (testProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return thing{} }}
}
func (testProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

type thing struct{}

type valueKey struct{}

func (thing) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "test_thing"
}
func (thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Optional: true}}}
}
func (thing) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (thing) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
func (thing) ValidateConfig(ctx context.Context, _ resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := ctx.Value(valueKey{}).(*[4096]byte); ok && v[0] == 42 {
		resp.Diagnostics.AddWarning("value seen", "")
	}
}

func newServer(t *testing.T, wrap bool) tfprotov6.ProviderServer {
	t.Helper()
	p := func() provider.Provider { return testProvider{} }
	var s tfprotov6.ProviderServer
	if wrap {
		s = Protocol6(p)()
	} else {
		s = providerserver.NewProtocol6(p())()
	}
	if _, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// validate calls ValidateResourceConfig with a context that carries a value,
// cancels that context as gRPC does when the RPC ends, and returns a weak
// pointer to the value and whether the resource saw it.
func validate(t *testing.T, s tfprotov6.ProviderServer) (weak.Pointer[[4096]byte], bool) {
	t.Helper()
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x")}))
	if err != nil {
		t.Fatal(err)
	}
	v := &[4096]byte{42}
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), valueKey{}, v))
	resp, err := s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "test_thing", Config: &config})
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	seen := len(resp.Diagnostics) == 1 && resp.Diagnostics[0].Summary == "value seen"
	return weak.Make(v), seen
}

func collected(p weak.Pointer[[4096]byte]) bool {
	runtime.GC()
	runtime.GC()
	return p.Value() == nil
}

// The framework alone keeps every RPC's context after the RPC returned (its
// StopProvider cancels them all); the server of this package lets go of it,
// and the resource still sees the context's values while the RPC runs.
func TestRPCContextReleased(t *testing.T) {
	framework := newServer(t, false)
	p, seen := validate(t, framework)
	if !seen {
		t.Fatal("the resource did not see the context's value")
	}
	if collected(p) {
		t.Error("the framework's server no longer keeps RPC contexts after they return: package serve may no longer be needed")
	}
	runtime.KeepAlive(framework) // the server lives as long as the provider

	released := newServer(t, true)
	p, seen = validate(t, released)
	if !seen {
		t.Fatal("through Release, the resource did not see the context's value")
	}
	if !collected(p) {
		t.Error("through Release, the RPC's context is still reachable after the RPC returned")
	}
	runtime.KeepAlive(released)
}

// Release keeps every optional interface tf6server looks for.
func TestReleaseKeepsInterfaces(t *testing.T) {
	s := newServer(t, true)
	if _, ok := s.(*server); !ok {
		t.Fatalf("Protocol6 served %T, not the releasing server", s)
	}
	if _, ok := s.(tfprotov6.ListResourceServer); !ok {
		t.Error("no list resources")
	}
	if _, ok := s.(tfprotov6.ActionServer); !ok {
		t.Error("no actions")
	}
	if _, ok := s.(tfprotov6.StateStoreServer); !ok {
		t.Error("no state stores")
	}
}

// While held, the context forwards everything; released, it carries no
// values, and what derives from it is still cancelled with the RPC.
func TestHeldContext(t *testing.T) {
	rpc, cancel := context.WithCancel(context.WithValue(context.Background(), valueKey{}, "v"))
	h := hold(rpc)
	derived, stop := context.WithCancel(h)
	defer stop()
	if h.Value(valueKey{}) != "v" || h.Err() != nil || derived.Err() != nil {
		t.Fatalf("held: value %v, err %v, derived err %v", h.Value(valueKey{}), h.Err(), derived.Err())
	}
	h.release()
	if h.Value(valueKey{}) != nil || h.Err() != nil {
		t.Fatalf("released before the RPC ended: value %v, err %v", h.Value(valueKey{}), h.Err())
	}
	cancel()
	<-derived.Done()
	if !errors.Is(h.Err(), context.Canceled) {
		t.Fatalf("released after the RPC ended: err %v", h.Err())
	}
}
