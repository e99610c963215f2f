// Package apikey holds the Gigahost API key resource.
package apikey

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource { return []func() resource.Resource{NewAPIKeyResource} }

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource { return nil }
