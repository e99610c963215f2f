package webhosting

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// forwarderModel is the gigahost_webhosting_email_forwarder resource's data.
type forwarderModel struct {
	ID           types.String `tfsdk:"id"`
	HostingID    types.Int64  `tfsdk:"hosting_id"`
	Email        types.String `tfsdk:"email"`
	Address      types.String `tfsdk:"address"`
	Destinations types.Set    `tfsdk:"destinations"`
}

// destinationPattern is the accepted destination address: a local part of
// letters, digits and . _ % + -, an @, and a domain with a dot.
var destinationPattern = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)

// parseForwarderID reads <hosting_id>/<address>, as parseEmailID.
func parseForwarderID(id string) (int64, string, error) { return parseEmailID(id) }

// fromAPI sets what the list shows. A destination that differs from the
// prior one only in case keeps the prior spelling: the set is compared
// without regard to case, as mail addresses are.
func (m *forwarderModel) fromAPI(ctx context.Context, hostingID int64, address string, f gigahost.Forwarder) diag.Diagnostics {
	m.HostingID = types.Int64Value(hostingID)
	m.ID = types.StringValue(itemID(hostingID, address))
	m.Address = types.StringValue(address)
	m.Email = types.StringValue(f.User)
	var prior []string
	if !m.Destinations.IsNull() && !m.Destinations.IsUnknown() {
		if d := m.Destinations.ElementsAs(ctx, &prior, false); d.HasError() {
			return d
		}
	}
	dests := make([]string, 0, len(f.Destinations))
	for _, d := range f.Destinations {
		for _, p := range prior {
			if strings.EqualFold(p, d) {
				d = p
				break
			}
		}
		if !slices.Contains(dests, d) {
			dests = append(dests, d)
		}
	}
	set, d := types.SetValueFrom(ctx, types.StringType, dests)
	m.Destinations = set
	return d
}

// destinations is the configured set as a list.
func (m forwarderModel) destinations(ctx context.Context) ([]string, diag.Diagnostics) {
	var out []string
	d := m.Destinations.ElementsAs(ctx, &out, false)
	return out, d
}
