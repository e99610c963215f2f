package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// swapDiskModifier plans swap_disk_size. Unset in the configuration, it
// keeps the state's value, null included, so that a size the API does not
// show never plans a change. Set, it replaces the VM only when the state
// knows another size: a size recorded from the configuration after an
// import (state null) is adopted in place.
type swapDiskModifier struct{}

var _ planmodifier.Int64 = swapDiskModifier{}

func (swapDiskModifier) Description(context.Context) string {
	return "Keeps the known swap size when unset; replaces the VM when a known size changes."
}

func (m swapDiskModifier) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (swapDiskModifier) PlanModifyInt64(_ context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
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
}
