package gigahost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// gets counts the mock's GETs of exactly this path.
func gets(m *mockapi.Server, path string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Method == http.MethodGet && r.Path == path {
			n++
		}
	}
	return n
}

// Concurrent readers of a zone's records and of the zone list share one
// request each, for the whole operation.
func TestDNSListsAreSharedByReaders(t *testing.T) {
	t.Parallel()
	c, m := dnsClient(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if recs, err := c.Records(ctx, "123"); err != nil || len(recs) != 3 {
				t.Errorf("records %v, %v", recs, err)
			}
		}()
		go func() {
			defer wg.Done()
			if name, err := c.ZoneName(ctx, "123"); err != nil || name != "example.no" {
				t.Errorf("zone name %q, %v", name, err)
			}
		}()
	}
	wg.Wait()
	if n, z := gets(m, "/dns/zones/123/records"), gets(m, "/dns/zones"); n != 1 || z != 1 {
		t.Fatalf("%d record lists and %d zone lists for 20 readers each, want 1 and 1", n, z)
	}
}

// Readers of a zone's records get the cached list itself, not a copy each
// (1,000 records read by 1,000 resources made a million copies of a record);
// a write changes a copy, so that a list already read stays as it was, and
// later readers see the write.
func TestRecordsSharedAndUnchangedByWrites(t *testing.T) {
	t.Parallel()
	c, _ := dnsClient(t)
	ctx := context.Background()
	first, err := c.Records(ctx, "123")
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Records(ctx, "123")
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || &first[0] != &again[0] {
		t.Fatalf("two readers got different copies of the zone's list (%d records)", len(first))
	}
	before := slices.Clone(first)
	if err := c.RemoveRecord(ctx, "123", func(rs []Record) (Record, bool) { return rs[0], true }); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddRecord(ctx, "123", "example.no", RecordInput{Name: "new", Type: "A", Value: "192.0.2.77", TTL: 300}); err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(first, before, func(a, b Record) bool { return a.ID == b.ID && a.Value == b.Value }) {
		t.Errorf("a write changed a list already read:\n%v\nwas\n%v", first, before)
	}
	after, err := c.Records(ctx, "123")
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || slices.ContainsFunc(after, func(r Record) bool { return r.ID == before[0].ID }) ||
		!slices.ContainsFunc(after, func(r Record) bool { return r.Value == "192.0.2.77" }) {
		t.Errorf("after a delete and a create the list is %v (was %v)", after, before)
	}
}

// Writes to one zone go one at a time (the mock refuses overlapping writes
// with 500), each create returns its record with the id the zone lists, and
// the lists that read them back are shared: fewer lists than writes. The
// record list stays current for later readers without a new request.
func TestDNSWritesSerialisedAndReadBackShared(t *testing.T) {
	t.Parallel()
	c, m := dnsClient(t)
	m.Gigahost.DNS.SetWriteConflicts(1, 3*time.Millisecond)
	ctx := context.Background()
	const n = 10
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec, err := c.AddRecord(ctx, "123", "example.no", RecordInput{Name: "w", Type: "A", Value: fmt.Sprintf("192.0.2.%d", i+1), TTL: 300})
			if err != nil {
				t.Errorf("create %d: %v", i, err)
				return
			}
			ids[i] = string(rec.ID)
		}()
	}
	wg.Wait()
	if k := m.Gigahost.DNS.WriteConflicts(); k != 0 {
		t.Errorf("%d overlapping writes, want 0", k)
	}
	for i, id := range ids {
		got := m.Gigahost.DNS.FindRecords(123, "w", "A", fmt.Sprintf("192.0.2.%d", i+1))
		if len(got) != 1 || got[0].ID != id {
			t.Errorf("record %d: id %q, mock %+v", i, id, got)
		}
	}
	lists := gets(m, "/dns/zones/123/records")
	if posts := m.CountRequests("gigahost", http.MethodPost, "/dns/zones/123/records"); posts != n || lists >= n {
		t.Errorf("%d creates and %d record lists, want %d creates and fewer lists", posts, lists, n)
	}
	recs, err := c.Records(ctx, "123")
	if err != nil || len(recs) != 3+n || gets(m, "/dns/zones/123/records") != lists {
		t.Errorf("records after the writes: %d, %v, %d lists (was %d)", len(recs), err, gets(m, "/dns/zones/123/records"), lists)
	}

	// Deletes: each verified by a list fetched after it, the lists shared.
	m.ResetRequests()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			value := fmt.Sprintf("192.0.2.%d", i+1)
			err := c.RemoveRecord(ctx, "123", func(recs []Record) (Record, bool) {
				for _, r := range recs {
					if r.Name == "w" && string(r.Value) == value {
						return r, true
					}
				}
				return Record{}, false
			})
			if err != nil {
				t.Errorf("delete %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if got := m.Gigahost.DNS.FindRecords(123, "w", "A", ""); len(got) != 0 {
		t.Errorf("left after the deletes: %+v", got)
	}
	lists = gets(m, "/dns/zones/123/records")
	if dels := m.CountRequests("gigahost", http.MethodDelete, "/dns/zones/123/records/"); dels != n || lists < 1 || lists >= n {
		t.Errorf("%d deletes and %d record lists, want %d deletes and between 1 and %d lists", dels, lists, n, n-1)
	}
}

// A DELETE answered 200 that deleted nothing is sent in every value form,
// each checked by a list, and then is an error naming the record; the
// record list is read anew afterwards.
func TestRemoveRecordAcknowledgedButNotDone(t *testing.T) {
	t.Parallel()
	c, m := dnsClient(t)
	ctx := context.Background()
	mx := func(recs []Record) (Record, bool) {
		for _, r := range recs {
			if r.Type == "MX" {
				return r, true
			}
		}
		return Record{}, false
	}
	recs, err := c.Records(ctx, "123")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := mx(recs)
	forms := DeleteValues(cur)
	m.ResetRequests()
	m.FailNext("gigahost", http.MethodDelete, "/dns/zones/123/records/", mockapi.FaultAck, len(forms))
	err = c.RemoveRecord(ctx, "123", mx)
	var nd *RecordNotDeletedError
	if !errors.As(err, &nd) || !strings.Contains(err.Error(), `MX record @ with value "mail.example.no"`) || len(nd.Tried) != len(forms) {
		t.Fatalf("err = %v, want a RecordNotDeletedError naming the MX record after its %d forms", err, len(forms))
	}
	if lists := gets(m, "/dns/zones/123/records"); lists != len(forms) {
		t.Errorf("%d lists, want one after each of the %d DELETEs", lists, len(forms))
	}
	if _, err := c.Records(ctx, "123"); err != nil || gets(m, "/dns/zones/123/records") != len(forms)+1 {
		t.Errorf("the record list was not read anew after the failed delete: %v", err)
	}
	// The next try deletes it, in the stored form.
	if err := c.RemoveRecord(ctx, "123", mx); err != nil {
		t.Fatal(err)
	}
	if got := m.Gigahost.DNS.FindRecords(123, "@", "MX", ""); len(got) != 0 {
		t.Errorf("MX left: %+v", got)
	}
}

func TestFindWrittenPrefersExactTTLAndPriority(t *testing.T) {
	t.Parallel()
	twenty := int64(20)
	p10, p20 := client.Int(10), client.Int(twenty)
	records := []Record{
		{ID: "old", Name: "@", Type: "MX", Value: "mx.example.no", TTL: 300, Priority: &p10},
		{ID: "new", Name: "@", Type: "MX", Value: "mx.example.no", TTL: 300, Priority: &p20},
		{Name: "@", Type: "MX", Value: "mx.example.no", TTL: 300, Priority: &p20}, // not read back yet
	}
	r, ok := findWritten(records, RecordInput{Name: "@", Type: "MX", Value: "mx.example.no.", TTL: 300, Priority: &twenty}, "example.no")
	if !ok || r.ID != "new" {
		t.Fatalf("found %+v", r)
	}
}

// A list fetched before a write finished does not replace the list the
// write patched: it would lose the write.
func TestStaleRecordListDoesNotOverwriteAWrite(t *testing.T) {
	t.Parallel()
	var l listCache[int]
	l.set([]int{1})
	gen := l.generation() // a fetch starts here
	l.patch(func(list []int) []int { return append(list, 2) })
	l.setIf([]int{1}, gen) // and lands after the write
	got, err := l.get(context.Background(), func(context.Context) ([]int, error) { return nil, errors.New("no fetch expected") })
	if err != nil || len(got) != 2 {
		t.Fatalf("list %v, %v; want the patched [1 2]", got, err)
	}
	l.setIf([]int{1, 2, 3}, l.generation()) // fetched after the write: kept
	if got, _ = l.get(context.Background(), nil); len(got) != 3 {
		t.Fatalf("list %v, want the newer fetch", got)
	}
}
