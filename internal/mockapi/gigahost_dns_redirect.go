package mockapi

import "net/http"

// registerDNSRedirects serves /dns/zones/{zone_id}/redirect.
func (s *Server) registerDNSRedirects(mux *http.ServeMux) {}
