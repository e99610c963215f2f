// Package server holds the Gigahost server resource and the catalog and
// operating-system data sources.
package server

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewServerResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewCatalogDataSource, NewOperatingSystemsDataSource}
}

// gigahostClient returns the Gigahost client or adds a diagnostic that says
// which credential is missing.
func gigahostClient(clients *providerdata.Clients, diags *diag.Diagnostics) *gigahost.Client {
	if clients == nil {
		diags.AddError("Provider not configured", "The provider was not configured before use; this is a bug in the provider.")
		return nil
	}
	c, err := clients.Gigahost()
	if err != nil {
		diags.AddError("Gigahost credentials missing", err.Error())
		return nil
	}
	return c
}
