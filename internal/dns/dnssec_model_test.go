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
}

func TestExternalDSSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewExternalDSResource(), externalDSModel{})
}

// The configured spelling of a digest is kept when the API lists the same
// record in another case; a record the configuration lacks comes as listed.
func TestExternalDSModelKeepsSpelling(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var m externalDSModel
	m.fromAPI(ctx, "7", []gigahost.DSRecord{{KeyTag: 1, Algorithm: 13, DigestType: 2, Digest: "ab"}}, &diags)
	in := m.toAPI(ctx, &diags)
	if diags.HasError() || len(in) != 1 || in[0].Digest != "ab" || in[0].KeyTag != 1 {
		t.Fatalf("toAPI = %+v, %v", in, diags)
	}
	m.fromAPI(ctx, "7", []gigahost.DSRecord{{KeyTag: 1, Algorithm: 13, DigestType: 2, Digest: "AB"}, {KeyTag: 2, Algorithm: 8, DigestType: 4, Digest: "CD"}}, &diags)
	var got []dsModel
	diags.Append(m.DSRecords.ElementsAs(ctx, &got, false)...)
	if diags.HasError() || len(got) != 2 || m.ID.ValueString() != "7" {
		t.Fatalf("fromAPI: %+v, %v", got, diags)
	}
	for _, r := range got {
		if want := map[int64]string{1: "ab", 2: "CD"}[r.KeyTag.ValueInt64()]; r.Digest.ValueString() != want {
			t.Errorf("digest of %d = %q, want %q", r.KeyTag.ValueInt64(), r.Digest.ValueString(), want)
		}
	}
}
