package dns

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestDNSListDataSourcesParity(t *testing.T) {
	parity.AssertListItems(t, NewZonesDataSource(), "zones", zoneDataModel{})
	parity.AssertDataSource(t, NewRecordsDataSource(), recordsDataModel{})
}
