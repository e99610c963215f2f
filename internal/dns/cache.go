package dns

import (
	"context"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/opcache"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// The Gigahost API has no endpoint for one record: a record is found in its
// zone's list. Refreshing N records of a zone must not list the zone N
// times, so each provider instance (one Terraform operation) keeps one list
// per zone, shared by every record of the zone and dropped by every write to
// it. Writes to one zone are serialised (the API fails concurrent writes with
// 500); writes to different zones run in parallel.

const sharedKey = "gigahost/dns"

// zones is the per-operation DNS state of one provider instance.
type zones struct {
	byID opcache.Keyed[string, zoneState]
	list opcache.Value[[]gigahost.Zone] // the zone list, shared like record lists
}

// zoneState is one zone's write lock and record-list cache. Its notes say
// what this operation's writes since the cached list's fetch did to the
// zone: with the cached list, what the zone holds now, as far as this
// operation knows, without listing it again.
type zoneState struct {
	opcache.List[gigahost.Record, note]
}

// note is what one write did: it made a record with this content present
// or absent.
type note struct {
	key     recordKey
	present bool
}

func sharedZones(c *providerdata.Clients) *zones {
	return opcache.Shared(c, sharedKey, func() *zones { return &zones{} })
}

func (zs *zones) zone(id string) *zoneState { return zs.byID.Get(id) }

// noteWrite records, from inside a write (which holds the write lock), that
// the write made a record with this content present or absent.
func (z *zoneState) noteWrite(key recordKey, present bool) {
	z.Note(note{key: key, present: present})
}

// zoneView is what a zone held at one moment, as far as this operation
// knows: a list fetched earlier and the notes of this operation's writes
// since that list's fetch began.
type zoneView struct {
	opcache.Snapshot[gigahost.Record, note]
	zone string
}

// view returns what the zone holds now, as far as this operation knows
// (see opcache.List.Snapshot). Callers hold the write lock.
func (z *zoneState) view(ctx context.Context, zone string, fetch opcache.Fetch[[]gigahost.Record]) (zoneView, error) {
	snap, err := z.Snapshot(ctx, fetch)
	if err != nil {
		return zoneView{}, err
	}
	return zoneView{Snapshot: snap, zone: zone}, nil
}

// has reports whether the zone held a record with this content.
func (v zoneView) has(key recordKey) bool {
	present := false
	for _, r := range v.List {
		if keyOf(r, v.zone) == key {
			present = true
			break
		}
	}
	for _, n := range v.Notes {
		if n.key == key {
			present = n.present
		}
	}
	return present
}

// Zones returns the zone list, fetched once per operation unless a zone was
// created or deleted since.
func (zs *zones) Zones(ctx context.Context, fetch opcache.Fetch[[]gigahost.Zone]) ([]gigahost.Zone, error) {
	return zs.list.Get(ctx, fetch)
}

// zonesChanged drops the cached zone list after a zone was created or deleted.
func (zs *zones) zonesChanged() { zs.list.Invalidate() }
