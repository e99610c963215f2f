package server

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// An answer with several orders (the docs' example for quantity 2, here
// for a resource that asked for one) keeps the first in state and names
// every other order, with its number, in a warning: nothing billable goes
// unmentioned, and nothing is an error that would taint and replace the
// kept server.
func TestDeploy_severalOrdersKeepsFirstAndNamesOthers(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{Seed: 42, ProvisioningDelay: 50 * time.Millisecond})
	m.Start()
	t.Cleanup(m.Close)
	c, err := gigahost.New(gigahost.Config{Transport: client.Options{BaseURL: m.GigahostURL()}, APIKey: mockapi.GigahostAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	res, orderID, ok := deploy(context.Background(), c, gigahost.DeployInput{
		ProductID: 7951, PriceID: 4042, RegionID: 1, OSID: 102, Quantity: 2, Hostnames: []string{"a.example.no", "b.example.no"},
	}, &diags)
	if !ok || diags.HasError() {
		t.Fatalf("deploy failed: %v", diags)
	}
	if len(res.OrderIDs) != 2 || orderID != int64(res.OrderIDs[0]) {
		t.Fatalf("orders %v, kept %d: want the first of two kept", res.OrderIDs, orderID)
	}
	if n := len(m.Gigahost.Servers.List()); n != 2 {
		t.Fatalf("the mock holds %d servers, want the 2 ordered", n)
	}
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityWarning {
		t.Fatalf("want one warning, got %v", diags)
	}
	detail := diags[0].Detail()
	for _, want := range []string{
		"manages the first, order " + itoa(int64(res.OrderIDs[0])),
		"order " + itoa(int64(res.OrderIDs[1])) + " (number " + string(res.OrderNumbers[1]) + ")",
		"terraform import gigahost_server.<name> <server_id>",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("the warning lacks %q:\n%s", want, detail)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
