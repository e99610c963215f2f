package gigahost

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// fakeAPI answers each "METHOD /path" with a fixed body, and counts requests.
type fakeAPI struct {
	mu      sync.Mutex
	answers map[string]func(r *http.Request) string
	seen    []string
}

func (f *fakeAPI) client(t *testing.T) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.seen = append(f.seen, r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery)
		answer := f.answers[r.Method+" "+r.URL.Path]
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if answer == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"meta":{"status":404,"message":"not found"}}`))
			return
		}
		_, _ = w.Write([]byte(answer(r)))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{APIKey: "k", Transport: client.Options{BaseURL: srv.URL, MaxRetries: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fixed(body string) func(*http.Request) string { return func(*http.Request) string { return body } }

// The docs' examples and the live samples of the DNS answers decode into
// what they show.
func TestDNSDecodersReadTheDocsExamples(t *testing.T) {
	ctx := context.Background()
	for _, file := range []string{"examples/gigahost/GET_dns_zones_zone_id_records.json", "samples/gigahost/dns-list-records.json"} {
		f := &fakeAPI{answers: map[string]func(*http.Request) string{"GET /dns/zones/123/records": fixed(string(apidocs.Read(t, file)))}}
		recs, err := f.client(t).ListRecords(ctx, "123")
		if err != nil || len(recs) != 3 {
			t.Fatalf("%s: %+v, %v", file, recs, err)
		}
		mx := recs[2]
		if mx.ID != "ghi789" || mx.Name != "@" || mx.Type != "MX" || mx.Value != "mail.example.no" || mx.TTL != 3600 || mx.Priority == nil || *mx.Priority != 10 {
			t.Errorf("%s: MX %+v", file, mx)
		}
		if recs[0].Priority != nil || recs[0].Value != "185.125.168.166" {
			t.Errorf("%s: A %+v", file, recs[0])
		}
	}
	zonesBody := string(apidocs.Read(t, "examples/gigahost/GET_dns_zones.json"))
	for _, create := range []string{"examples/gigahost/POST_dns_zones.json", "samples/gigahost/dns-create-zone.json"} {
		f := &fakeAPI{answers: map[string]func(*http.Request) string{
			"GET /dns/zones":  fixed(zonesBody),
			"POST /dns/zones": fixed(string(apidocs.Read(t, create))),
		}}
		z, err := f.client(t).CreateZone(ctx, ZoneInput{Name: "example.no"})
		if err != nil || z.ID != "123" || z.Name != "example.no" || z.Type != "NATIVE" || !bool(z.Protected) || z.RecordCount != 5 {
			t.Errorf("%s: zone %+v, %v", create, z, err)
		}
	}
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"GET /dns/zones/123/redirect": fixed(string(apidocs.Read(t, "examples/gigahost/GET_dns_zones_zone_id_redirect.json"))),
	}}
	reds, err := f.client(t).ListRedirects(ctx, "123")
	if err != nil || len(reds) != 2 || reds[1].Source != "blog" || reds[1].Domain != "blog.example.no" || reds[1].TargetURL != "https://blog.target-site.no" || !bool(reds[1].Enabled) {
		t.Fatalf("redirects %+v, %v", reds, err)
	}
}

// A list answer in a shape the client does not know is an error, never "no
// items" (which would drop every record from state).
func TestDNSListRefusesUnknownShapes(t *testing.T) {
	for _, data := range []string{`{"records":[]}`, `"none"`, `5`, `{"zone_id":"1"}`} {
		f := &fakeAPI{answers: map[string]func(*http.Request) string{
			"GET /dns/zones/1/records":  fixed(`{"meta":{"status":200},"data":` + data + `}`),
			"GET /dns/zones":            fixed(`{"meta":{"status":200},"data":` + data + `}`),
			"GET /dns/zones/1/redirect": fixed(`{"meta":{"status":200},"data":` + data + `}`),
		}}
		c := f.client(t)
		if recs, err := c.ListRecords(context.Background(), "1"); err == nil {
			t.Errorf("records data %s: %+v and no error", data, recs)
		}
		if zones, err := c.ListZones(context.Background()); err == nil {
			t.Errorf("zones data %s: %+v and no error", data, zones)
		}
		if reds, err := c.ListRedirects(context.Background(), "1"); err == nil {
			t.Errorf("redirects data %s: %+v and no error", data, reds)
		}
	}
}

// An MX or SRV value listed with the priority in front is read as the value
// and the priority apart; other values are left whole.
func TestNormalizeRecord(t *testing.T) {
	ten := client.Int(10)
	for _, c := range []struct {
		in       Record
		value    string
		priority int64 // -1: none
	}{
		{Record{Type: "SRV", Value: "10 5 5060 sip.example.no"}, "5 5060 sip.example.no", 10},
		{Record{Type: "SRV", Value: "10 5 5060 sip.example.no.", Priority: &ten}, "5 5060 sip.example.no.", 10},
		{Record{Type: "SRV", Value: "5 5060 sip.example.no", Priority: &ten}, "5 5060 sip.example.no", 10},
		{Record{Type: "MX", Value: "10 mail.example.no."}, "mail.example.no.", 10},
		{Record{Type: "MX", Value: "mail.example.no", Priority: &ten}, "mail.example.no", 10},
		{Record{Type: "SRV", Value: "20 5 5060 sip.example.no", Priority: &ten}, "20 5 5060 sip.example.no", 10},
		{Record{Type: "TXT", Value: "10 green bottles"}, "10 green bottles", -1},
	} {
		got := normalizeRecord(c.in)
		p := int64(-1)
		if got.Priority != nil {
			p = int64(*got.Priority)
		}
		if string(got.Value) != c.value || p != c.priority {
			t.Errorf("normalizeRecord(%+v) = %q priority %d, want %q %d", c.in, got.Value, p, c.value, c.priority)
		}
	}
}

// A record DELETE answered 200 is not trusted: the zone is listed anew after
// it, every value form is tried while the record is still listed, and a
// record that stays is an error naming it.
func TestDeleteRecordIsVerified(t *testing.T) {
	ctx := context.Background()
	txt := `{"record_id":"t1","record_name":"@","record_type":"TXT","record_value":"v=spf1 mx -all","record_ttl":3600,"record_priority":null}`
	deleted := false
	matchQuoted := func(r *http.Request) string {
		if r.URL.Query().Get("value") == `"v=spf1 mx -all"` {
			deleted = true
		}
		return `{"meta":{"status":200,"message":"Record deleted successfully."}}`
	}
	list := func(*http.Request) string {
		if deleted {
			return `{"meta":{"status":200},"data":[]}`
		}
		return `{"meta":{"status":200},"data":[` + txt + `]}`
	}
	f := &fakeAPI{answers: map[string]func(*http.Request) string{"DELETE /dns/zones/1/records/t1": matchQuoted, "GET /dns/zones/1/records": list}}
	c := f.client(t)
	recs, err := c.ListRecords(ctx, "1")
	if err != nil || len(recs) != 1 {
		t.Fatal(recs, err)
	}
	fresh := func(ctx context.Context) ([]Record, error) { return c.ListRecords(ctx, "1") }
	if err := c.DeleteRecord(ctx, "1", recs[0], fresh); err != nil || !deleted {
		t.Fatalf("delete: %v (deleted %v); requests %q", err, deleted, f.seen)
	}
	if !strings.Contains(strings.Join(f.seen, "\n"), "value=v%3Dspf1+mx+-all") {
		t.Errorf("the plain value (the form the list shows) was not tried first: %q", f.seen)
	}

	// An API that never deletes: an error naming the record, after every form.
	f = &fakeAPI{answers: map[string]func(*http.Request) string{
		"DELETE /dns/zones/1/records/t1": fixed(`{"meta":{"status":200}}`),
		"GET /dns/zones/1/records":       fixed(`{"meta":{"status":200},"data":[` + txt + `]}`),
	}}
	c = f.client(t)
	err = c.DeleteRecord(ctx, "1", recs[0], func(ctx context.Context) ([]Record, error) { return c.ListRecords(ctx, "1") })
	var nd *RecordNotDeletedError
	if !errors.As(err, &nd) || !strings.Contains(err.Error(), `TXT record @ with value "v=spf1 mx -all"`) || len(nd.Tried) != len(DeleteValues(recs[0])) {
		t.Fatalf("err = %v, want a RecordNotDeletedError naming the record after every form", err)
	}
	deletes := 0
	for _, s := range f.seen {
		if strings.HasPrefix(s, "DELETE") {
			deletes++
		}
	}
	if deletes != len(nd.Tried) {
		t.Errorf("%d DELETEs, want one per form (%d)", deletes, len(nd.Tried))
	}
}

// A zone or redirect delete answered 200 while the list still shows it is an
// error; gone after it, success.
func TestZoneDeleteIsVerified(t *testing.T) {
	zones := `{"meta":{"status":200},"data":[{"zone_id":"7","zone_name":"stays.example","zone_type":"NATIVE"}]}`
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"DELETE /dns/zones/7": fixed(`{"meta":{"status":200,"message":"Zone deleted successfully."}}`),
		"GET /dns/zones":      fixed(zones),
	}}
	if err := f.client(t).DeleteZone(context.Background(), "7"); err == nil || !strings.Contains(err.Error(), "stays.example") {
		t.Fatalf("err = %v, want the zone named as still listed", err)
	}
	f.answers["GET /dns/zones"] = fixed(`{"meta":{"status":200},"data":[]}`)
	if err := f.client(t).DeleteZone(context.Background(), "7"); err != nil {
		t.Fatalf("zone gone after the delete: %v", err)
	}
}

func TestRedirectDeleteIsVerified(t *testing.T) {
	reds := `{"meta":{"status":200},"data":[{"domain":"example.no","source":"@","target_url":"https://t.example","enabled":1}]}`
	f := &fakeAPI{answers: map[string]func(*http.Request) string{
		"DELETE /dns/zones/7/redirect": fixed(`{"meta":{"status":200,"message":"Redirect deleted successfully."}}`),
		"GET /dns/zones/7/redirect":    fixed(reds),
	}}
	if err := f.client(t).DeleteRedirect(context.Background(), "7", "@"); err == nil || !strings.Contains(err.Error(), "still in zone 7") {
		t.Fatalf("err = %v, want the redirect named as still there", err)
	}
	f.answers["GET /dns/zones/7/redirect"] = fixed(`{"meta":{"status":200},"data":[]}`)
	if err := f.client(t).DeleteRedirect(context.Background(), "7", "@"); err != nil {
		t.Fatalf("redirect gone after the delete: %v", err)
	}
}
