package gigahost

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func dnsClient(t *testing.T) (*Client, *mockapi.Server) {
	t.Helper()
	m := mockapi.New(mockapi.Options{Seed: 3})
	m.Start()
	t.Cleanup(m.Close)
	c, err := New(Config{APIKey: mockapi.GigahostAPIKey, Transport: client.Options{BaseURL: m.GigahostURL(), MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

func TestDNSZoneLifecycle(t *testing.T) {
	c, m := dnsClient(t)
	ctx := context.Background()
	z, err := c.CreateZone(ctx, ZoneInput{Name: "client.example"})
	if err != nil {
		t.Fatal(err)
	}
	if string(z.ID) != fmt.Sprint(m.Gigahost.DNS.ZoneID("client.example")) || z.Type != "NATIVE" {
		t.Fatalf("created zone %+v", z)
	}
	zones, err := c.ListZones(ctx)
	if err != nil || len(zones) != 2 {
		t.Fatalf("zones %+v, %v", zones, err)
	}
	seed, ok := FindZone(zones, "EXAMPLE.no.")
	if !ok || !bool(seed.Protected) || seed.RecordCount != 3 || string(seed.ID) != "123" {
		t.Fatalf("seeded zone %+v", seed)
	}
	if err := c.DeleteZone(ctx, string(z.ID)); err != nil {
		t.Fatal(err)
	}
	// Deleting again meets 404, and the zone list confirms it is gone.
	if err := c.DeleteZone(ctx, string(z.ID)); err != nil {
		t.Fatalf("deleting again: %v, want success (gone)", err)
	}
}

func TestDNSRecordsLifecycle(t *testing.T) {
	c, m := dnsClient(t)
	ctx := context.Background()
	const zone = "123"
	prio := int64(20)
	for _, in := range []RecordInput{
		{Name: "@", Type: "MX", Value: "mx2.example.no", TTL: 3600, Priority: &prio},
		{Name: "rr", Type: "A", Value: "192.0.2.1", TTL: 300},
		{Name: "rr", Type: "A", Value: "192.0.2.2", TTL: 300},
	} {
		if _, err := c.CreateRecord(ctx, zone, in, RecordLookup{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.CreateRecord(ctx, zone, RecordInput{Name: "bad", Type: "A", Value: "not-an-ip"}, RecordLookup{}); !client.IsStatus(err, http.StatusBadRequest) {
		t.Fatalf("invalid A: %v, want 400", err)
	}
	recs, err := c.ListRecords(ctx, zone)
	if err != nil || len(recs) != 6 {
		t.Fatalf("records %+v, %v", recs, err)
	}
	var mx, rr1 Record
	for _, r := range recs {
		switch {
		case r.Type == "MX" && r.Value == "mx2.example.no":
			mx = r
		case r.Value == "192.0.2.1":
			rr1 = r
		}
	}
	if mx.Priority == nil || *mx.Priority != 20 || rr1.TTL != 300 || rr1.Priority != nil {
		t.Fatalf("decoded mx %+v, rr1 %+v", mx, rr1)
	}
	// Update: the id changes.
	if err := c.UpdateRecord(ctx, zone, string(rr1.ID), RecordInput{Name: "rr", Type: "A", Value: "192.0.2.1", TTL: 600}); err != nil {
		t.Fatal(err)
	}
	if got := m.Gigahost.DNS.FindRecords(123, "rr", "A", "192.0.2.1"); len(got) != 1 || got[0].ID == string(rr1.ID) {
		t.Fatalf("after update %+v (old id %s)", got, rr1.ID)
	}
	// Delete sends the value (stored form for MX): the siblings stay.
	list := func(ctx context.Context) ([]Record, error) { return c.ListRecords(ctx, zone) }
	if err := c.DeleteRecord(ctx, zone, mx, list); err != nil {
		t.Fatal(err)
	}
	if got := m.Gigahost.DNS.FindRecords(123, "@", "MX", ""); len(got) != 1 || got[0].Value != "mail.example.no" {
		t.Fatalf("MX after delete: %+v", got)
	}
	rr2 := Record{Name: "rr", Type: "A", Value: "192.0.2.2"}
	if err := c.DeleteRecord(ctx, zone, rr2, list); err != nil {
		t.Fatal(err)
	}
	if got := m.Gigahost.DNS.FindRecords(123, "rr", "A", ""); len(got) != 1 || got[0].Value != "192.0.2.1" {
		t.Fatalf("rr after delete: %+v", got)
	}
}

func TestDNSLenientDecoding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/dns/zones" {
			_, _ = w.Write([]byte(`{"meta":{"status":200},"data":[{"zone_id":77,"zone_name":"x.no","zone_active":1,"zone_protected":"0","record_count":"4","zone_updated":"1700000000"}]}`))
			return
		}
		_, _ = w.Write([]byte(`{"meta":{"status":200},"data":[{"record_id":"a1","record_name":"@","record_type":"MX","record_value":"m.x.no","record_ttl":"3600","record_priority":"10"},{"record_id":5,"record_name":"w","record_type":"A","record_value":"192.0.2.1","record_ttl":60,"record_priority":null}]}`))
	}))
	defer srv.Close()
	c, err := New(Config{APIKey: "k", Transport: client.Options{BaseURL: srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	zones, err := c.ListZones(context.Background())
	if err != nil || len(zones) != 1 || zones[0].ID != "77" || !bool(zones[0].Active) || zones[0].RecordCount != 4 {
		t.Fatalf("zones %+v, %v", zones, err)
	}
	recs, err := c.ListRecords(context.Background(), "77")
	if err != nil || len(recs) != 2 || *recs[0].Priority != 10 || recs[0].TTL != 3600 || recs[1].ID != "5" || recs[1].Priority != nil {
		t.Fatalf("records %+v, %v", recs, err)
	}
}

func TestDeleteValues(t *testing.T) {
	ten := client.Int(10)
	for _, c := range []struct {
		typ, value string
		prio       *client.Int
		want       []string
	}{
		{"MX", "mail.example.no", &ten, []string{"10 mail.example.no.", "10 mail.example.no", "mail.example.no.", "mail.example.no"}},
		{"SRV", "5 5060 sip.example.no", &ten, []string{"10 5 5060 sip.example.no.", "10 5 5060 sip.example.no", "5 5060 sip.example.no.", "5 5060 sip.example.no"}},
		{"CNAME", "www.example.no", nil, []string{"www.example.no.", "www.example.no"}},
		{"TXT", "v=spf1 -all", nil, []string{"v=spf1 -all", `"v=spf1 -all"`}},
		{"TXT", `"already"`, nil, []string{`"already"`, "already"}},
		{"TXT", `a\b "c"`, nil, []string{`a\b "c"`, `"a\\b \"c\""`, `"a\b "c""`}},
		{"CAA", `0 issue "letsencrypt.org"`, nil, []string{`0 issue "letsencrypt.org"`, "0 issue letsencrypt.org"}},
		{"A", "192.0.2.1", nil, []string{"192.0.2.1"}},
	} {
		got := DeleteValues(Record{Type: client.String(c.typ), Value: client.String(c.value), Priority: c.prio})
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
			t.Errorf("DeleteValues(%s, %q) = %q, want %q", c.typ, c.value, got, c.want)
		}
	}
}
