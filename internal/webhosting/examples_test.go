package webhosting_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// TestAccExamplesWebhosting applies this package's documentation examples
// against the mock (the seeded account example.no).
func TestAccExamplesWebhosting(t *testing.T) {
	t.Parallel()
	for _, file := range []string{
		"../../examples/resources/gigahost_webhosting_email/resource.tf",
		"../../examples/resources/gigahost_webhosting_email_forwarder/resource.tf",
		"../../examples/resources/gigahost_webhosting_database/resource.tf",
		"../../examples/resources/gigahost_webhosting_ftp_account/resource.tf",
		"../../examples/data-sources/gigahost_webhosting/data-source.tf",
		"../../examples/resources/gigahost_webhosting_ssl/resource.tf",
		"../../examples/resources/gigahost_webhosting_autoresponder/resource.tf",
		"../../examples/resources/gigahost_webhosting_dkim/resource.tf",
		"../../examples/data-sources/gigahost_webhostings/data-source.tf",
		"../../examples/data-sources/gigahost_webhosting_emails/data-source.tf",
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: env.Config(acctest.Example(t, file))}}})
		})
	}
}
