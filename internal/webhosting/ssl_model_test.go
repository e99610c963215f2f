package webhosting

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestSSLSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewSSLResource(), sslModel{})
}

func TestSSLModelConversions(t *testing.T) {
	ctx := context.Background()
	m := sslModel{KeySize: types.StringValue("rsa_4096")}
	expires := time.Date(2027, 2, 28, 12, 0, 0, 0, time.UTC)
	if d := m.fromAPI(ctx, 1234, gigahost.HostingSSL{Enabled: true, Installed: true, Hostnames: []string{"example.no"}, Expires: expires}); d.HasError() {
		t.Fatal(d)
	}
	if m.ID.ValueString() != "1234" || !m.Enabled.ValueBool() || m.ExpiresAt.ValueString() != "2027-02-28T12:00:00Z" ||
		m.KeySize.ValueString() != "rsa_4096" || len(m.Hostnames.Elements()) != 1 || m.ValidHostnames.IsNull() {
		t.Errorf("fromAPI: %+v", m)
	}
	in, d := m.toAPI(ctx)
	if d.HasError() || len(in.Hostnames) != 1 || in.Hostnames[0] != "example.no" || in.KeySize != "rsa_4096" {
		t.Errorf("toAPI: %+v %v", in, d)
	}
	// No expiry shown: null, never a zero time.
	_ = m.fromAPI(ctx, 1234, gigahost.HostingSSL{Installed: true, Hostnames: []string{"example.no"}})
	if !m.ExpiresAt.IsNull() {
		t.Errorf("an expiry the API does not show: %v", m.ExpiresAt)
	}
}

func TestParseHostingID(t *testing.T) {
	if id, err := parseHostingID("1234"); err != nil || id != 1234 {
		t.Errorf("got %d %v", id, err)
	}
	for _, bad := range []string{"", "0", "-1", "x", "1234/ssl", "example.no"} {
		if _, err := parseHostingID(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
