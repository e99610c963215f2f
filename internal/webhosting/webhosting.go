// Package webhosting holds the Gigahost web-hosting resources (mailboxes, forwarders, databases, FTP accounts) and data sources.
package webhosting

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewEmailResource, NewSSLResource, NewAutoresponderResource, NewDKIMResource, NewForwarderResource, NewDatabaseResource, NewFTPResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewHostingDataSource, NewHostingsDataSource, NewEmailsDataSource}
}
