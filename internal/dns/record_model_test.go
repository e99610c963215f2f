package dns

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestRelativeName(t *testing.T) {
	for in, want := range map[string]string{
		"@": "@", "": "@", "example.no": "@", "example.no.": "@", "EXAMPLE.NO": "@",
		"www": "www", "www.example.no": "www", "www.example.no.": "www", "a.b.example.no": "a.b",
		"www.other.no.": "www.other.no",
	} {
		if got := relativeName(in, "example.no"); got != want {
			t.Errorf("relativeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSameValue(t *testing.T) {
	same := [][3]string{
		{"AAAA", "2001:DB8::1", "2001:db8:0::1"},
		{"MX", "Mail.example.no.", "mail.example.no"},
		{"CNAME", "www.example.no.", "www.example.no"},
		{"SRV", "5 5060 sip.example.no.", "5 5060 sip.example.no"},
		{"TXT", "v=spf1 -all", `"v=spf1 -all"`},
		{"TXT", `say "hi"`, `"say \"hi\""`},
		{"TXT", "abcdef", `"abc" "def"`},
		{"TXT", `a\b`, `"a\\b"`}, // escaped, as a name server shows it
		{"TXT", `a\b`, `"a\b"`},  // quoted without escaping
		{"CAA", `0 issue "letsencrypt.org"`, "0 issue letsencrypt.org"},
		{"CAA", `0 ISSUE "letsencrypt.org"`, `0 issue "letsencrypt.org"`},
		{"SRV", "5 5060 sip.example.no", "5  5060 sip.example.no."},
	}
	for _, c := range same {
		if !sameValue(c[0], c[1], c[2]) {
			t.Errorf("%s %q and %q should be the same", c[0], c[1], c[2])
		}
	}
	differ := [][3]string{
		{"A", "192.0.2.1", "192.0.2.10"},
		{"TXT", "abc", "abd"},
		{"TXT", `"abc`, "abc"},
		{"TXT", `a\b`, `"ab"`},
		{"MX", "mail.example.no", "mail2.example.no"},
		{"CAA", `0 issue "letsencrypt.org"`, `0 issue "example.org"`},
	}
	for _, c := range differ {
		if sameValue(c[0], c[1], c[2]) {
			t.Errorf("%s %q and %q should differ", c[0], c[1], c[2])
		}
	}
}

func apiRecord(id, name, typ, value string, ttl int64, prio *int64) gigahost.Record {
	r := gigahost.Record{ID: client.String(id), Name: client.String(name), Type: client.String(typ), Value: client.String(value), TTL: client.Int(ttl)}
	if prio != nil {
		p := client.Int(*prio)
		r.Priority = &p
	}
	return r
}

func TestRecordModelRoundTrip(t *testing.T) {
	ten := int64(10)
	m := recordModel{ZoneID: types.StringValue("123"), Name: types.StringValue("example.no."), Type: types.StringValue("MX"),
		Value: types.StringValue("mail.example.no."), TTL: types.Int64Value(300), Priority: types.Int64Value(10)}
	in := m.toAPI("example.no")
	if in.Name != "@" || in.Value != "mail.example.no." || in.TTL != 300 || in.Priority == nil || *in.Priority != 10 {
		t.Fatalf("toAPI = %+v", in)
	}
	m.fromAPI("123", apiRecord("h1", "@", "MX", "mail.example.no", 300, &ten), "example.no")
	if m.Name.ValueString() != "example.no." || m.Value.ValueString() != "mail.example.no." || m.ID.ValueString() != "123/h1" || m.RecordID.ValueString() != "h1" {
		t.Fatalf("fromAPI kept the wrong forms: %+v", m)
	}
	// Drift replaces the value.
	m.fromAPI("123", apiRecord("h2", "@", "MX", "other.example.no", 300, &ten), "example.no")
	if m.Value.ValueString() != "other.example.no" {
		t.Fatalf("drift not seen: %+v", m)
	}
	// Priority is null for types without one.
	a := recordModel{Name: types.StringValue("www"), Type: types.StringValue("A"), Value: types.StringValue("192.0.2.1"), TTL: types.Int64Value(3600), Priority: types.Int64Value(5)}
	if a.toAPI("example.no").Priority != nil {
		t.Fatal("priority sent for an A record")
	}
	a.fromAPI("123", apiRecord("h3", "www", "A", "192.0.2.1", 3600, nil), "example.no")
	if !a.Priority.IsNull() {
		t.Fatal("priority not null for an A record")
	}
}

func TestFindStateNeverAdoptsASibling(t *testing.T) {
	records := []gigahost.Record{
		apiRecord("id1", "pool", "A", "192.0.2.1", 300, nil),
		apiRecord("id2", "pool", "A", "192.0.2.2", 300, nil),
	}
	m := recordModel{RecordID: types.StringValue("gone"), Name: types.StringValue("pool"), Type: types.StringValue("A"), Value: types.StringValue("192.0.2.3")}
	if r, ok := findState(records, m, "example.no"); ok {
		t.Fatalf("adopted sibling %+v", r)
	}
	if sib := siblings(records, m, "example.no"); len(sib) != 2 {
		t.Fatalf("siblings %v", sib)
	}
	m.Value = types.StringValue("192.0.2.2")
	if r, ok := findState(records, m, "example.no"); !ok || r.ID != "id2" {
		t.Fatalf("by value: %+v %v", r, ok)
	}
	m.RecordID = types.StringValue("id1") // the id wins
	if r, ok := findState(records, m, "example.no"); !ok || r.ID != "id1" {
		t.Fatalf("by id: %+v %v", r, ok)
	}
}

func TestSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewRecordResource(), recordModel{})
	parity.AssertResource(t, NewZoneResource(), zoneModel{})
	parity.AssertDataSource(t, NewZoneDataSource(), zoneDataModel{})
}
