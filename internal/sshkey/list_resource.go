package sshkey

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewListResource(providerdata.QuerySpec[gigahost.Client, struct{}]{
			TypeName: ResourceType,
			Resource: NewKeyResource,
			Client:   providerdata.GigahostClient,
			Config:   listschema.Schema{MarkdownDescription: "Every SSH key of the Gigahost account, from one request for the key list."},
			List: func(ctx context.Context, c *gigahost.Client, _ struct{}, diags *diag.Diagnostics) []providerdata.Listed {
				keys, err := c.SSHKeys(ctx)
				if err != nil {
					addAPIError(diags, "Cannot list the Gigahost account's SSH keys", err)
					return nil
				}
				out := make([]providerdata.Listed, 0, len(keys))
				for _, k := range keys {
					out = append(out, providerdata.Listed{ImportID: string(k.ID), DisplayName: string(k.Name)})
				}
				return out
			},
		})
	}}
}
