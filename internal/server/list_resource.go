package server

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
			Resource: NewServerResource,
			Client:   providerdata.GigahostClient,
			Config: listschema.Schema{MarkdownDescription: "Every server of the Gigahost account that is not cancelled: the server list, " +
				"then each server read as an import reads it (one request per server). An adopted server is not reinstalled: " +
				"its `os_id` and `price_id` come from the server as it is."},
			List: func(ctx context.Context, c *gigahost.Client, _ struct{}, diags *diag.Diagnostics) []providerdata.Listed {
				servers, err := c.ListServers(ctx)
				if err != nil {
					tfutil.AddAPIError(diags, "Cannot list Gigahost servers", err)
					return nil
				}
				out := make([]providerdata.Listed, 0, len(servers))
				for _, s := range servers {
					out = append(out, providerdata.Listed{ImportID: strconv.FormatInt(int64(s.ID), 10), DisplayName: string(s.Name)})
				}
				return out
			},
		})
	}}
}
