package server_test

import (
	"fmt"
	"regexp"
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

const snapAddr = "gigahost_server_snapshot.s"

func snapshotHCL(serverID int64, name string) string {
	return fmt.Sprintf("resource \"gigahost_server_snapshot\" \"s\" {\n  server_id = \"%d\"\n  name      = %q\n}\n", serverID, name)
}

// mockSnapshotNames checks that the server has exactly these snapshots (by name).
func mockSnapshotNames(env *acctest.Env, serverID int64, names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := env.Mock.Gigahost.ServerExtras.Snapshots(serverID)
		if len(got) != len(names) {
			return fmt.Errorf("mock snapshots %+v, want %q", got, names)
		}
		for i, n := range names {
			if got[i].Name != n {
				return fmt.Errorf("mock snapshot %d is %q, want %q", i, got[i].Name, n)
			}
		}
		return nil
	}
}

// mockSnapshots is mockSnapshotNames, and the one in state is the one named last.
func mockSnapshots(env *acctest.Env, serverID int64, names ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if err := mockSnapshotNames(env, serverID, names...)(s); err != nil {
			return err
		}
		got := env.Mock.Gigahost.ServerExtras.Snapshots(serverID)
		if rs, ok := s.RootModule().Resources[snapAddr]; ok && len(got) > 0 {
			if want := fmt.Sprintf("%d/%d", serverID, got[len(got)-1].ID); rs.Primary.ID != want {
				return fmt.Errorf("state id %s, want %s", rs.Primary.ID, want)
			}
		}
		return nil
	}
}

// Create through a lost answer (adopted, not created twice), import,
// replace on a new name, and a snapshot deleted outside Terraform.
func TestAccServerSnapshot_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	id := env.Mock.Gigahost.ServerExtras.AddServer(7951, "db-1.example.no")
	env.Test(t, resource.TestCase{
		// The snapshot made in the control panel is not Terraform's to delete.
		CheckDestroy: mockSnapshotNames(env, id, "manual"),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.FailNext("gigahost", "POST", fmt.Sprintf("/servers/%d/snapshot", id), mockapi.FaultDropAfter, 1)
				},
				Config: env.Config(snapshotHCL(id, "before-upgrade")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("state"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("snap_id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
				Check: mockSnapshots(env, id, "before-upgrade"),
			},
			{ResourceName: snapAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: env.Config(snapshotHCL(id, "after-upgrade")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: mockSnapshots(env, id, "after-upgrade"),
			},
			{
				// Deleted in the control panel (and another snapshot made
				// there, which is left alone): created again.
				PreConfig: func() {
					for _, s := range env.Mock.Gigahost.ServerExtras.Snapshots(id) {
						env.Mock.Gigahost.ServerExtras.DeleteSnapshot(id, s.ID)
					}
					env.Mock.Gigahost.ServerExtras.AddSnapshot(id, "manual")
				},
				Config: env.Config(snapshotHCL(id, "after-upgrade")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionCreate),
				}},
				Check: mockSnapshots(env, id, "manual", "after-upgrade"),
			},
		},
	})
}

// Whichever field shows the name and whether the list shows a new snapshot
// at once, the create finds it and the import reads the name.
func TestAccServerSnapshot_forms(t *testing.T) {
	t.Parallel()
	acctest.EachRound(t, []mockapi.Alt{mockapi.AltSnapshotNameField, mockapi.AltSnapshotListed}, func(t *testing.T, env *acctest.Env) {
		id := env.Mock.Gigahost.ServerExtras.AddServer(7951, "db-1.example.no")
		env.Test(t, resource.TestCase{
			CheckDestroy: mockSnapshotNames(env, id),
			Steps: []resource.TestStep{
				{Config: env.Config(snapshotHCL(id, "nightly")), Check: mockSnapshots(env, id, "nightly")},
				{ResourceName: snapAddr, ImportState: true, ImportStateVerify: true},
			},
		})
	})
}

// Bad input is refused at plan time without a request; a dedicated server
// is refused before anything is created.
func TestAccServerSnapshot_refused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	dedicated := env.Mock.Gigahost.ServerExtras.AddServer(4873, "metal-1.example.no")
	env.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if n := env.Mock.CountRequests("gigahost", "POST", "/servers/"); n != 0 {
				return fmt.Errorf("%d snapshot creates sent for a dedicated server", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:      env.Config(`resource "gigahost_server_snapshot" "s" {` + "\n" + `server_id = "srv-1"` + "\n" + `name = " nightly"` + "\n}\n"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`digits only|white space`),
			},
			{
				PreConfig: func() {
					if n := len(env.Mock.Requests()); n != 0 {
						t.Fatalf("%d requests before the plan was refused", n)
					}
				},
				Config:      env.Config(snapshotHCL(dedicated, "nightly")),
				ExpectError: regexp.MustCompile(`(?s)not a virtual server.*srv_type "dedicated"`),
			},
		},
	})
}
