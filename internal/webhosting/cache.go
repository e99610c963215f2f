package webhosting

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// The Gigahost API has no endpoint for one mailbox: a mailbox is found in
// its hosting account's list. Refreshing N mailboxes of an account must not
// list the account N times, so each provider instance (Terraform configures
// a new one for every operation: plan, apply, import) keeps one list per
// hosting account, shared by every mailbox of the account and updated or
// dropped by every write to it. Since the instance lives for one operation
// only, changes made outside Terraform between operations are always seen.
// Writes to one account are serialised, so that the list and this
// operation's knowledge of its own writes stay consistent; writes to
// different accounts run in parallel.

const sharedKey = "gigahost/webhosting/mailboxes"

// accounts is the per-operation mailbox state of one provider instance.
type accounts struct {
	mu   sync.Mutex
	byID map[int64]*account
}

// account is one hosting account's write lock and mailbox-list cache.
type account struct {
	// writeMu serialises writes to the account.
	writeMu sync.Mutex

	mu      sync.Mutex
	gen     uint64        // counts completed writes
	pending int           // writes queued or running
	idle    chan struct{} // closed when pending drops to 0
	// cached holds the latest list fetched; it reflects every write counted
	// by its gen.
	cached *flight
	// notes is what this operation's writes since the cached list's fetch
	// did to the account: with the cached list, which addresses exist now,
	// as far as this operation knows, without listing the account again.
	notes []note
	// domain is the account's domain, once looked up.
	domain string
}

// note is what one write did: it made address present or absent. gen is
// the write's generation.
type note struct {
	gen     uint64
	address string
	present bool
}

// flight is one fetch of the list: done closes when val and err are set.
// gen is the write count when the fetch started, so the list reflects at
// least that many writes.
type flight struct {
	gen  uint64
	done chan struct{}
	val  []gigahost.Mailbox
	err  error
}

type fetchFunc func(context.Context) ([]gigahost.Mailbox, error)

func sharedAccounts(c *providerdata.Clients) *accounts {
	return c.Shared(sharedKey, func() any { return &accounts{byID: map[int64]*account{}} }).(*accounts) //nolint:forcetypeassert // only this file stores under sharedKey
}

func (as *accounts) account(id int64) *account {
	as.mu.Lock()
	defer as.mu.Unlock()
	a, ok := as.byID[id]
	if !ok {
		a = &account{}
		as.byID[id] = a
	}
	return a
}

// Mailboxes returns the account's mailboxes from a list fetched after at
// least minGen writes completed; minGen 0 means every write completed so
// far. Concurrent callers share one request.
func (a *account) Mailboxes(ctx context.Context, minGen uint64, fetch fetchFunc) ([]gigahost.Mailbox, error) {
	a.mu.Lock()
	if minGen == 0 {
		minGen = a.gen
	}
	f := a.cached
	if f == nil || f.gen < minGen || f.failed() {
		f = start(ctx, a.gen, fetch)
		a.cached = f
	}
	a.mu.Unlock()
	return f.wait(ctx)
}

// start runs fetch as a flight of generation gen. A fetch serves every
// caller, so the first caller's cancellation must not fail the others: it
// runs detached from ctx's deadline (callers stop waiting when ctx ends).
func start(ctx context.Context, gen uint64, fetch fetchFunc) *flight {
	f := &flight{gen: gen, done: make(chan struct{})}
	go func() {
		f.val, f.err = fetch(context.WithoutCancel(ctx))
		close(f.done)
	}()
	return f
}

// wait returns the flight's result once it is there, or ctx's error.
func (f *flight) wait(ctx context.Context) ([]gigahost.Mailbox, error) {
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// failed reports whether a finished fetch failed, so that it is retried
// rather than served again.
func (f *flight) failed() bool { return f.finished() && f.err != nil }

func (f *flight) finished() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}

// refresh lists the account anew, whatever is cached: the list after a
// create whose outcome is unknown. The new list becomes the cached one.
func (a *account) refresh(ctx context.Context, fetch fetchFunc) ([]gigahost.Mailbox, error) {
	a.mu.Lock()
	f := start(ctx, a.gen, fetch)
	a.cached = f
	a.mu.Unlock()
	return f.wait(ctx)
}

// noteWrite records, from inside a write (which holds writeMu), that the
// write made address present or absent.
func (a *account) noteWrite(address string, present bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.notes = append(a.notes, note{gen: a.gen + 1, address: strings.ToLower(address), present: present})
}

// accountView is what an account held at one moment, as far as this
// operation knows: a list fetched earlier and the notes of this operation's
// writes since that list's fetch began.
type accountView struct {
	mailboxes []gigahost.Mailbox
	notes     []note
}

// view returns what the account holds now, as far as this operation knows,
// from the cached list when there is one (a request only when there is
// none). Callers hold writeMu, so that no write of this operation changes
// the account meanwhile. Changes made outside the operation since the
// cached list was fetched are not seen.
func (a *account) view(ctx context.Context, fetch fetchFunc) (accountView, error) {
	a.mu.Lock()
	f := a.cached
	if f == nil || f.failed() {
		f = start(ctx, a.gen, fetch)
		a.cached = f
	}
	a.mu.Unlock()
	// A list still under way finishes before the write is sent, so that it
	// cannot show the write's own effect.
	list, err := f.wait(ctx)
	if err != nil {
		return accountView{}, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	// Later lists start at f.gen or later: older notes are of no more use.
	a.notes = slices.DeleteFunc(a.notes, func(n note) bool { return n.gen <= f.gen })
	return accountView{mailboxes: list, notes: slices.Clone(a.notes)}, nil
}

// has reports whether the account held a mailbox with this address.
func (v accountView) has(address string) bool {
	_, present := gigahost.FindMailbox(v.mailboxes, address)
	for _, n := range v.notes {
		if strings.EqualFold(n.address, address) {
			present = n.present
		}
	}
	return present
}

// write runs fn as a write to the account: serialised with the account's
// other writes, and counted so that later reads list the account again. It
// returns the generation a list must have to reflect this write. When the
// write succeeds and the cached list was current, patch (if not nil)
// updates the cached list in place of a new request: a delete, a password
// or a quota change needs no new list; a create does (its default quota is
// only known from the list).
func (a *account) write(fn func() error, patch func([]gigahost.Mailbox) []gigahost.Mailbox) (uint64, error) {
	a.mu.Lock()
	a.pending++
	a.mu.Unlock()
	defer a.leave()

	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	err := fn()
	a.mu.Lock()
	defer a.mu.Unlock()
	// Count failed writes too: a write that failed may still have changed
	// the account.
	a.gen++
	if c := a.cached; err == nil && patch != nil && c != nil && c.gen == a.gen-1 && c.finished() && c.err == nil {
		a.cached = &flight{gen: a.gen, done: closedChan, val: patch(slices.Clone(c.val))}
	}
	return a.gen, err
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (a *account) leave() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending--
	if a.pending == 0 && a.idle != nil {
		close(a.idle)
		a.idle = nil
	}
}

// waitIdle waits until no write to the account is queued or running (or for
// at most maxIdleWait). A create must list the account to learn the new
// mailbox's quota; when several writes are queued, listing once after the
// last of them serves them all, instead of one list per write.
func (a *account) waitIdle(ctx context.Context) {
	a.mu.Lock()
	if a.pending == 0 {
		a.mu.Unlock()
		return
	}
	if a.idle == nil {
		a.idle = make(chan struct{})
	}
	idle := a.idle
	a.mu.Unlock()
	t := time.NewTimer(maxIdleWait)
	defer t.Stop()
	select {
	case <-idle:
	case <-t.C:
	case <-ctx.Done():
	}
}

const maxIdleWait = 2 * time.Second

// Domain returns the account's domain, the one of every mailbox created in
// it, looked up once per operation (GET /webhosting/{id}).
func (a *account) Domain(ctx context.Context, lookup func(context.Context) (string, error)) (string, error) {
	a.mu.Lock()
	d := a.domain
	a.mu.Unlock()
	if d != "" {
		return d, nil
	}
	d, err := lookup(ctx)
	if err != nil {
		return "", err
	}
	d = strings.ToLower(strings.TrimSuffix(d, "."))
	a.mu.Lock()
	a.domain = d
	a.mu.Unlock()
	return d, nil
}

// patchQuota sets the quota of address in a cached list.
func patchQuota(address string, quota int64) func([]gigahost.Mailbox) []gigahost.Mailbox {
	return func(list []gigahost.Mailbox) []gigahost.Mailbox {
		for i := range list {
			if strings.EqualFold(list[i].Address, address) {
				list[i].Quota = quota
			}
		}
		return list
	}
}

// patchRemove drops address from a cached list.
func patchRemove(address string) func([]gigahost.Mailbox) []gigahost.Mailbox {
	return func(list []gigahost.Mailbox) []gigahost.Mailbox {
		return slices.DeleteFunc(list, func(m gigahost.Mailbox) bool { return strings.EqualFold(m.Address, address) })
	}
}

// unchanged is the patch of a write the list does not show (a password).
func unchanged(list []gigahost.Mailbox) []gigahost.Mailbox { return list }
