package gigahost

import (
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// decodeServerRecord reads the one server of a GET /servers/{id} answer.
func decodeServerRecord(t *testing.T, rel string) *Server {
	t.Helper()
	var env struct {
		Data []Server `json:"data"`
	}
	if err := json.Unmarshal(apidocs.Read(t, rel), &env); err != nil || len(env.Data) != 1 {
		t.Fatalf("%s: %v (%d servers)", rel, err, len(env.Data))
	}
	return &env.Data[0]
}

// The docs' example and the live sample: IPv4 entries with ip_id and
// ip_reverse, IPv6 subnets with sub_id, sub_cidr and sub_ns; in the live
// sample an IPv6 entry carries the IPv4 entry's ip_id.
func TestFindReverseInDocsAndSample(t *testing.T) {
	t.Parallel()
	doc := decodeServerRecord(t, "examples/gigahost/GET_servers_id.json")
	e, ok := doc.FindReverse(ReverseTarget{IPv4: netip.MustParseAddr("185.181.62.21")})
	if !ok || e.IPID != 7538 || e.Value != "static.185.181.62.21.gigahost.no" {
		t.Errorf("docs IPv4: %+v %v", e, ok)
	}
	e, ok = doc.FindReverse(ReverseTarget{Subnet: netip.MustParsePrefix("2a03:94e0:190f::/48")})
	if !ok || e.SubID != 2237 || e.Value != "" {
		t.Errorf("docs subnet: %+v %v", e, ok)
	}
	if _, ok := doc.FindReverse(ReverseTarget{Subnet: netip.MustParsePrefix("2a03:94e0:1910::/48")}); ok {
		t.Error("a subnet the server does not hold was found")
	}

	live := decodeServerRecord(t, "samples/gigahost/server-get.live.json")
	e, ok = live.FindReverse(ReverseTarget{IPv4: netip.MustParseAddr("193.200.238.252")})
	if !ok || e.IPID != 9798 || e.Value != "" {
		t.Errorf("live IPv4: %+v %v", e, ok)
	}
	e, ok = live.FindReverse(ReverseTarget{Subnet: netip.MustParsePrefix("2a03:94e0:14aa::/48")})
	if !ok || e.SubID != 1104 {
		t.Errorf("live subnet: %+v %v", e, ok)
	}
	if got := live.reverseTargets(); got != "193.200.238.252, 2a03:94e0:14aa::/48" {
		t.Errorf("targets: %s", got)
	}
}

func TestSubnetPrefixForms(t *testing.T) {
	t.Parallel()
	for _, s := range []ServerSubnet{
		{CIDR: "2a03:94e0:190e::/48"},
		{Network: "2a03:94e0:190e::", Netmask: "48"},
		{Network: "2a03:94e0:190e::", Netmask: "/48"},
	} {
		if p, ok := s.Prefix(); !ok || p != netip.MustParsePrefix("2a03:94e0:190e::/48") {
			t.Errorf("%+v: %v %v", s, p, ok)
		}
	}
	if _, ok := (ServerSubnet{}).Prefix(); ok {
		t.Error("an empty subnet has a prefix")
	}
}

func TestSameReverse(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"web.example.com", "web.example.com.", true},
		{"Web.Example.com", "web.example.com", true},
		{"web.example.com", "web2.example.com", false},
		{"", "web.example.com", false},
	} {
		if SameReverse(c.a, c.b) != c.same {
			t.Errorf("%q %q: want %v", c.a, c.b, c.same)
		}
	}
}
