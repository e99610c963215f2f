package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// initialPasswordModifier plans initial_root_password, which the API never
// returns: unset in the configuration means no diff (the state's value, or
// null, is kept); after an import the state holds null, and adding the
// password to the configuration is recorded without rebuilding the VM; only
// a change from one known password to another replaces the VM, since the
// password is set at build time only.
var initialPasswordModifier = tfutil.StringPlanModifier("unset means no change; a new password replaces the VM, except after an import, when it is only recorded",
	func(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		if req.State.Raw.IsNull() {
			// Create: an unset password is null, not unknown.
			if req.ConfigValue.IsNull() {
				resp.PlanValue = types.StringNull()
			}
			return
		}
		if req.ConfigValue.IsNull() {
			resp.PlanValue = req.StateValue
			return
		}
		if !req.StateValue.IsNull() && !req.ConfigValue.IsUnknown() && !req.StateValue.Equal(req.ConfigValue) {
			resp.RequiresReplace = true
		}
	})
