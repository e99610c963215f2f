package gigahost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The DNS state of one operation (the client's life).
//
// The API has no endpoint for one record: a record is found in its zone's
// list. Refreshing N records of a zone must not list the zone N times, so
// the client keeps one list per zone, shared by every reader and kept
// current by the client's own writes. Writes to one zone are serialised (the
// API fails concurrent writes to a zone with 500, FIELD-NOTES "DNS"); writes
// to different zones run in parallel.
//
// A create answers with no record id, and a delete answered 200 may have
// deleted nothing, so each write is followed by a list fetched after it.
// That list is fetched outside the zone's write lock, while the next write
// is under way, and is shared by the writes that finished meanwhile: the
// zone is never idle for a list, and N writes cost far fewer than N lists.

// dnsState is the client's zone list and per-zone state.
type dnsState struct {
	zoneList listCache[Zone]

	mu    sync.Mutex
	zones map[string]*dnsZone
}

// dnsZone is one zone's write lock and record list.
type dnsZone struct {
	// write serialises this operation's writes to the zone.
	write sync.Mutex
	// records is what the zone holds, as far as this operation knows: a list
	// fetched once, patched by each write of this operation. A record
	// created but not yet read back is in it without its id.
	records listCache[Record]

	mu      sync.Mutex
	done    uint64        // writes finished
	queued  int           // writes waiting for the lock or under way
	waiting int           // writes waiting for a list fetched after them
	fresh   *recordFetch  // the latest list fetched for waiting writes
	wake    chan struct{} // closed when queued or waiting changes
}

// recordFetch is one list fetched for the writes waiting for it: after is
// how many writes had finished when it started.
type recordFetch struct {
	after uint64
	done  chan struct{}
	list  []Record
	err   error
}

// maxListWait bounds how long a write waits for the writes queued behind it
// before listing the zone for itself.
const maxListWait = 2 * time.Second

func (c *Client) dnsZone(zoneID string) *dnsZone {
	c.dns.mu.Lock()
	defer c.dns.mu.Unlock()
	if c.dns.zones == nil {
		c.dns.zones = map[string]*dnsZone{}
	}
	z := c.dns.zones[zoneID]
	if z == nil {
		z = &dnsZone{}
		c.dns.zones[zoneID] = z
	}
	return z
}

// Zones lists the zones, once per operation: every reader shares the list,
// which the client's zone creates and deletes keep current.
func (c *Client) Zones(ctx context.Context) ([]Zone, error) {
	return c.dns.zoneList.get(ctx, c.ListZones)
}

// ZoneName returns the name of a zone, "" when the zone list does not show it.
func (c *Client) ZoneName(ctx context.Context, zoneID string) (string, error) {
	zones, err := c.dns.zoneList.view(ctx, c.ListZones)
	if err != nil {
		return "", err
	}
	z, _ := FindZone(zones, zoneID)
	return string(z.Name), nil
}

// Records lists a zone's records, once per operation: every record of the
// zone shares the list, which the client's own writes keep current. The
// list is the cached one itself, not a copy (N records of a zone read it N
// times): callers must not modify it.
func (c *Client) Records(ctx context.Context, zoneID string) ([]Record, error) {
	return c.dnsZone(zoneID).records.view(ctx, c.recordFetch(zoneID))
}

func (c *Client) recordFetch(zoneID string) func(context.Context) ([]Record, error) {
	return func(ctx context.Context) ([]Record, error) { return c.ListRecords(ctx, zoneID) }
}

// ErrRecordNotListed is a record the API accepted but the zone's list does
// not show.
var ErrRecordNotListed = errors.New("the record is not in the zone's list")

// AddRecord creates a record in the zone (zone is its name) and returns it
// as the zone lists it, with its id. A create whose answer is lost goes
// through CreateRecord: a record with this content that the zone did not
// hold before is this create's. A record accepted but not listed is
// ErrRecordNotListed.
func (c *Client) AddRecord(ctx context.Context, zoneID, zone string, in RecordInput) (Record, error) {
	z := c.dnsZone(zoneID)
	fetch := c.recordFetch(zoneID)
	key := inputKey(in, zone)
	var found *Record
	seq, err := z.writeLocked(func() error {
		before, err := z.records.view(ctx, fetch)
		if err != nil {
			return fmt.Errorf("listing zone %s before creating the record: %w", zoneID, err)
		}
		rec, err := c.CreateRecord(ctx, zoneID, in, RecordLookup{
			Relist:        func(ctx context.Context) ([]Record, error) { return z.relist(ctx, fetch) },
			Match:         func(r Record) bool { return keyOf(r, zone) == key },
			ExistedBefore: hasKey(before, key, zone),
		})
		if err != nil {
			z.records.drop()
			return err
		}
		found = rec
		z.records.patch(func(list []Record) []Record { return append(list, pending(in)) })
		return nil
	})
	if err != nil {
		return Record{}, err
	}
	return z.written(ctx, seq, fetch, in, zone, found)
}

// ReplaceRecord replaces the record that find picks from the zone's list
// with in, and returns the new record as the zone lists it (the update
// changes its id). An update whose answer is lost, or refused with 404 on a
// retry after it took effect, is a success when a list shows the new content
// and not the old id.
func (c *Client) ReplaceRecord(ctx context.Context, zoneID, zone string, find func([]Record) (Record, bool), in RecordInput) (Record, error) {
	z := c.dnsZone(zoneID)
	fetch := c.recordFetch(zoneID)
	var found *Record
	seq, err := z.writeLocked(func() error {
		cur, ok, err := z.find(ctx, fetch, find)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("the %s record %s %q is no longer in zone %s; run terraform apply again to re-create it", in.Type, in.Name, in.Value, zoneID)
		}
		found, err = c.updateRecord(ctx, z, fetch, zoneID, zone, cur, in)
		return err
	})
	if err != nil {
		return Record{}, err
	}
	return z.written(ctx, seq, fetch, in, zone, found)
}

// updateRecord sends the update of cur, from inside a write to the zone. It
// returns the new record when a lost answer was resolved by listing the
// zone, nil when the API answered.
func (c *Client) updateRecord(ctx context.Context, z *dnsZone, fetch func(context.Context) ([]Record, error), zoneID, zone string, cur Record, in RecordInput) (*Record, error) {
	err := c.UpdateRecord(ctx, zoneID, string(cur.ID), in)
	if err == nil {
		z.records.patch(func(list []Record) []Record { return append(withoutRecord(list, cur), pending(in)) })
		return nil, nil
	}
	if !mayHaveApplied(err) {
		return nil, err
	}
	records, lerr := z.relist(ctx, fetch)
	if lerr != nil {
		return nil, err
	}
	rec, ok := findKey(records, inputKey(in, zone), zone)
	if !ok || (rec.ID != cur.ID && slices.ContainsFunc(records, func(r Record) bool { return r.ID == cur.ID })) {
		return nil, err // the old record is still there: not applied
	}
	tflog.Debug(ctx, "DNS record update: answer lost or refused on retry, but the update is in the zone", map[string]any{
		"zone_id": zoneID, "record_id": string(rec.ID), "error": err.Error(),
	})
	return &rec, nil
}

// RemoveRecord deletes exactly the record that find picks from the zone's
// list (nothing when it picks none: already gone) and verifies it: after
// each DELETE, a list fetched after it must no longer show the record (the
// API answers 200 when the value matched nothing), else the next value form
// of DeleteValues is sent. Still listed after every form, the error is a
// *RecordNotDeletedError naming the record. A zone gone (404) is returned
// as it is.
func (c *Client) RemoveRecord(ctx context.Context, zoneID string, find func([]Record) (Record, bool)) error {
	z := c.dnsZone(zoneID)
	fetch := c.recordFetch(zoneID)
	var cur Record
	gone := false
	step := func(ctx context.Context, value string) (bool, error) {
		seq, err := z.writeLocked(func() error {
			if value == "" { // the first form: find the record, under the lock
				var ok bool
				var err error
				if cur, ok, err = z.find(ctx, fetch, find); err != nil || !ok {
					gone = err == nil
					return err
				}
				value = DeleteValues(cur)[0]
			}
			err := c.sendRecordDelete(ctx, zoneID, cur, value)
			if err != nil {
				z.records.drop() // a failed write may have acted
				return err
			}
			z.records.patch(func(list []Record) []Record { return withoutRecord(list, cur) })
			return nil
		})
		if err != nil || gone {
			return false, err
		}
		records, err := z.listAfter(ctx, seq, fetch)
		if err != nil {
			return false, fmt.Errorf("the %s record %s %q: the API answered the delete, but listing zone %s to confirm it failed: %w", cur.Type, cur.Name, string(cur.Value), zoneID, err)
		}
		return RecordListed(records, cur), nil
	}
	listed, err := step(ctx, "")
	if err != nil || gone || !listed {
		return err
	}
	err = c.deleteOtherForms(ctx, zoneID, cur, step)
	var nd *RecordNotDeletedError
	if errors.As(err, &nd) {
		z.records.drop() // the patched list no longer says what the zone holds
	}
	return err
}

// pending is the record in creates, as a list would show it but without
// its id, which only a new list tells.
func pending(in RecordInput) Record {
	r := Record{Name: client.String(in.Name), Type: client.String(in.Type), Value: client.String(in.Value), TTL: client.Int(in.TTL)}
	if in.Priority != nil {
		p := client.Int(*in.Priority)
		r.Priority = &p
	}
	return r
}

// withoutRecord is list without r (by id, or by content for a record
// created by this operation and not yet read back).
func withoutRecord(list []Record, r Record) []Record {
	return slices.DeleteFunc(list, func(o Record) bool {
		if r.ID != "" && o.ID != "" {
			return o.ID == r.ID
		}
		return RecordListed([]Record{o}, r)
	})
}

// writeLocked runs fn as a write to the zone, holding its write lock, and
// returns the write's number: a list that reflects it is one that started
// after that many writes finished.
func (z *dnsZone) writeLocked(fn func() error) (uint64, error) {
	z.mu.Lock()
	z.queued++
	z.mu.Unlock()
	z.write.Lock()
	defer z.write.Unlock()
	err := fn()
	z.mu.Lock()
	defer z.mu.Unlock()
	z.queued--
	z.done++
	z.signal()
	return z.done, err
}

// find picks a record from the zone's list, from inside a write. A record
// this operation created and has not read back has no id yet: it is looked
// for in a new list. pick gets the shared list (Records) and must not
// modify it.
func (z *dnsZone) find(ctx context.Context, fetch func(context.Context) ([]Record, error), pick func([]Record) (Record, bool)) (Record, bool, error) {
	records, err := z.records.view(ctx, fetch)
	if err != nil {
		return Record{}, false, err
	}
	cur, ok := pick(records)
	if ok && cur.ID == "" {
		if records, err = z.relist(ctx, fetch); err != nil {
			return Record{}, false, err
		}
		cur, ok = pick(records)
	}
	return cur, ok, nil
}

// relist lists the zone anew, from inside a write, and keeps the list.
func (z *dnsZone) relist(ctx context.Context, fetch func(context.Context) ([]Record, error)) ([]Record, error) {
	list, err := fetch(ctx)
	if err != nil {
		z.records.drop()
		return nil, err
	}
	z.records.set(list)
	return list, nil
}

// written returns the record a create or update wrote: found, when the
// write already found it, else from a list fetched after the write.
func (z *dnsZone) written(ctx context.Context, seq uint64, fetch func(context.Context) ([]Record, error), in RecordInput, zone string, found *Record) (Record, error) {
	if found != nil {
		return *found, nil
	}
	records, err := z.listAfter(ctx, seq, fetch)
	if err != nil {
		return Record{}, fmt.Errorf("the %s record %s %q was written, but listing the zone to read it back failed: %w", in.Type, in.Name, in.Value, err)
	}
	rec, ok := findWritten(records, in, zone)
	if !ok {
		return Record{}, fmt.Errorf("the %s record %s %q: %w", in.Type, in.Name, in.Value, ErrRecordNotListed)
	}
	return rec, nil
}

// listAfter returns a list of the zone fetched after write seq finished. It
// is fetched outside the write lock, and shared: a write waits (at most
// maxListWait) until as many writes wait for a list as are queued behind
// them, or none is queued, so that one list serves several writes while
// the zone goes on writing.
func (z *dnsZone) listAfter(ctx context.Context, seq uint64, fetch func(context.Context) ([]Record, error)) ([]Record, error) {
	deadline := time.NewTimer(maxListWait)
	defer deadline.Stop()
	late := false
	z.mu.Lock()
	z.waiting++
	z.signal()
	for {
		if f := z.fresh; f != nil && f.after >= seq && !f.failed() {
			z.waiting--
			z.signal()
			z.mu.Unlock()
			return f.wait(ctx)
		}
		if z.queued == 0 || z.waiting >= z.queued || late {
			z.fresh = z.startFetch(ctx, fetch)
			continue
		}
		if z.wake == nil {
			z.wake = make(chan struct{})
		}
		wake := z.wake
		z.mu.Unlock()
		select {
		case <-wake:
		case <-deadline.C:
			late = true
		case <-ctx.Done():
			z.mu.Lock()
			z.waiting--
			z.mu.Unlock()
			return nil, ctx.Err()
		}
		z.mu.Lock()
	}
}

// startFetch lists the zone for the writes finished so far; the list is
// kept when no write finished meanwhile. Callers hold z.mu. The fetch
// serves several writes, so it is detached from the caller's cancellation.
func (z *dnsZone) startFetch(ctx context.Context, fetch func(context.Context) ([]Record, error)) *recordFetch {
	f := &recordFetch{after: z.done, done: make(chan struct{})}
	gen := z.records.generation()
	go func() {
		f.list, f.err = fetch(context.WithoutCancel(ctx))
		if f.err == nil {
			z.records.setIf(f.list, gen)
		}
		close(f.done)
	}()
	return f
}

// signal wakes the writes waiting for a list. Callers hold z.mu.
func (z *dnsZone) signal() {
	if z.wake != nil {
		close(z.wake)
		z.wake = nil
	}
}

func (f *recordFetch) failed() bool {
	select {
	case <-f.done:
		return f.err != nil
	default:
		return false
	}
}

func (f *recordFetch) wait(ctx context.Context) ([]Record, error) {
	select {
	case <-f.done:
		return slices.Clone(f.list), f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// generation is the count of writes the list has seen.
func (l *listCache[T]) generation() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gen
}

// setIf stores a list fetched when the list was at generation gen, unless a
// write changed the list since.
func (l *listCache[T]) setIf(list []T, gen uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gen == gen {
		l.list, l.valid = slices.Clone(list), true
	}
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

// RelativeName is a record name as the API stores it: "@" for the apex,
// else relative to the zone, lower case. It accepts "@", a relative name,
// or the full name with or without the trailing dot; zone may be "" when
// unknown. Trailing dots (and spaces) are dropped from the name, the zone
// and the relative part alike, so that a name read back reads the same
// (FuzzRelativeName found "..", which gave "." and then "@", and "0\v." in
// zone 0, which gave "0\v" and then "@"). A relative
// name that ends with the zone's name is read as a full name: that one
// ambiguity is by design.
func RelativeName(name, zone string) string {
	n := trimName(name)
	zone = trimName(zone)
	switch {
	case zone != "" && n == zone:
		n = ""
	case zone != "" && strings.HasSuffix(n, "."+zone):
		n = trimName(strings.TrimSuffix(n, "."+zone))
	}
	if n == "" {
		return "@"
	}
	return n
}

// trimName is a name in lower case without surrounding spaces or trailing
// dots (a dot before a space included: "www. ").
func trimName(s string) string {
	s = strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	return strings.ToLower(s)
}
