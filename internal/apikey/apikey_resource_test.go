package apikey_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// keyConfig is a key with the given label, permissions object, and extra lines.
func keyConfig(label, permissions, extra string) string {
	return fmt.Sprintf(`
resource "gigahost_api_key" "test" {
  label       = %q
  permissions = %s
%s
}
`, label, permissions, extra)
}

// keyRecord returns the mock's record of the key in the state.
func keyRecord(env *acctest.Env, s *terraform.State) (mockapi.GigahostAPIKeyRecord, error) {
	id, err := stateAttr(s, keyAddr, "id")
	if err != nil {
		return mockapi.GigahostAPIKeyRecord{}, err
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	rec, ok := env.Mock.Gigahost.Keys.Get(n)
	if !ok {
		return rec, fmt.Errorf("key %s is not in the mock", id)
	}
	return rec, nil
}

func TestAccAPIKeyResource_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	expiry1 := time.Now().Add(24 * time.Hour).Unix()
	expiry2 := time.Now().Add(48 * time.Hour).Unix()
	var firstSecret, firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			rec, ok := env.Mock.Gigahost.Keys.BySecret(firstSecret)
			if ok {
				return fmt.Errorf("the first secret still belongs to key %d", rec.ID)
			}
			n, _ := strconv.ParseInt(firstID, 10, 64)
			if rec, _ := env.Mock.Gigahost.Keys.Get(n); rec.Status != "revoked" {
				return fmt.Errorf("key %s is %q after destroy, want revoked", firstID, rec.Status)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: sessionProvider(env) + keyConfig("ci", `{
    dns     = { mode = "rw", all = false, ids = [123, 456] }
    servers = { mode = "r" }
    account = { mode = "r" }
  }`, fmt.Sprintf(`  expires_at        = %d
  rotation_triggers = { round = "1" }`, expiry1)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("permissions"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"dns":        knownvalue.ObjectExact(map[string]knownvalue.Check{"mode": knownvalue.StringExact("rw"), "all": knownvalue.Bool(false), "ids": knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(123), knownvalue.Int64Exact(456)})}),
						"servers":    knownvalue.ObjectExact(map[string]knownvalue.Check{"mode": knownvalue.StringExact("r"), "all": knownvalue.Bool(true), "ids": knownvalue.Null()}),
						"webhosting": knownvalue.Null(),
						"racks":      knownvalue.Null(),
						"support":    knownvalue.Null(),
						"billing":    knownvalue.Null(),
						"account":    knownvalue.ObjectExact(map[string]knownvalue.Check{"mode": knownvalue.StringExact("r")}),
					})),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("expires_at"), knownvalue.Int64Exact(expiry1)),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(regexp.MustCompile(`^flux_live_[0-9a-f]{64}$`))),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("prefix"), knownvalue.StringRegexp(regexp.MustCompile(`^flux_live_[0-9a-f]{12}$`))),
				},
				Check: func(s *terraform.State) error {
					rec, err := keyRecord(env, s)
					if err != nil {
						return err
					}
					firstSecret, _ = stateAttr(s, keyAddr, "secret")
					firstID, _ = stateAttr(s, keyAddr, "id")
					dns := rec.Permissions[mockapi.CatDNS]
					switch {
					case rec.Secret != firstSecret:
						return fmt.Errorf("the state's secret is not the mock's")
					case rec.Label != "ci" || rec.ExpiresAt != expiry1:
						return fmt.Errorf("mock record %q expires %d", rec.Label, rec.ExpiresAt)
					case dns.Mode != "rw" || dns.All || len(dns.IDs) != 2 || !rec.Permissions[mockapi.CatServers].All:
						return fmt.Errorf("mock permissions %+v", rec.Permissions)
					}
					return nil
				},
			},
			{
				// Label and permissions: in place, same id and secret.
				Config: sessionProvider(env) + keyConfig("ci-deploy", `{
    webhosting = { mode = "rw" }
    billing    = { mode = "r" }
  }`, fmt.Sprintf(`  expires_at        = %d
  rotation_triggers = { round = "1" }`, expiry1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(keyAddr, tfjsonpath.New("secret"), knownvalue.NotNull()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("label"), knownvalue.StringExact("ci-deploy")),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("expires_at"), knownvalue.Int64Exact(expiry1)),
				},
				Check: func(s *terraform.State) error {
					rec, err := keyRecord(env, s)
					if err != nil {
						return err
					}
					id, _ := stateAttr(s, keyAddr, "id")
					secret, _ := stateAttr(s, keyAddr, "secret")
					switch {
					case id != firstID || secret != firstSecret || rec.Secret != firstSecret:
						return fmt.Errorf("the update changed the key or its secret")
					case rec.Label != "ci-deploy" || rec.ExpiresAt != expiry1 || len(rec.Permissions) != 2 || rec.Permissions[mockapi.CatWebhosting].Mode != "rw":
						return fmt.Errorf("mock record after update: %+v", rec)
					}
					if st := keyStatus(t, env, firstSecret); st != http.StatusOK {
						return fmt.Errorf("the secret is refused after an update: HTTP %d", st)
					}
					return nil
				},
			},
			{
				// A new trigger rotates the secret: the old one is refused.
				Config: sessionProvider(env) + keyConfig("ci-deploy", `{
    webhosting = { mode = "rw" }
    billing    = { mode = "r" }
  }`, fmt.Sprintf(`  expires_at        = %d
  rotation_triggers = { round = "2" }`, expiry1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(keyAddr, tfjsonpath.New("secret")),
					plancheck.ExpectSensitiveValue(keyAddr, tfjsonpath.New("secret")),
				}},
				Check: func(s *terraform.State) error {
					rec, err := keyRecord(env, s)
					if err != nil {
						return err
					}
					id, _ := stateAttr(s, keyAddr, "id")
					secret, _ := stateAttr(s, keyAddr, "secret")
					prefix, _ := stateAttr(s, keyAddr, "prefix")
					switch {
					case id != firstID:
						return fmt.Errorf("rotation replaced the key")
					case secret == firstSecret || rec.Secret != secret || rec.Prefix != prefix:
						return fmt.Errorf("the state does not hold the rotated secret")
					}
					if st := keyStatus(t, env, firstSecret); st != http.StatusUnauthorized {
						return fmt.Errorf("the old secret still works: HTTP %d", st)
					}
					if st := keyStatus(t, env, secret); st != http.StatusOK {
						return fmt.Errorf("the new secret is refused: HTTP %d", st)
					}
					return nil
				},
			},
			{
				ResourceName:            keyAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"secret", "rotation_triggers"},
			},
			{
				// The documented update cannot change the expiry: a new key
				// replaces the old one, which is revoked.
				Config: sessionProvider(env) + keyConfig("ci-deploy", `{
    webhosting = { mode = "rw" }
    billing    = { mode = "r" }
  }`, fmt.Sprintf(`  expires_at        = %d
  rotation_triggers = { round = "2" }`, expiry2)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("expires_at"), knownvalue.Int64Exact(expiry2)),
				},
				Check: func(s *terraform.State) error {
					rec, err := keyRecord(env, s)
					if err != nil {
						return err
					}
					secret, _ := stateAttr(s, keyAddr, "secret")
					n, _ := strconv.ParseInt(firstID, 10, 64)
					old, _ := env.Mock.Gigahost.Keys.Get(n)
					switch {
					case strconv.FormatInt(rec.ID, 10) == firstID:
						return fmt.Errorf("the expiry change kept key %s", firstID)
					case rec.ExpiresAt != expiry2 || rec.Secret != secret || rec.Label != "ci-deploy":
						return fmt.Errorf("new key in the mock: %+v", rec)
					case old.Status != "revoked":
						return fmt.Errorf("the replaced key %s is %q, want revoked", firstID, old.Status)
					}
					return nil
				},
			},
		},
	})
	if n := env.Mock.Gigahost.Keys.ActiveCount(); n != 1 {
		t.Errorf("%d active keys after destroy, want only the seeded one", n)
	}
}

// TestAccAPIKeyResource_importHasNoSecret imports a key made elsewhere: the
// plan is clean and the secret null; the first rotation_triggers are only
// recorded (the secret in use keeps working), a later change rotates.
func TestAccAPIKeyResource_importHasNoSecret(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	secret := env.Mock.Gigahost.Keys.Add("made elsewhere", map[string]mockapi.GigahostPermission{mockapi.CatBilling: {Mode: "r"}}, 0)
	rec, _ := env.Mock.Gigahost.Keys.BySecret(secret)
	withTriggers := func(round string) string {
		return sessionProvider(env) + keyConfig("made elsewhere", `{ billing = { mode = "r" } }`, fmt.Sprintf(`  rotation_triggers = { round = %q }`, round))
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sessionProvider(env) + fmt.Sprintf(`
import {
  to = gigahost_api_key.test
  id = "%d"
}
`, rec.ID) + keyConfig("made elsewhere", `{ billing = { mode = "r" } }`, ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("secret"), knownvalue.Null()),
				statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("prefix"), knownvalue.StringExact(rec.Prefix)),
			},
		}, {
			Config: withTriggers("1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(keyAddr, tfjsonpath.New("secret"), knownvalue.Null()),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("secret"), knownvalue.Null()),
				statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("rotation_triggers"), knownvalue.MapExact(map[string]knownvalue.Check{"round": knownvalue.StringExact("1")})),
			},
			Check: func(*terraform.State) error {
				// 403, not 401: the key authenticates (it just may not read web hosting).
				if now, _ := env.Mock.Gigahost.Keys.Get(rec.ID); now.Secret != secret || keyStatus(t, env, secret) == http.StatusUnauthorized {
					return fmt.Errorf("recording the first triggers rotated the imported key")
				}
				if n := env.Mock.CountRequests("gigahost", "POST", fmt.Sprintf("/account/apikeys/%d/rotate", rec.ID)); n != 0 {
					return fmt.Errorf("%d rotations", n)
				}
				return nil
			},
		}, {
			Config: withTriggers("2"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(keyAddr, tfjsonpath.New("secret")),
			}},
			Check: func(s *terraform.State) error {
				got, _ := stateAttr(s, keyAddr, "secret")
				now, _ := env.Mock.Gigahost.Keys.Get(rec.ID)
				switch {
				case got == "" || got != now.Secret:
					return fmt.Errorf("the state does not hold the rotated secret")
				case keyStatus(t, env, secret) != http.StatusUnauthorized:
					return fmt.Errorf("the secret from before the rotation still works")
				}
				return nil
			},
		}},
	})
}

func TestAccAPIKeyResource_apiKeyCredentialsOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      env.Config(keyConfig("ci", `{ account = { mode = "r" } }`, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Gigahost session credentials required.*gigahost_username and\s+gigahost_password.*refuses\s+API-key\s+tokens on\s+/account/apikeys`),
			},
		},
	})
	if n := env.Mock.CountRequests("gigahost", "", "/account/apikeys"); n != 0 {
		t.Errorf("%d requests reached /account/apikeys", n)
	}
}

// TestAccAPIKeyResource_keyAndLogin is the usual environment of someone who
// manages DNS and keys: GIGAHOST_API_KEY, GIGAHOST_USERNAME and
// GIGAHOST_PASSWORD all set (here as the attributes they stand for), one
// provider block, no alias. The key is
// managed with the session token (the API refuses API-key tokens on
// /account/apikeys) and everything else goes with the API key.
func TestAccAPIKeyResource_keyAndLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// The attributes stand for the environment variables (the provider
	// reads both the same way); a parallel test cannot set the environment.
	both := fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
  gigahost_username = %q
  gigahost_password = %q
}

data "gigahost_ssh_keys" "all" {}
`, env.Mock.GigahostURL(), mockapi.GigahostAPIKey, mockapi.GigahostUsername, mockapi.GigahostPassword)
	seeded, _ := env.Mock.Gigahost.Keys.BySecret(mockapi.GigahostAPIKey)
	env.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if n := env.Mock.Gigahost.Keys.ActiveCount(); n != 1 {
				return fmt.Errorf("%d active keys after destroy, want only the seeded one", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: both + keyConfig("ci", `{ dns = { mode = "rw" } }`, ""),
			Check: func(s *terraform.State) error {
				rec, err := keyRecord(env, s)
				if err != nil {
					return err
				}
				secret, _ := stateAttr(s, keyAddr, "secret")
				if rec.Status != "active" || rec.Label != "ci" || secret != rec.Secret {
					return fmt.Errorf("the mock holds %+v; the state's secret matches: %v", rec, secret == rec.Secret)
				}
				// The account read of the data source went with the API key.
				if now, _ := env.Mock.Gigahost.Keys.Get(seeded.ID); now.LastUsedAt == 0 {
					return fmt.Errorf("the configured API key was never used")
				}
				if n := env.Mock.CountRequests("gigahost", http.MethodPost, "/authenticate"); n == 0 {
					return fmt.Errorf("no session login: /account/apikeys cannot have been reached")
				}
				return nil
			},
		}},
	})
	for _, r := range env.Mock.Requests() {
		if strings.HasPrefix(r.Path, "/account/apikeys") && r.Status == http.StatusForbidden {
			t.Errorf("%s %s was answered 403 (sent with the API key)", r.Method, r.Path)
		}
	}
}

func TestAccAPIKeyResource_expiryAndRevocation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := sessionProvider(env) + keyConfig("short lived", `{ webhosting = { mode = "r" } }`,
		fmt.Sprintf(`  expires_at = %d`, time.Now().Add(time.Hour).Unix()))
	var secret string
	capture := func(s *terraform.State) error {
		secret, _ = stateAttr(s, keyAddr, "secret")
		return nil
	}
	change := func(f func(k *mockapi.GigahostAPIKeyRecord)) func() {
		return func() {
			rec, ok := env.Mock.Gigahost.Keys.BySecret(secret)
			if !ok {
				t.Fatal("the key is not in the mock")
			}
			env.Mock.Gigahost.Keys.Change(rec.ID, f)
		}
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: cfg, Check: capture},
			{
				// The key expires: it leaves the state and a new one is planned.
				PreConfig: change(func(k *mockapi.GigahostAPIKeyRecord) { k.ExpiresAt = time.Now().Add(-time.Second).Unix() }),
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionCreate),
				}},
				Check: func(s *terraform.State) error {
					if st := keyStatus(t, env, secret); st != http.StatusUnauthorized {
						return fmt.Errorf("the expired secret works: HTTP %d", st)
					}
					return capture(s)
				},
			},
			{
				// Revoked outside Terraform: the same.
				PreConfig: change(func(k *mockapi.GigahostAPIKeyRecord) { k.Status, k.RevokedAt = "revoked", time.Now().Unix() }),
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionCreate),
				}},
				Check: capture,
			},
			{
				// Drift: a label changed outside Terraform is put back.
				PreConfig: change(func(k *mockapi.GigahostAPIKeyRecord) { k.Label = "renamed" }),
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("label"), knownvalue.StringExact("short lived")),
				},
			},
		},
	})
	if n := env.Mock.Gigahost.Keys.ActiveCount(); n != 1 {
		t.Errorf("%d active keys after destroy, want only the seeded one", n)
	}
}

func TestAccAPIKeyResource_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct{ label, perms, extra, want string }{
		{"x", `{ dns = { mode = "w" } }`, "", `value must be one of: \["r" "rw"\]`},
		{"x", `{ dns = { mode = "rw", ids = [1] } }`, "", `ids needs all = false`},
		{"x", `{ dns = { mode = "rw", all = true, ids = [1] } }`, "", `ids needs all = false`},
		{"x", `{ servers = { mode = "r", all = false } }`, "", `all = false needs ids`},
		{"x", `{ servers = { mode = "r", all = false, ids = [] } }`, "", `set must contain at least 1 elements`},
		{"x", `{ servers = { mode = "r", all = false, ids = [0] } }`, "", `at least 1`},
		{"x", `{ mail = { mode = "r" } }`, "", `No permission category`},
		{"x", `{}`, "", `No permission category`},
		{"", `{ account = { mode = "r" } }`, "", `string length must be between 1 and 100`},
		{"<b>ci</b>", `{ account = { mode = "r" } }`, "", `HTML special characters`},
		{"x", `{ account = { mode = "r" } }`, `  expires_at = 1000000000`, `expires_at is in the past`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      sessionProvider(env) + keyConfig(c.label, c.perms, c.extra),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	env.Test(t, resource.TestCase{Steps: steps})
	if n := env.Mock.CountRequests("gigahost", "POST", "/account/apikeys"); n != 0 {
		t.Errorf("bad input reached the API: %d POST", n)
	}
}
