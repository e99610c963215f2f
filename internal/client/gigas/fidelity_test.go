package gigas

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// eachForm runs body once per form of a, each with its own mock.
func eachForm(t *testing.T, a mockapi.Alt, body func(t *testing.T, form string, m *mockapi.Server)) {
	t.Helper()
	spec, ok := mockapi.AltSpecOf(a)
	if !ok {
		t.Fatalf("no alternative %q", a)
	}
	for _, form := range spec.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			body(t, form, startMock(t, mockapi.Options{Alts: map[mockapi.Alt]string{a: form}}))
		})
	}
}

// built creates a VM and waits for its build.
func built(t *testing.T, c *Client, in CreateVMInput) *VirtualMachine {
	t.Helper()
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitVMBuilt(ctx, vm, "online"); err != nil {
		t.Fatal(err)
	}
	return vm
}

// The docs' examples, fed to the decoders: the create answer is a VM with
// its id, lock and token and no disk sizes (it carries none); the stats
// examples are no VM and no VM list, and say so instead of yielding nothing.
func TestDecodersReadDocsExamples(t *testing.T) {
	vm, err := decodeObject[VirtualMachine](apidocs.Read(t, "examples/gigas/POST_account_account_id_virtual_machine.json"), "virtual_machine")
	if err != nil {
		t.Fatal(err)
	}
	if vm.ID != "178931011513" || !bool(vm.Locked) || vm.Status != "unbuilt" || vm.Memory != 256 || vm.CPUs != 1 ||
		vm.LocationID != "178931012" || vm.TemplateID != "1789310154" || vm.HypervisorID != "178931017" ||
		vm.Identifier != "3geg9n6kbswbq4" || vm.CPUType != "amd" || vm.InitialPassword != "rYXtg8cCdLQI" || vm.Note != "" {
		t.Errorf("decoded %+v", vm)
	}
	if vm.Disks.Primary != nil || vm.Disks.Swap != nil {
		t.Errorf("the example has no disk sizes, yet %+v were read", vm.Disks)
	}
	if tok := queueToken(apidocs.Read(t, "examples/gigas/POST_account_account_id_virtual_machine.json")); tok != "7d9c9446-e2bd-4992-90e6-2c3930dfc757" {
		t.Errorf("queue token %q", tok)
	}
	for _, f := range []string{"GET_account_account_id_virtual_machine_machine_id_bw_stats.json", "GET_account_account_id_virtual_machine_machine_id_cpu_stats.json"} {
		body := apidocs.Read(t, "examples/gigas/"+f)
		if _, err := decodeObject[VirtualMachine](body, "virtual_machine"); err == nil {
			t.Errorf("%s read as a VM", f)
		}
		if _, err := decodeList[VirtualMachine](body, "virtual_machine", "virtual_machines"); err == nil {
			t.Errorf("%s read as a VM list", f)
		}
	}
}

// The list decoder reads every plausible shape and fails loudly on any
// other: never "no items".
func TestDecodeListShapes(t *testing.T) {
	for body, want := range map[string]int{
		`[]`:                                0,
		`[{"id":"1"},{"id":"2"}]`:           2,
		`{"virtual_machines":[{"id":"1"}]}`: 1,
		`{"data":[{"id":"1"}]}`:             1,
		`[{"virtual_machine":{"id":"1"}}]`:  1,
	} {
		got, err := decodeList[VirtualMachine]([]byte(body), "virtual_machine", "virtual_machines")
		if err != nil || len(got) != want || (want > 0 && got[0].ID != "1") {
			t.Errorf("%s: %+v, %v", body, got, err)
		}
	}
	for _, body := range []string{`{"items":[{"id":"1"}]}`, `{}`, `"none"`, `[1,2]`, `{"total":0}`} {
		if got, err := decodeList[VirtualMachine]([]byte(body), "virtual_machine", "virtual_machines"); err == nil {
			t.Errorf("%s: read as %+v, want an error", body, got)
		}
	}
}

// The VM list is read in every form the mock can answer in.
func TestListVMsEveryForm(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasVMList, func(t *testing.T, _ string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		for _, h := range []string{"alpha", "beta"} {
			if _, err := c.CreateVM(context.Background(), vmInput(h)); err != nil {
				t.Fatal(err)
			}
		}
		vms, err := c.ListVMs(context.Background(), nil)
		if err != nil || len(vms) != 2 || vms[0].Hostname != "alpha" || vms[1].Hostname != "beta" {
			t.Errorf("ListVMs = %+v, %v", vms, err)
		}
	})
}

// A single VM is read bare or wrapped.
func TestGetVMEveryForm(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasVMObject, func(t *testing.T, _ string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		vm := built(t, c, vmInput("one"))
		got, err := c.GetVM(context.Background(), string(vm.ID))
		if err != nil || got.ID != vm.ID || got.Hostname != "one" || got.Status != "online" {
			t.Errorf("GetVM = %+v, %v", got, err)
		}
	})
}

// Disk sizes are read where the disk list (or the VM object) shows them in a
// recognisable form; otherwise they are nil, never 0.
func TestDiskSizesEveryForm(t *testing.T) {
	t.Parallel()
	readable := map[string]bool{"bare-list": true, "item-wrapped": true, "wrapped": true, "type-field": true}
	eachForm(t, mockapi.AltGigasDisks, func(t *testing.T, form string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		in := vmInput("disks")
		swap := int64(2)
		in.SwapDiskSize = &swap
		vm := built(t, c, in)
		got, err := c.GetVM(context.Background(), string(vm.ID))
		if err != nil {
			t.Fatal(err)
		}
		d := got.Disks
		if readable[form] {
			if d.Primary == nil || *d.Primary != 20 || d.Swap == nil || *d.Swap != 2 {
				t.Errorf("disks %s: %v %v, want 20 and 2", form, d.Primary, d.Swap)
			}
			return
		}
		if d.Primary != nil || d.Swap != nil {
			t.Errorf("disks %s: read %v %v from a shape the client cannot know", form, d.Primary, d.Swap)
		}
	})
	t.Run("on the VM object", func(t *testing.T) {
		t.Parallel()
		m := startMock(t, mockapi.Options{Alts: map[mockapi.Alt]string{mockapi.AltGigasVMDisks: "present", mockapi.AltGigasDisks: "unavailable"}})
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		vm := built(t, c, vmInput("obj"))
		got, err := c.GetVM(context.Background(), string(vm.ID))
		if err != nil || got.Disks.Primary == nil || *got.Disks.Primary != 20 || got.Disks.Swap == nil || *got.Disks.Swap != 0 {
			t.Errorf("GetVM = %+v, %v", got, err)
		}
	})
}

func TestReadDisks(t *testing.T) {
	items := func(s string) []map[string]json.RawMessage {
		var out []map[string]json.RawMessage
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	i64 := func(p *int64) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	for body, want := range map[string]string{
		`[{"disk_size":10,"primary":true,"is_swap":false}]`:             "10/0",
		`[{"disk_size":"10","primary":1},{"disk_size":1,"is_swap":1}]`:  "10/1",
		`[{"size_gb":10,"type":"primary"},{"size_gb":2,"type":"swap"}]`: "10/2",
		`[{"size_mb":10240,"type":"primary"}]`:                          "10/0",
		`[{"size":10,"type":"primary"}]`:                                "nil/0",
		`[{"disk_size":10}]`:                                            "nil/nil",
		`[{"disk_size":10,"primary":true},{"disk_size":5}]`:             "10/nil",
		`[{"disk_size":null,"primary":true,"is_swap":false}]`:           "nil/0",
		`[{"capacity":10240,"label":"Disk 1"}]`:                         "nil/nil",
		`[]`:                                                            "nil/nil",
	} {
		d := readDisks(items(body))
		if got := i64(d.Primary) + "/" + i64(d.Swap); got != want {
			t.Errorf("%s: %s, want %s", body, got, want)
		}
	}
}

// A PUT whose answer is lost after it took effect is not sent again into a
// 409: the client waits for the lock, reads the VM back, and finds the change
// done. A PUT refused before it took effect is sent again.
func TestUpdateVMLostAnswer(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		fault    mockapi.Fault
		wantPuts int
	}{
		"applied then dropped": {mockapi.FaultDropAfter, 1},
		"refused with 500":     {mockapi.Fault500, 2},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := startMock(t, mockapi.Options{})
			cl := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey, AccountID: mockapi.GigasAccountID})
			vm := built(t, cl, vmInput("lost"))
			path := fmt.Sprintf("/account/%d/virtual_machine/%s", mockapi.GigasAccountID, vm.ID)
			m.FailNext("gigas", http.MethodPut, path, c.fault, 1)
			if _, err := cl.UpdateVM(context.Background(), string(vm.ID), UpdateVMInput{Memory: ptr[int64](4096)}); err != nil {
				t.Fatalf("UpdateVM: %v", err)
			}
			if mv, _ := m.Gigas.VM(string(vm.ID)); mv.Memory != 4096 || mv.Locked {
				t.Errorf("mock VM %+v", mv)
			}
			puts := 0
			for _, r := range m.Requests() {
				if r.Method == http.MethodPut && r.Path == path {
					puts++
				}
			}
			if puts != c.wantPuts {
				t.Errorf("%d PUTs, want %d", puts, c.wantPuts)
			}
			if n := countStatus(m, http.StatusConflict); n != 0 {
				t.Errorf("%d answers were 409 locked", n)
			}
		})
	}
}

// Whatever the PUT answers (a token, the VM with a token, the VM with its old
// values and no token), the change is waited for: the VM read right after
// UpdateVM shows the new values.
func TestUpdateVMEveryAnswer(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasPutAnswer, func(t *testing.T, _ string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		vm := built(t, c, vmInput("put"))
		ctx := context.Background()
		if _, err := c.UpdateVM(ctx, string(vm.ID), UpdateVMInput{Label: ptr("renamed"), PrimaryDiskSize: ptr[int64](30)}); err != nil {
			t.Fatal(err)
		}
		got, err := c.GetVM(ctx, string(vm.ID))
		if err != nil || got.Label != "renamed" || bool(got.Locked) || got.Disks.Primary == nil || *got.Disks.Primary != 30 {
			t.Errorf("read right after the update: %+v, %v", got, err)
		}
	})
}

// A transaction status that is neither pending nor completed is confirmed
// from the VM: a VM built and unlocked means done, with a warning quoting the
// status; a VM that does not show the work means the failure, quoted.
func TestWaitVMBuiltUnknownStatus(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{Alts: map[mockapi.Alt]string{mockapi.AltGigasDoneWord: "other", mockapi.AltGigasDeleteAnswer: "token"}})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, vmInput("word"))
	if err != nil {
		t.Fatal(err)
	}
	warnings, err := c.WaitVMBuilt(ctx, vm, "online")
	if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0], `"Success"`) {
		t.Fatalf("WaitVMBuilt = %v, %v; want done with a warning quoting the status", warnings, err)
	}
	warnings, err = c.UpdateVM(ctx, string(vm.ID), UpdateVMInput{CPUs: ptr[int64](4)})
	if err != nil || len(warnings) != 1 {
		t.Errorf("UpdateVM = %v, %v; want done with a warning", warnings, err)
	}

	m.Gigas.FailNextTransactions(1)
	_, err = c.UpdateVM(ctx, string(vm.ID), UpdateVMInput{CPUs: ptr[int64](8)})
	if err == nil || !strings.Contains(err.Error(), `status "failed"`) {
		t.Errorf("a failed change: err = %v, want the failure quoted", err)
	}
	if mv, _ := m.Gigas.VM(string(vm.ID)); mv.CPUs != 4 {
		t.Errorf("mock VM cpus %d", mv.CPUs)
	}
	warnings, err = c.DeleteVM(ctx, string(vm.ID))
	if _, still := m.Gigas.VM(string(vm.ID)); err != nil || len(warnings) != 1 || still {
		t.Errorf("DeleteVM = %v, %v; still in the mock: %v", warnings, err, still)
	}
}

// A built VM is brought to the power state asked for, whichever it came up in.
func TestWaitVMBuiltPowerState(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasBuiltStatus, func(t *testing.T, _ string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		for i, want := range []string{"online", "offline"} {
			vm, err := c.CreateVM(context.Background(), vmInput(fmt.Sprintf("p%d", i)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.WaitVMBuilt(context.Background(), vm, want); err != nil {
				t.Fatal(err)
			}
			if mv, _ := m.Gigas.VM(string(vm.ID)); mv.Status != want || mv.Locked {
				t.Errorf("want %s: mock VM %+v", want, mv)
			}
		}
	})
}

// With a TOTP, a session that cannot be refreshed (no refresh endpoint) needs
// a new login, whose code has expired: the error says so and suggests an API
// key. Where the refresh endpoint exists, the run goes on.
func TestSessionRenewalWithTOTP(t *testing.T) {
	t.Parallel()
	spec, _ := mockapi.AltSpecOf(mockapi.AltGigasTokenRefresh)
	for _, form := range spec.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			m := startMock(t, mockapi.Options{SessionTTL: refreshMargin, Alts: map[mockapi.Alt]string{mockapi.AltGigasTokenRefresh: form}})
			m.Gigas.RequireTOTP("111111")
			cfg := sessionConfig()
			cfg.TOTP, cfg.AccountID = "111111", mockapi.GigasAccountID
			c := newClient(t, m.GigasURL(), cfg)
			ctx := context.Background()
			if _, err := c.Locations(ctx); err != nil {
				t.Fatal(err)
			}
			m.Gigas.RequireTOTP("222222") // the code rotated
			_, err := c.Locations(ctx)
			switch form {
			case "present":
				if err != nil {
					t.Errorf("with a refresh endpoint: %v", err)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), "TOTP code") || !strings.Contains(err.Error(), "expired") || !strings.Contains(err.Error(), "gigas_api_key") {
					t.Errorf("err = %v, want the expired TOTP explained", err)
				}
				if n := count(m, http.MethodPost, "/token/refresh"); n != 1 {
					t.Errorf("%d refresh attempts, want 1 before the login", n)
				}
			}
		})
	}
	t.Run("absent without TOTP logs in again", func(t *testing.T) {
		t.Parallel()
		m := startMock(t, mockapi.Options{SessionTTL: refreshMargin, Alts: map[mockapi.Alt]string{mockapi.AltGigasTokenRefresh: "absent"}})
		cfg := sessionConfig()
		cfg.AccountID = mockapi.GigasAccountID
		c := newClient(t, m.GigasURL(), cfg)
		for i := range 2 {
			if _, err := c.Locations(context.Background()); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		if n := count(m, http.MethodPost, "/token"); n != 2 {
			t.Errorf("POST /token sent %d times, want 2", n)
		}
	})
}

// A transaction answer with no status is neither pending nor done: it is
// confirmed from the VM, never taken for success alone.
func TestTransactionWithoutStatus(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/status"):
			_, _ = w.Write([]byte(`{"updated_at":"2026-01-01"}`))
		default:
			_, _ = w.Write([]byte(`{"id":"7","status":"unbuilt","locked":0}`))
		}
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL, Config{APIKey: "k", AccountID: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := c.WaitVMBuilt(ctx, &VirtualMachine{ID: "7", QueueToken: "tok"}, "online")
	var te *TransactionError
	if !errors.As(err, &te) || te.Status != "" {
		t.Errorf("err = %v, want a TransactionError for the missing status", err)
	}
}

// A delete answered with no body (as the docs say) or with a token is
// confirmed by reading the VM until it is gone.
func TestDeleteVMEveryAnswer(t *testing.T) {
	t.Parallel()
	eachForm(t, mockapi.AltGigasDeleteAnswer, func(t *testing.T, _ string, m *mockapi.Server) {
		c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
		vm := built(t, c, vmInput("del"))
		if _, err := c.DeleteVM(context.Background(), string(vm.ID)); err != nil {
			t.Fatal(err)
		}
		if _, ok := m.Gigas.VM(string(vm.ID)); ok {
			t.Error("the VM is still in the mock")
		}
	})
}

// A write answered without a token that the VM never shows (the API ignored
// it) ends in an error naming what differs, not in a wait until the timeout.
func TestUpdateVMNeverShown(t *testing.T) {
	t.Parallel()
	var reads atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			reads.Add(1)
		}
		_, _ = w.Write([]byte(`{"id":"7","status":"online","locked":0,"memory":1024}`))
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL, Config{APIKey: "k", AccountID: 1})
	_, err := c.UpdateVM(context.Background(), "7", UpdateVMInput{Memory: ptr[int64](2048)})
	if err == nil || !strings.Contains(err.Error(), "memory is 1024, want 2048") {
		t.Errorf("err = %v, want the difference named", err)
	}
	if n := reads.Load(); n > unlockedChecks+2 {
		t.Errorf("%d reads", n)
	}
}
