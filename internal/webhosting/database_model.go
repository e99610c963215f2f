package webhosting

import (
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// databaseModel is the gigahost_webhosting_database resource's data.
type databaseModel struct {
	ID                types.String `tfsdk:"id"`
	HostingID         types.Int64  `tfsdk:"hosting_id"`
	Name              types.String `tfsdk:"name"`
	FullName          types.String `tfsdk:"full_name"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// databaseNamePattern: lower-case letters, digits and _, starting with a
// letter, at most 48 characters, so that with the account user's prefix
// (user_) the name stays within MySQL's 64. Lower case only, because MySQL
// names on Linux are case-sensitive and a capital invites a second database.
var databaseNamePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,47}$`)

func (m databaseModel) passwords() passwords {
	return passwords{Password: m.Password, PasswordWO: m.PasswordWO, Version: m.PasswordWOVersion}
}

// fromAPI sets what the list shows. name keeps its configured (or
// imported) form; full_name is the name as listed.
func (m *databaseModel) fromAPI(hostingID int64, d gigahost.Database) {
	m.HostingID = types.Int64Value(hostingID)
	if m.Name.IsNull() || m.Name.IsUnknown() {
		m.Name = types.StringValue(d.Name)
	}
	if m.ID.IsNull() || m.ID.IsUnknown() {
		m.ID = types.StringValue(itemID(hostingID, m.Name.ValueString()))
	}
	m.FullName = types.StringValue(d.Name)
	m.PasswordWO = types.StringNull()
}

// sameDatabaseName reports whether the configured name denotes the
// database listed as fullName: the same name, or fullName is <user>_<name>
// (a user name holds no _).
func sameDatabaseName(fullName, name string) bool {
	if strings.EqualFold(fullName, name) {
		return true
	}
	_, rest, ok := strings.Cut(fullName, "_")
	return ok && strings.EqualFold(rest, name)
}
