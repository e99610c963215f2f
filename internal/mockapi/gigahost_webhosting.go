package mockapi

import "net/http"

// webhostingState holds the mock's Webhosting data.
type webhostingState struct{}

func newWebhostingState() *webhostingState { return &webhostingState{} }

func (s *Server) registerWebhosting(mux *http.ServeMux) {}
