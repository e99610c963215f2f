package tfutil

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// described gives a validator or plan modifier its two descriptions.
type described string

func (d described) Description(context.Context) string { return string(d) }

func (d described) MarkdownDescription(context.Context) string { return string(d) }

type stringValidator struct {
	described
	check func(context.Context, validator.StringRequest, *validator.StringResponse)
}

func (v stringValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	v.check(ctx, req, resp)
}

// StringValidator is the validator.String that check is; description says
// what it requires.
func StringValidator(description string, check func(context.Context, validator.StringRequest, *validator.StringResponse)) validator.String {
	return stringValidator{described(description), check}
}

type stringPlanModifier struct {
	described
	modify func(context.Context, planmodifier.StringRequest, *planmodifier.StringResponse)
}

func (m stringPlanModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	m.modify(ctx, req, resp)
}

// StringPlanModifier is the planmodifier.String that modify is; description
// says what it plans.
func StringPlanModifier(description string, modify func(context.Context, planmodifier.StringRequest, *planmodifier.StringResponse)) planmodifier.String {
	return stringPlanModifier{described(description), modify}
}

type int64PlanModifier struct {
	described
	modify func(context.Context, planmodifier.Int64Request, *planmodifier.Int64Response)
}

func (m int64PlanModifier) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	m.modify(ctx, req, resp)
}

// Int64PlanModifier is the planmodifier.Int64 that modify is; description
// says what it plans.
func Int64PlanModifier(description string, modify func(context.Context, planmodifier.Int64Request, *planmodifier.Int64Response)) planmodifier.Int64 {
	return int64PlanModifier{described(description), modify}
}
