package mockapi

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Gigahost reverse zones (POST /dns/zones/ptr), from the docs: the body
// names the prefix ("185.181.63" or "2a03:94e0::"), its family and the
// zone's name, which must be the prefix's reverse name ("Invalid IPv4 PTR
// zone name format."); a second zone of that name is refused ("PTR zone
// already exists."); the answer carries the new zone id ({"zone_id": "456"}:
// AltDNSPTRCreateAnswer, as the live zone create answers without it). A
// reverse zone is listed, read and deleted like any zone, and holds PTR
// records like any zone.

func (s *Server) registerDNSPTR(mux *http.ServeMux) {
	s.ghRoute(mux, "POST /dns/zones/ptr", CatDNS, "", s.dnsCreatePTRZone)
}

func (s *Server) dnsCreatePTRZone(w http.ResponseWriter, r *http.Request, p principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	prefix, _ := fieldString(body, "prefix")
	version, _ := fieldString(body, "ip_version")
	name, _ := fieldString(body, "zone_name")
	name = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(name), "."))
	switch version {
	case "ipv4":
		if name != reverseIPv4(prefix) {
			ghError(w, http.StatusBadRequest, "Invalid IPv4 PTR zone name format.")
			return
		}
	case "ipv6":
		if !reverseIPv6Matches(prefix, name) {
			ghError(w, http.StatusBadRequest, "Invalid IPv6 PTR zone name format.")
			return
		}
	default:
		ghError(w, http.StatusBadRequest, "ip_version must be ipv4 or ipv6.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.key != nil && !p.key.Permissions[CatDNS].All {
		ghError(w, http.StatusForbidden, "This API key may only manage the zones it lists.")
		return
	}
	for _, z := range s.gigahost.dns.zones {
		if z.Name == name {
			ghError(w, http.StatusBadRequest, "PTR zone already exists.")
			return
		}
	}
	st := s.gigahost.dns
	z := &dnsZone{ID: st.nextZoneID, Name: name, Type: "NATIVE", Updated: time.Now().Unix()}
	st.nextZoneID++
	st.zones[z.ID] = z
	var data any
	if s.altLocked(AltDNSPTRCreateAnswer) == "id" {
		data = map[string]any{"zone_id": strconv.FormatInt(z.ID, 10)}
	}
	ghWrite(w, http.StatusCreated, "PTR zone created successfully.", data)
}

// reverseIPv4 is the in-addr.arpa name of a prefix of one to three octets
// ("185.181.63" gives "63.181.185.in-addr.arpa"); "" when it is not one.
func reverseIPv4(prefix string) string {
	parts := strings.Split(prefix, ".")
	if len(parts) < 1 || len(parts) > 3 {
		return ""
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	for _, o := range parts {
		if n, err := strconv.Atoi(o); err != nil || n < 0 || n > 255 || strconv.Itoa(n) != o {
			return ""
		}
	}
	return strings.Join(parts, ".") + ".in-addr.arpa"
}

// reverseIPv6Matches reports whether name is the ip6.arpa name of the first
// nibbles of the IPv6 prefix (the zone's name says how many).
func reverseIPv6Matches(prefix, name string) bool {
	ip := net.ParseIP(prefix)
	rest, ok := strings.CutSuffix(name, ".ip6.arpa")
	if ip == nil || ip.To4() != nil || !ok {
		return false
	}
	nibbles := strings.Split(rest, ".")
	if len(nibbles) < 1 || len(nibbles) > 32 {
		return false
	}
	full := make([]byte, 0, 32)
	for _, b := range ip.To16() {
		full = append(full, "0123456789abcdef"[b>>4], "0123456789abcdef"[b&15])
	}
	for i, n := range nibbles {
		if len(n) != 1 || n[0] != full[len(nibbles)-1-i] {
			return false
		}
	}
	return true
}
