package dns

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// Record writes whose answer is lost.
//
// A create is resolved by the client (gigahost.Client.CreateRecord, through
// client.CreateOnce); createRecord gives it what this operation knows of the
// zone: whether a record with the content was there before, and the zone's
// list, fetched anew into the zone's cache.
//
// An update is sent to the record's id, which the update changes: sent again
// after it took effect, it meets 404. updateRecord lists the zone after a
// 404, a 5xx or a lost connection, and an update found applied (new content
// present, old id gone) is a success.
//
// A delete carries name, type and value, so sending it again deletes nothing
// more; it is verified by listing the zone (gigahost.Client.DeleteRecord).

// createRecord creates a record, from inside a write to the zone. It returns
// the record when it was found by listing the zone after a lost answer (its
// id is then known), nil when the API answered.
func (r *RecordResource) createRecord(ctx context.Context, c *gigahost.Client, zs *zoneState, zoneID, zone string, in gigahost.RecordInput) (*gigahost.Record, error) {
	fetch := func(ctx context.Context) ([]gigahost.Record, error) { return c.ListRecords(ctx, zoneID) }
	key := inputKey(in, zone)
	before, err := zs.view(ctx, zone, fetch)
	if err != nil {
		return nil, fmt.Errorf("listing zone %s before creating the record: %w", zoneID, err)
	}
	rec, err := c.CreateRecord(ctx, zoneID, in, gigahost.RecordLookup{
		Relist:        func(ctx context.Context) ([]gigahost.Record, error) { return zs.Refresh(ctx, fetch) },
		Match:         func(rec gigahost.Record) bool { return keyOf(rec, zone) == key },
		ExistedBefore: before.has(key),
	})
	if err != nil {
		return nil, err
	}
	zs.noteWrite(key, true)
	return rec, nil
}

// updateRecord replaces the record cur with in, from inside a write to the
// zone. It returns the new record when a lost answer was resolved by
// listing the zone, nil when the API answered.
func (r *RecordResource) updateRecord(ctx context.Context, c *gigahost.Client, zs *zoneState, zoneID, zone string, cur gigahost.Record, in gigahost.RecordInput) (*gigahost.Record, error) {
	key := inputKey(in, zone)
	err := c.UpdateRecord(ctx, zoneID, string(cur.ID), in)
	if err == nil {
		zs.noteWrite(keyOf(cur, zone), false)
		zs.noteWrite(key, true)
		return nil, nil
	}
	if !mayHaveApplied(err) {
		return nil, err
	}
	records, lerr := zs.Refresh(ctx, func(ctx context.Context) ([]gigahost.Record, error) { return c.ListRecords(ctx, zoneID) })
	if lerr != nil {
		return nil, err
	}
	rec, ok := findKey(records, key, zone)
	if !ok {
		return nil, err
	}
	for _, other := range records {
		if other.ID == cur.ID && rec.ID != cur.ID {
			return nil, err // the old record is still there: not applied
		}
	}
	tflog.Debug(ctx, "DNS record update: answer lost or refused on retry, but the update is in the zone", map[string]any{
		"zone_id": zoneID, "record_id": string(rec.ID), "error": err.Error(),
	})
	zs.noteWrite(keyOf(cur, zone), false)
	zs.noteWrite(key, true)
	return &rec, nil
}

// mayHaveApplied reports whether a failed write may have taken effect: no
// answer, a 5xx, or a 404 (a retry of an update that took effect finds the
// old id gone).
func mayHaveApplied(err error) bool {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
	}
	return apiErr.Status == http.StatusNotFound || apiErr.Status >= 500
}
