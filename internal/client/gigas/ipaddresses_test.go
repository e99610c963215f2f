package gigas

import (
	"context"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The address list is read in every plausible shape; an unknown shape or an
// item without a readable address is an error, never "no addresses".
func TestDecodeIPAddresses(t *testing.T) {
	item := `{"id":"1","address":"192.0.2.7","netmask":"255.255.255.0","gateway":"192.0.2.254","network_id":1,"interface_id":"45","is_public":true}`
	for body, want := range map[string]int{
		`[]`:                                        0,
		`[` + item + `]`:                            1,
		`{"ip_addresses":[` + item + `]}`:           1,
		`{"data":[` + item + `]}`:                   1,
		`[{"ip_address":` + item + `}]`:             1,
		`[{"ip_address":"192.0.2.7","public":"1"}]`: 1,
	} {
		got, err := decodeIPAddresses([]byte(body))
		if err != nil || len(got) != want {
			t.Errorf("%s: %+v, %v", body, got, err)
			continue
		}
		if want == 1 && (got[0].Address != "192.0.2.7" || got[0].Version != 4 || got[0].Public == nil || !*got[0].Public) {
			t.Errorf("%s: read %+v", body, got[0])
		}
	}
	got, err := decodeIPAddresses([]byte(item[:len(item)-1] + `}`))
	if err == nil {
		t.Errorf("a bare object read as %+v", got)
	}
	if got, err := decodeIPAddresses([]byte(`[` + item + `]`)); err != nil || got[0].NetworkID != "1" || got[0].InterfaceID != "45" ||
		got[0].Netmask != "255.255.255.0" || got[0].Gateway != "192.0.2.254" {
		t.Errorf("fields: %+v, %v", got, err)
	}
	v6, err := decodeIPAddresses([]byte(`[{"address":"2001:db8::5/64"}]`))
	if err != nil || v6[0].Version != 6 || v6[0].Public != nil || v6[0].Address != "2001:db8::5/64" {
		t.Errorf("IPv6 with a prefix length: %+v, %v", v6, err)
	}
	for _, body := range []string{`{}`, `{"items":[]}`, `[{"ip":"192.0.2.7"}]`, `[{"address":"web-1"}]`, `[{"address":""}]`, `"none"`} {
		if got, err := decodeIPAddresses([]byte(body)); err == nil {
			t.Errorf("%s: read as %+v, want an error", body, got)
		}
	}
}

// The primary address of a version is the only public one, or the only one
// when none is marked; several candidates give none.
func TestPrimaryAddress(t *testing.T) {
	yes, no := true, false
	ip := func(a string, v int64, public *bool) IPAddress {
		return IPAddress{Address: a, Version: v, Public: public}
	}
	for _, c := range []struct {
		name string
		ips  []IPAddress
		v4   string
		v6   string
	}{
		{"public and private", []IPAddress{ip("192.0.2.1", 4, &yes), ip("10.0.0.1", 4, &no), ip("2001:db8::1", 6, &yes)}, "192.0.2.1", "2001:db8::1"},
		{"unmarked single", []IPAddress{ip("192.0.2.1", 4, nil)}, "192.0.2.1", ""},
		{"unmarked pair", []IPAddress{ip("192.0.2.1", 4, nil), ip("10.0.0.1", 4, nil)}, "", ""},
		{"two public", []IPAddress{ip("192.0.2.1", 4, &yes), ip("192.0.2.2", 4, &yes)}, "", ""},
		{"private only", []IPAddress{ip("10.0.0.1", 4, &no)}, "", ""},
		{"none", nil, "", ""},
	} {
		if got := PrimaryAddress(c.ips, 4); got != c.v4 {
			t.Errorf("%s: IPv4 %q, want %q", c.name, got, c.v4)
		}
		if got := PrimaryAddress(c.ips, 6); got != c.v6 {
			t.Errorf("%s: IPv6 %q, want %q", c.name, got, c.v6)
		}
	}
}

// A VM's addresses are read in every form the mock can answer in; the form
// the client cannot read is an error.
func TestIPAddressesEveryForm(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasIPAddresses, func(t *testing.T, form string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		vm, err := c.CreateVM(context.Background(), vmInput("ips"))
		if err != nil {
			t.Fatal(err)
		}
		ips, err := c.IPAddresses(context.Background(), string(vm.ID))
		if form == "unknown-fields" {
			if err == nil {
				t.Errorf("read %+v from fields the client does not know", ips)
			}
			return
		}
		if err != nil || len(ips) != 3 {
			t.Fatalf("IPAddresses = %+v, %v", ips, err)
		}
		wantV4, wantV6 := "192.0.2.", "2001:db8::"
		if form == "no-public-flag" {
			wantV4 = "" // a public and a private IPv4, neither marked
		}
		if got := PrimaryAddress(ips, 4); len(got) < len(wantV4) || got[:len(wantV4)] != wantV4 || (wantV4 == "" && got != "") {
			t.Errorf("IPv4 %q, want %s...", got, wantV4)
		}
		if got := PrimaryAddress(ips, 6); len(got) < len(wantV6) || got[:len(wantV6)] != wantV6 {
			t.Errorf("IPv6 %q, want %s...", got, wantV6)
		}
	})
}
