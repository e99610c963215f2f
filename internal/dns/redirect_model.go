package dns

import (
	"context"
	"fmt"
	"net/url"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// redirectModel is the gigahost_dns_redirect resource's state.
type redirectModel struct {
	ID        types.String `tfsdk:"id"`
	ZoneID    types.String `tfsdk:"zone_id"`
	Source    types.String `tfsdk:"source"`
	TargetURL types.String `tfsdk:"target_url"`
	Domain    types.String `tfsdk:"domain"`
	Enabled   types.Bool   `tfsdk:"enabled"`
}

// redirectSourceRe accepts what a record name accepts, wildcards aside: "@",
// a relative name, or the full name with or without the trailing dot.
var redirectSourceRe = regexp.MustCompile(`^(@|[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?)$`)

// redirectID is the resource id: the zone and the source in the API's
// relative form.
func redirectID(zoneID, source string) string { return zoneID + "/" + source }

// toAPI is the create or update body. zone is the zone's name, to turn a
// full name into the relative one the API stores.
func (m redirectModel) toAPI(zone string) gigahost.RedirectInput {
	return gigahost.RedirectInput{Source: relativeName(m.Source.ValueString(), zone), TargetURL: m.TargetURL.ValueString()}
}

// fromAPI sets the model from the API's redirect. The source keeps the
// configuration's spelling when it names the same source.
func (m *redirectModel) fromAPI(zoneID string, r gigahost.Redirect, zone string) {
	source := string(r.Source)
	m.ZoneID = types.StringValue(zoneID)
	m.ID = types.StringValue(redirectID(zoneID, source))
	if m.Source.IsNull() || m.Source.IsUnknown() || relativeName(m.Source.ValueString(), zone) != source {
		m.Source = types.StringValue(source)
	}
	m.TargetURL = types.StringValue(string(r.TargetURL))
	m.Domain = types.StringValue(string(r.Domain))
	m.Enabled = types.BoolValue(bool(r.Enabled))
}

// targetURLValidator checks at plan time what the API checks on create: an
// absolute http or https URL with a host.
var targetURLValidator = tfutil.StringValidator("must be an absolute http:// or https:// URL with a host, such as https://example.com",
	func(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		if msg := targetURLProblem(req.ConfigValue.ValueString()); msg != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid redirect target URL", fmt.Sprintf("%s %s.", req.Path, msg))
		}
	})

// targetURLProblem says what is wrong with a target URL ("" if nothing).
func targetURLProblem(v string) string {
	u, err := url.Parse(v)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not a URL: %v", v, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("must be an http:// or https:// URL, got %q", v)
	case u.Host == "":
		return fmt.Sprintf("must name a host, such as https://example.com, got %q", v)
	}
	return ""
}
