package tfutil

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// WithTimeout bounds ctx by the timeouts block's value for one operation,
// given as its method value (plan.Timeouts.Create, state.Timeouts.Delete,
// ...), or def when the block does not set it. ok is false, with the
// diagnostics added, when the block's value cannot be read.
func WithTimeout(ctx context.Context, timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics,
) (_ context.Context, _ context.CancelFunc, ok bool) {
	d, errs := timeout(ctx, def)
	diags.Append(errs...)
	if errs.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, true
}
