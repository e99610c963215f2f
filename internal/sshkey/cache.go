package sshkey

import (
	"context"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// The API has no endpoint for one SSH key: every key is found in the
// account's list (GET /account). Refreshing N keys, and the data source,
// share one list per provider instance (one Terraform operation); every
// write drops it, so a read after a write lists again.

const sharedKey = "gigahost/sshkeys"

// keyList is the shared list of one provider instance.
type keyList struct {
	mu  sync.Mutex
	gen uint64 // counts writes
	cur *listFetch
}

// listFetch is one GET /account: done closes when keys and err are set.
type listFetch struct {
	gen  uint64
	done chan struct{}
	keys []gigahost.SSHKey
	err  error
}

func sharedKeys(c *providerdata.Clients) *keyList {
	return c.Shared(sharedKey, func() any { return &keyList{} }).(*keyList) //nolint:forcetypeassert // only this file stores under sharedKey
}

// keys returns the account's keys from a list fetched after the last write,
// joining a fetch under way. A failed fetch is not kept.
func (l *keyList) keys(ctx context.Context, c *gigahost.Client) ([]gigahost.SSHKey, error) {
	l.mu.Lock()
	f := l.cur
	if f == nil || f.gen != l.gen || f.failed() {
		f = &listFetch{gen: l.gen, done: make(chan struct{})}
		l.cur = f
		// The fetch serves every caller, so one caller's cancellation must
		// not fail the others: it runs detached from ctx (callers stop
		// waiting when their ctx ends).
		go func() {
			f.keys, f.err = c.SSHKeys(context.WithoutCancel(ctx))
			close(f.done)
		}()
	}
	l.mu.Unlock()
	select {
	case <-f.done:
		return f.keys, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// wrote drops the list after a write (successful or not: it may have acted).
func (l *keyList) wrote() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
}

func (f *listFetch) failed() bool {
	select {
	case <-f.done:
		return f.err != nil
	default:
		return false
	}
}
