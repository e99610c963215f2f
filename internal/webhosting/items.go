package webhosting

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// What the item resources (forwarders, databases, FTP accounts) share: the
// id <hosting_id>/<name>, the frame of a Read in the account's list, and
// the handling of a create that took effect but was not read back.

// itemID is <hosting_id>/<name>.
func itemID(hostingID int64, name string) string {
	return strconv.FormatInt(hostingID, 10) + "/" + name
}

// parseItemID reads <hosting_id>/<name>; label names the second part in
// errors ("address", "name", "user").
func parseItemID(id, label string) (int64, string, error) {
	parts, err := tfutil.ParseImportID(id, false, "hosting_id", label)
	if err != nil {
		return 0, "", err
	}
	hostingID, ok := tfutil.PositiveID(parts[0])
	if !ok {
		return 0, "", fmt.Errorf("import id %q: hosting_id %q is not a positive number; the form is <hosting_id>/<%s>", id, parts[0], label)
	}
	return hostingID, parts[1], nil
}

// importItem is the ImportState of an item resource: id, hosting_id and the
// item's key attribute from the import id <hosting_id>/<key>, read by parse.
func importItem(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, key string, parse func(string) (int64, string, error)) {
	hostingID, name, err := parse(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), itemID(hostingID, name))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hosting_id"), hostingID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(key), name)...)
}

// parseItemIDOf is parseItemID with its label.
func parseItemIDOf(label string) func(string) (int64, string, error) {
	return func(id string) (int64, string, error) { return parseItemID(id, label) }
}

// loadCreate is providerdata.Load for the Create of a resource with a
// write-only password: the plan, the configuration (the only place of a
// write-only value) and the client. ok is false after an error diagnostic.
func loadCreate[M any](ctx context.Context, req resource.CreateRequest, diags *diag.Diagnostics,
	client func(*diag.Diagnostics) *gigahost.Client) (plan, config M, c *gigahost.Client, ok bool) {
	diags.Append(req.Config.Get(ctx, &config)...)
	plan, c, ok = providerdata.Load[M](ctx, req.Plan, diags, client)
	return plan, config, c, ok
}

// loadUpdate is loadCreate for an Update, with the prior state.
func loadUpdate[M any](ctx context.Context, req resource.UpdateRequest, diags *diag.Diagnostics,
	client func(*diag.Diagnostics) *gigahost.Client) (plan, state, config M, c *gigahost.Client, ok bool) {
	diags.Append(req.Config.Get(ctx, &config)...)
	plan, state, c, ok = providerdata.LoadUpdate[M](ctx, req.Plan, req.State, diags, client)
	return plan, state, config, c, ok
}

// readFound is the end of an item's Read: the item found in its account's
// list (shared by every item of the account in this operation), or the
// resource removed from state when it (or the whole account) is gone, or
// the error. It reports whether the item is there to be read.
func readFound(ctx context.Context, resp *resource.ReadResponse, what string, found bool, err error) bool {
	if client.IsNotFound(err) || (err == nil && !found) {
		resp.State.RemoveResource(ctx)
		return false
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Cannot read the "+what, err)
		return false
	}
	return true
}

// createdButNotRead reports whether a create's error says the item exists
// although it was not read back: then it goes to state (tainted), so that
// the next apply replaces it and destroy deletes it.
func createdButNotRead(err error) bool {
	var notRead *gigahost.ErrCreatedNotRead
	return errors.As(err, &notRead)
}

// createFailed is the end of an item's failed create: when the item exists
// although it was not read back, unread clears what only the read would
// have set and plan goes to state (tainted), so that the next apply
// replaces it and destroy deletes it; then the diagnostic.
func createFailed(ctx context.Context, resp *resource.CreateResponse, what string, err error, plan any, unread func()) {
	tainted := createdButNotRead(err)
	if tainted {
		unread()
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
	addCreateError(&resp.Diagnostics, what, tainted, err)
}

// addCreateError is the diagnostic of a failed create.
func addCreateError(diags *diag.Diagnostics, what string, savedTainted bool, err error) {
	if savedTainted {
		addAPIError(diags, fmt.Sprintf("The %s was created but cannot be read back; it is saved in state as tainted", what), err)
		return
	}
	addAPIError(diags, "Cannot create the "+what, err)
}

// logCreateAgainOf logs each new attempt of a create whose answer was lost.
func logCreateAgainOf(hostingID int64, what, name string) func(ctx context.Context, attempt int, err error) {
	return func(ctx context.Context, attempt int, err error) {
		tflog.Debug(ctx, "Create: answer lost and nothing new is in the account's list; creating again", map[string]any{
			"hosting_id": hostingID, "what": what, "name": name, "attempt": attempt, "error": err.Error(),
		})
	}
}
