package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The docs' example of GET /servers/{id}/powerstate: the state in meta,
// read as on; lenient forms read the same; an answer without it is an error.
func TestPowerStateDecodesDocsExample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for body, want := range map[string]bool{
		string(apidocs.Read(t, "examples/gigahost/GET_servers_id_powerstate.json")): true,
		`{"meta":{"status":200,"powerstate":"0"}}`:                                  false,
		`{"meta":{"status":200,"powerstate":1}}`:                                    true,
	} {
		c := coreClient(t, coreServer(t, http.StatusOK, body), Config{APIKey: "k"})
		if on, err := c.PowerState(ctx, 3523); err != nil || on != want {
			t.Errorf("%s: on %v, %v; want %v", body, on, err, want)
		}
	}
	c := coreClient(t, coreServer(t, http.StatusOK, `{"meta":{"status":200,"status_message":"200 OK"},"data":[]}`), Config{APIKey: "k"})
	if _, err := c.PowerState(ctx, 3523); err == nil || !strings.Contains(err.Error(), "no meta.powerstate") {
		t.Errorf("an answer without powerstate: %v", err)
	}
}

// The docs' example of POST /servers/{id}/ipmi gives no expiry: the
// session then expires 3 hours after the request (the docs). The server
// record's names (kvm_username, kvm_password, kvm_expires) read the same.
// An answer without credentials is an error that names its fields and
// quotes none of their values.
func TestIPMIDecodesDocsExample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	before := time.Now()
	c := coreClient(t, coreServer(t, http.StatusOK, string(apidocs.Read(t, "examples/gigahost/POST_servers_id_ipmi.json"))), Config{APIKey: "k"})
	s, err := c.OpenIPMI(ctx, 3523, "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Address != "185.125.168.xx" || s.Username != "xxxx" || s.Password != "xxxx" || !s.ExpiryComputed ||
		s.ExpiresAt.Before(before.Add(IPMISessionLifetime-time.Second)) || s.ExpiresAt.After(time.Now().Add(IPMISessionLifetime)) {
		t.Errorf("%+v", s)
	}

	var record struct {
		Data []struct {
			IPMI json.RawMessage `json:"ipmi_session"`
		} `json:"data"`
	}
	if err := json.Unmarshal(apidocs.Read(t, "examples/gigahost/GET_servers_id.json"), &record); err != nil || len(record.Data) != 1 {
		t.Fatalf("the docs' server record: %v", err)
	}
	body := `{"meta":{"status":200},"data":` + string(record.Data[0].IPMI) + `}`
	c = coreClient(t, coreServer(t, http.StatusOK, body), Config{APIKey: "k"})
	if s, err = c.OpenIPMI(ctx, 3523, "10.0.0.1;192.0.2.0/24"); err != nil {
		t.Fatal(err)
	}
	if s.Username != "xxx" || s.Password != "xxx" || s.ExpiryComputed || !s.ExpiresAt.Equal(time.Unix(1530717076, 0)) {
		t.Errorf("%+v", s)
	}

	c = coreClient(t, coreServer(t, http.StatusOK, `{"meta":{"status":200},"data":{"kvm_ip_address":"192.0.2.9","username":"admin","secret":"s3cr3t-value"}}`), Config{APIKey: "k"})
	_, err = c.OpenIPMI(ctx, 3523, "")
	if err == nil || !strings.Contains(err.Error(), "lacks") || strings.Contains(err.Error(), "s3cr3t-value") || strings.Contains(err.Error(), "admin") {
		t.Errorf("an answer without a password: %v", err)
	}
	c = coreClient(t, coreServer(t, http.StatusOK, `{"meta":{"status":200},"data":[]}`), Config{APIKey: "k"})
	if _, err = c.OpenIPMI(ctx, 3523, ""); err == nil || !strings.Contains(err.Error(), "no session object") {
		t.Errorf("an empty answer: %v", err)
	}
}

// A 405 to power on or off is a *PowerUnsupportedError that names the
// server and the reason, and keeps the API's status.
func TestPowerUnsupported(t *testing.T) {
	t.Parallel()
	c := coreClient(t, coreServer(t, http.StatusMethodNotAllowed, `{"meta":{"status":405,"message":"Method not allowed."},"data":[]}`), Config{APIKey: "k"})
	_, err := c.SetPower(context.Background(), 18856, false, nil)
	var unsupported *PowerUnsupportedError
	if !errors.As(err, &unsupported) || !client.IsStatus(err, http.StatusMethodNotAllowed) ||
		!strings.Contains(err.Error(), "server 18856 cannot be powered off: power control is not available for KVM VPS") {
		t.Errorf("%v", err)
	}
}

// A session whose answer is lost after the API opened it is taken from the
// server record's ipmi_session, not opened a second time.
func TestIPMILostAnswer(t *testing.T) {
	t.Parallel()
	m := coreMock(t, mockapi.Options{Seed: 1, ProvisioningDelay: 10 * time.Millisecond})
	id := m.Gigahost.ServerExtras.AddServer(4873, "metal-9.example.no")
	m.FailNext("gigahost", http.MethodPost, fmt.Sprintf("/servers/%d/ipmi", id), mockapi.FaultDropAfter, 1)
	c := coreClient(t, m.GigahostURL(), Config{APIKey: mockapi.GigahostAPIKey})
	s, err := c.OpenIPMI(context.Background(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	user, password, _ := m.Gigahost.Servers.IPMISession(id)
	sv, _ := m.Gigahost.Servers.Get(id)
	if sv.IPMISessions != 1 || s.Username != user || s.Password != password || s.ExpiryComputed {
		t.Errorf("%d sessions opened; got %s/%v, want the one the record shows", sv.IPMISessions, s.Username, s.ExpiryComputed)
	}
}
