package webhosting

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// autoresponderModel is the gigahost_webhosting_autoresponder resource's data.
type autoresponderModel struct {
	ID            types.String `tfsdk:"id"`
	HostingID     types.Int64  `tfsdk:"hosting_id"`
	Email         types.String `tfsdk:"email"`
	Address       types.String `tfsdk:"address"`
	Subject       types.String `tfsdk:"subject"`
	Text          types.String `tfsdk:"text"`
	CC            types.Bool   `tfsdk:"cc"`
	ReplyOnceTime types.String `tfsdk:"reply_once_time"`
}

// replyOnceTimePattern is a period such as the docs' "2d": a number (1 to
// 9999) and a unit, m (minutes), h (hours), d (days) or w (weeks).
var replyOnceTimePattern = regexp.MustCompile(`^[1-9][0-9]{0,3}[mhdw]$`)

// toAPI is the body of the create and the update: the configured values;
// unknown ones (unset, never read) are left out.
func (m autoresponderModel) toAPI() gigahost.AutoresponderInput {
	in := gigahost.AutoresponderInput{User: m.Email.ValueString()}
	known := func(v types.String) *string {
		if v.IsNull() || v.IsUnknown() {
			return nil
		}
		s := v.ValueString()
		return &s
	}
	in.Subject, in.Text, in.ReplyOnceTime = known(m.Subject), known(m.Text), known(m.ReplyOnceTime)
	if !m.CC.IsNull() && !m.CC.IsUnknown() {
		in.CC = gigahost.CCFlag(m.CC.ValueBool())
	}
	return in
}

// fromAPI sets what the API reports; a field the answer does not carry
// keeps its configured or stored value (null when neither is known).
func (m *autoresponderModel) fromAPI(hostingID int64, ar gigahost.Autoresponder) {
	m.HostingID = types.Int64Value(hostingID)
	m.ID = types.StringValue(emailID(hostingID, ar.Address))
	m.Address = types.StringValue(ar.Address)
	m.Email = types.StringValue(gigahost.Mailbox{Address: ar.Address}.LocalPart())
	m.Subject = stringOrPrior(ar.Subject, m.Subject)
	m.Text = stringOrPrior(ar.Text, m.Text)
	m.ReplyOnceTime = stringOrPrior(ar.ReplyOnceTime, m.ReplyOnceTime)
	switch {
	case ar.CC != nil:
		m.CC = types.BoolValue(*ar.CC)
	case m.CC.IsUnknown():
		m.CC = types.BoolNull()
	}
}

// stringOrPrior is the API's value, else the prior one (null when unknown).
func stringOrPrior(v *string, prior types.String) types.String {
	switch {
	case v != nil:
		return types.StringValue(*v)
	case prior.IsUnknown():
		return types.StringNull()
	}
	return prior
}
