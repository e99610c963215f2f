package mockapi

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The Gigahost server extras: reverse DNS (PUT /servers/{id}/reverse, read
// in the server record) and snapshots of virtual servers (GET
// /servers/{id}/snapshots, POST /servers/{id}/snapshot, DELETE
// /servers/{id}/snapshot/{snap-id}). From the docs: the PUT takes ip_id
// (IPv4) or sub_id (an IPv6 subnet, delegated to a name server) and dns; the
// snapshot list items carry snap_id and srv_id as numbers, snap_name,
// snap_display_name, snap_time and snap_state "pending" or "completed"; the
// create answers a message and no id; snapshots are for virtual servers. The
// silent points are in alternatives_server_extras.go.

// GigahostSnapshot is the mock's record of a snapshot.
type GigahostSnapshot struct {
	ID       int64
	ServerID int64
	Name     string // the name given to the create
	Internal string // a generated name, as "Asdf1234" in the docs' example
	Time     time.Time
	// CompletedAt is when the snapshot turns from pending to completed.
	CompletedAt time.Time
}

// Completed reports whether the snapshot is done at t.
func (g GigahostSnapshot) Completed(t time.Time) bool { return !t.Before(g.CompletedAt) }

// serverExtras is the state of the snapshots.
type serverExtras struct {
	snapshots  []*GigahostSnapshot
	nextSnapID int64
	// hideNew is how many more list reads leave out snapshots created
	// before them (AltSnapshotListed "later"), by snapshot id.
	hideNew map[int64]int
}

func (s *Server) registerServerExtras(mux *http.ServeMux) {
	s.ghRoute(mux, "PUT /servers/{id}/reverse", CatServers, "id", s.ghServerReverse)
	s.ghRoute(mux, "GET /servers/{id}/snapshots", CatServers, "id", s.ghListSnapshots)
	s.ghRoute(mux, "POST /servers/{id}/snapshot", CatServers, "id", s.ghCreateSnapshot)
	s.ghRoute(mux, "DELETE /servers/{id}/snapshot/{snap_id}", CatServers, "id", s.ghDeleteSnapshot)
}

// ---- reverse DNS ----

// subnetOf is the IPv6 /48 routed to a server, as subnets[] shows it (the
// live sample: one ipv6 subnet with sub_cidr, sub_network and sub_netmask).
func subnetOf(sv *ghServer) (id int64, network, cidr string) {
	network = fmt.Sprintf("2a03:94e0:%x::", 0x1000+sv.ID%0xe000)
	return 1000 + sv.ID, network, network + "/48"
}

// serverSubnets is the record's subnets list. Callers hold s.mu.
func (s *Server) serverSubnets(sv *ghServer) []any {
	id, network, cidr := subnetOf(sv)
	ns := ""
	if s.altLocked(AltSubnetDelegation) == "sub_ns" {
		ns = s.reverseShown(sv.ReverseDNS[cidr])
	}
	return []any{map[string]any{
		"sub_id": strconv.FormatInt(id, 10), "sub_parent_id": "670", "srv_id": strconv.FormatInt(sv.ID, 10), "device_id": "0",
		"sub_type": "ipv6", "sub_ipv6_type": "static", "sub_network": network, "sub_netmask": "48", "sub_broadcast": "",
		"sub_gateway": "2a03:94e0:14ff::1", "sub_cidr": cidr, "sub_vlan": "100", "sub_vrf": "1", "sub_description": "",
		"sub_location": "DC1", "sub_duid": "", "sub_ns": ns, "sub_routed_to": strconv.FormatInt(sv.ID*2+1, 10), "sub_deleted": "0",
	}}
}

// reverseShown is a stored name in the form the record shows it
// (AltReverseForm). Callers hold s.mu.
func (s *Server) reverseShown(name string) string {
	if name == "" {
		return ""
	}
	switch s.altLocked(AltReverseForm) {
	case "trailing-dot":
		return strings.TrimSuffix(name, ".") + "."
	case "lowercase":
		return strings.ToLower(name)
	}
	return name
}

// ghServerReverse sets the PTR of the server's IPv4 address (ip_id) or
// delegates its IPv6 subnet (sub_id).
func (s *Server) ghServerReverse(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	dns, _ := fieldString(body, "dns")
	ipID, _, errIP := fieldInt(body, "ip_id")
	subID, _, errSub := fieldInt(body, "sub_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	dns = strings.TrimSpace(dns)
	if dns == "" || len(dns) > 253 || !ghHostnameRE.MatchString(strings.TrimSuffix(dns, ".")) {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: dns")
		return
	}
	if errIP != nil || errSub != nil || (ipID == 0) == (subID == 0) {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: ip_id")
		return
	}
	if sv.ReverseDNS == nil {
		sv.ReverseDNS = map[string]string{}
	}
	sid, _, cidr := subnetOf(sv)
	switch {
	case ipID != 0 && ipID == sv.ID*2+1:
		sv.ReverseDNS[sv.IPv4] = dns
	case subID != 0 && subID == sid:
		sv.ReverseDNS[cidr] = dns
	default:
		ghErrorField(w, http.StatusBadRequest, "IP not found on this server.")
		return
	}
	ghWrite(w, http.StatusOK, "Reverse DNS has been updated.", nil)
}

// ---- snapshots ----

// ghListSnapshots lists a server's snapshots with the docs' types: snap_id,
// srv_id and snap_time numbers.
func (s *Server) ghListSnapshots(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	ex := &s.gigahost.deploy.extras
	now := time.Now()
	byName := s.altLocked(AltSnapshotNameField) == "snap_name"
	list := []any{}
	for _, snap := range ex.snapshots {
		if snap.ServerID != sv.ID {
			continue
		}
		if ex.hideNew[snap.ID] > 0 {
			ex.hideNew[snap.ID]--
			continue
		}
		name, display := snap.Internal, snap.Name
		if byName {
			name, display = snap.Name, ""
		}
		state := "pending"
		if snap.Completed(now) {
			state = "completed"
		}
		list = append(list, map[string]any{
			"snap_id": snap.ID, "srv_id": sv.ID, "snap_name": name, "snap_display_name": display,
			"snap_time": snap.Time.Unix(), "snap_state": state,
		})
	}
	ghWrite(w, http.StatusOK, "", list)
}

// ghCreateSnapshot starts a snapshot of a virtual server: pending for the
// provisioning delay, then completed. The answer carries only a message,
// as in the docs' example.
func (s *Server) ghCreateSnapshot(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	name, _ := fieldString(body, "name")
	name = strings.TrimSpace(name)
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	if name == "" || len(name) > 255 {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: name")
		return
	}
	if p := s.gigahost.deploy.product(sv.ProductID, ""); p == nil || p.typ != "vm" {
		ghErrorField(w, http.StatusBadRequest, "Snapshots are only available for virtual servers.")
		return
	}
	s.addSnapshotLocked(sv.ID, name, s.provisioningDelay())
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{
		"status": 200, "status_message": "200 OK", "message": "Snapshot is currently being created.",
	}})
}

// addSnapshotLocked records a snapshot that completes after delay. Callers hold s.mu.
func (s *Server) addSnapshotLocked(serverID int64, name string, delay time.Duration) *GigahostSnapshot {
	ex := &s.gigahost.deploy.extras
	if ex.nextSnapID == 0 {
		ex.nextSnapID = 123
	}
	now := time.Now()
	snap := &GigahostSnapshot{
		ID: ex.nextSnapID, ServerID: serverID, Name: name, Time: now, CompletedAt: now.Add(delay),
		Internal: "S" + strings.ReplaceAll(uuid(), "-", "")[:7],
	}
	ex.nextSnapID++
	ex.snapshots = append(ex.snapshots, snap)
	if s.altLocked(AltSnapshotListed) == "later" {
		if ex.hideNew == nil {
			ex.hideNew = map[int64]int{}
		}
		ex.hideNew[snap.ID] = 2
	}
	return snap
}

// ghDeleteSnapshot deletes a snapshot of the server; an unknown one answers
// 404 (not documented; the client verifies by listing either way).
func (s *Server) ghDeleteSnapshot(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	snapID, err := strconv.ParseInt(r.PathValue("snap_id"), 10, 64)
	if err != nil || !s.deleteSnapshotLocked(sv.ID, snapID) {
		ghError(w, http.StatusNotFound, "Snapshot not found.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{
		"status": 200, "status_message": "200 OK", "message": "Snapshot has been deleted.",
	}})
}

// deleteSnapshotLocked removes a snapshot. Callers hold s.mu.
func (s *Server) deleteSnapshotLocked(serverID, snapID int64) bool {
	ex := &s.gigahost.deploy.extras
	for i, snap := range ex.snapshots {
		if snap.ID == snapID && snap.ServerID == serverID {
			ex.snapshots = append(ex.snapshots[:i], ex.snapshots[i+1:]...)
			return true
		}
	}
	return false
}

// ---- test handle: m.Gigahost.ServerExtras ----

// AddServer adds a server that is ready now, as if ordered earlier, and
// returns its id: product 7951 is a KVM VPS, 4873 a dedicated server.
func (h ServerExtrasHandle) AddServer(productID int64, name string) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.deploy
	p := st.product(productID, "")
	if p == nil {
		panic(fmt.Sprintf("mockapi: no product %d", productID))
	}
	delay := h.s.provisioningDelay()
	past := time.Now().Add(-2*delay - time.Second)
	sv := h.s.newGhServer(p, &deployOrder{priceID: p.priceID, regionID: 1, osID: 102, period: "hourly"}, past)
	sv.Name, sv.Hostname = name, name
	sv.setTimes(past, delay)
	st.servers[sv.ID] = sv
	return sv.ID
}

// Reverse returns the name stored for a server's IPv4 address or IPv6
// subnet (target as the record shows it: "193.200.238.21" or
// "2a03:94e0:...::/48"), "" when none.
func (h ServerExtrasHandle) Reverse(serverID int64, target string) string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if sv, ok := h.s.gigahost.deploy.servers[serverID]; ok {
		return sv.ReverseDNS[target]
	}
	return ""
}

// SetReverse stores a name for a server's IPv4 address or IPv6 subnet, as
// the control panel would ("" clears it).
func (h ServerExtrasHandle) SetReverse(serverID int64, target, name string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[serverID]
	if !ok {
		return false
	}
	if sv.ReverseDNS == nil {
		sv.ReverseDNS = map[string]string{}
	}
	sv.ReverseDNS[target] = name
	return true
}

// Subnet returns the CIDR of the IPv6 subnet routed to a server.
func (h ServerExtrasHandle) Subnet(serverID int64) string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[serverID]
	if !ok {
		return ""
	}
	_, _, cidr := subnetOf(sv)
	return cidr
}

// Snapshots returns a server's snapshots, by id.
func (h ServerExtrasHandle) Snapshots(serverID int64) []GigahostSnapshot {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	var out []GigahostSnapshot
	for _, snap := range h.s.gigahost.deploy.extras.snapshots {
		if snap.ServerID == serverID {
			out = append(out, *snap)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// AddSnapshot adds a completed snapshot, as one made outside Terraform, and
// returns its id.
func (h ServerExtrasHandle) AddSnapshot(serverID int64, name string) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.addSnapshotLocked(serverID, name, 0).ID
}

// DeleteSnapshot deletes a snapshot, as one deleted outside Terraform.
func (h ServerExtrasHandle) DeleteSnapshot(serverID, snapID int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.deleteSnapshotLocked(serverID, snapID)
}
