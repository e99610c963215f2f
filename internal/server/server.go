// Package server holds the Gigahost server resource and the catalog,
// operating-system and uploaded-ISO data sources.
package server

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewServerResource, NewRDNSResource, NewSnapshotResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewCatalogDataSource, NewOperatingSystemsDataSource, NewISOsDataSource, NewServersDataSource, NewServerDataSource}
}
