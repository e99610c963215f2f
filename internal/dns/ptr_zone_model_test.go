package dns

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestPTRZoneSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewPTRZoneResource(), ptrZoneModel{})
}

// The docs' two request bodies come out of their networks, and the names
// lead back to the networks (an import).
func TestReverseZoneOfTheDocsExamples(t *testing.T) {
	for cidr, want := range map[string]gigahost.PTRZoneInput{
		"185.181.63.0/24":   {Prefix: "185.181.63", IPVersion: "ipv4", ZoneName: "63.181.185.in-addr.arpa"},
		"2a03:94e0::/32":    {Prefix: "2a03:94e0::", IPVersion: "ipv6", ZoneName: "0.e.4.9.3.0.a.2.ip6.arpa"},
		"2001:db8:ab0::/44": {Prefix: "2001:db8:ab0::", IPVersion: "ipv6", ZoneName: "b.a.0.8.b.d.0.1.0.0.2.ip6.arpa"},
	} {
		got, problem := reverseZone(cidr)
		if problem != "" || got != want {
			t.Errorf("reverseZone(%s) = %+v, %q; want %+v", cidr, got, problem, want)
		}
		back, ok := networkOfReverseZone(want.ZoneName)
		if !ok || back != cidr {
			t.Errorf("networkOfReverseZone(%s) = %s, %v; want %s", want.ZoneName, back, ok, cidr)
		}
	}
	for _, bad := range []string{"185.181.63.0/23", "185.181.63.7/24", "185.181.63", "2a03:94e0::/30", "2a03:94e0::1/32", "2a03::/128", "x"} {
		if _, problem := reverseZone(bad); problem == "" {
			t.Errorf("reverseZone(%s) accepted", bad)
		}
	}
	for _, bad := range []string{"example.no", "181.185.in-addr.arpa", "x.e.ip6.arpa", "..ip6.arpa"} {
		if cidr, ok := networkOfReverseZone(bad); ok {
			t.Errorf("networkOfReverseZone(%s) = %s", bad, cidr)
		}
	}
	var m ptrZoneModel
	if err := m.fromAPI(gigahost.Zone{ID: "456", Name: "63.181.185.in-addr.arpa"}); err != nil || m.Prefix.ValueString() != "185.181.63.0/24" || m.IPVersion.ValueString() != "ipv4" {
		t.Errorf("fromAPI after import: %+v, %v", m, err)
	}
	m = ptrZoneModel{Prefix: types.StringValue("2a03:94e0::/32")}
	if err := m.fromAPI(gigahost.Zone{ID: "7", Name: "0.e.4.9.3.0.a.2.ip6.arpa"}); err != nil || m.IPVersion.ValueString() != "ipv6" || m.ID.ValueString() != "7" {
		t.Errorf("fromAPI: %+v, %v", m, err)
	}
}
