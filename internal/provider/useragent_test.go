package provider_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// The version the provider is built with (main.version, set by ldflags at
// release and by `make build VERSION=...`) reaches both APIs in the
// User-Agent of every request.
func TestAccProvider_userAgentCarriesVersion(t *testing.T) {
	t.Parallel()
	const version = "1.2.3-uatest"
	env := acctest.New(t)
	target, err := url.Parse(env.Mock.URL())
	if err != nil {
		t.Fatal(err)
	}
	// A pass-through in front of the mock records what arrives there.
	var mu sync.Mutex
	agents := map[string][]string{}
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		service := "gigas"
		if strings.HasPrefix(r.URL.Path, mockapi.GigahostPrefix) {
			service = "gigahost"
		}
		mu.Lock()
		agents[service] = append(agents[service], r.UserAgent())
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)

	f := providerserver.NewProtocol6WithError(provider.NewWithOptions(version, provider.Options{Poll: acctest.FastPoll})())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){"gigas": f, "gigahost": f},
		Steps: []resource.TestStep{{Config: fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %[1]q
  gigas_api_key  = %[2]q
}

provider "gigahost" {
  gigahost_endpoint = %[3]q
  gigahost_api_key  = %[4]q
}

data "gigas_locations" "all" {}

data "gigahost_ssh_keys" "all" {}
`, front.URL+mockapi.GigasPrefix, mockapi.GigasAPIKey, front.URL+mockapi.GigahostPrefix, mockapi.GigahostAPIKey)}},
	})

	mu.Lock()
	defer mu.Unlock()
	for _, service := range []string{"gigas", "gigahost"} {
		if len(agents[service]) == 0 {
			t.Errorf("no %s request reached the mock", service)
		}
		for _, ua := range agents[service] {
			if !strings.HasPrefix(ua, "terraform-provider-giga/"+version+" ") || !strings.Contains(ua, "Terraform/") {
				t.Errorf("%s User-Agent %q does not carry the provider version %s and Terraform's", service, ua, version)
			}
		}
	}
}
