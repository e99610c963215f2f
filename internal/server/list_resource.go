package server

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewAccountListResource(ResourceType, NewServerResource, providerdata.GigahostClient,
			"Every server of the Gigahost account that is not cancelled: the server list, then each server read as an import "+
				"reads it (one request per server). An adopted server is not reinstalled: its `os_id` and `price_id` come from the server as it is.",
			"Cannot list Gigahost servers", (*gigahost.Client).ListServers,
			func(s gigahost.Server) providerdata.Listed {
				return providerdata.Listed{ImportID: strconv.FormatInt(int64(s.ID), 10), DisplayName: string(s.Name)}
			})
	}}
}
