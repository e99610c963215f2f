package webhosting

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// EmailsDataSourceType is the data source's type name.
const EmailsDataSourceType = "gigahost_webhosting_emails"

// NewEmailsDataSource returns the gigahost_webhosting_emails data source:
// the mailboxes of one web-hosting account. (The generic providerdata list
// data source takes no input such as hosting_id, so this one reads its
// configuration itself.)
func NewEmailsDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, emailsModel]{
		TypeName: EmailsDataSourceType,
		Schema:   emailsDataSourceSchema(),
		Client:   providerdata.GigahostClient,
		Read:     readEmails,
	})
}

type emailsModel struct {
	ID        types.String      `tfsdk:"id"`
	HostingID types.Int64       `tfsdk:"hosting_id"`
	Emails    []emailEntryModel `tfsdk:"emails"`
	Addresses []types.String    `tfsdk:"addresses"`
}

type emailEntryModel struct {
	Address types.String `tfsdk:"address"`
	Email   types.String `tfsdk:"email"`
	Quota   types.Int64  `tfsdk:"quota"`
}

func emailEntryFromAPI(m gigahost.Mailbox) emailEntryModel {
	e := emailEntryModel{Address: types.StringValue(m.Address), Email: types.StringValue(m.LocalPart()), Quota: types.Int64Null()}
	if m.QuotaKnown {
		e.Quota = types.Int64Value(m.Quota)
	}
	return e
}

func emailsDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the e-mail accounts (mailboxes) of one Gigahost web-hosting account, by address. " +
			"Passwords are never shown: the API does not return them. The list is read once per Terraform operation and shared " +
			"with the `gigahost_webhosting_email` resources of the same account.",
		Attributes: map[string]schema.Attribute{
			"hosting_id": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Id of the web-hosting account (see the `gigahost_webhosting` data source).",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"id": providerdata.ComputedString("The hosting account's id, as a string."),
			"emails": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The account's mailboxes, by address.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"address": providerdata.ComputedString("The full address, `<email>@<domain>` (the `address` of a `gigahost_webhosting_email`)."),
					"email":   providerdata.ComputedString("The part of the address before the `@`."),
					"quota":   providerdata.ComputedInt64("Mailbox size in MB, `0` for unlimited; null when the API's list does not show it."),
				}},
			},
			"addresses": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The full addresses, in the order of `emails`.",
			},
		},
	}
}

// readEmails lists the configured hosting account's mailboxes, by address.
func readEmails(ctx context.Context, c *gigahost.Client, m *emailsModel, diags *diag.Diagnostics) {
	hostingID := m.HostingID.ValueInt64()
	list, err := c.Mailboxes(ctx, hostingID)
	if err != nil {
		addAPIError(diags, fmt.Sprintf("Cannot list the e-mail accounts of hosting account %d", hostingID), err)
		return
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Address < list[j].Address })
	m.ID = types.StringValue(strconv.FormatInt(hostingID, 10))
	m.Emails = make([]emailEntryModel, 0, len(list))
	m.Addresses = make([]types.String, 0, len(list))
	for _, mb := range list {
		m.Emails = append(m.Emails, emailEntryFromAPI(mb))
		m.Addresses = append(m.Addresses, types.StringValue(mb.Address))
	}
}
