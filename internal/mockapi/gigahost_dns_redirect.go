package mockapi

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Gigahost DNS redirects (/dns/zones/{zone_id}/redirect), from the docs:
//   - a redirect is an HTTP redirect of "@" or a subdomain of the zone to a
//     URL, served by Gigahost's redirect server;
//   - creating one first checks the zone for records in the way (an A, AAAA
//     or CNAME record at the name: 400 "DNS conflict: ..."), then adds A
//     records at the name pointing to the redirect server; a redirect of "@"
//     covers "www" too, with its own A record;
//   - deleting one removes those A records (for "@" the www one too);
//   - a second redirect of the same name is refused with 400, and so is an
//     invalid target URL.
//
// Redirect writes change the zone's records, so they are zone writes: they
// take part in the concurrent-write quirk of gigahost_dns.go.

// DNSRedirectServerIP is the redirect server's address, the value of the A
// records a redirect adds (the address the docs' conflict example shows).
const DNSRedirectServerIP = "185.125.168.166"

// dnsRedirect is one redirect of a zone. Source is relative, "@" for the apex.
type dnsRedirect struct {
	Source    string
	TargetURL string
	CreatedAt time.Time
}

func (s *Server) registerDNSRedirects(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /dns/zones/{zone_id}/redirect", CatDNS, "zone_id", s.dnsListRedirects)
	s.ghRoute(mux, "POST /dns/zones/{zone_id}/redirect", CatDNS, "zone_id", s.dnsCreateRedirect)
	s.ghRoute(mux, "PUT /dns/zones/{zone_id}/redirect", CatDNS, "zone_id", s.dnsUpdateRedirect)
	s.ghRoute(mux, "DELETE /dns/zones/{zone_id}/redirect", CatDNS, "zone_id", s.dnsDeleteRedirect)
}

// redirectDomain is the host name a redirect answers for.
func redirectDomain(source, zone string) string {
	if source == "@" {
		return zone
	}
	return source + "." + zone
}

func (d *dnsRedirect) toJSON(zone string) map[string]any {
	return map[string]any{
		"domain": redirectDomain(d.Source, zone), "source": d.Source, "target_url": d.TargetURL,
		"enabled": 1, "created_at": d.CreatedAt.UTC().Format(time.DateTime),
	}
}

// redirectNames are the names whose A records a redirect of source owns.
func redirectNames(source string) []string {
	if source == "@" {
		return []string{"@", "www"}
	}
	return []string{source}
}

// validTargetURL is the API's check of target_url: an absolute http or https
// URL with a host.
func validTargetURL(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

const invalidTargetURL = "Invalid target URL format. Must be a valid URL (e.g. https://example.com)."

// findRedirect returns the index of the zone's redirect of source, or -1.
// Callers hold s.mu.
func (s *Server) findRedirect(zoneID int64, source string) int {
	return slices.IndexFunc(s.gigahost.redirects[zoneID], func(d *dnsRedirect) bool { return d.Source == source })
}

// addRedirect checks for conflicts and adds the redirect with its A records.
// It returns "" or the API's 400 message. Callers hold s.mu.
func (s *Server) addRedirect(z *dnsZone, source, target string) string {
	if !validTargetURL(target) {
		return invalidTargetURL
	}
	if s.findRedirect(z.ID, source) >= 0 {
		return fmt.Sprintf("A redirect already exists for %s. Delete it first or update instead.", redirectDomain(source, z.Name))
	}
	names := redirectNames(source)
	for _, rec := range z.Records {
		if slices.Contains(names, rec.Name) && (rec.Type == "A" || rec.Type == "AAAA" || rec.Type == "CNAME") {
			return fmt.Sprintf("DNS conflict: '%s' has an existing %s record (%s). Please remove it before adding a redirect.",
				rec.Name, rec.Type, s.listValue(rec))
		}
	}
	for _, n := range names {
		z.Records = append(z.Records, &dnsRecord{Name: n, Type: "A", Data: DNSRedirectServerIP, TTL: 3600})
	}
	if s.gigahost.redirects == nil {
		s.gigahost.redirects = map[int64][]*dnsRedirect{}
	}
	s.gigahost.redirects[z.ID] = append(s.gigahost.redirects[z.ID], &dnsRedirect{Source: source, TargetURL: target, CreatedAt: time.Now()})
	return ""
}

// removeRedirect deletes the redirect of source and the A records to the
// redirect server it owns; it reports whether the redirect existed. Callers
// hold s.mu.
func (s *Server) removeRedirect(z *dnsZone, source string) bool {
	i := s.findRedirect(z.ID, source)
	if i < 0 {
		return false
	}
	s.gigahost.redirects[z.ID] = slices.Delete(s.gigahost.redirects[z.ID], i, i+1)
	names := redirectNames(source)
	z.Records = slices.DeleteFunc(z.Records, func(rec *dnsRecord) bool {
		return slices.Contains(names, rec.Name) && rec.Type == "A" && rec.Data == DNSRedirectServerIP
	})
	return true
}

// ---- handlers ----

func (s *Server) dnsListRedirects(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z := s.zoneFromPath(r)
	if z == nil {
		ghError(w, http.StatusNotFound, "Zone not found.")
		return
	}
	out := []any{}
	for _, d := range s.gigahost.redirects[z.ID] {
		out = append(out, d.toJSON(z.Name))
	}
	ghWrite(w, http.StatusOK, "", out)
}

// redirectBody reads source (relative, default "@") and target_url.
func redirectBody(r *http.Request) (source, target string, ok bool) {
	body, err := readJSON(r)
	if err != nil {
		return "", "", false
	}
	source, _ = fieldString(body, "source")
	target, _ = fieldString(body, "target_url")
	return source, strings.TrimSpace(target), true
}

func (s *Server) dnsCreateRedirect(w http.ResponseWriter, r *http.Request, _ principal) {
	source, target, ok := redirectBody(r)
	if !ok {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		if msg := s.addRedirect(z, relativeName(source, z.Name), target); msg != "" {
			return http.StatusBadRequest, msg
		}
		return http.StatusCreated, "Redirect created successfully."
	})
}

func (s *Server) dnsUpdateRedirect(w http.ResponseWriter, r *http.Request, _ principal) {
	source, target, ok := redirectBody(r)
	switch {
	case !ok:
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	case strings.TrimSpace(source) == "":
		ghError(w, http.StatusBadRequest, "source is required.")
		return
	case !validTargetURL(target):
		ghError(w, http.StatusBadRequest, invalidTargetURL)
		return
	}
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		i := s.findRedirect(z.ID, relativeName(source, z.Name))
		if i < 0 {
			return http.StatusNotFound, "Redirect not found."
		}
		s.gigahost.redirects[z.ID][i].TargetURL = target
		return http.StatusOK, "Redirect updated successfully."
	})
}

func (s *Server) dnsDeleteRedirect(w http.ResponseWriter, r *http.Request, _ principal) {
	source := r.URL.Query().Get("source")
	if strings.TrimSpace(source) == "" {
		ghError(w, http.StatusBadRequest, "source is required.")
		return
	}
	s.zoneWrite(w, r, func(z *dnsZone) (int, string) {
		if !s.removeRedirect(z, relativeName(source, z.Name)) {
			return http.StatusNotFound, "Redirect not found."
		}
		return http.StatusOK, "Redirect deleted successfully."
	})
}

// ---- the test handle ----

// DNSRedirect is a redirect as the mock's list shows it.
type DNSRedirect struct {
	Domain    string
	Source    string
	TargetURL string
}

// Redirects lists a zone's redirects; nil when the zone does not exist.
func (h DNSHandle) Redirects(zoneID int64) []DNSRedirect {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return nil
	}
	out := []DNSRedirect{}
	for _, d := range h.s.gigahost.redirects[zoneID] {
		out = append(out, DNSRedirect{Domain: redirectDomain(d.Source, z.Name), Source: d.Source, TargetURL: d.TargetURL})
	}
	return out
}

// FindRedirect returns the zone's redirect of source ("@" or relative).
func (h DNSHandle) FindRedirect(zoneID int64, source string) (DNSRedirect, bool) {
	for _, d := range h.Redirects(zoneID) {
		if d.Source == source {
			return d, true
		}
	}
	return DNSRedirect{}, false
}

// SetRedirect makes a change outside Terraform: it creates the redirect
// of source, with its A records and the API's checks, or changes the target
// of the existing one.
func (h DNSHandle) SetRedirect(zoneID int64, source, targetURL string) error {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return fmt.Errorf("no zone %d", zoneID)
	}
	source = relativeName(source, z.Name)
	if i := h.s.findRedirect(zoneID, source); i >= 0 {
		if !validTargetURL(targetURL) {
			return fmt.Errorf("%s", invalidTargetURL)
		}
		h.s.gigahost.redirects[zoneID][i].TargetURL = targetURL
		return nil
	}
	if msg := h.s.addRedirect(z, source, targetURL); msg != "" {
		return fmt.Errorf("%s", msg)
	}
	return nil
}

// DeleteRedirect removes a redirect and its A records directly, as the
// API's delete does; it reports whether the redirect existed.
func (h DNSHandle) DeleteRedirect(zoneID int64, source string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	z := h.s.gigahost.dns.zones[zoneID]
	if z == nil {
		return false
	}
	return h.s.removeRedirect(z, relativeName(source, z.Name))
}
