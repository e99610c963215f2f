package webhosting

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestForwarderSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewForwarderResource(), forwarderModel{})
}

// The destinations keep their configured spelling when the list shows them
// in another case; a new one comes as listed.
func TestForwarderModelKeepsCase(t *testing.T) {
	ctx := context.Background()
	var m forwarderModel
	m.Destinations, _ = types.SetValueFrom(ctx, types.StringType, []string{"Ola@Example.com"})
	if d := m.fromAPI(ctx, 1234, "info@example.no", gigahost.Forwarder{User: "info", Destinations: []string{"ola@example.com", "new@x.no"}}); d.HasError() {
		t.Fatal(d)
	}
	got, _ := m.destinations(ctx)
	if len(got) != 2 || got[0] != "Ola@Example.com" || got[1] != "new@x.no" || m.ID.ValueString() != "1234/info@example.no" || m.Email.ValueString() != "info" {
		t.Errorf("fromAPI: %+v %v", m, got)
	}
}

func TestParseForwarderID(t *testing.T) {
	id, addr, err := parseForwarderID("1234/Info@Example.no")
	if err != nil || id != 1234 || addr != "info@example.no" {
		t.Errorf("got %d %q %v", id, addr, err)
	}
	for _, bad := range []string{"", "1234", "1234/info", "x/info@example.no", "0/a@b.no", "1234/a@b.no/x"} {
		if _, _, err := parseForwarderID(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
