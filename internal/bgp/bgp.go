// Package bgp holds the Gigahost BGP session resource and the BGP data
// source. The ASN itself is no resource: the API can submit one (POST
// /bgp/asn, for review) but cannot withdraw it, so Terraform could never
// destroy what it created.
package bgp

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewSessionResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewBGPDataSource}
}

// permissionHint explains a 403. The docs name no permission category for
// /bgp; sessions are bound to a server's address.
const permissionHint = "The Gigahost credentials in use may not do this. With an API key, check its permissions: " +
	"the docs do not say which category /bgp belongs to; sessions belong to servers, so try the servers category " +
	"(mode \"rw\" with all = true to create or delete sessions; \"r\" only reads them)."

// addAPIError is tfutil.AddAPIError with the permission hint on a 403.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	tfutil.AddAPIErrorHint(diags, summary, err, permissionHint)
}
