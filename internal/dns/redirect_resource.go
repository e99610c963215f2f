package dns

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// RedirectResourceType is the resource's type name.
const RedirectResourceType = "gigahost_dns_redirect"

// NewRedirectResource returns the gigahost_dns_redirect resource.
func NewRedirectResource() resource.Resource {
	return providerdata.NewResource[RedirectResource](RedirectResourceType, providerdata.IDParts("zone_id", "source"))
}

// RedirectResource manages one HTTP redirect of a zone's name.
//
// A redirect owns DNS records: the API adds A records pointing to its
// redirect server at the source (and at www for "@") and removes them with
// the redirect. Every redirect write is therefore a write to the zone, which
// the client takes under the zone's write lock (the API fails concurrent
// zone writes), and drops the zone's record list, so that
// gigahost_dns_record resources of the same operation list the zone afresh.
type RedirectResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *RedirectResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An HTTP redirect of a name in a Gigahost DNS zone (`@` or a subdomain) to a URL, served by Gigahost's " +
			"redirect server.\n\n" +
			"The API creates the DNS records the redirect needs: an `A` record at the source pointing to the redirect server, " +
			"and for a redirect of `@` also one at `www` (which redirects too). Destroying the redirect removes them. " +
			"Do not manage those records with `gigahost_dns_record`. The API refuses a redirect where an `A`, `AAAA` or " +
			"`CNAME` record already exists at the name (or at `www` for `@`), with `DNS conflict: '@' has an existing A " +
			"record (...)`: remove that record first, and when it is a `gigahost_dns_record`, remove it in an earlier " +
			"apply (Terraform does not order the deletion of one resource before the creation of another).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<zone_id>/<source>`, the source in the API's relative form (`@` for the apex).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"zone_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the zone (`gigahost_dns_zone.<name>.id`). Changing it re-creates the redirect.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRe, "must be a numeric zone id")},
			},
			"source": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("@"),
				MarkdownDescription: "The name that redirects: `@` for the zone apex (default; `www` then redirects too), a name " +
					"relative to the zone (`blog`), or the full name with or without the trailing dot (`blog.example.no.`). " +
					"The form you write is kept. Changing it re-creates the redirect.",
				PlanModifiers: []planmodifier.String{equivalentName, stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.RegexMatches(redirectSourceRe, "must be @, a relative name or a fully qualified name")},
			},
			"target_url": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Where the redirect sends visitors: an absolute `http://` or `https://` URL. Changed in place.",
				Validators:          []validator.String{targetURLValidator},
			},
			"domain": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The host name that redirects, as the API shows it (`example.no`, `blog.example.no`).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"enabled": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether the API reports the redirect as enabled.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *RedirectResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, zoneID, zone, ok := loadInZone[redirectModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	in := plan.toAPI(zone)
	err := c.CreateRedirect(ctx, zoneID, in)
	if err != nil {
		addCreateError(&resp.Diagnostics, in, err)
		return
	}
	// The redirect exists now: state holds it before anything else can
	// fail, so that a failure below leaves it tainted, not forgotten.
	plan.ID = types.StringValue(redirectID(zoneID, in.Source))
	plan.Domain, plan.Enabled = types.StringNull(), types.BoolNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The create answer does not say whether the redirect is enabled: the list does.
	red, ok := r.written(ctx, c, zoneID, in.Source, "created", &resp.Diagnostics,
		fmt.Sprintf("The API accepted the redirect of %q in zone %s, but the zone's redirect list does not show it. "+
			"Before applying again, check the zone: if the redirect exists, import it with <zone_id>/<source> (an apply would submit it again).", in.Source, zoneID))
	if !ok {
		return
	}
	plan.fromAPI(zoneID, red, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &plan, zone)
}

// addCreateError adds a failed create's diagnostic. A record in the way
// gets the API's message and what to do about it, on the source attribute.
func addCreateError(diags *diag.Diagnostics, in gigahost.RedirectInput, err error) {
	const summary = "Cannot create DNS redirect"
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest || !strings.Contains(apiErr.Message, "DNS conflict") {
		tfutil.AddAPIError(diags, summary, err)
		return
	}
	var d diag.Diagnostics
	tfutil.AddAPIError(&d, summary, err)
	diags.AddAttributeError(path.Root("source"), summary, d[0].Detail()+"\n\n"+
		fmt.Sprintf("A redirect needs the name %q (and www for @) free of A, AAAA and CNAME records: the API adds its own A "+
			"records there. Remove the record (or its gigahost_dns_record resource) first.", in.Source))
}

// find returns the zone's redirect of source (relative form).
func (r *RedirectResource) find(ctx context.Context, c *gigahost.Client, zoneID, source string) (gigahost.Redirect, bool, error) {
	redirects, err := c.ListRedirects(ctx, zoneID)
	if err != nil {
		return gigahost.Redirect{}, false, err
	}
	red, ok := gigahost.FindRedirect(redirects, source)
	return red, ok, nil
}

// written returns the redirect of source after a write, from the zone's
// redirect list. When the list cannot be had or does not show the redirect,
// it adds a diagnostic (done is what the write did: "created", "updated";
// notListed the detail of a redirect not listed) and returns false.
func (r *RedirectResource) written(ctx context.Context, c *gigahost.Client, zoneID, source, done string, diags *diag.Diagnostics, notListed string) (gigahost.Redirect, bool) {
	red, ok, err := r.find(ctx, c, zoneID, source)
	switch {
	case err != nil:
		tfutil.AddAPIError(diags, "DNS redirect "+done+", but listing the zone's redirects failed", err)
		return gigahost.Redirect{}, false
	case !ok:
		diags.AddError("DNS redirect "+done+", but not found", notListed)
		return gigahost.Redirect{}, false
	}
	return red, true
}

// Read implements resource.Resource. A redirect (or zone) gone is removed
// from the state, so that the next plan re-creates it.
func (r *RedirectResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, zoneID, zone, ok := loadInZone[redirectModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	source := relativeName(state.Source.ValueString(), zone)
	red, ok, err := r.find(ctx, c, zoneID, source)
	switch {
	case client.IsNotFound(err):
		resp.Diagnostics.AddWarning("DNS zone gone", fmt.Sprintf("Zone %s no longer exists; its redirect of %s is removed from the state.", zoneID, source))
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot list DNS redirects", err)
		return
	case !ok:
		resp.Diagnostics.AddWarning("DNS redirect gone", fmt.Sprintf("The redirect of %s is no longer in zone %s; it is removed from the state "+
			"and the next plan re-creates it.", source, zoneID))
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(zoneID, red, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &state, zone)
}

// Update implements resource.Resource: only target_url changes in place.
func (r *RedirectResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[redirectModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID, zone, ok := zoneOf(ctx, c, state, &resp.Diagnostics)
	if !ok {
		return
	}
	in := plan.toAPI(zone)
	if err := c.UpdateRedirect(ctx, zoneID, in); err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot update DNS redirect", err)
		return
	}
	red, ok := r.written(ctx, c, zoneID, in.Source, "updated", &resp.Diagnostics,
		fmt.Sprintf("The API accepted the new target of the redirect of %q in zone %s, but the zone's redirect list no longer "+
			"shows the redirect. Before applying again, check the zone: if the redirect exists, import it with <zone_id>/<source>; else an apply re-creates it.", in.Source, zoneID))
	if !ok {
		return
	}
	plan.fromAPI(zoneID, red, zone)
	save(ctx, &resp.Diagnostics, &resp.State, resp.Private, &plan, zone)
}

// Delete implements resource.Resource. The API removes the redirect's A
// records with it.
func (r *RedirectResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[redirectModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	zoneID := state.ZoneID.ValueString()
	// The id holds the source in the API's form, with no need of the zone's name.
	_, source, _ := strings.Cut(state.ID.ValueString(), "/")
	if source == "" {
		source = state.Source.ValueString()
	}
	err := c.DeleteRedirect(ctx, zoneID, source)
	if client.IsNotFound(err) {
		return // the redirect, or its zone, is gone already
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot delete DNS redirect", err)
	}
}

// ImportState implements resource.ResourceWithImportState: <zone_id>/<source>.
func (r *RedirectResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "zone_id", "source")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error()+", for example 123/@ or 123/blog")
		return
	}
	if !numericRe.MatchString(parts[0]) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("zone id %q in import id %q is not numeric", parts[0], req.ID))
		return
	}
	m := redirectModel{
		ID: types.StringNull(), ZoneID: types.StringValue(parts[0]), Source: types.StringValue(parts[1]),
		TargetURL: types.StringNull(), Domain: types.StringNull(), Enabled: types.BoolNull(),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
