package dns

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// readRecord runs the resource's Read on state m against mock m and returns
// the response.
func readRecord(t *testing.T, mock *mockapi.Server, m recordModel) *resource.ReadResponse {
	t.Helper()
	ctx := context.Background()
	r := providerdata.Unwrap(NewRecordResource()).(*RecordResource)
	var conf resource.ConfigureResponse
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: providerdata.New(gigas.Config{}, gigahost.Config{
		APIKey:    mockapi.GigahostAPIKey,
		Transport: client.Options{BaseURL: mock.GigahostURL(), MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond},
	})}, &conf)
	if conf.Diagnostics.HasError() {
		t.Fatal(conf.Diagnostics)
	}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	return resp
}

// A record changed outside Terraform to another value while a sibling of
// the same name and type exists: Read removes it from state with a warning
// that names the sibling, and does not adopt the sibling.
func TestReadGoneRecordWarnsAndNeverAdoptsSibling(t *testing.T) {
	t.Parallel()
	mock := mockapi.New(mockapi.Options{Seed: 5})
	mock.Start()
	t.Cleanup(mock.Close)
	for _, ip := range []string{"192.0.2.1", "192.0.2.2"} {
		if err := mock.Gigahost.DNS.AddRecord(mockapi.SeedZoneID, "rr", "A", ip, 300, nil); err != nil {
			t.Fatal(err)
		}
	}
	mine := mock.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, "rr", "A", "192.0.2.1")[0]
	zoneID := strconv.Itoa(mockapi.SeedZoneID)
	state := recordModel{
		ID: types.StringValue(zoneID + "/" + mine.ID), ZoneID: types.StringValue(zoneID), RecordID: types.StringValue(mine.ID),
		Name: types.StringValue("rr"), Type: types.StringValue("A"), Value: types.StringValue("192.0.2.1"),
		TTL: types.Int64Value(300), Priority: types.Int64Null(),
	}
	if !mock.Gigahost.DNS.EditRecord(mockapi.SeedZoneID, mine.ID, "192.0.2.3", 300) {
		t.Fatal("cannot edit the record in the mock")
	}
	resp := readRecord(t, mock, state)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() {
		var got recordModel
		resp.State.Get(context.Background(), &got)
		t.Fatalf("state kept (adopted %s %s), want removed", got.RecordID.ValueString(), got.Value.ValueString())
	}
	if len(resp.Diagnostics.Warnings()) != 1 {
		t.Fatalf("warnings %v, want one", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0].Detail()
	for _, want := range []string{`"192.0.2.1"`, `"192.0.2.2"`, `"192.0.2.3"`, "not managed"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q does not mention %s", w, want)
		}
	}
	// Nothing was written.
	if n := len(mock.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, "rr", "A", "")); n != 2 {
		t.Errorf("mock holds %d rr records, want 2", n)
	}
}
