package webhosting

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/opcache"
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
	byID opcache.Keyed[int64, account]
}

// account is one hosting account's write lock and mailbox-list cache. Its
// notes say what this operation's writes since the cached list's fetch did
// to the account: with the cached list, which addresses exist now, as far
// as this operation knows, without listing the account again.
type account struct {
	opcache.List[gigahost.Mailbox, note]

	mu sync.Mutex
	// domain is the account's domain, once looked up.
	domain string
}

// note is what one write did: it made address present or absent.
type note struct {
	address string
	present bool
}

func sharedAccounts(c *providerdata.Clients) *accounts {
	return opcache.Shared(c, sharedKey, func() *accounts { return &accounts{} })
}

func (as *accounts) account(id int64) *account { return as.byID.Get(id) }

// noteWrite records, from inside a write (which holds the write lock), that
// the write made address present or absent.
func (a *account) noteWrite(address string, present bool) {
	a.Note(note{address: strings.ToLower(address), present: present})
}

// accountView is what an account held at one moment, as far as this
// operation knows: a list fetched earlier and the notes of this operation's
// writes since that list's fetch began.
type accountView opcache.Snapshot[gigahost.Mailbox, note]

// view returns what the account holds now, as far as this operation knows
// (see opcache.List.Snapshot). Callers hold the write lock.
func (a *account) view(ctx context.Context, fetch opcache.Fetch[[]gigahost.Mailbox]) (accountView, error) {
	snap, err := a.Snapshot(ctx, fetch)
	return accountView(snap), err
}

// has reports whether the account held a mailbox with this address.
func (v accountView) has(address string) bool {
	_, present := gigahost.FindMailbox(v.List, address)
	for _, n := range v.Notes {
		if strings.EqualFold(n.address, address) {
			present = n.present
		}
	}
	return present
}

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

// Writes patch the cached list where they can (see opcache.List.Write): a
// delete, a password or a quota change needs no new list; a create does (its
// default quota is only known from the list).

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

// mailboxFetch lists a hosting account's mailboxes.
func mailboxFetch(c *gigahost.Client, hostingID int64) opcache.Fetch[[]gigahost.Mailbox] {
	return func(ctx context.Context) ([]gigahost.Mailbox, error) { return c.Mailboxes(ctx, hostingID) }
}
