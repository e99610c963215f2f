package gigahost

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func TestDNSRedirectLifecycle(t *testing.T) {
	c, m := dnsClient(t)
	ctx := context.Background()
	zoneID := m.Gigahost.DNS.AddZone("redir.example")
	zone := "1000"
	if got := m.Gigahost.DNS.ZoneID("redir.example"); got != 1000 || zoneID != 1000 {
		t.Fatalf("zone id %d", got)
	}

	// An apex redirect adds A records at @ and www.
	if err := c.CreateRedirect(ctx, zone, RedirectInput{Source: "@", TargetURL: "https://target.example/"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"@", "www"} {
		if got := m.Gigahost.DNS.FindRecords(zoneID, name, "A", mockapi.DNSRedirectServerIP); len(got) != 1 {
			t.Errorf("A records at %s: %+v", name, got)
		}
	}
	// Another name: one A record; the name may be written in full.
	if err := c.CreateRedirect(ctx, zone, RedirectInput{Source: "blog.redir.example.", TargetURL: "http://blog.target.example"}); err != nil {
		t.Fatal(err)
	}
	redirects, err := c.ListRedirects(ctx, zone)
	if err != nil || len(redirects) != 2 {
		t.Fatalf("redirects %+v, %v", redirects, err)
	}
	apex, ok := FindRedirect(redirects, "@")
	if !ok || apex.Domain != "redir.example" || apex.TargetURL != "https://target.example/" || !bool(apex.Enabled) || apex.CreatedAt == "" {
		t.Fatalf("apex redirect %+v", apex)
	}
	if blog, ok := FindRedirect(redirects, "blog"); !ok || blog.Domain != "blog.redir.example" {
		t.Fatalf("blog redirect %+v", blog)
	}

	// A second redirect of a name, and an invalid URL: 400 with the API's message.
	err = c.CreateRedirect(ctx, zone, RedirectInput{Source: "blog", TargetURL: "https://x.example"})
	if !client.IsStatus(err, http.StatusBadRequest) || !strings.Contains(err.Error(), "already exists for blog.redir.example") {
		t.Fatalf("duplicate: %v", err)
	}
	err = c.CreateRedirect(ctx, zone, RedirectInput{Source: "shop", TargetURL: "ftp://x.example"})
	if !client.IsStatus(err, http.StatusBadRequest) || !strings.Contains(err.Error(), "Invalid target URL format") {
		t.Fatalf("invalid URL: %v", err)
	}
	// A record in the way.
	if err := m.Gigahost.DNS.AddRecord(zoneID, "shop", "CNAME", "shops.example", 300, nil); err != nil {
		t.Fatal(err)
	}
	err = c.CreateRedirect(ctx, zone, RedirectInput{Source: "shop", TargetURL: "https://x.example"})
	want := "DNS conflict: 'shop' has an existing CNAME record (shops.example). Please remove it before adding a redirect."
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest || apiErr.Message != want {
		t.Fatalf("conflict: %v", err)
	}
	if _, ok := m.Gigahost.DNS.FindRedirect(zoneID, "shop"); ok {
		t.Fatal("a refused redirect is in the mock")
	}

	// Update changes the target only.
	if err := c.UpdateRedirect(ctx, zone, RedirectInput{Source: "@", TargetURL: "https://new.example"}); err != nil {
		t.Fatal(err)
	}
	if d, _ := m.Gigahost.DNS.FindRedirect(zoneID, "@"); d.TargetURL != "https://new.example" {
		t.Fatalf("after update %+v", d)
	}
	if err := c.UpdateRedirect(ctx, zone, RedirectInput{Source: "nope", TargetURL: "https://new.example"}); !client.IsNotFound(err) {
		t.Fatalf("update of a missing redirect: %v, want 404", err)
	}

	// Delete removes the redirect and its A records (www too for @), and
	// nothing else.
	if err := c.DeleteRedirect(ctx, zone, "@"); err != nil {
		t.Fatal(err)
	}
	if got := m.Gigahost.DNS.FindRecords(zoneID, "@", "A", ""); len(got) != 0 {
		t.Errorf("A records at @ after delete: %+v", got)
	}
	if got := m.Gigahost.DNS.FindRecords(zoneID, "www", "A", ""); len(got) != 0 {
		t.Errorf("A records at www after delete: %+v", got)
	}
	if got := m.Gigahost.DNS.FindRecords(zoneID, "blog", "A", ""); len(got) != 1 {
		t.Errorf("blog's A record after deleting @: %+v", got)
	}
	if err := c.DeleteRedirect(ctx, zone, "@"); !client.IsNotFound(err) {
		t.Fatalf("deleting again: %v, want 404", err)
	}
	if _, err := c.ListRedirects(ctx, "999999"); !client.IsNotFound(err) {
		t.Fatalf("redirects of a missing zone: %v, want 404", err)
	}
}

// A redirect create whose answer is lost after it took effect is not
// repeated: the redirect is found in the list and adopted.
func TestCreateRedirectNotRepeatedBlindly(t *testing.T) {
	c, m := dnsClient(t)
	m.FailNext("gigahost", http.MethodPost, "/dns/zones/", mockapi.FaultDropAfter, 1)
	zoneID := m.Gigahost.DNS.AddZone("lost.example")
	err := c.CreateRedirect(context.Background(), "1000", RedirectInput{Source: "go", TargetURL: "https://x.example"})
	if err != nil {
		t.Fatalf("err = %v, want the redirect adopted from the list", err)
	}
	if _, ok := m.Gigahost.DNS.FindRedirect(zoneID, "go"); !ok {
		t.Fatal("the create did not take effect in the mock")
	}
	// The mock records a dropped request after it cut the connection, so
	// the client may hear of it first.
	posts := 0
	for wait := 0; wait < 100 && posts == 0; wait++ {
		for _, r := range m.Requests() {
			if r.Method == http.MethodPost && r.Path == "/dns/zones/1000/redirect" {
				posts++
			}
		}
		if posts == 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if posts != 1 {
		t.Fatalf("%d creates sent, want 1", posts)
	}
}

func TestDNSRedirectLenientDecoding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"meta":{"status":200},"data":[{"domain":"a.no","source":"@","target_url":"https://b.no","enabled":"1","created_at":"2024-01-15 12:00:00"},{"domain":"x.a.no","source":"x","target_url":"https://c.no","enabled":false}]}`))
	}))
	defer srv.Close()
	c, err := New(Config{APIKey: "k", Transport: client.Options{BaseURL: srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ListRedirects(context.Background(), "1")
	if err != nil || len(got) != 2 || !bool(got[0].Enabled) || bool(got[1].Enabled) || got[1].Source != "x" {
		t.Fatalf("redirects %+v, %v", got, err)
	}
}
