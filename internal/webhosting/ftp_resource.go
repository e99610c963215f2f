package webhosting

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// FTPResourceType is the resource's type name.
const FTPResourceType = "gigahost_webhosting_ftp_account"

// NewFTPResource returns the gigahost_webhosting_ftp_account resource.
func NewFTPResource() resource.Resource {
	return providerdata.NewResource[FTPResource](FTPResourceType, providerdata.IDParts("hosting_id", "username"))
}

// FTPResource is an FTP account of a Gigahost web-hosting account.
type FTPResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *FTPResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An FTP account of a Gigahost web-hosting account, with access to the whole website or to one folder of it. " +
			"Only the password changes in place: the API has no update for the folder, so a new `path` replaces the account " +
			"(deleted and created again; the files stay). " +
			"Give the password as `password` (sensitive, kept in the state) or as the write-only `password_wo` " +
			"(Terraform 1.11 or later) with `password_wo_version`; the API never returns it, so a change made outside Terraform is not detected. " +
			"A create whose answer is lost is resolved by listing the account (never created twice); a destroy is verified by listing. " +
			"Import with `<hosting_id>/<username>`; the password is then unknown to Terraform.",
		Attributes: withAttributes(passwordAttributes("FTP account"), map[string]schema.Attribute{
			"id":         idAttribute("`<hosting_id>/<username>`, for example `1234/web`"),
			"hosting_id": hostingIDAttribute("FTP account"),
			"username": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The FTP user name: lower-case letters, digits and `.` `_` `-`, starting with a letter or digit, " +
					"at most 32 characters. Changing it creates a new account.",
				Validators: []validator.String{stringvalidator.RegexMatches(ftpUserPattern,
					"must be lower-case letters, digits and . _ -, starting with a letter or digit, at most 32 characters")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"login": computedAttribute("The name to log in with, as the API lists the account: `username`, or `username@domain`."),
			"path": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "A folder to limit the account to, relative to the website root, for example `shop/uploads`; " +
					"unset for access to the whole website. Changing it replaces the account (the API has no update). " +
					"When the API's list does not show the folder in a form that can be read back, the configured value is kept.",
				Validators: []validator.String{
					stringvalidator.RegexMatches(ftpPathPattern,
						"must be a relative folder: names of letters, digits and . _ - (not starting with a dot) separated by /, without a leading /"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		}),
	}
}

// Create implements resource.Resource.
func (r *FTPResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, config, c, ok := loadCreate[ftpModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, user := plan.HostingID.ValueInt64(), plan.Username.ValueString()
	plan.ID = types.StringValue(itemID(hostingID, user))
	a, err := c.CreateFTPAccount(ctx, hostingID, plan.toAPI(createPassword(plan.Password, config.PasswordWO)), logCreateAgainOf(hostingID, "FTP account", user))
	if err != nil {
		createFailed(ctx, resp, fmt.Sprintf("FTP account %s in hosting account %d", user, hostingID), err, &plan, func() { plan.PasswordWO, plan.Login = types.StringNull(), types.StringNull() })
		return
	}
	plan.fromAPI(hostingID, a)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *FTPResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[ftpModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, user := state.HostingID.ValueInt64(), state.Username.ValueString()
	list, err := c.FTPAccounts(ctx, hostingID)
	a, found := gigahost.FindFTPAccount(list, user)
	if !readFound(ctx, resp, "FTP account "+user, found, err) {
		return
	}
	state.fromAPI(hostingID, a)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: only the password changes in place.
func (r *FTPResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, config, c, ok := loadUpdate[ftpModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	if password, send := passwordChange(plan.passwords(), state.passwords(), config.PasswordWO); send {
		if err := c.SetFTPPassword(ctx, state.HostingID.ValueInt64(), state.Username.ValueString(), password); err != nil {
			addAPIError(&resp.Diagnostics, "Cannot change the password of the FTP account "+state.Username.ValueString(), err)
			return
		}
	}
	plan.ID, plan.Login, plan.PasswordWO = state.ID, state.Login, types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *FTPResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[ftpModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	if err := c.DeleteFTPAccount(ctx, state.HostingID.ValueInt64(), state.Username.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, "Cannot delete the FTP account "+state.Username.ValueString(), err)
	}
}

// ImportState implements resource.ResourceWithImportState: <hosting_id>/<username>.
func (r *FTPResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importItem(ctx, req, resp, "username", parseItemIDOf("username"))
}
