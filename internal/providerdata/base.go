package providerdata

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// ClientsHolder keeps the provider's clients for a resource, data source,
// list resource, action or ephemeral resource: embed it and call
// SetProviderData from Configure.
type ClientsHolder struct{ clients *Clients }

// Gigas returns the Gigas client, or nil after adding a diagnostic that says
// which credential is missing.
func (h *ClientsHolder) Gigas(diags *diag.Diagnostics) *gigas.Client {
	return GigasClient(h.clients, diags)
}

// Gigahost returns the Gigahost client, or nil after adding a diagnostic
// that says which credential is missing.
func (h *ClientsHolder) Gigahost(diags *diag.Diagnostics) *gigahost.Client {
	return GigahostClient(h.clients, diags)
}

// Clients returns the provider's clients; nil before Configure.
func (h *ClientsHolder) Clients() *Clients { return h.clients }

// SetProviderData keeps the clients of a Configure request's ProviderData
// (none before the provider is configured).
func (h *ClientsHolder) SetProviderData(data any, diags *diag.Diagnostics) {
	if c := FromProviderData(data, diags); c != nil {
		h.clients = c
	}
}

// ResourceBase is embedded by every resource: its type name, Configure, and
// the clients. A resource then writes only its schema and CRUD.
type ResourceBase struct {
	TypeName string
	ClientsHolder
}

// Metadata implements resource.Resource.
func (b *ResourceBase) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements resource.ResourceWithConfigure.
func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.SetProviderData(req.ProviderData, &resp.Diagnostics)
}

// setTypeName is called by NewResource, through importableResource.
func (b *ResourceBase) setTypeName(typeName string) { b.TypeName = typeName } //nolint:unused // unused does not follow calls through a type parameter

// importableResource is a resource that embeds ResourceBase and can be
// imported: what NewResource makes, checked when it compiles.
type importableResource[R any] interface {
	*R
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	setTypeName(string)
}

// NewResource returns the resource R (a struct that embeds ResourceBase)
// of the type typeName, with its identity. That R implements Configure and
// ImportState is checked at compile time, where NewResource is called.
func NewResource[R any, P importableResource[R]](typeName string, identity Identity) resource.Resource {
	r := P(new(R))
	r.setTypeName(typeName)
	return &identified{managed: r, identity: identity}
}

// DataSourceBase is embedded by every data source, as ResourceBase is by
// resources.
type DataSourceBase struct {
	TypeName string
	ClientsHolder
}

// Metadata implements datasource.DataSource.
func (b *DataSourceBase) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements datasource.DataSourceWithConfigure.
func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.SetProviderData(req.ProviderData, &resp.Diagnostics)
}

// getter is a plan, a state or a configuration.
type getter interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// Load is the start of a CRUD step: the model from src (the plan or the
// state) and the client. ok is false after an error diagnostic.
func Load[M any, C any](ctx context.Context, src getter, diags *diag.Diagnostics, client func(*diag.Diagnostics) *C) (m M, c *C, ok bool) {
	diags.Append(src.Get(ctx, &m)...)
	if diags.HasError() {
		return m, nil, false
	}
	c = client(diags)
	return m, c, c != nil
}

// ReadData is the frame of every data source's Read: the configuration
// into a model and the client, then read (which fills the model from the
// API and adds its own diagnostics), then the model into state unless read
// failed.
func ReadData[M any, C any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse,
	client func(*diag.Diagnostics) *C, read func(ctx context.Context, c *C, m *M, diags *diag.Diagnostics)) {
	m, c, ok := Load[M](ctx, req.Config, &resp.Diagnostics, client)
	if !ok {
		return
	}
	read(ctx, c, &m, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}

// LoadUpdate is Load for an Update: the plan, the prior state and the client.
func LoadUpdate[M any, C any](ctx context.Context, plan, state getter, diags *diag.Diagnostics, client func(*diag.Diagnostics) *C) (p, s M, c *C, ok bool) {
	diags.Append(state.Get(ctx, &s)...)
	p, c, ok = Load[M](ctx, plan, diags, client)
	return p, s, c, ok && !diags.HasError()
}
