package mockapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

func srvDo(t *testing.T, m *Server, key, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, m.GigahostURL()+path, rd)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func deployOne(t *testing.T, m *Server) (orderID, serverID int64) {
	t.Helper()
	st, out := srvDo(t, m, GigahostAPIKey, "POST", "/deploy/servers", map[string]any{"pid": "7951", "price_id": "4042", "region_id": "1", "os_id": "102", "quantity": 1})
	if st != 200 {
		t.Fatalf("deploy: %d %v", st, out)
	}
	orderID = int64(out["data"].(map[string]any)["order_ids"].([]any)[0].(float64))
	for _, s := range m.Gigahost.Servers.List() {
		if s.OrderID == orderID {
			serverID = s.ID
		}
	}
	return orderID, serverID
}

func TestDeployStatusProgressesAndDrops(t *testing.T) {
	t.Parallel()
	// Each stage lasts long enough (the ready entry 500 ms) to be seen by a
	// 15 ms poll even on a loaded machine.
	m := New(Options{Seed: 1, ProvisioningDelay: 2 * time.Second})
	m.Start()
	defer m.Close()
	orderID, srvID := deployOne(t, m)
	statusOf := func() (string, float64) {
		_, out := srvDo(t, m, GigahostAPIKey, "GET", fmt.Sprintf("/deploy/status?ids=%d", orderID), nil)
		list := out["data"].(map[string]any)["servers"].([]any)
		if len(list) == 0 {
			return "", 0
		}
		e := list[0].(map[string]any)
		return e["status"].(string), e["srv_id"].(float64)
	}
	seen := map[string]bool{}
	deadline := time.Now().Add(6 * time.Second)
	for time.Now().Before(deadline) {
		st, id := statusOf()
		if st == "" {
			break
		}
		if st != "waiting" && int64(id) != srvID {
			t.Errorf("status %s shows srv_id %v, want %d", st, id, srvID)
		}
		seen[st] = true
		time.Sleep(15 * time.Millisecond)
	}
	for _, want := range []string{"waiting", "deploying", "installing", "ready"} {
		if !seen[want] {
			t.Errorf("status %q never seen: %v", want, seen)
		}
	}
	if st, _ := statusOf(); st != "" {
		t.Errorf("order still listed as %q after ready", st)
	}
	if st := m.Gigahost.Servers.State(srvID); st != "ready" {
		t.Errorf("state %q", st)
	}
}

func TestServerQuirks(t *testing.T) {
	t.Parallel()
	m := New(Options{Seed: 1, ProvisioningDelay: time.Millisecond})
	m.Start()
	defer m.Close()
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	_, id := deployOne(t, m)
	time.Sleep(5 * time.Millisecond)
	path := fmt.Sprintf("/servers/%d", id)
	if st, out := srvDo(t, m, GigahostAPIKey, "GET", path, nil); st != 200 || len(out["data"].([]any)) != 1 {
		t.Errorf("GET %s: %d %v (want a one-element list)", path, st, out)
	}
	if st, _ := srvDo(t, m, GigahostAPIKey, "DELETE", path, nil); st != 405 {
		t.Errorf("DELETE: %d", st)
	}
	if st, _ := srvDo(t, m, GigahostAPIKey, "GET", path+"/power/off", nil); st != 405 {
		t.Errorf("power off on a KVM VPS: %d", st)
	}
	m.Gigahost.Servers.Hide(id, 1)
	if st, _ := srvDo(t, m, GigahostAPIKey, "GET", path, nil); st != 404 {
		t.Errorf("hidden read: %d", st)
	}
	if st, _ := srvDo(t, m, GigahostAPIKey, "POST", path+"/cancel", map[string]any{"reason": "x", "early_termination": 1}); st != 200 {
		t.Errorf("cancel: %d", st)
	}
	if st, _ := srvDo(t, m, GigahostAPIKey, "POST", path+"/cancel", map[string]any{"reason": "x", "early_termination": 1}); st != 400 {
		t.Errorf("cancel of a cancelled server: %d, want 400", st)
	}
	if st, _ := srvDo(t, m, GigahostAPIKey, "GET", path, nil); st != 404 {
		t.Errorf("cancelled server still readable: %d", st)
	}
}

func TestDeployValidation(t *testing.T) {
	t.Parallel()
	m := New(Options{Seed: 1})
	m.Start()
	defer m.Close()
	for _, c := range []struct {
		body   map[string]any
		status int
	}{
		{map[string]any{"pid": 7951, "price_id": 1, "region_id": 1, "os_id": 102}, 400},                 // wrong price
		{map[string]any{"pid": 7952, "price_id": 4045, "region_id": 2, "os_id": 102}, 400},              // not in region
		{map[string]any{"pid": 7951, "price_id": 4042, "region_id": 1}, 400},                            // no image
		{map[string]any{"pid": 7951, "price_id": 4042, "region_id": 1, "os_id": 102, "rescue": 1}, 400}, // two images
		{map[string]any{"pid": 4873, "price_id": 3397, "region_id": 1, "os_id": 90}, 403},               // not hourly
		{map[string]any{"pid": 7953, "price_id": 4047, "region_id": 1, "os_id": 102}, 400},              // out of stock
	} {
		if st, out := srvDo(t, m, GigahostAPIKey, "POST", "/deploy/servers", c.body); st != c.status {
			t.Errorf("%v: %d %v, want %d", c.body, st, out, c.status)
		}
	}
	if n := len(m.Gigahost.Servers.List()); n != 0 {
		t.Errorf("%d servers from refused orders", n)
	}
}

func TestServersPermissions(t *testing.T) {
	t.Parallel()
	m := New(Options{Seed: 1, ProvisioningDelay: time.Millisecond})
	m.Start()
	defer m.Close()
	m.Gigahost.Servers.SetTransientAbsence(0, 0)
	_, a := deployOne(t, m)
	_, b := deployOne(t, m)
	time.Sleep(5 * time.Millisecond)
	key := m.Gigahost.Keys.Add("one server", map[string]GigahostPermission{CatServers: {Mode: "r", IDs: []int64{a}}}, 0)
	if st, out := srvDo(t, m, key, "GET", "/servers", nil); st != 200 || len(out["data"].([]any)) != 1 {
		t.Errorf("list with a one-server key: %d %v", st, out)
	}
	if st, _ := srvDo(t, m, key, "GET", fmt.Sprintf("/servers/%d", b), nil); st != 403 {
		t.Errorf("other server: %d", st)
	}
	if st, _ := srvDo(t, m, key, "POST", fmt.Sprintf("/servers/%d/cancel", a), map[string]any{"early_termination": 1}); st != 403 {
		t.Errorf("cancel with a read-only key: %d", st)
	}
}
