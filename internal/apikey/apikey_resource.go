package apikey

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ResourceType is the resource's type name.
const ResourceType = "gigahost_api_key"

var (
	_ resource.ResourceWithModifyPlan     = (*APIKeyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*APIKeyResource)(nil)
)

// NewAPIKeyResource returns the gigahost_api_key resource.
func NewAPIKeyResource() resource.Resource {
	return providerdata.NewResource[APIKeyResource](ResourceType, providerdata.IDParts("key_id"))
}

// APIKeyResource is a personal Gigahost API key.
type APIKeyResource struct{ providerdata.ResourceBase }

var modeValidators = []validator.String{stringvalidator.OneOf("r", "rw")}

const modeDescription = "`r` (read-only: GET requests pass, everything else is refused with 403) or `rw` (read-write)."

func scopedCategory(what string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "Access to " + what + ". Unset means no access. Can be limited to some ids with `all = false` and `ids`.",
		Attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{Required: true, MarkdownDescription: modeDescription, Validators: modeValidators},
			"all": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the key reaches every object of the category (default `true`). Set `false` and list `ids` to limit it: " +
					"lists are then filtered and writes to other ids are refused (including creating new objects).",
			},
			"ids": schema.SetAttribute{
				Optional: true, ElementType: types.Int64Type,
				MarkdownDescription: "The ids the key is limited to; only with `all = false`, which needs them.",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
		},
	}
}

func globalCategory(what string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "Access to " + what + " (account-wide, no per-object limit). Unset means no access.",
		Attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{Required: true, MarkdownDescription: modeDescription, Validators: modeValidators},
		},
	}
}

// Schema implements resource.Resource.
func (r *APIKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A personal Gigahost API key (`flux_live_...`) with granular permissions. " +
			"Managing keys needs a session login: configure `gigahost_username` and `gigahost_password` on the provider, " +
			"since the API refuses API-key tokens on `/account/apikeys`; with `gigahost_api_key` set as well, the login is used for the keys " +
			"and the API key for everything else, so no provider alias is needed. The secret is returned only at creation and at rotation " +
			"and is kept (sensitive) in the state; change `rotation_triggers` to rotate it. Destroying the resource revokes the key, verified by reading it back. " +
			"If the answer to a create is lost, the new key is found in the list and rotated to obtain its secret: a second key is never created. " +
			"A key that is revoked or expired outside Terraform disappears from the state, and the next apply creates a new one. " +
			"Import with the key id; the secret is then unknown to Terraform (null). An imported key is not rotated when " +
			"`rotation_triggers` is first recorded (the apply after the import only stores the triggers, so a secret in use keeps working); " +
			"a later change of the triggers rotates it and stores the new secret.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The key id (`key_id`).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"label": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Human-readable name, 1 to 100 characters, without HTML special characters (`<` `>` `&` `\"` `'`). Changed in place.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 100),
					labelCharacters,
				},
			},
			"permissions": schema.SingleNestedAttribute{
				Required: true,
				MarkdownDescription: "What the key may read or change, per category; a category left out means no access. " +
					"Changed in place (the API replaces the whole object). For example " +
					"`{ dns = { mode = \"rw\", all = false, ids = [123] }, servers = { mode = \"r\" }, account = { mode = \"r\" } }`.",
				Attributes: map[string]schema.Attribute{
					"dns":        scopedCategory("DNS zones (`dns`); `ids` are zone ids"),
					"servers":    scopedCategory("servers (`servers`); `ids` are server ids"),
					"webhosting": scopedCategory("web-hosting accounts (`webhosting`); `ids` are hosting ids"),
					"racks":      globalCategory("racks (`racks`)"),
					"support":    globalCategory("support tickets (`support`)"),
					"billing":    globalCategory("billing and invoices (`billing`)"),
					"account":    globalCategory("account details (`account`)"),
				},
			},
			"expires_at": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Unix time at which the key is revoked automatically; must be in the future when set or changed. " +
					"The API cannot change the expiry of an existing key, so changing, adding or removing it replaces the key " +
					"(a new id and secret; add `lifecycle { create_before_destroy = true }` to have the new key before the old one is revoked). " +
					"Once the key has expired it leaves the state and the plan proposes a new key (with a new `expires_at`).",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"rotation_triggers": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Arbitrary values; any change rotates the secret in place (the old secret stops working at once), " +
					"for example `{ rotated = \"2026-q3\" }` or a `time_rotating` id. After an import, the first triggers are only recorded.",
			},
			"secret": schema.StringAttribute{
				Computed: true, Sensitive: true,
				MarkdownDescription: "The key (`flux_live_...`), to send as `Authorization: Bearer`. Known after creation and rotation only; null after import.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"prefix": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The first characters of the secret, safe to display; changes on rotation.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

const sessionRequired = "gigahost_api_key needs a Gigahost session login: set gigahost_username and gigahost_password on the provider " +
	"(or GIGAHOST_USERNAME and GIGAHOST_PASSWORD). The Gigahost API refuses API-key tokens on /account/apikeys (API keys cannot " +
	"manage API keys), so the provider sends these requests with a session token; a gigahost_api_key configured beside the login " +
	"is still used for everything else."

// sessionClient returns the Gigahost client when session credentials are
// configured (whether or not an API key is too: the client sends the
// /account/apikeys requests with the session token), else adds the error
// that says why keys need them.
func (r *APIKeyResource) sessionClient(diags *diag.Diagnostics) *gigahost.Client {
	if r.Clients() != nil && !r.Clients().GigahostSessionConfigured() {
		diags.AddError("Gigahost session credentials required", sessionRequired)
		return nil
	}
	c := r.Gigahost(diags)
	if c != nil && !c.CanManageAPIKeys() {
		diags.AddError("Gigahost session credentials required", sessionRequired)
		return nil
	}
	return c
}

// ValidateConfig implements resource.ResourceWithValidateConfig: ids go with
// all = false and the other way round.
func (r *APIKeyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	// Terraform drops unknown keys of an object written with =, so a
	// misspelt category vanishes silently; a key with no category at all is
	// almost surely such a mistake.
	var perms types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("permissions"), &perms)...)
	if !perms.IsNull() && !perms.IsUnknown() {
		empty := true
		for _, v := range perms.Attributes() {
			if !v.IsNull() {
				empty = false
			}
		}
		if empty {
			resp.Diagnostics.AddAttributeError(path.Root("permissions"), "No permission category",
				"permissions sets none of dns, servers, webhosting, racks, support, billing, account, so the key could do nothing. "+
					"Check the category names: Terraform silently ignores unknown names in an object.")
		}
	}
	for _, cat := range []string{gigahost.PermDNS, gigahost.PermServers, gigahost.PermWebhosting} {
		base := path.Root("permissions").AtName(cat)
		var all types.Bool
		var ids types.Set
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, base.AtName("all"), &all)...)
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, base.AtName("ids"), &ids)...)
		if all.IsUnknown() || ids.IsUnknown() {
			continue
		}
		limited := !all.IsNull() && !all.ValueBool()
		switch {
		case !ids.IsNull() && !limited:
			resp.Diagnostics.AddAttributeError(base.AtName("ids"), "ids needs all = false",
				fmt.Sprintf("permissions.%s.ids limits the key to some objects, which needs permissions.%[1]s.all = false; with all = true (the default) the key reaches every object.", cat))
		case limited && ids.IsNull():
			resp.Diagnostics.AddAttributeError(base.AtName("all"), "all = false needs ids",
				fmt.Sprintf("permissions.%s.all = false limits the key to the ids listed in permissions.%[1]s.ids, which is not set.", cat))
		}
	}
}

// ModifyPlan implements resource.ResourceWithModifyPlan: it refuses at plan
// time a provider without session credentials, checks that a new expiry is
// in the future, and marks the secret unknown when rotation_triggers change.
func (r *APIKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.Clients() != nil && r.sessionClient(&resp.Diagnostics) == nil {
		return // no request was made: the client is built, not used
	}
	if req.Plan.Raw.IsNull() {
		return
	}
	var planExpiry, stateExpiry types.Int64
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("expires_at"), &planExpiry)...)
	creating := req.State.Raw.IsNull()
	if !creating {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("expires_at"), &stateExpiry)...)
	}
	if !planExpiry.IsNull() && !planExpiry.IsUnknown() && (creating || !planExpiry.Equal(stateExpiry)) &&
		planExpiry.ValueInt64() <= time.Now().Unix() {
		resp.Diagnostics.AddAttributeError(path.Root("expires_at"), "expires_at is in the past",
			fmt.Sprintf("expires_at = %d (%s) is not in the future; the API only accepts a future expiry.",
				planExpiry.ValueInt64(), time.Unix(planExpiry.ValueInt64(), 0).UTC().Format(time.RFC3339)))
	}
	if creating {
		return
	}
	var planTriggers, stateTriggers types.Map
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("rotation_triggers"), &planTriggers)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("rotation_triggers"), &stateTriggers)...)
	var stateSecret types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("secret"), &stateSecret)...)
	if rotates(stateTriggers, planTriggers, stateSecret) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("secret"), types.StringUnknown())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("prefix"), types.StringUnknown())...)
	}
}

// rotates reports whether an update rotates the secret: when the triggers
// change, except when an imported key (no secret known, no triggers stored)
// gets its first triggers. Rotating then would break the secret that is in
// use elsewhere, just for adopting the key.
func rotates(stateTriggers, planTriggers types.Map, stateSecret types.String) bool {
	if planTriggers.Equal(stateTriggers) {
		return false
	}
	imported := stateSecret.IsNull() && stateTriggers.IsNull()
	return !imported
}

// keyID reads the key id of the state, or adds an error.
func keyID(state apiKeyModel, diags *diag.Diagnostics) (int64, bool) {
	id, err := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	if err != nil {
		diags.AddError("Invalid id in state", fmt.Sprintf("API key id %q is not a number", state.ID.ValueString()))
		return 0, false
	}
	return id, true
}

// Create implements resource.Resource.
func (r *APIKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[apiKeyModel](ctx, req.Plan, &resp.Diagnostics, r.sessionClient)
	if !ok {
		return
	}
	in := plan.toAPI(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := c.CreateAPIKey(ctx, in)
	if created != nil && created.Key != nil {
		// The key exists from now on: its id goes to state even when the
		// create ended in an error (its secret unknown), so that the
		// resource is tainted and replaced rather than a live key
		// Terraform does not know of.
		plan.fromAPI(*created.Key)
		plan.Secret = types.StringNull()
		if created.Secret != "" {
			plan.Secret = types.StringValue(string(created.Secret))
			plan.Prefix = types.StringValue(string(created.Prefix))
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
	if err != nil {
		summary := fmt.Sprintf("Cannot create the API key %q", plan.Label.ValueString())
		if created != nil && created.Key == nil && created.Prefix != "" {
			err = fmt.Errorf("%w. Revoke the key with prefix %s in the control panel, or import it once it is listed", err, created.Prefix)
		}
		tfutil.AddAPIError(&resp.Diagnostics, summary, err)
	}
}

// Read implements resource.Resource. A revoked or expired key leaves the state.
func (r *APIKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := keyID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	c := r.sessionClient(&resp.Diagnostics)
	if c == nil {
		return
	}
	k, err := c.APIKey(ctx, id)
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the API key %d", id), err)
		return
	}
	if !k.Active(time.Now()) {
		tflog.Info(ctx, "API key is revoked or expired; removing it from the state", map[string]any{"key_id": id, "status": string(k.Status)})
		resp.State.RemoveResource(ctx)
		return
	}
	secret := state.Secret
	state.fromAPI(*k)
	state.Secret = secret
	if s := secret.ValueString(); s != "" && !strings.HasPrefix(s, state.Prefix.ValueString()) {
		resp.Diagnostics.AddWarning("API key rotated outside Terraform",
			fmt.Sprintf("The API key %d now has the prefix %s, so the secret in the state no longer works. Change rotation_triggers to rotate it again and store the new secret.", id, state.Prefix.ValueString()))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource: label and permissions in place, and a
// rotation when rotation_triggers change (expires_at replaces the key).
func (r *APIKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[apiKeyModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.sessionClient)
	if !ok {
		return
	}
	id, ok := keyID(state, &resp.Diagnostics)
	if !ok {
		return
	}

	var upd gigahost.APIKeyUpdate
	if !plan.Label.Equal(state.Label) {
		label := plan.Label.ValueString()
		upd.Label = &label
	}
	planPerms := plan.Permissions.toAPI(ctx, &resp.Diagnostics)
	if statePerms := state.Permissions.toAPI(ctx, &resp.Diagnostics); !planPerms.Equal(statePerms) {
		upd.Permissions = planPerms
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if err := c.UpdateAPIKey(ctx, id, upd); err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot update the API key %d", id), err)
		return
	}

	secret, prefix := state.Secret, state.Prefix
	if rotates(state.RotationTriggers, plan.RotationTriggers, state.Secret) {
		rotated, err := c.RotateAPIKey(ctx, id)
		if err != nil {
			tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot rotate the API key %d", id), err)
			return
		}
		secret, prefix = types.StringValue(string(rotated.Secret)), types.StringValue(string(rotated.Prefix))
		// The old secret no longer works: store the new one before anything else can fail.
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("secret"), secret)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("prefix"), prefix)...)
	}

	k, err := c.APIKey(ctx, id)
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the API key %d after the update", id), err)
		return
	}
	triggers := plan.RotationTriggers
	plan.fromAPI(*k)
	plan.Secret, plan.RotationTriggers = secret, triggers
	if prefix.ValueString() != "" {
		plan.Prefix = prefix
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete implements resource.Resource: it revokes the key.
func (r *APIKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[apiKeyModel](ctx, req.State, &resp.Diagnostics, r.sessionClient)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	if err != nil {
		return // nothing that the API knows
	}
	if err := c.RevokeAPIKey(ctx, id); err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot revoke the API key %d", id), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is the
// key id. The secret cannot be read back and stays null.
func (r *APIKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, ok := tfutil.PositiveID(req.ID); !ok {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("import id %q is not an API key id (a positive number, the key_id)", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}

// labelCharacters refuses the HTML special characters the API refuses.
var labelCharacters = tfutil.StringValidator("must not contain HTML special characters (< > & \" ')",
	func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		if strings.ContainsAny(req.ConfigValue.ValueString(), `<>&"'`) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid label",
				fmt.Sprintf("%s must not contain HTML special characters (< > & \" '), which the API refuses.", req.Path))
		}
	})
