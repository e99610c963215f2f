package webhosting

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// HostingsDataSourceType is the data source's type name.
const HostingsDataSourceType = "gigahost_webhostings"

// hostingEntryModel is one account of the gigahost_webhostings data source.
type hostingEntryModel struct {
	ID           types.String `tfsdk:"id"`
	HostingID    types.Int64  `tfsdk:"hosting_id"`
	Domain       types.String `tfsdk:"domain"`
	Username     types.String `tfsdk:"username"`
	Package      types.String `tfsdk:"package"`
	Status       types.String `tfsdk:"status"`
	CreatedDate  types.String `tfsdk:"created_date"`
	OrderNumber  types.Int64  `tfsdk:"order_number"`
	OrderRenewal types.String `tfsdk:"order_renewal"`
	OrderStatus  types.String `tfsdk:"order_status"`
}

func hostingEntryFromAPI(a gigahost.HostingAccount) hostingEntryModel {
	return hostingEntryModel{
		ID:           types.StringValue(strconv.FormatInt(int64(a.HostingID), 10)),
		HostingID:    types.Int64Value(int64(a.HostingID)),
		Domain:       types.StringValue(string(a.Domain)),
		Username:     types.StringValue(string(a.Username)),
		Package:      types.StringValue(string(a.Package)),
		Status:       types.StringValue(string(a.Status)),
		CreatedDate:  types.StringValue(string(a.CreatedDate)),
		OrderNumber:  types.Int64Value(int64(a.OrderNumber)),
		OrderRenewal: types.StringValue(string(a.OrderRenewal)),
		OrderStatus:  types.StringValue(string(a.OrderStatus)),
	}
}

// NewHostingsDataSource returns the gigahost_webhostings data source: every
// web-hosting account the credentials can see, optionally by domain.
func NewHostingsDataSource() datasource.DataSource {
	domain := func(a gigahost.HostingAccount) string { return string(a.Domain) }
	return providerdata.NewListDataSource(providerdata.ListSpec[gigahost.Client, gigahost.HostingAccount, hostingEntryModel]{
		TypeName: HostingsDataSourceType,
		Description: "Lists the Gigahost web-hosting accounts the credentials can see (`GET /webhosting`; an API key limited to some " +
			"webhosting ids sees only those), optionally filtered by domain. For one account by domain or id, see `gigahost_webhosting`.",
		Client:    providerdata.GigahostClient,
		List:      (*gigahost.Client).HostingAccounts,
		ListError: "Cannot list Gigahost web-hosting accounts",
		APIError:  addAPIError,
		Filters: []providerdata.ListFilter[gigahost.HostingAccount]{
			{Attribute: "domain", Match: providerdata.MatchFold, Field: domain, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				Description: "Keep only the account of this main domain, for example `example.no` (compared without regard to case)."},
			{Attribute: "domain_regex", Match: providerdata.MatchRegex, Field: domain,
				Description: "Keep only accounts whose main domain matches this regular expression (RE2 syntax), for example `\\.no$`. With `domain`, an account must match both."},
		},
		Attribute: "accounts", AttributeDescription: "The matching accounts, in the API's order.",
		Item: map[string]schema.Attribute{
			"id":            providerdata.ComputedString("The account id, as a string."),
			"hosting_id":    providerdata.ComputedInt64("The account id, as `hosting_id` of the web-hosting resources takes it."),
			"domain":        providerdata.ComputedString("The account's main domain."),
			"username":      providerdata.ComputedString("The account's system user name."),
			"package":       providerdata.ComputedString("The hosting package, such as `Webhotell M`."),
			"status":        providerdata.ComputedString("The account's status, such as `active`."),
			"created_date":  providerdata.ComputedString("When the account was created, as the API shows it (`YYYY-MM-DD`)."),
			"order_number":  providerdata.ComputedInt64("The number of the account's order."),
			"order_renewal": providerdata.ComputedString("The order's next renewal date, as the API shows it (`YYYY-MM-DD`)."),
			"order_status":  providerdata.ComputedString("The order's status, such as `active`."),
		},
		Convert: hostingEntryFromAPI,
		Derived: map[string]providerdata.Derived[hostingEntryModel]{"hosting_ids": {
			Schema: schema.ListAttribute{
				ElementType:         types.Int64Type,
				Computed:            true,
				MarkdownDescription: "The ids of the matching accounts, in the order of `accounts`.",
			},
			Value: func(accounts []hostingEntryModel) any {
				ids := make([]types.Int64, 0, len(accounts))
				for _, a := range accounts {
					ids = append(ids, a.HostingID)
				}
				return ids
			},
		}},
	})
}
