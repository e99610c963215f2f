package mockapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// ghDo sends one Gigahost request with the seeded API key (or key) and
// decodes the envelope.
func ghDo(t *testing.T, s *Server, key, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, _ := http.NewRequest(method, s.GigahostURL()+path, rd)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env
}

func newDNSMock(t *testing.T) *Server {
	s := New(Options{Seed: 7})
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func TestDNSZoneCreateAnswersEmptyData(t *testing.T) {
	s := newDNSMock(t)
	status, env := ghDo(t, s, GigahostAPIKey, "POST", "/dns/zones", map[string]any{"zone_name": "new.example"})
	if status != 201 || fmt.Sprint(env["data"]) != "[]" {
		t.Fatalf("create: %d %v, want 201 with data []", status, env)
	}
	if status, _ := ghDo(t, s, GigahostAPIKey, "POST", "/dns/zones", map[string]any{"zone_name": "new.example"}); status != 400 {
		t.Fatalf("duplicate zone: %d, want 400", status)
	}
	_, env = ghDo(t, s, GigahostAPIKey, "GET", "/dns/zones", nil)
	zones := env["data"].([]any)
	if len(zones) != 2 {
		t.Fatalf("zones: %v", zones)
	}
	z := zones[1].(map[string]any)
	if z["zone_name"] != "new.example" || z["zone_id"] != fmt.Sprint(s.Gigahost.DNS.ZoneID("new.example")) || z["record_count"] != float64(0) {
		t.Fatalf("zone: %v", z)
	}
	if status, _ := ghDo(t, s, GigahostAPIKey, "DELETE", fmt.Sprintf("/dns/zones/%d", SeedZoneID), nil); status != 400 {
		t.Fatalf("deleting a protected zone: %d, want 400", status)
	}
}

func TestDNSRecordQuirks(t *testing.T) {
	s := newDNSMock(t)
	path := fmt.Sprintf("/dns/zones/%d/records", SeedZoneID)
	for _, v := range []string{"192.0.2.1", "192.0.2.2", "192.0.2.3"} {
		status, env := ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "rr", "record_type": "A", "record_value": v})
		if status != 201 || fmt.Sprint(env["data"]) != "[]" {
			t.Fatalf("create: %d %v, want 201 and no id", status, env)
		}
	}
	if status, _ := ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "mx2", "record_type": "MX", "record_value": "mx.example.net"}); status != 400 {
		t.Fatalf("MX without priority: %d, want 400", status)
	}
	if status, _ := ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "x", "record_type": "A", "record_value": "2001:db8::1"}); status != 400 {
		t.Fatalf("A with IPv6: %d, want 400", status)
	}
	if status, _ := ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "x", "record_type": "AAAA", "record_value": "192.0.2.1"}); status != 400 {
		t.Fatalf("AAAA with IPv4: %d, want 400", status)
	}
	// An update changes the id.
	old := s.Gigahost.DNS.FindRecords(SeedZoneID, "rr", "A", "192.0.2.1")[0]
	status, _ := ghDo(t, s, GigahostAPIKey, "PUT", path+"/"+old.ID, map[string]any{"record_name": "rr", "record_type": "A", "record_value": "192.0.2.1", "record_ttl": "60"})
	if status != 200 {
		t.Fatalf("update: %d", status)
	}
	now := s.Gigahost.DNS.FindRecords(SeedZoneID, "rr", "A", "192.0.2.1")[0]
	if now.ID == old.ID || now.TTL != 60 {
		t.Fatalf("after update: %+v, before %+v: want a new id and ttl 60", now, old)
	}
	// DELETE with value deletes one; the id in the path is ignored.
	if status, _ := ghDo(t, s, GigahostAPIKey, "DELETE", path+"/ignored?name=rr&type=A&value=192.0.2.2", nil); status != 200 {
		t.Fatal(status)
	}
	if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, "rr", "A", "")); n != 2 {
		t.Fatalf("after a delete with value: %d rr records, want 2", n)
	}
	// MX: the list form does not match; the stored form does.
	ghDo(t, s, GigahostAPIKey, "DELETE", path+"/x?name=@&type=MX&value=mail.example.no", nil)
	if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, "@", "MX", "")); n != 1 {
		t.Fatalf("the list form deleted the MX")
	}
	ghDo(t, s, GigahostAPIKey, "DELETE", path+"/x?name=@&type=MX&value=10+mail.example.no.", nil)
	if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, "@", "MX", "")); n != 0 {
		t.Fatalf("the stored form did not delete the MX")
	}
	// Without value every record of the name and type goes.
	ghDo(t, s, GigahostAPIKey, "DELETE", path+"/whatever?name=rr&type=A", nil)
	if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, "rr", "A", "")); n != 0 {
		t.Fatalf("after a delete without value: %d rr records, want 0", n)
	}
	// The list shows MX priority apart and the host without the dot, TXT as sent.
	ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "@", "record_type": "MX", "record_value": "mx.example.net.", "record_priority": 5})
	ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "txt.example.no.", "record_type": "TXT", "record_value": "hello world"})
	_, env := ghDo(t, s, GigahostAPIKey, "GET", path, nil)
	got := fmt.Sprint(env["data"])
	for _, want := range []string{"record_priority:5", "record_value:mx.example.net]", "record_value:hello world]", "record_name:txt "} {
		if !strings.Contains(got, want) {
			t.Errorf("list %s lacks %s", got, want)
		}
	}
}

func TestDNSConcurrentWritesFail(t *testing.T) {
	s := newDNSMock(t)
	s.Gigahost.DNS.SetWriteConflicts(1, 50*time.Millisecond)
	path := fmt.Sprintf("/dns/zones/%d/records", SeedZoneID)
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i], _ = ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "c", "record_type": "A", "record_value": fmt.Sprintf("192.0.2.%d", i+1)})
		}()
	}
	wg.Wait()
	fails := 0
	for _, st := range statuses {
		if st == 500 {
			fails++
		}
	}
	if fails == 0 || fails != s.Gigahost.DNS.WriteConflicts() || len(s.Gigahost.DNS.FindRecords(SeedZoneID, "c", "A", "")) != 4-fails {
		t.Fatalf("statuses %v, conflicts %d, records %v", statuses, s.Gigahost.DNS.WriteConflicts(), s.Gigahost.DNS.FindRecords(SeedZoneID, "c", "A", ""))
	}
	// One after another they succeed.
	for i := range 3 {
		if st, _ := ghDo(t, s, GigahostAPIKey, "POST", path, map[string]any{"record_name": "d", "record_type": "A", "record_value": fmt.Sprintf("192.0.2.%d", i+1)}); st != 201 {
			t.Fatalf("serial write: %d", st)
		}
	}
}

func TestDNSPermissions(t *testing.T) {
	s := newDNSMock(t)
	other := s.Gigahost.DNS.AddZone("other.example")
	key := s.Gigahost.Keys.Add("limited", map[string]GigahostPermission{CatDNS: {Mode: "r", IDs: []int64{other}}}, 0)
	_, env := ghDo(t, s, key, "GET", "/dns/zones", nil)
	if zones := env["data"].([]any); len(zones) != 1 || zones[0].(map[string]any)["zone_name"] != "other.example" {
		t.Fatalf("a key limited to one zone sees %v", zones)
	}
	if st, _ := ghDo(t, s, key, "GET", fmt.Sprintf("/dns/zones/%d/records", SeedZoneID), nil); st != 403 {
		t.Fatalf("records of a zone not in the key's ids: %d, want 403", st)
	}
	if st, _ := ghDo(t, s, key, "POST", fmt.Sprintf("/dns/zones/%d/records", other), map[string]any{"record_value": "192.0.2.1"}); st != 403 {
		t.Fatalf("write with a read-only key: %d, want 403", st)
	}
}

// Each form of the value-form alternatives lists a record in its form and
// deletes it only when the DELETE carries the value in its form.
func TestDNSValueForms(t *testing.T) {
	path := fmt.Sprintf("/dns/zones/%d/records", SeedZoneID)
	cases := []struct {
		alt               Alt
		form              string
		body              map[string]any
		listed, deleteVal string
		wrong             string
	}{
		{AltDNSTXTList, "plain", map[string]any{"record_name": "t", "record_type": "TXT", "record_value": "v=spf1 mx -all"}, "v=spf1 mx -all", "v=spf1 mx -all", `"v=spf1 mx -all"`},
		{AltDNSTXTList, "quoted", map[string]any{"record_name": "t", "record_type": "TXT", "record_value": "v=spf1 mx -all"}, `"v=spf1 mx -all"`, "v=spf1 mx -all", `"v=spf1 mx -all"`},
		{AltDNSTXTDelete, "quoted", map[string]any{"record_name": "t", "record_type": "TXT", "record_value": "v=spf1 mx -all"}, "v=spf1 mx -all", `"v=spf1 mx -all"`, "v=spf1 mx -all"},
		{AltDNSHostList, "dot", map[string]any{"record_name": "c", "record_type": "CNAME", "record_value": "www.example.no"}, "www.example.no.", "www.example.no.", "www.example.no"},
		{AltDNSHostDelete, "bare", map[string]any{"record_name": "c", "record_type": "CNAME", "record_value": "www.example.no."}, "www.example.no", "www.example.no", "www.example.no."},
		{AltDNSSRVList, "inline", map[string]any{"record_name": "_s._tcp", "record_type": "SRV", "record_value": "5 5060 sip.example.no", "record_priority": 10}, "10 5 5060 sip.example.no", "10 5 5060 sip.example.no.", "5 5060 sip.example.no."},
		{AltDNSSRVDelete, "without-priority", map[string]any{"record_name": "_s._tcp", "record_type": "SRV", "record_value": "5 5060 sip.example.no", "record_priority": 10}, "5 5060 sip.example.no", "5 5060 sip.example.no.", "10 5 5060 sip.example.no."},
		{AltDNSCAAValue, "unquoted", map[string]any{"record_name": "@", "record_type": "CAA", "record_value": `0 issue "letsencrypt.org"`}, "0 issue letsencrypt.org", "0 issue letsencrypt.org", `0 issue "letsencrypt.org"`},
	}
	for _, c := range cases {
		t.Run(string(c.alt)+"="+c.form, func(t *testing.T) {
			s := newDNSMock(t)
			s.SetAlt(c.alt, c.form)
			if status, env := ghDo(t, s, GigahostAPIKey, "POST", path, c.body); status != 201 {
				t.Fatalf("create: %d %v", status, env)
			}
			name, typ := c.body["record_name"].(string), c.body["record_type"].(string)
			recs := s.Gigahost.DNS.FindRecords(SeedZoneID, name, typ, "")
			if len(recs) != 1 || recs[0].Listed != c.listed {
				t.Fatalf("listed %+v, want %q", recs, c.listed)
			}
			del := func(v string) {
				ghDo(t, s, GigahostAPIKey, "DELETE", path+"/x?"+url.Values{"name": {name}, "type": {typ}, "value": {v}}.Encode(), nil)
			}
			del(c.wrong)
			if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, name, typ, "")); n != 1 {
				t.Fatalf("the value %q deleted the record", c.wrong)
			}
			del(c.deleteVal)
			if n := len(s.Gigahost.DNS.FindRecords(SeedZoneID, name, typ, "")); n != 0 {
				t.Fatalf("the value %q did not delete the record", c.deleteVal)
			}
		})
	}
}

// The zone list and the zone create answer in each form.
func TestDNSZoneForms(t *testing.T) {
	s := newDNSMock(t)
	s.SetAlt(AltDNSZoneCreateAnswer, "id")
	s.SetAlt(AltDNSZoneIDType, "number")
	_, env := ghDo(t, s, GigahostAPIKey, "POST", "/dns/zones", map[string]any{"zone_name": "forms.example"})
	id := s.Gigahost.DNS.ZoneID("forms.example")
	if fmt.Sprint(env["data"]) != fmt.Sprintf("map[zone_id:%d]", id) {
		t.Fatalf("create answer %v, want the zone id %d", env["data"], id)
	}
	_, env = ghDo(t, s, GigahostAPIKey, "GET", "/dns/zones", nil)
	if z := env["data"].([]any)[1].(map[string]any); z["zone_id"] != float64(id) {
		t.Fatalf("zone_id %#v, want the number %d", z["zone_id"], id)
	}
}
