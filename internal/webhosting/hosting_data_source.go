package webhosting

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// HostingDataSourceType is the data source's type name.
const HostingDataSourceType = "gigahost_webhosting"

type hostingModel struct {
	ID        types.String `tfsdk:"id"`
	HostingID types.Int64  `tfsdk:"hosting_id"`
	Domain    types.String `tfsdk:"domain"`
	Username  types.String `tfsdk:"username"`
	Package   types.String `tfsdk:"package"`
	Status    types.String `tfsdk:"status"`
}

func (m *hostingModel) fromAPI(a gigahost.HostingAccount) {
	m.ID = types.StringValue(strconv.FormatInt(int64(a.HostingID), 10))
	m.HostingID = types.Int64Value(int64(a.HostingID))
	m.Domain = types.StringValue(string(a.Domain))
	m.Username = types.StringValue(string(a.Username))
	m.Package = types.StringValue(string(a.Package))
	m.Status = types.StringValue(string(a.Status))
}

// NewHostingDataSource returns the gigahost_webhosting data source: one
// web-hosting account, looked up by domain or id.
func NewHostingDataSource() datasource.DataSource {
	oneOf := []path.Expression{path.MatchRoot("domain"), path.MatchRoot("hosting_id")}
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, hostingModel]{
		TypeName: HostingDataSourceType,
		Schema: schema.Schema{
			MarkdownDescription: "Looks up one Gigahost web-hosting account, by its domain or its id, among the accounts the credentials can see " +
				"(an API key limited to some webhosting ids sees only those). Use its `hosting_id` in `gigahost_webhosting_email`.",
			Attributes: map[string]schema.Attribute{
				"domain": schema.StringAttribute{
					Optional:            true,
					Computed:            true,
					MarkdownDescription: "The account's main domain, for example `example.no` (compared without regard to case). Exactly one of `domain` and `hosting_id`.",
					Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ExactlyOneOf(oneOf...)},
				},
				"hosting_id": schema.Int64Attribute{
					Optional:            true,
					Computed:            true,
					MarkdownDescription: "The account's id. Exactly one of `domain` and `hosting_id`.",
					Validators:          []validator.Int64{int64validator.AtLeast(1)},
				},
				"id":       providerdata.ComputedString("The account's id, as a string."),
				"username": providerdata.ComputedString("The account's system user name."),
				"package":  providerdata.ComputedString("The hosting package, such as `Webhotell M`."),
				"status":   providerdata.ComputedString("The account's status, such as `active`."),
			},
		},
		Client: providerdata.GigahostClient,
		Read:   readHosting,
	})
}

// readHosting finds the configured account among those the credentials see.
func readHosting(ctx context.Context, c *gigahost.Client, m *hostingModel, diags *diag.Diagnostics) {
	accounts, err := c.HostingAccounts(ctx)
	if err != nil {
		addAPIError(diags, "Cannot list Gigahost web-hosting accounts", err)
		return
	}
	var what string
	for _, a := range accounts {
		if (!m.Domain.IsNull() && strings.EqualFold(string(a.Domain), m.Domain.ValueString())) ||
			(!m.HostingID.IsNull() && int64(a.HostingID) == m.HostingID.ValueInt64()) {
			m.fromAPI(a)
			return
		}
	}
	if m.Domain.IsNull() {
		what = fmt.Sprintf("with id %d", m.HostingID.ValueInt64())
	} else {
		what = fmt.Sprintf("for the domain %q", m.Domain.ValueString())
	}
	diags.AddError("Web-hosting account not found",
		fmt.Sprintf("No web-hosting account %s is among the %d the credentials can see.", what, len(accounts)))
}
