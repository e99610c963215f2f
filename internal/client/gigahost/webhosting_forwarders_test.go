package gigahost_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Every plausible form of the undocumented forwarder list gives the same
// forwarders; a form the decoder does not know is an error, never an empty
// list.
func TestForwarderListForms(t *testing.T) {
	t.Parallel()
	want := []gigahost.Forwarder{{User: "info", Destinations: []string{"a@x.no", "B@y.no"}}, {User: "sales", Destinations: []string{"c@z.no"}}}
	for name, data := range map[string]string{
		"wrapped lists":   `{"forwarders":[{"user":"info","destinations":["a@x.no","B@y.no"]},{"user":"sales","destinations":["c@z.no"]}]}`,
		"bare, addresses": `[{"address":"Info@example.no","destinations":"a@x.no, B@y.no"},{"address":"sales@example.no","destinations":"c@z.no"}]`,
		"by user":         `{"info":"a@x.no,B@y.no","sales":["c@z.no"]}`,
		"other keys":      `{"email_forwarders":[{"email":"info","destination":"a@x.no,B@y.no"},{"source":"sales@example.no","forward_to":["c@z.no"]}]}`,
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/email-forwarders": `{"meta":{"status":200},"data":` + data + `}`})
		list, err := c.Forwarders(context.Background(), 1)
		if err != nil || len(list) != 2 {
			t.Errorf("%s: Forwarders = %+v, %v", name, list, err)
			continue
		}
		for i := range want {
			if list[i].User != want[i].User || !gigahost.SameDestinations(list[i].Destinations, want[i].Destinations) {
				t.Errorf("%s: entry %d = %+v, want %+v", name, i, list[i], want[i])
			}
		}
	}
	for name, data := range map[string]string{"empty": `[]`, "empty wrapped": `{"forwarders":[]}`} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/email-forwarders": `{"meta":{"status":200},"data":` + data + `}`})
		if list, err := c.Forwarders(context.Background(), 1); err != nil || len(list) != 0 {
			t.Errorf("%s: Forwarders = %+v, %v", name, list, err)
		}
	}
	for name, data := range map[string]string{
		"no destinations": `{"forwarders":[{"user":"info"}]}`,
		"no user":         `{"forwarders":[{"destinations":["a@x.no"]}]}`,
		"strings":         `{"forwarders":["info"]}`,
		"unknown":         `{"total":1,"items":{"a":1}}`,
		"empty object":    `{}`,
		"number":          `5`,
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/email-forwarders": `{"meta":{"status":200},"data":` + data + `}`})
		if list, err := c.Forwarders(context.Background(), 1); err == nil {
			t.Errorf("%s: Forwarders = %+v, want an error", name, list)
		}
	}
}

// The writes try {user} as the part before the @, then as the full
// address, and verify by listing: a write acknowledged without effect (the
// mock's ack fault) is an error, never taken for done.
func TestForwarderWritesVerified(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"wrapped", "full-address", "by-user"} {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			c, m := mockClient(t, false)
			m.SetAlt(mockapi.AltForwarderList, form)
			ctx := context.Background()
			id := int64(mockapi.GigahostHostingID)
			if _, err := c.CreateForwarder(ctx, id, "info", []string{"a@x.no"}, nil); err != nil {
				t.Fatal(err)
			}
			f, err := c.SetForwarderDestinations(ctx, id, "info", []string{"b@x.no", "c@x.no"})
			if err != nil || !gigahost.SameDestinations(f.Destinations, []string{"b@x.no", "c@x.no"}) {
				t.Fatalf("SetForwarderDestinations = %+v, %v", f, err)
			}
			m.FailNext("gigahost", http.MethodPut, "/webhosting/1234/email-forwarders/", mockapi.FaultAck, 2)
			if _, err := c.SetForwarderDestinations(ctx, id, "info", []string{"d@x.no"}); err == nil || !strings.Contains(err.Error(), "does not show its effect") {
				t.Errorf("an acknowledged PUT without effect: %v", err)
			}
			m.FailNext("gigahost", http.MethodDelete, "/webhosting/1234/email-forwarders/", mockapi.FaultAck, 2)
			if err := c.DeleteForwarder(ctx, id, "info"); err == nil {
				t.Error("an acknowledged DELETE without effect was taken for done")
			}
			if err := c.DeleteForwarder(ctx, id, "info"); err != nil {
				t.Fatal(err)
			}
			if n := m.Gigahost.Webhosting.ForwarderCount(id); n != 0 {
				t.Errorf("%d forwarders left", n)
			}
			if err := c.DeleteForwarder(ctx, id, "info"); err != nil {
				t.Errorf("deleting a forwarder already gone: %v", err)
			}
		})
	}
}
