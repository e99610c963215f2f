package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource {
		return providerdata.NewAccountListResource(ResourceType, NewVMResource, providerdata.GigasClient,
			"Every virtual machine of the Gigas account: the VM list, then each VM read as an import reads it (its object, disks and addresses).",
			"Cannot list Gigas virtual machines",
			func(c *gigas.Client, ctx context.Context) ([]gigas.VirtualMachine, error) { return c.ListVMs(ctx, nil) },
			func(v gigas.VirtualMachine) providerdata.Listed {
				return providerdata.Listed{ImportID: string(v.ID), DisplayName: string(v.Label)}
			})
	}}
}
