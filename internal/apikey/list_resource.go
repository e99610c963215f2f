package apikey

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewListResource(providerdata.QuerySpec[gigahost.Client, struct{}]{
			TypeName: ResourceType,
			Resource: NewAPIKeyResource,
			Client:   providerdata.GigahostClient,
			Config: listschema.Schema{MarkdownDescription: "Every API key of the Gigahost account, from one request for the key list " +
				"(which needs the provider's session credentials, as the resource does). A key's secret is shown only when it is made: " +
				"an adopted key's `secret` stays unknown."},
			List: func(ctx context.Context, c *gigahost.Client, _ struct{}, diags *diag.Diagnostics) []providerdata.Listed {
				keys, err := c.APIKeys(ctx)
				if err != nil {
					tfutil.AddAPIError(diags, "Cannot list the Gigahost account's API keys", err)
					return nil
				}
				out := make([]providerdata.Listed, 0, len(keys))
				for _, k := range keys {
					out = append(out, providerdata.Listed{ImportID: strconv.FormatInt(int64(k.ID), 10), DisplayName: string(k.Label)})
				}
				return out
			},
		})
	}}
}
