package webhosting

import (
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// ftpModel is the gigahost_webhosting_ftp_account resource's data.
type ftpModel struct {
	ID                types.String `tfsdk:"id"`
	HostingID         types.Int64  `tfsdk:"hosting_id"`
	Username          types.String `tfsdk:"username"`
	Login             types.String `tfsdk:"login"`
	Path              types.String `tfsdk:"path"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// ftpUserPattern: lower-case letters, digits and . _ -, starting with a
// letter or digit, at most 32 characters (the docs give no rule; this is
// what FTP servers' system users take everywhere).
var ftpUserPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

// ftpPathPattern: a folder below the website root, as names of letters,
// digits and . _ - not starting with a dot (so never . or ..), separated by
// /, without a leading /.
var ftpPathPattern = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$`)

func (m ftpModel) passwords() passwords {
	return passwords{Password: m.Password, PasswordWO: m.PasswordWO, Version: m.PasswordWOVersion}
}

// webRoot is the website root in an absolute path, as hosting control
// panels lay accounts out (/home/<user>/domains/<domain>/public_html).
const webRoot = "/public_html"

// fromAPI sets what the list shows. username keeps its configured (or
// imported) form; login is the name as listed. The path is read when the
// list shows it relative to the website root, or absolute below a
// public_html folder; otherwise the configured or stored value is kept.
func (m *ftpModel) fromAPI(hostingID int64, a gigahost.FTPAccount) {
	m.HostingID = types.Int64Value(hostingID)
	if m.Username.IsNull() || m.Username.IsUnknown() {
		local, _, _ := strings.Cut(a.User, "@")
		m.Username = types.StringValue(strings.ToLower(local))
	}
	if m.ID.IsNull() || m.ID.IsUnknown() {
		m.ID = types.StringValue(itemID(hostingID, m.Username.ValueString()))
	}
	m.Login = types.StringValue(a.User)
	m.PasswordWO = types.StringNull()
	if m.Path.IsUnknown() {
		m.Path = types.StringNull()
	}
	if rel, ok := relativePath(a); ok {
		if rel == "" {
			m.Path = types.StringNull()
		} else if rel != strings.Trim(m.Path.ValueString(), "/") {
			m.Path = types.StringValue(rel)
		}
	}
}

// relativePath is the listed folder relative to the website root; ok is
// false when the list does not show it in a form that can be read so.
func relativePath(a gigahost.FTPAccount) (string, bool) {
	if !a.PathKnown {
		return "", false
	}
	p := strings.TrimSpace(a.Path)
	if !strings.HasPrefix(p, "/") {
		return strings.Trim(p, "/"), true
	}
	i := strings.Index(p+"/", webRoot+"/")
	if i < 0 {
		return "", false
	}
	return strings.Trim(p[i+len(webRoot):], "/"), true
}

// toAPI is the creation body.
func (m ftpModel) toAPI(password string) gigahost.FTPAccountInput {
	return gigahost.FTPAccountInput{Username: m.Username.ValueString(), Password: password, Path: m.Path.ValueString()}
}
