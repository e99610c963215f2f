package webhosting_test

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccExamplesWebhostingSSLMail applies the examples of the certificate,
// DKIM and autoresponder resources and the accounts data source against the
// mock (the seeded account example.no).
func TestAccExamplesWebhostingSSLMail(t *testing.T) {
	t.Parallel()
	for _, file := range []string{
		"../../examples/resources/gigahost_webhosting_ssl/resource.tf",
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			hcl, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			env := acctest.New(t)
			env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: env.Config(terraformBlock.ReplaceAllString(string(hcl), ""))}}})
		})
	}
}
