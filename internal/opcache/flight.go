package opcache

import (
	"context"
	"sync"
)

// flight is one fetch of a value: done closes when val and err are set. gen
// is the write count when the fetch started, so the result reflects at
// least that many writes.
type flight[T any] struct {
	gen  uint64
	done chan struct{}
	val  T
	err  error
}

// share returns the value of *slot when it was fetched at generation minGen
// or later (joining a fetch under way), else fetches it anew. mu guards slot
// and *gen, the current generation; minGen 0 means the current one.
func share[T any](ctx context.Context, mu *sync.Mutex, slot **flight[T], minGen uint64, gen *uint64, fetch Fetch[T]) (T, error) {
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
func start[T any](ctx context.Context, gen uint64, fetch Fetch[T]) *flight[T] {
	f := &flight[T]{gen: gen, done: make(chan struct{})}
	go func() {
		f.val, f.err = fetch(context.WithoutCancel(ctx))
		close(f.done)
	}()
	return f
}

// landed returns a finished flight of generation gen that holds val.
func landed[T any](gen uint64, val T) *flight[T] {
	return &flight[T]{gen: gen, done: closedChan, val: val}
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

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
