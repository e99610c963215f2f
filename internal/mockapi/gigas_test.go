package mockapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func gigasCall(t *testing.T, m *mockapi.Server, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd bytes.Buffer
	if body != nil {
		_ = json.NewEncoder(&rd).Encode(body)
	}
	req, _ := http.NewRequest(method, m.GigasURL()+path, &rd)
	req.Header.Set("Authorization", "Bearer "+mockapi.GigasAPIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string]any{}
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// VMs and transactions belong to one account and are invisible from another.
func TestGigasAccountScoping(t *testing.T) {
	m := mockapi.New(mockapi.Options{ProvisioningDelay: time.Millisecond})
	m.Start()
	defer m.Close()
	m.Gigas.AddAccount(33777)
	status, vm := gigasCall(t, m, http.MethodPost, "/account/22666/virtual_machine", map[string]any{
		"label": "a", "hostname": "a", "memory": "512", "cpus": 1, "primary_disk_size": 5,
		"location_id": "226661012", "template_id": "2266610116",
	})
	if status != http.StatusAccepted {
		t.Fatalf("create: %d %v", status, vm)
	}
	id, token := vm["id"].(string), vm["queue_token"].(string)
	for _, path := range []string{"/account/33777/virtual_machine/" + id, "/account/33777/transaction/" + token + "/status"} {
		if status, _ := gigasCall(t, m, http.MethodGet, path, nil); status != http.StatusNotFound {
			t.Errorf("GET %s from another account: %d, want 404", path, status)
		}
	}
	if status, _ := gigasCall(t, m, http.MethodGet, "/account/22666/virtual_machine/"+id, nil); status != http.StatusOK {
		t.Errorf("GET from the owning account: %d, want 200", status)
	}
}

// A failure planned for the next transaction is not used up by an
// operation started outside the API.
func TestGigasFailNextSurvivesBusy(t *testing.T) {
	m := mockapi.New(mockapi.Options{ProvisioningDelay: time.Millisecond})
	m.Start()
	defer m.Close()
	_, vm := gigasCall(t, m, http.MethodPost, "/account/22666/virtual_machine", map[string]any{
		"label": "a", "hostname": "a", "memory": 512, "cpus": 1, "primary_disk_size": 5,
		"location_id": "226661012", "template_id": "2266610116",
	})
	id := vm["id"].(string)
	time.Sleep(5 * time.Millisecond)
	m.Gigas.FailNextTransactions(1)
	m.Gigas.BusyVM(id, time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	_, upd := gigasCall(t, m, http.MethodPut, "/account/22666/virtual_machine/"+id, map[string]any{"memory": 1024})
	time.Sleep(5 * time.Millisecond)
	_, st := gigasCall(t, m, http.MethodGet, "/account/22666/transaction/"+upd["queue_token"].(string)+"/status", nil)
	if st["status"] != "failed" {
		t.Errorf("the planned failure was lost: status %v", st["status"])
	}
}

// By default the mock's VM object holds only fields the docs show (the
// entity table and the create example, plus the quickstart's create
// answer): no disk sizes, which the docs list only under /disks.
func TestGigasVMObjectHoldsOnlyDocumentedFields(t *testing.T) {
	var documented map[string]any
	if err := json.Unmarshal(apidocs.Read(t, "examples/gigas/POST_account_account_id_virtual_machine.json"), &documented); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"vip", "cdrom", "disk_prefix", "disk_type", "operating_system"} {
		documented[f] = true // entity table and the quickstart's create answer
	}
	m := mockapi.New(mockapi.Options{ProvisioningDelay: time.Millisecond})
	m.Start()
	defer m.Close()
	_, created := gigasCall(t, m, http.MethodPost, "/account/22666/virtual_machine", map[string]any{
		"label": "a", "hostname": "a", "memory": 512, "cpus": 1, "primary_disk_size": 5, "swap_disk_size": 1,
		"location_id": "226661012", "template_id": "2266610116",
	})
	_, got := gigasCall(t, m, http.MethodGet, "/account/22666/virtual_machine/"+created["id"].(string), nil)
	for _, vm := range []map[string]any{created, got} {
		for k := range vm {
			if _, ok := documented[k]; !ok {
				t.Errorf("the VM object carries %q, which the docs do not show", k)
			}
		}
	}
}
