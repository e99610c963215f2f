package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DKIM signing of a hosting account: GET and PUT /webhosting/{id}/email-dkim.
// The docs say only that GET "returns whether DKIM email signing is
// enabled" and that PUT takes enable (boolean); "when the domain uses our
// DNS, the matching DNS record is updated automatically". They show no
// answer: the flag is read under each plausible name and in each boolean
// form, and the public key and DNS record, which no source shows, are read
// when present and are null otherwise.

// HostingDKIM is what GET /webhosting/{id}/email-dkim says.
type HostingDKIM struct {
	Enabled bool
	// PublicKey, RecordName and RecordValue are "" when the answer does not
	// carry them.
	PublicKey   string
	RecordName  string
	RecordValue string
}

var (
	dkimEnabledKeys     = []string{"enabled", "dkim_enabled", "dkim", "active", "status"}
	dkimPublicKeyKeys   = []string{"public_key", "publickey", "dkim_key", "key"}
	dkimRecordNameKeys  = []string{"record_name", "dns_name", "selector_name", "host"}
	dkimRecordValueKeys = []string{"record_value", "dns_value", "record", "txt"}
)

// decodeHostingDKIM reads the data of GET /webhosting/{id}/email-dkim: an
// object (bare or under one wrapper) with the flag, or the flag alone.
func decodeHostingDKIM(raw json.RawMessage) (HostingDKIM, error) {
	if flag, ok := dkimFlag(raw); ok {
		return HostingDKIM{Enabled: flag}, nil
	}
	obj, err := oneObject(raw, dkimEnabledKeys...)
	if err != nil {
		return HostingDKIM{}, err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(obj, &members); err != nil {
		return HostingDKIM{}, err
	}
	v, _ := firstMember(members, dkimEnabledKeys)
	if strings.HasPrefix(strings.TrimSpace(string(v)), "{") && len(members) == 1 {
		return decodeHostingDKIM(v) // a wrapper named like the flag: {"dkim": {...}}
	}
	flag, ok := dkimFlag(v)
	if !ok {
		return HostingDKIM{}, fmt.Errorf("the DKIM flag %s is neither on nor off", abbreviate(v))
	}
	out := HostingDKIM{Enabled: flag}
	for _, f := range []struct {
		keys []string
		to   *string
	}{{dkimPublicKeyKeys, &out.PublicKey}, {dkimRecordNameKeys, &out.RecordName}, {dkimRecordValueKeys, &out.RecordValue}} {
		if v, ok := firstMember(members, f.keys); ok {
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return HostingDKIM{}, fmt.Errorf("%s: not a string: %s", f.keys[0], abbreviate(v))
			}
			*f.to = strings.TrimSpace(s)
		}
	}
	return out, nil
}

// dkimFlag reads an on/off value: a boolean in any form (field notes: true,
// "1", 1), or on/off, enabled/disabled.
func dkimFlag(raw json.RawMessage) (on, ok bool) {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(string(raw)), `"`)) {
	case "true", "1", "yes", "on", "enabled", "active":
		return true, true
	case "false", "0", "no", "off", "disabled", "inactive":
		return false, true
	}
	return false, false
}

// HostingDKIM reads the DKIM setting of a hosting account. A missing account
// is the API's 404 error.
func (c *Client) HostingDKIM(ctx context.Context, hostingID int64) (HostingDKIM, error) {
	path := fmt.Sprintf("/webhosting/%d/email-dkim", hostingID)
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return HostingDKIM{}, err
	}
	d, err := decodeHostingDKIM(raw)
	if err != nil {
		return HostingDKIM{}, fmt.Errorf("GET %s: %w", path, err)
	}
	return d, nil
}

// SetDKIM turns DKIM signing on or off (PUT, idempotent: sent again safely)
// under the account's write lock, and verifies it by reading the setting
// back: a setting that did not change is an error, whatever the PUT
// answered. It returns the setting read back. Turning it off on an account
// already gone is no error.
func (c *Client) SetDKIM(ctx context.Context, hostingID int64, enable bool) (HostingDKIM, error) {
	path := fmt.Sprintf("/webhosting/%d/email-dkim", hostingID)
	a := c.mailAccount(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	if err := c.do(ctx, http.MethodPut, path, nil, map[string]any{"enable": enable}, nil); err != nil {
		if !enable && client.IsNotFound(err) {
			return HostingDKIM{}, nil
		}
		return HostingDKIM{}, err
	}
	d, err := c.HostingDKIM(ctx, hostingID)
	switch {
	case !enable && client.IsNotFound(err):
		return HostingDKIM{}, nil
	case err != nil:
		return HostingDKIM{}, fmt.Errorf("PUT %s was answered, but reading the setting back failed: %w", path, err)
	case d.Enabled != enable:
		return d, fmt.Errorf("PUT %s (enable %t) was answered, but DKIM signing is still %s", path, enable, onOff(d.Enabled))
	}
	return d, nil
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
