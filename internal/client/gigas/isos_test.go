package gigas

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The ISO list is read in every plausible shape; an unknown shape, or an
// item without an id, is an error, never "nothing mounted".
func TestDecodeISOJoins(t *testing.T) {
	item := `{"id":"7","iso_id":100,"iso_url":null,"virtual_machine_id":"1"}`
	for body, want := range map[string]int{
		`[]`:                           0,
		`[` + item + `]`:               1,
		`{"isos":[` + item + `]}`:      1,
		`{"iso_joins":[` + item + `]}`: 1,
		`{"data":[` + item + `]}`:      1,
		`[{"iso_join":` + item + `}]`:  1,
	} {
		got, err := decodeISOJoins([]byte(body))
		if err != nil || len(got) != want || (want == 1 && (got[0].ID != "7" || got[0].ISOID != "100" || got[0].ISOURL != "")) {
			t.Errorf("%s: %+v, %v", body, got, err)
		}
	}
	for _, body := range []string{`{}`, item, `[{"join":"7","iso":100}]`, `"none"`} {
		if got, err := decodeISOJoins([]byte(body)); err == nil {
			t.Errorf("%s: read as %+v, want an error", body, got)
		}
	}
}

// mountAndWait mounts iso_id 100 in a new built VM and waits for it.
func mountAndWait(t *testing.T, c *Client) (vmID string, m *MountedISO) {
	t.Helper()
	vm := built(t, c, vmInput("iso"))
	ctx := context.Background()
	m, err := c.MountISO(ctx, string(vm.ID), MountISOInput{ISOID: "100"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitISOMounted(ctx, string(vm.ID), m); err != nil {
		t.Fatal(err)
	}
	return string(vm.ID), m
}

// A mount answered in any form yields the join's id (found by listing when
// the answer lacks it), and the unmount, answered with or without a
// token, is confirmed by the list.
func TestMountISOEveryAnswer(t *testing.T) {
	t.Parallel()
	for _, alt := range []mockapi.Alt{mockapi.AltGigasISOMountAnswer, mockapi.AltGigasDeleteAnswer} {
		eachForm(t, alt, func(t *testing.T, _ string, m *mockapi.Server) {
			c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
			vmID, mounted := mountAndWait(t, c)
			joins := m.Gigas.ISOJoins(vmID)
			if len(joins) != 1 || joins[0].ID != string(mounted.Join.ID) || joins[0].ISOID != "100" {
				t.Fatalf("mounted %+v; the mock holds %+v", mounted.Join, joins)
			}
			if _, err := c.UnmountISO(context.Background(), vmID, string(mounted.Join.ID)); err != nil {
				t.Fatal(err)
			}
			if joins := m.Gigas.ISOJoins(vmID); len(joins) != 0 {
				t.Errorf("after the unmount the mock holds %+v", joins)
			}
			if _, err := c.ISOJoin(context.Background(), vmID, string(mounted.Join.ID)); !client.IsNotFound(err) {
				t.Errorf("ISOJoin after the unmount: %v, want not found", err)
			}
		})
	}
}

// A mount whose answer is lost is adopted when the API made it, sent again
// when it did not: one join either way. An unmount whose answer is lost is
// confirmed by the list, not sent again.
func TestMountISOLostAnswer(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		fault     mockapi.Fault
		wantPosts int
	}{{mockapi.FaultDropAfter, 1}, {mockapi.Fault500, 2}} {
		t.Run(string(c.fault), func(t *testing.T) {
			t.Parallel()
			m := startMock(t, mockapi.Options{})
			cl := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
			vm := built(t, cl, vmInput("lost"))
			path := fmt.Sprintf("/account/%d/virtual_machine/%s/iso", mockapi.GigasAccountID, vm.ID)
			m.FailNext("gigas", http.MethodPost, path, c.fault, 1)
			ctx := context.Background()
			mounted, err := cl.MountISO(ctx, string(vm.ID), MountISOInput{ISOURL: "https://example.com/a.iso"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := cl.WaitISOMounted(ctx, string(vm.ID), mounted); err != nil {
				t.Fatal(err)
			}
			joins := m.Gigas.ISOJoins(string(vm.ID))
			if len(joins) != 1 || joins[0].ID != string(mounted.Join.ID) {
				t.Errorf("mounted %+v; the mock holds %+v", mounted.Join, joins)
			}
			if n := count(m, http.MethodPost, path) + faults(m, http.MethodPost); n != c.wantPosts {
				t.Errorf("%d mount requests, want %d", n, c.wantPosts)
			}
			m.FailNext("gigas", http.MethodDelete, path+"/", mockapi.FaultDropAfter, 1)
			if _, err := cl.UnmountISO(ctx, string(vm.ID), string(mounted.Join.ID)); err != nil {
				t.Fatal(err)
			}
			if n := faults(m, http.MethodDelete); n != 1 || count(m, http.MethodDelete, path+"/"+string(mounted.Join.ID)) != 0 {
				t.Errorf("the lost unmount was sent again (%d faults)", n)
			}
			if joins := m.Gigas.ISOJoins(string(vm.ID)); len(joins) != 0 {
				t.Errorf("after the unmount the mock holds %+v", joins)
			}
		})
	}
}

func faults(m *mockapi.Server, method string) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Fault != "" && r.Method == method {
			n++
		}
	}
	return n
}
