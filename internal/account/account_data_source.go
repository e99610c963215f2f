package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// DataSourceType is the data source's type name.
const DataSourceType = "gigahost_account"

// NewAccountDataSource returns the gigahost_account data source: the
// authenticated account (GET /account).
func NewAccountDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, accountModel]{
		TypeName: DataSourceType, Schema: accountSchema(), Client: providerdata.GigahostClient, Read: readAccount,
	})
}

// accountModel is the data source's state.
type accountModel struct {
	CustomerID                  types.String   `tfsdk:"customer_id"`
	Name                        types.String   `tfsdk:"name"`
	CompanyNo                   types.String   `tfsdk:"company_no"`
	Address                     types.String   `tfsdk:"address"`
	Zipcode                     types.String   `tfsdk:"zipcode"`
	City                        types.String   `tfsdk:"city"`
	Country                     types.String   `tfsdk:"country"`
	Phone                       types.String   `tfsdk:"phone"`
	Email                       types.String   `tfsdk:"email"`
	BillingEmail                types.String   `tfsdk:"billing_email"`
	Partner                     types.Bool     `tfsdk:"partner"`
	Newsletter                  types.Bool     `tfsdk:"newsletter"`
	IncidentNotifications       types.Bool     `tfsdk:"incident_notifications"`
	BandwidthNotifications      types.Bool     `tfsdk:"bandwidth_notifications"`
	EmailOnLogin                types.Bool     `tfsdk:"email_on_login"`
	ServiceRenewalNotifications types.Bool     `tfsdk:"service_renewal_notifications"`
	Passkeys                    []passkeyModel `tfsdk:"passkeys"`
}

type passkeyModel struct {
	PasskeyID types.Int64  `tfsdk:"passkey_id"`
	Name      types.String `tfsdk:"name"`
	CreatedAt types.Int64  `tfsdk:"created_at"`
	LastUsed  types.Int64  `tfsdk:"last_used"`
}

func str(v *client.String) types.String {
	if v == nil {
		return types.StringNull()
	}
	return types.StringValue(string(*v))
}

func flag(v *client.Bool) types.Bool {
	if v == nil {
		return types.BoolNull()
	}
	return types.BoolValue(bool(*v))
}

// fromAPI sets the model from the account; a field the answer left out is null.
func (m *accountModel) fromAPI(a gigahost.AccountDetails) {
	*m = accountModel{
		CustomerID: str(a.CustomerID), Name: str(a.Name), CompanyNo: str(a.CompanyNo), Address: str(a.Address),
		Zipcode: str(a.Zipcode), City: str(a.City), Country: str(a.Country), Phone: str(a.Phone), Email: str(a.Email),
		BillingEmail: str(a.BillingEmail), Partner: flag(a.Partner), Newsletter: flag(a.Newsletter),
		IncidentNotifications: flag(a.IncidentNotifications), BandwidthNotifications: flag(a.BandwidthNotifications),
		EmailOnLogin: flag(a.EmailOnLogin), ServiceRenewalNotifications: flag(a.ServiceRenewalNotifications),
	}
	if a.Passkeys != nil {
		m.Passkeys = []passkeyModel{}
		for _, p := range a.Passkeys {
			m.Passkeys = append(m.Passkeys, passkeyModel{
				PasskeyID: types.Int64Value(int64(p.ID)), Name: types.StringValue(string(p.Name)),
				CreatedAt: types.Int64Value(int64(p.CreatedAt)), LastUsed: types.Int64Value(int64(p.LastUsed)),
			})
		}
	}
}

// permissionHint explains a 403, which with an API key means its permissions.
const permissionHint = "The Gigahost credentials in use may not do this. With an API key, check its permissions: " +
	"the account category must be present (mode \"r\" is enough to read the account)."

// accountSchema is the schema of the data source.
func accountSchema() schema.Schema {
	s := providerdata.ComputedString
	b := providerdata.ComputedBool
	return schema.Schema{
		MarkdownDescription: "The authenticated Gigahost account as `GET /account` shows it to any credential with the `account` " +
			"permission category (mode `r` is enough on an API key): company and contact details, notification preferences and passkeys. " +
			"The users and the order history are left out (the API shows them to admin sessions only), and so are the SSH keys " +
			"(`gigahost_ssh_keys` lists them). Nothing here is a secret: the API never shows an API key the 2FA secret or the legacy " +
			"API key. The contact details are not marked sensitive: they are the account's own business details, readable by whoever holds " +
			"the credentials, and marking them would only hide them from plans and outputs while the state keeps them in clear text as it " +
			"keeps every attribute, so protect the state. A field the API leaves out is null. Changing the details is not in this provider.",
		Attributes: map[string]schema.Attribute{
			"customer_id":                   s("The customer id (`cust_id`)."),
			"name":                          s("The customer's (company's) name (`cust_name`)."),
			"company_no":                    s("The organisation number (`cust_company_no`)."),
			"address":                       s("The street address (`cust_address`)."),
			"zipcode":                       s("The postal code (`cust_zipcode`)."),
			"city":                          s("The city (`cust_city`)."),
			"country":                       s("The country (`cust_country`)."),
			"phone":                         s("The phone number (`cust_phone`)."),
			"email":                         s("The account's e-mail address (`cust_email`)."),
			"billing_email":                 s("Where invoices go (`cust_billing_email`)."),
			"partner":                       b("Whether the account is a partner account, with sub-clients (`cust_partner`)."),
			"newsletter":                    b("Whether the account receives the newsletter (`cust_newsletter`)."),
			"incident_notifications":        b("Whether the account is notified of incidents (`cust_incident`)."),
			"bandwidth_notifications":       b("Whether the account is notified about bandwidth use (`cust_bandwidth_notification`)."),
			"email_on_login":                b("Whether an e-mail is sent on each login (`cust_email_on_login`)."),
			"service_renewal_notifications": b("Whether the account is notified before services renew (`cust_notify_service_renewal`)."),
			"passkeys": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The account's passkeys, in the API's order (null if the answer has no passkeys list).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"passkey_id": providerdata.ComputedInt64("The passkey's id (`passkey_id`)."),
					"name":       s("The passkey's name (`passkey_name`)."),
					"created_at": providerdata.ComputedInt64("When it was added, in unix seconds."),
					"last_used":  providerdata.ComputedInt64("When it was last used, in unix seconds."),
				}},
			},
		},
	}
}

// readAccount reads GET /account.
func readAccount(ctx context.Context, c *gigahost.Client, m *accountModel, diags *diag.Diagnostics) {
	a, err := c.AccountDetails(ctx)
	if err != nil {
		tfutil.AddAPIErrorHint(diags, "Cannot read the Gigahost account", err, permissionHint)
		return
	}
	m.fromAPI(a)
}
