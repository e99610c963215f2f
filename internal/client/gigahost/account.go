package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// AccountDetails is what GET /account shows of the account to any caller
// with the account permission: company and contact details, notification
// preferences, partner status and passkeys. Users (contacts) and the order
// history are for admin sessions only (docs § Account information), so they
// are left out. A field the answer leaves out is nil, never a zero value.
type AccountDetails struct {
	CustomerID                  *client.String `json:"cust_id"`
	Name                        *client.String `json:"cust_name"`
	CompanyNo                   *client.String `json:"cust_company_no"`
	Address                     *client.String `json:"cust_address"`
	Zipcode                     *client.String `json:"cust_zipcode"`
	City                        *client.String `json:"cust_city"`
	Country                     *client.String `json:"cust_country"`
	Phone                       *client.String `json:"cust_phone"`
	Email                       *client.String `json:"cust_email"`
	BillingEmail                *client.String `json:"cust_billing_email"`
	Newsletter                  *client.Bool   `json:"cust_newsletter"`
	IncidentNotifications       *client.Bool   `json:"cust_incident"`
	BandwidthNotifications      *client.Bool   `json:"cust_bandwidth_notification"`
	EmailOnLogin                *client.Bool   `json:"cust_email_on_login"`
	ServiceRenewalNotifications *client.Bool   `json:"cust_notify_service_renewal"`
	Partner                     *client.Bool   `json:"cust_partner"`
	Passkeys                    []Passkey      `json:"-"` // nil: the answer has no passkeys list
}

// Passkey is one of the account's passkeys (its name and dates; the API
// shows nothing secret of it).
type Passkey struct {
	ID        client.Int    `json:"passkey_id"`
	Name      client.String `json:"passkey_name"`
	CreatedAt client.Int    `json:"created_at"` // unix seconds
	LastUsed  client.Int    `json:"last_used"`  // unix seconds
}

// accountObject reads GET /account and returns the account object: bare,
// or in the other forms oneObject reads, recognised by cust_id or sshkeys.
func (c *Client) accountObject(ctx context.Context) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/account", nil, nil, &raw); err != nil {
		return nil, err
	}
	obj, err := oneObject(raw, "cust_id", "sshkeys")
	if err != nil {
		return nil, fmt.Errorf("GET /account: %w", err)
	}
	return obj, nil
}

// AccountDetails reads the account's details. An answer without cust_id is
// an error; a passkeys member that is not a list of passkeys with an id is
// an error, never "no passkeys".
func (c *Client) AccountDetails(ctx context.Context) (AccountDetails, error) {
	obj, err := c.accountObject(ctx)
	if err != nil {
		return AccountDetails{}, err
	}
	var a AccountDetails
	var j struct {
		Passkeys json.RawMessage `json:"passkeys"`
	}
	if err := json.Unmarshal(obj, &a); err != nil {
		return AccountDetails{}, fmt.Errorf("GET /account: %w", err)
	}
	if err := json.Unmarshal(obj, &j); err != nil {
		return AccountDetails{}, fmt.Errorf("GET /account: %w", err)
	}
	if a.CustomerID == nil || *a.CustomerID == "" {
		return AccountDetails{}, fmt.Errorf("GET /account: the answer carries no cust_id: %s", abbreviate(obj))
	}
	if len(j.Passkeys) == 0 {
		return a, nil
	}
	items, err := listItems(j.Passkeys, "passkeys")
	if err != nil {
		return AccountDetails{}, fmt.Errorf("GET /account: passkeys: %w", err)
	}
	a.Passkeys = []Passkey{}
	for _, item := range items {
		var p Passkey
		if err := json.Unmarshal(item, &p); err != nil || p.ID == 0 {
			return AccountDetails{}, fmt.Errorf("GET /account: a passkeys item that is not a passkey with a passkey_id: %s", abbreviate(item))
		}
		a.Passkeys = append(a.Passkeys, p)
	}
	return a, nil
}
