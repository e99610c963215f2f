package mockapi

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
)

// DKIM signing of a hosting account. Documented quirk: "when the domain uses
// our DNS, the matching DNS record is updated automatically": turning DKIM
// on adds a TXT record to the mock zone named like the account's domain (if
// there is one), turning it off removes it. The record's name and value,
// like the public key, are the mock's guess (no source shows them); they
// are answered only in the AltDKIMObject form with-key.

// dkimSelector is the record name the mock writes, below the domain.
const dkimSelector = "x._domainkey"

// dkimPublicKey is the mock's public key of a domain (not a real key).
func dkimPublicKey(domain string) string {
	return base64.StdEncoding.EncodeToString([]byte("mock DKIM public key of " + domain))
}

func dkimRecordValue(domain string) string { return "v=DKIM1; k=rsa; p=" + dkimPublicKey(domain) }

func (s *Server) whDKIMGet(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	on := a.sslMail.dkim
	switch s.altLocked(AltDKIMObject) {
	case dkimWithKey:
		out := map[string]any{"dkim_enabled": "0"}
		if on {
			out = map[string]any{"dkim_enabled": "1", "public_key": dkimPublicKey(a.Domain),
				"record_name": dkimSelector + "." + a.Domain, "record_value": dkimRecordValue(a.Domain)}
		}
		ghWrite(w, http.StatusOK, "", out)
	case dkimStatusWord:
		status := "off"
		if on {
			status = "on"
		}
		ghWrite(w, http.StatusOK, "", map[string]any{"dkim": map[string]any{"status": status}})
	default:
		ghWrite(w, http.StatusOK, "", map[string]any{"enabled": on})
	}
}

func (s *Server) whDKIMPut(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	enable, ok := fieldBool(body, "enable")
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	if !ok {
		ghError(w, http.StatusBadRequest, "Required field is invalid: enable")
		return
	}
	a.sslMail.dkim = enable
	s.syncDKIMRecord(a)
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "DKIM updated."})
}

// syncDKIMRecord writes or removes the DKIM TXT record in the zone of the
// account's domain, when the mock has that zone. Callers hold s.mu.
func (s *Server) syncDKIMRecord(a *hostingAccount) {
	for _, z := range s.gigahost.dns.zones {
		if !strings.EqualFold(z.Name, a.Domain) {
			continue
		}
		z.Records = slices.DeleteFunc(z.Records, func(rec *dnsRecord) bool { return rec.Type == "TXT" && rec.Name == dkimSelector })
		if a.sslMail.dkim {
			z.Records = append(z.Records, &dnsRecord{Name: dkimSelector, Type: "TXT", Data: dkimRecordValue(a.Domain), TTL: 3600})
		}
	}
}

// DKIM reports whether DKIM signing is on for the account.
func (h WebhostingHandle) DKIM(hostingID int64) (on bool) {
	h.withAccount(hostingID, func(a *hostingAccount) { on = a.sslMail.dkim })
	return on
}

// SetDKIM turns DKIM signing on or off as if done outside Terraform (the
// DNS record follows, as on the API).
func (h WebhostingHandle) SetDKIM(hostingID int64, on bool) {
	h.withAccount(hostingID, func(a *hostingAccount) {
		a.sslMail.dkim = on
		h.s.syncDKIMRecord(a)
	})
}
