package parity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type innerModel struct {
	Mode types.String `tfsdk:"mode"`
	Gone types.String `tfsdk:"gone"`
}

type outerModel struct {
	ID     types.String `tfsdk:"id"`
	One    *innerModel  `tfsdk:"one"`
	Many   []innerModel `tfsdk:"many"`
	Opaque types.Object `tfsdk:"opaque"`
	Extra  types.String `tfsdk:"extra"`
}

func TestProblemsNestedAndFlat(t *testing.T) {
	inner := types.ObjectType{AttrTypes: map[string]attr.Type{"mode": types.StringType, "all": types.BoolType}}
	attrs := map[string]attr.Type{
		"id":       types.StringType,
		"one":      inner,
		"many":     types.ListType{ElemType: inner},
		"opaque":   inner, // a framework value: its contents are not checked
		"timeouts": nil,   // a block without a field
	}
	got := strings.Join(problems("outer", attrs, reflect.TypeOf(outerModel{})), "\n")
	for _, want := range []string{
		"outer: schema attributes without a model field [timeouts]; model fields without a schema attribute [extra]",
		"outer.one: schema attributes without a model field [all]; model fields without a schema attribute [gone]",
		"outer.many: schema attributes without a model field [all]; model fields without a schema attribute [gone]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems missing %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "opaque") {
		t.Errorf("a types.Object field was checked: %s", got)
	}
	if p := problems("x", map[string]attr.Type{"mode": types.StringType, "gone": types.StringType}, reflect.TypeOf(innerModel{})); len(p) != 0 {
		t.Errorf("agreeing schema and model reported: %v", p)
	}
}
