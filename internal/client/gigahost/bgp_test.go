package gigahost_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// The docs' example of GET /bgp, fed to the decoder.
func TestBGPDocsExample(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /bgp": string(apidocs.Read(t, "examples/gigahost/GET_bgp.json"))})
	b, err := c.GetBGP(context.Background())
	if err != nil || len(b.ASNs) != 1 || len(b.PrefixLists) != 1 || len(b.Sessions) != 1 {
		t.Fatalf("GetBGP = %+v, %v", b, err)
	}
	a, p, s := b.ASNs[0], b.PrefixLists[0], b.Sessions[0]
	if a.ID != 1 || a.ASN != "212345" || a.Name != "Example Network" || a.Country != "NO" || a.IRRv4 != "AS-EXAMPLE" || a.IRRv6 != "AS-EXAMPLE" ||
		a.IRRUpdated != 1700000000 || a.Status != "active" || a.RejectedReason != "" {
		t.Errorf("asn = %+v", a)
	}
	if p.ID != 1 || p.ASNID != 1 || p.Prefix != "192.0.2.0/24" || p.PrefixType != "ipv4" || p.Status != "active" || p.YourASN != "212345" {
		t.Errorf("prefix list = %+v", p)
	}
	if s.ID != "1" || s.ASNID != 1 || s.RouterID != 1 || s.ServerID != 3523 || s.IPID != 7795 || s.IPv6() || !bool(s.DefaultRoute) || !s.Active() ||
		s.NeighborIPv4 != "185.125.168.1" || s.NeighborIPv6 != "2a03:94e0::1" || bool(s.Multihop) || s.RouterASN != "39029" || s.YourASN != "212345" ||
		s.IPAddress != "185.181.63.24" {
		t.Errorf("session = %+v", s)
	}
}

// An account without BGP in every plausible form is no items; a shape the
// decoder does not know is an error, never "no sessions".
func TestBGPShapes(t *testing.T) {
	t.Parallel()
	for name, data := range map[string]string{
		"data []": `[]`, "data null": `null`,
		"empty lists": `{"asn":[],"prefix_lists":[],"sessions":[]}`,
		"omitted":     `{"asn":[{"id":"1","asn":"212345"}]}`,
	} {
		c := docsAPI(t, map[string]string{"GET /bgp": `{"meta":{"status":200},"data":` + data + `}`})
		if s, err := c.BGPSessions(context.Background()); err != nil || len(s) != 0 {
			t.Errorf("%s: BGPSessions = %+v, %v", name, s, err)
		}
	}
	for name, data := range map[string]string{
		"unknown object":      `{"bgp":{"sessions":[]}}`,
		"session without id":  `{"asn":[],"sessions":[{"asn_id":"1"}]}`,
		"sessions not a list": `{"asn":[],"sessions":"none"}`,
		"sessions object":     `{"asn":[],"sessions":{"a":1,"b":2}}`,
		"asn without id":      `{"asn":[{"asn":"212345"}]}`,
		"a list of sessions":  `[{"id":"1"}]`,
		"a string where data": `"x"`,
	} {
		c := docsAPI(t, map[string]string{"GET /bgp": `{"meta":{"status":200},"data":` + data + `}`})
		if s, err := c.BGPSessions(context.Background()); err == nil {
			t.Errorf("%s: BGPSessions = %+v, want an error", name, s)
		}
	}
}

// bgpAPI serves GET /bgp from sessions (changed by the handler's callers)
// and the docs' example answers of POST and DELETE, recording the bodies.
type bgpAPI struct {
	sessions     func() string
	bodies       []map[string]any
	deleteStatus int // 0: the docs' answer
}

func (a *bgpAPI) client(t *testing.T) *gigahost.Client {
	t.Helper()
	post := string(apidocs.Read(t, "examples/gigahost/POST_bgp_asn_id_session.json"))
	del := string(apidocs.Read(t, "examples/gigahost/DELETE_bgp_session_id_session.json"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			_, _ = io.WriteString(w, `{"meta":{"status":200},"data":{"asn":[{"id":"1"}],"sessions":[`+a.sessions()+`]}}`)
		case http.MethodPost:
			var body map[string]any
			_ = json.NewDecoder(r.Body).Decode(&body)
			a.bodies = append(a.bodies, body)
			_, _ = io.WriteString(w, post)
		case http.MethodDelete:
			if a.deleteStatus != 0 {
				w.WriteHeader(a.deleteStatus)
				_, _ = io.WriteString(w, `{"meta":{"status":`+strconv.Itoa(a.deleteStatus)+`,"message":"BGP session not found."},"data":[]}`)
				return
			}
			_, _ = io.WriteString(w, del)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: "flux_live_k", Poll: client.PollSettings{Initial: time.Millisecond, Max: 5 * time.Millisecond, Factor: 1},
		Transport: client.Options{BaseURL: srv.URL, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The create sends the docs' example body form (flags as numbers, the IP id
// as a string under its family's key) and accepts the docs' answer; the
// sessions are those the list shows new for the address, by id. A delete
// accepts the docs' answer and waits until the list no longer shows the
// session.
func TestBGPSessionCreateAndDelete(t *testing.T) {
	t.Parallel()
	seed := `{"id":"1","asn_id":"1","ip_id":"7795","ip_type":"ipv4","status":"active"}`
	mine := `,{"id":"12","asn_id":"1","ip_id":"7796","ip_type":"ipv6","router_id":"2","status":"active"},` +
		`{"id":"11","asn_id":"1","ip_id":"7796","ip_type":"ipv6","router_id":"1","status":"active"}`
	created, reads := false, 0
	api := &bgpAPI{sessions: func() string {
		reads++
		if created {
			return seed + mine
		}
		return seed
	}}
	c := api.client(t)
	ctx := context.Background()
	if _, err := c.BGPSessions(ctx); err != nil {
		t.Fatal(err)
	}
	created = true // the POST's effect, seen by the next list
	got, err := c.CreateBGPSession(ctx, gigahost.BGPSessionInput{ASNID: 1, IPID: 7796, IPv6: true, Redundant: true})
	if err != nil || len(got) != 2 || got[0].ID != "11" || got[1].ID != "12" {
		t.Fatalf("CreateBGPSession = %+v, %v", got, err)
	}
	want := map[string]any{"redundant": float64(1), "defaultroute": float64(0), "ip_id_v6": "7796"}
	if len(api.bodies) != 1 || len(api.bodies[0]) != len(want) {
		t.Fatalf("bodies = %v", api.bodies)
	}
	for k, v := range want {
		if api.bodies[0][k] != v {
			t.Errorf("body %s = %#v, want %#v", k, api.bodies[0][k], v)
		}
	}

	// The deletion is marked: the list shows the sessions a little longer.
	reads = 0
	api.sessions = func() string {
		reads++
		if reads < 3 {
			return seed + mine
		}
		return seed
	}
	if err := c.DeleteBGPSessions(ctx, []string{"11", "12"}); err != nil || reads != 3 {
		t.Errorf("DeleteBGPSessions = %v after %d reads, want nil after 3", err, reads)
	}
	// A wait that ends while the list still shows a session names it.
	// (The operation's context ends while the list is read a second time.)
	tctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reads = 0
	api.sessions = func() string {
		if reads++; reads >= 2 {
			cancel()
		}
		return seed + mine
	}
	var still *gigahost.BGPSessionsStillListedError
	if err := c.DeleteBGPSessions(tctx, []string{"11"}); !errors.As(err, &still) || len(still.Listed) != 1 || still.Listed[0].ID != "11" {
		t.Errorf("DeleteBGPSessions = %v, want the session still listed", err)
	}
	// A create the list does not show afterwards is an error, not an empty resource.
	api.sessions = func() string { return seed }
	var notListed *gigahost.ErrBGPSessionNotListed
	if _, err := c.CreateBGPSession(ctx, gigahost.BGPSessionInput{ASNID: 1, IPID: 7797}); !errors.As(err, &notListed) {
		t.Errorf("CreateBGPSession of a session never listed = %v", err)
	}
}

// A DELETE answered 404 is no error once the list does not show the
// session; a 400 for a session still active is the API's refusal.
func TestBGPSessionDeleteGoneOrRefused(t *testing.T) {
	t.Parallel()
	active := `{"id":"11","asn_id":"1","ip_id":"7796","ip_type":"ipv6","status":"active"}`
	api := &bgpAPI{sessions: func() string { return "" }, deleteStatus: http.StatusNotFound}
	c := api.client(t)
	if err := c.DeleteBGPSessions(context.Background(), []string{"11"}); err != nil {
		t.Errorf("DeleteBGPSessions of a session gone = %v", err)
	}
	api.sessions, api.deleteStatus = func() string { return active }, http.StatusBadRequest
	if err := c.DeleteBGPSessions(context.Background(), []string{"11"}); !client.IsStatus(err, http.StatusBadRequest) {
		t.Errorf("DeleteBGPSessions refused for an active session = %v, want the 400", err)
	}
}

// ip_type: the docs show "ipv4"; an IPv6 session is read as such in every
// plausible spelling.
func TestBGPIPTypeForms(t *testing.T) {
	t.Parallel()
	for typ, v6 := range map[string]bool{"ipv4": false, "IPv4": false, "4": false, "ipv6": true, "IPv6": true, "v6": true, "6": true, "inet6": true} {
		if got := (gigahost.BGPSession{IPType: client.String(typ)}).IPv6(); got != v6 {
			t.Errorf("ip_type %q: IPv6() = %t", typ, got)
		}
	}
}

// A create whose answer is lost while the list does not show its sessions
// yet is sent again; the API's "session exists already" then means the lost
// create made them, and the sessions the list now shows are adopted.
func TestBGPSessionExistsAfterLostAnswer(t *testing.T) {
	t.Parallel()
	seed := `{"id":"1","asn_id":"1","ip_id":"7795","ip_type":"ipv4","status":"active"}`
	mine := `,{"id":"11","asn_id":"1","ip_id":"7796","ip_type":"ipv6","router_id":"1","status":"active"}`
	posts, gets := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		list := seed
		switch r.Method {
		case http.MethodPost:
			posts++
			if posts == 1 {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"meta":{"status":400,"status_message":"400 Bad Request","message":"IPv6 session exists already."}}`)
			return
		case http.MethodGet:
			gets++
			if gets > 2 { // the list before the create and the lookup after the lost answer lag behind
				list += mine
			}
		}
		_, _ = io.WriteString(w, `{"meta":{"status":200},"data":{"asn":[{"id":"1"}],"sessions":[`+list+`]}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: "flux_live_k", Transport: client.Options{BaseURL: srv.URL, MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.CreateBGPSession(context.Background(), gigahost.BGPSessionInput{ASNID: 1, IPID: 7796, IPv6: true})
	if err != nil || len(got) != 1 || got[0].ID != "11" || posts != 2 {
		t.Errorf("CreateBGPSession = %+v, %v after %d POSTs, want session 11 after 2", got, err, posts)
	}
	// Without a lost answer, the refusal names the session there.
	posts = 1
	var exists *gigahost.BGPSessionExistsError
	if _, err := c.CreateBGPSession(context.Background(), gigahost.BGPSessionInput{ASNID: 1, IPID: 7796, IPv6: true}); !errors.As(err, &exists) ||
		len(exists.Existing) != 1 || exists.Existing[0].ID != "11" {
		t.Errorf("CreateBGPSession of an address with a session = %v", err)
	}
}
