package webhosting

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// ForwarderResourceType is the resource's type name.
const ForwarderResourceType = "gigahost_webhosting_email_forwarder"

// NewForwarderResource returns the gigahost_webhosting_email_forwarder resource.
func NewForwarderResource() resource.Resource {
	return providerdata.NewResource[ForwarderResource](ForwarderResourceType, providerdata.IDParts("hosting_id", "address"))
}

// ForwarderResource is an e-mail forwarder of a Gigahost web-hosting account.
type ForwarderResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *ForwarderResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An e-mail forwarder of a Gigahost web-hosting account: mail to `<email>@<domain>` goes to every address in `destinations`. " +
			"The destinations are changed in place; the forwarded address cannot be renamed (a change creates a new forwarder). " +
			"The API has no read of one forwarder: each is found in its account's list, read once per operation for all of them. " +
			"A create whose answer is lost is resolved by listing the account (the forwarder is adopted, never created twice); " +
			"changes and destroys are verified by listing the account. Import with `<hosting_id>/<address>`.",
		Attributes: map[string]schema.Attribute{
			"id":         idAttribute("`<hosting_id>/<address>`, for example `1234/info@example.no`"),
			"hosting_id": hostingIDAttribute("forwarder"),
			"email":      localPartAttribute("forwarder"),
			"address":    computedAttribute("The forwarded address, `<email>@<domain>`."),
			"destinations": schema.SetAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The addresses the mail goes to, at least one, compared without regard to case " +
					"(an address the API shows in another case keeps the configured spelling). Changed in place.",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(destinationPattern, "must be an e-mail address (local@domain.tld)")),
				},
			},
		},
	}
}

// Create implements resource.Resource.
func (r *ForwarderResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[forwarderModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	dests, d := plan.destinations(ctx)
	if resp.Diagnostics.Append(d...); d.HasError() {
		return
	}
	hostingID, user := plan.HostingID.ValueInt64(), plan.Email.ValueString()
	domain, err := c.HostingDomain(ctx, hostingID)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the domain of hosting account %d", hostingID), err)
		return
	}
	address := user + "@" + domain
	f, err := c.CreateForwarder(ctx, hostingID, user, dests, logCreateAgainOf(hostingID, "e-mail forwarder", user))
	if err != nil {
		createFailed(ctx, resp, "e-mail forwarder "+address, err, &plan, func() {
			plan.ID, plan.Address = types.StringValue(itemID(hostingID, address)), types.StringValue(address)
		})
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(ctx, hostingID, address, f)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *ForwarderResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[forwarderModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address, err := parseForwarderID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid id in state", err.Error())
		return
	}
	list, err := c.Forwarders(ctx, hostingID)
	f, found := gigahost.FindForwarder(list, localOf(address))
	if !readFound(ctx, resp, "e-mail forwarder "+address, found, err) {
		return
	}
	resp.Diagnostics.Append(state.fromAPI(ctx, hostingID, address, f)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: only the destinations change in place.
func (r *ForwarderResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[forwarderModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	dests, d := plan.destinations(ctx)
	if resp.Diagnostics.Append(d...); d.HasError() {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	f, err := c.SetForwarderDestinations(ctx, hostingID, localOf(address), dests)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Cannot change the destinations of the e-mail forwarder "+address, err)
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(ctx, hostingID, address, f)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *ForwarderResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[forwarderModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	if err := c.DeleteForwarder(ctx, hostingID, localOf(address)); err != nil {
		addAPIError(&resp.Diagnostics, "Cannot delete the e-mail forwarder "+address, err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is
// <hosting_id>/<address>; Read then fills the rest.
func (r *ForwarderResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importItem(ctx, req, resp, "address", parseForwarderID)
}

// localOf is the part of an address before the @.
func localOf(address string) string {
	local, _, _ := strings.Cut(address, "@")
	return local
}
