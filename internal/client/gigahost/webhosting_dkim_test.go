package gigahost

import (
	"encoding/json"
	"testing"
)

// The docs show no answer of GET /webhosting/{id}/email-dkim: each form of
// the mock's gigahost.dkim-object (and the flag alone) is read, and a flag
// that is neither on nor off is an error, never "off".
func TestHostingDKIMForms(t *testing.T) {
	for raw, want := range map[string]HostingDKIM{
		`{"enabled": true}`:               {Enabled: true},
		`{"enabled": false}`:              {},
		`true`:                            {Enabled: true},
		`"0"`:                             {},
		`{"dkim": {"status": "on"}}`:      {Enabled: true},
		`{"dkim": {"status": "off"}}`:     {},
		`{"dkim": "1"}`:                   {Enabled: true},
		`[{"enabled": 1}]`:                {Enabled: true},
		`{"dkim_enabled": "0"}`:           {},
		`{"data": {"active": "enabled"}}`: {Enabled: true},
		`{"dkim_enabled": "1", "public_key": "MIIB", "record_name": "x._domainkey.example.no", "record_value": "v=DKIM1; k=rsa; p=MIIB"}`: {
			Enabled: true, PublicKey: "MIIB", RecordName: "x._domainkey.example.no", RecordValue: "v=DKIM1; k=rsa; p=MIIB"},
	} {
		got, err := decodeHostingDKIM(json.RawMessage(raw))
		if err != nil || got != want {
			t.Errorf("%s: got %+v, %v; want %+v", raw, got, err, want)
		}
	}
	for _, bad := range []string{`[]`, `{}`, `null`, `{"enabled": "maybe"}`, `{"message": "ok"}`, `{"enabled": true, "public_key": {"p": 1}}`} {
		if got, err := decodeHostingDKIM(json.RawMessage(bad)); err == nil {
			t.Errorf("%s: read as %+v, want an error", bad, got)
		}
	}
}

// The docs show no answer of GET /webhosting/{id}/autoresponders/{email}:
// each form is read, a field not shown is nil (the resource keeps its prior
// value), and an unknown cc is an error.
func TestAutoresponderForms(t *testing.T) {
	const addr = "info@example.no"
	str := func(s string) *string { return &s }
	on, off := true, false
	for raw, want := range map[string]Autoresponder{
		`{"email": "info@example.no", "subject": "Away", "text": "Back Monday.", "cc": "OFF", "reply_once_time": "2d"}`: {
			Address: addr, Subject: str("Away"), Text: str("Back Monday."), CC: &off, ReplyOnceTime: str("2d")},
		`{"autoresponder": [{"email": "info", "subject": "Away", "text": "x", "cc": "ON", "reply_once_time": "1w"}]}`: {
			Address: addr, Subject: str("Away"), Text: str("x"), CC: &on, ReplyOnceTime: str("1w")},
		`{"text": "Back Monday.", "cc": false}`:                             {Address: addr, Text: str("Back Monday."), CC: &off},
		`{"user": "info", "domain": "example.no", "message": "m", "cc": 1}`: {Address: addr, Text: str("m"), CC: &on},
	} {
		got, err := decodeAutoresponder(json.RawMessage(raw), addr)
		if err != nil || got.Address != want.Address || !samePtr(got.Subject, want.Subject) || !samePtr(got.Text, want.Text) ||
			!samePtr(got.CC, want.CC) || !samePtr(got.ReplyOnceTime, want.ReplyOnceTime) {
			t.Errorf("%s: got %+v, %v", raw, got, err)
		}
	}
	for _, bad := range []string{`[]`, `{"message_id": 3}`, `{"text": "x", "cc": "maybe"}`, `[{"text": "a"}, {"text": "b"}]`} {
		if got, err := decodeAutoresponder(json.RawMessage(bad), addr); err == nil {
			t.Errorf("%s: read as %+v, want an error", bad, got)
		}
	}
}

func samePtr[T comparable](a, b *T) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
