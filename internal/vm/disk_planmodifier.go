package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// swapDiskModifier plans swap_disk_size. Unset in the configuration, it
// keeps the state's value, null included, so that a size the API does not
// show never plans a change. Set, it replaces the VM only when the state
// knows another size: a size recorded from the configuration after an
// import (state null) is adopted in place.
var swapDiskModifier = tfutil.Int64PlanModifier("Keeps the known swap size when unset; replaces the VM when a known size changes.",
	func(_ context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
		if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
			return // create or destroy
		}
		if req.ConfigValue.IsNull() {
			resp.PlanValue = req.StateValue
			return
		}
		if !req.ConfigValue.IsUnknown() && !req.StateValue.IsNull() && !req.StateValue.Equal(req.ConfigValue) {
			resp.RequiresReplace = true
		}
	})
