package apikey_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestLogsHoldNoSecrets applies a key and a mailbox with TF_LOG=TRACE and
// checks that neither the session password, the mailbox, database and FTP
// passwords (sent on create and on change), the key's
// secret (before and after rotation) nor a session token is in the log, which
// holds Terraform's, the test harness's and the provider's lines. It changes the process
// environment, so it must not run in parallel.
func TestLogsHoldNoSecrets(t *testing.T) {
	readLog := acctest.TraceLog(t)
	env := acctest.New(t)
	var secrets []string
	capture := func(s *terraform.State) error {
		secret, err := stateAttr(s, keyAddr, "secret")
		secrets = append(secrets, secret)
		return err
	}
	cfg := func(round, mailboxPassword string) string {
		return sessionProvider(env) + keyConfig("logged", `{ webhosting = { mode = "rw" } }`, `  rotation_triggers = { round = "`+round+`" }`) +
			fmt.Sprintf(`
resource "gigahost_webhosting_email" "logged" {
  hosting_id = %d
  email      = "logged"
  password   = %q
}

resource "gigahost_webhosting_email" "logged_wo" {
  hosting_id  = %[3]d
  email       = "logged-wo"
  password_wo = "write-only-%[2]s"
}

resource "gigahost_webhosting_database" "logged" {
  hosting_id          = %[3]d
  name                = "logged"
  password_wo         = "db-wo-%[2]s"
  password_wo_version = %[4]s
}

resource "gigahost_webhosting_ftp_account" "logged" {
  hosting_id = %[3]d
  username   = "logged"
  password   = "ftp-%[2]s"
}
`, mockapi.GigahostHostingID, mailboxPassword, mockapi.GigahostHostingID, round)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg("1", "mailbox-secret-1"), Check: capture},
			{Config: cfg("2", "mailbox-secret-2"), Check: capture},
		},
	})

	text := readLog()
	db := env.Mock.Gigahost.Webhosting.StoredDatabaseName(mockapi.GigahostHostingID, "logged")
	acctest.AssertLogged(t, text, "API request", "/account/apikeys", "/webhosting/1234/emails", "/webhosting/1234/databases/"+db+"/password",
		"/webhosting/1234/ftp/logged/password")
	forbidden := map[string]string{
		"session password":  mockapi.GigahostPassword,
		"session token":     "ghs_",
		"mailbox password":  "mailbox-secret-",
		"write-only passwd": "write-only-mailbox",
		"database password": "db-wo-mailbox",
		"FTP password":      "ftp-mailbox",
	}
	for i, s := range secrets {
		if len(s) < 20 {
			t.Fatalf("secret %d not captured", i)
		}
		forbidden[fmt.Sprintf("API key secret %d", i)] = s
		forbidden[fmt.Sprintf("API key secret %d without its prefix", i)] = strings.TrimPrefix(s, "flux_live_")[10:]
	}
	acctest.AssertNoSecrets(t, text, forbidden)
}
