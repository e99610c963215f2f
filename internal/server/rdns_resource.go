package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// RDNSResourceType is the reverse DNS resource's type name.
const RDNSResourceType = "gigahost_server_rdns"

var _ resource.ResourceWithConfigValidators = (*RDNSResource)(nil)

// NewRDNSResource returns the gigahost_server_rdns resource.
func NewRDNSResource() resource.Resource {
	return providerdata.NewResource[RDNSResource](RDNSResourceType, providerdata.IDParts("server_id", "address"))
}

// RDNSResource is the reverse DNS of one IPv4 address of a server, or the
// delegation of one of its IPv6 subnets.
type RDNSResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *RDNSResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The reverse DNS (PTR) of one IPv4 address of a Gigahost server, or the delegation of one of its IPv6 subnets " +
			"to a name server (`PUT /servers/{id}/reverse`; the API sets IPv6 reverse DNS per subnet, by NS delegation, not per address). " +
			"The value is read back from the server record. `ptr` changes in place; any other change replaces the entry.\n\n" +
			"The API documents no way to reset or clear a reverse DNS entry. Destroying this resource therefore sets the entry back to " +
			"the value it had before Terraform set it (`ptr_before`); when it had none (or the resource was imported, so the value " +
			"before is unknown), the entry is left as it is, with a warning. A server that no longer exists, or that no longer holds " +
			"the address or subnet, removes the entry from state (an absence is confirmed over several reads: the API sometimes " +
			"omits a live server for tens of seconds). Import with `<server_id>/<ip_address>` or `<server_id>/<ipv6_subnet>`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<server_id>/<ip_address>` or `<server_id>/<ipv6_subnet>`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"server_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The server (`gigahost_server.id`, a numeric string). Changing it replaces the entry.",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a server id: digits only, such as 18856")},
				PlanModifiers:       replace,
			},
			"ip_address": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "An IPv4 address of the server (such as `gigahost_server.ipv4`), whose PTR to set. " +
					"The provider finds its `ip_id` in the server record. Exactly one of `ip_address` and `ipv6_subnet`. Changing it replaces the entry.",
				Validators:    []validator.String{ipv4Address},
				PlanModifiers: replace,
			},
			"ipv6_subnet": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "An IPv6 subnet routed to the server, in CIDR form as the server record lists it (`subnets[].sub_cidr`, " +
					"such as `2a03:94e0:190e::/48`), whose reverse zone to delegate to the name server in `ptr`. Changing it replaces the entry.",
				Validators:    []validator.String{ipv6Subnet},
				PlanModifiers: replace,
			},
			"ptr": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The host name: for `ip_address` the name the address resolves to (such as `web-1.example.com`), " +
					"for `ipv6_subnet` the name server the subnet is delegated to (such as `ns1.example.com`). A trailing dot is optional; " +
					"names compare without case. Updated in place. When the server record does not show a subnet's delegation, the " +
					"configured value is kept.",
				Validators: []validator.String{
					stringvalidator.LengthAtMost(253),
					stringvalidator.RegexMatches(ptrRE, "must be a host name of two or more labels (letters, digits, hyphens), such as web-1.example.com"),
				},
			},
			"ptr_before": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The value the entry had before this resource set it, restored on destroy (`\"\"`: none, so destroy " +
					"leaves the entry as it is; null after an import).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// ConfigValidators implements resource.ResourceWithConfigValidators.
func (r *RDNSResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.ExactlyOneOf(path.MatchRoot("ip_address"), path.MatchRoot("ipv6_subnet"))}
}

// Create implements resource.Resource. The value before is saved to state as
// soon as the write is answered, before the read-back: a failed read-back
// leaves the entry in state (tainted) with what destroy must restore.
func (r *RDNSResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[rdnsModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	plan.setID()
	setRDNS(ctx, c, &plan, &resp.State, &resp.Diagnostics, func(before gigahost.ReverseEntry) {
		plan.PTRBefore = types.StringValue(before.Value)
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	})
}

// setRDNS sets the entry to m.PTR, verified by reading back, and saves m
// with what the record shows. sent: see gigahost.Client.SetReverse.
func setRDNS(ctx context.Context, c *gigahost.Client, m *rdnsModel, state *tfsdk.State, diags *diag.Diagnostics, sent func(gigahost.ReverseEntry)) {
	t, ok := rdnsTarget(*m, diags)
	if !ok {
		return
	}
	res, err := c.SetReverse(ctx, m.serverID(), t, m.PTR.ValueString(), sent)
	if err != nil {
		tfutil.AddAPIError(diags, fmt.Sprintf("Cannot set the reverse DNS of %s on server %s", t, m.ServerID.ValueString()), err)
		return
	}
	m.fromAPI(res.Shown)
	diags.Append(state.Set(ctx, m)...)
}

// rdnsTarget is m.target(), or false after an error diagnostic.
func rdnsTarget(m rdnsModel, diags *diag.Diagnostics) (gigahost.ReverseTarget, bool) {
	t, err := m.target()
	if err != nil {
		diags.AddError("Invalid reverse DNS target", err.Error())
		return t, false
	}
	return t, true
}

// Read implements resource.Resource.
func (r *RDNSResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[rdnsModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	t, ok := rdnsTarget(state, &resp.Diagnostics)
	if !ok {
		return
	}
	e, err := c.Reverse(ctx, state.serverID(), t)
	if gigahost.IsReverseGone(err) {
		resp.Diagnostics.AddWarning("Reverse DNS entry gone", err.Error()+": the entry is removed from state.")
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the reverse DNS of %s on server %s", t, state.ServerID.ValueString()), err)
		return
	}
	if state.PTR.IsNull() {
		// Imported: the absolute form (a trailing dot) reads as the
		// relative one that configurations usually hold.
		e.Value = trimDot(e.Value)
	}
	state.fromAPI(e.Value)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: only ptr changes in place.
func (r *RDNSResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[rdnsModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	plan.PTRBefore = state.PTRBefore
	setRDNS(ctx, c, &plan, &resp.State, &resp.Diagnostics, nil)
}

// Delete implements resource.Resource: the API has no reset, so the value
// before is set again, verified by reading back.
func (r *RDNSResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[rdnsModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	t, ok := rdnsTarget(state, &resp.Diagnostics)
	if !ok {
		return
	}
	before := state.PTRBefore.ValueString()
	if before == "" {
		why := "it had no reverse DNS before Terraform set it"
		if state.PTRBefore.IsNull() {
			why = "it was imported, so its value before Terraform is unknown"
		}
		resp.Diagnostics.AddWarning("Reverse DNS left in place",
			fmt.Sprintf("The reverse DNS of %s on server %s is left as %q: %s, and the API documents no way to clear an entry.",
				t, state.ServerID.ValueString(), state.PTR.ValueString(), why))
		return
	}
	// Sent in the form ptr is sent in: the record may show a name with a
	// trailing dot (servers.reverse-form), which a PUT is not known to take.
	before = strings.TrimSuffix(before, ".")
	_, err := c.SetReverse(ctx, state.serverID(), t, before, nil)
	if err != nil && !gigahost.IsReverseGone(err) {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot restore the reverse DNS of %s on server %s to %q", t, state.ServerID.ValueString(), before), err)
	}
}

// ImportState implements resource.ResourceWithImportState.
func (r *RDNSResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	m, err := parseRDNSImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func trimDot(s string) string {
	if len(s) > 1 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}
