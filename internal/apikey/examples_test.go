package apikey_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccExamplesScopedKeyGuide applies examples/guides/scoped-api-key. The
// harness serves all configurations of one local name from one provider
// server (see scopedProvider), so the alias gets its own local name here.
func TestAccExamplesScopedKeyGuide(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	hcl := acctest.Example(t, "../../examples/guides/scoped-api-key/main.tf")
	for old, repl := range map[string]string{
		"provider \"gigahost\" {}\n":                                   sessionProvider(env),
		"provider \"gigahost\" {\n  alias            = \"shop_dns\"\n": fmt.Sprintf("provider %q {\n  gigahost_endpoint = %q\n", scopedProvider, env.Mock.GigahostURL()),
		"provider = gigahost.shop_dns":                                 "provider = " + scopedProvider,
	} {
		if !strings.Contains(hcl, old) {
			t.Fatalf("the guide no longer contains %q", old)
		}
		hcl = strings.ReplaceAll(hcl, old, repl)
	}
	env.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: scopedFactories(env),
		Steps: []resource.TestStep{{
			Config: hcl,
			Check: func(*terraform.State) error {
				zone := env.Mock.Gigahost.DNS.ZoneID("shop.example.no")
				if zone == 0 || len(env.Mock.Gigahost.DNS.FindRecords(zone, "www", "A", "192.0.2.10")) != 1 {
					return fmt.Errorf("the guide's records are not in the mock")
				}
				return nil
			},
		}},
	})
}
