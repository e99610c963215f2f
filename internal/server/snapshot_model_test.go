package server

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestSnapshotSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewSnapshotResource(), snapshotModel{})
}

// The configured name stays while either name field carries it; an import
// reads snap_display_name, else snap_name.
func TestSnapshotFromAPI(t *testing.T) {
	m := snapshotModel{ServerID: types.StringValue("18856"), Name: types.StringValue("nightly")}
	m.fromAPI(gigahost.Snapshot{ID: 123, Name: "nightly", DisplayName: "", State: "pending", Time: 1234567890})
	if m.ID.ValueString() != "18856/123" || m.Name.ValueString() != "nightly" || m.State.ValueString() != "pending" || m.CreatedAt.ValueInt64() != 1234567890 {
		t.Errorf("%+v", m)
	}
	m.fromAPI(gigahost.Snapshot{ID: 123, Name: "Asdf1234", DisplayName: "nightly", State: "completed"})
	if m.Name.ValueString() != "nightly" {
		t.Errorf("name %s", m.Name)
	}
	imported := snapshotModel{ServerID: types.StringValue("18856"), Name: types.StringNull()}
	imported.fromAPI(gigahost.Snapshot{ID: 124, Name: "Asdf1234", DisplayName: "my-snapshot"})
	if imported.Name.ValueString() != "my-snapshot" || imported.SnapID.ValueString() != "124" {
		t.Errorf("imported %+v", imported)
	}
}
