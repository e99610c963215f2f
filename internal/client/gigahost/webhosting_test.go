package gigahost_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func mockClient(t *testing.T, session bool) (*gigahost.Client, *mockapi.Server) {
	t.Helper()
	m := mockapi.New(mockapi.Options{Seed: 7})
	m.Start()
	t.Cleanup(m.Close)
	cfg := gigahost.Config{Transport: client.Options{BaseURL: m.GigahostURL(), MaxRetries: 0}}
	if session {
		cfg.Username, cfg.Password = mockapi.GigahostUsername, mockapi.GigahostPassword
	} else {
		cfg.APIKey = mockapi.GigahostAPIKey
	}
	c, err := gigahost.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

func TestMailboxLifecycle(t *testing.T) {
	t.Parallel()
	c, m := mockClient(t, false)
	ctx := context.Background()

	accounts, err := c.HostingAccounts(ctx)
	if err != nil || len(accounts) != 2 || accounts[0].Domain != mockapi.GigahostHostingDomain {
		t.Fatalf("HostingAccounts = %+v, %v", accounts, err)
	}
	one, err := c.HostingAccount(ctx, mockapi.GigahostHostingID)
	if err != nil || int64(one.HostingID) != mockapi.GigahostHostingID || one.Domain != mockapi.GigahostHostingDomain {
		t.Fatalf("HostingAccount = %+v, %v", one, err)
	}

	quota := int64(500)
	created, err := c.CreateMailbox(ctx, mockapi.GigahostHostingID, gigahost.MailboxInput{Email: "post", Password: "secret-one", Quota: &quota}, nil)
	addr := "post@" + mockapi.GigahostHostingDomain
	if err != nil || created.Address != addr || created.Quota != 500 || !created.QuotaKnown {
		t.Fatalf("CreateMailbox = %+v, %v", created, err)
	}
	if mb, err := c.Mailbox(ctx, mockapi.GigahostHostingID, addr); err != nil || mb == nil || mb.Quota != 500 || mb.LocalPart() != "post" {
		t.Fatalf("Mailbox after create = %+v, %v", mb, err)
	}
	if err := c.SetMailboxPassword(ctx, mockapi.GigahostHostingID, addr, "secret-two"); err != nil {
		t.Fatal(err)
	}
	if err := c.SetMailboxQuota(ctx, mockapi.GigahostHostingID, addr, 0); err != nil {
		t.Fatal(err)
	}
	stored, _ := m.Gigahost.Webhosting.Mailbox(mockapi.GigahostHostingID, addr)
	if stored.Password != "secret-two" || stored.Quota != 0 {
		t.Errorf("mock holds %+v", stored)
	}
	got, err := c.Mailbox(ctx, mockapi.GigahostHostingID, addr)
	if err != nil || got == nil || got.Quota != 0 {
		t.Fatalf("Mailbox = %+v, %v", got, err)
	}
	if err := c.DeleteMailbox(ctx, mockapi.GigahostHostingID, addr); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Mailbox(ctx, mockapi.GigahostHostingID, addr); err != nil || got != nil {
		t.Errorf("after delete: %+v, %v", got, err)
	}
	if err := c.DeleteMailbox(ctx, mockapi.GigahostHostingID, addr); err != nil {
		t.Errorf("second delete: %v, want none (already gone, verified by listing)", err)
	}
	if _, err := c.Mailboxes(ctx, 999); !client.IsNotFound(err) {
		t.Errorf("missing account: %v, want a 404", err)
	}
	_, err = c.CreateMailbox(ctx, mockapi.GigahostHostingID, gigahost.MailboxInput{Email: "x", Password: "123"}, nil)
	if !client.IsStatus(err, 400) {
		t.Errorf("short password: %v, want a 400", err)
	}
}

// TestMailboxShapes feeds the decoder the other shapes the undocumented list
// may take: a bare list, the address split in user and domain, the quota as
// a number or "unlimited".
func TestMailboxShapes(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"meta":{"status":200},"data":[
			{"email":"a@example.no","quota":250},
			{"user":"b","domain":"example.no","quota":"unlimited"},
			{"email":"C","domain":"Example.no","quota":null}]}`))
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{Transport: client.Options{BaseURL: srv.URL}, APIKey: "flux_live_x"})
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Mailboxes(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []gigahost.Mailbox{{Address: "a@example.no", Quota: 250, QuotaKnown: true}, {Address: "b@example.no", QuotaKnown: true}, {Address: "c@example.no"}}
	if len(list) != len(want) {
		t.Fatalf("got %+v", list)
	}
	for i := range want {
		if list[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, list[i], want[i])
		}
	}
}

// A create whose answer is lost is never sent blindly again: when it took
// effect (drop-after) the mailbox is found by listing and adopted, with one
// POST; when it did not (a 500 before the handler) it is sent again once the
// list shows nothing, and the mailbox exists once.
func TestCreateMailboxLostAnswer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fault     mockapi.Fault
		wantPosts int
	}{{mockapi.FaultDropAfter, 1}, {mockapi.Fault500, 2}} {
		t.Run(string(tc.fault), func(t *testing.T) {
			t.Parallel()
			m := mockapi.New(mockapi.Options{Seed: 7})
			m.Start()
			t.Cleanup(m.Close)
			c, err := gigahost.New(gigahost.Config{APIKey: mockapi.GigahostAPIKey, Transport: client.Options{
				BaseURL: m.GigahostURL(), MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond}})
			if err != nil {
				t.Fatal(err)
			}
			m.FailNext("gigahost", http.MethodPost, "/webhosting/", tc.fault, 1)
			mb, err := c.CreateMailbox(context.Background(), mockapi.GigahostHostingID, gigahost.MailboxInput{Email: "lost", Password: "secret-one"}, nil)
			if err != nil || mb.Address != "lost@"+mockapi.GigahostHostingDomain {
				t.Fatalf("CreateMailbox = %+v, %v", mb, err)
			}
			if n := m.CountRequests("gigahost", http.MethodPost, "/webhosting/") + countFaults(m, http.MethodPost); n != tc.wantPosts {
				t.Errorf("%d POST requests, want %d", n, tc.wantPosts)
			}
			if n := m.Gigahost.Webhosting.MailboxCount(mockapi.GigahostHostingID); n != 1 {
				t.Errorf("%d mailboxes, want 1", n)
			}
		})
	}
}

// countFaults counts the requests of a method answered by an injected fault.
func countFaults(m *mockapi.Server, method string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Method == method && r.Fault != "" {
			n++
		}
	}
	return n
}

// The docs' example of GET /webhosting, fed to the decoder.
func TestHostingAccountsDocsExample(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /webhosting": string(apidocs.Read(t, "examples/gigahost/GET_webhosting.json"))})
	list, err := c.HostingAccounts(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("HostingAccounts = %+v, %v", list, err)
	}
	a := list[0]
	if a.HostingID != 1234 || a.Domain != "example.no" || a.Username != "exampleno" || a.Package != "Webhotell M" || a.OrderNumber != 55012 {
		t.Errorf("account = %+v", a)
	}
}

// One hosting account is read bare, in a one-element list, or wrapped in
// hosting (as an object or as the list answers); other answers are errors.
func TestHostingAccountShapes(t *testing.T) {
	t.Parallel()
	item := `{"hosting_id":"1234","domain":"example.no","order":{"order_number":"1"},"usage":{"disk_mb":"1"}}`
	for name, data := range map[string]string{
		"bare": item, "list": "[" + item + "]", "wrapped": `{"hosting":` + item + `}`, "wrapped list": `{"hosting":[` + item + `]}`,
		"beside usage": `{"hosting":` + item + `,"usage":{"disk":1}}`,
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1234": `{"meta":{"status":200},"data":` + data + `}`})
		a, err := c.HostingAccount(context.Background(), 1234)
		if err != nil || a.HostingID != 1234 || a.Domain != "example.no" {
			t.Errorf("%s: HostingAccount = %+v, %v", name, a, err)
		}
	}
	for name, data := range map[string]string{"empty": `[]`, "two": "[" + item + "," + item + "]", "unknown": `{"message":"ok"}`} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1234": `{"meta":{"status":200},"data":` + data + `}`})
		if a, err := c.HostingAccount(context.Background(), 1234); err == nil {
			t.Errorf("%s: HostingAccount = %+v, want an error", name, a)
		}
	}
}

// Every plausible form of the undocumented mailbox list gives the same
// mailboxes; a form the decoder does not know is an error, never an empty
// list (which would drop every mailbox from the state).
func TestMailboxListForms(t *testing.T) {
	t.Parallel()
	want := []gigahost.Mailbox{{Address: "a@example.no", Quota: 250, QuotaKnown: true}, {Address: "b@example.no", QuotaKnown: true}}
	addressesOnly := []gigahost.Mailbox{{Address: "a@example.no"}, {Address: "b@example.no"}}
	account := `{"meta":{"status":200},"data":{"hosting_id":1,"domain":"Example.no"}}`
	for name, tc := range map[string]struct {
		data string
		want []gigahost.Mailbox
	}{
		"wrapped full":      {`{"emails":[{"email":"a@example.no","quota":"250"},{"email":"b@example.no","quota":"0"}]}`, want},
		"bare numbers":      {`[{"email":"a@example.no","quota":250},{"email":"b@example.no","quota":0}]`, want},
		"local and domain":  {`{"emails":[{"email":"a","domain":"example.no","quota":"250 MB"},{"email":"b","domain":"example.no","quota":"unlimited"}]}`, want},
		"local only":        {`{"emails":[{"email":"a","quota":"250"},{"email":"B","quota":"unlimited"}]}`, want},
		"user and domain":   {`{"emails":[{"user":"a","domain":"example.no","quota":250},{"user":"b","domain":"example.no","quota":0}]}`, want},
		"other wrapper":     {`{"accounts":[{"address":"a@example.no","quota":"250"},{"address":"b@example.no","quota":"0"}]}`, want},
		"addresses only":    {`{"emails":["a@example.no","b@example.no"]}`, addressesOnly},
		"bare local, no q.": {`["a","b"]`, addressesOnly},
		"empty list":        {`[]`, nil},
		"empty wrapped":     {`{"emails":[]}`, nil},
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/emails": `{"meta":{"status":200},"data":` + tc.data + `}`, "GET /webhosting/1": account})
		list, err := c.Mailboxes(context.Background(), 1)
		if err != nil || len(list) != len(tc.want) {
			t.Errorf("%s: Mailboxes = %+v, %v; want %+v", name, list, err, tc.want)
			continue
		}
		for i := range tc.want {
			if list[i] != tc.want[i] {
				t.Errorf("%s: entry %d = %+v, want %+v", name, i, list[i], tc.want[i])
			}
		}
	}
	for name, data := range map[string]string{
		"unknown wrapper":  `{"total":2,"items":{"a":1}}`,
		"entry unknown":    `{"emails":[{"size":1}]}`,
		"quota not number": `{"emails":[{"email":"a@example.no","quota":"lots"}]}`,
		"text":             `"none"`,
		"object not list":  `{"emails":{"email":"a@example.no"}}`,
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/emails": `{"meta":{"status":200},"data":` + data + `}`, "GET /webhosting/1": account})
		if list, err := c.Mailboxes(context.Background(), 1); err == nil {
			t.Errorf("%s: Mailboxes = %+v, want an error", name, list)
		}
	}
}
