package providerdata

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// clientsHolder keeps the provider's clients for a resource or data source.
type clientsHolder struct{ clients *Clients }

// Gigas returns the Gigas client, or nil after adding a diagnostic that says
// which credential is missing.
func (h *clientsHolder) Gigas(diags *diag.Diagnostics) *gigas.Client {
	return GigasClient(h.clients, diags)
}

// Gigahost returns the Gigahost client, or nil after adding a diagnostic
// that says which credential is missing.
func (h *clientsHolder) Gigahost(diags *diag.Diagnostics) *gigahost.Client {
	return GigahostClient(h.clients, diags)
}

// Clients returns the provider's clients; nil before Configure.
func (h *clientsHolder) Clients() *Clients { return h.clients }

func (h *clientsHolder) configure(data any, diags *diag.Diagnostics) {
	if c := FromProviderData(data, diags); c != nil {
		h.clients = c
	}
}

// ResourceBase is embedded by every resource: its type name, Configure, and
// the clients. A resource then writes only its schema and CRUD.
type ResourceBase struct {
	TypeName string
	clientsHolder
}

// NewResourceBase returns the base of the resource typeName.
func NewResourceBase(typeName string) ResourceBase { return ResourceBase{TypeName: typeName} }

// Metadata implements resource.Resource.
func (b *ResourceBase) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements resource.ResourceWithConfigure.
func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.configure(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is embedded by every data source, as ResourceBase is by
// resources.
type DataSourceBase struct {
	TypeName string
	clientsHolder
}

// NewDataSourceBase returns the base of the data source typeName.
func NewDataSourceBase(typeName string) DataSourceBase { return DataSourceBase{TypeName: typeName} }

// Metadata implements datasource.DataSource.
func (b *DataSourceBase) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements datasource.DataSourceWithConfigure.
func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.configure(req.ProviderData, &resp.Diagnostics)
}
