package sshkey

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ResourceType is the resource's type name.
const ResourceType = "gigahost_ssh_key"

// NewKeyResource returns the gigahost_ssh_key resource.
func NewKeyResource() resource.Resource {
	return providerdata.NewResource[KeyResource](ResourceType, providerdata.IDParts("key_id"))
}

// KeyResource is an SSH public key of the Gigahost account.
type KeyResource struct{ providerdata.ResourceBase }

// permissionHint explains a 403, which with an API key means its permissions.
const permissionHint = "The Gigahost credentials in use may not do this. With an API key, check its permissions: " +
	"the account category must be present, with mode \"rw\" to add or remove SSH keys (\"r\" only reads them)."

// addAPIError is tfutil.AddAPIError with the permission hint on a 403.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	tfutil.AddAPIErrorHint(diags, summary, err, permissionHint)
}

// nameRE refuses names with white space at either end, which the API trims
// (the name read back would then never match the configuration).
var nameRE = regexp.MustCompile(`^\S(?:.*\S)?$`)

// Schema implements resource.Resource.
func (r *KeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SSH public key of the Gigahost account. Keys can be selected when a server is deployed or reinstalled " +
			"(`gigahost_server.ssh_key_ids` takes `key_id`) and are pushed to new servers at provisioning. " +
			"The API cannot change a key, so any change replaces it; a removal is verified by listing the account's keys. " +
			"Needs the `account` permission category with mode `rw` on an API key. Import with the key id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The key id (`key_id` of `GET /account`), as a string.",
				PlanModifiers:       keep,
			},
			"key_id": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "The key id as a number, ready for `gigahost_server.ssh_key_ids`.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Label of the key, 1 to 255 characters, not starting or ending with white space. Changing it replaces the key.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(nameRE, "must not start or end with white space"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"public_key": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The OpenSSH public key line, `<type> <base64 key> [comment]`, for example `file(\"~/.ssh/id_ed25519.pub\")`. " +
					"Types: " + keyTypeList() + ". White space around it (the trailing newline of a file) is ignored. " +
					"Changing the key or its comment replaces it.",
				Validators: []validator.String{publicKeyValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						resp.RequiresReplace = !samePublicKey(req.StateValue.ValueString(), req.PlanValue.ValueString())
					},
					"Replaces the key when it changes other than in white space.",
					"Replaces the key when it changes other than in white space.",
				)},
			},
			"fingerprint": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "SHA256 fingerprint of the key, as `ssh-keygen -lf` shows it (`SHA256:...`). Known at plan time.",
				PlanModifiers:       []planmodifier.String{fingerprintFromKey},
			},
			"created_at": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "When the key was added (`key_added`), in unix seconds.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
	}
}

// fingerprintFromKey plans the fingerprint from the planned public key, so
// that it is known before the apply.
var fingerprintFromKey = tfutil.StringPlanModifier("The fingerprint is computed from public_key.",
	func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		var key types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("public_key"), &key)...)
		if key.IsNull() || key.IsUnknown() {
			return
		}
		if fp := fingerprintOf(key.ValueString()); fp != "" {
			resp.PlanValue = types.StringValue(fp)
		}
	})

// Create implements resource.Resource. CreateSSHKey finds the new key's id
// by listing (the API returns none) and resolves a lost answer the same way,
// so the key is never added twice.
func (r *KeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[keyModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	k, err := c.CreateSSHKey(ctx, plan.toAPI())
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot add the SSH key %q", plan.Name.ValueString()), err)
		return
	}
	// Nothing is waited for after the create: the whole state, id included,
	// is saved at once.
	plan.fromAPI(k)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource. A key no longer listed is removed from
// the state, so the plan adds it again.
func (r *KeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[keyModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	keys, err := c.SSHKeys(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Cannot list the Gigahost account's SSH keys", err)
		return
	}
	for _, k := range keys {
		if string(k.ID) == state.ID.ValueString() {
			state.fromAPI(k)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
	}
	resp.State.RemoveResource(ctx)
}

// Update implements resource.Resource. Every change that reaches the API
// replaces the key; what is left is a change of white space in public_key,
// which is only recorded.
func (r *KeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan keyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource. A key already gone is fine.
func (r *KeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[keyModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	err := c.DeleteSSHKey(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot remove the SSH key %q", state.Name.ValueString()), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is the
// numeric key id; Read fills in the rest.
func (r *KeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "key_id")
	if err == nil && numericID(parts[0]).IsNull() {
		err = fmt.Errorf("import id %q is not a key id: give the numeric key_id of the key (GET /account lists them; so does the gigahost_ssh_keys data source)", req.ID)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[0])...)
}
