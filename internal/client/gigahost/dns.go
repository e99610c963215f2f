package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

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
	return getList[Zone](ctx, c, "/dns/zones")
}

// getList reads a list answer: data a JSON list (the docs' examples of the
// zone, record and redirect lists), or empty for no items. Any other shape
// is an error naming it, never "no items".
func getList[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(string(raw))
	if trimmed == "" || trimmed == "null" {
		return nil, nil
	}
	if !strings.HasPrefix(trimmed, "[") {
		if len(trimmed) > 120 {
			trimmed = trimmed[:120] + "..."
		}
		return nil, fmt.Errorf("GET %s: the answer's data is %s where a list was expected", path, trimmed)
	}
	var items []T
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("GET %s: decoding the list: %w", path, err)
	}
	return items, nil
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

// CreateZone creates a zone and returns it with its id. The live API answers
// 201 with empty data (the docs' example shows {"zone_id": ...}), so the new
// zone is found by listing the zones and matching the id when the answer
// carries one, else the name. A create whose answer is lost goes through
// client.CreateOnce: the zones are listed and a zone of that name is
// adopted; none means the API did not act and the create is sent again.
func (c *Client) CreateZone(ctx context.Context, in ZoneInput) (Zone, error) {
	return c.createZoneAt(ctx, "/dns/zones", in, in.Name)
}

// createZoneAt creates a zone of that name with a POST of body to path (a
// zone, or a reverse zone), as CreateZone.
func (c *Client) createZoneAt(ctx context.Context, path string, body any, name string) (Zone, error) {
	var created json.RawMessage
	defer c.dns.zoneList.drop() // a failed create may have acted; a created zone is listed anew
	z, adopted, err := client.CreateOnce(ctx, c.createTries("the zone was not created"),
		func(ctx context.Context) error {
			return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body, Creates: true}, &created)
		},
		func(ctx context.Context, _ int, err error) (Zone, bool, error) {
			zones, lerr := c.ListZones(ctx)
			if lerr != nil {
				return Zone{}, false, fmt.Errorf("%w; and listing zones to learn whether zone %s was created failed: %w", err, name, lerr)
			}
			z, ok := FindZone(zones, name)
			return z, ok, nil
		})
	if err != nil || adopted {
		return z, err
	}
	zones, err := c.ListZones(ctx)
	if err != nil {
		return Zone{}, fmt.Errorf("zone %s was created, but listing zones to find its id failed: %w", name, err)
	}
	key := name
	if id := createdZoneID(created); id != "" {
		key = id
	}
	z, ok := FindZone(zones, key)
	if !ok {
		return Zone{}, &ErrZoneNotFound{Key: name}
	}
	return z, nil
}

// createdZoneID reads the zone id from a create answer's data when it has
// one ({"zone_id": "123"}, the docs' example); "" for empty data (the live
// sample) or any other shape, which the zone list settles.
func createdZoneID(raw json.RawMessage) string {
	var d struct {
		ID client.String `json:"zone_id"`
	}
	if json.Unmarshal(raw, &d) != nil {
		return ""
	}
	return string(d.ID)
}

// DeleteZone deletes a zone and its records, and confirms by listing the
// zones that it is gone: a 200 alone is not trusted. A zone already gone
// (404) is no error.
func (c *Client) DeleteZone(ctx context.Context, zoneID string) error {
	c.dnsZone(zoneID).records.drop()
	err := c.do(ctx, http.MethodDelete, "/dns/zones/"+url.PathEscape(zoneID), nil, nil, nil)
	if err != nil && !client.IsNotFound(err) {
		return err
	}
	zones, lerr := c.ListZones(ctx)
	if lerr != nil {
		c.dns.zoneList.drop()
		return fmt.Errorf("zone %s: the API answered the delete, but listing zones to confirm it failed: %w", zoneID, lerr)
	}
	c.dns.zoneList.set(zones)
	if z, ok := FindZone(zones, zoneID); ok {
		return fmt.Errorf("zone %s (%s) is still listed after the API answered its deletion with success", zoneID, string(z.Name))
	}
	return nil
}

// ListRecords lists a zone's records, each read in one form (see
// normalizeRecord).
func (c *Client) ListRecords(ctx context.Context, zoneID string) ([]Record, error) {
	records, err := getList[Record](ctx, c, "/dns/zones/"+url.PathEscape(zoneID)+"/records")
	for i := range records {
		records[i] = normalizeRecord(records[i])
	}
	return records, err
}

// RecordLookup is how CreateRecord learns, after a lost answer, whether
// its create took effect.
type RecordLookup struct {
	// Relist lists the zone's records anew (not from a cache).
	Relist func(context.Context) ([]Record, error)
	// Match reports whether a listed record has the content written.
	Match func(Record) bool
	// ExistedBefore is true when the zone held a record with this content
	// before the create: such a record is not this create's, and is never
	// adopted.
	ExistedBefore bool
}

// CreateRecord creates a record. The API answers with no record id; the
// record is returned (with its id) only when a lost answer was resolved by
// listing the zone, else nil, and the caller lists the zone to learn it.
//
// A create is never repeated blindly: repeated after it took effect, it
// would fail on the duplicate or make a second record. After a 5xx answer
// or a connection lost once the request was sent (client.IsOutcomeUnknown),
// client.CreateOnce lists the zone with lookup: a record with the content
// written that the zone did not hold before is this create's, and is
// adopted; none means the API refused the write (as the zone does with 500
// when another write to it is under way) and it is sent again.
func (c *Client) CreateRecord(ctx context.Context, zoneID string, in RecordInput, lookup RecordLookup) (*Record, error) {
	tries := c.createTries("the record was not created")
	tries.Again = func(ctx context.Context, attempt int, err error) {
		tflog.Debug(ctx, "DNS record create: answer lost and the record is not in the zone; creating it again", map[string]any{
			"zone_id": zoneID, "attempt": attempt, "error": err.Error(),
		})
	}
	rec, adopted, err := client.CreateOnce(ctx, tries,
		func(ctx context.Context) error {
			return c.send(ctx, client.Request{Method: http.MethodPost, Path: "/dns/zones/" + url.PathEscape(zoneID) + "/records", Body: in, Creates: true}, nil)
		},
		func(ctx context.Context, attempt int, err error) (Record, bool, error) {
			records, lerr := lookup.Relist(ctx)
			if lerr != nil {
				return Record{}, false, fmt.Errorf("%w; and listing the zone to learn whether the record was created failed: %w", err, lerr)
			}
			if lookup.ExistedBefore {
				return Record{}, false, nil
			}
			for _, r := range records {
				if lookup.Match(r) {
					tflog.Debug(ctx, "DNS record create: answer lost, but the record is in the zone now", map[string]any{
						"zone_id": zoneID, "record_id": string(r.ID), "attempt": attempt,
					})
					return r, true, nil
				}
			}
			return Record{}, false, nil
		})
	if err != nil || !adopted {
		return nil, err
	}
	return &rec, nil
}

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

// DeleteRecord deletes exactly the record r (as the list shows it) and
// verifies it: the API ignores the id in the path and deletes every record
// of the name and type unless the (undocumented) value parameter narrows
// it, and it answers 200 when the value matched nothing. So the DELETE
// always carries a value, in each form of DeleteValues in turn; after each,
// list (which must fetch the zone's records anew, not serve a cached list)
// shows whether the record is gone. Still listed after every form, the
// error is a *RecordNotDeletedError naming the record. A zone gone (404) is
// returned as it is. RemoveRecord is the same under the zone's write lock,
// with this operation's record list.
func (c *Client) DeleteRecord(ctx context.Context, zoneID string, r Record, list func(context.Context) ([]Record, error)) error {
	return c.deleteForms(ctx, zoneID, r, DeleteValues(r), func(ctx context.Context, value string) (bool, error) {
		if err := c.sendRecordDelete(ctx, zoneID, r, value); err != nil {
			return false, err
		}
		records, err := list(ctx)
		if err != nil {
			return false, fmt.Errorf("the %s record %s %q: the API answered the delete, but listing zone %s to confirm it failed: %w", r.Type, r.Name, string(r.Value), zoneID, err)
		}
		return RecordListed(records, r), nil
	})
}

// sendRecordDelete sends the DELETE of r with value as the value parameter.
func (c *Client) sendRecordDelete(ctx context.Context, zoneID string, r Record, value string) error {
	q := url.Values{"name": {string(r.Name)}, "type": {string(r.Type)}, "value": {value}}
	recordID := string(r.ID)
	if recordID == "" {
		recordID = "0"
	}
	return c.do(ctx, http.MethodDelete, "/dns/zones/"+url.PathEscape(zoneID)+"/records/"+url.PathEscape(recordID), q, nil, nil)
}

// deleteOtherForms goes on with the value forms of r after the first one
// left it listed (see deleteForms).
func (c *Client) deleteOtherForms(ctx context.Context, zoneID string, r Record, step func(ctx context.Context, value string) (bool, error)) error {
	forms := DeleteValues(r)
	tflog.Debug(ctx, "DNS record delete: answered with success but the record is still listed; trying the next value form", map[string]any{
		"zone_id": zoneID, "name": string(r.Name), "type": string(r.Type), "value_sent": forms[0],
	})
	err := c.deleteForms(ctx, zoneID, r, forms[1:], step)
	var nd *RecordNotDeletedError
	if errors.As(err, &nd) {
		nd.Tried = forms
	}
	return err
}

// deleteForms sends the DELETE of r with each value form in turn (step
// sends one and reports whether a list fetched after it still shows r),
// until r is gone. Still listed after every form, the error is a
// *RecordNotDeletedError.
func (c *Client) deleteForms(ctx context.Context, zoneID string, r Record, forms []string, step func(ctx context.Context, value string) (bool, error)) error {
	for i, value := range forms {
		listed, err := step(ctx, value)
		if err != nil || !listed {
			return err
		}
		if i+1 < len(forms) {
			tflog.Debug(ctx, "DNS record delete: answered with success but the record is still listed; trying the next value form", map[string]any{
				"zone_id": zoneID, "name": string(r.Name), "type": string(r.Type), "value_sent": value, "next": forms[i+1],
			})
		}
	}
	return &RecordNotDeletedError{ZoneID: zoneID, Record: r, Tried: forms}
}
