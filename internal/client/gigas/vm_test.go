package gigas

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func vmInput(hostname string) CreateVMInput {
	return CreateVMInput{
		Label: "label " + hostname, Hostname: hostname, Memory: 1024, CPUs: 2, PrimaryDiskSize: 20,
		LocationID: "226661012", TemplateID: "2266610140", InitialRootPassword: "Secret_pass-1",
	}
}

func TestCreateVMAndWaitTransaction(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), sessionConfig())
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, vmInput("web1"))
	if err != nil {
		t.Fatal(err)
	}
	if vm.ID == "" || vm.QueueToken == "" || vm.Hostname != "web1" || vm.Memory != 1024 || !bool(vm.Locked) {
		t.Errorf("create answered %+v, want the id, a queue token and a locked VM", vm)
	}
	if mv, ok := m.Gigas.VM(string(vm.ID)); !ok || mv.Status != "unbuilt" || !mv.Locked {
		t.Errorf("in the mock before the wait: %+v, %v", mv, ok)
	}
	if err := c.WaitTransaction(ctx, string(vm.QueueToken)); err != nil {
		t.Fatalf("WaitTransaction: %v", err)
	}
	mv, ok := m.Gigas.VM(string(vm.ID))
	if !ok || mv.Status != "online" || mv.Locked {
		t.Errorf("in the mock after the wait: %+v, %v; want online and unlocked", mv, ok)
	}
	got, err := c.GetVM(ctx, string(vm.ID))
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "online" || bool(got.Locked) || got.LocationID != "226661012" || got.CPUs != 2 || got.InitialPassword != "Secret_pass-1" {
		t.Errorf("GetVM = %+v", got)
	}
	if n := count(m, http.MethodGet, fmt.Sprintf("/account/%d/transaction/%s/status", mockapi.GigasAccountID, vm.QueueToken)); n < 2 {
		t.Errorf("the transaction was read %d times, want it seen pending, then done", n)
	}
}

func TestWaitTransactionFailureIsTransactionError(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	m.Gigas.FailNextTransactions(1)
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, vmInput("doomed"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.WaitTransaction(ctx, string(vm.QueueToken))
	var te *TransactionError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v (%T), want a *TransactionError", err, err)
	}
	if te.Token != string(vm.QueueToken) || te.Status != "failed" || te.Detail != "Build failed on the hypervisor" {
		t.Errorf("TransactionError = %+v", te)
	}
	if !strings.Contains(err.Error(), `status "failed"`) || !strings.Contains(err.Error(), "Build failed on the hypervisor") {
		t.Errorf("message %q does not quote the status and the detail", err)
	}
}

func TestWaitTransactionEmptyTokenIsDone(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	if err := c.WaitTransaction(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if n := len(m.Requests()); n != 0 {
		t.Errorf("%d requests for an empty token", n)
	}
}

// statusServer answers the transaction status with each of statuses in turn,
// repeating the last one.
func statusServer(t *testing.T, statuses ...string) (*Client, *int) {
	t.Helper()
	var mu sync.Mutex
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path != "/account/1/transaction/tok-1/status" {
			t.Errorf("unexpected request %s", r.URL.Path)
		}
		s := statuses[min(calls, len(statuses)-1)]
		calls++
		_ = json.NewEncoder(w).Encode(map[string]any{"status": s, "message": "detail for " + s})
	}))
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL, Config{APIKey: "k", AccountID: 1}), &calls
}

func TestWaitTransactionStatusValues(t *testing.T) {
	t.Parallel()
	done := [][]string{
		{"Completed"}, {"complete"}, {"COMPLETED"}, {" Complete "},
		{"pending", "Completed"}, {"Pending", "PENDING", "complete"},
	}
	for _, seq := range done {
		c, calls := statusServer(t, seq...)
		if err := c.WaitTransaction(context.Background(), "tok-1"); err != nil {
			t.Errorf("%q: %v, want success", seq, err)
		}
		if *calls != len(seq) {
			t.Errorf("%q: %d reads, want %d", seq, *calls, len(seq))
		}
	}
	for _, seq := range [][]string{{"failed"}, {"pending", "error"}, {"cancelled"}, {"completed_with_errors"}, {""}} {
		c, _ := statusServer(t, seq...)
		err := c.WaitTransaction(context.Background(), "tok-1")
		var te *TransactionError
		last := seq[len(seq)-1]
		if !errors.As(err, &te) || te.Status != last || !strings.Contains(err.Error(), fmt.Sprintf("%q", last)) {
			t.Errorf("%q: err = %v, want a TransactionError quoting %q", seq, err, last)
		}
	}
}

func TestWaitTransactionHonoursContext(t *testing.T) {
	t.Parallel()
	c, _ := statusServer(t, "pending")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	if err := c.WaitTransaction(ctx, "tok-1"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestWaitTransactionUnknownToken(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	err := c.WaitTransaction(context.Background(), "no-such-token")
	if err == nil || !strings.Contains(err.Error(), "no-such-token") {
		t.Errorf("err = %v, want an error naming the token", err)
	}
}

func TestWaitVMUnlocked(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, vmInput("locked1"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.WaitVMUnlocked(ctx, string(vm.ID))
	if err != nil {
		t.Fatal(err)
	}
	if bool(got.Locked) || got.Status != "online" || got.ID != vm.ID {
		t.Errorf("WaitVMUnlocked = %+v, want the unlocked, online VM", got)
	}
	if n := count(m, http.MethodGet, fmt.Sprintf("/account/%d/virtual_machine/%s", mockapi.GigasAccountID, vm.ID)); n < 2 {
		t.Errorf("the VM was read %d times, want it seen locked first", n)
	}
	if _, err := c.WaitVMUnlocked(ctx, "999"); !client.IsNotFound(err) || !strings.Contains(err.Error(), "999") {
		t.Errorf("missing VM: err = %v, want a 404 naming the VM", err)
	}
}

func TestUpdateAndDeleteWaitForTheVM(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), sessionConfig())
	ctx := context.Background()
	vm, err := c.CreateVM(ctx, vmInput("app1"))
	if err != nil {
		t.Fatal(err)
	}
	id := string(vm.ID)
	// A locked VM is waited for, not written to.
	if _, err := c.UpdateVM(ctx, id, UpdateVMInput{Memory: ptr[int64](2048), Label: ptr("renamed")}); err != nil {
		t.Fatalf("UpdateVM: %v", err)
	}
	if mv, _ := m.Gigas.VM(id); mv.Memory != 2048 || mv.Label != "renamed" || mv.Locked {
		t.Errorf("after the update the mock has %+v", mv)
	}
	if n := countStatus(m, http.StatusConflict); n != 0 {
		t.Errorf("%d writes to a locked VM", n)
	}
	if _, err := c.DeleteVM(ctx, id); err != nil {
		t.Fatalf("DeleteVM: %v", err)
	}
	if _, ok := m.Gigas.VM(id); ok {
		t.Error("the VM is still in the mock after DeleteVM")
	}
	if _, err := c.GetVM(ctx, id); !client.IsNotFound(err) {
		t.Errorf("GetVM after delete: err = %v, want a 404", err)
	}
}

func TestListVMsFilter(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	ctx := context.Background()
	for _, h := range []string{"alpha", "beta"} {
		if _, err := c.CreateVM(ctx, vmInput(h)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := c.ListVMs(ctx, nil)
	if err != nil || len(all) != 2 {
		t.Fatalf("ListVMs = %d VMs, %v; want 2", len(all), err)
	}
	// The list form sends locked as true/false rather than 1/0.
	if !bool(all[0].Locked) {
		t.Errorf("a VM under construction is not locked in the list: %+v", all[0])
	}
	some, err := c.ListVMs(ctx, url.Values{"hostname": {"beta"}})
	if err != nil {
		t.Fatalf("ListVMs with a filter: %v", err)
	}
	if len(some) != 1 || some[0].Hostname != "beta" {
		t.Errorf("ListVMs(hostname=beta) = %+v, want just beta", some)
	}
	for _, r := range m.Requests() {
		if strings.HasSuffix(r.Path, "/virtual_machines") && r.Query == "hostname=beta" {
			return
		}
	}
	t.Errorf("the filter did not reach the API as a query: %+v", m.Requests())
}

func TestGetVMNotFound(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey, AccountID: mockapi.GigasAccountID})
	_, err := c.GetVM(context.Background(), "999")
	if !client.IsNotFound(err) || !strings.Contains(err.Error(), "Virtual machine not found") {
		t.Errorf("err = %v, want the API's 404 and its message", err)
	}
}

func TestCreateVMQuotesAPIError(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{})
	c := newClient(t, m.GigasURL(), Config{APIKey: mockapi.GigasAPIKey})
	in := vmInput("9starts-with-digit")
	_, err := c.CreateVM(context.Background(), in)
	if !client.IsStatus(err, http.StatusBadRequest) || !strings.Contains(err.Error(), "hostname: a string up to 25 characters") {
		t.Errorf("err = %v, want the API's 400 and its message", err)
	}
	in = vmInput("ok")
	in.TemplateID = "404404"
	if _, err := c.CreateVM(context.Background(), in); !client.IsNotFound(err) || !strings.Contains(err.Error(), "Template not found") {
		t.Errorf("err = %v, want the API's 404 and its message", err)
	}
}

func TestSurvivesInjectedFaults(t *testing.T) {
	t.Parallel()
	m := startMock(t, mockapi.Options{Seed: 42, ProvisioningDelay: 20 * time.Millisecond, RetryAfterSeconds: 0})
	m.SetFaultRate(0.2)
	cfg := sessionConfig()
	cfg.Transport.MaxRetries = 8
	c := newClient(t, m.GigasURL(), cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if _, err := c.Templates(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		vm, err := c.CreateVM(ctx, vmInput(fmt.Sprintf("f%d", i)))
		if err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
		if err := c.WaitTransaction(ctx, string(vm.QueueToken)); err != nil {
			t.Fatalf("wait %d: %v", i, err)
		}
		if _, err := c.GetVM(ctx, string(vm.ID)); err != nil {
			t.Fatalf("get %d: %v", i, err)
		}
		if _, err := c.DeleteVM(ctx, string(vm.ID)); err != nil {
			t.Fatalf("delete %d: %v", i, err)
		}
	}
	faults := 0
	for _, r := range m.Requests() {
		if r.Fault != "" {
			faults++
		}
	}
	if faults == 0 {
		t.Error("no fault was injected: the test proves nothing")
	}
	if vms := m.Gigas.VMs(); len(vms) != 0 {
		t.Errorf("%d VMs left: a retried create made a duplicate", len(vms))
	}
	t.Logf("%d requests, %d injected faults", len(m.Requests()), faults)
}

func ptr[T any](v T) *T { return &v }
