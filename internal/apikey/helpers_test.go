package apikey_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const keyAddr = "gigahost_api_key.test"

// sessionProvider configures the gigahost provider with the mock's session
// credentials (acctest's ProviderConfig uses an API key, which cannot manage
// keys).
func sessionProvider(env *acctest.Env) string {
	return fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_username = %q
  gigahost_password = %q
  max_retries       = 8
}
`, env.Mock.GigahostURL(), mockapi.GigahostUsername, mockapi.GigahostPassword)
}

// keyStatus is the status the mock answers to GET /webhosting with secret:
// the HTTP status, or the envelope's meta.status when the mock answers
// errors as HTTP 200 (the gigahost.error-status alternative).
func keyStatus(t *testing.T, env *acctest.Env, secret string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, env.Mock.GigahostURL()+"/webhosting", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var env2 struct {
		Meta struct {
			Status json.Number `json:"status"`
		} `json:"meta"`
	}
	if resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&env2) == nil {
		if n, err := env2.Meta.Status.Int64(); err == nil && n >= 400 {
			return int(n)
		}
	}
	return resp.StatusCode
}

// stateAttr reads one attribute of a resource from the state.
func stateAttr(s *terraform.State, addr, attr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", addr)
	}
	return rs.Primary.Attributes[attr], nil
}
