package dns

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// ptrZoneModel is the gigahost_dns_ptr_zone resource's state.
type ptrZoneModel struct {
	ID        types.String `tfsdk:"id"`
	Prefix    types.String `tfsdk:"prefix"`
	ZoneName  types.String `tfsdk:"zone_name"`
	IPVersion types.String `tfsdk:"ip_version"`
}

const hexDigits = "0123456789abcdef"

// reverseZone is the creation of the reverse zone of a network in CIDR
// form: an IPv4 /24 ("185.181.63.0/24" gives prefix "185.181.63", zone
// "63.181.185.in-addr.arpa") or an IPv6 prefix on a nibble boundary
// ("2a03:94e0::/32" gives prefix "2a03:94e0::", zone
// "0.e.4.9.3.0.a.2.ip6.arpa"). problem says what is wrong, "" for none.
func reverseZone(cidr string) (in gigahost.PTRZoneInput, problem string) {
	ip, network, err := net.ParseCIDR(strings.TrimSpace(cidr))
	if err != nil {
		return in, "must be a network in CIDR form: an IPv4 /24 such as 185.181.63.0/24, or an IPv6 prefix such as 2a03:94e0::/32"
	}
	ones, _ := network.Mask.Size()
	hostBits := fmt.Sprintf("must be the network's address with the host bits zero (%s)", network.String())
	if v4 := network.IP.To4(); v4 != nil {
		if ones != 24 {
			return in, "an IPv4 reverse zone must be a /24 (such as 185.181.63.0/24)"
		}
		if !ip.Equal(network.IP) {
			return in, hostBits
		}
		return gigahost.PTRZoneInput{
			Prefix:    fmt.Sprintf("%d.%d.%d", v4[0], v4[1], v4[2]),
			IPVersion: "ipv4",
			ZoneName:  fmt.Sprintf("%d.%d.%d.in-addr.arpa", v4[2], v4[1], v4[0]),
		}, ""
	}
	if ones%4 != 0 || ones < 4 || ones > 124 {
		return in, "an IPv6 reverse zone must end on a nibble boundary: a prefix length that is a multiple of 4, from /4 to /124"
	}
	if !ip.Equal(network.IP) {
		return in, hostBits
	}
	nibbles := make([]string, 0, ones/4)
	for i := ones/4 - 1; i >= 0; i-- {
		b := network.IP[i/2]
		if i%2 == 0 {
			b >>= 4
		}
		nibbles = append(nibbles, string(hexDigits[b&15]))
	}
	return gigahost.PTRZoneInput{Prefix: network.IP.String(), IPVersion: "ipv6", ZoneName: strings.Join(nibbles, ".") + ".ip6.arpa"}, ""
}

// networkOfReverseZone is the network in CIDR form whose reverse zone is
// name, the inverse of reverseZone; false when name is not such a zone.
func networkOfReverseZone(name string) (string, bool) {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if rest, ok := strings.CutSuffix(name, ".in-addr.arpa"); ok {
		o := strings.Split(rest, ".")
		if len(o) != 3 {
			return "", false
		}
		cidr := o[2] + "." + o[1] + "." + o[0] + ".0/24"
		in, problem := reverseZone(cidr)
		return cidr, problem == "" && in.ZoneName == name
	}
	rest, ok := strings.CutSuffix(name, ".ip6.arpa")
	if !ok {
		return "", false
	}
	n := strings.Split(rest, ".")
	if len(n) < 1 || len(n) > 31 {
		return "", false
	}
	ip := make(net.IP, net.IPv6len)
	for i, nib := range n {
		v, ok := nibbleValue(nib)
		if !ok {
			return "", false
		}
		pos := len(n) - 1 - i // nibble index from the left
		if pos%2 == 0 {
			ip[pos/2] |= v << 4
		} else {
			ip[pos/2] |= v
		}
	}
	return ip.String() + "/" + strconv.Itoa(4*len(n)), true
}

// nibbleValue is the value of one lower-case hexadecimal digit.
func nibbleValue(s string) (byte, bool) {
	switch {
	case len(s) != 1:
		return 0, false
	case s[0] >= '0' && s[0] <= '9':
		return s[0] - '0', true
	case s[0] >= 'a' && s[0] <= 'f':
		return s[0] - 'a' + 10, true
	}
	return 0, false
}

// fromAPI sets the model from the zone; the configured prefix is kept,
// and derived from the zone's name after an import.
func (m *ptrZoneModel) fromAPI(z gigahost.Zone) error {
	m.ID = types.StringValue(string(z.ID))
	m.ZoneName = types.StringValue(string(z.Name))
	if m.Prefix.IsNull() || m.Prefix.IsUnknown() {
		cidr, ok := networkOfReverseZone(string(z.Name))
		if !ok {
			return fmt.Errorf("zone %s (%s) is not a reverse zone of an IPv4 /24 or an IPv6 prefix", string(z.ID), string(z.Name))
		}
		m.Prefix = types.StringValue(cidr)
	}
	in, _ := reverseZone(m.Prefix.ValueString())
	m.IPVersion = types.StringValue(in.IPVersion)
	return nil
}

// reverseNetwork is the plan-time check of prefix.
type reverseNetwork struct{}

func (reverseNetwork) Description(context.Context) string {
	return "an IPv4 /24 or an IPv6 prefix on a nibble boundary, in CIDR form"
}

func (v reverseNetwork) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (reverseNetwork) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, problem := reverseZone(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid reverse zone prefix", fmt.Sprintf("%s %q %s.", req.Path, req.ConfigValue.ValueString(), problem))
	}
}
