package gigahost_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

const (
	sshKeyCI    = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ci@giga"
	sshKeyOther = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKiHpeJ3BEqP3GCQP3wtZPrJMSICIFzNCmXrDVoqWt1z deploy@giga"
)

func sshKeyClient(t *testing.T, apiKey string, maxRetries int) (*gigahost.Client, *mockapi.Server) {
	t.Helper()
	m := mockapi.New(mockapi.Options{Seed: 3})
	m.Start()
	t.Cleanup(m.Close)
	if apiKey == "" {
		apiKey = mockapi.GigahostAPIKey
	}
	c, err := gigahost.New(gigahost.Config{APIKey: apiKey, Transport: client.Options{
		BaseURL: m.GigahostURL(), MaxRetries: maxRetries, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
	}})
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

func TestSSHKeyLifecycle(t *testing.T) {
	t.Parallel()
	c, m := sshKeyClient(t, "", 2)
	ctx := context.Background()

	acct, err := c.Account(ctx)
	if err != nil || acct.CustomerID != "1111" || len(acct.SSHKeys) != 1 {
		t.Fatalf("Account = %+v, %v", acct, err)
	}
	seed := acct.SSHKeys[0]
	if seed.ID != "1" || seed.Name != mockapi.GigahostSeedSSHKeyName || seed.Data != mockapi.GigahostSeedSSHKeyData || seed.Added != 1700000000 {
		t.Errorf("seeded key = %+v", seed)
	}

	k, err := c.CreateSSHKey(ctx, gigahost.SSHKeyInput{Name: "ci", Data: sshKeyCI})
	if err != nil {
		t.Fatal(err)
	}
	stored := m.Gigahost.SSHKeys.List()
	if len(stored) != 2 || string(k.ID) != sshKeyIDString(stored[1].ID) || k.Name != "ci" || string(k.Data) != sshKeyCI || int64(k.Added) != stored[1].Added {
		t.Fatalf("created %+v, mock %+v", k, stored)
	}

	// Refused: the API's message and status come through, and nothing is retried.
	m.ResetRequests()
	_, err = c.CreateSSHKey(ctx, gigahost.SSHKeyInput{Name: "bad", Data: "ssh-ed25519 nonsense"})
	if !client.IsStatus(err, http.StatusBadRequest) || !strings.Contains(err.Error(), "Invalid SSH key.") {
		t.Errorf("bad key: %v", err)
	}
	if n := m.CountRequests("gigahost", "POST", "/account/sshkey"); n != 1 {
		t.Errorf("a refused create was sent %d times", n)
	}

	if err := c.DeleteSSHKey(ctx, string(k.ID)); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteSSHKey(ctx, string(k.ID)); err != nil {
		t.Errorf("second delete: %v, want none (already gone, verified by listing)", err)
	}
	if keys, err := c.SSHKeys(ctx); err != nil || len(keys) != 1 {
		t.Errorf("after delete: %+v, %v", keys, err)
	}
}

func sshKeyIDString(n int64) string { return strconv.FormatInt(n, 10) }

// A create whose answer is lost is adopted when the key appeared, sent
// again only when it did not: either way the account holds the key once.
func TestCreateSSHKey_lostAnswer(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fault     mockapi.Fault
		wantPosts int
	}{
		"created then dropped": {mockapi.FaultDropAfter, 1},
		"refused with 500":     {mockapi.Fault500, 2},
		"dropped before":       {mockapi.FaultDrop, 2},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, m := sshKeyClient(t, "", 3)
			m.FailNext("gigahost", http.MethodPost, "/account/sshkey", tc.fault, 1)
			k, err := c.CreateSSHKey(context.Background(), gigahost.SSHKeyInput{Name: "ci", Data: sshKeyCI})
			if err != nil {
				t.Fatal(err)
			}
			stored := m.Gigahost.SSHKeys.List()
			if len(stored) != 2 || string(k.ID) != sshKeyIDString(stored[1].ID) || stored[1].Data != sshKeyCI {
				t.Fatalf("created %+v, mock %+v", k, stored)
			}
			if n := sshKeyRequests(m, "POST", "/account/sshkey", tc.wantPosts); n != tc.wantPosts {
				t.Errorf("%d creates sent, want %d", n, tc.wantPosts)
			}
		})
	}
}

// sshKeyRequests counts requests, faults included. A dropped request is recorded
// once its connection is closed, so the count may lag: wait up to a second.
func sshKeyRequests(m *mockapi.Server, method, path string, want int) int {
	n := 0
	for range 100 {
		n = 0
		for _, r := range m.Requests() {
			if r.Service == "gigahost" && r.Method == method && r.Path == path {
				n++
			}
		}
		if n >= want {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return n
}

// Creates that keep failing are sent max_retries+1 times, no more.
func TestCreateSSHKey_lostAnswerBounded(t *testing.T) {
	t.Parallel()
	c, m := sshKeyClient(t, "", 2)
	m.FailNext("gigahost", http.MethodPost, "/account/sshkey", mockapi.Fault500, 10)
	_, err := c.CreateSSHKey(context.Background(), gigahost.SSHKeyInput{Name: "ci", Data: sshKeyCI})
	if !client.IsOutcomeUnknown(err) || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("err = %v", err)
	}
	if n := sshKeyRequests(m, "POST", "/account/sshkey", 3); n != 3 || len(m.Gigahost.SSHKeys.List()) != 1 {
		t.Errorf("%d creates sent, %d keys", n, len(m.Gigahost.SSHKeys.List()))
	}
}

// A key with the same name added elsewhere, or this key already there under
// another name, is never taken for the key just created.
func TestCreateSSHKey_matchesOnlyNewKeys(t *testing.T) {
	t.Parallel()
	c, m := sshKeyClient(t, "", 0)
	m.Gigahost.SSHKeys.Add("ci", sshKeyOther)
	m.FailNext("gigahost", http.MethodPost, "/account/sshkey", mockapi.FaultDropAfter, 1)
	k, err := c.CreateSSHKey(context.Background(), gigahost.SSHKeyInput{Name: "ci", Data: "  " + sshKeyCI + "\n"})
	if err != nil {
		t.Fatal(err)
	}
	stored := m.Gigahost.SSHKeys.List()
	if len(stored) != 3 || string(k.ID) != sshKeyIDString(stored[2].ID) {
		t.Errorf("created %+v, mock %+v", k, stored)
	}
}

// An API that accepts the key but does not list it is an error, not a
// silent success with no id.
func TestCreateSSHKey_notListed(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodGet {
			// key_id as a number and key_added as a number: decoded all the same.
			_, _ = w.Write([]byte(`{"meta":{"status":200},"data":{"cust_id":1111,"sshkeys":[{"key_id":1,"key_name":"laptop","key_added":1700000000,"key_data":"ssh-ed25519 AAAA x"}]}}`))
			return
		}
		_, _ = w.Write([]byte(`{"meta":{"status":200},"data":[]}`))
	}))
	t.Cleanup(srv.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: "k", Transport: client.Options{BaseURL: srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	keys, err := c.SSHKeys(context.Background())
	if err != nil || len(keys) != 1 || keys[0].ID != "1" || keys[0].Added != 1700000000 {
		t.Fatalf("SSHKeys = %+v, %v", keys, err)
	}
	var notListed *gigahost.ErrSSHKeyNotListed
	_, err = c.CreateSSHKey(context.Background(), gigahost.SSHKeyInput{Name: "ci", Data: sshKeyCI})
	if !errors.As(err, &notListed) || notListed.Name != "ci" {
		t.Errorf("err = %v", err)
	}
}

// A read-only API key may list the keys but not add one: a 403 with the
// API's message.
func TestCreateSSHKey_readOnlyKey(t *testing.T) {
	t.Parallel()
	m := mockapi.New(mockapi.Options{})
	secret := m.Gigahost.Keys.Add("read", map[string]mockapi.GigahostPermission{mockapi.CatAccount: {Mode: "r"}}, 0)
	m.Start()
	t.Cleanup(m.Close)
	c, err := gigahost.New(gigahost.Config{APIKey: secret, Transport: client.Options{BaseURL: m.GigahostURL()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SSHKeys(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateSSHKey(context.Background(), gigahost.SSHKeyInput{Name: "ci", Data: sshKeyCI})
	if !client.IsStatus(err, http.StatusForbidden) || !strings.Contains(err.Error(), "read-only access to account") {
		t.Errorf("err = %v", err)
	}
}

func TestSSHKeyMaterial(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"ssh-ed25519 AAAA comment words": "ssh-ed25519 AAAA",
		"  ssh-ed25519\tAAAA \n":         "ssh-ed25519 AAAA",
		"ssh-ed25519":                    "ssh-ed25519",
		"":                               "",
	} {
		if got := gigahost.SSHKeyMaterial(in); got != want {
			t.Errorf("SSHKeyMaterial(%q) = %q, want %q", in, got, want)
		}
	}
}

// The docs' example of GET /account, fed to the decoder; an account answer
// without sshkeys is an error, not an account without keys.
func TestAccountDocsExample(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /account": string(apidocs.Read(t, "examples/gigahost/GET_account.json"))})
	a, err := c.Account(context.Background())
	if err != nil || a.CustomerID != "1111" || len(a.SSHKeys) != 1 {
		t.Fatalf("Account = %+v, %v", a, err)
	}
	k := a.SSHKeys[0]
	if k.ID != "1" || k.Name != "laptop" || k.Added != 1700000000 || k.Data != "ssh-ed25519 AAAA... user@host" {
		t.Errorf("key = %+v", k)
	}
	for name, data := range map[string]string{
		"no sshkeys":      `{"cust_id":"1111","cust_name":"x"}`,
		"keys without id": `{"cust_id":"1111","sshkeys":[{"key_name":"x"}]}`,
		"empty":           `[]`,
	} {
		c := docsAPI(t, map[string]string{"GET /account": `{"meta":{"status":200},"data":` + data + `}`})
		if keys, err := c.SSHKeys(context.Background()); err == nil {
			t.Errorf("%s: SSHKeys = %+v, want an error", name, keys)
		}
	}
	c = docsAPI(t, map[string]string{"GET /account": `{"meta":{"status":200},"data":{"cust_id":"1","sshkeys":[]}}`})
	if keys, err := c.SSHKeys(context.Background()); err != nil || len(keys) != 0 {
		t.Errorf("no keys: %+v, %v", keys, err)
	}
}
