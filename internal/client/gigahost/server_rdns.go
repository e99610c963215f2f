package gigahost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Reverse DNS of a server's addresses (PUT /servers/{id}/reverse). The API
// sets the PTR of one IPv4 address (ip_id) or delegates a whole IPv6 subnet
// to a name server (sub_id); it has no read endpoint of its own and no reset:
// the server record shows the PTR in ips[].ip_reverse and the subnets in
// subnets[].

// ServerSubnet is a subnet routed to a server (subnets[] of GET /servers/{id}).
type ServerSubnet struct {
	ID      client.Int    `json:"sub_id"`
	Type    client.String `json:"sub_type"` // ipv6
	Network client.String `json:"sub_network"`
	Netmask client.String `json:"sub_netmask"`
	CIDR    client.String `json:"sub_cidr"`
	// NS is read as the subnet's delegation: the docs name no field for
	// it, and sub_ns is the one name-server field of a subnet.
	NS client.String `json:"sub_ns"`
}

// Prefix is the subnet's network, from sub_cidr or else sub_network and
// sub_netmask; ok false when neither parses.
func (s ServerSubnet) Prefix() (netip.Prefix, bool) {
	text := string(s.CIDR)
	if text == "" && s.Network != "" && s.Netmask != "" {
		text = string(s.Network) + "/" + strings.TrimPrefix(string(s.Netmask), "/")
	}
	p, err := netip.ParsePrefix(strings.TrimSpace(text))
	if err != nil {
		return netip.Prefix{}, false
	}
	return p.Masked(), true
}

// ReverseTarget is what a reverse DNS entry is set on: one IPv4 address of a
// server, or one of its IPv6 subnets. Exactly one is valid.
type ReverseTarget struct {
	IPv4   netip.Addr
	Subnet netip.Prefix
}

// ParseReverseTarget reads an IPv4 address or an IPv6 subnet in CIDR form.
func ParseReverseTarget(s string) (ReverseTarget, error) {
	if a, err := netip.ParseAddr(s); err == nil && a.Is4() {
		return ReverseTarget{IPv4: a}, nil
	}
	if p, err := netip.ParsePrefix(s); err == nil && p.Addr().Is6() && !p.Addr().Is4In6() {
		return ReverseTarget{Subnet: p.Masked()}, nil
	}
	return ReverseTarget{}, fmt.Errorf("%q is neither an IPv4 address (such as 193.200.238.20) nor an IPv6 subnet in CIDR form (such as 2a03:94e0:190e::/48)", s)
}

func (t ReverseTarget) String() string {
	if t.IPv4.IsValid() {
		return t.IPv4.String()
	}
	return t.Subnet.String()
}

// ReverseEntry is the reverse DNS of a target as the server record shows it.
type ReverseEntry struct {
	// IPID (an IPv4 address) or SubID (an IPv6 subnet) is what the PUT names.
	IPID, SubID int64
	// Value is ip_reverse, or sub_ns of a subnet ("" when not set, or, for a
	// subnet, when the record does not show the delegation).
	Value string
}

// SameReverse reports whether two host names are the same name: DNS names
// compare without case, and a trailing dot (the absolute form) changes
// nothing. The docs do not say in which form ip_reverse reads back.
func SameReverse(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(a), "."), strings.TrimSuffix(strings.TrimSpace(b), "."))
}

// FindReverse finds the target in the server record. An IPv4 address is
// matched among the ipv4 entries of ips (the live sample gives an IPv6 entry
// the same ip_id as the IPv4 one, so the family decides), a subnet among the
// ipv6 subnets by network.
func (s *Server) FindReverse(t ReverseTarget) (ReverseEntry, bool) {
	if t.IPv4.IsValid() {
		for _, ip := range s.IPs {
			a, err := netip.ParseAddr(strings.TrimSpace(string(ip.Address)))
			if err == nil && a == t.IPv4 && !strings.EqualFold(string(ip.Family), "ipv6") {
				return ReverseEntry{IPID: int64(ip.ID), Value: string(ip.Reverse)}, true
			}
		}
		return ReverseEntry{}, false
	}
	for _, sub := range s.Subnets {
		if p, ok := sub.Prefix(); ok && p == t.Subnet {
			return ReverseEntry{SubID: int64(sub.ID), Value: string(sub.NS)}, true
		}
	}
	return ReverseEntry{}, false
}

// reverseTargets lists what the record holds, for an error message.
func (s *Server) reverseTargets() string {
	var out []string
	for _, ip := range s.IPs {
		if a, err := netip.ParseAddr(string(ip.Address)); err == nil && a.Is4() {
			out = append(out, a.String())
		}
	}
	for _, sub := range s.Subnets {
		if p, ok := sub.Prefix(); ok {
			out = append(out, p.String())
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// ReverseGoneError says that a reverse DNS target is not there: the server
// is confirmed gone, or it no longer holds the address or subnet.
type ReverseGoneError struct {
	ServerID   int64
	Target     ReverseTarget
	ServerGone bool
	Holds      string // what the server holds instead
}

func (e *ReverseGoneError) Error() string {
	if e.ServerGone {
		return fmt.Sprintf("server %d does not exist (confirmed over several reads)", e.ServerID)
	}
	return fmt.Sprintf("server %d holds no %s (it holds: %s)", e.ServerID, e.Target, e.Holds)
}

// IsReverseGone reports whether err is a ReverseGoneError.
func IsReverseGone(err error) bool {
	var g *ReverseGoneError
	return errors.As(err, &g)
}

// Reverse reads a target's reverse DNS from the server record. A missing
// server is confirmed over several reads (FIELD-NOTES: live servers are
// sometimes missing for tens of seconds) before a ReverseGoneError.
func (c *Client) Reverse(ctx context.Context, serverID int64, t ReverseTarget) (ReverseEntry, error) {
	srv, err := c.ConfirmServer(ctx, serverID)
	if err != nil {
		return ReverseEntry{}, err
	}
	if srv == nil {
		return ReverseEntry{}, &ReverseGoneError{ServerID: serverID, Target: t, ServerGone: true}
	}
	e, ok := srv.FindReverse(t)
	if !ok {
		return ReverseEntry{}, &ReverseGoneError{ServerID: serverID, Target: t, Holds: srv.reverseTargets()}
	}
	return e, nil
}

// putReverse sends PUT /servers/{id}/reverse for the entry's ip_id or sub_id.
// Setting a name is idempotent, so the transport may retry it.
func (c *Client) putReverse(ctx context.Context, serverID int64, e ReverseEntry, value string) error {
	body := map[string]any{"dns": value}
	if e.IPID != 0 {
		body["ip_id"] = e.IPID
	} else {
		body["sub_id"] = e.SubID
	}
	return c.do(ctx, http.MethodPut, serverPath(serverID, "/reverse"), nil, body, nil)
}

// ReverseResult is what SetReverse learned.
type ReverseResult struct {
	// Before is the entry as it was before the write.
	Before ReverseEntry
	// Shown is the value the record shows after the write: the same name
	// (maybe in another form, see SameReverse), or "" when the record does
	// not show a subnet's delegation.
	Shown string
}

// SetReverse sets a target's reverse DNS to value and verifies it by
// reading the record back (the PUT's answer carries nothing to check). When
// the record already shows value, nothing is sent. sent, when not nil, is
// called once the PUT has been answered, before the read-back, with the
// entry as it was before, so that the caller can record it whatever the
// read-back finds. A subnet whose record shows no delegation at all (sub_ns
// empty) cannot be verified and is taken as set; any other value is read
// again over AbsenceReads reads before it is an error.
func (c *Client) SetReverse(ctx context.Context, serverID int64, t ReverseTarget, value string, sent func(before ReverseEntry)) (ReverseResult, error) {
	before, err := c.Reverse(ctx, serverID, t)
	if err != nil {
		return ReverseResult{}, err
	}
	res := ReverseResult{Before: before, Shown: before.Value}
	if SameReverse(before.Value, value) {
		if sent != nil {
			sent(before)
		}
		return res, nil
	}
	if err := c.putReverse(ctx, serverID, before, value); err != nil {
		return res, err
	}
	if sent != nil {
		sent(before)
	}
	reads := 0
	err = client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		now, err := c.Reverse(ctx, serverID, t)
		if err != nil {
			return false, err
		}
		res.Shown = now.Value
		reads++
		if SameReverse(now.Value, value) || (t.Subnet.IsValid() && now.Value == "") {
			return true, nil
		}
		if reads >= AbsenceReads {
			return false, fmt.Errorf("PUT %s was answered, but the reverse DNS of %s still reads %q, not %q (read %d times)",
				serverPath(serverID, "/reverse"), t, now.Value, value, reads)
		}
		return false, nil
	})
	return res, err
}
