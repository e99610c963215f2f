package webhosting

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// AutoresponderResourceType is the resource's type name.
const AutoresponderResourceType = "gigahost_webhosting_autoresponder"

// NewAutoresponderResource returns the gigahost_webhosting_autoresponder resource.
func NewAutoresponderResource() resource.Resource {
	return providerdata.NewResource[AutoresponderResource](AutoresponderResourceType, providerdata.IDParts("hosting_id", "address"))
}

// AutoresponderResource is an automatic reply of a Gigahost web-hosting account.
type AutoresponderResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *AutoresponderResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An automatic reply (autoresponder) for an address of a Gigahost web-hosting account. " +
			"Subject, text, copy and reply period are changed in place. The API documents no start or end date for a reply: " +
			"it answers until the resource is destroyed. An optional field left unset keeps the API's value (shown after creation), " +
			"and a field the API does not show when read keeps the configured value, so a change made outside Terraform to it is not seen. " +
			"Creating one for an address that has one already fails (import it instead); a create whose answer is lost is resolved by reading " +
			"the address, never sent twice blindly; a destroy is verified by reading it back. Import with `<hosting_id>/<address>`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<hosting_id>/<address>`, for example `1234/info@example.no`.",
				PlanModifiers:       keep,
			},
			"hosting_id": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Id of the web-hosting account (see the `gigahost_webhosting` data source). Changing it creates a new autoresponder.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"email": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The part of the address before the `@` (the API's `user`), for example `info`; the domain is the hosting account's. " +
					"Lower-case letters, digits and `.` `_` `+` `-`, starting and ending with a letter or digit, at most 64 characters. " +
					"Changing it creates a new autoresponder.",
				Validators:    []validator.String{localPartValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"address": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The full address, `<email>@<domain>`.",
				PlanModifiers:       keep,
			},
			"subject": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The reply's subject. Changed in place.",
				PlanModifiers:       keep,
			},
			"text": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The reply's message (the body). Changed in place.",
				PlanModifiers:       keep,
			},
			"cc": schema.BoolAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Whether to send a copy to the original sender (the API's `cc`, sent as `ON` or `OFF`). Changed in place.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"reply_once_time": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "How often the same sender gets a reply: a number and a unit, `m` (minutes), `h` (hours), `d` (days) or `w` (weeks), " +
					"for example `2d` (the docs' example). The API decides which periods it offers. Changed in place.",
				Validators: []validator.String{stringvalidator.RegexMatches(replyOnceTimePattern,
					"must be a period such as 2d: a number from 1 to 9999 followed by m, h, d or w")},
				PlanModifiers: keep,
			},
		},
	}
}

// Create implements resource.Resource.
func (r *AutoresponderResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[autoresponderModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := plan.HostingID.ValueInt64()
	ar, err := c.CreateAutoresponder(ctx, hostingID, plan.toAPI())
	var notRead *gigahost.ErrAutoresponderNotRead
	if errors.As(err, &notRead) {
		// It exists: its id goes to state, tainted, rather than an
		// autoresponder Terraform does not know of.
		plan.fromAPI(hostingID, gigahost.Autoresponder{Address: notRead.Address})
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		addAPIError(&resp.Diagnostics, fmt.Sprintf("The autoresponder %s was created but cannot be read back; it is saved in state as tainted", notRead.Address), err)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot create the autoresponder %q in hosting account %d", plan.Email.ValueString(), hostingID), err)
		return
	}
	plan.fromAPI(hostingID, *ar)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *AutoresponderResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[autoresponderModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address, err := parseEmailID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid id in state", err.Error())
		return
	}
	ar, err := c.Autoresponder(ctx, hostingID, address)
	if client.IsNotFound(err) || (err == nil && ar == nil) {
		// The autoresponder, or its whole account, is gone: the plan re-creates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the autoresponder %s", address), err)
		return
	}
	state.fromAPI(hostingID, *ar)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: subject, text, cc and reply period
// in place (PUT with the create's fields).
func (r *AutoresponderResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[autoresponderModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	ar, err := c.UpdateAutoresponder(ctx, hostingID, address, plan.toAPI())
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot change the autoresponder %s", address), err)
		return
	}
	plan.fromAPI(hostingID, *ar)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *AutoresponderResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[autoresponderModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	if err := c.DeleteAutoresponder(ctx, hostingID, address); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete the autoresponder %s", address), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is
// <hosting_id>/<address>; Read then fills the rest.
func (r *AutoresponderResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAddressID(ctx, req, resp)
}

// importAddressID imports a resource of one address of a hosting account
// (a mailbox, an autoresponder) by <hosting_id>/<address>.
func importAddressID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importItem(ctx, req, resp, "address", parseEmailID)
}
