package apikey

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewAccountListResource(ResourceType, NewAPIKeyResource, providerdata.GigahostClient,
			"Every API key of the Gigahost account, from one request for the key list (which needs the provider's session "+
				"credentials, as the resource does). A key's secret is shown only when it is made: an adopted key's `secret` stays unknown.",
			"Cannot list the Gigahost account's API keys", (*gigahost.Client).APIKeys,
			func(k gigahost.APIKey) providerdata.Listed {
				return providerdata.Listed{ImportID: strconv.FormatInt(int64(k.ID), 10), DisplayName: string(k.Label)}
			})
	}}
}
