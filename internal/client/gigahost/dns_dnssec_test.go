package gigahost

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

const docsDigest = "1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF1234567890AB"

// The docs' examples of DNSSEC answers decode into what they show, and the
// enabling answers are the messages the client tells apart.
func TestDNSSECReadsTheDocsExamples(t *testing.T) {
	ctx := context.Background()
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"GET /dns/zones/123/ds-records": fixed(string(apidocs.Read(t, "examples/gigahost/GET_dns_zones_zone_id_ds_records.json"))),
		"PUT /dns/zones/123/dnssec":     fixed(string(apidocs.Read(t, "examples/gigahost/PUT_dns_zones_zone_id_dnssec_2.json"))),
	}}
	c := f.client(t)
	st, err := c.ReadDNSSEC(ctx, "123", false)
	if err != nil || !st.Enabled || len(st.DS) != 1 {
		t.Fatalf("ReadDNSSEC = %+v, %v", st, err)
	}
	if d := st.DS[0]; d.KeyTag != 12345 || d.Algorithm != 13 || d.DigestType != 2 || d.Digest != docsDigest {
		t.Errorf("DS = %+v", d)
	}
	// The external answer (only the flag set) marks the DS records as the
	// owner's, even when the zone list did not say external.
	st, msg, err := c.EnableDNSSEC(ctx, "123", false)
	if err != nil || msg != DNSSECFlagOnlyMessage || !st.External {
		t.Errorf("EnableDNSSEC = %+v, %q, %v", st, msg, err)
	}
	for file, want := range map[string]string{
		"examples/gigahost/PUT_dns_zones_zone_id_dnssec.json":   DNSSECSubmittedMessage,
		"examples/gigahost/PUT_dns_zones_zone_id_dnssec_2.json": DNSSECFlagOnlyMessage,
	} {
		var env envelope
		if err := json.Unmarshal(apidocs.Read(t, file), &env); err != nil || string(env.Meta.Message) != want {
			t.Errorf("%s: message %q, want %q (%v)", file, env.Meta.Message, want, err)
		}
	}
}

// "Not enabled" is DNSSEC off; another 400 is an error; a disable that the
// read-back contradicts is an error.
func TestDNSSECNotEnabledAndVerifiedDisable(t *testing.T) {
	ctx := context.Background()
	notEnabled := `{"meta":{"status":400,"status_message":"400 Bad Request","message":"DNSSEC is not enabled for this domain."}}`
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"GET /dns/zones/1/ds-records": fixed(notEnabled),
		"GET /dns/zones/2/ds-records": fixed(`{"meta":{"status":400,"message":"Something else."}}`),
		"GET /dns/zones/3/ds-records": fixed(string(apidocs.Read(t, "examples/gigahost/GET_dns_zones_zone_id_ds_records.json"))),
		"PUT /dns/zones/3/dnssec":     fixed(string(apidocs.Read(t, "examples/gigahost/PUT_dns_zones_zone_id_dnssec_3.json"))),
		"PUT /dns/zones/1/dnssec":     fixed(string(apidocs.Read(t, "examples/gigahost/PUT_dns_zones_zone_id_dnssec_3.json"))),
	}}
	c := f.client(t)
	if st, err := c.ReadDNSSEC(ctx, "1", false); err != nil || st.Enabled {
		t.Errorf("not enabled: %+v, %v", st, err)
	}
	if _, err := c.ReadDNSSEC(ctx, "2", false); err == nil {
		t.Error("another 400 read as DNSSEC off")
	}
	if err := c.DisableDNSSEC(ctx, "1"); err != nil {
		t.Errorf("disable confirmed by the read-back: %v", err)
	}
	if err := c.DisableDNSSEC(ctx, "3"); err == nil {
		t.Error("a disable that the read-back contradicts passed")
	}
}

func TestDecodeDSRecords(t *testing.T) {
	two := `12345 13 2 ABCD` + "\n" + `example.no. 3600 IN DS 12345 13 4 12 34` + "\n"
	for name, c := range map[string]struct {
		data string
		n    int
	}{
		"one string":      {`{"ds_records":"12345 13 2 ABCD"}`, 1},
		"lines":           {`{"ds_records":` + string(mustJSON(t, two)) + `}`, 2},
		"list of strings": {`{"ds_records":["12345 13 2 ABCD","12345 13 4 EF01"]}`, 2},
		"list of objects": {`{"ds_records":[{"keyTag":"12345","alg":13,"digestType":2,"digest":"ABCD"}]}`, 1},
		"empty string":    {`{"ds_records":""}`, 0},
	} {
		ds, err := decodeDSRecords(json.RawMessage(c.data))
		if err != nil || len(ds) != c.n {
			t.Errorf("%s: %+v, %v", name, ds, err)
			continue
		}
		if c.n > 0 && (ds[0].KeyTag != 12345 || ds[0].Algorithm != 13) {
			t.Errorf("%s: %+v", name, ds[0])
		}
	}
	for _, bad := range []string{`[]`, `{}`, `{"ds_records":12}`, `{"ds_records":{"a":1}}`, `{"ds_records":"12345 13"}`, `{"ds_records":"x 13 2 AB"}`, `{"ds_records":[{"x":1}]}`, `"text"`} {
		if ds, err := decodeDSRecords(json.RawMessage(bad)); err == nil {
			t.Errorf("%s decoded as %+v", bad, ds)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The docs' example of the external list decodes; an empty answer in
// either plausible form is no records; any other shape is an error; a
// submission the list contradicts is an error.
func TestExternalDSRecords(t *testing.T) {
	ctx := context.Background()
	listed := string(apidocs.Read(t, "examples/gigahost/GET_dns_zones_zone_id_ds_records_external.json"))
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"GET /dns/zones/1/ds-records/external":  fixed(listed),
		"POST /dns/zones/1/ds-records/external": fixed(string(apidocs.Read(t, "examples/gigahost/POST_dns_zones_zone_id_ds_records_external.json"))),
		"GET /dns/zones/2/ds-records/external":  fixed(`{"meta":{"status":200},"data":[]}`),
		"GET /dns/zones/3/ds-records/external":  fixed(`{"meta":{"status":200},"data":{"ds_records":[]}}`),
		"GET /dns/zones/4/ds-records/external":  fixed(`{"meta":{"status":200},"data":{"records":[]}}`),
		"GET /dns/zones/5/ds-records/external":  fixed(`{"meta":{"status":200},"data":"none"}`),
	}}
	c := f.client(t)
	ds, err := c.ExternalDSRecords(ctx, "1")
	if err != nil || len(ds) != 1 || ds[0].Key() != "12345 13 2 "+docsDigest {
		t.Fatalf("external list: %+v, %v", ds, err)
	}
	for _, zone := range []string{"2", "3"} {
		if ds, err := c.ExternalDSRecords(ctx, zone); err != nil || len(ds) != 0 {
			t.Errorf("zone %s: %+v, %v", zone, ds, err)
		}
	}
	for _, zone := range []string{"4", "5"} {
		if ds, err := c.ExternalDSRecords(ctx, zone); err == nil {
			t.Errorf("zone %s: an unknown shape read as %+v", zone, ds)
		}
	}
	// The same record, the digest in lower case: confirmed by the list.
	if _, err := c.SetExternalDSRecords(ctx, "1", []DSRecordInput{{KeyTag: 12345, Algorithm: 13, DigestType: 2, Digest: strings.ToLower(docsDigest)}}); err != nil {
		t.Errorf("submission confirmed by the list: %v", err)
	}
	if _, err := c.SetExternalDSRecords(ctx, "1", []DSRecordInput{{KeyTag: 1, Algorithm: 13, DigestType: 2, Digest: "AB"}}); err == nil {
		t.Error("a submission the list contradicts passed")
	}
}
