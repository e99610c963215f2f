package sshkey

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewAccountListResource(ResourceType, NewKeyResource, providerdata.GigahostClient,
			"Every SSH key of the Gigahost account, from one request for the key list.",
			"Cannot list the Gigahost account's SSH keys", (*gigahost.Client).SSHKeys,
			func(k gigahost.SSHKey) providerdata.Listed {
				return providerdata.Listed{ImportID: string(k.ID), DisplayName: string(k.Name)}
			})
	}}
}
