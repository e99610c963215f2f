package dns

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestDNSSECSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewDNSSECResource(), dnssecModel{})
}

func TestDNSSECModelFromAPI(t *testing.T) {
	var m dnssecModel
	var diags diag.Diagnostics
	z := gigahost.Zone{ID: "7", Name: "example.no", ExternalDNS: client.Bool(false)}
	m.fromAPI(context.Background(), z, gigahost.DNSSEC{Enabled: true, DS: []gigahost.DSRecord{{KeyTag: 1, Algorithm: 13, DigestType: 2, Digest: "AB"}}}, &diags)
	if diags.HasError() || m.ID.ValueString() != "7" || m.ZoneID.ValueString() != "7" || m.ZoneName.ValueString() != "example.no" ||
		m.ExternalDNS.ValueBool() || len(m.DSRecords.Elements()) != 1 {
		t.Fatalf("fromAPI: %+v %v", m, diags)
	}
	if k := dsKey(1, 13, 2, "ab12"); k != "1 13 2 AB12" {
		t.Errorf("dsKey = %q", k)
	}
}
