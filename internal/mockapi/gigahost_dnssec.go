package mockapi

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// Gigahost DNSSEC (/dns/zones/{zone_id}/dnssec, /ds-records), from the docs:
//   - PUT dnssec {"enable": 1|0} works on registered .no domains only
//     (403 "DNSSEC can only be enabled for registered domains." otherwise);
//   - enabling on a zone on Gigahost's name servers creates the keys and
//     submits the DS records ("DNSSEC enabled successfully and DS records
//     submitted to registry"); on external name servers it only sets the
//     flag ("DNSSEC flag enabled. Please configure DNSSEC on your
//     nameservers."); disabling answers "DNSSEC disabled successfully";
//   - GET ds-records answers 400 "DNSSEC is not enabled for this domain."
//     while it is off; on it shows the DS records as one string (docs'
//     example), or for an external zone "configuration instructions" (shape
//     not shown: AltDNSSECExternalAnswer);
//   - GET and POST ds-records/external work on zones on external name
//     servers only (400 "This endpoint is only for externally hosted
//     domains."); the POST replaces the stored set and checks each record
//     (key tag 0-65535, algorithm 5, 7, 8, 10, 13, 14, 15 or 16, digest type
//     1, 2 or 4, a hexadecimal digest); whether it takes an empty set, and
//     how an empty set is listed, the docs do not say (AltDNSSECExternalEmpty,
//     AltDNSSECExternalNone).

// zoneDNSSEC is a zone's DNSSEC state.
type zoneDNSSEC struct {
	Enabled bool
	// External are the DS records stored for a zone on external name
	// servers (POST ds-records/external replaces them).
	External []MockDS
}

func (s *Server) registerDNSSEC(mux *http.ServeMux) {
	s.ghRoute(mux, "PUT /dns/zones/{zone_id}/dnssec", CatDNS, "zone_id", s.dnssecPut)
	s.ghRoute(mux, "GET /dns/zones/{zone_id}/ds-records", CatDNS, "zone_id", s.dnssecDSRecords)
	s.ghRoute(mux, "GET /dns/zones/{zone_id}/ds-records/external", CatDNS, "zone_id", s.dnssecExternalList)
	s.ghRoute(mux, "POST /dns/zones/{zone_id}/ds-records/external", CatDNS, "zone_id", s.dnssecExternalSubmit)
}

// Messages of the docs.
const (
	dnssecNotEnabled  = "DNSSEC is not enabled for this domain."
	dnssecNotRegister = "DNSSEC can only be enabled for registered domains."
)

func (s *Server) dnssecPut(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	enable, set, err := fieldInt(body, "enable")
	if err != nil || !set || (enable != 0 && enable != 1) {
		ghError(w, http.StatusBadRequest, "enable must be 0 or 1.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	switch {
	case z == nil:
		ghError(w, http.StatusNotFound, "Zone not found.")
	case !z.Registered:
		ghError(w, http.StatusForbidden, dnssecNotRegister)
	case enable == 0:
		z.dnssec.Enabled = false
		ghWrite(w, http.StatusOK, "DNSSEC disabled successfully", nil)
	case z.External:
		z.dnssec.Enabled = true
		ghWrite(w, http.StatusOK, "DNSSEC flag enabled. Please configure DNSSEC on your nameservers.", nil)
	default:
		z.dnssec.Enabled = true
		ghWrite(w, http.StatusOK, "DNSSEC enabled successfully and DS records submitted to registry", nil)
	}
}

func (s *Server) dnssecDSRecords(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	switch {
	case z == nil:
		ghError(w, http.StatusNotFound, "Zone not found.")
	case !z.dnssec.Enabled:
		ghError(w, http.StatusBadRequest, dnssecNotEnabled)
	case z.External:
		const how = "DNSSEC is enabled. Sign the zone on your nameservers and submit its DS records."
		if s.altLocked(AltDNSSECExternalAnswer) == "object" {
			ghWrite(w, http.StatusOK, "", map[string]any{"instructions": how})
			return
		}
		ghWrite(w, http.StatusOK, how, nil)
	default:
		ghWrite(w, http.StatusOK, "", map[string]any{"ds_records": s.dsRecordsJSON(z)})
	}
}

const notExternal = "This endpoint is only for externally hosted domains."

func (s *Server) dnssecExternalList(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	switch {
	case z == nil:
		ghError(w, http.StatusNotFound, "Zone not found.")
	case !z.External:
		ghError(w, http.StatusBadRequest, notExternal)
	case len(z.dnssec.External) == 0 && s.altLocked(AltDNSSECExternalNone) == "no-data":
		ghWrite(w, http.StatusOK, "", nil)
	default:
		ghWrite(w, http.StatusOK, "", map[string]any{"ds_records": externalDSJSON(z.dnssec.External)})
	}
}

func (s *Server) dnssecExternalSubmit(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	items, ok := body["ds_records"].([]any)
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	switch {
	case z == nil:
		ghError(w, http.StatusNotFound, "Zone not found.")
		return
	case !z.External:
		ghError(w, http.StatusBadRequest, notExternal)
		return
	case !ok || (len(items) == 0 && s.altLocked(AltDNSSECExternalEmpty) == "refused"):
		ghError(w, http.StatusBadRequest, "ds_records is required.")
		return
	}
	ds := make([]MockDS, 0, len(items))
	for _, it := range items {
		d, msg := dsFromBody(it)
		if msg != "" {
			ghError(w, http.StatusBadRequest, msg)
			return
		}
		ds = append(ds, d)
	}
	z.dnssec.External = ds
	ghWrite(w, http.StatusOK, "DS records submitted to Norid successfully", nil)
}

var hexRe = regexp.MustCompile(`^[0-9A-Fa-f]+$`)

// dsFromBody checks one DS record object of a submission as the docs list.
func dsFromBody(it any) (MockDS, string) {
	m, ok := it.(map[string]any)
	if !ok {
		return MockDS{}, "Invalid DS record."
	}
	tag, _, terr := fieldInt(m, "keyTag")
	alg, _, aerr := fieldInt(m, "alg")
	dt, _, derr := fieldInt(m, "digestType")
	digest, _ := fieldString(m, "digest")
	switch {
	case terr != nil || tag < 0 || tag > 65535:
		return MockDS{}, "Invalid Key Tag: must be between 0-65535"
	case aerr != nil || !slices.Contains([]int64{5, 7, 8, 10, 13, 14, 15, 16}, alg):
		return MockDS{}, fmt.Sprintf("Invalid algorithm: %d", alg)
	case derr != nil || !slices.Contains([]int64{1, 2, 4}, dt):
		return MockDS{}, fmt.Sprintf("Invalid digest type: %d", dt)
	case !hexRe.MatchString(digest):
		return MockDS{}, "Invalid digest: must be hexadecimal"
	}
	return MockDS{KeyTag: tag, Algorithm: alg, DigestType: dt, Digest: digest}, ""
}

// MockDS is a DS record of the mock.
type MockDS struct {
	KeyTag, Algorithm, DigestType int64
	Digest                        string
}

func (d MockDS) String() string {
	return fmt.Sprintf("%d %d %d %s", d.KeyTag, d.Algorithm, d.DigestType, d.Digest)
}

// zoneDS are the DS records of a zone signed by Gigahost: one (SHA-256,
// algorithm 13, as the docs' example), and a SHA-384 one besides under the
// forms that show several. Callers hold s.mu.
func (s *Server) zoneDS(z *dnsZone) []MockDS {
	tag := (z.ID*7919 + 12345) % 65536
	sha := sha256.Sum256([]byte(z.Name))
	out := []MockDS{{KeyTag: tag, Algorithm: 13, DigestType: 2, Digest: strings.ToUpper(hex.EncodeToString(sha[:]))}}
	if s.altLocked(AltDNSSECDSForm) != "string" {
		sha4 := sha512.Sum384([]byte(z.Name))
		out = append(out, MockDS{KeyTag: tag, Algorithm: 13, DigestType: 4, Digest: strings.ToUpper(hex.EncodeToString(sha4[:]))})
	}
	return out
}

// dsRecordsJSON is data.ds_records of GET ds-records in the current form.
// Callers hold s.mu.
func (s *Server) dsRecordsJSON(z *dnsZone) any {
	ds := s.zoneDS(z)
	switch s.altLocked(AltDNSSECDSForm) {
	case "objects":
		return externalDSJSON(ds)
	case "lines":
		lines := make([]string, len(ds))
		for i, d := range ds {
			lines[i] = d.String()
		}
		return strings.Join(lines, "\n")
	}
	return ds[0].String()
}

// externalDSJSON is DS records as the external list shows them.
func externalDSJSON(ds []MockDS) []any {
	out := make([]any, 0, len(ds))
	for _, d := range ds {
		out = append(out, map[string]any{"keyTag": d.KeyTag, "alg": d.Algorithm, "digestType": d.DigestType, "digest": d.Digest})
	}
	return out
}

// ---- the test handle: m.Gigahost.DNSSEC ----

// DNSSECHandle reaches the DNSSEC state of the Gigahost zones.
type DNSSECHandle struct{ s *Server }

// AddRegisteredZone creates a zone of a registered domain (as if registered
// outside Terraform), on Gigahost's name servers or external ones, and
// returns its id.
func (h DNSSECHandle) AddRegisteredZone(name string, external bool) int64 {
	id := h.s.Gigahost.DNS.AddZone(name)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[id]
	z.Registered, z.Protected, z.External = true, true, external
	return id
}

// Enabled reports whether DNSSEC is on for the zone.
func (h DNSSECHandle) Enabled(zoneID int64) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	return z != nil && z.dnssec.Enabled
}

// SetEnabled turns DNSSEC on or off directly (a change made outside
// Terraform); it reports whether the zone exists.
func (h DNSSECHandle) SetEnabled(zoneID int64, on bool) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z != nil {
		z.dnssec.Enabled = on
	}
	return z != nil
}

// DS returns the DS records GET ds-records shows for the zone when DNSSEC
// is on (for a zone on Gigahost's name servers).
func (h DNSSECHandle) DS(zoneID int64) []MockDS {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return nil
	}
	return h.s.zoneDS(z)
}

// ExternalDS returns the DS records stored for a zone on external name
// servers, as submitted.
func (h DNSSECHandle) ExternalDS(zoneID int64) []MockDS {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return nil
	}
	return slices.Clone(z.dnssec.External)
}

// SetExternalDS replaces the zone's stored external DS records directly (a
// change made outside Terraform); it reports whether the zone exists.
func (h DNSSECHandle) SetExternalDS(zoneID int64, ds []MockDS) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z != nil {
		z.dnssec.External = slices.Clone(ds)
	}
	return z != nil
}

// SetExternal moves a zone to external name servers or back to Gigahost's
// (external_dns in the zone list); it reports whether the zone exists.
func (h DNSSECHandle) SetExternal(zoneID int64, external bool) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z != nil {
		z.External = external
	}
	return z != nil
}
