package webhosting

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// TestEmailSchemaModelParity checks that every schema attribute has a model
// field and the other way round.
func TestEmailSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewEmailResource(), emailModel{})
	parity.AssertDataSource(t, NewHostingDataSource(), hostingModel{})
}

func TestEmailModelConversions(t *testing.T) {
	var m emailModel
	m.Password = types.StringValue("kept")
	m.fromAPI(1234, gigahost.Mailbox{Address: "info@example.no", Quota: 0, QuotaKnown: true})
	if m.ID.ValueString() != "1234/info@example.no" || m.Email.ValueString() != "info" || m.Address.ValueString() != "info@example.no" ||
		m.Quota.ValueInt64() != 0 || m.HostingID.ValueInt64() != 1234 || m.Password.ValueString() != "kept" {
		t.Errorf("fromAPI: %+v", m)
	}
	in := m.toAPI("pw")
	if in.Email != "info" || in.Password != "pw" || in.Quota == nil || *in.Quota != 0 {
		t.Errorf("toAPI: %+v", in)
	}
	// A list that shows no quota keeps the stored value, never a zero.
	m.Quota = types.Int64Value(250)
	m.fromAPI(1234, gigahost.Mailbox{Address: "info@example.no"})
	if m.Quota.ValueInt64() != 250 {
		t.Errorf("a quota the list does not show replaced the stored 250: %v", m.Quota)
	}
	m.Quota = types.Int64Unknown()
	m.fromAPI(1234, gigahost.Mailbox{Address: "info@example.no"})
	if !m.Quota.IsNull() {
		t.Errorf("an unknown quota the list does not show: %v, want null", m.Quota)
	}
	m.Quota = types.Int64Unknown()
	if in := m.toAPI("pw"); in.Quota != nil {
		t.Errorf("an unknown quota is sent: %+v", in)
	}
}

func TestParseEmailID(t *testing.T) {
	id, addr, err := parseEmailID("1234/Info@Example.no")
	if err != nil || id != 1234 || addr != "info@example.no" {
		t.Errorf("got %d %q %v", id, addr, err)
	}
	for _, bad := range []string{"", "1234", "1234/", "x/info@example.no", "1234/info", "0/info@example.no", "1234/info@example.no/x", "/info@example.no"} {
		if _, _, err := parseEmailID(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestLocalPartProblem(t *testing.T) {
	for _, ok := range []string{"a", "info", "first.last", "a_b", "a+tag", "a-b", "9"} {
		if p := localPartProblem(ok); p != "" {
			t.Errorf("%q refused: %s", ok, p)
		}
	}
	long := ""
	for range 65 {
		long += "a"
	}
	for _, bad := range []string{"", "Info", ".a", "a.", "a..b", "a@b", "a b", "-a", long} {
		if localPartProblem(bad) == "" {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestPasswordToSend(t *testing.T) {
	s, n := types.StringValue, types.StringNull()
	v, nv := types.Int64Value, types.Int64Null()
	cases := []struct {
		name                string
		plan, state, config emailModel
		want                string
		send                bool
	}{
		{"same password", emailModel{Password: s("a")}, emailModel{Password: s("a")}, emailModel{Password: s("a")}, "", false},
		{"new password", emailModel{Password: s("b")}, emailModel{Password: s("a")}, emailModel{Password: s("b")}, "b", true},
		{"imported, password set", emailModel{Password: s("b")}, emailModel{Password: n}, emailModel{Password: s("b")}, "b", true},
		{"wo, same version", emailModel{Password: n, PasswordWOVersion: v(1)}, emailModel{Password: n, PasswordWOVersion: v(1)}, emailModel{PasswordWO: s("w")}, "", false},
		{"wo, new version", emailModel{Password: n, PasswordWOVersion: v(2)}, emailModel{Password: n, PasswordWOVersion: v(1)}, emailModel{PasswordWO: s("w")}, "w", true},
		{"wo, imported, no version", emailModel{Password: n, PasswordWOVersion: nv}, emailModel{Password: n, PasswordWOVersion: nv}, emailModel{PasswordWO: s("w")}, "", false},
		{"password to wo", emailModel{Password: n}, emailModel{Password: s("a")}, emailModel{PasswordWO: s("w")}, "w", true},
	}
	for _, c := range cases {
		got, send := passwordToSend(c.plan, c.state, c.config)
		if send != c.send || (send && got != c.want) {
			t.Errorf("%s: got %q %v, want %q %v", c.name, got, send, c.want, c.send)
		}
	}
}
