package gigahost_test

import (
	"context"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// The docs' example of GET /account, fed to the details decoder: every
// field; a field left out is nil (not a zero); an answer without cust_id,
// or with passkeys that are not passkeys, is an error.
func TestAccountDetailsDocsExample(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /account": string(apidocs.Read(t, "examples/gigahost/GET_account.json"))})
	a, err := c.AccountDetails(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{
		"cust_id": string(*a.CustomerID), "cust_name": string(*a.Name), "cust_company_no": string(*a.CompanyNo), "cust_address": string(*a.Address),
		"cust_zipcode": string(*a.Zipcode), "cust_city": string(*a.City), "cust_country": string(*a.Country), "cust_phone": string(*a.Phone),
		"cust_email": string(*a.Email), "cust_billing_email": string(*a.BillingEmail),
	} {
		want := map[string]string{
			"cust_id": "1111", "cust_name": "Example AS", "cust_company_no": "999999999", "cust_address": "Example Road 1", "cust_zipcode": "0000",
			"cust_city": "Oslo", "cust_country": "Norway", "cust_phone": "+47 00000000", "cust_email": "[email\u00a0protected]", "cust_billing_email": "[email\u00a0protected]", // as the docs page stores them
		}[name]
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if *a.Newsletter || !*a.IncidentNotifications || !*a.BandwidthNotifications || *a.EmailOnLogin || !*a.ServiceRenewalNotifications || *a.Partner {
		t.Errorf("flags = %v %v %v %v %v %v", *a.Newsletter, *a.IncidentNotifications, *a.BandwidthNotifications, *a.EmailOnLogin, *a.ServiceRenewalNotifications, *a.Partner)
	}
	if len(a.Passkeys) != 1 || a.Passkeys[0].ID != 1 || a.Passkeys[0].Name != "YubiKey" || a.Passkeys[0].CreatedAt != 1700000000 || a.Passkeys[0].LastUsed != 1712000000 {
		t.Errorf("passkeys = %+v", a.Passkeys)
	}

	c = docsAPI(t, map[string]string{"GET /account": `{"meta":{"status":200},"data":{"cust_id":"1111","cust_name":"x","sshkeys":[]}}`})
	if a, err := c.AccountDetails(context.Background()); err != nil || a.Phone != nil || a.Partner != nil || a.Passkeys != nil || string(*a.Name) != "x" {
		t.Errorf("fields left out: %+v, %v", a, err)
	}
	for name, data := range map[string]string{
		"no cust_id":          `{"cust_name":"x","sshkeys":[]}`,
		"passkey without id":  `{"cust_id":"1","passkeys":[{"passkey_name":"k"}]}`,
		"passkeys not a list": `{"cust_id":"1","passkeys":"none"}`,
		"empty":               `[]`,
	} {
		c := docsAPI(t, map[string]string{"GET /account": `{"meta":{"status":200},"data":` + data + `}`})
		if a, err := c.AccountDetails(context.Background()); err == nil {
			t.Errorf("%s: AccountDetails = %+v, want an error", name, a)
		}
	}
}
