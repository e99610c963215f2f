package tfutil

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ValidRegex checks at plan time that a string is a valid RE2 expression.
func ValidRegex() validator.String { return regexValidator }

var regexValidator = StringValidator("must be a valid regular expression (RE2 syntax)",
	func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
				fmt.Sprintf("%s is not a valid regular expression: %s", req.Path, err))
		}
	})

// ConfigRegex compiles an optional regular-expression filter from a data
// source's configuration: nil when unset or empty (everything matches). The
// value was checked at plan time by ValidRegex; should it still not compile,
// an error on the attribute is added and ok is false.
func ConfigRegex(v types.String, attr path.Path, diags *diag.Diagnostics) (re *regexp.Regexp, ok bool) {
	if v.ValueString() == "" {
		return nil, true
	}
	re, err := regexp.Compile(v.ValueString())
	if err != nil {
		diags.AddAttributeError(attr, "Invalid regular expression", fmt.Sprintf("%s is not a valid regular expression: %s", attr, err))
		return nil, false
	}
	return re, true
}
