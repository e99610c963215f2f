package apikey_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestLogsHoldNoSecrets applies a key and a mailbox with TF_LOG=TRACE and
// checks that neither the session password, the mailbox passwords, the key's
// secret (before and after rotation) nor a session token is in the log, which
// holds Terraform's, the test harness's and the provider's lines. It changes the process
// environment, so it must not run in parallel.
func TestLogsHoldNoSecrets(t *testing.T) {
	// KEEP_LOG_DIR keeps the log for reading when the test fails.
	dir := os.Getenv("KEEP_LOG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
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
  hosting_id  = %d
  email       = "logged-wo"
  password_wo = "write-only-%[2]s"
}
`, mockapi.GigahostHostingID, mailboxPassword, mockapi.GigahostHostingID)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg("1", "mailbox-secret-1"), Check: capture},
			{Config: cfg("2", "mailbox-secret-2"), Check: capture},
		},
	})

	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	var log strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The harness echoes the test's own configuration as "  | ..." lines;
		// the configuration holds the passwords by design, so those lines
		// are left out. Every other line (Terraform's and the provider's) is checked.
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(line, "  |") {
				log.WriteString(line + "\n")
			}
		}
	}
	text := log.String()
	for _, want := range []string{"API request", "/account/apikeys", "/webhosting/1234/emails"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the log has no %q: the provider's trace lines were not captured (%d bytes in %d files)", want, len(text), len(files))
		}
	}
	forbidden := map[string]string{
		"session password":  mockapi.GigahostPassword,
		"session token":     "ghs_",
		"mailbox password":  "mailbox-secret-",
		"write-only passwd": "write-only-mailbox",
	}
	for i, s := range secrets {
		if len(s) < 20 {
			t.Fatalf("secret %d not captured", i)
		}
		forbidden[fmt.Sprintf("API key secret %d", i)] = s
		forbidden[fmt.Sprintf("API key secret %d without its prefix", i)] = strings.TrimPrefix(s, "flux_live_")[10:]
	}
	for what, s := range forbidden {
		if strings.Contains(text, s) {
			i := strings.Index(text, s)
			line := text[strings.LastIndex(text[:i], "\n")+1:]
			if j := strings.Index(line, "\n"); j > 0 {
				line = line[:j]
			}
			t.Errorf("the %s is in the TRACE log, for instance in: %.300s", what, strings.ReplaceAll(line, s, "<"+what+">"))
		}
	}
}
