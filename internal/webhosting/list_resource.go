package webhosting

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ListResources lists this family's list resources (`terraform query`).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{newEmailList}
}

type emailListModel struct {
	HostingID types.Int64 `tfsdk:"hosting_id"`
}

func newEmailList() list.ListResource {
	return providerdata.NewListResource(providerdata.QuerySpec[gigahost.Client, emailListModel]{
		TypeName: EmailResourceType,
		Resource: NewEmailResource,
		Client:   providerdata.GigahostClient,
		Config: listschema.Schema{
			MarkdownDescription: "The mailboxes of one web-hosting account, from one request for its mailbox list. The API never " +
				"shows a password: the generated configuration of an adopted mailbox needs `password_wo` (or `password`) added " +
				"before it plans.",
			Attributes: map[string]listschema.Attribute{
				"hosting_id": listschema.Int64Attribute{Required: true, MarkdownDescription: "Id of the web-hosting account.",
					Validators: []validator.Int64{int64validator.AtLeast(1)}},
			},
		},
		List: func(ctx context.Context, c *gigahost.Client, m emailListModel, diags *diag.Diagnostics) []providerdata.Listed {
			id := m.HostingID.ValueInt64()
			boxes, err := c.Mailboxes(ctx, id)
			if err != nil {
				addAPIError(diags, "Cannot list the web-hosting account's mailboxes", err)
				return nil
			}
			out := make([]providerdata.Listed, 0, len(boxes))
			for _, b := range boxes {
				out = append(out, providerdata.Listed{ImportID: fmt.Sprintf("%d/%s", id, b.Address), DisplayName: b.Address})
			}
			return out
		},
	})
}
