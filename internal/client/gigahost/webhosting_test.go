package gigahost_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

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
	stored, _ := m.GigahostMailbox(mockapi.GigahostHostingID, addr)
	if stored.Password != "secret-two" || stored.Quota != 0 {
		t.Errorf("mock holds %+v", stored)
	}
	got, err := c.Mailbox(ctx, mockapi.GigahostHostingID, addr)
	if err != nil || got == nil || got.Quota != 0 {
		t.Fatalf("Mailbox = %+v, %v", got, err)
	}
	if _, err := c.DeleteMailbox(ctx, mockapi.GigahostHostingID, addr); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Mailbox(ctx, mockapi.GigahostHostingID, addr); err != nil || got != nil {
		t.Errorf("after delete: %+v, %v", got, err)
	}
	if _, err := c.DeleteMailbox(ctx, mockapi.GigahostHostingID, addr); err != nil {
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
			if n := m.GigahostMailboxCount(mockapi.GigahostHostingID); n != 1 {
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
