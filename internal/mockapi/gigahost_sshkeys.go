package mockapi

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The account and its SSH keys, as documented under /account: GET /account
// (the account object, with its sshkeys list), POST /account/sshkey (name
// and data; 200 with no id, 400 for a key that is not a valid OpenSSH public
// key) and DELETE /account/sshkey/{id}. All of it is in the API-key
// permission category account, which has no id list.

// Seeded SSH key of the account.
const (
	GigahostSeedSSHKeyID   = 1
	GigahostSeedSSHKeyName = "laptop"
	GigahostSeedSSHKeyData = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBWyzSN1R7rHHw5+1wJh1RS9b4QlvEr7hgSYQdD8zKs laptop@giga"
)

// GigahostSSHKey is an SSH key as the mock stores it.
type GigahostSSHKey struct {
	ID    int64
	Name  string
	Data  string // the OpenSSH public key, as sent (surrounding white space trimmed)
	Added int64  // unix seconds
}

// sshKeyState holds the account's SSH keys.
type sshKeyState struct {
	keys   map[int64]*GigahostSSHKey
	nextID int64
}

func newSSHKeyState() *sshKeyState {
	st := &sshKeyState{keys: map[int64]*GigahostSSHKey{}, nextID: 17}
	st.keys[GigahostSeedSSHKeyID] = &GigahostSSHKey{ID: GigahostSeedSSHKeyID, Name: GigahostSeedSSHKeyName, Data: GigahostSeedSSHKeyData, Added: 1700000000}
	return st
}

func (st *sshKeyState) add(name, data string) *GigahostSSHKey {
	k := &GigahostSSHKey{ID: st.nextID, Name: name, Data: data, Added: time.Now().Unix()}
	st.nextID++
	st.keys[k.ID] = k
	return k
}

func (st *sshKeyState) sorted() []*GigahostSSHKey {
	list := make([]*GigahostSSHKey, 0, len(st.keys))
	for _, k := range st.keys {
		list = append(list, k)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// registerSSHKeys serves the account's SSH keys (GET /account, POST
// /account/sshkey, DELETE /account/sshkey/{id}).
func (s *Server) registerSSHKeys(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /account", CatAccount, "", s.accountGet)
	s.ghRoute(mux, "POST /account/sshkey", CatAccount, "", s.sshKeyCreate)
	s.ghRoute(mux, "DELETE /account/sshkey/{id}", CatAccount, "", s.sshKeyDelete)
}

func (s *Server) accountGet(w http.ResponseWriter, _ *http.Request, p principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := []any{}
	for _, k := range s.gigahost.sshKeys.sorted() {
		// Ids and timestamps as strings, like the docs' example.
		keys = append(keys, map[string]any{
			"key_id": strconv.FormatInt(k.ID, 10), "key_name": k.Name,
			"key_added": strconv.FormatInt(k.Added, 10), "key_data": k.Data,
		})
	}
	account := map[string]any{
		"cust_id": strconv.Itoa(GigahostCustomerID), "cust_name": "Example AS", "cust_address": "Example Road 1",
		"cust_zipcode": "0000", "cust_city": "Oslo", "cust_country": "Norway", "cust_phone": "+47 00000000",
		"cust_email": GigahostUsername, "cust_company_no": "999999999", "cust_billing_email": GigahostUsername,
		"cust_newsletter": false, "cust_incident": true, "cust_bandwidth_notification": true,
		"cust_email_on_login": false, "cust_notify_service_renewal": true, "cust_partner": "0",
		"sshkeys":  keys,
		"passkeys": []any{map[string]any{"passkey_id": "1", "passkey_name": "YubiKey", "created_at": "1700000000", "last_used": "1712000000"}},
	}
	// Users and order history are for admin sessions only.
	if p.key == nil {
		account["contacts"] = []any{map[string]any{
			"contact_id": "5", "contact_name": "Jane Doe", "contact_username": GigahostUsername,
			"contact_access_level": "admin", "contact_2fa": "0",
		}}
		account["orders"] = []any{}
	}
	ghWrite(w, http.StatusOK, "", account)
}

// sshKeyTypes are the public-key algorithms the API accepts.
var sshKeyTypes = map[string]bool{
	"ssh-ed25519": true, "ssh-rsa": true,
	"ecdsa-sha2-nistp256": true, "ecdsa-sha2-nistp384": true, "ecdsa-sha2-nistp521": true,
	"sk-ssh-ed25519@openssh.com": true, "sk-ecdsa-sha2-nistp256@openssh.com": true,
}

// validSSHKey reports whether data is an OpenSSH public key line: a known
// type, then base64 whose decoded blob starts with that same type name (as
// an SSH string: 4-byte big-endian length, then the bytes), then an optional
// comment.
func validSSHKey(data string) bool {
	fields := strings.Fields(data)
	if len(fields) < 2 || !sshKeyTypes[fields[0]] {
		return false
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil || len(blob) < 4 {
		return false
	}
	n := binary.BigEndian.Uint32(blob)
	return uint64(n) <= uint64(len(blob)-4) && bytes.Equal(blob[4:4+n], []byte(fields[0])) && len(blob) > 4+int(n)
}

// sshKeyMaterial is a key's type and base64 body, without its comment.
func sshKeyMaterial(data string) string {
	fields := strings.Fields(data)
	if len(fields) < 2 {
		return data
	}
	return fields[0] + " " + fields[1]
}

func (s *Server) sshKeyCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	name, _ := fieldString(body, "name")
	name = strings.TrimSpace(name)
	data, _ := fieldString(body, "data")
	data = strings.TrimSpace(data)
	switch {
	case name == "":
		ghError(w, http.StatusBadRequest, "Name is required.")
		return
	case !validSSHKey(data):
		ghError(w, http.StatusBadRequest, "Invalid SSH key.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.gigahost.sshKeys.keys {
		if sshKeyMaterial(k.Data) == sshKeyMaterial(data) {
			ghError(w, http.StatusBadRequest, "This SSH key is already added to your account.")
			return
		}
	}
	s.gigahost.sshKeys.add(name, data)
	ghWrite(w, http.StatusOK, "SSH key added.", nil)
}

func (s *Server) sshKeyDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || s.gigahost.sshKeys.keys[id] == nil {
		ghError(w, http.StatusNotFound, "SSH key not found.")
		return
	}
	delete(s.gigahost.sshKeys.keys, id)
	ghWrite(w, http.StatusOK, "SSH key removed.", nil)
}

// List returns copies of the account's SSH keys, by id.
func (h SSHKeysHandle) List() []GigahostSSHKey {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	var out []GigahostSSHKey
	for _, k := range h.s.gigahost.sshKeys.sorted() {
		out = append(out, *k)
	}
	return out
}

// Get returns a copy of one SSH key.
func (h SSHKeysHandle) Get(id int64) (GigahostSSHKey, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if k := h.s.gigahost.sshKeys.keys[id]; k != nil {
		return *k, true
	}
	return GigahostSSHKey{}, false
}

// Add adds a key as if done outside Terraform (no validation) and
// returns its id.
func (h SSHKeysHandle) Add(name, data string) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.gigahost.sshKeys.add(name, data).ID
}

// Change changes a key as if done outside Terraform.
func (h SSHKeysHandle) Change(id int64, change func(k *GigahostSSHKey)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	k := h.s.gigahost.sshKeys.keys[id]
	if k == nil {
		return false
	}
	change(k)
	k.ID = id
	return true
}

// Delete deletes a key as if done outside Terraform.
func (h SSHKeysHandle) Delete(id int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.gigahost.sshKeys.keys[id] == nil {
		return false
	}
	delete(h.s.gigahost.sshKeys.keys, id)
	return true
}
