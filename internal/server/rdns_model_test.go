package server

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestRDNSSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewRDNSResource(), rdnsModel{})
}

func TestRDNSValidators(t *testing.T) {
	for _, c := range []struct {
		v    validator.String
		in   string
		want string // "" when valid
	}{
		{ipv4Address, "193.200.238.21", ""},
		{ipv4Address, "2a03:94e0:ffff::1", "must be an IPv4 address"},
		{ipv4Address, "193.200.238.0/24", "must be an IPv4 address"},
		{ipv6Subnet, "2a03:94e0:190e::/48", ""},
		{ipv6Subnet, "2a03:94e0:190e::1/48", "network address, 2a03:94e0:190e::/48"},
		{ipv6Subnet, "193.200.238.0/24", "IPv6 subnet in CIDR form"},
		{ipv6Subnet, "2a03:94e0:190e::", "IPv6 subnet in CIDR form"},
	} {
		resp := &validator.StringResponse{}
		c.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(c.in)}, resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics[0].Detail()
		}
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
	for in, ok := range map[string]bool{"web-1.example.com": true, "ns1.example.com.": true, "Web.Example.NO": true,
		"localhost": false, "not a name": false, "-a.example.com": false, "a..example.com": false} {
		if ptrRE.MatchString(in) != ok {
			t.Errorf("ptr %q: match %v, want %v", in, !ok, ok)
		}
	}
}

func TestRDNSImportID(t *testing.T) {
	m, err := parseRDNSImportID("18856/2a03:94e0:190e::/48")
	if err != nil || m.IPv6Subnet.ValueString() != "2a03:94e0:190e::/48" || !m.IPAddress.IsNull() || m.serverID() != 18856 || m.ID.ValueString() != "18856/2a03:94e0:190e::/48" {
		t.Fatalf("%+v %v", m, err)
	}
	m, err = parseRDNSImportID("18856/193.200.238.21")
	if err != nil || m.IPAddress.ValueString() != "193.200.238.21" || !m.IPv6Subnet.IsNull() {
		t.Fatalf("%+v %v", m, err)
	}
	for _, bad := range []string{"18856", "x/193.200.238.21", "18856/web.example.no", "/193.200.238.21"} {
		if _, err := parseRDNSImportID(bad); err == nil || !strings.Contains(err.Error(), "18856") && !strings.Contains(err.Error(), bad) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// fromAPI keeps the configured form of the same name, and the prior
// delegation when the record shows none.
func TestRDNSFromAPI(t *testing.T) {
	m := rdnsModel{IPAddress: types.StringValue("193.200.238.21"), IPv6Subnet: types.StringNull(), PTR: types.StringValue("Web.example.com")}
	m.fromAPI("web.example.com.")
	if m.PTR.ValueString() != "Web.example.com" {
		t.Errorf("same name: %s", m.PTR)
	}
	m.fromAPI("")
	if m.PTR.ValueString() != "" {
		t.Errorf("cleared IPv4 PTR: %s", m.PTR)
	}
	m = rdnsModel{IPAddress: types.StringNull(), IPv6Subnet: types.StringValue("2a03:94e0:190e::/48"), PTR: types.StringValue("ns1.example.com")}
	m.fromAPI("")
	if m.PTR.ValueString() != "ns1.example.com" {
		t.Errorf("hidden delegation: %s", m.PTR)
	}
	m.fromAPI("ns2.example.com")
	if m.PTR.ValueString() != "ns2.example.com" {
		t.Errorf("changed delegation: %s", m.PTR)
	}
}
