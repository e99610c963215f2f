package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewListResource(providerdata.QuerySpec[gigas.Client, struct{}]{
			TypeName: ResourceType,
			Resource: NewVMResource,
			Client:   providerdata.GigasClient,
			Config: listschema.Schema{MarkdownDescription: "Every virtual machine of the Gigas account: the VM list, then each VM read " +
				"as an import reads it (its object, disks and addresses)."},
			List: func(ctx context.Context, c *gigas.Client, _ struct{}, diags *diag.Diagnostics) []providerdata.Listed {
				vms, err := c.ListVMs(ctx, nil)
				if err != nil {
					tfutil.AddAPIError(diags, "Cannot list Gigas virtual machines", err)
					return nil
				}
				out := make([]providerdata.Listed, 0, len(vms))
				for _, v := range vms {
					out = append(out, providerdata.Listed{ImportID: string(v.ID), DisplayName: string(v.Label)})
				}
				return out
			},
		})
	}}
}
