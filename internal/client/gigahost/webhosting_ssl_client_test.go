package gigahost_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// A certificate request is waited for until the certificate covers the
// names; a DELETE the API acknowledges without acting is caught by the read
// back.
func TestSSLRequestWaitAndVerifiedDelete(t *testing.T) {
	t.Parallel()
	c, m := mockClient(t, false)
	m.Gigahost.Webhosting.SetSSLIssueDelay(mockapi.GigahostHostingID, 30*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	names := []string{"example.no", "www.example.no"}
	if err := c.RequestSSL(ctx, mockapi.GigahostHostingID, gigahost.SSLRequest{Hostnames: names}); err != nil {
		t.Fatal(err)
	}
	s, err := c.WaitSSL(ctx, mockapi.GigahostHostingID, names)
	if err != nil || !s.Covers(names) || s.Expires.IsZero() {
		t.Fatalf("WaitSSL = %+v, %v", s, err)
	}
	path := "/webhosting/1234/ssl"
	m.FailNext("gigahost", http.MethodDelete, path, mockapi.FaultAck, 1)
	if err := c.DeleteSSL(ctx, mockapi.GigahostHostingID); err == nil || !strings.Contains(err.Error(), "still installed") {
		t.Fatalf("an acknowledged DELETE that did nothing: %v", err)
	}
	if err := c.DeleteSSL(ctx, mockapi.GigahostHostingID); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Gigahost.Webhosting.Certificate(mockapi.GigahostHostingID); ok {
		t.Fatal("the certificate is still in the mock")
	}
}

// A name that never resolves: the wait ends with the context and says why.
func TestSSLWaitTimesOut(t *testing.T) {
	t.Parallel()
	c, m := mockClient(t, false)
	m.Gigahost.Webhosting.StallSSL(mockapi.GigahostHostingID, true)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	names := []string{"shop.example.no"}
	if err := c.RequestSSL(ctx, mockapi.GigahostHostingID, gigahost.SSLRequest{Hostnames: names, KeySize: "secp256r1"}); err != nil {
		t.Fatal(err)
	}
	_, err := c.WaitSSL(ctx, mockapi.GigahostHostingID, names)
	if err == nil || !strings.Contains(err.Error(), "not issued in time") || !strings.Contains(err.Error(), "no certificate is installed") {
		t.Fatalf("WaitSSL = %v", err)
	}
}

// The fields the gigahost_webhostings data source shows, from the docs'
// example of GET /webhosting.
func TestHostingAccountsDocsExampleAllFields(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /webhosting": string(apidocs.Read(t, "examples/gigahost/GET_webhosting.json"))})
	list, err := c.HostingAccounts(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("HostingAccounts = %+v, %v", list, err)
	}
	a := list[0]
	if a.Status != "active" || a.CreatedDate != "2026-01-15" || a.OrderRenewal != "2026-07-15" || a.OrderStatus != "active" || a.OrderNumber != 55012 {
		t.Errorf("account = %+v", a)
	}
}
