package webhosting

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// sslModel is the gigahost_webhosting_ssl resource's data.
type sslModel struct {
	ID             types.String   `tfsdk:"id"`
	HostingID      types.Int64    `tfsdk:"hosting_id"`
	Hostnames      types.Set      `tfsdk:"hostnames"`
	KeySize        types.String   `tfsdk:"keysize"`
	Enabled        types.Bool     `tfsdk:"enabled"`
	ExpiresAt      types.String   `tfsdk:"expires_at"`
	ValidHostnames types.List     `tfsdk:"valid_hostnames"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// sslKeySizes are the documented key sizes; the API's default first.
var sslKeySizes = []string{"secp384r1", "secp256r1", "rsa_4096"}

// sslHostnamePattern is a lower-case host name: dot-separated labels of
// letters, digits and hyphens, 1 to 63 characters, no leading or trailing
// hyphen. Lower case only: the certificate's names are read back in lower
// case, and a capital would be a perpetual diff.
var sslHostnamePattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$`)

// hostingIDString is the id of a one-per-account resource: the hosting id.
func hostingIDString(hostingID int64) string { return strconv.FormatInt(hostingID, 10) }

// parseHostingID reads the import id of a one-per-account resource.
func parseHostingID(id string) (int64, error) {
	n, ok := tfutil.PositiveID(id)
	if !ok {
		return 0, fmt.Errorf("import id %q: want the hosting account id, a positive number such as 1234", id)
	}
	return n, nil
}

// toAPI is the certificate request.
func (m sslModel) toAPI(ctx context.Context) (gigahost.SSLRequest, diag.Diagnostics) {
	var in gigahost.SSLRequest
	diags := m.Hostnames.ElementsAs(ctx, &in.Hostnames, false)
	in.KeySize = m.KeySize.ValueString()
	return in, diags
}

// fromAPI sets what the API reports. The key size is not shown by the API,
// so it keeps its configured or stored value.
func (m *sslModel) fromAPI(ctx context.Context, hostingID int64, s gigahost.HostingSSL) diag.Diagnostics {
	var diags, d diag.Diagnostics
	m.ID = types.StringValue(hostingIDString(hostingID))
	m.HostingID = types.Int64Value(hostingID)
	m.Enabled = types.BoolValue(s.Enabled)
	m.Hostnames, d = types.SetValueFrom(ctx, types.StringType, s.Hostnames)
	diags.Append(d...)
	valid := s.ValidHostnames
	if valid == nil {
		valid = []string{}
	}
	m.ValidHostnames, d = types.ListValueFrom(ctx, types.StringType, valid)
	diags.Append(d...)
	m.ExpiresAt = types.StringNull()
	if !s.Expires.IsZero() {
		m.ExpiresAt = types.StringValue(s.Expires.UTC().Format(time.RFC3339))
	}
	return diags
}

// nullUnknowns sets the computed values still unknown to null, for a state
// saved before they are known (a create whose wait failed).
func (m *sslModel) nullUnknowns() {
	if m.Enabled.IsUnknown() {
		m.Enabled = types.BoolNull()
	}
	if m.ExpiresAt.IsUnknown() {
		m.ExpiresAt = types.StringNull()
	}
	if m.ValidHostnames.IsUnknown() {
		m.ValidHostnames = types.ListNull(types.StringType)
	}
}
