package webhosting

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// DatabaseResourceType is the resource's type name.
const DatabaseResourceType = "gigahost_webhosting_database"

// NewDatabaseResource returns the gigahost_webhosting_database resource.
func NewDatabaseResource() resource.Resource {
	return providerdata.NewResource[DatabaseResource](DatabaseResourceType, providerdata.IDParts("hosting_id", "name"))
}

// DatabaseResource is a database of a Gigahost web-hosting account.
type DatabaseResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *DatabaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A database (with its own database user) of a Gigahost web-hosting account. " +
			"**Destroying it, or changing `name` or `hosting_id`, deletes the database and all its data; the API has no restore.** " +
			"Guard it with `lifecycle { prevent_destroy = true }` where the data matters. " +
			"Only the password changes in place. Give it as `password` (sensitive, kept in the state) or as the write-only `password_wo` " +
			"(Terraform 1.11 or later) with `password_wo_version`; the API never returns it, so a change made outside Terraform is not detected. " +
			"The API may store the name prefixed with the account's user (`exampleno_shop` for `shop`): the database is found under either, " +
			"and `full_name` shows the name to connect with. " +
			"A create whose answer is lost is resolved by listing the account (never created twice); a destroy is verified by listing. " +
			"Import with `<hosting_id>/<name>` (the name as configured or as listed); the password is then unknown to Terraform.",
		Attributes: withAttributes(passwordAttributes("database"), map[string]schema.Attribute{
			"id":         idAttribute("`<hosting_id>/<name>`, for example `1234/shop`"),
			"hosting_id": hostingIDAttribute("database (the old one and its data are deleted)"),
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The database name: lower-case letters, digits and `_`, starting with a letter, at most 48 characters " +
					"(room for the account user's prefix within MySQL's 64). Changing it deletes the database and its data and creates a new one " +
					"(unless the new value is the same database's listed name, with or without the prefix).",
				Validators: []validator.String{stringvalidator.RegexMatches(databaseNamePattern,
					"must be lower-case letters, digits and _, starting with a letter, at most 48 characters")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(replaceUnlessSameDatabase,
					"A new name is a new database, unless it is the listed name of the same one.", "")},
			},
			"full_name": computedAttribute("The name as the API lists it, which is the name to connect with: `name`, " +
				"or `name` prefixed with the account's user (`exampleno_shop`)."),
		}),
	}
}

// replaceUnlessSameDatabase replaces on a new name, except when it denotes
// the database in state under its other form (an import by the listed
// name, then configured by the short one).
func replaceUnlessSameDatabase(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	var fullName types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("full_name"), &fullName)...)
	resp.RequiresReplace = fullName.IsNull() || !sameDatabaseName(fullName.ValueString(), req.PlanValue.ValueString())
}

// Create implements resource.Resource.
func (r *DatabaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, config, c, ok := loadCreate[databaseModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, name := plan.HostingID.ValueInt64(), plan.Name.ValueString()
	plan.ID = types.StringValue(itemID(hostingID, name))
	d, err := c.CreateDatabase(ctx, hostingID, name, createPassword(plan.Password, config.PasswordWO), logCreateAgainOf(hostingID, "database", name))
	if err != nil {
		createFailed(ctx, resp, fmt.Sprintf("database %s in hosting account %d", name, hostingID), err, &plan, func() { plan.PasswordWO, plan.FullName = types.StringNull(), types.StringNull() })
		return
	}
	plan.fromAPI(hostingID, d)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *DatabaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[databaseModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, name := state.HostingID.ValueInt64(), state.Name.ValueString()
	list, err := c.Databases(ctx, hostingID)
	var d gigahost.Database
	var found bool
	if err == nil {
		d, found, err = c.FindDatabase(ctx, hostingID, list, name)
	}
	if !readFound(ctx, resp, "database "+name, found, err) {
		return
	}
	state.fromAPI(hostingID, d)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: the password, or the name's form
// (no request).
func (r *DatabaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, config, c, ok := loadUpdate[databaseModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := state.HostingID.ValueInt64()
	if password, send := passwordChange(plan.passwords(), state.passwords(), config.PasswordWO); send {
		if err := c.SetDatabasePassword(ctx, hostingID, state.FullName.ValueString(), state.Name.ValueString(), password); err != nil {
			addAPIError(&resp.Diagnostics, "Cannot change the password of the database "+state.FullName.ValueString(), err)
			return
		}
	}
	plan.ID, plan.FullName, plan.PasswordWO = state.ID, state.FullName, types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource.
func (r *DatabaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[databaseModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	if err := c.DeleteDatabase(ctx, state.HostingID.ValueInt64(), state.FullName.ValueString(), state.Name.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, "Cannot delete the database "+state.Name.ValueString(), err)
	}
}

// ImportState implements resource.ResourceWithImportState: <hosting_id>/<name>.
func (r *DatabaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importItem(ctx, req, resp, "name", parseItemIDOf("name"))
}
