// Package account holds the Gigahost account data source. It has no
// resource: the account's details are changed in the control panel.
package account

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewAccountDataSource}
}
