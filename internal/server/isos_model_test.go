package server

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestISOsParity(t *testing.T) {
	t.Parallel()
	parity.AssertListItems(t, NewISOsDataSource(), "isos", isoModel{})
	got := isoFromAPI(gigahost.ISO{ID: 42, Name: "debian-12.iso", Size: 650000000})
	if got != (isoModel{ISOID: types.Int64Value(42), Name: types.StringValue("debian-12.iso"), Size: types.Int64Value(650000000)}) {
		t.Errorf("isoFromAPI = %+v", got)
	}
}
