package webhosting

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// A write with a mailbox patch keeps the list current, a write without one
// makes the next read list again; notes of this operation's writes complete
// a stale list. (Sharing one list between concurrent reads is opcache's,
// tested there.)
func TestAccountCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var fetches atomic.Int32
	store := []gigahost.Mailbox{{Address: "a@x.no", Quota: 1}, {Address: "b@x.no", Quota: 2}}
	fetch := func(context.Context) ([]gigahost.Mailbox, error) {
		fetches.Add(1)
		return append([]gigahost.Mailbox(nil), store...), nil
	}
	a := &account{}
	if _, err := a.Get(ctx, 0, fetch); err != nil {
		t.Fatal(err)
	}
	if n := fetches.Load(); n != 1 {
		t.Fatalf("a read made %d lists, want 1", n)
	}

	gen, _ := a.Write(func() error { store[0].Quota = 9; return nil }, patchQuota("a@x.no", 9))
	list, _ := a.Get(ctx, gen, fetch)
	if mb, _ := gigahost.FindMailbox(list, "a@x.no"); mb.Quota != 9 || fetches.Load() != 1 {
		t.Errorf("after a patched write: %+v, %d lists", list, fetches.Load())
	}

	gen, _ = a.Write(func() error {
		store = append(store, gigahost.Mailbox{Address: "c@x.no"})
		a.noteWrite("c@x.no", true)
		return nil
	}, nil)
	v, _ := a.view(ctx, fetch)
	if !v.has("c@x.no") || !v.has("b@x.no") || v.has("d@x.no") || fetches.Load() != 1 {
		t.Errorf("view after a create: %+v, %d lists", v, fetches.Load())
	}
	if _, err := a.Get(ctx, gen, fetch); err != nil || fetches.Load() != 2 {
		t.Errorf("a read after an unpatched write made %d lists in all, want 2 (%v)", fetches.Load(), err)
	}
	a.Write(func() error { a.noteWrite("b@x.no", false); return nil }, patchRemove("b@x.no")) //nolint:errcheck // cannot fail
	if v, _ := a.view(ctx, fetch); v.has("b@x.no") {
		t.Errorf("view after a delete still has b: %+v", v)
	}
}
