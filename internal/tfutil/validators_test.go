package tfutil

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestConfigRegex(t *testing.T) {
	for _, v := range []types.String{types.StringNull(), types.StringValue("")} {
		var diags diag.Diagnostics
		if re, ok := ConfigRegex(v, path.Root("name_regex"), &diags); re != nil || !ok || diags.HasError() {
			t.Errorf("%v: re %v ok %v diags %v, want no filter", v, re, ok, diags)
		}
	}
	var diags diag.Diagnostics
	if re, ok := ConfigRegex(types.StringValue("^web-[0-9]+$"), path.Root("name_regex"), &diags); !ok || !re.MatchString("web-12") || re.MatchString("db-1") {
		t.Errorf("valid expression: re %v ok %v diags %v", re, ok, diags)
	}
	if _, ok := ConfigRegex(types.StringValue("(unclosed"), path.Root("name_regex"), &diags); ok || !diags.HasError() ||
		diags[0].Summary() != "Invalid regular expression" {
		t.Errorf("invalid expression: ok %v diags %v", ok, diags)
	}
}
