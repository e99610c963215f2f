// Package opcache holds per-operation caches of API lists, keyed, with
// serialised writes.
//
// Terraform configures a new provider instance for every operation (plan,
// apply, import), so state shared by the resources of one instance lives
// for one operation only: changes made outside Terraform between operations
// are always seen. Within an operation, resources whose API has no endpoint
// for one object find it in a list; refreshing N objects must not fetch the
// list N times. This package keeps such lists: one fetch shared by
// concurrent readers, dropped (or patched) by every write, with writes to
// one key serialised and counted so that a reader can ask for a list that
// shows a given write.
//
// What a write does to a list (its patch) and what a note of a write means
// belong to the package that uses the cache.
package opcache

import (
	"context"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// Fetch fetches a value (a list) from the API.
type Fetch[T any] func(context.Context) (T, error)

// Shared returns the value of this provider instance stored under key,
// created by create on first use. Each key must always be used with the
// same type T.
func Shared[T any](c *providerdata.Clients, key string, create func() *T) *T {
	return c.Shared(key, func() any { return create() }).(*T) //nolint:forcetypeassert // a key always holds the same type
}

// Keyed holds one V per key (a zone, a hosting account), created on first
// use. The zero value is ready to use.
type Keyed[K comparable, V any] struct {
	mu   sync.Mutex
	byID map[K]*V
}

// Get returns the key's V, creating it (zero) on first use.
func (k *Keyed[K, V]) Get(key K) *V {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.byID[key]
	if !ok {
		if k.byID == nil {
			k.byID = map[K]*V{}
		}
		v = new(V)
		k.byID[key] = v
	}
	return v
}

// Value is one value fetched once per operation, shared by concurrent
// readers, until Invalidate says that a write changed it. The zero value is
// ready to use.
type Value[T any] struct {
	mu  sync.Mutex
	gen uint64 // counts writes
	cur *flight[T]
}

// Get returns the value from a fetch started after the last Invalidate,
// joining a fetch under way. A failed fetch is not served again.
func (v *Value[T]) Get(ctx context.Context, fetch Fetch[T]) (T, error) {
	return share(ctx, &v.mu, &v.cur, 0, &v.gen, fetch)
}

// Invalidate drops the value after a write (successful or not: a failed
// write may still have acted), so that the next Get fetches it again.
func (v *Value[T]) Invalidate() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.gen++
}
