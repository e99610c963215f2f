package mockapi

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The Gigas side of the mock: accounts, locations, templates, virtual
// machines and queue transactions, per gigas-quickstart.txt and
// gigas-virtual-machines.txt.

// Seeded Gigas credentials and ids.
const (
	GigasAPIKey    = "gigas-test-api-key"
	GigasUsername  = "user@example.com"
	GigasPassword  = "correct-horse-battery"
	GigasAccountID = 22666
)

// GigasVM is the mock's record of a virtual machine. Tests read and change it
// to assert or to simulate changes made outside Terraform.
type GigasVM struct {
	ID              string
	AccountID       int64
	Label           string
	Hostname        string
	Status          string // unbuilt, offline, online
	Locked          bool
	Memory          int64
	CPUs            int64
	CPUType         string
	PrimaryDiskSize int64
	SwapDiskSize    int64
	LocationID      string
	HypervisorID    string
	TemplateID      string
	InitialPassword string
	Note            string
	Identifier      string
	BootType        string // default, cdrom
	CreatedAt       time.Time
	// IPs are the addresses GET .../ip_addresses lists (gigas_vm_extras.go).
	IPs []GigasIP
	// Reboots, ForcedReboots (of them, those sent with force) and
	// NetworkRebuilds count the operations completed (gigas_vm_operations.go).
	Reboots, ForcedReboots, NetworkRebuilds int
}

type gigasTxn struct {
	token     string
	accountID int64
	vmID      string
	readyAt   time.Time
	fail      bool
	done      bool
	failed    bool
	apply     func(vm *GigasVM) // the change made when the transaction completes
	onFail    func()            // the undoing when it fails
	deletes   bool
}

type gigasSession struct {
	expires        time.Time
	refreshToken   string
	refreshExpires time.Time
}

type gigasState struct {
	apiKeys      map[string]bool
	sessions     map[string]*gigasSession
	refreshes    map[string]string // refresh token -> session token
	accounts     []int64
	locations    []map[string]any
	templates    []map[string]any
	vms          map[string]*GigasVM
	txns         map[string]*gigasTxn
	nextVM       int64
	isoJoins     map[string]*GigasISOJoin
	nextISOJoin  int64
	isos         map[string]bool // uploaded ISO ids
	failNext     int
	totpRequired string
	// totpLifetime, when set, is how long the required TOTP code is
	// accepted after its first use, as a real code expires; totpFirstUse
	// is that first use.
	totpLifetime time.Duration
	totpFirstUse time.Time
	// txnTTL is how long a finished transaction stays known; after it the
	// status endpoint answers 404, as the live API does.
	txnTTL time.Duration
}

func newGigasState() *gigasState {
	st := &gigasState{
		apiKeys:   map[string]bool{GigasAPIKey: true},
		sessions:  map[string]*gigasSession{},
		refreshes: map[string]string{},
		accounts:  []int64{GigasAccountID},
		vms:       map[string]*GigasVM{},
		txns:      map[string]*gigasTxn{},
		nextVM:    226661014786,
		isoJoins:  map[string]*GigasISOJoin{},
		// iso_id 100 is the docs' own example (Mount an ISO).
		nextISOJoin: 2266610300,
		isos:        map[string]bool{"100": true, "101": true},
		txnTTL:      time.Minute,
	}
	st.locations = []map[string]any{
		{"id": "226661012", "label": "Spain", "updated_at": "2017-01-16T12:03:49", "created_at": "2017-01-16T12:03:49", "account_id": GigasAccountID},
		{"id": "226661013", "label": "Miami", "updated_at": nil, "created_at": "2017-01-16T12:03:53", "account_id": GigasAccountID},
		{"id": "226661015", "label": "Amsterdam", "updated_at": nil, "created_at": "2019-04-02T09:12:00", "account_id": GigasAccountID},
	}
	tpl := func(id, label, os, distro string, minDisk, minMem int) map[string]any {
		return map[string]any{
			"id": id, "label": label, "status": "active", "operating_system": os, "operating_system_arch": "x64",
			"operating_system_distro": distro, "min_disk_size": minDisk, "min_memory_size": minMem,
			"allowed_swap": 1, "public": true, "account_id": GigasAccountID,
		}
	}
	st.templates = []map[string]any{
		tpl("226661012", "CentOS 6.0 x64 (Linux)", "linux", "rhel", 0, 0),
		tpl("2266610116", "Debian 7 x64 (Linux)", "linux", "ubuntu", 5, 0),
		tpl("2266610140", "Debian 12 x64 (Linux)", "linux", "debian", 10, 512),
		tpl("2266610141", "Ubuntu 24.04 x64 (Linux)", "linux", "ubuntu", 10, 1024),
		tpl("2266610150", "Windows Server 2022 (Windows)", "windows", "windows", 40, 2048),
	}
	return st
}

var (
	gigasHostnameRE = regexp.MustCompile(`^[A-Za-z-][A-Za-z0-9-]{0,24}$`)
	gigasPasswordRE = regexp.MustCompile(`^[A-Za-z0-9_-]{6,32}$`)
)

// AddAccount adds another account the seeded credentials can see, so
// that account discovery has a choice to refuse.
func (h GigasHandle) AddAccount(id int64) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigas.accounts = append(h.s.gigas.accounts, id)
}

// RequireTOTP makes POST /token demand this 2FA code.
func (h GigasHandle) RequireTOTP(code string) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigas.totpRequired = code
}

// ExpireTOTPAfter makes the required TOTP code expire d after its
// first use, as a six-digit code does within seconds.
func (h GigasHandle) ExpireTOTPAfter(d time.Duration) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigas.totpLifetime = d
}

// FailNextTransactions makes the next n transactions created end with
// status "failed" once their provisioning delay is over.
func (h GigasHandle) FailNextTransactions(n int) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigas.failNext = n
}

// VM returns a copy of a VM, after completing due transactions.
func (h GigasHandle) VM(id string) (GigasVM, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.advanceGigas()
	vm, ok := h.s.gigas.vms[id]
	if !ok {
		return GigasVM{}, false
	}
	return *vm, true
}

// VMs returns copies of all VMs, sorted by id.
func (h GigasHandle) VMs() []GigasVM {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.advanceGigas()
	out := make([]GigasVM, 0, len(h.s.gigas.vms))
	for _, vm := range h.s.gigas.vms {
		out = append(out, *vm)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ChangeVM edits a VM as someone outside Terraform would.
func (h GigasHandle) ChangeVM(id string, change func(vm *GigasVM)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	vm, ok := h.s.gigas.vms[id]
	if ok {
		change(vm)
	}
	return ok
}

// DeleteVM removes a VM as someone outside Terraform would.
func (h GigasHandle) DeleteVM(id string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	_, ok := h.s.gigas.vms[id]
	delete(h.s.gigas.vms, id)
	return ok
}

// advanceGigas completes the transactions whose time has come. Callers hold s.mu.
func (s *Server) advanceGigas() {
	now := time.Now()
	for _, tx := range s.gigas.txns {
		if tx.done || now.Before(tx.readyAt) {
			continue
		}
		tx.done = true
		tx.failed = tx.fail
		if tx.failed && tx.onFail != nil {
			tx.onFail()
		}
		vm := s.gigas.vms[tx.vmID]
		if vm == nil {
			continue
		}
		vm.Locked = false
		if tx.failed {
			continue
		}
		if tx.deletes {
			delete(s.gigas.vms, tx.vmID)
			continue
		}
		if tx.apply != nil {
			tx.apply(vm)
		}
	}
}

// newTxn queues work on a VM and locks it. Callers hold s.mu.
func (s *Server) newTxn(vmID string, apply func(*GigasVM), deletes bool) *gigasTxn {
	tx := s.queueTxn(vmID, s.provisioningDelay())
	tx.apply, tx.deletes = apply, deletes
	if s.gigas.failNext > 0 {
		s.gigas.failNext--
		tx.fail = true
	}
	return tx
}

// queueTxn registers a transaction on a VM that completes after d, and
// locks the VM meanwhile. Callers hold s.mu.
func (s *Server) queueTxn(vmID string, d time.Duration) *gigasTxn {
	tx := &gigasTxn{token: uuid(), vmID: vmID, readyAt: time.Now().Add(d)}
	if vm := s.gigas.vms[vmID]; vm != nil {
		vm.Locked = true
		tx.accountID = vm.AccountID
	}
	s.gigas.txns[tx.token] = tx
	return tx
}

func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func gigasError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"message": msg})
}

// gigasAuth wraps a handler with the Bearer check and the account scope.
func (s *Server) gigasAuth(h func(w http.ResponseWriter, r *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		s.mu.Lock()
		valid := ok && s.gigas.apiKeys[token]
		if sess := s.gigas.sessions[token]; ok && sess != nil && time.Now().Before(sess.expires) {
			valid = true
		}
		accountOK := true
		if acc := r.PathValue("account"); acc != "" {
			accountOK = false
			for _, a := range s.gigas.accounts {
				if strconv.FormatInt(a, 10) == acc {
					accountOK = true
				}
			}
		}
		s.advanceGigas()
		s.mu.Unlock()
		switch {
		case !valid:
			gigasError(w, http.StatusUnauthorized, "Unauthorized: invalid or expired token")
		case !accountOK:
			gigasError(w, http.StatusForbidden, "You have no access to this account")
		default:
			h(w, r)
		}
	}
}

func (s *Server) registerGigas(mux *http.ServeMux) {
	mux.HandleFunc("POST /token", s.gigasLogin)
	mux.HandleFunc("POST /token/refresh", s.gigasRefresh)
	mux.HandleFunc("GET /accounts", s.gigasAuth(s.gigasAccounts))
	mux.HandleFunc("GET /account/{account}/locations", s.gigasAuth(s.gigasList(func() []map[string]any { return s.gigas.locations })))
	mux.HandleFunc("GET /account/{account}/templates", s.gigasAuth(s.gigasList(func() []map[string]any { return s.gigas.templates })))
	mux.HandleFunc("POST /account/{account}/virtual_machine", s.gigasAuth(s.gigasCreateVM))
	mux.HandleFunc("GET /account/{account}/virtual_machines", s.gigasAuth(s.gigasListVMs))
	mux.HandleFunc("GET /account/{account}/virtual_machine/{id}", s.gigasAuth(s.gigasGetVM))
	mux.HandleFunc("PUT /account/{account}/virtual_machine/{id}", s.gigasAuth(s.gigasUpdateVM))
	mux.HandleFunc("DELETE /account/{account}/virtual_machine/{id}", s.gigasAuth(s.gigasDeleteVM))
	mux.HandleFunc("GET /account/{account}/virtual_machine/{id}/disks", s.gigasAuth(s.gigasVMDisks))
	mux.HandleFunc("GET /account/{account}/transaction/{token}/status", s.gigasAuth(s.gigasTxnStatus))
	s.registerGigasVMExtras(mux)
	s.registerGigasVMOperations(mux)
}

func (s *Server) issueGigasSession() map[string]any {
	token, refresh := "gs_"+uuid(), "gr_"+uuid()
	now := time.Now()
	sess := &gigasSession{expires: now.Add(s.opts.SessionTTL), refreshToken: refresh, refreshExpires: now.Add(4 * s.opts.SessionTTL)}
	s.gigas.sessions[token] = sess
	s.gigas.refreshes[refresh] = token
	return map[string]any{"token": token, "expires": sess.expires.Unix(), "refresh_token": refresh, "refresh_expires": sess.refreshExpires.Unix()}
}

func (s *Server) gigasLogin(w http.ResponseWriter, r *http.Request) {
	body, err := readJSON(r)
	if err != nil {
		gigasError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	login, _ := fieldString(body, "login")
	password, _ := fieldString(body, "password")
	totp, _ := fieldString(body, "totp")
	s.mu.Lock()
	defer s.mu.Unlock()
	if login != GigasUsername || password != GigasPassword {
		gigasError(w, http.StatusUnauthorized, "Invalid credentials")
		return
	}
	if s.gigas.totpRequired != "" && totp != s.gigas.totpRequired {
		gigasError(w, http.StatusUnauthorized, "Two-factor authentication code required or invalid")
		return
	}
	if s.gigas.totpRequired != "" && s.gigas.totpLifetime > 0 {
		if first := s.gigas.totpFirstUse; !first.IsZero() && time.Since(first) > s.gigas.totpLifetime {
			gigasError(w, http.StatusUnauthorized, "Two-factor authentication code expired")
			return
		}
		if s.gigas.totpFirstUse.IsZero() {
			s.gigas.totpFirstUse = time.Now()
		}
	}
	writeJSON(w, http.StatusOK, s.issueGigasSession())
}

func (s *Server) gigasRefresh(w http.ResponseWriter, r *http.Request) {
	if s.Alt(AltGigasTokenRefresh) == "absent" {
		gigasError(w, http.StatusNotFound, "Not found")
		return
	}
	body, err := readJSON(r)
	if err != nil {
		gigasError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	refresh, _ := fieldString(body, "refresh_token")
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.gigas.refreshes[refresh]
	if !ok || time.Now().After(s.gigas.sessions[old].refreshExpires) {
		gigasError(w, http.StatusUnauthorized, "Invalid refresh token")
		return
	}
	delete(s.gigas.refreshes, refresh)
	delete(s.gigas.sessions, old)
	writeJSON(w, http.StatusOK, s.issueGigasSession())
}

// ExpireSessions ends every session token at once, as the API does when
// a token's lifetime is over.
func (h GigasHandle) ExpireSessions() {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	for _, sess := range h.s.gigas.sessions {
		sess.expires = time.Now().Add(-time.Second)
	}
}

func (s *Server) gigasAccounts(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for i, id := range s.gigas.accounts {
		out = append(out, map[string]any{
			"id": id, "client_id": 7741, "order_id": 125879 + i, "product_id": 193, "category_slug": "cloud-datacenter",
			"date_created": "2025-11-06", "domain": fmt.Sprintf("account%d.dc", id), "status": "Active",
			"billingcycle": "Monthly", "next_due": "2025-12-06", "location_id": "Global", "is_trial": false, "ppu_activated": true,
		})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) gigasList(items func() []map[string]any) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		writeJSON(w, http.StatusOK, items())
	}
}

// vmJSON renders a VM the way the API does: ids as strings, account_id a
// number, locked as 1/0 in single reads and true/false in lists. Disk sizes
// are not part of the documented VM object; AltGigasVMDisks adds them.
// Callers hold s.mu.
func (s *Server) vmJSON(vm *GigasVM, listForm bool) map[string]any {
	var locked any = 0
	if vm.Locked {
		locked = 1
	}
	if listForm {
		locked = vm.Locked
	}
	var note any
	if vm.Note != "" {
		note = vm.Note
	}
	out := map[string]any{
		"id": vm.ID, "label": vm.Label, "hostname": vm.Hostname, "status": vm.Status, "locked": locked,
		"suspended": 0, "memory": vm.Memory, "cpus": vm.CPUs, "cpu_type": vm.CPUType, "cpu_shares": 1,
		"disk_type": "virtio", "disk_prefix": "vd", "boot_type": vm.BootType, "booted_from": "hd",
		"location_id": vm.LocationID, "hypervisor_id": vm.HypervisorID, "template_id": vm.TemplateID,
		"initial_password": vm.InitialPassword, "note": note, "identifier": vm.Identifier, "type": "standard",
		"account_id": vm.AccountID, "operating_system": "linux", "error": 0,
		"created_at": vm.CreatedAt.UTC().Format("2006-01-02T15:04:05"), "updated_at": time.Now().UTC().Format("2006-01-02T15:04:05"),
	}
	if s.altLocked(AltGigasVMDisks) == "present" {
		out["primary_disk_size"], out["swap_disk_size"] = vm.PrimaryDiskSize, vm.SwapDiskSize
	}
	return out
}

// vmObject wraps a single VM as AltGigasVMObject says. Callers hold s.mu.
func (s *Server) vmObject(vm *GigasVM) any {
	out := s.vmJSON(vm, false)
	if s.altLocked(AltGigasVMObject) == "wrapped" {
		return map[string]any{"virtual_machine": out}
	}
	return out
}

// gigasVMDisks lists a VM's disks in the form AltGigasDisks says.
func (s *Server) gigasVMDisks(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.accountVM(r)
	form := s.altLocked(AltGigasDisks)
	if !ok || form == "unavailable" {
		gigasError(w, http.StatusNotFound, "Not found")
		return
	}
	type disk struct {
		id      string
		size    int64
		primary bool
	}
	disks := []disk{{vm.ID + "1", vm.PrimaryDiskSize, true}}
	if vm.SwapDiskSize > 0 {
		disks = append(disks, disk{vm.ID + "2", vm.SwapDiskSize, false})
	}
	items := make([]map[string]any, 0, len(disks))
	for _, d := range disks {
		var item map[string]any
		switch form {
		case "type-field":
			kind := "swap"
			if d.primary {
				kind = "primary"
			}
			item = map[string]any{"id": d.id, "type": kind, "size_gb": strconv.FormatInt(d.size, 10)}
		case "unknown-fields":
			item = map[string]any{"id": d.id, "capacity": d.size * 1024, "label": "Disk " + d.id}
		default:
			item = map[string]any{"id": d.id, "label": "Disk " + d.id, "disk_size": d.size, "primary": d.primary, "is_swap": !d.primary}
		}
		items = append(items, item)
	}
	writeFormList(w, form, "disks", "disk", items)
}

func (s *Server) findTemplate(id string) map[string]any {
	for _, t := range s.gigas.templates {
		if t["id"] == id {
			return t
		}
	}
	return nil
}

func (s *Server) hasLocation(id string) bool {
	for _, l := range s.gigas.locations {
		if l["id"] == id {
			return true
		}
	}
	return false
}

// parseGigasVM reads and checks a create body: the VM to build, the root
// password asked for, and the 400 message when the body is refused.
func parseGigasVM(body map[string]any) (vm *GigasVM, password string, hasPassword bool, problem string) {
	vm = &GigasVM{Status: "unbuilt", CPUType: "intel", BootType: "default", CreatedAt: time.Now()}
	for _, f := range []string{"label", "hostname", "memory", "cpus", "primary_disk_size", "location_id", "template_id"} {
		if _, ok := fieldString(body, f); !ok {
			return nil, "", false, f + " is required"
		}
	}
	vm.Label, _ = fieldString(body, "label")
	vm.Hostname, _ = fieldString(body, "hostname")
	vm.LocationID, _ = fieldString(body, "location_id")
	vm.TemplateID, _ = fieldString(body, "template_id")
	vm.Note, _ = fieldString(body, "note")
	if !gigasHostnameRE.MatchString(vm.Hostname) {
		return nil, "", false, "hostname: a string up to 25 characters not starting with a number, of letters, digits and dashes"
	}
	if v, ok := fieldString(body, "cpu_type"); ok {
		if v != "intel" && v != "amd" {
			return nil, "", false, "cpu_type: accepted values are amd, intel"
		}
		vm.CPUType = v
	}
	for _, f := range []struct {
		name string
		dst  *int64
		min  int64
	}{{"memory", &vm.Memory, 1}, {"cpus", &vm.CPUs, 1}, {"primary_disk_size", &vm.PrimaryDiskSize, 1}, {"swap_disk_size", &vm.SwapDiskSize, 0}} {
		n, ok, err := fieldInt(body, f.name)
		if err != nil || (ok && n < f.min) {
			return nil, "", false, fmt.Sprintf("%s must be an integer of at least %d", f.name, f.min)
		}
		*f.dst = n
	}
	password, hasPassword = fieldString(body, "initial_root_password")
	if hasPassword && !gigasPasswordRE.MatchString(password) {
		return nil, "", false, "initial_root_password: 6-32 characters of letters, digits, dashes and lower dashes"
	}
	return vm, password, hasPassword, ""
}

func (s *Server) gigasCreateVM(w http.ResponseWriter, r *http.Request) {
	body, err := readJSON(r)
	if err != nil {
		gigasError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	vm, password, hasPassword, problem := parseGigasVM(body)
	if problem != "" {
		gigasError(w, http.StatusBadRequest, problem)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	tpl := s.findTemplate(vm.TemplateID)
	if tpl == nil {
		gigasError(w, http.StatusNotFound, "Template not found")
		return
	}
	if !s.hasLocation(vm.LocationID) {
		gigasError(w, http.StatusNotFound, "Location not found")
		return
	}
	if minDisk, _ := tpl["min_disk_size"].(int); vm.PrimaryDiskSize < int64(minDisk) {
		gigasError(w, http.StatusBadRequest, fmt.Sprintf("primary_disk_size must be at least %d for this template", minDisk))
		return
	}
	if !hasPassword {
		password = "gen" + uuid()[:12]
	}
	vm.InitialPassword = password
	vm.AccountID = GigasAccountID
	if acc, err := strconv.ParseInt(r.PathValue("account"), 10, 64); err == nil {
		vm.AccountID = acc
	}
	vm.ID = strconv.FormatInt(s.gigas.nextVM, 10)
	s.gigas.nextVM++
	vm.HypervisorID = "22666101" + strconv.Itoa(3+s.rng.IntN(5))
	vm.Identifier = strings.ReplaceAll(uuid()[:14], "-", "x")
	vm.IPs = s.assignIPs()
	s.gigas.vms[vm.ID] = vm
	built := s.altLocked(AltGigasBuiltStatus)
	tx := s.newTxn(vm.ID, func(vm *GigasVM) { vm.Status = built }, false)
	out := s.vmJSON(vm, false)
	out["queue_token"] = tx.token
	writeJSON(w, http.StatusAccepted, out)
}

func (s *Server) gigasListVMs(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := r.URL.Query()
	out := []any{}
	ids := make([]string, 0, len(s.gigas.vms))
	for id := range s.gigas.vms {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		vm := s.gigas.vms[id]
		if strconv.FormatInt(vm.AccountID, 10) != r.PathValue("account") {
			continue
		}
		if v := q.Get("id"); v != "" && v != vm.ID {
			continue
		}
		if v := q.Get("hostname"); v != "" && !strings.Contains(vm.Hostname, v) {
			continue
		}
		if v := q.Get("status"); v != "" && v != vm.Status {
			continue
		}
		if v := q.Get("label"); v != "" && v != vm.Label {
			continue
		}
		if v := q.Get("location_id"); v != "" && v != vm.LocationID {
			continue
		}
		item := s.vmJSON(vm, true)
		if s.altLocked(AltGigasVMList) == "item-wrapped" {
			out = append(out, map[string]any{"virtual_machine": item})
		} else {
			out = append(out, item)
		}
	}
	if s.altLocked(AltGigasVMList) == "wrapped" {
		writeJSON(w, http.StatusOK, map[string]any{"virtual_machines": out})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// accountVM finds a VM of the account in the path. Callers hold s.mu.
func (s *Server) accountVM(r *http.Request) (*GigasVM, bool) {
	vm, ok := s.gigas.vms[r.PathValue("id")]
	if !ok || strconv.FormatInt(vm.AccountID, 10) != r.PathValue("account") {
		return nil, false
	}
	return vm, true
}

// writableVM finds the VM a write is for, answering 404 when the account
// has no such VM and 409 while an operation holds it locked. Callers hold s.mu.
func (s *Server) writableVM(w http.ResponseWriter, r *http.Request) (*GigasVM, bool) {
	vm, ok := s.accountVM(r)
	if !ok {
		gigasError(w, http.StatusNotFound, "Virtual machine not found")
		return nil, false
	}
	if vm.Locked {
		gigasError(w, http.StatusConflict, "Virtual machine is locked by a running operation")
		return nil, false
	}
	return vm, true
}

func (s *Server) gigasGetVM(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.accountVM(r)
	if !ok {
		gigasError(w, http.StatusNotFound, "Virtual machine not found")
		return
	}
	writeJSON(w, http.StatusOK, s.vmObject(vm))
}

// gigasVMChanges reads a PUT body into the changes to apply when its
// transaction completes, or the 400 message when the body is refused.
func gigasVMChanges(body map[string]any, vm *GigasVM) (changes []func(*GigasVM), problem string) {
	if v, ok := fieldString(body, "label"); ok {
		changes = append(changes, func(vm *GigasVM) { vm.Label = v })
	}
	if v, ok := fieldString(body, "note"); ok {
		changes = append(changes, func(vm *GigasVM) { vm.Note = v })
	}
	if v, ok := fieldString(body, "hostname"); ok {
		if !gigasHostnameRE.MatchString(v) {
			return nil, "hostname: a string up to 25 characters not starting with a number, of letters, digits and dashes"
		}
		changes = append(changes, func(vm *GigasVM) { vm.Hostname = v })
	}
	if v, ok := fieldString(body, "cpu_type"); ok {
		if v != "intel" && v != "amd" {
			return nil, "cpu_type: accepted values are amd, intel"
		}
		changes = append(changes, func(vm *GigasVM) { vm.CPUType = v })
	}
	if v, ok := fieldString(body, "boot_type"); ok {
		if v != "default" && v != "cdrom" {
			return nil, "boot_type: accepted values are default, cdrom"
		}
		changes = append(changes, func(vm *GigasVM) { vm.BootType = v })
	}
	if v, ok := fieldString(body, "status"); ok {
		if v != "online" && v != "offline" {
			return nil, "status: accepted values are online, offline"
		}
		changes = append(changes, func(vm *GigasVM) { vm.Status = v })
	}
	for _, f := range []struct {
		name string
		set  func(*GigasVM, int64)
	}{
		{"memory", func(vm *GigasVM, n int64) { vm.Memory = n }},
		{"cpus", func(vm *GigasVM, n int64) { vm.CPUs = n }},
		{"primary_disk_size", func(vm *GigasVM, n int64) { vm.PrimaryDiskSize = n }},
	} {
		n, ok, err := fieldInt(body, f.name)
		if err != nil || (ok && n < 1) {
			return nil, f.name + " must be a positive integer"
		}
		if ok {
			if f.name == "primary_disk_size" && n < vm.PrimaryDiskSize {
				return nil, "primary_disk_size cannot be reduced"
			}
			set := f.set
			changes = append(changes, func(vm *GigasVM) { set(vm, n) })
		}
	}
	return changes, ""
}

func (s *Server) gigasUpdateVM(w http.ResponseWriter, r *http.Request) {
	body, err := readJSON(r)
	if err != nil {
		gigasError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.writableVM(w, r)
	if !ok {
		return
	}
	changes, problem := gigasVMChanges(body, vm)
	if problem != "" {
		gigasError(w, http.StatusBadRequest, problem)
		return
	}
	// Every change lands when the transaction completes.
	before := s.vmJSON(vm, false)
	tx := s.newTxn(vm.ID, func(vm *GigasVM) {
		for _, c := range changes {
			c(vm)
		}
	}, false)
	switch s.altLocked(AltGigasPutAnswer) {
	case "vm-with-token":
		before["queue_token"] = tx.token
		writeJSON(w, http.StatusAccepted, before)
	case "no-token":
		writeJSON(w, http.StatusOK, before)
	default:
		writeJSON(w, http.StatusAccepted, map[string]any{"id": vm.ID, "queue_token": tx.token})
	}
}

func (s *Server) gigasDeleteVM(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.writableVM(w, r)
	if !ok {
		return
	}
	tx := s.newTxn(vm.ID, nil, true)
	if s.altLocked(AltGigasDeleteAnswer) == "empty" {
		w.WriteHeader(http.StatusAccepted)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"queue_token": tx.token})
}

func (s *Server) gigasTxnStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, ok := s.gigas.txns[r.PathValue("token")]
	if ok && tx.done && time.Now().After(tx.readyAt.Add(s.gigas.txnTTL)) {
		ok = false
	}
	if ok && strconv.FormatInt(tx.accountID, 10) != r.PathValue("account") {
		ok = false
	}
	if !ok {
		gigasError(w, http.StatusNotFound, "Transaction not found")
		return
	}
	switch {
	case !tx.done:
		writeJSON(w, http.StatusOK, map[string]any{"status": "pending"})
	case tx.failed:
		writeJSON(w, http.StatusOK, map[string]any{"status": "failed", "message": "Build failed on the hypervisor", "updated_at": tx.readyAt.UTC().Format("2006-01-02 15:04:05")})
	default:
		// Both spellings of done have been seen live.
		status := "Completed"
		if s.rng.IntN(2) == 0 {
			status = "complete"
		}
		if s.altLocked(AltGigasDoneWord) == "other" {
			status = "Success"
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": status, "updated_at": tx.readyAt.UTC().Format("2006-01-02 15:04:05")})
	}
}

// SetTransactionTTL sets how long finished transactions stay known to
// the status endpoint (a minute by default; zero forgets them at once).
func (h GigasHandle) SetTransactionTTL(d time.Duration) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigas.txnTTL = d
}

// BusyVM starts an operation on a VM that keeps it locked for d, as a
// backup or a change made in the control panel would.
func (h GigasHandle) BusyVM(id string, d time.Duration) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if _, ok := h.s.gigas.vms[id]; !ok {
		return false
	}
	h.s.queueTxn(id, d)
	return true
}
