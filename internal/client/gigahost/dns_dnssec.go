package gigahost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DNSSEC of a registered .no domain (docs § PUT /dns/zones/{zone_id}/dnssec,
// GET /dns/zones/{zone_id}/ds-records, GET and POST
// /dns/zones/{zone_id}/ds-records/external).
//
// For a zone on Gigahost's name servers, enabling DNSSEC makes Gigahost sign
// the zone and submit its DS records to Norid; GET ds-records shows them.
// For a zone on external name servers, enabling only sets the flag: the DS
// records come from those name servers and are submitted with POST
// ds-records/external. GET ds-records answers 400 "DNSSEC is not enabled for
// this domain." while DNSSEC is off: that answer is how the client reads the
// flag.

// DSRecord is one DS record (RFC 4034 § 5), as the external DS list shows it
// and as a registrar takes it.
type DSRecord struct {
	KeyTag     client.Int    `json:"keyTag"`
	Algorithm  client.Int    `json:"alg"`
	DigestType client.Int    `json:"digestType"`
	Digest     client.String `json:"digest"`
}

// DSRecordInput is a DS record in the body of POST ds-records/external.
type DSRecordInput struct {
	KeyTag     int64  `json:"keyTag"`
	Algorithm  int64  `json:"alg"`
	DigestType int64  `json:"digestType"`
	Digest     string `json:"digest"`
}

// DNSSEC is what the API shows of a zone's DNSSEC.
type DNSSEC struct {
	Enabled bool
	// DS are the DS records Gigahost made for a zone on its name servers;
	// none for a zone on external name servers (whose answer carries
	// instructions, not records).
	DS []DSRecord
	// External is true when the DS records are the owner's to submit: the
	// zone is on external name servers, or the enabling answered that only
	// the flag was set.
	External bool
}

// DNSSECEnabledMessages are the docs' answers to PUT dnssec with enable 1:
// for a zone on Gigahost's name servers (DS records submitted), and for one
// on external name servers (only the flag set).
const (
	DNSSECSubmittedMessage = "DNSSEC enabled successfully and DS records submitted to registry"
	DNSSECFlagOnlyMessage  = "DNSSEC flag enabled. Please configure DNSSEC on your nameservers."
)

func dnssecPath(zoneID string) string { return "/dns/zones/" + url.PathEscape(zoneID) + "/dnssec" }

func dsPath(zoneID string) string { return "/dns/zones/" + url.PathEscape(zoneID) + "/ds-records" }

// ErrDNSSECStillEnabled is a disable the API answered with success while
// GET ds-records still shows DNSSEC on.
var ErrDNSSECStillEnabled = errors.New("DNSSEC is still enabled after the API answered its disabling with success")

// ErrDNSSECUnverified is an enable the API answered with success whose
// read-back failed.
var ErrDNSSECUnverified = errors.New("the API answered the enabling of DNSSEC, but reading it back failed")

// ErrDNSSECNotEnabled is an enable the API answered with success while GET
// ds-records still answers "not enabled".
var ErrDNSSECNotEnabled = errors.New("DNSSEC is not enabled after the API answered its enabling with success")

// ReadDNSSEC reads a zone's DNSSEC through GET ds-records: 400 "not enabled"
// is DNSSEC off; an answer is DNSSEC on, with the DS records decoded unless
// external is true (a zone on external name servers is answered with
// instructions, whose shape the docs do not show). A zone gone is the
// API's 404, returned as it is.
func (c *Client) ReadDNSSEC(ctx context.Context, zoneID string, external bool) (DNSSEC, error) {
	var raw json.RawMessage
	err := c.do(ctx, http.MethodGet, dsPath(zoneID), nil, nil, &raw)
	if IsDNSSECNotEnabled(err) {
		return DNSSEC{}, nil
	}
	if err != nil {
		return DNSSEC{}, err
	}
	if external {
		return DNSSEC{Enabled: true, External: true}, nil
	}
	ds, err := decodeDSRecords(raw)
	if err != nil {
		return DNSSEC{}, fmt.Errorf("GET %s: %w", dsPath(zoneID), err)
	}
	return DNSSEC{Enabled: true, DS: ds}, nil
}

// IsDNSSECNotEnabled reports whether err is the API's 400 "DNSSEC is not
// enabled for this domain." (docs § GET /dns/zones/{zone_id}/ds-records).
// Any other 400 is an error.
func IsDNSSECNotEnabled(err error) bool {
	var apiErr *client.APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest &&
		strings.Contains(strings.ToLower(apiErr.Message), "not enabled")
}

// EnableDNSSEC turns DNSSEC on (PUT enable 1, which is idempotent) and
// reads it back. It returns the API's message, which says whether Gigahost
// submitted the DS records (DNSSECSubmittedMessage) or only set the flag
// (DNSSECFlagOnlyMessage, external name servers).
func (c *Client) EnableDNSSEC(ctx context.Context, zoneID string, external bool) (DNSSEC, string, error) {
	msg, err := c.putDNSSEC(ctx, zoneID, 1)
	if err != nil {
		return DNSSEC{}, "", err
	}
	// The answer says which the API did, whatever the zone list said.
	external = external || strings.EqualFold(strings.TrimSpace(msg), DNSSECFlagOnlyMessage)
	st, err := c.ReadDNSSEC(ctx, zoneID, external)
	if err != nil {
		return DNSSEC{}, msg, fmt.Errorf("zone %s: %w: %w", zoneID, ErrDNSSECUnverified, err)
	}
	if !st.Enabled {
		return DNSSEC{}, msg, fmt.Errorf("zone %s: %w", zoneID, ErrDNSSECNotEnabled)
	}
	return st, msg, nil
}

// DisableDNSSEC turns DNSSEC off (PUT enable 0) and confirms it by reading
// GET ds-records, which must answer "not enabled": a 200 alone is not
// trusted. A zone gone (404) is returned as it is.
func (c *Client) DisableDNSSEC(ctx context.Context, zoneID string) error {
	if _, err := c.putDNSSEC(ctx, zoneID, 0); err != nil {
		return err
	}
	// external true: only the flag is read, whatever the zone's name servers.
	st, err := c.ReadDNSSEC(ctx, zoneID, true)
	if err != nil {
		return fmt.Errorf("zone %s: the API answered the disabling of DNSSEC, but reading it back failed: %w", zoneID, err)
	}
	if st.Enabled {
		return fmt.Errorf("zone %s: %w", zoneID, ErrDNSSECStillEnabled)
	}
	return nil
}

// putDNSSEC sends PUT dnssec and returns the answer's meta.message.
func (c *Client) putDNSSEC(ctx context.Context, zoneID string, enable int) (string, error) {
	resp, err := c.sendRaw(ctx, false, client.Request{Method: http.MethodPut, Path: dnssecPath(zoneID), Body: map[string]int{"enable": enable}})
	if err != nil {
		return "", err
	}
	var env envelope
	_ = json.Unmarshal(resp.Body, &env) // the message is informative only
	return string(env.Meta.Message), nil
}

// decodeDSRecords reads data.ds_records of GET ds-records: a string of DS
// records in presentation form ("12345 13 2 ABCD...", the docs' example), one
// per line; a list of such strings; or a list of objects as the external
// list shows them. Anything else is an error naming it, never "no records".
func decodeDSRecords(raw json.RawMessage) ([]DSRecord, error) {
	var data struct {
		DS json.RawMessage `json:"ds_records"`
	}
	if err := json.Unmarshal(raw, &data); err != nil || data.DS == nil {
		return nil, fmt.Errorf("the answer's data is %s where {\"ds_records\": ...} was expected", clip(raw))
	}
	d := bytes.TrimSpace(data.DS)
	switch {
	case bytes.HasPrefix(d, []byte(`"`)):
		var s string
		if err := json.Unmarshal(d, &s); err != nil {
			return nil, err
		}
		return parseDSLines(strings.Split(s, "\n"))
	case bytes.HasPrefix(d, []byte(`[`)):
		var items []json.RawMessage
		if err := json.Unmarshal(d, &items); err != nil {
			return nil, err
		}
		return decodeDSItems(items)
	}
	return nil, fmt.Errorf("ds_records is %s where a string or a list was expected", clip(d))
}

// decodeDSItems reads a list of DS records, each a presentation-form string
// or an object.
func decodeDSItems(items []json.RawMessage) ([]DSRecord, error) {
	out := make([]DSRecord, 0, len(items))
	for _, it := range items {
		var s string
		if json.Unmarshal(it, &s) == nil {
			ds, err := parseDSLines([]string{s})
			if err != nil {
				return nil, err
			}
			out = append(out, ds...)
			continue
		}
		var r DSRecord
		if err := json.Unmarshal(it, &r); err != nil || r.Digest == "" {
			return nil, fmt.Errorf("a DS record is %s where a string or {keyTag, alg, digestType, digest} was expected", clip(it))
		}
		out = append(out, r)
	}
	return out, nil
}

// parseDSLines reads DS records in presentation form, one per line:
// "<key tag> <algorithm> <digest type> <digest>", optionally after the
// owner, class and "DS" of a zone-file line, the digest possibly split by
// spaces. Blank lines are skipped.
func parseDSLines(lines []string) ([]DSRecord, error) {
	var out []DSRecord
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		for i, w := range f {
			if strings.EqualFold(w, "DS") {
				f = f[i+1:]
				break
			}
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("DS record %q is not \"<key tag> <algorithm> <digest type> <digest>\"", line)
		}
		var nums [3]int64
		for i := range nums {
			n, err := strconv.ParseInt(f[i], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("DS record %q: %q is not a number", line, f[i])
			}
			nums[i] = n
		}
		out = append(out, DSRecord{
			KeyTag: client.Int(nums[0]), Algorithm: client.Int(nums[1]), DigestType: client.Int(nums[2]),
			Digest: client.String(strings.Join(f[3:], "")),
		})
	}
	return out, nil
}

// clip is raw JSON shortened for an error message.
func clip(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}
