package dns

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
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
	mu      sync.Mutex
	byID    map[string]*zoneState
	list    *flight[[]gigahost.Zone] // the zone list, shared like record lists
	listGen uint64
}

// zoneState is one zone's write lock and record-list cache.
type zoneState struct {
	// writeMu serialises writes to the zone.
	writeMu sync.Mutex

	mu      sync.Mutex
	gen     uint64        // counts completed writes
	pending int           // writes queued or running
	idle    chan struct{} // closed when pending drops to 0
	// cached holds the latest list fetched; it reflects every write counted
	// by its gen.
	cached *flight[[]gigahost.Record]
	// notes is what this operation's writes since the cached list's fetch
	// did to the zone: with the cached list, what the zone holds now, as far
	// as this operation knows, without listing it again.
	notes []note
}

// note is what one write did: it made a record with this content present
// or absent. gen is the write's generation.
type note struct {
	gen     uint64
	key     recordKey
	present bool
}

// flight is one fetch of a list: done closes when val and err are set. gen is
// the write count when the fetch started, so the result reflects at least
// that many writes.
type flight[T any] struct {
	gen  uint64
	done chan struct{}
	val  T
	err  error
}

func sharedZones(c *providerdata.Clients) *zones {
	return c.Shared(sharedKey, func() any { return &zones{byID: map[string]*zoneState{}} }).(*zones) //nolint:forcetypeassert // only this file stores under sharedKey
}

func (zs *zones) zone(id string) *zoneState {
	zs.mu.Lock()
	defer zs.mu.Unlock()
	z, ok := zs.byID[id]
	if !ok {
		z = &zoneState{}
		zs.byID[id] = z
	}
	return z
}

// Records returns the zone's records from a list fetched after at least
// minGen writes completed; minGen 0 means every write completed so far.
// Concurrent callers share one request.
func (z *zoneState) Records(ctx context.Context, minGen uint64, fetch func(context.Context) ([]gigahost.Record, error)) ([]gigahost.Record, error) {
	return share(ctx, &z.mu, &z.cached, minGen, &z.gen, fetch)
}

// share returns the value of *slot when it was fetched at generation minGen
// or later (joining a fetch under way), else fetches it anew. mu guards slot
// and *gen, the current generation; minGen 0 means the current one.
func share[T any](ctx context.Context, mu *sync.Mutex, slot **flight[T], minGen uint64, gen *uint64, fetch func(context.Context) (T, error)) (T, error) {
	mu.Lock()
	if minGen == 0 {
		minGen = *gen
	}
	f := *slot
	if f == nil || f.gen < minGen || f.failed() {
		f = start(ctx, *gen, fetch)
		*slot = f
	}
	mu.Unlock()
	return f.wait(ctx)
}

// start runs fetch as a flight of generation gen. A fetch serves every
// caller, so the first caller's cancellation must not fail the others: it
// runs detached from ctx's deadline (callers stop waiting when ctx ends).
func start[T any](ctx context.Context, gen uint64, fetch func(context.Context) (T, error)) *flight[T] {
	f := &flight[T]{gen: gen, done: make(chan struct{})}
	go func() {
		f.val, f.err = fetch(context.WithoutCancel(ctx))
		close(f.done)
	}()
	return f
}

// wait returns the flight's result once it is there, or ctx's error.
func (f *flight[T]) wait(ctx context.Context) (T, error) {
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// refresh lists the zone anew, whatever is cached: the list after a write
// whose outcome is unknown. The new list becomes the cached one.
func (z *zoneState) refresh(ctx context.Context, fetch func(context.Context) ([]gigahost.Record, error)) ([]gigahost.Record, error) {
	z.mu.Lock()
	f := start(ctx, z.gen, fetch)
	z.cached = f
	z.mu.Unlock()
	return f.wait(ctx)
}

// noteWrite records, from inside a write (which holds writeMu), that the
// write made a record with this content present or absent.
func (z *zoneState) noteWrite(key recordKey, present bool) {
	z.mu.Lock()
	defer z.mu.Unlock()
	z.notes = append(z.notes, note{gen: z.gen + 1, key: key, present: present})
}

// zoneView is what a zone held at one moment, as far as this operation
// knows: a list fetched earlier and the notes of this operation's writes
// since that list's fetch began.
type zoneView struct {
	records []gigahost.Record
	notes   []note
	zone    string
}

// view returns what the zone holds now, as far as this operation knows,
// from the cached list when there is one (a request only when there is
// none). Callers hold writeMu, so that no write of this operation changes
// the zone meanwhile. Changes made outside the operation since the cached
// list was fetched are not seen.
func (z *zoneState) view(ctx context.Context, zone string, fetch func(context.Context) ([]gigahost.Record, error)) (zoneView, error) {
	z.mu.Lock()
	f := z.cached
	if f == nil || f.failed() {
		f = start(ctx, z.gen, fetch)
		z.cached = f
	}
	z.mu.Unlock()
	// A list still under way finishes before the write is sent, so that it
	// cannot show the write's own effect.
	records, err := f.wait(ctx)
	if err != nil {
		return zoneView{}, err
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	// Later lists start at f.gen or later: older notes are of no more use.
	z.notes = slices.DeleteFunc(z.notes, func(n note) bool { return n.gen <= f.gen })
	return zoneView{records: records, notes: slices.Clone(z.notes), zone: zone}, nil
}

// has reports whether the zone held a record with this content.
func (v zoneView) has(key recordKey) bool {
	present := false
	for _, r := range v.records {
		if keyOf(r, v.zone) == key {
			present = true
			break
		}
	}
	for _, n := range v.notes {
		if n.key == key {
			present = n.present
		}
	}
	return present
}

// failed reports whether a finished fetch failed, so that it is retried
// rather than served again.
func (f *flight[T]) failed() bool { return f.finished() && f.err != nil }

func (f *flight[T]) finished() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}

// write runs fn as a write to the zone: serialised with the zone's other
// writes, and counted so that later reads list the zone again. It returns
// the generation a list must have to reflect this write. When the write
// succeeds and the cached list was current, patch (if not nil) updates the
// cached list in place of a new request: a delete needs no new list.
func (z *zoneState) write(fn func() error, patch func([]gigahost.Record) []gigahost.Record) (uint64, error) {
	z.mu.Lock()
	z.pending++
	z.mu.Unlock()
	defer z.leave()

	z.writeMu.Lock()
	defer z.writeMu.Unlock()
	err := fn()
	z.mu.Lock()
	defer z.mu.Unlock()
	// Count failed writes too: a write that failed may still have changed
	// the zone.
	z.gen++
	if c := z.cached; err == nil && patch != nil && c != nil && c.gen == z.gen-1 && c.finished() && c.err == nil {
		z.cached = &flight[[]gigahost.Record]{gen: z.gen, done: closedChan, val: patch(slices.Clone(c.val))}
	}
	return z.gen, err
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (z *zoneState) leave() {
	z.mu.Lock()
	defer z.mu.Unlock()
	z.pending--
	if z.pending == 0 && z.idle != nil {
		close(z.idle)
		z.idle = nil
	}
}

// waitIdle waits until no write to the zone is queued or running (or for at
// most maxIdleWait). A create or update must list the zone to learn its new
// record id; when several writes are queued, listing once after the last of
// them serves them all, instead of one list per write.
func (z *zoneState) waitIdle(ctx context.Context) {
	z.mu.Lock()
	if z.pending == 0 {
		z.mu.Unlock()
		return
	}
	if z.idle == nil {
		z.idle = make(chan struct{})
	}
	idle := z.idle
	z.mu.Unlock()
	t := time.NewTimer(maxIdleWait)
	defer t.Stop()
	select {
	case <-idle:
	case <-t.C:
	case <-ctx.Done():
	}
}

const maxIdleWait = 2 * time.Second

// Zones returns the zone list, fetched once per operation unless a zone was
// created or deleted since.
func (zs *zones) Zones(ctx context.Context, fetch func(context.Context) ([]gigahost.Zone, error)) ([]gigahost.Zone, error) {
	return share(ctx, &zs.mu, &zs.list, 0, &zs.listGen, fetch)
}

// zonesChanged drops the cached zone list after a zone was created or deleted.
func (zs *zones) zonesChanged() {
	zs.mu.Lock()
	defer zs.mu.Unlock()
	zs.listGen++
}
