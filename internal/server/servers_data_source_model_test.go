package server

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestServerDataSourcesParity(t *testing.T) {
	parity.AssertDataSource(t, NewServerDataSource(), serverEntryModel{})
	parity.AssertListItems(t, NewServersDataSource(), "servers", serverEntryModel{})
}

// The docs' example and the live sample as data source entries: the host
// name from srv_name when srv_hostname is empty, the product from the order.
func TestServerEntryFromAPI(t *testing.T) {
	live := serverEntryFromAPI(*decodeServer(t, liveServer))
	if live.ID.ValueString() != "18856" || live.Hostname.ValueString() != "tf-acc-os-matrix-652342" || live.ProductID.ValueInt64() != 7951 ||
		live.RegionID.ValueInt64() != 1 || live.OrderID.ValueString() != "35989" || live.Cancelled.ValueBool() || live.IPv4.ValueString() != "193.200.238.252" {
		t.Errorf("live: %+v", live)
	}
	bare := serverEntryFromAPI(*decodeServer(t, `{"srv_id":"111","srv_name":"srv111.gigahost.no","srv_hostname":"srv111.gigahost.no","srv_type":"vps","cancelled":null}`))
	if !bare.ProductID.IsNull() || !bare.RegionID.IsNull() || !bare.OrderID.IsNull() || !bare.IPv6.IsNull() || bare.Type.ValueString() != "vps" {
		t.Errorf("a list item without order or datacenter: %+v", bare)
	}
	gone := serverEntryFromAPI(*decodeServer(t, `{"srv_id":"112","srv_deleted":"1"}`))
	if !gone.Cancelled.ValueBool() {
		t.Errorf("srv_deleted: %+v", gone)
	}
}
