package webhosting

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// emailModel is the gigahost_webhosting_email resource's data.
type emailModel struct {
	ID                types.String `tfsdk:"id"`
	HostingID         types.Int64  `tfsdk:"hosting_id"`
	Email             types.String `tfsdk:"email"`
	Address           types.String `tfsdk:"address"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	Quota             types.Int64  `tfsdk:"quota"`
}

// Password rules. The docs give none for mailboxes; these are the strictest
// minimum they give elsewhere (sub-client passwords, 6 characters) and a
// generous maximum, and the mock enforces the same.
const (
	minPasswordLength = 6
	maxPasswordLength = 128
)

// localPartPattern is the accepted part before the @: lower-case letters,
// digits and . _ + -, starting and ending with a letter or digit, at most 64
// characters (the mail standard's limit). Lower case only, because the API
// stores addresses in lower case and a capital would be a perpetual diff.
var localPartPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?$`)

// localPartProblem says why an e-mail local part is refused, or "".
func localPartProblem(local string) string {
	switch {
	case !localPartPattern.MatchString(local):
		return "must be 1 to 64 characters of lower-case letters, digits and . _ + -, starting and ending with a letter or digit"
	case strings.Contains(local, ".."):
		return "must not contain two dots in a row"
	}
	return ""
}

// emailID is the resource id: <hosting_id>/<address>.
func emailID(hostingID int64, address string) string { return itemID(hostingID, address) }

// parseEmailID reads <hosting_id>/<address>.
func parseEmailID(id string) (int64, string, error) {
	hostingID, address, err := parseItemID(id, "address")
	if err != nil {
		return 0, "", err
	}
	local, domain, ok := strings.Cut(address, "@")
	if !ok || local == "" || domain == "" {
		return 0, "", fmt.Errorf("import id %q: %q is not a full e-mail address (local@domain); the form is <hosting_id>/<address>", id, address)
	}
	return hostingID, strings.ToLower(address), nil
}

// fromAPI sets what the API reports. The passwords are never read back, so
// they keep their planned or stored values; so does the quota when the list
// does not show it.
func (m *emailModel) fromAPI(hostingID int64, mb gigahost.Mailbox) {
	m.HostingID = types.Int64Value(hostingID)
	m.ID = types.StringValue(emailID(hostingID, mb.Address))
	m.Address = types.StringValue(mb.Address)
	m.Email = types.StringValue(mb.LocalPart())
	if mb.QuotaKnown {
		m.Quota = types.Int64Value(mb.Quota)
	} else if m.Quota.IsUnknown() {
		// The list shows no quota: keep the configured or stored value.
		m.Quota = types.Int64Null()
	}
}

// toAPI is the creation body; password is the one of the two forms in use.
func (m emailModel) toAPI(password string) gigahost.MailboxInput {
	in := gigahost.MailboxInput{Email: m.Email.ValueString(), Password: password}
	if !m.Quota.IsNull() && !m.Quota.IsUnknown() {
		q := m.Quota.ValueInt64()
		in.Quota = &q
	}
	return in
}

func (m emailModel) passwords() passwords {
	return passwords{Password: m.Password, PasswordWO: m.PasswordWO, Version: m.PasswordWOVersion}
}
