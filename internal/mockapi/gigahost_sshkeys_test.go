package mockapi

import (
	"encoding/json"
	"strings"
	"testing"
)

const (
	testKeyCI     = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ci@giga"
	testKeyECDSA  = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBK+9Jy51peRVYIHV/Qd+BCeY+IhghQA/vSZq2cbdBxQhfKuSieHI7l1Wd24URjVL/BSr4cBBiLs5M1Kry8ei3l4= ecdsa@giga"
	testKeyDeploy = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKiHpeJ3BEqP3GCQP3wtZPrJMSICIFzNCmXrDVoqWt1z"
)

// accountKeys decodes the sshkeys of a GET /account answer, checking that
// ids and timestamps come as strings like the docs show.
func accountKeys(t *testing.T, r ghResp) []map[string]any {
	t.Helper()
	var data struct {
		CustID  any              `json:"cust_id"`
		SSHKeys []map[string]any `json:"sshkeys"`
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatalf("GET /account: %v", err)
	}
	if data.CustID != "1111" {
		t.Errorf("cust_id = %#v, want the string 1111", data.CustID)
	}
	for _, k := range data.SSHKeys {
		for _, f := range []string{"key_id", "key_name", "key_added", "key_data"} {
			if _, ok := k[f].(string); !ok {
				t.Errorf("sshkeys entry %v: %s is not a string", k, f)
			}
		}
	}
	return data.SSHKeys
}

func TestSSHKeysLifecycle(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)

	r := call(t, base, "GET", "/account", GigahostAPIKey, nil)
	expectStatus(t, r, 200, "GET /account")
	keys := accountKeys(t, r)
	if len(keys) != 1 || keys[0]["key_id"] != "1" || keys[0]["key_name"] != GigahostSeedSSHKeyName || keys[0]["key_data"] != GigahostSeedSSHKeyData {
		t.Fatalf("seeded keys = %v", keys)
	}
	if strings.Contains(string(r.Data), "contacts") {
		t.Error("an API key sees the account's users")
	}

	r = call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": "ci", "data": "  " + testKeyCI + "\n"})
	expectStatus(t, r, 200, "create")
	if string(r.Data) != "[]" {
		t.Errorf("create answered data %s, want [] (the API returns no id)", r.Data)
	}
	expectStatus(t, call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": "ecdsa", "data": testKeyECDSA}), 200, "create ecdsa")
	expectStatus(t, call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": "no comment", "data": testKeyDeploy}), 200, "create without comment")

	all := m.Gigahost.SSHKeys.List()
	if len(all) != 4 || all[1].Name != "ci" || all[1].Data != testKeyCI || all[1].Added == 0 {
		t.Fatalf("mock keys = %+v", all)
	}
	if keys := accountKeys(t, call(t, base, "GET", "/account", GigahostAPIKey, nil)); len(keys) != 4 || keys[1]["key_data"] != testKeyCI {
		t.Errorf("listed keys = %v", keys)
	}

	// The same key again, even with another comment and name: refused.
	r = call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": "again", "data": strings.TrimSuffix(testKeyCI, "ci@giga") + "other"})
	expectStatus(t, r, 400, "duplicate")

	path := "/account/sshkey/" + itoa(int(all[1].ID))
	expectStatus(t, call(t, base, "DELETE", path, GigahostAPIKey, nil), 200, "delete")
	expectStatus(t, call(t, base, "DELETE", path, GigahostAPIKey, nil), 404, "delete again")
	expectStatus(t, call(t, base, "DELETE", "/account/sshkey/abc", GigahostAPIKey, nil), 404, "delete a bad id")
	if _, ok := m.Gigahost.SSHKeys.Get(all[1].ID); ok || len(m.Gigahost.SSHKeys.List()) != 3 {
		t.Errorf("after delete: %+v", m.Gigahost.SSHKeys.List())
	}
}

func TestSSHKeysInvalid(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	body := strings.Fields(testKeyCI)[1]
	for name, data := range map[string]string{
		"empty":              "",
		"type only":          "ssh-ed25519",
		"unknown type":       "ssh-dss " + body,
		"not base64":         "ssh-ed25519 not*base64",
		"type mismatch":      "ssh-rsa " + body,
		"private key":        "-----BEGIN OPENSSH PRIVATE KEY-----",
		"truncated body":     "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5",
		"RFC 4716 framing":   "---- BEGIN SSH2 PUBLIC KEY ----",
		"bogus short length": "ssh-ed25519 AAAA",
	} {
		r := call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": "bad", "data": data})
		expectStatus(t, r, 400, name)
		if r.Meta.Message != "Invalid SSH key." {
			t.Errorf("%s: message %q", name, r.Meta.Message)
		}
	}
	expectStatus(t, call(t, base, "POST", "/account/sshkey", GigahostAPIKey, map[string]any{"name": " ", "data": testKeyCI}), 400, "no name")
	if n := len(m.Gigahost.SSHKeys.List()); n != 1 {
		t.Errorf("refused creates left %d keys, want the seeded one", n)
	}
}

func TestSSHKeysPermissions(t *testing.T) {
	t.Parallel()
	m, base := startMock(t)
	readOnly := m.Gigahost.Keys.Add("read", map[string]GigahostPermission{CatAccount: {Mode: "r"}}, 0)
	noAccount := m.Gigahost.Keys.Add("dns", map[string]GigahostPermission{CatDNS: {Mode: "rw", All: true}}, 0)

	expectStatus(t, call(t, base, "GET", "/account", readOnly, nil), 200, "r: read")
	r := call(t, base, "POST", "/account/sshkey", readOnly, map[string]any{"name": "ci", "data": testKeyCI})
	expectStatus(t, r, 403, "r: create")
	if !strings.Contains(r.Meta.Message, "read-only access to account") {
		t.Errorf("r: create message %q", r.Meta.Message)
	}
	expectStatus(t, call(t, base, "DELETE", "/account/sshkey/1", readOnly, nil), 403, "r: delete")
	expectStatus(t, call(t, base, "GET", "/account", noAccount, nil), 403, "no account category")
	if len(m.Gigahost.SSHKeys.List()) != 1 {
		t.Error("a refused write changed the mock")
	}

	// A session sees the users too.
	r = call(t, base, "GET", "/account", sessionToken(t, base), nil)
	expectStatus(t, r, 200, "session")
	if !strings.Contains(string(r.Data), `"contacts"`) {
		t.Error("a session does not see the account's users")
	}
}

func TestSSHKeysTestHandles(t *testing.T) {
	t.Parallel()
	m := New(Options{})
	id := m.Gigahost.SSHKeys.Add("made elsewhere", testKeyCI)
	if !m.Gigahost.SSHKeys.Change(id, func(k *GigahostSSHKey) { k.Name = "renamed" }) {
		t.Fatal("Change found nothing")
	}
	if k, ok := m.Gigahost.SSHKeys.Get(id); !ok || k.Name != "renamed" || k.Data != testKeyCI {
		t.Errorf("Get = %+v, %v", k, ok)
	}
	if !m.Gigahost.SSHKeys.Delete(id) || m.Gigahost.SSHKeys.Delete(id) || m.Gigahost.SSHKeys.Change(id, func(*GigahostSSHKey) {}) {
		t.Error("Delete/Change on a deleted key")
	}
}
