package providerdata

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestListFilterCompile(t *testing.T) {
	field := func(s string) string { return s }
	for _, c := range []struct {
		match      Match
		value      types.String
		keep, drop []string
	}{
		{MatchExact, types.StringNull(), []string{"", "a"}, nil},
		{MatchExact, types.StringValue("web"), []string{"web"}, []string{"Web", "web-1"}},
		{MatchFold, types.StringValue("Linux"), []string{"linux", "LINUX"}, []string{"linux2"}},
		{MatchRegex, types.StringValue(""), []string{"", "a"}, nil},
		{MatchRegex, types.StringValue("^web-[0-9]+$"), []string{"web-12"}, []string{"db-1", "web-"}},
	} {
		var diags diag.Diagnostics
		keep := ListFilter[string]{Attribute: "f", Match: c.match, Field: field}.compile(c.value, &diags)
		if diags.HasError() {
			t.Fatalf("%v %v: %v", c.match, c.value, diags)
		}
		for _, s := range c.keep {
			if keep != nil && !keep(s) {
				t.Errorf("%v %v drops %q", c.match, c.value, s)
			}
		}
		for _, s := range c.drop {
			if keep == nil || keep(s) {
				t.Errorf("%v %v keeps %q", c.match, c.value, s)
			}
		}
	}
	var diags diag.Diagnostics
	if keep := (ListFilter[string]{Attribute: "f", Match: MatchRegex, Field: field}).compile(types.StringValue("("), &diags); keep != nil ||
		!diags.HasError() || diags[0].Summary() != "Invalid regular expression" {
		t.Errorf("bad regex: keep %v, diags %v", keep != nil, diags)
	}
}
