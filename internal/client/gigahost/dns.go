package gigahost

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Zone is a DNS zone as GET /dns/zones lists it.
type Zone struct {
	ID           client.String `json:"zone_id"`
	CustomerID   client.String `json:"cust_id"`
	Name         client.String `json:"zone_name"`
	NameDisplay  client.String `json:"zone_name_display"`
	Type         client.String `json:"zone_type"`
	Active       client.Bool   `json:"zone_active"`
	Protected    client.Bool   `json:"zone_protected"`
	Registered   client.Bool   `json:"zone_is_registered"`
	Registrar    client.String `json:"domain_registrar"`
	DomainStatus client.String `json:"domain_status"`
	ExpiryDate   client.String `json:"domain_expiry_date"`
	AutoRenew    client.Bool   `json:"domain_auto_renew"`
	ExternalDNS  client.Bool   `json:"external_dns"`
	RecordCount  client.Int    `json:"record_count"`
	Updated      client.Int    `json:"zone_updated"`
}

// ZoneInput is the body of a zone creation.
type ZoneInput struct {
	Name                 string `json:"zone_name"`
	Type                 string `json:"zone_type,omitempty"`
	CreateDefaultRecords bool   `json:"create_default_records,omitempty"`
}

// Record is a DNS record as GET /dns/zones/{id}/records lists it: MX and SRV
// priority apart from the value, hosts without their trailing dot. ID is a
// hash of the content, so it changes whenever the record does.
type Record struct {
	ID       client.String `json:"record_id"`
	Name     client.String `json:"record_name"`
	Type     client.String `json:"record_type"`
	Value    client.String `json:"record_value"`
	TTL      client.Int    `json:"record_ttl"`
	Priority *client.Int   `json:"record_priority"`
}

// RecordInput is the body of a record creation or update.
type RecordInput struct {
	Name     string `json:"record_name"`
	Type     string `json:"record_type"`
	Value    string `json:"record_value"`
	TTL      int64  `json:"record_ttl,omitempty"`
	Priority *int64 `json:"record_priority,omitempty"`
}

// ErrZoneNotFound is returned by Zone and CreateZone when no zone matches.
type ErrZoneNotFound struct{ Key string }

func (e *ErrZoneNotFound) Error() string { return fmt.Sprintf("DNS zone %s not found", e.Key) }

// ListZones lists the zones the credentials may see.
func (c *Client) ListZones(ctx context.Context) ([]Zone, error) {
	var zones []Zone
	if err := c.do(ctx, http.MethodGet, "/dns/zones", nil, nil, &zones); err != nil {
		return nil, err
	}
	return zones, nil
}

// FindZone returns the zone whose id or name (case and trailing dot aside)
// equals key from a list of zones.
func FindZone(zones []Zone, key string) (Zone, bool) {
	k := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(key), "."))
	for _, z := range zones {
		if string(z.ID) == k || strings.ToLower(strings.TrimSuffix(string(z.Name), ".")) == k {
			return z, true
		}
	}
	return Zone{}, false
}

// CreateZone creates a zone and returns it. The live API answers 201 with
// empty data, so the new zone is found by listing the zones and matching the
// name.
func (c *Client) CreateZone(ctx context.Context, in ZoneInput) (Zone, error) {
	var created struct {
		ID client.String `json:"zone_id"`
	}
	if err := c.do(ctx, http.MethodPost, "/dns/zones", nil, in, &created); err != nil {
		return Zone{}, err
	}
	zones, err := c.ListZones(ctx)
	if err != nil {
		return Zone{}, fmt.Errorf("zone %s was created, but listing zones to find its id failed: %w", in.Name, err)
	}
	key := in.Name
	if created.ID != "" {
		key = string(created.ID)
	}
	z, ok := FindZone(zones, key)
	if !ok {
		return Zone{}, &ErrZoneNotFound{Key: in.Name}
	}
	return z, nil
}

// DeleteZone deletes a zone and its records.
func (c *Client) DeleteZone(ctx context.Context, zoneID string) error {
	return c.do(ctx, http.MethodDelete, "/dns/zones/"+url.PathEscape(zoneID), nil, nil, nil)
}

// ListRecords lists a zone's records.
func (c *Client) ListRecords(ctx context.Context, zoneID string) ([]Record, error) {
	var records []Record
	if err := c.do(ctx, http.MethodGet, "/dns/zones/"+url.PathEscape(zoneID)+"/records", nil, nil, &records); err != nil {
		return nil, err
	}
	return records, nil
}

// CreateRecord creates a record. The API returns no id: list the zone and
// match the record to learn it.
//
// A create is never repeated blindly: repeated after it took effect, it
// would fail on the duplicate or make a second record. It is retried only
// when the API cannot have acted (429, a connection that could not be
// opened); after a 5xx answer or a connection lost once the request was
// sent, the error is one for which client.IsOutcomeUnknown is true, and the
// caller lists the zone to learn whether the record exists before it tries
// again (at most RecordCreateAttempts times, waiting RetryWait between).
func (c *Client) CreateRecord(ctx context.Context, zoneID string, in RecordInput) error {
	return c.send(ctx, client.Request{Method: http.MethodPost, Path: "/dns/zones/" + url.PathEscape(zoneID) + "/records", Body: in, Creates: true}, nil)
}

// RecordCreateAttempts is how many times a record create may be sent when
// each earlier attempt was found, by listing the zone, to have created
// nothing: as many as the transport gives any request (max_retries + 1).
func (c *Client) RecordCreateAttempts() int { return max(c.cfg.Transport.MaxRetries, 0) + 1 }

// RetryWait is the wait before attempt n+1 (n >= 1) of a request the caller
// repeats itself, shaped like the transport's own retries.
func (c *Client) RetryWait(n int) time.Duration {
	lo, hi := c.cfg.Transport.RetryWaitMin, c.cfg.Transport.RetryWaitMax
	if lo <= 0 {
		lo = 500 * time.Millisecond
	}
	if hi <= 0 {
		hi = 15 * time.Second
	}
	return client.Backoff(lo, hi, n-1, nil)
}

// UpdateRecord replaces a record's content. The record's id changes: list
// the zone and match the record to learn the new one.
func (c *Client) UpdateRecord(ctx context.Context, zoneID, recordID string, in RecordInput) error {
	return c.do(ctx, http.MethodPut, "/dns/zones/"+url.PathEscape(zoneID)+"/records/"+url.PathEscape(recordID), nil, in, nil)
}

// DeleteRecord deletes exactly one record. The API ignores recordID and
// deletes every record with the name and type unless the (undocumented)
// value parameter narrows it, so the value is always sent, in the stored
// form of StoredValue.
func (c *Client) DeleteRecord(ctx context.Context, zoneID, recordID string, r Record) error {
	q := url.Values{}
	q.Set("name", string(r.Name))
	q.Set("type", string(r.Type))
	q.Set("value", StoredValue(string(r.Type), string(r.Value), r.Priority))
	if recordID == "" {
		recordID = "0"
	}
	return c.do(ctx, http.MethodDelete, "/dns/zones/"+url.PathEscape(zoneID)+"/records/"+url.PathEscape(recordID), q, nil, nil)
}

// StoredValue is the form in which the name server stores a record's value,
// given the value as the record list shows it: MX and SRV carry their
// priority in front and a trailing dot ("10 mail.example.no."), CNAME, NS and
// PTR targets a trailing dot, TXT data is quoted (backslashes and quotes
// escaped).
func StoredValue(recordType, value string, priority *client.Int) string {
	switch strings.ToUpper(recordType) {
	case "MX", "SRV":
		p := int64(0)
		if priority != nil {
			p = int64(*priority)
		}
		return strconv.FormatInt(p, 10) + " " + strings.TrimSuffix(value, ".") + "."
	case "CNAME", "NS", "PTR":
		return strings.TrimSuffix(value, ".") + "."
	case "TXT":
		if len(value) >= 2 && strings.HasPrefix(value, `"`) && strings.HasSuffix(value, `"`) {
			return value
		}
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value) + `"`
	}
	return value
}
