package gigahost

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Fuzz targets for what the Gigahost API sends (the envelope, the list and
// object decoders) and for the DNS value and name normalisers. Seeds: the
// docs' example answers and the live samples, plus testdata/fuzz.

// docAnswers are the bodies of the docs' examples and the samples.
func docAnswers(f *testing.F) [][]byte {
	var out [][]byte
	for _, dir := range []string{"examples/gigahost", "samples/gigahost"} {
		paths, _ := filepath.Glob(filepath.Join(apidocs.Dir(f), dir, "*.json"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		f.Fatal("no example answers found")
	}
	return out
}

// dataOf is an answer's data member (the whole answer when it has none).
func dataOf(b []byte) []byte {
	var env envelope
	if json.Unmarshal(b, &env) == nil && len(env.Data) > 0 {
		return env.Data
	}
	return b
}

// FuzzDecodeData: the envelope into each list type the provider reads. An
// object where a list belongs is never read as no items.
func FuzzDecodeData(f *testing.F) {
	for _, b := range docAnswers(f) {
		f.Add(b)
	}
	f.Add([]byte(`{"meta":{"status":200},"data":{}}`))
	f.Add([]byte(`{"meta":{"status":"200"},"data":[{"record_id":"1","record_priority":"10"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		targets := []any{new([]Record), new([]Zone), new([]Redirect), new([]SSHKey), new([]APIKey), new([]Server), new(Server), new(Zone)}
		for _, out := range targets {
			err := decodeData("GET", "/x", b, out)
			var env envelope
			if err == nil && json.Unmarshal(b, &env) == nil && strings.TrimSpace(string(env.Data)) == "{}" && isSlicePointer(out) {
				t.Fatalf("%T: an object where a list belongs read as no items", out)
			}
		}
	})
}

// FuzzListItems: every item returned is one JSON value, and a list
// answer's items are exactly its elements.
func FuzzListItems(f *testing.F) {
	for _, b := range docAnswers(f) {
		f.Add(dataOf(b))
	}
	f.Add([]byte(`{"emails":[{"email":"a@b"}]}`))
	f.Add([]byte(`{"only":[1,2]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		items, err := listItems(raw, "emails", "hosting", "dbs")
		if err != nil {
			return
		}
		for i, it := range items {
			if !json.Valid(it) {
				t.Fatalf("item %d is not JSON: %q", i, it)
			}
		}
		var direct []json.RawMessage
		if strings.HasPrefix(strings.TrimSpace(string(raw)), "[") && json.Unmarshal(raw, &direct) == nil && len(direct) != len(items) {
			t.Fatalf("a list of %d read as %d items", len(direct), len(items))
		}
	})
}

// FuzzItemDecoders: the web-hosting, DNSSEC, deploy, BGP and catalog
// decoders never panic, and never return, without an error, an item that
// lacks what identifies it.
func FuzzItemDecoders(f *testing.F) {
	for _, b := range docAnswers(f) {
		f.Add(dataOf(b))
	}
	for _, s := range []string{
		`[{"name":"shop"}]`, `{"dbs":["a","b"]}`, `{"info":{"user":"x"}}`, `{"a":"b@c.no,d@e.no"}`,
		`[{"user":"a","destinations":["b@c.no"]}]`, `[{"email":"a@b.no","quota":"unlimited"}]`, `["a"]`,
		`["12345 8 2 ABCDEF"]`, `[{"keyTag":"1","alg":8,"digestType":2,"digest":"ab"}]`, `{"certificate":null}`,
		`{"hostnames":"a.no,b.no"}`, `"2026-11-30 20:00:00"`, `{"dkim":{"enabled":"1"}}`,
	} {
		f.Add([]byte(s))
	}
	domain := func(context.Context) (string, error) { return "example.no", nil }
	f.Fuzz(func(t *testing.T, raw []byte) {
		if dbs, err := decodeDatabases(raw); err == nil {
			for _, d := range dbs {
				if d.Name == "" {
					t.Fatal("a database without a name")
				}
			}
		}
		if fw, err := decodeForwarders(raw); err == nil {
			for _, x := range fw {
				if x.User == "" || len(x.Destinations) == 0 {
					t.Fatalf("a forwarder without a user or destinations: %+v", x)
				}
			}
		}
		if ftp, err := decodeFTPAccounts(raw); err == nil {
			for _, a := range ftp {
				if a.User == "" {
					t.Fatal("an FTP account without a user")
				}
			}
		}
		if mb, err := decodeMailboxes(context.Background(), raw, domain); err == nil {
			for _, m := range mb {
				if local, dom, ok := strings.Cut(m.Address, "@"); !ok || local == "" || dom == "" {
					t.Fatalf("a mailbox whose address is %q", m.Address)
				}
			}
		}
		_, _ = decodeDSRecords(raw)
		_, _ = decodeDeployStatuses(raw)
		_, _ = decodeBGP(raw)
		_, _ = decodeCatalog(raw)
		_, _ = decodeAutoresponder(raw, "a@example.no")
		_, _ = decodeHostingDKIM(raw)
		_, _ = decodeHostingSSL(raw)
		_, _ = decodeNames(raw)
		_, _ = decodeTime(raw)
		var p Permissions
		_ = json.Unmarshal(raw, &p)
		var o ServerOrder
		_ = json.Unmarshal(raw, &o)
	})
}

// recordTypes are the types the provider manages.
var fuzzRecordTypes = []string{"A", "AAAA", "CNAME", "MX", "NS", "PTR", "SRV", "TXT", "CAA"}

// FuzzRecordValue: for every record type, SameValue is reflexive and
// symmetric, the canonical form of an address or host name is stable
// (canonical twice is canonical once), a listed MX or SRV record is split
// the same way twice, and a delete always has a form to send.
func FuzzRecordValue(f *testing.F) {
	for _, s := range []string{
		"193.200.238.20", "2a03:94e0:190e::1", "2A03:94E0:190E:0::1", "mail.example.no.", "Mail.Example.NO",
		"10 mail.example.no.", "5 5060 sip.example.no.", "10 5 5060 sip.example.no", `"v=spf1 -all"`,
		`"abc" "def"`, `a\b`, `"a\"b"`, `0 issue "letsencrypt.org"`, `0 ISSUE letsencrypt.org`, "", " ", "host..",
	} {
		f.Add(uint8(0), s, s+".")
	}
	f.Fuzz(func(t *testing.T, ti uint8, a, b string) {
		typ := fuzzRecordTypes[int(ti)%len(fuzzRecordTypes)]
		if !SameValue(typ, a, a) {
			t.Fatalf("%s %q is not the same as itself", typ, a)
		}
		if SameValue(typ, a, b) != SameValue(typ, b, a) {
			t.Fatalf("%s: SameValue(%q, %q) is not symmetric", typ, a, b)
		}
		c := CanonicalValue(typ, a)
		switch typ {
		case "A", "AAAA", "CNAME", "MX", "NS", "PTR":
			if cc := CanonicalValue(typ, c); cc != c {
				t.Fatalf("%s %q: canonical %q, canonical again %q", typ, a, c, cc)
			}
		}
		r := normalizeRecord(Record{Type: client.String(typ), Value: client.String(a)})
		if again := normalizeRecord(r); again.Value != r.Value || (again.Priority == nil) != (r.Priority == nil) {
			t.Fatalf("%s %q: normalised to %q, again to %q", typ, a, r.Value, again.Value)
		}
		if len(DeleteValues(r)) == 0 {
			t.Fatalf("%s %q: no value to delete with", typ, a)
		}
	})
}

// FuzzRelativeName: a name relative to its zone stays put when made
// relative again, and the zone's own name (in any case, with or without
// the dot) is the apex.
func FuzzRelativeName(f *testing.F) {
	for _, s := range [][2]string{{"www", "example.no"}, {"www.example.no.", "example.no"}, {"@", "example.no"},
		{"EXAMPLE.NO.", "example.no."}, {"", "example.no"}, {"a.b", ""}, {"sub.www.Example.No", "example.no"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, zone string) {
		rel := RelativeName(name, zone)
		z := strings.TrimSuffix(zone, ".")
		// RelativeName compares with strings.ToLower, not with case folding:
		// the zone is plain when its upper case lowers back to the same name.
		plain := z != "" && strings.TrimSpace(z) == z && strings.ToLower(strings.ToUpper(z)) == strings.ToLower(z) //nolint:staticcheck // SA6005: EqualFold is not what RelativeName does
		if plain && RelativeName(strings.ToUpper(z)+".", zone) != "@" {
			t.Fatalf("zone %q is not its own apex", zone)
		}
		// A relative part that itself ends with the zone's name reads as a
		// full name the second time (RelativeName's one ambiguity, by
		// design: "www.example.no" is the full name in example.no).
		lz := trimName(zone)
		if lz != "" && (rel == lz || strings.HasSuffix(rel, "."+lz)) {
			return
		}
		if again := RelativeName(rel, zone); again != rel {
			t.Fatalf("%q in %q: relative %q, again %q", name, zone, rel, again)
		}
	})
}

// FuzzParseReverseTarget: a target read prints as a string that reads back
// to the same target.
func FuzzParseReverseTarget(f *testing.F) {
	for _, s := range []string{"193.200.238.21", "2a03:94e0:190e::/48", "2a03:94e0:190e::1/48", "::ffff:1.2.3.4/120", "1.2.3.4/32", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseReverseTarget(s)
		if err != nil {
			return
		}
		if tg.IPv4.IsValid() == tg.Subnet.IsValid() {
			t.Fatalf("%q: not exactly one of address and subnet: %+v", s, tg)
		}
		again, err := ParseReverseTarget(tg.String())
		if err != nil || again != tg {
			t.Fatalf("%q read as %v, which reads back as %v (%v)", s, tg, again, err)
		}
	})
}
