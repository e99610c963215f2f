package mockapi

import (
	"crypto/sha1" //nolint:gosec // record ids are content hashes, not security
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Gigahost DNS: zones and records, with the live quirks of FIELD-NOTES on by
// default:
//   - POST /dns/zones answers 201 with data [] (no zone id);
//   - POST .../records answers no record id;
//   - record ids are hashes of the record's content, so an update changes the id;
//   - DELETE .../records/{id} ignores the id and deletes every record with the
//     name and type given as query parameters, unless the undocumented value
//     parameter narrows it (for MX and SRV in the stored form "10 host.");
//   - writes to one zone that overlap in time fail with 500 "Unknown server error".

// SeedZoneID and SeedZoneName are the zone every mock starts with.
const (
	SeedZoneID   = 123
	SeedZoneName = "example.no"
)

// DNSRecordTypes are the record types the mock accepts.
var DNSRecordTypes = []string{"A", "AAAA", "CAA", "CNAME", "MX", "NS", "PTR", "SRV", "TXT"}

// Defaults of the concurrent-write quirk.
const (
	DefaultDNSWriteDuration = 5 * time.Millisecond
	DefaultDNSConflictRate  = 1.0
)

type dnsZone struct {
	ID         int64
	Name       string
	Type       string
	Protected  bool
	Registered bool
	External   bool // on external name servers (external_dns)
	Updated    int64
	dnssec     zoneDNSSEC // gigahost_dnssec.go
	Records    []*dnsRecord
	inflight   int // writes being applied now
}

// dnsRecord is a record as the create sent it: Data is the value with
// hosts (CNAME, NS, PTR, the MX host, the SRV target) without their trailing
// dot and without the MX or SRV priority, which is kept apart. How the list
// shows it and which value a DELETE must carry are the forms of
// alternatives_dns.go (listValue, deleteValue).
type dnsRecord struct {
	Name     string // relative, "@" for the apex
	Type     string
	Data     string
	TTL      int64
	Priority *int64
}

type dnsState struct {
	zones         map[int64]*dnsZone
	nextZoneID    int64
	writeDuration time.Duration
	conflictRate  float64
	conflicts     int
}

func newDNSState() *dnsState {
	st := &dnsState{zones: map[int64]*dnsZone{}, nextZoneID: 1000, writeDuration: DefaultDNSWriteDuration, conflictRate: DefaultDNSConflictRate}
	ten := int64(10)
	st.zones[SeedZoneID] = &dnsZone{
		ID: SeedZoneID, Name: SeedZoneName, Type: "NATIVE", Protected: true, Registered: true, Updated: 1700000000,
		Records: []*dnsRecord{
			{Name: "@", Type: "A", Data: "185.125.168.166", TTL: 3600},
			{Name: "www", Type: "A", Data: "185.125.168.166", TTL: 3600},
			{Name: "@", Type: "MX", Data: "mail.example.no", TTL: 3600, Priority: &ten},
		},
	}
	return st
}

func (s *Server) registerDNS(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /dns/zones", CatDNS, "", s.dnsListZones)
	s.ghRoute(mux, "POST /dns/zones", CatDNS, "", s.dnsCreateZone)
	s.ghRoute(mux, "DELETE /dns/zones/{zone_id}", CatDNS, "zone_id", s.dnsDeleteZone)
	s.ghRoute(mux, "GET /dns/zones/{zone_id}/records", CatDNS, "zone_id", s.dnsListRecords)
	s.ghRoute(mux, "POST /dns/zones/{zone_id}/records", CatDNS, "zone_id", s.dnsCreateRecord)
	s.ghRoute(mux, "PUT /dns/zones/{zone_id}/records/{record_id}", CatDNS, "zone_id", s.dnsUpdateRecord)
	s.ghRoute(mux, "DELETE /dns/zones/{zone_id}/records/{record_id}", CatDNS, "zone_id", s.dnsDeleteRecord)
}

// ---- the JSON shapes ----

// zoneJSON is a zone as the zone list shows it. Callers hold s.mu.
func (s *Server) zoneJSON(z *dnsZone) map[string]any {
	var id any = strconv.FormatInt(z.ID, 10)
	if s.altLocked(AltDNSZoneIDType) == "number" {
		id = z.ID
	}
	return map[string]any{
		"zone_id": id, "cust_id": strconv.Itoa(GigahostCustomerID),
		"zone_name": z.Name, "zone_name_display": z.Name, "zone_type": z.Type,
		"zone_active": "1", "zone_protected": boolString(z.Protected), "zone_is_registered": boolString(z.Registered),
		"domain_registrar": registrar(z.Registered), "domain_status": "active", "domain_expiry_date": "2027-12-31 23:59:59",
		"domain_auto_renew": "1", "external_dns": boolString(z.External),
		"record_count": len(z.Records), "zone_updated": z.Updated,
	}
}

func registrar(registered bool) any {
	if registered {
		return "norid"
	}
	return nil
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// id is the record's content hash: any change of content, TTL or priority
// gives a new id.
func (r *dnsRecord) id(zoneID int64) string {
	prio := int64(-1)
	if r.Priority != nil {
		prio = *r.Priority
	}
	sum := sha1.Sum([]byte(fmt.Sprintf("%d|%s|%s|%s|%d|%d", zoneID, r.Name, r.Type, r.Data, prio, r.TTL))) //nolint:gosec // see import
	return hex.EncodeToString(sum[:])[:16]
}

// sameContent reports whether two records are the same record (the API
// refuses a duplicate).
func (r *dnsRecord) sameContent(o *dnsRecord) bool {
	samePrio := (r.Priority == nil) == (o.Priority == nil) && (r.Priority == nil || *r.Priority == *o.Priority)
	return r.Name == o.Name && r.Type == o.Type && r.Data == o.Data && samePrio
}

// srvTarget splits SRV data "<weight> <port> <target>" into its head and
// target.
func srvTarget(data string) (head, target string) {
	i := strings.LastIndexByte(data, ' ')
	if i < 0 {
		return "", data
	}
	return data[:i+1], data[i+1:]
}

// withDot adds the trailing dot to a host when dot is true.
func withDot(host string, dot bool) string {
	if dot && host != "" {
		return host + "."
	}
	return host
}

// caaForm is CAA data "<flags> <tag> <value>" in a form: as sent, with the
// value quoted, or unquoted.
func caaForm(data, form string) string {
	f := strings.SplitN(data, " ", 3)
	if len(f) != 3 || form == "as-sent" {
		return data
	}
	v := strings.Trim(f[2], `"`)
	if form == "quoted" {
		v = `"` + v + `"`
	}
	return f[0] + " " + f[1] + " " + v
}

// listValue is the value as the record list shows it, in the current forms
// of the silent points. The MX host is shown without the trailing dot and
// without its priority (field notes). Callers hold s.mu.
func (s *Server) listValue(r *dnsRecord) string {
	hostDot := s.altLocked(AltDNSHostList) == "dot"
	switch r.Type {
	case "MX":
		return r.Data
	case "CNAME", "NS", "PTR":
		return withDot(r.Data, hostDot)
	case "SRV":
		head, target := srvTarget(r.Data)
		v := head + withDot(target, hostDot)
		if s.altLocked(AltDNSSRVList) == "inline" && r.Priority != nil {
			v = strconv.FormatInt(*r.Priority, 10) + " " + v
		}
		return v
	case "TXT":
		if s.altLocked(AltDNSTXTList) == "quoted" {
			return quoteTXT(r.Data)
		}
	case "CAA":
		return caaForm(r.Data, s.altLocked(AltDNSCAAValue))
	}
	return r.Data
}

// deleteValue is the value a DELETE must carry to match the record. For MX
// it is the stored form "<priority> <host>." (field notes). Callers hold s.mu.
func (s *Server) deleteValue(r *dnsRecord) string {
	hostDot := s.altLocked(AltDNSHostDelete) == "dot"
	prio := func() string {
		if r.Priority == nil {
			return "0 "
		}
		return strconv.FormatInt(*r.Priority, 10) + " "
	}
	switch r.Type {
	case "MX":
		return prio() + r.Data + "."
	case "CNAME", "NS", "PTR":
		return withDot(r.Data, hostDot)
	case "SRV":
		head, target := srvTarget(r.Data)
		v := head + withDot(target, hostDot)
		if s.altLocked(AltDNSSRVDelete) == "with-priority" {
			v = prio() + v
		}
		return v
	case "TXT":
		if s.altLocked(AltDNSTXTDelete) == "quoted" {
			return quoteTXT(r.Data)
		}
	case "CAA":
		return caaForm(r.Data, s.altLocked(AltDNSCAAValue))
	}
	return r.Data
}

// recordJSON is a record as the list shows it. Callers hold s.mu.
func (s *Server) recordJSON(zoneID int64, r *dnsRecord) map[string]any {
	var prio, ttl any = nil, r.TTL
	if r.Priority != nil {
		prio = *r.Priority
	}
	if s.altLocked(AltDNSRecordNumbers) == "string" {
		ttl = strconv.FormatInt(r.TTL, 10)
		if r.Priority != nil {
			prio = strconv.FormatInt(*r.Priority, 10)
		}
	}
	return map[string]any{
		"record_id": r.id(zoneID), "record_name": r.Name, "record_type": r.Type,
		"record_value": s.listValue(r), "record_ttl": ttl, "record_priority": prio,
	}
}

// ---- validation and normalisation, as the API does it ----

var domainRe = regexp.MustCompile(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)

// relativeName turns "", "@", "www", "www.example.no" or "www.example.no."
// into the stored relative form.
func relativeName(name, zone string) string {
	n := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(name), "."))
	switch {
	case n == "" || n == "@" || n == zone:
		return "@"
	case strings.HasSuffix(n, "."+zone):
		return strings.TrimSuffix(n, "."+zone)
	}
	return n
}

// recordFromBody validates a create or update body the way the docs say:
// IPv4 for A, IPv6 for AAAA, a priority for MX (and SRV).
func recordFromBody(body map[string]any, zone string) (*dnsRecord, string) {
	value, _ := fieldString(body, "record_value")
	value = strings.TrimSpace(value)
	if value == "" {
		return nil, "record_value is required."
	}
	name, _ := fieldString(body, "record_name")
	typ, ok := fieldString(body, "record_type")
	if !ok || typ == "" {
		typ = "A"
	}
	typ = strings.ToUpper(typ)
	if !slices.Contains(DNSRecordTypes, typ) {
		return nil, fmt.Sprintf("Unsupported record type %s.", typ)
	}
	ttl, set, err := fieldInt(body, "record_ttl")
	if err != nil {
		return nil, "record_ttl must be numeric."
	}
	if !set || ttl == 0 {
		ttl = 3600
	}
	prio, prioSet, err := fieldInt(body, "record_priority")
	if err != nil {
		return nil, "record_priority must be numeric."
	}
	r := &dnsRecord{Name: relativeName(name, zone), Type: typ, TTL: ttl}
	switch typ {
	case "A":
		if ip := net.ParseIP(value); ip == nil || ip.To4() == nil || strings.Contains(value, ":") {
			return nil, "Invalid IPv4 address for A record."
		}
	case "AAAA":
		if ip := net.ParseIP(value); ip == nil || !strings.Contains(value, ":") {
			return nil, "Invalid IPv6 address for AAAA record."
		}
	case "MX", "SRV":
		if !prioSet {
			return nil, fmt.Sprintf("Priority is required for %s records.", typ)
		}
	}
	r.Data = value
	switch typ {
	case "MX", "CNAME", "NS", "PTR":
		r.Data = strings.TrimSuffix(value, ".")
	case "SRV":
		head, target := srvTarget(strings.Join(strings.Fields(value), " "))
		r.Data = head + strings.TrimSuffix(target, ".")
	}
	if typ == "MX" || typ == "SRV" {
		r.Priority = &prio
	}
	return r, ""
}

// quoteTXT is TXT data the way the name server stores it: in double quotes,
// split into strings of at most 255 characters, with backslashes and quotes
// escaped (RFC 1035 presentation form). Already quoted data is kept.
func quoteTXT(v string) string {
	if strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) && len(v) >= 2 {
		return v
	}
	var parts []string
	for len(v) > 255 {
		parts = append(parts, v[:255])
		v = v[255:]
	}
	parts = append(parts, v)
	for i, p := range parts {
		parts[i] = `"` + txtEscaper.Replace(p) + `"`
	}
	return strings.Join(parts, " ")
}

var txtEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// ---- handlers ----

func (s *Server) dnsListZones(w http.ResponseWriter, _ *http.Request, p principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{}
	for _, id := range s.sortedZoneIDs() {
		if p.canSee(CatDNS, id) {
			out = append(out, s.zoneJSON(s.gigahost.dns.zones[id]))
		}
	}
	ghWrite(w, http.StatusOK, "", out)
}

func (s *Server) sortedZoneIDs() []int64 {
	ids := make([]int64, 0, len(s.gigahost.dns.zones))
	for id := range s.gigahost.dns.zones {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (s *Server) dnsCreateZone(w http.ResponseWriter, r *http.Request, p principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	name, _ := fieldString(body, "zone_name")
	name = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(name), "."))
	if !domainRe.MatchString(name) {
		ghError(w, http.StatusBadRequest, "Invalid domain name.")
		return
	}
	typ, ok := fieldString(body, "zone_type")
	if !ok || typ == "" {
		typ = "NATIVE"
	}
	typ = strings.ToUpper(typ)
	if typ != "NATIVE" && typ != "MASTER" && typ != "SLAVE" {
		ghError(w, http.StatusBadRequest, "zone_type must be NATIVE, MASTER or SLAVE.")
		return
	}
	defaults, _ := fieldBool(body, "create_default_records")
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.key != nil && !p.key.Permissions[CatDNS].All {
		ghError(w, http.StatusForbidden, "This API key may only manage the zones it lists.")
		return
	}
	for _, z := range s.gigahost.dns.zones {
		if z.Name == name {
			ghError(w, http.StatusBadRequest, "Zone already exists.")
			return
		}
	}
	st := s.gigahost.dns
	z := &dnsZone{ID: st.nextZoneID, Name: name, Type: typ, Updated: time.Now().Unix()}
	st.nextZoneID++
	if defaults {
		z.Records = []*dnsRecord{
			{Name: "@", Type: "NS", Data: "ns1.gigahost.no", TTL: 86400},
			{Name: "@", Type: "NS", Data: "ns2.gigahost.no", TTL: 86400},
		}
	}
	st.zones[z.ID] = z
	var data any // the live sample: data []
	if s.altLocked(AltDNSZoneCreateAnswer) == "id" {
		data = map[string]any{"zone_id": strconv.FormatInt(z.ID, 10)}
	}
	ghWrite(w, http.StatusCreated, "Zone created successfully.", data)
}

func (s *Server) dnsDeleteZone(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	switch {
	case z == nil:
		ghError(w, http.StatusNotFound, "Zone not found.")
	case z.Protected:
		ghError(w, http.StatusBadRequest, "Protected zones (registered domains) cannot be deleted.")
	default:
		delete(s.gigahost.dns.zones, z.ID)
		ghWrite(w, http.StatusOK, "Zone deleted successfully.", nil)
	}
}

// zoneFromPath finds the zone named by the path. Callers hold s.mu.
func (s *Server) zoneFromPath(r *http.Request) *dnsZone {
	id, err := strconv.ParseInt(r.PathValue("zone_id"), 10, 64)
	if err != nil {
		return nil
	}
	return s.gigahost.dns.zones[id]
}

func (s *Server) dnsListRecords(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	if z == nil {
		ghError(w, http.StatusNotFound, "Zone not found.")
		return
	}
	out := make([]any, 0, len(z.Records))
	for _, rec := range z.Records {
		out = append(out, s.recordJSON(z.ID, rec))
	}
	ghWrite(w, http.StatusOK, "", out)
}

// zoneWrite runs apply as one write to the zone named by the path. A write
// that starts while another write to the same zone is in flight fails with
// 500 at the conflict rate, as the live API does; otherwise the zone is
// marked busy for the write duration before apply runs. apply is called with
// s.mu held and returns the status and message to answer.
func (s *Server) zoneWrite(w http.ResponseWriter, r *http.Request, apply func(z *dnsZone) (int, string)) {
	s.mu.Lock()
	z := s.zoneFromPath(r)
	if z == nil {
		s.mu.Unlock()
		ghError(w, http.StatusNotFound, "Zone not found.")
		return
	}
	st := s.gigahost.dns
	if z.inflight > 0 && st.conflictRate > 0 && s.rng.Float64() < st.conflictRate {
		st.conflicts++
		s.mu.Unlock()
		ghError(w, http.StatusInternalServerError, "Unknown server error")
		return
	}
	z.inflight++
	d := st.writeDuration
	s.mu.Unlock()
	if d > 0 {
		time.Sleep(d)
	}
	s.mu.Lock()
	z.inflight--
	status, msg := apply(z)
	if status < 300 {
		z.Updated = time.Now().Unix()
	}
	s.mu.Unlock()
	ghWrite(w, status, msg, nil)
}

func (s *Server) dnsCreateRecord(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		rec, msg := recordFromBody(body, z.Name)
		if rec == nil {
			return http.StatusBadRequest, msg
		}
		if z.find(rec) != nil {
			return http.StatusBadRequest, "Record already exists."
		}
		z.Records = append(z.Records, rec)
		return http.StatusCreated, "Record created successfully."
	})
}

func (z *dnsZone) find(rec *dnsRecord) *dnsRecord {
	for _, r := range z.Records {
		if r.sameContent(rec) {
			return r
		}
	}
	return nil
}

func (s *Server) dnsUpdateRecord(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	recordID := r.PathValue("record_id")
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		i := slices.IndexFunc(z.Records, func(rec *dnsRecord) bool { return rec.id(z.ID) == recordID })
		if i < 0 {
			return http.StatusNotFound, "Record not found."
		}
		rec, msg := recordFromBody(body, z.Name)
		if rec == nil {
			return http.StatusBadRequest, msg
		}
		if other := z.find(rec); other != nil && other != z.Records[i] {
			return http.StatusBadRequest, "Record already exists."
		}
		z.Records[i] = rec
		return http.StatusOK, "Record updated successfully."
	})
}

// dnsDeleteRecord ignores the record id: it deletes every record with the
// name and type of the query, or only those whose stored content equals the
// value parameter when it is given.
func (s *Server) dnsDeleteRecord(w http.ResponseWriter, r *http.Request, _ principal) {
	q := r.URL.Query()
	typ := strings.ToUpper(q.Get("type"))
	if q.Get("name") == "" || typ == "" {
		ghError(w, http.StatusBadRequest, "name and type are required.")
		return
	}
	value, hasValue := q.Get("value"), q.Has("value")
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		name := relativeName(q.Get("name"), z.Name)
		z.Records = slices.DeleteFunc(z.Records, func(rec *dnsRecord) bool {
			return rec.Name == name && rec.Type == typ && (!hasValue || s.deleteValue(rec) == value)
		})
		return http.StatusOK, "Record deleted successfully."
	})
}

// ---- the test handle ----

// DNSRecord is a record in the mock. Value is the value as the create sent
// it, whatever form the list shows (hosts without the trailing dot, MX and
// SRV without the priority); Listed is record_value in the list now.
type DNSRecord struct {
	ID       string
	Name     string
	Type     string
	Value    string
	Listed   string
	TTL      int64
	Priority *int64
}

// SetWriteConflicts sets the concurrent-write quirk: how long one write
// keeps its zone busy, and the share (0 to 1) of writes that fail with 500
// when they arrive while another write to the zone is in flight.
func (h DNSHandle) SetWriteConflicts(rate float64, writeDuration time.Duration) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.gigahost.dns.conflictRate = rate
	h.s.gigahost.dns.writeDuration = writeDuration
}

// WriteConflicts counts the writes refused because another write to the
// same zone was in flight.
func (h DNSHandle) WriteConflicts() int {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.gigahost.dns.conflicts
}

// ZoneID returns the id of the zone with that name, or 0.
func (h DNSHandle) ZoneID(name string) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	for _, z := range h.s.gigahost.dns.zones {
		if z.Name == strings.ToLower(strings.TrimSuffix(name, ".")) {
			return z.ID
		}
	}
	return 0
}

// Zones returns the name of every zone (PTR zones included) by its id.
func (h DNSHandle) Zones() map[int64]string {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	out := make(map[int64]string, len(h.s.gigahost.dns.zones))
	for id, z := range h.s.gigahost.dns.zones {
		out[id] = z.Name
	}
	return out
}

// AddZone creates a zone directly (as if made outside Terraform) and returns its id.
func (h DNSHandle) AddZone(name string) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.dns
	z := &dnsZone{ID: st.nextZoneID, Name: strings.ToLower(name), Type: "NATIVE", Updated: time.Now().Unix()}
	st.nextZoneID++
	st.zones[z.ID] = z
	return z.ID
}

// DeleteZone removes a zone directly; it reports whether it existed.
func (h DNSHandle) DeleteZone(id int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	_, ok := h.s.gigahost.dns.zones[id]
	delete(h.s.gigahost.dns.zones, id)
	return ok
}

// Records lists a zone's records; nil when the zone does not exist.
func (h DNSHandle) Records(zoneID int64) []DNSRecord {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return nil
	}
	out := make([]DNSRecord, 0, len(z.Records))
	for _, r := range z.Records {
		d := DNSRecord{ID: r.id(z.ID), Name: r.Name, Type: r.Type, Value: r.Data, Listed: h.s.listValue(r), TTL: r.TTL}
		if r.Priority != nil {
			p := *r.Priority
			d.Priority = &p
		}
		out = append(out, d)
	}
	return out
}

// FindRecords lists the records of a zone with that name and type (and
// value as the create sent it, hosts without the trailing dot, unless value
// is empty).
func (h DNSHandle) FindRecords(zoneID int64, name, typ, value string) []DNSRecord {
	var out []DNSRecord
	for _, r := range h.Records(zoneID) {
		if r.Name == name && r.Type == typ && (value == "" || r.Value == value) {
			out = append(out, r)
		}
	}
	return out
}

// AddRecord adds a record directly, validated like the API's create; value
// and priority are given as in a create request.
func (h DNSHandle) AddRecord(zoneID int64, name, typ, value string, ttl int64, priority *int64) error {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return fmt.Errorf("no zone %d", zoneID)
	}
	body := map[string]any{"record_name": name, "record_type": typ, "record_value": value, "record_ttl": strconv.FormatInt(ttl, 10)}
	if priority != nil {
		body["record_priority"] = strconv.FormatInt(*priority, 10)
	}
	rec, msg := recordFromBody(body, z.Name)
	if rec == nil {
		return fmt.Errorf("%s", msg)
	}
	z.Records = append(z.Records, rec)
	return nil
}

// EditRecord changes a record's value and TTL directly (a change made
// outside Terraform); its id changes as on the live API. It reports whether
// the record existed.
func (h DNSHandle) EditRecord(zoneID int64, recordID, value string, ttl int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return false
	}
	for i, r := range z.Records {
		if r.id(z.ID) != recordID {
			continue
		}
		body := map[string]any{"record_name": r.Name, "record_type": r.Type, "record_value": value, "record_ttl": strconv.FormatInt(ttl, 10)}
		if r.Priority != nil {
			body["record_priority"] = strconv.FormatInt(*r.Priority, 10)
		}
		rec, _ := recordFromBody(body, z.Name)
		if rec == nil {
			return false
		}
		z.Records[i] = rec
		return true
	}
	return false
}

// DeleteRecord removes one record directly; it reports whether it existed.
func (h DNSHandle) DeleteRecord(zoneID int64, recordID string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return false
	}
	n := len(z.Records)
	z.Records = slices.DeleteFunc(z.Records, func(r *dnsRecord) bool { return r.id(z.ID) == recordID })
	return len(z.Records) < n
}
