package dns

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestZoneCacheSharesOneListAndDropsItOnWrite(t *testing.T) {
	var fetches atomic.Int32
	fetch := func(context.Context) ([]gigahost.Record, error) {
		fetches.Add(1)
		time.Sleep(5 * time.Millisecond)
		return []gigahost.Record{{ID: "a"}, {ID: "b"}}, nil
	}
	z := &zoneState{}
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if recs, err := z.Records(ctx, 0, fetch); err != nil || len(recs) != 2 {
				t.Errorf("records %v, %v", recs, err)
			}
		}()
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Fatalf("50 concurrent reads made %d list requests, want 1", n)
	}
	// A write drops the list: the next read lists again.
	gen, _ := z.write(func() error { return nil }, nil)
	if _, err := z.Records(ctx, gen, fetch); err != nil || fetches.Load() != 2 {
		t.Fatalf("after a write: %d fetches, %v", fetches.Load(), err)
	}
	// A delete patches the current list instead.
	_, _ = z.write(func() error { return nil }, func(r []gigahost.Record) []gigahost.Record { return r[1:] })
	recs, _ := z.Records(ctx, 0, fetch)
	if fetches.Load() != 2 || len(recs) != 1 || recs[0].ID != "b" {
		t.Fatalf("after a delete: %d fetches, %v", fetches.Load(), recs)
	}
	// A failed list is not served again.
	failing := func(context.Context) ([]gigahost.Record, error) {
		fetches.Add(1)
		return nil, &client.APIError{Status: 500}
	}
	z2 := &zoneState{}
	if _, err := z2.Records(ctx, 0, failing); err == nil {
		t.Fatal("want the error")
	}
	if _, err := z2.Records(ctx, 0, fetch); err != nil {
		t.Fatalf("retry after a failed list: %v", err)
	}
}
