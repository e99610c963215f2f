package mockapi

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The Gigahost servers side of the mock: the deploy catalog, orders that move
// through waiting, deploying, installing and ready over the provisioning
// delay, the server records, cancellation, power and reinstall (reverse DNS
// and snapshots: gigahost_server_extras.go).
// Quirks from FIELD-NOTES on by default: mixed JSON types, GET /servers/{id}
// answering a one-element list, orders that leave the status view once ready
// (and failed orders that just vanish), server records that omit the
// deploy-time IPv6 for some servers, live servers missing from /servers and
// /servers/{id} for a read after some of them are ready, DELETE /servers/{id}
// answering 405, cancel of an unknown server answering 400, power on/off
// answering 405 on KVM VPS products.

// GigahostServer is the mock's record of a deployed server. Tests read it and
// change it (m.Gigahost.Servers.Change) to simulate changes made outside Terraform.
type GigahostServer struct {
	ID            int64
	OrderID       int64
	OrderNumber   int64
	ProductID     int64
	PriceID       int64
	RegionID      int64
	OSID          int64
	ISOID         int64
	Rescue        bool
	Backups       bool
	Hostname      string // as ordered; the record shows it in srv_name, srv_hostname stays empty
	Name          string // srv_name
	BillingPeriod string // hourly, monthly, quarterly, annual
	SSHKeyIDs     []int64
	IPv4          string
	IPv6          string
	// OmitIPv6 makes the server record leave out the IPv6 address (a live quirk).
	OmitIPv6     bool
	Password     string
	ReverseDNS   map[string]string // IP address -> PTR
	Cancelled    bool
	CancelReason string
	// Held is an order the API saved that does not deploy until released
	// (m.Gigahost.Servers.ReleaseOrders): payment declined, pending payment or review.
	Held string
	// Label is srv_label ("" shows the default srv<id>.gigahost.no).
	Label string
	// Failed marks a deploy that failed: its order and server vanished.
	Failed    bool
	CreatedAt time.Time
	// Reboots counts the reboots asked for, PoweredOff is the power state
	// last asked for, IPMISessions counts the KVM/IPMI sessions opened
	// (gigahost_server_power.go).
	Reboots      int
	PoweredOff   bool
	IPMISessions int
}

type ghServer struct {
	GigahostServer
	assignAt, installAt, readyAt, dropAt, failAt time.Time
	reinstallUntil                               time.Time
	hideReads                                    int  // reads of the record still to answer 404
	absenceApplied                               bool // the default transient absence was applied
	vanished                                     bool // gone without a cancellation
	power                                        ghPower
	ipmi                                         *ghIPMI
}

// state at t: waiting, deploying, installing, ready (or rescue, iso),
// failed, cancelled.
func (sv *ghServer) state(t time.Time) string {
	switch {
	case sv.Cancelled:
		return "cancelled"
	case sv.Held != "":
		return "held"
	case sv.vanished || (sv.Failed && !t.Before(sv.failAt)):
		return "failed"
	case t.Before(sv.assignAt):
		return "waiting"
	case t.Before(sv.installAt):
		return "deploying"
	case t.Before(sv.readyAt):
		return "installing"
	case sv.Rescue:
		return "rescue"
	case sv.ISOID != 0:
		return "iso"
	}
	return "ready"
}

// live reports whether the server exists as a server record at t.
func (sv *ghServer) live(t time.Time) bool {
	switch sv.state(t) {
	case "waiting", "failed", "cancelled", "held":
		return false
	}
	return true
}

type ghProduct struct {
	groupID                   int64
	group                     string
	id                        int64
	hash, name, typ           string
	auctionID                 int64
	cores, memGB, diskGB      int64
	cpuModel                  string
	priceID                   int64
	rateHourly, rateMonthly   float64
	regions                   []int64
	stock                     int // -1: unlimited
	allowHourly, allowRecurse bool
}

type ghOS struct {
	id, distID          int64
	name, release, dist string
	dedicatedOnly       bool
	minRAM              int64
}

type deployState struct {
	products        []*ghProduct
	regions         []map[string]any
	distros         []map[string]any
	oses            []ghOS
	isos            []GigahostISO       // gigahost_isos.go
	servers         map[int64]*ghServer // by server id
	nextServerID    int64
	nextOrderID     int64
	nextOrderNumber int64
	nextIP          int
	failNext        int
	hold            string // the hold of the next orders: "", payment_declined, pending_payment, under_review
	// The default transient absence: a server, once ready, is missing from
	// the record views for absenceReads reads with probability absenceChance.
	absenceReads  int
	absenceChance float64
	// extras: snapshots (gigahost_server_extras.go).
	extras serverExtras
}

func newDeployState() *deployState {
	st := &deployState{
		servers: map[int64]*ghServer{}, nextServerID: 18856, nextOrderID: 35989, nextOrderNumber: 17831, nextIP: 20,
		absenceReads: 1, absenceChance: 0.25, isos: seedISOs(),
	}
	st.products = []*ghProduct{
		{groupID: 60, group: "KVM Performance", id: 7951, hash: "f9544dd3cb", name: "KVM Performance VPS 4GB", typ: "vm", cores: 2, memGB: 4, diskGB: 40, priceID: 4042, rateHourly: 0.15813, rateMonthly: 99, regions: []int64{1, 2}, stock: -1, allowHourly: true, allowRecurse: true},
		{groupID: 60, group: "KVM Performance", id: 7952, hash: "a1b2c3d4e5", name: "KVM Performance VPS 8GB", typ: "vm", cores: 4, memGB: 8, diskGB: 80, priceID: 4045, rateHourly: 0.25396, rateMonthly: 159, regions: []int64{1}, stock: -1, allowHourly: true, allowRecurse: true},
		{groupID: 60, group: "KVM Performance", id: 7953, hash: "b7c8d9e0f1", name: "KVM Performance VPS 16GB", typ: "vm", cores: 8, memGB: 16, diskGB: 160, priceID: 4047, rateHourly: 0.49, rateMonthly: 299, regions: []int64{1, 2}, stock: 0, allowHourly: true, allowRecurse: true},
		{groupID: 55, group: "Intro Bare Metal", id: 4873, hash: "1ntr0c0re5", name: "Intro - Intel Core i3 4GB", typ: "dedicated", cpuModel: "Intel Core i5-2400 3.1GHz", memGB: 8, diskGB: 500, priceID: 3397, rateHourly: 0.31785, rateMonthly: 199, regions: []int64{1}, stock: 3, allowHourly: false, allowRecurse: true},
		{groupID: 56, group: "Auction Bare Metal", id: 1620, hash: "auct10n111", name: "Core i5 8GB 500GB 2018", typ: "auction", auctionID: 311, cpuModel: "Intel Core i5-2400 3.1GHz", memGB: 8, diskGB: 500, priceID: 0, rateHourly: 0.34819, rateMonthly: 218, regions: []int64{1}, stock: 1, allowHourly: true, allowRecurse: true},
	}
	st.regions = []map[string]any{
		{"region_id": "1", "region_name": "Sandefjord", "region_name_short": "SFJ, NO", "region_country": "Norge", "region_icon": "ZmxhZ3N2Zw==", "region_active": "1"},
		{"region_id": "2", "region_name": "Oslo", "region_name_short": "OSL, NO", "region_country": "Norge", "region_icon": "ZmxhZ3N2Zw==", "region_active": "1"},
	}
	st.distros = []map[string]any{
		{"dist_id": "2", "type_id": "1", "dist_name": "Debian", "dist_value": "debian", "dist_logo": "/images/os/debian.png", "dist_description": "Debian er en programvaredistribusjon.", "dist_active": "1"},
		{"dist_id": "3", "type_id": "1", "dist_name": "Ubuntu", "dist_value": "ubuntu", "dist_logo": "/images/os/ubuntu.png", "dist_description": "Ubuntu er et operativsystem.", "dist_active": "1"},
		{"dist_id": "5", "type_id": "1", "dist_name": "Rocky Linux", "dist_value": "rocky", "dist_logo": "/images/os/rocky.png", "dist_description": "", "dist_active": "1"},
	}
	st.oses = []ghOS{
		{id: 90, distID: 2, name: "Debian 12 64-bit", release: "debian", dist: "12"},
		{id: 91, distID: 2, name: "Debian 13 64-bit", release: "debian", dist: "13"},
		{id: 101, distID: 3, name: "Ubuntu 22.04 LTS", release: "ubuntu", dist: "22.04"},
		{id: 102, distID: 3, name: "Ubuntu 24.04 LTS", release: "ubuntu", dist: "24.04", minRAM: 4},
		{id: 130, distID: 5, name: "Rocky Linux 9 64-bit", release: "rocky", dist: "9", dedicatedOnly: true},
	}
	return st
}

func (st *deployState) product(id int64, hash string) *ghProduct {
	for _, p := range st.products {
		if (id != 0 && p.id == id) || (id == 0 && hash != "" && p.hash == hash) {
			return p
		}
	}
	return nil
}

func (st *deployState) os(id int64) *ghOS {
	for i := range st.oses {
		if st.oses[i].id == id {
			return &st.oses[i]
		}
	}
	return nil
}

// visible reports whether a read of the record shows the server now; it
// consumes one hidden read of a transiently absent server. Callers hold s.mu.
func (s *Server) ghVisible(sv *ghServer, t time.Time) bool {
	st := s.gigahost.deploy
	if !sv.live(t) {
		return false
	}
	if !sv.absenceApplied && !t.Before(sv.readyAt) {
		sv.absenceApplied = true
		if s.rng.Float64() < st.absenceChance {
			sv.hideReads += st.absenceReads
		}
	}
	if sv.hideReads > 0 {
		sv.hideReads--
		return false
	}
	return true
}

// ghRecordVisible is ghVisible for the record views, where a server
// cancelled may still show (AltCancelledServer). Callers hold s.mu.
func (s *Server) ghRecordVisible(sv *ghServer, t time.Time) bool {
	if sv.Cancelled && s.altLocked(AltCancelledServer) != "vanishes" {
		return true
	}
	return s.ghVisible(sv, t)
}

// ---- test handle ----

// Get returns the record of a server (live or not).
func (h ServersHandle) Get(id int64) (GigahostServer, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[id]
	if !ok {
		return GigahostServer{}, false
	}
	return sv.GigahostServer, true
}

// List returns every server record ever ordered, by id.
func (h ServersHandle) List() []GigahostServer {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.ghServerList(func(*ghServer) bool { return true })
}

// Live returns the servers that exist and are billed now:
// ordered, not cancelled and not failed (provisioning ones included).
func (h ServersHandle) Live() []GigahostServer {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	now := time.Now()
	return h.s.ghServerList(func(sv *ghServer) bool {
		st := sv.state(now)
		return st != "cancelled" && st != "failed"
	})
}

func (s *Server) ghServerList(keep func(*ghServer) bool) []GigahostServer {
	var out []GigahostServer
	for _, sv := range s.gigahost.deploy.servers {
		if keep(sv) {
			out = append(out, sv.GigahostServer)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// State is the server's provisioning state now: waiting,
// deploying, installing, ready, rescue, iso, failed or cancelled ("" if unknown).
func (h ServersHandle) State(id int64) string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[id]
	if !ok {
		return ""
	}
	return sv.state(time.Now())
}

// Change changes a server record, as a change made outside
// Terraform would.
func (h ServersHandle) Change(id int64, change func(*GigahostServer)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[id]
	if ok {
		change(&sv.GigahostServer)
	}
	return ok
}

// Rename renames a server as the control panel would: into srv_name, or
// into srv_label under that alternative (servers.rename-field).
func (h ServersHandle) Rename(id int64, name string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[id]
	if ok {
		h.s.renameLocked(sv, name)
	}
	return ok
}

// renameLocked sets the name in the field the mock's form shows it in.
// Callers hold s.mu.
func (s *Server) renameLocked(sv *ghServer, name string) {
	if s.altLocked(AltRenameField) == "srv_label" {
		sv.Label = name
	} else {
		sv.Name = name
	}
}

// HasName reports whether a server's record shows name in srv_name or in
// srv_label, the two fields a rename may land in.
func (g GigahostServer) HasName(name string) bool { return g.Name == name || g.Label == name }

// Vanish makes a server disappear from every view without a
// cancellation, as a failed or removed server does.
func (h ServersHandle) Vanish(id int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, ok := h.s.gigahost.deploy.servers[id]
	if ok {
		sv.vanished = true
	}
	return ok
}

// Hide makes the next reads of a server's record (GET /servers
// and GET /servers/{id}, each request counts) answer as if it did not exist.
func (h ServersHandle) Hide(id int64, reads int) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if sv, ok := h.s.gigahost.deploy.servers[id]; ok {
		sv.hideReads = reads
	}
}

// SetTransientAbsence sets the default transient absence: once
// ready, a server is missing from GET /servers and GET /servers/{id} for the
// given number of reads, with the given probability (default 1 read, 0.25;
// 0 reads turns the quirk off).
func (h ServersHandle) SetTransientAbsence(reads int, probability float64) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.deploy.absenceReads, h.s.gigahost.deploy.absenceChance = reads, probability
}

// FailNextDeploys makes the next n ordered servers fail halfway
// through installing: their orders and servers vanish.
func (h ServersHandle) FailNextDeploys(n int) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.deploy.failNext = n
}

// HoldOrders makes the next orders saved but held, as the docs
// describe: "payment_declined" answers 402 (the order is saved and deploys
// once paid), "pending_payment" and "under_review" answer 200 with that flag
// true. "" ends it. Held orders have no server and are not in the deploy
// status until ReleaseOrders.
func (h ServersHandle) HoldOrders(hold string) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.deploy.hold = hold
}

// ReleaseOrders lets every held order deploy from now on, as once
// paid or reviewed.
func (h ServersHandle) ReleaseOrders() {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	now := time.Now()
	delay := h.s.provisioningDelay()
	for _, sv := range h.s.gigahost.deploy.servers {
		if sv.Held != "" {
			sv.Held = ""
			sv.CreatedAt = now
			sv.setTimes(now, delay)
		}
	}
}

// ---- routes ----

func (s *Server) registerDeploy(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /deploy/servers", CatServers, "", s.ghCatalog)
	s.ghRoute(mux, "POST /deploy/servers", CatServers, "", s.ghDeploy)
	s.ghRoute(mux, "GET /deploy/status", CatServers, "", s.ghDeployStatus)
	s.ghRoute(mux, "GET /deploy/isos", CatServers, "", s.ghDeployISOs)
	s.ghRoute(mux, "GET /servers", CatServers, "", s.ghListServers)
	s.ghRoute(mux, "GET /servers/{id}", CatServers, "id", s.ghGetServer)
	s.ghRoute(mux, "DELETE /servers/{id}", CatServers, "id", func(w http.ResponseWriter, _ *http.Request, _ principal) {
		ghError(w, http.StatusMethodNotAllowed, "Method not allowed.")
	})
	s.ghRoute(mux, "PUT /servers/{id}/name", CatServers, "id", s.ghRenameServer)
	s.ghRoute(mux, "POST /servers/{id}/cancel", CatServers, "id", s.ghCancelServer)
	s.registerServerPower(mux)
	s.registerServerExtras(mux)
	s.ghRoute(mux, "POST /servers/{id}/reinstall", CatServers, "id", s.ghReinstall)
	s.ghRoute(mux, "GET /reinstall/distro", CatServers, "", s.ghDistros)
	s.ghRoute(mux, "GET /reinstall/distro/{dist_id}", CatServers, "", s.ghDistroOSes)
}

// ghCatalog answers in the live shapes: product ids and price ids numbers,
// vm_* numeric strings, region_id a string but region_ids numbers, and the
// availability flags and rates in whichever form each product happens to use.
func (s *Server) ghCatalog(w http.ResponseWriter, _ *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.gigahost.deploy
	var tiers []map[string]any
	byGroup := map[int64]map[string]any{}
	for i, p := range st.products {
		inStock := p.stock != 0
		var inStockJSON, hourlyJSON, rateJSON any = inStock, p.allowHourly, p.rateHourly
		if i%2 == 1 { // mixed types within one list, as live
			inStockJSON, hourlyJSON, rateJSON = boolDigit(inStock), boolDigit(p.allowHourly), strconv.FormatFloat(p.rateHourly, 'f', -1, 64)
		}
		prod := map[string]any{
			"product_id": p.id, "product_hash": p.hash, "product_name": p.name, "type": p.typ,
			"addons": []any{}, "auction_id": p.auctionID, "in_stock": inStockJSON, "built_to_order": false,
			"waitlist_eligible": !inStock && p.typ != "auction", "allow_hourly": hourlyJSON, "allow_recurring": p.allowRecurse,
			"vm_cores": strconv.FormatInt(p.cores, 10), "vm_memory": strconv.FormatInt(vmOnly(p, p.memGB), 10),
			"vm_storage": strconv.FormatInt(vmOnly(p, p.diskGB), 10), "vm_bw": "20000", "vm_bw_type": "quota",
			"specs": map[string]any{
				"cpu_cores": p.cores, "cpu_sockets": 1, "cpu_model": nilIfEmpty(p.cpuModel), "ram_gb": p.memGB,
				"disks": []any{map[string]any{"size_gb": p.diskGB, "type": "NVMe"}}, "bw": 20000, "bw_type": "quota", "uplink_gbps": nil,
			},
			"price_id": p.priceID, "rate_hourly": rateJSON, "rate_monthly": p.rateMonthly, "region_ids": p.regions,
		}
		tier, ok := byGroup[p.groupID]
		if !ok {
			tier = map[string]any{"group_id": p.groupID, "group_name": p.group, "products": []any{}}
			byGroup[p.groupID] = tier
			tiers = append(tiers, tier)
		}
		tier["products"] = append(tier["products"].([]any), prod) //nolint:forcetypeassert // built just above
	}
	ghWrite(w, http.StatusOK, "", map[string]any{
		"tiers": tiers, "regions": st.regions, "currency": "NOK",
		"eligibility": map[string]any{"verified": 1, "has_method": true, "method_qualifies": true, "has_paid_invoice": true, "qualifies_arrears": true, "credit_nok": 0},
	})
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func vmOnly(p *ghProduct, v int64) int64 {
	if p.typ == "vm" {
		return v
	}
	return 0
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var ghHostnameRE = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$`)

// deployOrder is a parsed POST /deploy/servers body.
type deployOrder struct {
	pid, priceID, regionID, osID, isoID, quantity int64
	hash, period                                  string
	rescue, backups                               bool
	hostnames                                     []string
	sshKeys                                       []int64
}

// ghDeploy answers POST /deploy/servers: parse the body, validate it
// against the catalog, create one order (and server) per server.
func (s *Server) ghDeploy(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	o, field := parseDeploy(body)
	if field != "" {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: "+field)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, status, msg := s.validateDeploy(&o)
	if status != 0 {
		ghErrorField(w, status, msg)
		return
	}
	status, data := s.createDeploy(p, &o)
	if status != http.StatusOK {
		writeJSON(w, status, data)
		return
	}
	ghWrite(w, http.StatusOK, "", data)
}

// parseDeploy reads the body's fields; a field that does not parse is named.
func parseDeploy(body map[string]any) (o deployOrder, badField string) {
	var err error
	for _, f := range []struct {
		name string
		dst  *int64
	}{{"pid", &o.pid}, {"price_id", &o.priceID}, {"region_id", &o.regionID}, {"os_id", &o.osID}, {"iso_id", &o.isoID}} {
		if *f.dst, _, err = fieldInt(body, f.name); err != nil {
			return o, f.name
		}
	}
	o.hash, _ = fieldString(body, "hash")
	o.rescue, _ = fieldBool(body, "rescue")
	o.backups, _ = fieldBool(body, "backups")
	quantity, hasQty, err := fieldInt(body, "quantity")
	if err != nil || (hasQty && (quantity < 1 || quantity > 10)) {
		return o, "quantity"
	}
	o.quantity = 1
	if hasQty {
		o.quantity = quantity
	}
	o.period, _ = fieldString(body, "billing_period")
	if o.period == "" {
		o.period = "hourly"
	}
	switch o.period {
	case "hourly", "monthly", "quarterly", "annual":
	default:
		return o, "billing_period"
	}
	var ok bool
	if o.hostnames, ok = stringList(body["hostnames"]); !ok {
		return o, "hostnames"
	}
	for _, h := range o.hostnames {
		if len(h) > 253 || !ghHostnameRE.MatchString(h) {
			return o, "hostnames"
		}
	}
	if o.sshKeys, ok = intList(body["ssh_keys"]); !ok {
		return o, "ssh_keys"
	}
	return o, ""
}

// validateDeploy checks an order against the catalog, with the documented
// errors. Callers hold s.mu.
func (s *Server) validateDeploy(o *deployOrder) (p *ghProduct, status int, msg string) {
	st := s.gigahost.deploy
	bad := func(field string) (*ghProduct, int, string) {
		return nil, http.StatusBadRequest, "Required field is invalid: " + field
	}
	if p = st.product(o.pid, o.hash); p == nil {
		return bad("pid")
	}
	if p.priceID == 0 || o.priceID != p.priceID {
		return bad("price_id")
	}
	if !slicesContains(p.regions, o.regionID) {
		return bad("region_id")
	}
	images := 0
	if o.osID != 0 {
		images++
		if os := st.os(o.osID); os == nil || (os.dedicatedOnly && p.typ == "vm") {
			return bad("os_id")
		}
	}
	if o.isoID != 0 {
		images++
		if !st.hasISO(o.isoID) {
			return bad("iso_id")
		}
	}
	if o.rescue {
		images++
	}
	switch {
	case images != 1:
		return nil, http.StatusBadRequest, "Choose an operating system, an ISO, or rescue mode."
	case o.period == "hourly" && !p.allowHourly:
		return nil, http.StatusForbidden, "This product cannot be ordered hourly."
	case o.period != "hourly" && !p.allowRecurse:
		return nil, http.StatusForbidden, "This product cannot be ordered on a recurring term."
	case p.stock >= 0 && int64(p.stock) < o.quantity:
		return nil, http.StatusBadRequest, fmt.Sprintf("Not enough stock to deploy %d server(s).", o.quantity)
	}
	return p, 0, ""
}

// createDeploy places a valid order: one order and server per server, and
// answers as documented (a held order as payment_declined with 402, or with
// pending_payment or under_review). Callers hold s.mu.
func (s *Server) createDeploy(p *ghProduct, o *deployOrder) (int, map[string]any) {
	st := s.gigahost.deploy
	if p.stock > 0 {
		p.stock -= int(o.quantity)
	}
	now := time.Now()
	delay := s.provisioningDelay()
	var orderIDs, orderNumbers []int64
	for i := int64(0); i < o.quantity; i++ {
		sv := s.newGhServer(p, o, now)
		if int(i) < len(o.hostnames) {
			sv.Hostname = o.hostnames[i]
		}
		sv.Name = sv.Hostname
		if sv.Name == "" {
			sv.Name = fmt.Sprintf("srv%d.gigahost.no", sv.ID)
		}
		sv.setTimes(now, delay)
		sv.Held = st.hold
		if s.altLocked(AltOrderIDGap) == "gapped" {
			st.nextOrderID += int64(1 + s.rng.IntN(40)) // other customers' orders
		}
		if st.failNext > 0 {
			st.failNext--
			sv.Failed = true
			sv.failAt = now.Add(delay / 2)
		}
		st.servers[sv.ID] = sv
		orderIDs = append(orderIDs, sv.OrderID)
		orderNumbers = append(orderNumbers, sv.OrderNumber)
	}
	if st.hold == "payment_declined" {
		return http.StatusPaymentRequired, map[string]any{"meta": map[string]any{
			"status": 402, "status_message": "402 Payment Required", "reason": "payment_declined",
			"error": "Your card was declined. The order is saved and we will retry payment; your server deploys once it is paid.",
		}, "data": []any{}}
	}
	var ids any = orderIDs
	if s.altLocked(AltDeployOrderIDs) == "strings" {
		strs := make([]string, len(orderIDs))
		for i, id := range orderIDs {
			strs[i] = strconv.FormatInt(id, 10)
		}
		ids = strs
	}
	data := map[string]any{
		"success": true, "message": "Servers queued for deployment.", "order_ids": ids, "order_numbers": orderNumbers,
		"quantity": o.quantity, "currency": "NOK",
	}
	if o.period != "hourly" || st.hold != "" {
		data["pending_payment"], data["under_review"] = st.hold == "pending_payment", st.hold == "under_review"
	}
	if o.period == "hourly" {
		data["rate_hourly"], data["monthly_cap"] = p.rateHourly, p.rateMonthly
	} else {
		data["billing_period"], data["monthly"] = o.period, p.rateMonthly
	}
	return http.StatusOK, data
}

// newGhServer numbers a new order and its server. Callers hold s.mu.
func (s *Server) newGhServer(p *ghProduct, o *deployOrder, now time.Time) *ghServer {
	st := s.gigahost.deploy
	st.nextIP++
	sv := &ghServer{GigahostServer: GigahostServer{
		ID: st.nextServerID, OrderID: st.nextOrderID, OrderNumber: st.nextOrderNumber,
		ProductID: p.id, PriceID: o.priceID, RegionID: o.regionID, OSID: o.osID, ISOID: o.isoID, Rescue: o.rescue, Backups: o.backups,
		BillingPeriod: o.period, SSHKeyIDs: o.sshKeys, CreatedAt: now,
		IPv4:     fmt.Sprintf("193.200.238.%d", st.nextIP%250+2),
		IPv6:     fmt.Sprintf("2a03:94e0:ffff:193:200:238::%d", st.nextIP),
		OmitIPv6: s.rng.IntN(2) == 0,
	}}
	st.nextServerID++
	st.nextOrderID++
	st.nextOrderNumber++
	if len(o.sshKeys) == 0 || o.rescue {
		sv.Password = "Gh-" + strings.ReplaceAll(uuid(), "-", "")[:16]
	}
	return sv
}

// setTimes schedules the provisioning phases from t.
func (sv *ghServer) setTimes(t time.Time, delay time.Duration) {
	sv.assignAt = t.Add(delay / 10)
	sv.installAt = t.Add(delay * 3 / 10)
	sv.readyAt = t.Add(delay)
	sv.dropAt = sv.readyAt.Add(delay / 4)
}

// ghErrorField answers an error the way deploy errors come: in meta.error.
func ghErrorField(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"meta": map[string]any{
		"status": status, "status_message": fmt.Sprintf("%d %s", status, http.StatusText(status)), "error": msg,
	}, "data": []any{}})
}

func slicesContains(list []int64, v int64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func stringList(v any) ([]string, bool) {
	if v == nil {
		return nil, true
	}
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := fieldString(map[string]any{"v": x}, "v")
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func intList(v any) ([]int64, bool) {
	strs, ok := stringList(v)
	if !ok {
		return nil, false
	}
	out := make([]int64, 0, len(strs))
	for _, s := range strs {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// ghDeployStatus lists the asked orders that are provisioning, or ready for
// a short while after. Failed orders just vanish. Ids are numbers here and
// order_number a string, as live.
func (s *Server) ghDeployStatus(w http.ResponseWriter, r *http.Request, p principal) {
	raw := r.URL.Query().Get("ids")
	if strings.TrimSpace(raw) == "" {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: ids")
		return
	}
	want := map[int64]bool{}
	for _, part := range strings.Split(raw, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if err != nil {
			ghErrorField(w, http.StatusBadRequest, "Required field is invalid: ids")
			return
		}
		want[id] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.altLocked(AltStatusForeignIDs) == "refused" {
		known := map[int64]bool{}
		for _, sv := range s.gigahost.deploy.servers {
			known[sv.OrderID] = true
		}
		for id := range want {
			if !known[id] {
				ghErrorField(w, http.StatusBadRequest, "Required field is invalid: ids")
				return
			}
		}
	}
	now := time.Now()
	list := []any{}
	allReady := true
	for _, sv := range s.gigahost.deploy.servers {
		if !want[sv.OrderID] {
			continue
		}
		state := sv.state(now)
		if state == "failed" || state == "cancelled" || state == "held" || !now.Before(sv.dropAt) {
			continue
		}
		srvID, ip, ipv6 := int64(0), "", ""
		if state != "waiting" {
			srvID, ip, ipv6 = sv.ID, sv.IPv4, sv.IPv6
			if !p.canSee(CatServers, srvID) {
				continue
			}
		}
		password := ""
		if (state == "installing" && len(sv.SSHKeyIDs) == 0) || state == "rescue" {
			password = sv.Password
		}
		var progress any
		if state == "installing" {
			progress = int(100 * now.Sub(sv.installAt) / max(sv.readyAt.Sub(sv.installAt), 1))
		}
		if state != "ready" && state != "rescue" && state != "iso" {
			allReady = false
		}
		list = append(list, map[string]any{
			"order_id": sv.OrderID, "order_number": strconv.FormatInt(sv.OrderNumber, 10), "hostname": sv.Hostname,
			"srv_id": srvID, "status": state, "app": nil, "install_progress": progress, "ip": ip, "ipv6": ipv6, "password": password,
		})
	}
	ghWrite(w, http.StatusOK, "", map[string]any{"servers": list, "all_ready": allReady})
}

// serverJSON renders a server record in the live shape: mostly strings,
// srv_ram a number, the hostname in srv_name with srv_hostname empty, the
// product id only in the order. Callers hold s.mu.
func (s *Server) serverJSON(sv *ghServer, now time.Time) map[string]any {
	st := s.gigahost.deploy
	p := st.product(sv.ProductID, "")
	productName, cores, ram, srvType, vpsType := "", int64(0), int64(0), "dedicated", ""
	if p != nil {
		productName, cores, ram = p.name, p.cores, p.memGB
		if p.typ == "vm" {
			srvType, vpsType = "vps", "kvm"
		}
	}
	ips := s.serverIPs(sv)
	billingType, cycle := "hourly", "0"
	switch sv.BillingPeriod {
	case "monthly":
		billingType, cycle = "recurring", "1"
	case "quarterly":
		billingType, cycle = "recurring", "3"
	case "annual":
		billingType, cycle = "recurring", "12"
	}
	regionName := ""
	for _, r := range st.regions {
		if r["region_id"] == strconv.FormatInt(sv.RegionID, 10) {
			regionName, _ = r["region_name"].(string)
		}
	}
	osName := ""
	if o := st.os(sv.OSID); o != nil {
		osName = o.name
	}
	label := sv.Label
	if label == "" {
		label = fmt.Sprintf("srv%d.gigahost.no", sv.ID)
	}
	var backups any = sv.Backups
	switch s.altLocked(AltServerBackupsFlag) {
	case "false":
		backups = false
	case "true":
		backups = true
	}
	orderStatus := "active"
	if s.altLocked(AltServerOrderStatus) == "cancelled" || sv.Cancelled {
		orderStatus = "cancelled"
	}
	deleted, cancelled := "0", any(nil)
	if sv.Cancelled {
		switch s.altLocked(AltCancelledServer) {
		case "deleted":
			deleted = "1"
		case "marked":
			cancelled = map[string]any{"date": strconv.FormatInt(now.Unix(), 10), "reason": sv.CancelReason}
		}
	}
	return map[string]any{
		"srv_id": strconv.FormatInt(sv.ID, 10), "srv_name": sv.Name, "srv_hostname": "", "srv_label": label,
		"srv_status": true, "srv_status_install": now.Before(sv.readyAt) || now.Before(sv.reinstallUntil), "srv_status_rescue": sv.Rescue,
		"srv_status_snapshot": false, "srv_status_mount": sv.ISOID != 0, "srv_feature_backups": backups, "srv_feature_reinstall": true,
		"os_id": strconv.FormatInt(sv.OSID, 10), "iso_id": strconv.FormatInt(sv.ISOID, 10), "product_id": "0", "pkg_id": 0,
		"srv_cores": strconv.FormatInt(cores, 10), "srv_ram": ram, "srv_type": srvType, "srv_vps_type": vpsType, "srv_mgmt_type": "kvm",
		"srv_primary_ip": sv.IPv4, "srv_deleted": deleted, "srv_suspended": false, "cancelled": cancelled, "cust_id": strconv.Itoa(GigahostCustomerID),
		"srv_date_created": strconv.FormatInt(sv.CreatedAt.Unix(), 10), "srv_location": "DC1",
		"ips": ips, "subnets": s.serverSubnets(sv),
		"order": map[string]any{
			"order_id": strconv.FormatInt(sv.OrderID, 10), "order_number": strconv.FormatInt(sv.OrderNumber, 10),
			"product_id": strconv.FormatInt(sv.ProductID, 10), "product_name": productName,
			"order_billing_type": billingType, "order_billing_cycle": cycle, "order_status": orderStatus, "order_cancel_reason": sv.CancelReason,
		},
		"os":         map[string]any{"os_id": strconv.FormatInt(sv.OSID, 10), "os_name": osName},
		"datacenter": map[string]any{"region_id": strconv.FormatInt(sv.RegionID, 10), "region_name": regionName, "dc_id": "9", "dc_name": "DC4", "dc_type": "rack"},
		"location":   nil,
		// The docs' GET /servers/{id} example shows ipmi_session null or
		// the open session; the live sample null.
		"ipmi_session": sv.ipmiJSON(now),
	}
}

// serverIPs is the record's ips list: the IPv6 (unless omitted, a live
// quirk) and the IPv4, both primary, with the same ip_id and sub_id (as the
// live sample shows them). Callers hold s.mu.
func (s *Server) serverIPs(sv *ghServer) []any {
	ips := []any{}
	if !sv.OmitIPv6 {
		ips = append(ips, map[string]any{
			"ip_id": strconv.FormatInt(sv.ID*2+1, 10), "sub_id": "3777", "ip_v4v6": "ipv6", "ip_address": sv.IPv6, "ip_type": "primary",
			"ip_netmask": "/118", "ip_gateway": "2a03:94e0:ffff:193:200:238::1", "ip_reverse": sv.ReverseDNS[sv.IPv6], "ip_reverse_v6": "", "ip_routed_to": "0",
		})
	}
	ips = append(ips, map[string]any{
		"ip_id": strconv.FormatInt(sv.ID*2+1, 10), "sub_id": "3777", "ip_v4v6": "ipv4", "ip_address": sv.IPv4, "ip_type": "primary",
		"ip_netmask": "255.255.255.0", "ip_gateway": "193.200.238.1", "ip_reverse": s.reverseShown(sv.ReverseDNS[sv.IPv4]), "ip_nullroute": "0", "ip_routed_to": "0",
	})
	return ips
}

func (s *Server) ghListServers(w http.ResponseWriter, _ *http.Request, p principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	ids := make([]int64, 0, len(s.gigahost.deploy.servers))
	for id := range s.gigahost.deploy.servers {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	list := []any{}
	for _, id := range ids {
		sv := s.gigahost.deploy.servers[id]
		if !p.canSee(CatServers, id) || !s.ghRecordVisible(sv, now) {
			continue
		}
		item := s.serverJSON(sv, now)
		if s.altLocked(AltServerListItems) == "bare" {
			delete(item, "order")
			delete(item, "datacenter")
		}
		list = append(list, item)
	}
	ghWrite(w, http.StatusOK, "", list)
}

// liveServer finds the server of the {id} path value; it answers 404 itself
// when the server does not exist (or is transiently hidden) and returns nil.
// Callers hold s.mu.
func (s *Server) liveServer(w http.ResponseWriter, r *http.Request, countsAsRead bool) *ghServer {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	sv, ok := s.gigahost.deploy.servers[id]
	now := time.Now()
	if err != nil || !ok {
		ghError(w, http.StatusNotFound, "Server not found.")
		return nil
	}
	visible := sv.live(now)
	if countsAsRead {
		visible = s.ghRecordVisible(sv, now)
	}
	if !visible {
		ghError(w, http.StatusNotFound, "Server not found.")
		return nil
	}
	return sv
}

func (s *Server) ghGetServer(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sv := s.liveServer(w, r, true); sv != nil {
		ghWrite(w, http.StatusOK, "", []any{s.serverJSON(sv, time.Now())})
	}
}

func (s *Server) ghRenameServer(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	name, _ := fieldString(body, "name")
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 255 {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: name")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if sv := s.liveServer(w, r, false); sv != nil {
		s.renameLocked(sv, name)
		ghWrite(w, http.StatusOK, "Server name has been updated.", nil)
	}
}

// ghCancelServer terminates a server. A server that does not exist (any
// more) answers 400, not 404, as live.
func (s *Server) ghCancelServer(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	reason, _ := fieldString(body, "reason")
	early, _ := fieldBool(body, "early_termination")
	s.mu.Lock()
	defer s.mu.Unlock()
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	sv, ok := s.gigahost.deploy.servers[id]
	if !ok || !sv.live(time.Now()) {
		ghErrorField(w, http.StatusBadRequest, "Invalid server.")
		return
	}
	if !early && sv.BillingPeriod != "hourly" {
		ghErrorField(w, http.StatusBadRequest, "Recurring servers are cancelled at the end of the term; set early_termination to terminate now.")
		return
	}
	sv.Cancelled, sv.CancelReason = true, reason
	ghWrite(w, http.StatusOK, "Server has been cancelled.", nil)
}

// ghReinstall starts a reinstall that takes the provisioning delay; the new
// root password comes in meta.root_passwd, as documented.
func (s *Server) ghReinstall(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	osID, _, err := fieldInt(body, "os_id")
	if err != nil || osID == 0 {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: os_id")
		return
	}
	for _, f := range []string{"language", "keyboard", "timezone", "hostname"} {
		if v, _ := fieldString(body, f); strings.TrimSpace(v) == "" {
			ghErrorField(w, http.StatusBadRequest, "Required field is invalid: "+f)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	now := time.Now()
	if now.Before(sv.readyAt) || now.Before(sv.reinstallUntil) {
		ghErrorField(w, http.StatusBadRequest, "Server is busy installing.")
		return
	}
	if s.gigahost.deploy.os(osID) == nil {
		ghErrorField(w, http.StatusBadRequest, "Required field is invalid: os_id")
		return
	}
	sv.OSID, sv.ISOID, sv.Rescue = osID, 0, false
	sv.reinstallUntil = now.Add(s.provisioningDelay())
	sv.Password = "Gh-" + strings.ReplaceAll(uuid(), "-", "")[:16]
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{
		"status": 200, "status_message": "200 OK", "message": "Server install has been initiated.", "reboot": true, "root_passwd": sv.Password,
	}, "data": []any{}})
}

func (s *Server) ghDistros(w http.ResponseWriter, _ *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ghWrite(w, http.StatusOK, "", s.gigahost.deploy.distros)
}

func (s *Server) ghDistroOSes(w http.ResponseWriter, r *http.Request, _ principal) {
	distID, err := strconv.ParseInt(r.PathValue("dist_id"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	list := []any{}
	for _, o := range s.gigahost.deploy.oses {
		if err == nil && o.distID == distID {
			list = append(list, map[string]any{
				"os_id": strconv.FormatInt(o.id, 10), "dist_id": strconv.FormatInt(o.distID, 10), "os_name": o.name,
				"os_release": o.release, "os_dist": o.dist, "os_arch": "amd64", "os_custom_partition": "1",
				"os_single_disk_only": "0", "os_support_raid": "1", "os_dedicated_only": boolDigit(o.dedicatedOnly), "os_minram": strconv.FormatInt(o.minRAM, 10),
			})
		}
	}
	if len(list) == 0 {
		ghError(w, http.StatusNotFound, "Distribution not found.")
		return
	}
	ghWrite(w, http.StatusOK, "", list)
}
