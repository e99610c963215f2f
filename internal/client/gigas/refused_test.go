package gigas

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func mustMention(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error does not mention %q:\n%v", p, err)
		}
	}
}

// A 401 names the credential used (attribute and variable), the endpoint
// and what to check, for an API key and for a login alike.
func TestRefused_credentials(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{Seed: 1})
	m.Start()
	t.Cleanup(m.Close)
	ctx := context.Background()

	_, err := newClient(t, m.GigasURL(), Config{APIKey: "not-a-key"}).Accounts(ctx)
	mustMention(t, err, "HTTP 401", "gigas_api_key", "GIGAS_API_KEY", m.GigasURL(), "gigas_endpoint")
	if !client.IsStatus(err, http.StatusUnauthorized) {
		t.Errorf("the explained error is no longer a 401: %v", err)
	}

	_, err = newClient(t, m.GigasURL(), Config{Username: mockapi.GigasUsername, Password: "wrong"}).Accounts(ctx)
	mustMention(t, err, "gigas login failed", "gigas_username", "gigas_password", "GIGAS_USERNAME", "GIGAS_PASSWORD", m.GigasURL())
}
