package providerdata

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// Listed is one object a list resource found: the import id of its
// resource and the name `terraform query` shows for it.
type Listed struct {
	ImportID    string
	DisplayName string
}

// QuerySpec describes a list resource (`terraform query`, Terraform 1.14):
// what its list block takes (Config, read into the model M) and how it
// lists (List, with the client C).
//
// Each object found is turned into its resource's state the way
// `terraform import` does it: the resource's own ImportState and Read, so
// that the configuration `-generate-config-out` writes applies as imports
// only. Those reads go through the client's caches (one zone's records,
// the account's lists), so a query costs the list request, not one request
// per object, wherever the resource's Read is served by a list.
type QuerySpec[C, M any] struct {
	TypeName string
	// Resource makes the managed resource the list finds.
	Resource func() resource.Resource
	// Config is the list block's schema (its description included).
	Config listschema.Schema
	// Client is GigasClient or GigahostClient.
	Client func(*Clients, *diag.Diagnostics) *C
	// List returns what the API lists, filtered by the block's
	// configuration, or adds an error.
	List func(ctx context.Context, c *C, m M, diags *diag.Diagnostics) []Listed
}

// NewListResource returns the list resource of spec.
func NewListResource[C, M any](spec QuerySpec[C, M]) list.ListResource {
	return &listResource[C, M]{spec: spec}
}

type listResource[C, M any] struct {
	ClientsHolder
	spec QuerySpec[C, M]
}

var _ list.ListResourceWithConfigure = (*listResource[struct{}, struct{}])(nil)

// Metadata implements list.ListResource.
func (l *listResource[C, M]) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = l.spec.TypeName
}

// ListResourceConfigSchema implements list.ListResource.
func (l *listResource[C, M]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = l.spec.Config
}

// Configure implements list.ListResourceWithConfigure.
func (l *listResource[C, M]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.SetProviderData(req.ProviderData, &resp.Diagnostics)
}

// List implements list.ListResource.
func (l *listResource[C, M]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	m, c, ok := Load[M](ctx, req.Config, &diags, func(d *diag.Diagnostics) *C { return l.spec.Client(l.clients, d) })
	if !ok {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found := l.spec.List(ctx, c, m, &diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	r := l.spec.Resource()
	if rc, ok := r.(resource.ResourceWithConfigure); ok {
		var cr resource.ConfigureResponse
		rc.Configure(ctx, resource.ConfigureRequest{ProviderData: l.clients}, &cr)
		if cr.Diagnostics.HasError() {
			stream.Results = list.ListResultsStreamDiagnostics(cr.Diagnostics)
			return
		}
	}
	stream.Results = func(push func(list.ListResult) bool) {
		pushed := int64(0)
		for _, f := range found {
			if req.Limit > 0 && pushed >= req.Limit {
				return
			}
			res := req.NewListResult(ctx)
			res.DisplayName = f.DisplayName
			st, id := importAndRead(ctx, r, req, f.ImportID, &res.Diagnostics)
			if st == nil && !res.Diagnostics.HasError() {
				continue // listed, but gone (or cancelled) on reading it
			}
			if !res.Diagnostics.HasError() {
				res.Identity = id
				if req.IncludeResource {
					res.Resource = st
				}
			}
			if pushed++; !push(res) {
				return
			}
		}
	}
}

// importAndRead is `terraform import` of importID within the provider:
// the resource's ImportState, then its Read.
func importAndRead(ctx context.Context, r resource.Resource, req list.ListRequest, importID string, diags *diag.Diagnostics) (*tfsdk.Resource, *tfsdk.ResourceIdentity) {
	nullState := func() tfsdk.State {
		return tfsdk.State{Schema: req.ResourceSchema, Raw: tftypes.NewValue(req.ResourceSchema.Type().TerraformType(ctx), nil)}
	}
	nullIdentity := func() *tfsdk.ResourceIdentity {
		return &tfsdk.ResourceIdentity{Schema: req.ResourceIdentitySchema, Raw: tftypes.NewValue(req.ResourceIdentitySchema.Type().TerraformType(ctx), nil)}
	}
	imp := resource.ImportStateResponse{State: nullState(), Identity: nullIdentity()}
	// The private state the import leaves for the read, as the framework
	// passes it: its type is internal to the framework, and its zero value
	// is ready for use.
	private := reflect.ValueOf(&imp).Elem().FieldByName("Private")
	private.Set(reflect.New(private.Type().Elem()))
	importer, ok := r.(resource.ResourceWithImportState)
	if !ok {
		diags.AddError("Cannot list", "The resource cannot be imported; this is a bug in the provider.")
		return nil, nil
	}
	importer.ImportState(ctx, resource.ImportStateRequest{ID: importID}, &imp)
	diags.Append(imp.Diagnostics...)
	if diags.HasError() {
		return nil, nil
	}
	read := resource.ReadResponse{State: imp.State, Identity: nullIdentity(), Private: imp.Private}
	r.Read(ctx, resource.ReadRequest{State: imp.State, Identity: imp.Identity, Private: imp.Private}, &read)
	diags.Append(read.Diagnostics...)
	if diags.HasError() {
		return nil, nil
	}
	if read.State.Raw.IsNull() {
		return nil, nil
	}
	return &tfsdk.Resource{Schema: read.State.Schema, Raw: read.State.Raw}, read.Identity
}

// NewAccountListResource is a list resource without configuration: every
// object the account's list shows (list), each turned into its import id
// and name (listed); failure is the summary of a failed list.
func NewAccountListResource[C, T any](typeName string, r func() resource.Resource, client func(*Clients, *diag.Diagnostics) *C,
	description, failure string, list func(*C, context.Context) ([]T, error), listed func(T) Listed) list.ListResource {
	return NewListResource(QuerySpec[C, struct{}]{
		TypeName: typeName, Resource: r, Client: client,
		Config: listschema.Schema{MarkdownDescription: description},
		List: func(ctx context.Context, c *C, _ struct{}, diags *diag.Diagnostics) []Listed {
			items, err := list(c, ctx)
			if err != nil {
				tfutil.AddAPIError(diags, failure, err)
				return nil
			}
			out := make([]Listed, 0, len(items))
			for _, it := range items {
				out = append(out, listed(it))
			}
			return out
		},
	})
}
