package account

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestParity(t *testing.T) {
	t.Parallel()
	parity.AssertDataSource(t, NewAccountDataSource(), accountModel{})
}

// Fields the answer leaves out are null, never "" or false; no passkeys
// list is null, an empty one is empty.
func TestAccountModelNulls(t *testing.T) {
	t.Parallel()
	id, yes := client.String("1111"), client.Bool(true)
	var m accountModel
	m.fromAPI(gigahost.AccountDetails{CustomerID: &id, Partner: &yes})
	if m.CustomerID.ValueString() != "1111" || !m.Partner.ValueBool() || !m.Phone.IsNull() || !m.Newsletter.IsNull() || m.Passkeys != nil {
		t.Errorf("fromAPI = %+v", m)
	}
	m.fromAPI(gigahost.AccountDetails{CustomerID: &id, Passkeys: []gigahost.Passkey{}})
	if m.Passkeys == nil || len(m.Passkeys) != 0 {
		t.Errorf("empty passkeys = %#v", m.Passkeys)
	}
}
