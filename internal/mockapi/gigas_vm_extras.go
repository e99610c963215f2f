package mockapi

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// A VM's IP addresses and its ISO mounts, per gigas-virtual-machines.txt
// ("List Virtual Machine ip addresses", "Get ISO mounted in a Virtual
// Machine", "Mount an ISO", "Unmount an ISO"). The docs show none of their
// answers: each shape is a silent point (alternatives_gigas_extras.go).

// GigasIP is one address of a mock VM.
type GigasIP struct {
	ID          string
	Address     string
	Netmask     string
	Gateway     string
	NetworkID   int64
	InterfaceID int64
	Public      bool
}

// GigasISOJoin is an ISO mounted in a VM: the "Iso Join" between them,
// whose id the unmount takes.
type GigasISOJoin struct {
	ID     string
	VMID   string
	ISOID  string
	ISOURL string
}

func (s *Server) registerGigasVMExtras(mux *http.ServeMux) {
	mux.HandleFunc("GET /account/{account}/virtual_machine/{id}/ip_addresses", s.gigasAuth(s.gigasVMIPs))
	mux.HandleFunc("GET /account/{account}/virtual_machine/{id}/isos", s.gigasAuth(s.gigasVMISOs))
	mux.HandleFunc("POST /account/{account}/virtual_machine/{id}/iso", s.gigasAuth(s.gigasMountISO))
	mux.HandleFunc("DELETE /account/{account}/virtual_machine/{id}/iso/{join}", s.gigasAuth(s.gigasUnmountISO))
}

// assignIPs gives a new VM a public IPv4 address, a private one and a
// public IPv6 address, as a VM on a public and a private network would
// have. Callers hold s.mu.
func (s *Server) assignIPs() []GigasIP {
	n := s.gigas.nextVM % 250
	return []GigasIP{
		{ID: fmt.Sprintf("%d1", s.gigas.nextVM), Address: fmt.Sprintf("192.0.2.%d", n+1), Netmask: "255.255.255.0", Gateway: "192.0.2.254", NetworkID: 1, InterfaceID: 45, Public: true},
		{ID: fmt.Sprintf("%d2", s.gigas.nextVM), Address: fmt.Sprintf("10.0.0.%d", n+1), Netmask: "255.255.255.0", Gateway: "", NetworkID: 709, InterfaceID: 46},
		{ID: fmt.Sprintf("%d3", s.gigas.nextVM), Address: fmt.Sprintf("2001:db8::%x", n+1), Netmask: "64", Gateway: "2001:db8::1", NetworkID: 1, InterfaceID: 45, Public: true},
	}
}

// gigasVMIPs lists a VM's addresses in the form AltGigasIPAddresses says,
// honouring the documented filters network_id, interface_id and public.
func (s *Server) gigasVMIPs(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.accountVM(r)
	if !ok {
		gigasError(w, http.StatusNotFound, "Virtual machine not found")
		return
	}
	form := s.altLocked(AltGigasIPAddresses)
	q := r.URL.Query()
	items := []map[string]any{}
	for _, ip := range vm.IPs {
		if !ipMatches(ip, q) {
			continue
		}
		item := map[string]any{
			"id": ip.ID, "address": ip.Address, "netmask": ip.Netmask, "gateway": ip.Gateway,
			"network_id": ip.NetworkID, "interface_id": ip.InterfaceID, "is_public": ip.Public,
		}
		switch form {
		case "ip-address-field":
			delete(item, "address")
			delete(item, "is_public")
			item["ip_address"], item["public"] = ip.Address, ip.Public
		case "no-public-flag":
			delete(item, "is_public")
		case "unknown-fields":
			item = map[string]any{"id": ip.ID, "ip": ip.Address}
		}
		items = append(items, item)
	}
	writeFormList(w, form, "ip_addresses", "ip_address", items)
}

// writeFormList answers a list in the form of its silent point: bare, the
// list under listKey ("wrapped"), or each item under itemKey ("item-wrapped").
func writeFormList(w http.ResponseWriter, form, listKey, itemKey string, items []map[string]any) {
	out := make([]any, 0, len(items))
	for _, item := range items {
		if form == "item-wrapped" {
			out = append(out, map[string]any{itemKey: item})
		} else {
			out = append(out, item)
		}
	}
	if form == "wrapped" {
		writeJSON(w, http.StatusOK, map[string]any{listKey: out})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func ipMatches(ip GigasIP, q url.Values) bool {
	if v := q.Get("network_id"); v != "" && v != strconv.FormatInt(ip.NetworkID, 10) {
		return false
	}
	if v := q.Get("interface_id"); v != "" && v != strconv.FormatInt(ip.InterfaceID, 10) {
		return false
	}
	if v := q.Get("public"); v != "" {
		want, _ := fieldBool(map[string]any{"public": v}, "public")
		return want == ip.Public
	}
	return true
}

// joinsOf returns a VM's ISO joins by id. Callers hold s.mu.
func (s *Server) joinsOf(vmID string) []*GigasISOJoin {
	var out []*GigasISOJoin
	for _, j := range s.gigas.isoJoins {
		if j.VMID == vmID {
			out = append(out, j)
		}
	}
	sort.Slice(out, func(i, k int) bool { return out[i].ID < out[k].ID })
	return out
}

// isoJoinJSON renders a join in the default form of AltGigasISOList.
func isoJoinJSON(j *GigasISOJoin) map[string]any {
	var isoID, isoURL any
	if j.ISOID != "" {
		n, _ := strconv.ParseInt(j.ISOID, 10, 64)
		isoID = n
	}
	if j.ISOURL != "" {
		isoURL = j.ISOURL
	}
	return map[string]any{"id": j.ID, "iso_id": isoID, "iso_url": isoURL, "virtual_machine_id": j.VMID}
}

// gigasVMISOs lists a VM's ISO joins in the form AltGigasISOList says.
func (s *Server) gigasVMISOs(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.accountVM(r)
	if !ok {
		gigasError(w, http.StatusNotFound, "Virtual machine not found")
		return
	}
	form := s.altLocked(AltGigasISOList)
	items := []map[string]any{}
	for _, j := range s.joinsOf(vm.ID) {
		item := isoJoinJSON(j)
		if form == "unknown-fields" {
			item = map[string]any{"join": j.ID, "iso": item["iso_id"]}
		}
		items = append(items, item)
	}
	writeFormList(w, form, "isos", "iso_join", items)
}

// gigasMountISO mounts an uploaded ISO (iso_id) or a public one (iso_url:
// http, https, ftp or ftps) in an unlocked VM. The join exists at once; the
// mount is done when its transaction completes.
func (s *Server) gigasMountISO(w http.ResponseWriter, r *http.Request) {
	body, err := readJSON(r)
	if err != nil {
		gigasError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	isoID, hasID := fieldString(body, "iso_id")
	isoURL, hasURL := fieldString(body, "iso_url")
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.writableVM(w, r)
	if !ok {
		return
	}
	switch {
	case hasID == hasURL:
		gigasError(w, http.StatusBadRequest, "One of these params should be sent: iso_id, iso_url")
		return
	case hasID && !s.gigas.isos[isoID]:
		gigasError(w, http.StatusNotFound, "ISO not found")
		return
	case hasURL && !validISOURL(isoURL):
		gigasError(w, http.StatusBadRequest, "iso_url: http, https, ftp and ftps protocols are supported")
		return
	}
	j := &GigasISOJoin{ID: strconv.FormatInt(s.gigas.nextISOJoin, 10), VMID: vm.ID, ISOID: isoID, ISOURL: isoURL}
	s.gigas.nextISOJoin++
	s.gigas.isoJoins[j.ID] = j
	tx := s.newTxn(vm.ID, nil, false)
	if tx.fail {
		// A failed mount leaves no join behind.
		tx.apply = nil
		joinID := j.ID
		tx.onFail = func() { delete(s.gigas.isoJoins, joinID) }
	}
	switch s.altLocked(AltGigasISOMountAnswer) {
	case "token-only":
		writeJSON(w, http.StatusOK, map[string]any{"queue_token": tx.token})
	case "empty":
		w.WriteHeader(http.StatusOK)
	default:
		out := isoJoinJSON(j)
		out["queue_token"] = tx.token
		writeJSON(w, http.StatusOK, out)
	}
}

func validISOURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp", "ftps":
		return true
	}
	return false
}

// gigasUnmountISO removes an ISO join once its transaction completes. The
// answer follows AltGigasDeleteAnswer, the VM destroy's silent point: the
// docs show no data here either, and "Has Token: Yes".
func (s *Server) gigasUnmountISO(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, ok := s.writableVM(w, r)
	if !ok {
		return
	}
	j, ok := s.gigas.isoJoins[r.PathValue("join")]
	if !ok || j.VMID != vm.ID {
		gigasError(w, http.StatusNotFound, "ISO join not found")
		return
	}
	joinID := j.ID
	tx := s.newTxn(vm.ID, func(*GigasVM) { delete(s.gigas.isoJoins, joinID) }, false)
	if s.altLocked(AltGigasDeleteAnswer) == "empty" {
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"queue_token": tx.token})
}

// ISOJoins returns copies of a VM's ISO joins, after completing due
// transactions.
func (h GigasHandle) ISOJoins(vmID string) []GigasISOJoin {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.advanceGigas()
	var out []GigasISOJoin
	for _, j := range h.s.joinsOf(vmID) {
		out = append(out, *j)
	}
	return out
}

// UnmountISO removes an ISO join as someone outside Terraform would.
func (h GigasHandle) UnmountISO(joinID string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	_, ok := h.s.gigas.isoJoins[joinID]
	delete(h.s.gigas.isoJoins, joinID)
	return ok
}
