package apikey_test

import (
	"fmt"
	"net/http"
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

// onlySeededKeyActive checks that destroy revoked every key it made.
func onlySeededKeyActive(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Mock.Gigahost.Keys.ActiveCount(); n != 1 {
			return fmt.Errorf("%d active keys, want only the seeded one", n)
		}
		return nil
	}
}

// keyCreates counts the POST /account/apikeys the mock received (rotations
// not included), injected faults included.
func keyCreates(env *acctest.Env) int {
	n := 0
	for _, r := range env.Mock.Requests() {
		if r.Method == http.MethodPost && r.Path == "/account/apikeys" {
			n++
		}
	}
	return n
}

// TestAccAPIKeyResource_objectForms: refresh, update and import read one
// key (GET /account/apikeys/{id}, no example in the docs) in each
// plausible form.
func TestAccAPIKeyResource_objectForms(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltAPIKeyObject, func(t *testing.T, env *acctest.Env) {
		perms := `{ webhosting = { mode = "r" } }`
		env.Test(t, resource.TestCase{
			CheckDestroy: onlySeededKeyActive(env),
			Steps: []resource.TestStep{
				{
					Config: sessionProvider(env) + keyConfig("ci", perms, ""),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("label"), knownvalue.StringExact("ci")),
					},
				},
				{
					Config: sessionProvider(env) + keyConfig("ci-2", perms, ""),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
					}},
					Check: func(s *terraform.State) error {
						rec, err := keyRecord(env, s)
						if err == nil && rec.Label != "ci-2" {
							err = fmt.Errorf("the mock's key is labelled %q", rec.Label)
						}
						return err
					},
				},
				{ResourceName: keyAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret"}},
			},
		})
	})
}

// TestAccAPIKeyResource_lostCreateAnswer: a create whose answer is lost
// after the key was made does not make a second key: the new key is found
// by listing, rotated for a secret (the first one was in the lost answer),
// and that secret works. A create lost before the API acted is sent again.
func TestAccAPIKeyResource_lostCreateAnswer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fault     mockapi.Fault
		wantPosts int
	}{{mockapi.FaultDropAfter, 1}, {mockapi.Fault500, 2}} {
		t.Run(string(tc.fault), func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.Mock.FailNext("gigahost", http.MethodPost, "/account/apikeys", tc.fault, 1)
			env.Test(t, resource.TestCase{
				CheckDestroy: onlySeededKeyActive(env),
				Steps: []resource.TestStep{{
					Config: sessionProvider(env) + keyConfig("ci", `{ webhosting = { mode = "r" } }`, ""),
					Check: func(s *terraform.State) error {
						rec, err := keyRecord(env, s)
						if err != nil {
							return err
						}
						secret, _ := stateAttr(s, keyAddr, "secret")
						prefix, _ := stateAttr(s, keyAddr, "prefix")
						switch {
						case env.Mock.Gigahost.Keys.ActiveCount() != 2:
							return fmt.Errorf("%d active keys, want the seeded one and one new", env.Mock.Gigahost.Keys.ActiveCount())
						case keyCreates(env) != tc.wantPosts:
							return fmt.Errorf("%d POST /account/apikeys, want %d", keyCreates(env), tc.wantPosts)
						case secret == "" || secret != rec.Secret || prefix != rec.Prefix:
							return fmt.Errorf("the state's secret is not the key's")
						case keyStatus(t, env, secret) != http.StatusOK:
							return fmt.Errorf("the state's secret does not work")
						}
						return nil
					},
				}},
			})
		})
	}
}

// TestAccAPIKeyResource_revokeVerified: a DELETE the API acknowledges
// without revoking the key does not drop it from the state.
func TestAccAPIKeyResource_revokeVerified(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := sessionProvider(env) + keyConfig("ci", `{ webhosting = { mode = "r" } }`, "")
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeededKeyActive(env),
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) (err error) { id, err = stateAttr(s, keyAddr, "id"); return err }},
			{
				PreConfig:   func() { env.Mock.FailNext("gigahost", http.MethodDelete, "/account/apikeys/", mockapi.FaultAck, 1) },
				Config:      cfg,
				Destroy:     true,
				ExpectError: acctest.ErrorText("is still active"),
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionNoop),
				}},
				Check: func(*terraform.State) error {
					n, _ := strconv.ParseInt(id, 10, 64)
					if rec, ok := env.Mock.Gigahost.Keys.Get(n); !ok || rec.Status != "active" {
						return fmt.Errorf("key %s: %+v", id, rec)
					}
					return nil
				},
			},
		},
	})
}
