package sshkey_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestAccKeyResource_deleteVerified: a DELETE the API acknowledges without
// removing the key does not drop it from the state: the destroy fails and
// names the key, and the next destroy removes it.
func TestAccKeyResource_deleteVerified(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cfg := env.Config(keyConfig("ci", strconv.Quote(keyCI)))
	var id int64
	env.Test(t, resource.TestCase{
		CheckDestroy: onlySeedKeyLeft(env),
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(s *terraform.State) (err error) { id, err = stateKeyID(s); return err }},
			{
				PreConfig:   func() { env.Mock.FailNext("gigahost", http.MethodDelete, "/account/sshkey/", mockapi.FaultAck, 1) },
				Config:      cfg,
				Destroy:     true,
				ExpectError: acctest.ErrorText("is still in the account's list"),
			},
			{
				// Still in the state (and in the mock): the plan has nothing to create.
				Config: cfg,
				Check: func(s *terraform.State) error {
					got, err := stateKeyID(s)
					if err != nil {
						return err
					}
					if got != id {
						return fmt.Errorf("state key %d, want %d", got, id)
					}
					for _, k := range env.Mock.Gigahost.SSHKeys.List() {
						if k.ID == id {
							return nil
						}
					}
					return fmt.Errorf("key %d is not in the mock", id)
				},
			},
		},
	})
}
