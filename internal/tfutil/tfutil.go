// Package tfutil holds the small pieces every resource needs the same way:
// API errors as diagnostics, typed import ids, and provider data.
package tfutil

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// AddAPIError adds err as an error diagnostic. An API error is shown with its
// HTTP status and the API's own message, so users can search for it.
func AddAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		msg := apiErr.Message
		if msg == "" {
			msg = "(no message)"
		}
		answer := fmt.Sprintf("The API answered HTTP %d to %s %s: %s", apiErr.Status, apiErr.Method, apiErr.Path, msg)
		// Keep what the error was wrapped in ("listing the VMs to learn
		// whether the create took effect failed: ..."): it says which step
		// of an operation met the answer.
		if full := err.Error(); full != apiErr.Error() && strings.Contains(full, apiErr.Error()) {
			answer = strings.Replace(full, apiErr.Error(), answer, 1)
		}
		diags.AddError(summary, answer)
		return
	}
	diags.AddError(summary, err.Error())
}

// AddAPIErrorHint is AddAPIError with hint added to the detail when the API
// refused the request with 403, which with an API key means its permissions.
func AddAPIErrorHint(diags *diag.Diagnostics, summary string, err error, hint string) {
	var d diag.Diagnostics
	AddAPIError(&d, summary, err)
	detail := d[0].Detail()
	if client.IsStatus(err, http.StatusForbidden) {
		detail += "\n\n" + hint
	}
	diags.AddError(summary, detail)
}

// ParseImportID splits an import id of the form a/b/... into exactly the
// named parts. When last is true the final part takes the rest of the id,
// slashes included. The error shows the expected form.
func ParseImportID(id string, last bool, names ...string) ([]string, error) {
	n := len(names)
	var parts []string
	if last {
		parts = strings.SplitN(id, "/", n)
	} else {
		parts = strings.Split(id, "/")
	}
	ok := len(parts) == n
	for _, p := range parts {
		if p == "" {
			ok = false
		}
	}
	if !ok {
		return nil, fmt.Errorf("import id %q is not of the form <%s>", id, strings.Join(names, ">/<"))
	}
	return parts, nil
}

// PositiveID reads an id of an import id: digits only (strconv.ParseInt
// also takes a sign, and "+1/shop" became the id "1/shop": FuzzImportIDs),
// above zero.
func PositiveID(s string) (int64, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}
