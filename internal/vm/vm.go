// Package vm holds the Gigas virtual machine resource and the location and
// template data sources.
package vm

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewVMResource, NewISOResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewLocationsDataSource, NewTemplatesDataSource, NewVMsDataSource, NewVMDataSource}
}
