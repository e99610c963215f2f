package gigahost

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// The docs' example of GET /servers/{id}/snapshots, made JSON: it gives the
// state as `"pending" or "completed"` and closes the list with a brace.
func TestSnapshotsDecodeDocsExample(t *testing.T) {
	t.Parallel()
	raw := string(apidocs.Read(t, "examples/gigahost/GET_servers_id_snapshots.txt"))
	for _, state := range []string{"pending", "completed"} {
		fixed := strings.Replace(raw, `"pending" or "completed" } }`, `"`+state+`" } ] }`, 1)
		var env envelope
		if err := json.Unmarshal([]byte(fixed), &env); err != nil {
			t.Fatalf("the example did not become JSON: %v", err)
		}
		items, err := listItems(env.Data, "snapshots")
		if err != nil || len(items) != 1 {
			t.Fatalf("%d items, %v", len(items), err)
		}
		var s Snapshot
		if err := json.Unmarshal(items[0], &s); err != nil {
			t.Fatal(err)
		}
		if s.ID != 123 || s.ServerID != 999 || s.Label() != "my-snapshot" || s.Time != 1234567890 ||
			s.Completed() != (state == "completed") || s.Pending() != (state == "pending") || !s.named("my-snapshot") || !s.named("Asdf1234") {
			t.Errorf("%+v", s)
		}
	}
	// The create and delete answers (made JSON: a comma before the brace)
	// are a meta with a message and no data: no id.
	for _, f := range []string{"POST_servers_id_snapshot.txt", "DELETE_servers_id_snapshot_snap_id.txt"} {
		body := strings.Replace(string(apidocs.Read(t, "examples/gigahost/"+f)), `", } }`, `" } }`, 1)
		var env envelope
		if err := json.Unmarshal([]byte(body), &env); err != nil || env.Meta.Status != 200 || len(env.Data) != 0 {
			t.Errorf("%s: %+v %v", f, env, err)
		}
	}
}

// Snapshots are for virtual servers: the docs' example and the live sample
// show srv_type "vps" with srv_vps_type "kvm".
func TestServerVirtual(t *testing.T) {
	t.Parallel()
	for _, rel := range []string{"examples/gigahost/GET_servers_id.json", "samples/gigahost/server-get.live.json"} {
		if srv := decodeServerRecord(t, rel); !srv.Virtual() {
			t.Errorf("%s: not virtual", rel)
		}
	}
	for _, c := range []struct {
		srv  Server
		want bool
	}{{Server{Type: "dedicated"}, false}, {Server{Type: "VPS"}, true}, {Server{}, true}, {Server{Type: "cloud", VPSType: "kvm"}, true}} {
		if c.srv.Virtual() != c.want {
			t.Errorf("%+v: %v", c.srv, !c.want)
		}
	}
	if msg := (&NotVirtualError{ServerID: 5, Type: "dedicated"}).Error(); !strings.Contains(msg, `srv_type "dedicated"`) {
		t.Error(msg)
	}
}
