package dns_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// A record whose DELETE the API answers 200 without deleting anything stays
// in the state, with an error that names it: a 200 alone is not trusted, the
// zone is listed after the DELETE. Its round-robin sibling is untouched, and
// the next apply deletes it.
func TestAccRecord_deleteAcknowledgedButNotDone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	m := env.Mock
	gone := rec{label: "gone", name: "acked", typ: "A", value: "192.0.2.44"}
	sibling := rec{label: "sib", name: "acked", typ: "A", value: "192.0.2.45"}
	both := env.Config(seededConfig(gone, sibling))
	one := env.Config(seededConfig(sibling))
	var check error
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: both},
			{
				PreConfig: func() {
					m.ResetRequests()
					m.FailNext("gigahost", http.MethodDelete, seededRecordsPath+"/", mockapi.FaultAck, 1)
				},
				Config:      one,
				ExpectError: acctest.ErrorText(`the A record acked with value "192.0.2.44" is still in zone 123`),
			},
			{
				// Still in the state: the configuration with it plans nothing.
				PreConfig: func() { check = deleteThenList(m.Requests()) },
				Config:    both,
				PlanOnly:  true,
				Check: resource.ComposeAggregateTestCheckFunc(
					mockHas(env, mockapi.SeedZoneName, "acked", "A", "192.0.2.44", 1),
					mockHas(env, mockapi.SeedZoneName, "acked", "A", "192.0.2.45", 1),
				),
			},
			{
				Config: one,
				Check: resource.ComposeAggregateTestCheckFunc(
					mockHas(env, mockapi.SeedZoneName, "acked", "A", "192.0.2.44", 0),
					mockHas(env, mockapi.SeedZoneName, "acked", "A", "192.0.2.45", 1),
					func(*terraform.State) error { return check },
				),
			},
		},
	})
}

// deleteThenList checks the requests of the failed destroy: an A record has
// one value form, so one DELETE (the acknowledged one), then a list of the
// zone that showed the record still there.
func deleteThenList(reqs []mockapi.RequestRecord) error {
	deletes, listedAfter := 0, false
	for _, r := range reqs {
		switch {
		case r.Method == http.MethodDelete:
			deletes++
			if r.Fault != mockapi.FaultAck {
				return fmt.Errorf("DELETE %s?%s answered %d, want the acknowledgement", r.Path, r.Query, r.Status)
			}
		case deletes > 0 && r.Method == http.MethodGet && r.Path == seededRecordsPath:
			listedAfter = true
		}
	}
	if deletes != 1 || !listedAfter {
		return fmt.Errorf("%d DELETEs, listed after: %v; want 1 DELETE followed by a list: %+v", deletes, listedAfter, reqs)
	}
	return nil
}
