package opcache

import (
	"context"
	"slices"
	"sync"
	"time"
)

// List is one key's write lock and list cache: the list of E an API shows
// for the key (a zone's records, an account's mailboxes), and notes of type
// N that this operation's writes leave of what they did. The zero value is
// ready to use.
type List[E, N any] struct {
	// writeMu serialises writes to the key.
	writeMu sync.Mutex

	mu      sync.Mutex
	gen     uint64        // counts completed writes
	pending int           // writes queued or running
	idle    chan struct{} // closed when pending drops to 0
	// cached holds the latest list fetched; it reflects every write counted
	// by its gen.
	cached *flight[[]E]
	// notes is what this operation's writes since the cached list's fetch
	// did: with the cached list, what the key holds now, as far as this
	// operation knows, without fetching the list again.
	notes []note[N]
}

// note is one write's note; gen is the write's generation.
type note[N any] struct {
	gen  uint64
	note N
}

// Get returns the list from a fetch started after at least minGen writes
// completed; minGen 0 means every write completed so far. Concurrent callers
// share one fetch.
func (l *List[E, N]) Get(ctx context.Context, minGen uint64, fetch Fetch[[]E]) ([]E, error) {
	return share(ctx, &l.mu, &l.cached, minGen, &l.gen, fetch)
}

// Refresh fetches the list anew, whatever is cached: the list after a write
// whose outcome is unknown. The new list becomes the cached one.
func (l *List[E, N]) Refresh(ctx context.Context, fetch Fetch[[]E]) ([]E, error) {
	l.mu.Lock()
	f := start(ctx, l.gen, fetch)
	l.cached = f
	l.mu.Unlock()
	return f.wait(ctx)
}

// Note records, from inside a write (which holds the write lock), what the
// write did.
func (l *List[E, N]) Note(n N) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.notes = append(l.notes, note[N]{gen: l.gen + 1, note: n})
}

// Snapshot is what a key held at one moment, as far as this operation
// knows: a list fetched earlier and the notes of this operation's writes
// since that list's fetch began, oldest first.
type Snapshot[E, N any] struct {
	List  []E
	Notes []N
}

// Snapshot returns what the key holds now, as far as this operation knows,
// from the cached list when there is one (a fetch only when there is none).
// Callers hold the write lock (call it from inside a write), so that no
// write of this operation changes the key meanwhile. Changes made outside
// the operation since the cached list was fetched are not seen.
func (l *List[E, N]) Snapshot(ctx context.Context, fetch Fetch[[]E]) (Snapshot[E, N], error) {
	l.mu.Lock()
	f := l.cached
	if f == nil || f.failed() {
		f = start(ctx, l.gen, fetch)
		l.cached = f
	}
	l.mu.Unlock()
	// A list still under way finishes before the write is sent, so that it
	// cannot show the write's own effect.
	list, err := f.wait(ctx)
	if err != nil {
		return Snapshot[E, N]{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	// Later lists start at f.gen or later: older notes are of no more use.
	l.notes = slices.DeleteFunc(l.notes, func(n note[N]) bool { return n.gen <= f.gen })
	notes := make([]N, len(l.notes))
	for i, n := range l.notes {
		notes[i] = n.note
	}
	return Snapshot[E, N]{List: list, Notes: notes}, nil
}

// Write runs fn as a write to the key: serialised with the key's other
// writes, and counted so that later reads fetch the list again. It returns
// the generation a list must have to reflect this write. When the write
// succeeds and the cached list was current, patch (if not nil) updates the
// cached list in place of a new fetch: for example a delete needs no new
// list.
func (l *List[E, N]) Write(fn func() error, patch func([]E) []E) (uint64, error) {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
	defer l.leave()

	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	err := fn()
	l.mu.Lock()
	defer l.mu.Unlock()
	// Count failed writes too: a write that failed may still have acted.
	l.gen++
	if c := l.cached; err == nil && patch != nil && c != nil && c.gen == l.gen-1 && c.finished() && c.err == nil {
		l.cached = landed(l.gen, patch(slices.Clone(c.val)))
	}
	return l.gen, err
}

// Forget drops the cached list and the notes of this operation's writes, so
// that the next read or write fetches the list anew: after a write whose
// effect on the list this operation cannot know. Callers hold the write
// lock: no write of this operation is under way.
func (l *List[E, N]) Forget() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cached = nil
	l.notes = nil
}

func (l *List[E, N]) leave() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending--
	if l.pending == 0 && l.idle != nil {
		close(l.idle)
		l.idle = nil
	}
}

// WaitIdle waits until no write to the key is queued or running (or for at
// most maxIdleWait, or until ctx ends). A write that must fetch the list to
// learn what it made can wait for the writes queued behind it: one fetch
// after the last of them serves them all, instead of one fetch per write.
func (l *List[E, N]) WaitIdle(ctx context.Context) {
	l.mu.Lock()
	if l.pending == 0 {
		l.mu.Unlock()
		return
	}
	if l.idle == nil {
		l.idle = make(chan struct{})
	}
	idle := l.idle
	l.mu.Unlock()
	t := time.NewTimer(maxIdleWait)
	defer t.Stop()
	select {
	case <-idle:
	case <-t.C:
	case <-ctx.Done():
	}
}

const maxIdleWait = 2 * time.Second
