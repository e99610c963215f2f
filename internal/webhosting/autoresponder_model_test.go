package webhosting

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestAutoresponderAndDKIMSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewAutoresponderResource(), autoresponderModel{})
	parity.AssertResource(t, NewDKIMResource(), dkimModel{})
	parity.AssertListItems(t, NewHostingsDataSource(), "accounts", hostingEntryModel{})
}

func TestAutoresponderModelConversions(t *testing.T) {
	m := autoresponderModel{Email: types.StringValue("info"), Subject: types.StringValue("Away"), Text: types.StringUnknown(),
		CC: types.BoolValue(true), ReplyOnceTime: types.StringNull()}
	in := m.toAPI()
	if in.User != "info" || in.Subject == nil || *in.Subject != "Away" || in.Text != nil || in.CC == nil || *in.CC != "ON" || in.ReplyOnceTime != nil {
		t.Errorf("toAPI: %+v", in)
	}
	// An answer without subject keeps the configured one; an unknown text
	// the answer does not show is null, never "".
	period := "2d"
	m.fromAPI(1234, gigahost.Autoresponder{Address: "info@example.no", ReplyOnceTime: &period})
	if m.ID.ValueString() != "1234/info@example.no" || m.Subject.ValueString() != "Away" || !m.Text.IsNull() ||
		!m.CC.ValueBool() || m.ReplyOnceTime.ValueString() != "2d" || m.Email.ValueString() != "info" {
		t.Errorf("fromAPI: %+v", m)
	}
}

func TestDKIMModelConversions(t *testing.T) {
	var m dkimModel
	m.fromAPI(1234, gigahost.HostingDKIM{Enabled: true, PublicKey: "MIIB"})
	if m.ID.ValueString() != "1234" || m.PublicKey.ValueString() != "MIIB" || !m.DNSRecordName.IsNull() || !m.DNSRecordValue.IsNull() {
		t.Errorf("fromAPI: %+v", m)
	}
}
