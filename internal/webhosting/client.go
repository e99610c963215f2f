package webhosting

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// permissionHint explains a 403, which with an API key means its permissions.
const permissionHint = "The Gigahost credentials in use may not do this. With an API key, check its permissions: " +
	"the webhosting category must be present, with mode \"rw\" to change anything (\"r\" only reads), " +
	"and with all = false the hosting account's id must be in ids."

// addAPIError is tfutil.AddAPIError with the permission hint on a 403.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	tfutil.AddAPIErrorHint(diags, summary, err, permissionHint)
}
