package opcache

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// counted returns a fetch of list that counts its calls.
func counted[E any](n *atomic.Int32, list ...E) Fetch[[]E] {
	return func(context.Context) ([]E, error) {
		n.Add(1)
		return slices.Clone(list), nil
	}
}

// gated returns a fetch that counts its calls and answers, with the number
// of the call, once release closes. It fails when its context was
// cancelled: a fetch is detached from its callers' cancellation.
func gated(n *atomic.Int32, release <-chan struct{}) Fetch[[]int] {
	return func(ctx context.Context) ([]int, error) {
		call := n.Add(1)
		<-release
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return []int{int(call)}, nil
	}
}

// waitFor waits until cond holds, checking it under l's lock.
func waitFor[E, N any](t *testing.T, l *List[E, N], cond func() bool) {
	t.Helper()
	for {
		l.mu.Lock()
		ok := cond()
		l.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(100 * time.Microsecond) // a polling pause, not a timing assertion
	}
}

// Concurrent reads share one fetch; a write drops the list, so that the
// next read fetches again; a write with a patch keeps the list current
// instead; a failed fetch is not served again.
func TestListSharesOneFetchAndDropsItOnWrite(t *testing.T) {
	t.Parallel()
	var fetches atomic.Int32
	fetch := func(context.Context) ([]string, error) {
		fetches.Add(1)
		time.Sleep(5 * time.Millisecond)
		return []string{"a", "b"}, nil
	}
	var l List[string, struct{}]
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := l.Get(ctx, 0, fetch); err != nil || len(got) != 2 {
				t.Errorf("list %v, %v", got, err)
			}
		}()
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Fatalf("50 concurrent reads made %d fetches, want 1", n)
	}
	// A write drops the list: the next read fetches again.
	gen, _ := l.Write(func() error { return nil }, nil)
	if _, err := l.Get(ctx, gen, fetch); err != nil || fetches.Load() != 2 {
		t.Fatalf("after a write: %d fetches, %v", fetches.Load(), err)
	}
	// A write with a patch updates the current list instead.
	_, _ = l.Write(func() error { return nil }, func(r []string) []string { return r[1:] })
	got, _ := l.Get(ctx, 0, fetch)
	if fetches.Load() != 2 || len(got) != 1 || got[0] != "b" {
		t.Fatalf("after a patched write: %d fetches, %v", fetches.Load(), got)
	}
	// A failed write is counted, but its patch is not applied.
	gen, err := l.Write(func() error { return errors.New("refused") }, func([]string) []string { return nil })
	if err == nil || gen != 3 {
		t.Fatalf("failed write: gen %d, %v", gen, err)
	}
	if got, _ := l.Get(ctx, 0, fetch); fetches.Load() != 3 || len(got) != 2 {
		t.Fatalf("after a failed write: %d fetches, %v", fetches.Load(), got)
	}
	// A failed fetch is not served again.
	failing := func(context.Context) ([]string, error) {
		fetches.Add(1)
		return nil, &client.APIError{Status: 500}
	}
	var l2 List[string, struct{}]
	if _, err := l2.Get(ctx, 0, failing); err == nil {
		t.Fatal("want the error")
	}
	if _, err := l2.Get(ctx, 0, fetch); err != nil {
		t.Fatalf("retry after a failed fetch: %v", err)
	}
}

// A read that starts after a write does not join a fetch that started
// before it: it sees a list that shows the write.
func TestListReadAfterWriteDoesNotJoinOlderFetch(t *testing.T) {
	t.Parallel()
	var fetches atomic.Int32
	release := make(chan struct{})
	fetch := gated(&fetches, release)
	var l List[int, struct{}]
	ctx := context.Background()
	before := make(chan []int)
	go func() {
		got, _ := l.Get(ctx, 0, fetch)
		before <- got
	}()
	waitFor(t, &l, func() bool { return l.cached != nil })
	gen, _ := l.Write(func() error { return nil }, nil)
	after := make(chan []int)
	go func() {
		got, _ := l.Get(ctx, 0, fetch)
		after <- got
	}()
	waitFor(t, &l, func() bool { return l.cached.gen == gen })
	close(release)
	if got := <-before; len(got) != 1 {
		t.Errorf("read before the write: %v", got)
	}
	if got := <-after; len(got) != 1 || got[0] != 2 {
		t.Errorf("read after the write got %v, want the second fetch's list", got)
	}
	if n := fetches.Load(); n != 2 {
		t.Errorf("%d fetches, want 2", n)
	}
	// Both results are served from now on without a fetch; the later one
	// is cached.
	if got, _ := l.Get(ctx, gen, fetch); got[0] != 2 || fetches.Load() != 2 {
		t.Errorf("cached list %v after %d fetches", got, fetches.Load())
	}
}

// The first reader's cancellation fails that reader only: the fetch it
// started runs on for the others.
func TestListCancelledReaderDoesNotFailOthers(t *testing.T) {
	t.Parallel()
	var fetches atomic.Int32
	release := make(chan struct{})
	fetch := gated(&fetches, release)
	var l List[int, struct{}]
	first, cancel := context.WithCancel(context.Background())
	firstErr := make(chan error)
	go func() {
		_, err := l.Get(first, 0, fetch)
		firstErr <- err
	}()
	waitFor(t, &l, func() bool { return l.cached != nil })
	second := make(chan error)
	go func() {
		got, err := l.Get(context.Background(), 0, fetch)
		if err == nil && len(got) != 1 {
			err = errors.New("wrong list")
		}
		second <- err
	}()
	cancel()
	if err := <-firstErr; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled reader: %v, want context.Canceled", err)
	}
	close(release)
	if err := <-second; err != nil {
		t.Errorf("other reader: %v", err)
	}
	if n := fetches.Load(); n != 1 {
		t.Errorf("%d fetches, want 1", n)
	}
}

// Notes of writes made since the cached list's fetch are kept; notes the
// cached list already shows are dropped.
func TestListSnapshotNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var fetches atomic.Int32
	fetch := counted(&fetches, "a")
	var l List[string, string]
	snap, err := l.Snapshot(ctx, fetch)
	if err != nil || len(snap.List) != 1 || len(snap.Notes) != 0 || fetches.Load() != 1 {
		t.Fatalf("first snapshot %+v, %v, %d fetches", snap, err, fetches.Load())
	}
	_, _ = l.Write(func() error { l.Note("made b"); return nil }, nil)
	_, _ = l.Write(func() error { l.Note("made c"); return nil }, nil)
	snap, _ = l.Snapshot(ctx, fetch)
	if fetches.Load() != 1 || !slices.Equal(snap.List, []string{"a"}) || !slices.Equal(snap.Notes, []string{"made b", "made c"}) {
		t.Fatalf("snapshot after two writes: %+v, %d fetches", snap, fetches.Load())
	}
	// A list fetched after the writes shows them: their notes go.
	if _, err := l.Get(ctx, 0, fetch); err != nil || fetches.Load() != 2 {
		t.Fatalf("read after the writes: %d fetches, %v", fetches.Load(), err)
	}
	if snap, _ = l.Snapshot(ctx, fetch); len(snap.Notes) != 0 || fetches.Load() != 2 {
		t.Fatalf("snapshot after a new list: %+v, %d fetches", snap, fetches.Load())
	}
	// Forget drops both the list and the notes.
	_, _ = l.Write(func() error { l.Note("made d"); l.Forget(); return nil }, func(r []string) []string { return r })
	if snap, _ = l.Snapshot(ctx, fetch); len(snap.Notes) != 0 || fetches.Load() != 3 {
		t.Fatalf("snapshot after Forget: %+v, %d fetches", snap, fetches.Load())
	}
	// Refresh always fetches, and its list becomes the cached one.
	if _, err := l.Refresh(ctx, fetch); err != nil || fetches.Load() != 4 {
		t.Fatalf("refresh: %d fetches, %v", fetches.Load(), err)
	}
	if _, err := l.Get(ctx, 0, fetch); err != nil || fetches.Load() != 4 {
		t.Fatalf("read after a refresh: %d fetches, %v", fetches.Load(), err)
	}
}

// WaitIdle returns once no write is queued or running.
func TestListWaitIdle(t *testing.T) {
	t.Parallel()
	var l List[int, struct{}]
	l.WaitIdle(context.Background()) // no write: returns at once

	release := make(chan struct{})
	var written atomic.Bool
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		_, _ = l.Write(func() error { <-release; written.Store(true); return nil }, nil)
	}()
	waitFor(t, &l, func() bool { return l.pending == 1 })
	sawWrite := make(chan bool)
	go func() {
		l.WaitIdle(context.Background())
		sawWrite <- written.Load()
	}()
	waitFor(t, &l, func() bool { return l.idle != nil })
	// A waiter whose context ends stops waiting.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l.WaitIdle(ctx)
	if written.Load() {
		t.Fatal("the write finished before it was released")
	}
	close(release)
	if !<-sawWrite {
		t.Error("WaitIdle returned before the write finished")
	}
	<-wrote
}

func TestValue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var fetches atomic.Int32
	var v Value[[]string]
	fetch := counted(&fetches, "k1")
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := v.Get(ctx, fetch); err != nil || len(got) != 1 {
				t.Errorf("value %v, %v", got, err)
			}
		}()
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Fatalf("20 concurrent reads made %d fetches, want 1", n)
	}
	v.Invalidate()
	if _, err := v.Get(ctx, fetch); err != nil || fetches.Load() != 2 {
		t.Fatalf("after Invalidate: %d fetches, %v", fetches.Load(), err)
	}
	var failed Value[[]string]
	if _, err := failed.Get(ctx, func(context.Context) ([]string, error) { return nil, errors.New("down") }); err == nil {
		t.Fatal("want the error")
	}
	if got, err := failed.Get(ctx, fetch); err != nil || len(got) != 1 {
		t.Fatalf("retry after a failed fetch: %v, %v", got, err)
	}
}

func TestKeyedAndShared(t *testing.T) {
	t.Parallel()
	var k Keyed[string, List[int, struct{}]]
	if a, b := k.Get("1"), k.Get("1"); a != b {
		t.Error("two lists for one key")
	}
	if k.Get("1") == k.Get("2") {
		t.Error("one list for two keys")
	}
	c := providerdata.New(gigas.Config{}, gigahost.Config{})
	create := func() *Value[int] { return &Value[int]{} }
	if first := Shared(c, "test", create); first != Shared(c, "test", create) {
		t.Error("two values for one provider instance")
	}
	if Shared(providerdata.New(gigas.Config{}, gigahost.Config{}), "test", create) == Shared(c, "test", create) {
		t.Error("one value for two provider instances")
	}
}
