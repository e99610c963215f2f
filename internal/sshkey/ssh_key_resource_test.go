package sshkey_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const keyAddr = "gigahost_ssh_key.test"

var regexpDigits = regexp.MustCompile(`^[0-9]+$`)

// Keys made with ssh-keygen, and their fingerprints as `ssh-keygen -lf` shows them.
const (
	keyCI          = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ci@giga"
	keyCIPrint     = "SHA256:ix9/rpSx5bIvUiHBbJSvYZ0hOC/bkppICLw74OTgKXs"
	keyDeploy      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKiHpeJ3BEqP3GCQP3wtZPrJMSICIFzNCmXrDVoqWt1z deploy@giga"
	keyDeployPrint = "SHA256:4uYPCi9BPlM3FNwQOnNqcGQOTaGdfcxbMqhsBWrNIN8"
	keyECDSA       = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBK+9Jy51peRVYIHV/Qd+BCeY+IhghQA/vSZq2cbdBxQhfKuSieHI7l1Wd24URjVL/BSr4cBBiLs5M1Kry8ei3l4= ecdsa@giga"
	seedKeyPrint   = "SHA256:kY4hNBefhT8192HW1xWIbkVl4c9yJHFR6II8JjlaRY0"
)

// keyConfig is one gigahost_ssh_key; publicKey is an HCL expression.
func keyConfig(name, publicKey string) string {
	return fmt.Sprintf(`
resource "gigahost_ssh_key" "test" {
  name       = %q
  public_key = %s
}
`, name, publicKey)
}

// stateKeyID reads the key id Terraform holds.
func stateKeyID(s *terraform.State) (int64, error) {
	rs, ok := s.RootModule().Resources[keyAddr]
	if !ok {
		return 0, fmt.Errorf("%s is not in the state", keyAddr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

// mockHolds checks that the key in the state is in the mock with this name
// and key line, and is the only key with that key line.
func mockHolds(env *acctest.Env, name, data string, id *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		stateID, err := stateKeyID(s)
		if err != nil {
			return err
		}
		k, ok := env.Mock.Gigahost.SSHKeys.Get(stateID)
		switch {
		case !ok:
			return fmt.Errorf("key %d of the state is not in the mock", stateID)
		case k.Name != name || k.Data != data:
			return fmt.Errorf("mock key %d is %q %q, want %q %q", stateID, k.Name, k.Data, name, data)
		}
		n := 0
		for _, other := range env.Mock.Gigahost.SSHKeys.List() {
			if other.Data == data {
				n++
			}
		}
		if n != 1 {
			return fmt.Errorf("the mock holds the key %d times", n)
		}
		if id != nil {
			*id = stateID
		}
		return nil
	}
}

// onlySeedKeyLeft is the CheckDestroy: the account holds its seeded key only.
func onlySeedKeyLeft(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		keys := env.Mock.Gigahost.SSHKeys.List()
		if len(keys) != 1 || keys[0].ID != mockapi.GigahostSeedSSHKeyID {
			return fmt.Errorf("keys left in the mock: %+v", keys)
		}
		return nil
	}
}

// noWrites checks that no SSH key was added or removed since the last ResetRequests.
func noWrites(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.CountRequests("gigahost", "POST", "/account/sshkey") + env.Mock.CountRequests("gigahost", "DELETE", "/account/sshkey"); n != 0 {
			return fmt.Errorf("%d SSH key writes, want none", n)
		}
		return nil
	}
}

func TestAccKeyResource_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var firstID int64
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(keyConfig("ci", strconv.Quote(keyCI))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					// Computed from the key, so known before the apply.
					plancheck.ExpectKnownValue(keyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringExact(keyCIPrint)),
					plancheck.ExpectUnknownValue(keyAddr, tfjsonpath.New("id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("name"), knownvalue.StringExact("ci")),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("public_key"), knownvalue.StringExact(keyCI)),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringExact(keyCIPrint)),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpDigits)),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("key_id"), knownvalue.Int64Func(func(v int64) error {
						if v <= mockapi.GigahostSeedSSHKeyID {
							return fmt.Errorf("key_id %d is not a new key's", v)
						}
						return nil
					})),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
				Check: resource.ComposeTestCheckFunc(
					mockHolds(env, "ci", keyCI, &firstID),
					resource.TestCheckResourceAttrPair(keyAddr, "id", keyAddr, "key_id"),
				),
			},
			{
				ResourceName:      keyAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// A trailing newline (file()) and doubled spaces: recorded in
				// place, nothing sent to the API, then a clean plan.
				PreConfig: env.Mock.ResetRequests,
				Config:    env.Config(keyConfig("ci", strconv.Quote("  "+keyCI[:11]+"  "+keyCI[12:]+"\n"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(noWrites(env), mockHolds(env, "ci", keyCI, nil)),
			},
			{
				// The name: the API cannot change a key, so a new one.
				Config: env.Config(keyConfig("ci-renamed", strconv.Quote(keyCI+"\n"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					mockHolds(env, "ci-renamed", keyCI, nil),
					func(s *terraform.State) error {
						id, err := stateKeyID(s)
						if err != nil {
							return err
						}
						if _, ok := env.Mock.Gigahost.SSHKeys.Get(firstID); ok || id == firstID {
							return fmt.Errorf("the old key %d is still there (state has %d)", firstID, id)
						}
						return nil
					},
				),
			},
			{
				// Another key: replaced too.
				Config: env.Config(keyConfig("ci-renamed", strconv.Quote(keyECDSA))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: mockHolds(env, "ci-renamed", keyECDSA, nil),
			},
		},
	})
}

// A file read with file() ends in a newline: it plans clean from the start.
func TestAccKeyResource_trailingNewline(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(keyConfig("deploy", "<<-EOT\n    "+keyDeploy+"\n  EOT"))
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("public_key"), knownvalue.StringExact(keyDeploy+"\n")),
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringExact(keyDeployPrint)),
				},
				// The API got the key without the newline.
				Check: mockHolds(env, "deploy", keyDeploy, nil),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}

// Changes made outside Terraform: a renamed key is replaced; a deleted key
// is added again.
func TestAccKeyResource_driftAndDisappearance(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(keyConfig("ci", strconv.Quote(keyCI)))
	var id int64
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{
			{Config: config, Check: mockHolds(env, "ci", keyCI, &id)},
			{
				PreConfig: func() {
					if !env.Mock.Gigahost.SSHKeys.Change(id, func(k *mockapi.GigahostSSHKey) { k.Name = "renamed in the panel" }) {
						t.Fatal("key not in the mock")
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					mockHolds(env, "ci", keyCI, nil),
					func(*terraform.State) error {
						if _, ok := env.Mock.Gigahost.SSHKeys.Get(id); ok {
							return fmt.Errorf("the renamed key %d is still there", id)
						}
						return nil
					},
				),
			},
			{
				PreConfig: func() {
					for _, k := range env.Mock.Gigahost.SSHKeys.List() {
						if k.Data == keyCI && !env.Mock.Gigahost.SSHKeys.Delete(k.ID) {
							t.Fatal("cannot delete the key")
						}
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionCreate),
				}},
				Check: mockHolds(env, "ci", keyCI, nil),
			},
		},
	})
}

// Bad input fails at plan time, naming the attribute and the rule, and
// makes no API call at all.
func TestAccKeyResource_badInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	steps := []resource.TestStep{}
	for _, c := range []struct {
		name, key string
		want      []string
	}{
		{"ci", `"ssh-dss AAAAB3NzaC1kc3MAAACBAP"`, []string{"Invalid SSH public key", "public_key has the key type \"ssh-dss\"", "ssh-ed25519"}},
		{"ci", `"ssh-ed25519 not-base64!"`, []string{"public_key has a key body that is not valid base64"}},
		{"ci", strconv.Quote("ssh-rsa " + keyCI[12:]), []string{"not a ssh-rsa key"}},
		{"ci", `"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"`, []string{"public_key is a private key"}},
		{"ci", `""`, []string{"public_key is empty"}},
		{" ci", strconv.Quote(keyCI), []string{"name", "must not start or end with white space"}},
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(keyConfig(c.name, c.key)),
			PlanOnly:    true,
			ExpectError: acctest.ErrorText(c.want...),
		})
	}
	env.Test(t, resource.TestCase{Steps: steps, CheckDestroy: func(*terraform.State) error {
		if n := env.Mock.CountRequests("gigahost", "", "/account"); n != 0 {
			return fmt.Errorf("bad input reached the API: %d requests", n)
		}
		return onlySeedKeyLeft(env)(nil)
	}})
}

// The answer to the create is lost after the key was added: the key is
// found by listing and adopted, not added twice.
func TestAccKeyResource_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.FailNext("gigahost", "POST", "/account/sshkey", mockapi.FaultDropAfter, 1)
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{{
			Config: env.Config(keyConfig("ci", strconv.Quote(keyCI))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringExact(keyCIPrint)),
			},
			Check: resource.ComposeTestCheckFunc(
				mockHolds(env, "ci", keyCI, nil),
				func(*terraform.State) error {
					if n := len(env.Mock.Gigahost.SSHKeys.List()); n != 2 {
						return fmt.Errorf("the mock holds %d keys, want the seeded one and this one", n)
					}
					for _, r := range env.Mock.Requests() {
						if r.Method == "POST" && r.Path == "/account/sshkey" && r.Fault == "" {
							return fmt.Errorf("the create was sent again after its answer was lost")
						}
					}
					return nil
				},
			),
		}},
	})
}

// A read-only API key: a clear 403 that says what the key lacks.
func TestAccKeyResource_readOnlyAPIKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	secret := env.Mock.Gigahost.Keys.Add("read only", map[string]mockapi.GigahostPermission{mockapi.CatAccount: {Mode: "r"}}, 0)
	config := fmt.Sprintf(`
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
  max_retries       = 0
}
`, env.Mock.GigahostURL(), secret) + keyConfig("ci", strconv.Quote(keyCI))
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: acctest.ErrorText(`Cannot add the SSH key "ci"`, "HTTP 403", "read-only access to account", `account category`, `mode "rw"`),
		}},
	})
}

// Refreshing several keys lists the account once, not once per key.
func TestAccKeyResource_oneListPerRefresh(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(`
resource "gigahost_ssh_key" "a" {
  name       = "a"
  public_key = "` + keyCI + `"
}
resource "gigahost_ssh_key" "b" {
  name       = "b"
  public_key = "` + keyDeploy + `"
}
resource "gigahost_ssh_key" "c" {
  name       = "c"
  public_key = "` + keyECDSA + `"
}
data "gigahost_ssh_keys" "all" {
  depends_on = [gigahost_ssh_key.a, gigahost_ssh_key.b, gigahost_ssh_key.c]
}
`)
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:    env.Mock.ResetRequests,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if n := env.Mock.CountRequests("gigahost", "GET", "/account"); n != 1 {
						return fmt.Errorf("one refresh of three keys and the data source listed the account %d times, want 1", n)
					}
					return nil
				},
			},
		},
	})
}
