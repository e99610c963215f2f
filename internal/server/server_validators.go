package server

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// imageValidator checks at plan time that exactly one image is chosen:
// os_id, iso_id or rescue = true, as the API requires.
type imageValidator struct{}

var _ resource.ConfigValidator = imageValidator{}

func (imageValidator) Description(context.Context) string {
	return "exactly one of os_id, iso_id and rescue = true must be set"
}

func (v imageValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (imageValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var osID, isoID types.Int64
	var rescue types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("os_id"), &osID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("iso_id"), &isoID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("rescue"), &rescue)...)
	if resp.Diagnostics.HasError() || osID.IsUnknown() || isoID.IsUnknown() || rescue.IsUnknown() {
		return
	}
	n := 0
	if !osID.IsNull() {
		n++
	}
	if !isoID.IsNull() {
		n++
	}
	if rescue.ValueBool() {
		n++
	}
	if n != 1 {
		resp.Diagnostics.AddAttributeError(path.Root("os_id"), "Choose exactly one image",
			"Exactly one of os_id, iso_id and rescue = true must be set: the server installs an operating system, boots an uploaded ISO, or starts in rescue mode.")
	}
}

// The deploy-time arguments the API cannot report back (hostname,
// ssh_key_ids, iso_id, rescue, price_id) replace the server whenever they
// change, null to a value and a value to null included: the server keeps
// what it was deployed with, so keeping it under another value would make
// the state claim keys or a host name the server does not have. The framework
// calls these functions only when the planned value differs from the state.
//
// The exception is a server imported and not yet updated by Terraform: the
// API cannot report these values, so the state holds nulls or guesses (the
// hostname is taken from the server's name, which may have been changed
// since), and the configured value is adopted in place by the first update.
// Replacing would cancel a billed server that Terraform has just been asked
// to manage.

// importedKey marks, in private state, a server imported and not yet updated
// by Terraform.
const importedKey = "imported"

// importedPrivate is what ImportState stores under importedKey.
var importedPrivate = []byte(`true`)

// replaceDescription describes the deploy-time arguments' plan modifiers.
const replaceDescription = "Replaces the server when the value changes (set, changed or removed), except on the first update after an import, which adopts the configured value."

type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

func imported(ctx context.Context, p privateGetter) bool {
	if p == nil || reflect.ValueOf(p).IsNil() {
		return false
	}
	v, _ := p.GetKey(ctx, importedKey)
	return len(v) > 0
}

func replaceDeployInt64() planmodifier.Int64 {
	return int64planmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !imported(ctx, req.Private)
	}, replaceDescription, replaceDescription)
}

func replaceDeployString() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !imported(ctx, req.Private)
	}, replaceDescription, replaceDescription)
}

// replaceDeployBool replaces on a change of rescue; null and false both mean
// "not in rescue mode", so a change between them is no change of the server
// and is recorded in place.
func replaceDeployBool() planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
		if req.PlanValue.IsUnknown() || req.StateValue.IsUnknown() {
			resp.RequiresReplace = !imported(ctx, req.Private)
			return
		}
		resp.RequiresReplace = req.PlanValue.ValueBool() != req.StateValue.ValueBool() && !imported(ctx, req.Private)
	}, replaceDescription, replaceDescription)
}

// replaceDeploySet replaces on a change of ssh_key_ids; null and an empty set
// both mean "no keys", so a change between them is recorded in place.
func replaceDeploySet() planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
		noKeys := func(v types.Set) bool { return v.IsNull() || (!v.IsUnknown() && len(v.Elements()) == 0) }
		if noKeys(req.PlanValue) && noKeys(req.StateValue) {
			return
		}
		resp.RequiresReplace = !imported(ctx, req.Private)
	}, replaceDescription, replaceDescription)
}

// replaceUnlessBothSet replaces the server when os_id is set or removed (a
// switch to or from an ISO or rescue); a change from one OS to another is a
// reinstall in place.
func replaceUnlessBothSet() planmodifier.Int64 {
	return int64planmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = req.StateValue.IsNull() || req.PlanValue.IsNull()
	}, "Replaces the server when os_id is added or removed; a change between two operating systems reinstalls in place.",
		"Replaces the server when `os_id` is added or removed; a change between two operating systems reinstalls in place.")
}
