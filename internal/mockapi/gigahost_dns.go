package mockapi

import "net/http"

// dnsState holds the mock's DNS data.
type dnsState struct{}

func newDNSState() *dnsState { return &dnsState{} }

func (s *Server) registerDNS(mux *http.ServeMux) {}
