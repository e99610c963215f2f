package mockapi

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// BGP, as documented under /bgp: GET /bgp (the account's ASNs, prefix lists
// and sessions in one answer, every scalar a string as in the docs'
// example), POST /bgp/{asn_id}/session (the ASN must be active; one session
// per family given, on one router or with redundant on two; 200 with no
// ids; 400 "IPv4 session exists already." for an address that has one, 400
// "Unable to find available BGP routers." when no router is free) and
// DELETE /bgp/{session_id}/session (the session must be active; it is
// marked and leaves the list after the provisioning delay: the deletion is
// asynchronous). Quirks and silent points: alternatives_bgp.go.
//
// The docs do not say which API-key permission category /bgp belongs to;
// the mock puts it under servers (sessions are bound to a server's
// address), so that a key limited to some servers can read it but not
// write. The mock's own guesses, where the docs give no message: 404 "ASN
// not found." and "BGP session not found.", 400 "ASN is not active.",
// "IP not found." and "Session must be in active status.".
//
// The addresses sessions can use are the docs' example server 3523 (ip_id
// 7795, IPv4, and 7796, IPv6, as in the example request) and those of the
// mock's live servers (ip_id 2*srv_id IPv6, 2*srv_id+1 IPv4).

// The docs' example, seeded.
const (
	GigahostBGPSeedASNID     = 1
	GigahostBGPSeedASN       = "212345"
	GigahostBGPSeedSessionID = 1
	GigahostBGPSeedServerID  = 3523
	GigahostBGPSeedIPv4ID    = 7795 // has the seeded session
	GigahostBGPSeedIPv6ID    = 7796 // free
)

// GigahostBGPASN is one of the account's ASNs.
type GigahostBGPASN struct {
	ID                     int64
	ASN, Name, Country     string
	IRRv4, IRRv6           string
	IRRUpdated             int64
	Status, RejectedReason string
}

// GigahostBGPPrefix is one entry of an ASN's prefix list.
type GigahostBGPPrefix struct {
	ID, ASNID            int64
	Prefix, Type, Status string
}

// GigahostBGPSession is a BGP session as the mock stores it.
type GigahostBGPSession struct {
	ID, ASNID, RouterID, ServerID, IPID int64
	IPv6                                bool
	IPAddress                           string
	DefaultRoute, Multihop              bool
	Status                              string
	// Marked is set by DELETE: the session goes after the provisioning delay.
	Marked bool
}

type bgpSession struct {
	GigahostBGPSession
	goneAt time.Time
}

type bgpRouter struct {
	id         int64
	ipv4, ipv6 string
	asn        string
}

type bgpAddress struct {
	serverID, ipID int64
	ipv6           bool
	address        string
}

type bgpState struct {
	asns          []*GigahostBGPASN
	prefixes      []*GigahostBGPPrefix
	sessions      map[int64]*bgpSession
	nextSessionID int64
	addresses     []bgpAddress
	routers       []bgpRouter
	holdDeletes   bool
	// releaseAtDelete ends holdDeletes once the next DELETE is answered.
	releaseAtDelete bool
}

func newBGPState() *bgpState {
	st := &bgpState{
		asns: []*GigahostBGPASN{{ID: GigahostBGPSeedASNID, ASN: GigahostBGPSeedASN, Name: "Example Network", Country: "NO",
			IRRv4: "AS-EXAMPLE", IRRv6: "AS-EXAMPLE", IRRUpdated: 1700000000, Status: "active"}},
		prefixes:      []*GigahostBGPPrefix{{ID: 1, ASNID: GigahostBGPSeedASNID, Prefix: "192.0.2.0/24", Type: "ipv4", Status: "active"}},
		sessions:      map[int64]*bgpSession{},
		nextSessionID: 40,
		addresses: []bgpAddress{
			{serverID: GigahostBGPSeedServerID, ipID: GigahostBGPSeedIPv4ID, address: "185.181.63.24"},
			{serverID: GigahostBGPSeedServerID, ipID: GigahostBGPSeedIPv6ID, ipv6: true, address: "2a03:94e0:ffff:185:181:63:0:24"},
		},
		routers: []bgpRouter{
			{id: 1, ipv4: "185.125.168.1", ipv6: "2a03:94e0::1", asn: "39029"},
			{id: 2, ipv4: "185.125.168.2", ipv6: "2a03:94e0::2", asn: "39029"},
		},
	}
	st.sessions[GigahostBGPSeedSessionID] = &bgpSession{GigahostBGPSession: GigahostBGPSession{
		ID: GigahostBGPSeedSessionID, ASNID: GigahostBGPSeedASNID, RouterID: 1, ServerID: GigahostBGPSeedServerID,
		IPID: GigahostBGPSeedIPv4ID, IPAddress: "185.181.63.24", DefaultRoute: true, Status: "active",
	}}
	return st
}

func (st *bgpState) asn(id int64) *GigahostBGPASN {
	for _, a := range st.asns {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func (st *bgpState) router(id int64) bgpRouter {
	for _, r := range st.routers {
		if r.id == id {
			return r
		}
	}
	return bgpRouter{id: id}
}

// sweep removes the marked sessions whose deletion is done. Callers hold s.mu.
func (st *bgpState) sweep(now time.Time) {
	for id, se := range st.sessions {
		if se.Marked && !st.holdDeletes && !now.Before(se.goneAt) {
			delete(st.sessions, id)
		}
	}
}

func (st *bgpState) sorted() []*bgpSession {
	list := make([]*bgpSession, 0, len(st.sessions))
	for _, se := range st.sessions {
		list = append(list, se)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// address finds an address of the account: the BGP table, then the mock's
// live servers. Callers hold s.mu.
func (s *Server) bgpAddress(ipID int64, now time.Time) (bgpAddress, bool) {
	for _, a := range s.gigahost.bgp.addresses {
		if a.ipID == ipID {
			return a, true
		}
	}
	if sv := s.gigahost.deploy.servers[ipID/2]; sv != nil && sv.live(now) {
		if ipID%2 == 1 {
			return bgpAddress{serverID: sv.ID, ipID: ipID, address: sv.IPv4}, true
		}
		return bgpAddress{serverID: sv.ID, ipID: ipID, ipv6: true, address: sv.IPv6}, true
	}
	return bgpAddress{}, false
}

func (s *Server) registerBGP(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /bgp", CatServers, "", s.bgpGet)
	s.ghRoute(mux, "POST /bgp/{asn_id}/session", CatServers, "", s.bgpSessionCreate)
	s.ghRoute(mux, "DELETE /bgp/{session_id}/session", CatServers, "", s.bgpSessionDelete)
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func flag01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func family(ipv6 bool) string {
	if ipv6 {
		return "ipv6"
	}
	return "ipv4"
}

func (s *Server) bgpGet(w http.ResponseWriter, _ *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.gigahost.bgp
	st.sweep(time.Now())
	asnOf := func(id int64) *GigahostBGPASN {
		if a := st.asn(id); a != nil {
			return a
		}
		return &GigahostBGPASN{}
	}
	asns, prefixes, sessions := []any{}, []any{}, []any{}
	for _, a := range st.asns {
		asns = append(asns, map[string]any{
			"id": itoa64(a.ID), "asn": a.ASN, "asn_name": a.Name, "asn_country": a.Country, "irr_v4": a.IRRv4, "irr_v6": a.IRRv6,
			"irr_updated": itoa64(a.IRRUpdated), "status": a.Status, "rejected_reason": a.RejectedReason,
		})
	}
	for _, p := range st.prefixes {
		a := asnOf(p.ASNID)
		prefixes = append(prefixes, map[string]any{
			"id": itoa64(p.ID), "asn_id": itoa64(p.ASNID), "prefix": p.Prefix, "prefix_type": p.Type, "status": p.Status,
			"your_asn": a.ASN, "asn_country": a.Country,
		})
	}
	for _, se := range st.sorted() {
		a, r := asnOf(se.ASNID), st.router(se.RouterID)
		sessions = append(sessions, map[string]any{
			"id": itoa64(se.ID), "asn_id": itoa64(se.ASNID), "cust_id": itoa(GigahostCustomerID), "router_id": itoa64(se.RouterID),
			"srv_id": itoa64(se.ServerID), "ip_id": itoa64(se.IPID), "ip_type": family(se.IPv6), "defaultroute": flag01(se.DefaultRoute),
			"status": se.Status, "neighbor_ipv4": r.ipv4, "neighbor_ipv6": r.ipv6, "multihop": flag01(se.Multihop),
			"router_asn": r.asn, "your_asn": a.ASN, "asn_country": a.Country, "ip_address": se.IPAddress,
		})
	}
	data := map[string]any{"asn": asns, "prefix_lists": prefixes, "sessions": sessions}
	if s.altLocked(AltBGPEmpty) == bgpEmptyOmitted {
		for k, v := range data {
			if len(v.([]any)) == 0 { //nolint:forcetypeassert // every member above is a []any
				delete(data, k)
			}
		}
		if len(data) == 0 {
			ghWrite(w, http.StatusOK, "", nil)
			return
		}
	}
	ghWrite(w, http.StatusOK, "", data)
}

func (s *Server) bgpSessionCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	asnID, _ := strconv.ParseInt(r.PathValue("asn_id"), 10, 64)
	redundant, hasRedundant, rerr := fieldInt(body, "redundant")
	defaultRoute, hasDefault, derr := fieldInt(body, "defaultroute")
	if !hasRedundant || !hasDefault || rerr != nil || derr != nil || redundant < 0 || redundant > 1 || defaultRoute < 0 || defaultRoute > 1 {
		ghError(w, http.StatusBadRequest, "redundant and defaultroute are required (0 or 1).")
		return
	}
	type want struct {
		ipID int64
		ipv6 bool
	}
	var wants []want
	for _, f := range []struct {
		key  string
		ipv6 bool
	}{{"ip_id_v4", false}, {"ip_id_v6", true}} {
		id, ok, err := fieldInt(body, f.key)
		if err != nil {
			ghError(w, http.StatusBadRequest, f.key+" must be numeric.")
			return
		}
		if ok && id != 0 {
			wants = append(wants, want{id, f.ipv6})
		}
	}
	if len(wants) == 0 {
		ghError(w, http.StatusBadRequest, "At least one of ip_id_v4 or ip_id_v6 must be provided.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	st := s.gigahost.bgp
	st.sweep(now)
	a := st.asn(asnID)
	switch {
	case a == nil:
		ghError(w, http.StatusNotFound, "ASN not found.")
		return
	case a.Status != "active":
		ghError(w, http.StatusBadRequest, "ASN is not active.")
		return
	}
	addrs := make([]bgpAddress, len(wants))
	for i, wt := range wants {
		addr, ok := s.bgpAddress(wt.ipID, now)
		if !ok || addr.ipv6 != wt.ipv6 {
			ghError(w, http.StatusBadRequest, "IP not found.")
			return
		}
		for _, se := range st.sessions {
			if se.IPID == wt.ipID {
				name := "IPv4"
				if wt.ipv6 {
					name = "IPv6"
				}
				ghError(w, http.StatusBadRequest, name+" session exists already.")
				return
			}
		}
		addrs[i] = addr
	}
	routers := min(len(st.routers), 1+int(redundant))
	if routers == 0 {
		ghError(w, http.StatusBadRequest, "Unable to find available BGP routers.")
		return
	}
	for _, addr := range addrs {
		for _, rt := range st.routers[:routers] {
			se := &bgpSession{GigahostBGPSession: GigahostBGPSession{
				ID: st.nextSessionID, ASNID: asnID, RouterID: rt.id, ServerID: addr.serverID, IPID: addr.ipID, IPv6: addr.ipv6,
				IPAddress: addr.address, DefaultRoute: defaultRoute == 1, Status: "active",
			}}
			st.nextSessionID++
			st.sessions[se.ID] = se
		}
	}
	ghWrite(w, http.StatusOK, "BGP sessions has been created.", nil)
}

func (s *Server) bgpSessionDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	id, _ := strconv.ParseInt(r.PathValue("session_id"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	st := s.gigahost.bgp
	if st.releaseAtDelete {
		defer func() { st.holdDeletes, st.releaseAtDelete = false, false }()
	}
	st.sweep(now)
	se := st.sessions[id]
	switch {
	case se == nil:
		ghError(w, http.StatusNotFound, "BGP session not found.")
		return
	case se.Status != "active":
		ghError(w, http.StatusBadRequest, "Session must be in active status.")
		return
	}
	if !se.Marked {
		se.Marked = true
		se.goneAt = now.Add(s.provisioningDelay())
		if s.altLocked(AltBGPMarkedStatus) == bgpMarkedDeleting {
			se.Status = "deleting"
		}
	}
	ghWrite(w, http.StatusOK, "BGP sessions have been marked for deletion.", nil)
}

// ---- the test handle: m.Gigahost.BGP ----

// Sessions returns copies of the sessions GET /bgp lists now, by id.
func (h BGPHandle) Sessions() []GigahostBGPSession {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.bgp
	st.sweep(time.Now())
	out := []GigahostBGPSession{}
	for _, se := range st.sorted() {
		out = append(out, se.GigahostBGPSession)
	}
	return out
}

// Session returns a copy of one session, if GET /bgp lists it now.
func (h BGPHandle) Session(id int64) (GigahostBGPSession, bool) {
	for _, se := range h.Sessions() {
		if se.ID == id {
			return se, true
		}
	}
	return GigahostBGPSession{}, false
}

// DeleteSession removes a session at once, as if done outside Terraform.
func (h BGPHandle) DeleteSession(id int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.gigahost.bgp.sessions[id] == nil {
		return false
	}
	delete(h.s.gigahost.bgp.sessions, id)
	return true
}

// HoldDeletions keeps marked sessions listed (hold true) until released.
func (h BGPHandle) HoldDeletions(hold bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.bgp.holdDeletes = hold
}

// ReleaseDeletionsAtNextDelete ends HoldDeletions once the next DELETE
// has been answered, whatever its answer: the sessions marked before then
// go from the list after it.
func (h BGPHandle) ReleaseDeletionsAtNextDelete() {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.bgp.releaseAtDelete = true
}

// SetRouters makes n of the two routers available (0: none, so that a
// create is refused with "Unable to find available BGP routers.").
func (h BGPHandle) SetRouters(n int) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.bgp
	all := newBGPState().routers
	st.routers = all[:max(0, min(n, len(all)))]
}

// ASNs returns copies of the account's ASNs.
func (h BGPHandle) ASNs() []GigahostBGPASN {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	out := []GigahostBGPASN{}
	for _, a := range h.s.gigahost.bgp.asns {
		out = append(out, *a)
	}
	return out
}

// AddASN adds an ASN (its ID set here) and returns its id.
func (h BGPHandle) AddASN(a GigahostBGPASN) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.bgp
	a.ID = int64(len(st.asns)) + 1
	for st.asn(a.ID) != nil {
		a.ID++
	}
	st.asns = append(st.asns, &a)
	return a.ID
}

// PrefixLists returns copies of the account's prefix list entries.
func (h BGPHandle) PrefixLists() []GigahostBGPPrefix {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	out := []GigahostBGPPrefix{}
	for _, p := range h.s.gigahost.bgp.prefixes {
		out = append(out, *p)
	}
	return out
}

// AddAddress adds an address that sessions can use.
func (h BGPHandle) AddAddress(serverID, ipID int64, ipv6 bool, address string) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.bgp.addresses = append(h.s.gigahost.bgp.addresses, bgpAddress{serverID: serverID, ipID: ipID, ipv6: ipv6, address: address})
}

// String describes a session for test messages.
func (se GigahostBGPSession) String() string {
	return fmt.Sprintf("session %d (asn %d, router %d, ip %d %s, status %s, marked %t)", se.ID, se.ASNID, se.RouterID, se.IPID, family(se.IPv6), se.Status, se.Marked)
}
